"""Issue 17's acceptance test: two articles give different days for one
event. Through the real ingest pipeline, they make one event with two
claims, marked disputed in the row and the event view, found by the
disputed filter, listed in the Markdown export; and as of the day before the
second article, the event shows one claim and no dispute."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.store.evidence import is_disputed, listed_as_of
from dateline.store.formats.markdown import dumps_markdown
from dateline.store.ingest.pipeline import ingest
from dateline.store.model import Event
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from dateline.tui.screens.event_view import EventScreen
from dateline.tui.view.marks import event_marks
from dateline.tui.widgets.detail import DetailStrip
from textual.widgets import Static

from tests.tui.explorer_helpers import (
    SIZE,
    goto,
    header,
    main_screen,
    make_app,
    shown_ids,
)

ARTICLES = Path(__file__).resolve().parents[1] / "claims_articles"


def ingest_both(timeline: Timeline) -> Event:
    """The AFP story (Thursday 8 Jan: the call was "on Wednesday"), then
    Kurdistan24's (Saturday 10 Jan: "on Thursday"); the call's event."""
    first = ingest(timeline, (ARTICLES / "afp_call.txt").read_text(), accept=True)
    second = ingest(timeline, (ARTICLES / "k24_call.txt").read_text(), accept=True)
    (call_id,) = second.joined_ids
    assert call_id in first.event_ids
    return timeline.event(call_id)


def row_text(app: object, event_id: str) -> str:
    view = main_screen(app).view  # type: ignore[arg-type]
    assert view.select_id(event_id)
    line = view.layout_data.event_line(view.cursor) - int(view.scroll_y)
    return "".join(seg.text for seg in view.render_line(line))


def test_two_articles_make_one_disputed_event(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    call = ingest_both(timeline)
    calls = [e for e in timeline.events() if "telephone" in e.title]
    assert [e.id for e in calls] == [call.id]
    afp, k24 = (timeline.source(c.source) for c in call.claims)
    assert (afp.outlet, k24.outlet) == ("AFP", "Kurdistan24")
    assert [c.when.start for c in call.claims] == [date(2026, 1, 7), date(2026, 1, 8)]
    assert [c.when.text for c in call.claims] == ["on Wednesday", "on Thursday"]
    # The span points at the words in each article's body.
    for claim, source in zip(call.claims, (afp, k24), strict=True):
        assert claim.span is not None
        assert source.body[claim.span[0] : claim.span[1]] == claim.when.text
    assert is_disputed(call) and "!" in event_marks(call)
    assert timeline.events(EventFilter(disputed_only=True)) == [call]
    # Reopened from disk, the claims are all still there.
    assert Timeline.open(db_path).event(call.id).claims == call.claims
    report = dumps_markdown(timeline, timeline.events())
    assert "**Disputed date.** The sources say:" in report
    assert "- AFP (2026-01-08): Wed 7 Jan 2026 “on Wednesday”" in report
    assert "- Kurdistan24 (2026-01-10): Thu 8 Jan 2026 “on Thursday”" in report


def test_as_of_the_day_before_the_second_article_one_claim(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    call = ingest_both(timeline)
    sources = timeline.sources_by_id
    then = {e.id: e for e in listed_as_of(timeline.events(), sources, date(2026, 1, 9))}
    assert len(then[call.id].claims) == 1
    assert then[call.id].claims[0].when.text == "on Wednesday"
    assert not is_disputed(then[call.id]) and "!" not in event_marks(then[call.id])
    # Kurdistan24's other event (the February meeting) was not known yet.
    assert all("February" not in e.when.text for e in then.values())
    assert listed_as_of(timeline.events(), sources, date(2026, 1, 7)) == []


async def test_disputed_in_the_row_the_strip_the_view_and_the_filter(
    db_path: Path,
) -> None:
    timeline = Timeline.open(db_path)
    call = ingest_both(timeline)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, call.id)
        assert "!" in row_text(app, call.id)
        strip = str(main_screen(app).query_one(DetailStrip).render())
        assert "AFP: Wed 7 Jan 2026" in strip and "Kurdistan24: Thu 8 Jan 2026" in strip
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert shown_ids(app) == [call.id]
        assert "disputed only" in header(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        text = str(app.screen.query_one("#event-text", Static).render())
        assert "Claims · disputed: the dates do not overlap" in text
        assert "AFP (2026-01-08): Wed 7 Jan 2026 “on Wednesday”" in text
        assert "Kurdistan24 (2026-01-10): Thu 8 Jan 2026 “on Thursday”" in text
