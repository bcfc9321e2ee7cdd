"""Which dates are coarse: they lead their year, above the month headings.

One rule (``FuzzyDate.coarse``) for the explorer's layout and the Markdown
report; the layout side is checked in tests/tui/view/test_layout_coarse.py.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from dateline.store.formats.markdown import dumps_markdown
from dateline.store.model import Event, FuzzyDate, Precision
from dateline.store.timeline import Timeline

D = date


@pytest.mark.parametrize(
    ("start", "end", "precision", "coarse"),
    [
        (D(2026, 1, 9), D(2026, 1, 9), "day", False),
        (D(2026, 2, 1), D(2026, 2, 7), "week", False),
        (D(2025, 10, 1), D(2025, 10, 31), "month", False),
        # Across a month end but short: it sits under the month it starts in.
        (D(2026, 1, 25), D(2026, 2, 3), "day", False),
        (D(2025, 12, 29), D(2026, 1, 4), "week", False),
        # 31 days is still a month; 32 runs into a second one.
        (D(2026, 1, 15), D(2026, 2, 14), "day", False),
        (D(2026, 1, 15), D(2026, 2, 15), "day", True),
        (D(2025, 3, 1), D(2025, 5, 31), "month", True),
        (D(2026, 1, 1), D(2026, 3, 31), "quarter", True),
        (D(2024, 6, 1), D(2024, 8, 31), "season", True),
        (D(2026, 1, 10), D(2026, 12, 31), "year", True),
        (D(1990, 1, 1), D(1999, 12, 31), "decade", True),
        # A one-day "year" reading is still only known to the year.
        (D(2026, 1, 1), D(2026, 1, 1), "year", True),
        (datetime(2026, 1, 9, 14), datetime(2026, 1, 9, 15), "hour", False),
    ],
)
def test_coarse_is_precision_coarser_than_month_or_longer_than_a_month(
    start: date, end: date, precision: Precision, coarse: bool
) -> None:
    assert FuzzyDate(start, end, precision).coarse is coarse


def _headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_markdown_puts_a_short_span_across_months_under_its_first_month(
    db_path: Path,
) -> None:
    timeline = Timeline.open(db_path)
    span = Event(
        when=FuzzyDate(D(2026, 1, 25), D(2026, 2, 3), "day"), title="Talks", id="ev-a"
    )
    long = Event(
        when=FuzzyDate(D(2026, 1, 5), D(2026, 3, 20), "day"), title="Strike", id="ev-b"
    )
    timeline.put(span, long)
    text = dumps_markdown(timeline, timeline.events(), title="T")
    assert _headings(text) == [
        "# T",
        "## 2026",
        "#### 5 Jan - 20 Mar 2026 — Strike",
        "### January 2026",
        "#### 25 Jan - 3 Feb 2026 — Talks",
    ]
    timeline.close()
