"""Issue 5's whole story through the explorer's keys: add "last Friday" with
known actors, edit, delete, undo, quit, reopen."""

from __future__ import annotations

from pathlib import Path

from dateline.store.timeline import Timeline
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.screens.event_form import EventFormScreen
from textual.widgets import Input

from tests.tui.explorer_helpers import SIZE, TODAY, highlighted, make_app, type_text


async def test_add_edit_delete_undo_then_reopen(demo_path: Path) -> None:
    timeline = Timeline.open(demo_path)
    actors_before = len(timeline.actors())
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, EventFormScreen)
        await type_text(pilot, "last Friday")
        await pilot.press("enter")  # straight to the title
        await type_text(pilot, "Petro and Trump talk again")
        app.screen.query_one("#actors", Input).focus()
        await type_text(pilot, "trump, Petro")
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = app.main.view.event
        assert added is not None and added.title == "Petro and Trump talk again"
        assert added.when.start == added.when.end == TODAY.replace(day=9)
        assert added.actor_ids == ("ac-trump", "ac-petro")
        assert len(timeline.actors()) == actors_before

        await pilot.press("e")
        title = app.screen.query_one("#title", Input)
        title.value = "Petro and Trump speak again"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert timeline.event(added.id).title == "Petro and Trump speak again"

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert added.id not in timeline.events_by_id

        await pilot.press("u")
        await pilot.pause()
        assert timeline.event(added.id).title == "Petro and Trump speak again"
        assert highlighted(app) == added.id
        await pilot.press("q")
    timeline.close()
    reopened = Timeline.open(demo_path)
    again = reopened.event(added.id)
    assert again.title == "Petro and Trump speak again"
    assert again.actor_ids == ("ac-trump", "ac-petro")
    assert len(reopened.actors()) == actors_before
