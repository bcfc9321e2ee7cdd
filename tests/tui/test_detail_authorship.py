"""The detail strip says who added the highlighted event and who changed it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.widgets.detail import DetailStrip, detail_text

from tests.tui.explorer_helpers import SIZE, make_app

DAY = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")


def test_authors_in_the_detail_text() -> None:
    event = Event(DAY, "Call")
    assert "by " not in detail_text(event).plain  # saved before authors
    assert "by ana" in detail_text(replace(event, created_by="ana")).plain
    both = replace(event, created_by="ana", updated_by="ben")
    assert "by ana, edited by ben" in detail_text(both).plain


async def test_the_strip_shows_who_saved_the_event(tmp_path) -> None:  # type: ignore[no-untyped-def]
    timeline = Timeline.open(tmp_path / "t.json", author="ana")
    timeline.put(Event(DAY, "Call", id="ev-call"))
    timeline.author = "ben"
    event = timeline.event("ev-call")
    with timeline.change() as tx:
        tx.update(event, replace(event, summary="Edited"))
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        strip = app.screen.query_one(DetailStrip)
        assert "by ana, edited by ben" in str(strip.render())
