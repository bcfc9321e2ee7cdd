"""The review queue after ingesting the seed article, driven by its keys."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateline.store.ingest.pipeline import ingest
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.screens.review import MergeTargetScreen, ReviewScreen
from textual.widgets import Input, OptionList, Static

from tests.tui.form_host import FormHost

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"
SIZE = (110, 34)


@pytest.fixture
def ingested(db_path: Path) -> tuple[Timeline, str]:
    """A timeline holding the seed article's events, all pending, and one
    event entered by hand on the same Friday."""
    timeline = Timeline.open(db_path)
    report = ingest(timeline, SEED.read_text(encoding="utf-8"))
    friday = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day", "Friday")
    timeline.put(Event(when=friday, title="Trump posts invitation on Truth Social"))
    return timeline, report.source.id


def detail(app: FormHost) -> str:
    return str(app.screen.query_one("#review-detail", Static).render())


def pending_titles(timeline: Timeline) -> list[str]:
    return [e.when.text for e in timeline.events() if e.pending]


async def highlight(pilot, when_text: str) -> None:  # type: ignore[no-untyped-def]
    """Move with j from the top until the event read from ``when_text``."""
    screen = pilot.app.screen
    screen.query_one(OptionList).highlighted = 0
    for _ in range(len(screen.pending)):
        if screen.current is not None and screen.current.when.text == when_text:
            return
        await pilot.press("j")
    raise AssertionError(f"no pending event read from {when_text!r}")


async def test_shows_sentence_reading_and_queue(ingested: tuple[Timeline, str]) -> None:
    timeline, source_id = ingested
    app = FormHost(ReviewScreen(timeline, source_id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.screen.pending) == 8
        await highlight(pilot, "In October")
        shown = detail(app)
        assert "imposed sanctions on Petro" in shown
        assert "Oct 2025 · month" in shown
        assert "Gustavo Petro" in shown


async def test_accept_reject_merge_then_back(ingested: tuple[Timeline, str]) -> None:
    timeline, source_id = ingested
    manual = next(e for e in timeline.events() if e.origin == "manual")
    app = FormHost(ReviewScreen(timeline, source_id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # accept
        await highlight(pilot, "In October")
        october = app.screen.current.id
        await pilot.press("a")
        assert timeline.event(october).review == "accepted"
        assert "In October" not in pending_titles(timeline)
        # reject: the event goes, its quote stays in the article
        await highlight(pilot, "last Saturday")
        saturday = app.screen.current
        (watch,) = saturday.quotes
        await pilot.press("r")
        assert saturday.id not in timeline.events_by_id
        assert timeline.quote(watch).event is None
        # merge the extracted Friday announcement into the hand-entered one
        await highlight(pilot, "on Friday")
        friday = app.screen.current
        await pilot.press("m")
        assert isinstance(app.screen, MergeTargetScreen)
        assert app.screen.candidates[0].id == manual.id  # same day first
        await pilot.press(*"truth")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert friday.id not in timeline.events_by_id
        merged = timeline.event(manual.id)
        assert set(merged.quotes) == set(friday.quotes) and len(merged.quotes) == 3
        assert all(timeline.quote(q).event == manual.id for q in merged.quotes)
        names = {timeline.actors_by_id[a].name for a in merged.actor_ids}
        assert {"Donald Trump", "Gustavo Petro"} <= names
        assert source_id in merged.sources
        assert len(app.screen.pending) == 5
        await pilot.press("escape")
        await pilot.pause()
    assert app.result == 3
    reopened = Timeline.open(timeline.path)
    assert len([e for e in reopened.events() if e.pending]) == 5


async def test_merge_can_be_cancelled(ingested: tuple[Timeline, str]) -> None:
    timeline, source_id = ingested
    before = timeline.all_docs()
    app = FormHost(ReviewScreen(timeline, source_id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        assert isinstance(app.screen, MergeTargetScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert timeline.all_docs() == before


async def test_edit_opens_the_form_on_the_article_date_and_accepts(
    ingested: tuple[Timeline, str],
) -> None:
    from dateline.tui.screens.event_form import EventFormScreen

    timeline, source_id = ingested
    app = FormHost(ReviewScreen(timeline, source_id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await highlight(pilot, "on Wednesday")
        call = app.screen.current
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventFormScreen)
        assert "article date" in str(form.query_one("#date-anchor", Static).render())
        title = form.query_one("#title", Input)
        title.value = "Trump and Petro speak by telephone"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    saved = timeline.event(call.id)
    assert saved.title == "Trump and Petro speak by telephone"
    assert saved.review == "accepted"
    assert saved.when.start == date(2026, 1, 7)


async def test_empty_queue_says_so(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    app = FormHost(ReviewScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "reviewed" in detail(app)
        await pilot.press("a")
        await pilot.press("escape")
        await pilot.pause()
    assert app.result == 0


async def test_queue_rows_carry_the_explorers_marks(
    ingested: tuple[Timeline, str],
) -> None:
    timeline, source_id = ingested
    app = FormHost(ReviewScreen(timeline, source_id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        rows = {
            event.when.text: str(options.get_option_at_index(i).prompt)
            for i, event in enumerate(app.screen.pending)
        }
    # The announced visit is expected (and pending, as all are here).
    assert "→" in rows["during the first week of February"]
    assert " E " not in rows["during the first week of February"]
    assert "→" not in rows["In October"]
