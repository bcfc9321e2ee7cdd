"""What keeps a cursor key within a frame (issue 19): the key's frame carries
the moved row alone, the panes follow in the frame after, and nothing a move
does lays the screen or the timeline out again. No test here measures a time.
"""

from __future__ import annotations

from typing import Any

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.main import host
from dateline.tui.view.layout import Layout, build_layout
from dateline.tui.widgets.panes import RecordPane
from dateline.tui.widgets.timeline_view import TimelineView

from tests.tui.explorer_helpers import SIZE, TODAY, highlighted, pane_ids
from tests.tui.waits import settle


class Painted(DatelineApp):
    """Counts the frames handed to the terminal driver."""

    frames = 0

    def _display(self, screen: Any, renderable: Any) -> None:
        self.frames += 1
        super()._display(screen, renderable)


def _actors_of(timeline: Timeline, event_id: str | None) -> list[str]:
    assert event_id is not None
    return [ref.actor for ref in timeline.events_by_id[event_id].actors]


async def test_cursor_keys_lay_nothing_out(
    demo: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving builds no layout, sets none in the view, and never lays the
    screen out: refilling a pane of fixed size repaints it, nothing more
    (each pane refill used to re-lay and repaint every widget)."""
    built: list[int] = []
    set_layouts: list[int] = []

    def counted_build(events: list[Any], today: Any) -> Layout:
        built.append(len(events))
        return build_layout(events, today)

    monkeypatch.setattr(host, "build_layout", counted_build)
    set_layout = TimelineView.set_layout

    def counted_set(view: TimelineView, layout: Layout, select: int | None) -> None:
        set_layouts.append(len(layout))
        set_layout(view, layout, select)

    monkeypatch.setattr(TimelineView, "set_layout", counted_set)
    app = Painted(demo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        built.clear()
        set_layouts.clear()
        layouts: list[object] = []
        screen = app.screen
        # Published by every layout of the screen (the demo fits on it, so
        # no move scrolls either). Before, every pane refill laid out.
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)

        def scrollbars() -> list[bool]:
            return [p.show_vertical_scrollbar for p in screen.query(RecordPane)]

        refills_without_layout = 0
        for key in ["g", *"jjjjjjjjjj", "G", *"kkkk", "left_square_bracket"]:
            before, bars, shown = len(layouts), scrollbars(), pane_ids(app)
            await pilot.press(key)
            await settle(pilot)
            assert pane_ids(app)["actors"] == _actors_of(demo, highlighted(app))
            if len(layouts) > before:
                # Only a pane's scrollbar coming or going lays out (Textual's
                # own rule for scrollbars).
                assert scrollbars() != bars, key
            elif pane_ids(app) != shown:
                refills_without_layout += 1
        assert refills_without_layout >= 5  # the panes really changed
        assert built == [] and set_layouts == []


async def test_the_row_is_painted_before_the_panes_fill(demo: Timeline) -> None:
    """The key's own frame shows the moved row; the panes and the detail
    strip are filled after it (and do land, for where the cursor is)."""
    app = Painted(demo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.main
        view = screen.view
        moved_at: list[int] = []
        panes_at: list[int] = []
        sync = screen.sync_panes
        move = view.action_move

        def moved(step: int) -> None:
            moved_at.append(app.frames)
            move(step)

        def synced() -> None:
            panes_at.append(app.frames)
            sync()

        # Instance attributes: bindings and the host look actions up by name.
        view.action_move = moved  # type: ignore[method-assign]  # a spy
        screen.sync_panes = synced  # type: ignore[method-assign]  # a spy
        for key in "jjkj":
            await pilot.press(key)
            await settle(pilot)
            assert panes_at[-1] > moved_at[-1], (moved_at, panes_at)
            assert pane_ids(app)["actors"] == _actors_of(demo, highlighted(app))
        assert len(panes_at) == len(moved_at) == 4
