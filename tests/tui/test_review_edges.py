"""The review list: g/G, ticking several, accept all shown, the explorer's
marks (issue 16)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateline.store.ingest.pipeline import ingest
from dateline.store.timeline import Timeline
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.screens.review import ReviewScreen
from dateline.tui.view.marks import MARKS_WIDTH, event_marks
from textual.widgets import OptionList

from tests.tui.form_host import FormHost

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"
SIZE = (110, 34)


@pytest.fixture
def queued(db_path: Path) -> Timeline:
    """The seed article's eight events, all pending review."""
    timeline = Timeline.open(db_path)
    ingest(timeline, SEED.read_text(encoding="utf-8"), published=date(2026, 1, 10))
    return timeline


def pending(timeline: Timeline) -> list[str]:
    return [e.id for e in timeline.events() if e.pending]


async def test_g_and_capital_g_go_to_the_first_and_last_row(queued: Timeline) -> None:
    app = FormHost(ReviewScreen(queued))
    async with app.run_test(size=SIZE) as pilot:
        options = app.screen.query_one(OptionList)
        await pilot.press("G")
        assert options.highlighted == len(app.screen.pending) - 1
        await pilot.press("g")
        assert options.highlighted == 0


async def test_rows_carry_the_explorers_marks(queued: Timeline) -> None:
    app = FormHost(ReviewScreen(queued))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        for number, event in enumerate(app.screen.pending):
            row = str(options.get_option_at_index(number).prompt)
            marks = event_marks(event)
            assert "?" in marks  # pending
            assert f" {marks.ljust(MARKS_WIDTH)} {event.title[:20]}" in row


async def test_ticked_rows_are_accepted_together_in_one_undo_step(
    queued: Timeline,
) -> None:
    before = pending(queued)
    app = FormHost(ReviewScreen(queued))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        first, second = screen.pending[0].id, screen.pending[1].id
        await pilot.press("space", "space")  # ticks the first two rows
        assert screen.ticked == {first, second}
        row = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert row.startswith("✓ ")
        await pilot.press("a")
        await pilot.pause()
        assert pending(queued) == [i for i in before if i not in (first, second)]
        assert screen.ticked == set()
        assert screen.decisions == 2
    queued.undo()
    assert pending(queued) == before


async def test_space_twice_unticks(queued: Timeline) -> None:
    app = FormHost(ReviewScreen(queued))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "k", "space")
        assert app.screen.ticked == set()


async def test_rejecting_several_asks_first(queued: Timeline) -> None:
    before = pending(queued)
    app = FormHost(ReviewScreen(queued))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Reject the 2 ticked events?" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert pending(queued) == before
        await pilot.press("r", "y")
        await pilot.pause()
        assert len(pending(queued)) == len(before) - 2


async def test_capital_a_accepts_all_shown_after_yes(queued: Timeline) -> None:
    app = FormHost(ReviewScreen(queued))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Accept all 8 events shown?" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert pending(queued) == []
        assert app.screen.pending == []
    queued.undo()  # one step brings all eight back
    assert len(pending(queued)) == 8
