"""Opening a timeline longer than the window shows the highlighted event:
the detail strip never describes a row nobody can see."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.widgets.timeline_view import TimelineView

from tests.tui.explorer_helpers import SIZE, TODAY, make_app
from tests.tui.waits import settle


def _long_timeline(path: Path) -> Timeline:
    timeline = Timeline.open(path)
    start = TODAY - timedelta(days=600)
    with timeline.change() as tx:
        for n in range(300):
            day = start + timedelta(days=2 * n)
            tx.put(Event(FuzzyDate(day, day, "day"), f"Event {n}", id=f"ev-{n}"))
    return timeline


async def test_the_event_nearest_today_is_on_screen_when_opened(
    tmp_path: Path,
) -> None:
    timeline = _long_timeline(tmp_path / "long.json")
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(TimelineView)
        assert view.event is not None
        assert view.event.when.start >= TODAY - timedelta(days=2), "cursor near today"
        line = view.layout_data.event_line(view.cursor)
        top = int(view.scroll_y)
        assert top <= line < top + view.scrollable_content_region.height, (
            f"cursor line {line} is off screen (rows {top} and below)"
        )
    timeline.close()


async def test_an_old_today_still_opens_on_screen(tmp_path: Path) -> None:
    # Today before the first event: the cursor is the first row, at the top.
    timeline = _long_timeline(tmp_path / "long.json")
    app = DatelineApp(timeline, today=date(2000, 1, 1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(TimelineView)
        line = view.layout_data.event_line(view.cursor)
        assert int(view.scroll_y) <= line
    timeline.close()
