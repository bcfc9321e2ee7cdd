"""Keys typed in a burst just before ctrl+s are all in what is saved (issue 12, 3).

A paste without bracketed paste, a macro or a busy app delivers many keys at
once. They are posted here the way the driver posts them, with no pause for
the app to catch up, so ctrl+s arrives while the typed keys are still queued.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.store.model import Actor
from dateline.store.timeline import Timeline
from dateline.tui.screens.actor_edit import ActorEditScreen
from dateline.tui.screens.event_form import EventFormScreen
from dateline.tui.screens.export import ExportScreen
from dateline.tui.screens.ingest import IngestResult, IngestScreen
from textual import events
from textual.app import App
from textual.widgets import Input

from tests.tui.explorer_helpers import SIZE, make_app
from tests.tui.form_host import FormHost
from tests.tui.waits import settle

BURST = "Parliament approves the 2026 budget"


def post_burst(app: App[None], text: str) -> None:
    """Every key of ``text`` and then ctrl+s, queued without waiting."""
    for char in text:
        key = "space" if char == " " else char
        app.post_message(events.Key(key, char))
    app.post_message(events.Key("ctrl+s", None))


async def test_event_form_saves_every_key_typed_before_ctrl_s(tmp_path: Path) -> None:
    timeline = Timeline.open(tmp_path / "t.json")
    screen = EventFormScreen(timeline, anchor=date(2026, 1, 10), anchor_label="today")
    app = FormHost(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#date-input", Input).value = "2026-01-09"
        app.screen.query_one("#title", Input).focus()
        await pilot.pause()
        post_burst(app, BURST)
        await settle(pilot)
        await pilot.pause()
    assert [event.title for event in timeline.events()] == [BURST]


async def test_ingest_form_reads_the_whole_path_typed_before_ctrl_s(
    tmp_path: Path,
) -> None:
    article = tmp_path / "council-meeting-report.txt"
    article.write_text("The council met on Tuesday.", encoding="utf-8")
    timeline = Timeline.open(tmp_path / "t.json")
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=(110, 40)) as pilot:
        app.screen.query_one("#ingest-published", Input).value = "2026-01-10"
        app.screen.query_one("#ingest-file", Input).focus()
        await pilot.pause()
        post_burst(app, str(article))
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    result = app.results[-1]
    assert isinstance(result, IngestResult)
    assert [source.body for source in timeline.sources()] == [article.read_text()]


async def test_export_writes_to_the_whole_path_typed_before_ctrl_s(
    tmp_path: Path,
) -> None:
    timeline = Timeline.open(tmp_path / "t.json")
    target = tmp_path / "the-whole-name.md"
    app = FormHost(ExportScreen(timeline, []))
    async with app.run_test(size=(100, 30)) as pilot:
        field = app.screen.query_one("#export-path", Input)
        field.value = ""
        field.focus()
        await pilot.pause()
        post_burst(app, str(target))
        await settle(pilot)
        await pilot.pause()
    assert [p.name for p in tmp_path.glob("*.md")] == [target.name]


async def test_actor_edit_saves_the_whole_name_typed_before_ctrl_s(
    tmp_path: Path,
) -> None:
    timeline = Timeline.open(tmp_path / "t.json")
    actor = Actor(name="Petro")
    timeline.put(actor)
    app = FormHost(ActorEditScreen(timeline, actor.id))
    async with app.run_test(size=(100, 30)) as pilot:
        field = app.screen.query_one("#name", Input)
        field.value = ""
        field.focus()
        await pilot.pause()
        post_burst(app, "Gustavo Petro Urrego")
        await settle(pilot)
        await pilot.pause()
    assert timeline.actor(actor.id).name == "Gustavo Petro Urrego"


async def test_search_uses_every_key_typed_before_enter(tmp_path: Path) -> None:
    timeline = Timeline.open(tmp_path / "t.json")
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        for char in "cocaine":
            app.post_message(events.Key(char, char))
        app.post_message(events.Key("enter", "\r"))
        await settle(pilot)
        await pilot.pause()
        assert app.main.view.search == "cocaine"
