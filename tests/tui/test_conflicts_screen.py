"""The conflicts queue, driven by its keys over the real app."""

from __future__ import annotations

from dataclasses import replace

import pytest
from dateline.store.formats.native import export_native, import_native
from dateline.store.timeline import Timeline
from dateline.tui.screens.conflicts import ConflictsScreen
from dateline.tui.screens.main.screen import MainScreen
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.tui.explorer_helpers import SIZE, make_app


def _edit(timeline: Timeline, event_id: str, **changes: str) -> None:
    event = timeline.event(event_id)
    with timeline.change() as tx:
        tx.update(event, replace(event, **changes))


@pytest.fixture
def conflicted(demo: Timeline) -> Timeline:
    """The demo after importing a copy that changed two events it changed too."""
    demo.author = "alice"
    other = Timeline.memory("bob")
    import_native(other, export_native(demo))
    _edit(demo, "ev-announcement", title="Alice's title")
    _edit(other, "ev-announcement", title="Bob's title", summary="Bob's summary")
    _edit(demo, "ev-phone-call", place="Bogotá")
    _edit(other, "ev-phone-call", place="Washington")
    report = import_native(demo, export_native(other), origin="bob.json")
    assert len(report.conflicts) == 2
    return demo


async def _open(pilot: Pilot) -> ConflictsScreen:
    await pilot.pause()
    await pilot.press("C")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ConflictsScreen)
    return screen


async def test_field_by_field_keeps_my_title_and_takes_their_summary(
    conflicted: Timeline,
) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert [c.record for c in screen.conflicts] == [
            "ev-announcement",
            "ev-phone-call",
        ]
        assert [d.name for d in screen.diffs] == ["title", "summary"]
        await pilot.press("tab", "j", "space")
        assert screen.theirs == {"summary"}
        await pilot.press("s")
        await pilot.pause()
        event = conflicted.event("ev-announcement")
        assert (event.title, event.summary) == ("Alice's title", "Bob's summary")
        assert [c.record for c in screen.conflicts] == ["ev-phone-call"]
        # The other one: keep theirs whole.
        await pilot.press("t")
        await pilot.pause()
        assert conflicted.event("ev-phone-call").place == "Washington"
        assert not conflicted.conflicts_by_id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_keep_mine_keeps_mine_and_undo_brings_the_conflict_back(
    conflicted: Timeline,
) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert conflicted.event("ev-announcement").title == "Alice's title"
        assert len(screen.query_one("#conflicts-list", OptionList).options) == 1
        await pilot.press("escape", "u")
        await pilot.pause()
        assert "events/ev-announcement" in conflicted.conflicts_by_id


async def test_the_key_and_the_palette_say_when_there_is_nothing(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        told = [m for _, m, _ in app.messages]
        assert any("No conflicts" in m for m in told)
        # The palette lists it by name, from the binding.
        from dateline.tui.palette import ExplorerCommands

        provider = ExplorerCommands(app.screen)
        names = [name for name, _keys, _run in provider._commands()]
        assert "Conflicts to settle" in names


async def test_opening_announces_waiting_conflicts(conflicted: Timeline) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        messages = [m for _, m, _ in app.messages]
        assert any("Press C to settle them" in m for m in messages)


def test_conflicts_screen_snapshot(conflicted: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:
        await _open(pilot)
        await pilot.press("tab", "j", "space")
        await pilot.pause()
        app = pilot.app
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(conflicted), terminal_size=SIZE, run_before=steps)


async def test_an_import_in_another_process_is_announced_after_reload(
    demo: Timeline,
) -> None:
    """`dateline import` run beside the open explorer: R reloads, and the
    conflicts it left are announced with the key to settle them."""
    copy = Timeline.memory("bob")
    import_native(copy, export_native(demo))
    _edit(copy, "ev-announcement", title="Bob's title")
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        _edit(demo, "ev-announcement", title="Alice's title")
        assert demo.path is not None
        other = Timeline.open(demo.path)  # the import verb's own process
        report = import_native(other, export_native(copy), origin="bob.json")
        other.close()
        assert report.conflicts
        await pilot.press("R")
        await pilot.pause()
        told = [m for _, m, _ in app.messages]
        assert any("Press C to settle them" in m for m in told)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
