"""Changing data from the explorer: add, edit, delete, undo, redo, reload."""

from __future__ import annotations

import json
from pathlib import Path

import dateline.store.timeline
import pytest
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.screens.event_form import EventFormScreen
from textual.widgets import Input

from tests.tui.explorer_helpers import (
    SIZE,
    TODAY,
    goto,
    highlighted,
    main_screen,
    make_app,
    pane_ids,
    shown_ids,
    type_text,
)
from tests.tui.waits import settle


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [m for _, m, _ in app.messages]


async def test_delete_asks_then_undo_and_redo(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-phone-call")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert "ev-phone-call" in demo.events_by_id
        await pilot.press("d", "y")
        assert "ev-phone-call" not in demo.events_by_id
        assert "ev-phone-call" not in shown_ids(app)
        assert highlighted(app) == "ev-announcement"  # the next one down
        assert any(
            "Deleted “Trump and Petro speak by telephone”" in n for n in notes(app)
        )
        await pilot.press("u")
        assert "ev-phone-call" in shown_ids(app)
        assert highlighted(app) == "ev-phone-call"
        assert any("Undo: restored" in n for n in notes(app))
        await pilot.press("ctrl+r")
        assert "ev-phone-call" not in shown_ids(app)
        assert any("Redo: removed" in n for n in notes(app))
    demo.close()
    assert "ev-phone-call" not in Timeline.open(demo.path).events_by_id


async def test_delete_takes_the_events_own_quotes_and_undo_brings_them_back(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        await pilot.press("d", "y")
        assert "qu-cocaine" not in demo.quotes_by_id
        await pilot.press("u")
        await goto(pilot, "ev-announcement")
        assert pane_ids(app)["quotes"] == [
            "qu-look-forward",
            "qu-work-out",
            "qu-cocaine",
        ]


async def test_nothing_to_undo_says_so(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        assert "Nothing to undo." in notes(app)
        assert len(shown_ids(app)) == 8


async def test_add_opens_the_form_and_highlights_the_new_event(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, EventFormScreen)
        await type_text(pilot, "last Friday")
        app.screen.query_one("#title", Input).focus()
        await pilot.pause()
        await type_text(pilot, "Petro replies on X")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is main_screen(app)
        event = main_screen(app).view.event
        assert event is not None and event.title == "Petro replies on X"
        assert event.when.start == TODAY.replace(day=9)
        assert len(shown_ids(app)) == 9
        assert any("Added “Petro replies on X”" in n for n in notes(app))
        await pilot.press("u")
        assert len(shown_ids(app)) == 8


async def test_edit_opens_the_form_on_the_highlighted_event(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-sanctions")
        await pilot.press("e")
        assert isinstance(app.screen, EventFormScreen)
        title = app.screen.query_one("#title", Input)
        assert title.value == "U.S. imposes sanctions on Petro"
        title.value = "U.S. sanctions Petro"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert highlighted(app) == "ev-sanctions"
        assert demo.event("ev-sanctions").title == "U.S. sanctions Petro"


async def test_changes_by_another_process_are_offered_for_reload(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        other = Timeline.open(demo.path)
        other.put(
            Event(FuzzyDate(TODAY, TODAY, "day"), "Added elsewhere", id="ev-else")
        )
        app._poll_outside()
        await pilot.pause()
        assert any("Press R to reload" in n for n in notes(app))
        assert "ev-else" not in shown_ids(app)
        await pilot.press("R")
        assert "ev-else" in shown_ids(app)
        other.close()


async def test_a_due_snapshot_is_written_in_a_worker(
    demo: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dateline.store.timeline, "SNAPSHOT_AFTER", 1)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-phone-call")
        await pilot.press("d", "y")
        await settle(pilot)
        assert demo.pending_journal == 0
        assert not app.snapshot_running
    path: Path = demo.path  # type: ignore[assignment]
    written = json.loads(path.read_text("utf-8"))
    assert all(doc["id"] != "ev-phone-call" for doc in written["events"].values())
    # What is left of it is its tombstone, so a deletion travels.
    assert any(t["record"] == "ev-phone-call" for t in written["tombstones"].values())
