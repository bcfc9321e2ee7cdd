"""store.dates.labels: a FuzzyDate shown at its own precision, short enough for a
timeline row, and read back by the parser to the same span."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from dateline.store.dates.labels import describe, format_when
from dateline.store.dates.parse import parse_date
from dateline.store.model import FuzzyDate

D = date
ANCHOR = date(2026, 1, 10)


def fd(start: date, end: date, precision: str, approximate: bool = False) -> FuzzyDate:
    return FuzzyDate(start, end, precision, approximate=approximate)  # type: ignore[arg-type]


WHEN = [
    # days and times
    (fd(D(2026, 1, 9), D(2026, 1, 9), "day"), "Fri 9 Jan 2026"),
    (
        fd(datetime(2026, 1, 9, 14, 30), datetime(2026, 1, 9, 14, 30), "minute"),
        "Fri 9 Jan 2026 14:30",
    ),
    (
        fd(datetime(2026, 1, 9, 14, 0), datetime(2026, 1, 9, 16, 0), "minute"),
        "Fri 9 Jan 2026 14:00-16:00",
    ),
    (
        fd(datetime(2026, 1, 9, 17, 0), datetime(2026, 1, 9, 17, 59), "hour"),
        "Fri 9 Jan 2026 17:00",
    ),
    (fd(D(2026, 1, 3), D(2026, 1, 5), "day"), "3-5 Jan 2026"),
    (fd(D(2026, 1, 3), D(2026, 2, 5), "day"), "3 Jan - 5 Feb 2026"),
    (fd(D(2025, 11, 5), D(2026, 2, 4), "day"), "5 Nov 2025 - 4 Feb 2026"),
    # weeks
    (fd(D(2026, 2, 1), D(2026, 2, 7), "week"), "1-7 Feb 2026"),
    (fd(D(2026, 1, 26), D(2026, 2, 1), "week"), "26 Jan - 1 Feb 2026"),
    (fd(D(2025, 12, 29), D(2026, 1, 4), "week"), "29 Dec - 4 Jan 2026"),
    # months
    (fd(D(2025, 10, 1), D(2025, 10, 31), "month"), "Oct 2025"),
    (fd(D(2026, 2, 1), D(2026, 2, 10), "month", True), "early Feb 2026"),
    (fd(D(2026, 2, 11), D(2026, 2, 20), "month", True), "mid Feb 2026"),
    (fd(D(2024, 2, 21), D(2024, 2, 29), "month", True), "late Feb 2024"),
    (fd(D(2026, 1, 10), D(2026, 1, 31), "month", True), "Jan 2026 (later)"),
    (fd(D(2026, 1, 1), D(2026, 1, 12), "month", True), "Jan 2026 (earlier)"),
    (fd(D(2025, 3, 1), D(2025, 5, 31), "month"), "Mar-May 2025"),
    (fd(D(2025, 11, 1), D(2026, 2, 28), "month"), "Nov 2025 - Feb 2026"),
    # quarters and seasons
    (fd(D(2025, 7, 1), D(2025, 9, 30), "quarter"), "Q3 2025"),
    (fd(D(2025, 1, 1), D(2025, 6, 30), "quarter"), "H1 2025"),
    (fd(D(2025, 4, 1), D(2025, 9, 30), "quarter"), "Apr-Sep 2025"),
    (fd(D(2025, 6, 1), D(2025, 8, 31), "season"), "Summer 2025"),
    (fd(D(2025, 9, 1), D(2025, 11, 30), "season"), "Autumn 2025"),
    (fd(D(2025, 12, 1), D(2026, 2, 28), "season"), "Winter 2025-26"),
    # years and decades
    (fd(D(2026, 1, 1), D(2026, 12, 31), "year"), "2026"),
    (fd(D(2026, 1, 10), D(2026, 12, 31), "year", True), "2026 (later)"),
    (fd(D(2026, 1, 1), D(2026, 1, 10), "year", True), "2026 (earlier)"),
    (fd(D(2025, 1, 1), D(2025, 4, 30), "year", True), "early 2025"),
    (fd(D(2025, 5, 1), D(2025, 8, 31), "year", True), "mid 2025"),
    (fd(D(2025, 9, 1), D(2025, 12, 31), "year", True), "late 2025"),
    (fd(D(2024, 1, 1), D(2025, 12, 31), "year"), "2024-2025"),
    (fd(D(1990, 1, 1), D(1999, 12, 31), "decade"), "1990s"),
    (fd(D(1990, 1, 1), D(1993, 12, 31), "decade", True), "early 1990s"),
    (fd(D(1997, 1, 1), D(1999, 12, 31), "decade", True), "late 1990s"),
    (fd(D(1980, 1, 1), D(1999, 12, 31), "decade"), "1980s-1990s"),
    # approximate without a word of its own
    (fd(D(2025, 10, 1), D(2025, 10, 31), "month", True), "c. Oct 2025"),
    (fd(D(2020, 1, 1), D(2020, 12, 31), "year", True), "c. 2020"),
    (fd(D(2026, 1, 9), D(2026, 1, 9), "day", True), "c. Fri 9 Jan 2026"),
    (fd(D(1990, 1, 1), D(1999, 12, 31), "decade", True), "c. 1990s"),
]


@pytest.mark.parametrize(("when", "text"), WHEN)
def test_format_when(when: FuzzyDate, text: str) -> None:
    assert format_when(when) == text


@pytest.mark.parametrize(("when", "_text"), WHEN)
def test_format_when_is_short(when: FuzzyDate, _text: str) -> None:
    assert len(format_when(when)) <= 26


@pytest.mark.parametrize(
    ("when", "text"),
    [
        (fd(D(2026, 1, 9), D(2026, 1, 9), "day"), "Fri 9 Jan"),
        (fd(D(2026, 1, 3), D(2026, 1, 5), "day"), "3-5 Jan"),
        # a clock time fits the row's 13-cell date column: no weekday
        (
            fd(datetime(2026, 1, 9, 6, 0), datetime(2026, 1, 9, 6, 59), "hour"),
            "9 Jan 06:00",
        ),
        (
            fd(datetime(2026, 1, 19, 14, 30), datetime(2026, 1, 19, 14, 30), "minute"),
            "19 Jan 14:30",
        ),
        (fd(D(2025, 10, 1), D(2025, 10, 31), "month"), "Oct"),
        (fd(D(2025, 7, 1), D(2025, 9, 30), "quarter"), "Q3"),
        (fd(D(2025, 6, 1), D(2025, 8, 31), "season"), "Summer"),
        # a year, a decade or a span across years still needs its years
        (fd(D(2026, 1, 1), D(2026, 12, 31), "year"), "2026"),
        (fd(D(2025, 12, 29), D(2026, 1, 4), "week"), "29 Dec - 4 Jan 2026"),
        (fd(D(2025, 12, 1), D(2026, 2, 28), "season"), "Winter 2025-26"),
    ],
)
def test_format_when_without_year(when: FuzzyDate, text: str) -> None:
    assert format_when(when, with_year=False) == text


@pytest.mark.parametrize(
    ("when", "text"),
    [
        (fd(D(2026, 1, 9), D(2026, 1, 9), "day"), "Fri 9 Jan 2026 · day"),
        (fd(D(2026, 2, 1), D(2026, 2, 7), "week"), "1-7 Feb 2026 · week"),
        (fd(D(2025, 10, 1), D(2025, 10, 31), "month"), "Oct 2025 · month"),
        (
            fd(D(2026, 1, 9), D(2026, 12, 31), "year", True),
            "9 Jan - 31 Dec 2026 · year, approximate",
        ),
        (
            fd(D(2025, 1, 1), D(2025, 4, 30), "year", True),
            "Jan-Apr 2025 · year, approximate",
        ),
        (
            fd(D(1990, 1, 1), D(1993, 12, 31), "decade", True),
            "1990-1993 · decade, approximate",
        ),
        (
            fd(D(2026, 2, 1), D(2026, 2, 10), "month", True),
            "1-10 Feb 2026 · month, approximate",
        ),
        (
            fd(D(2025, 10, 1), D(2025, 10, 31), "month", True),
            "Oct 2025 · month, approximate",
        ),
        (fd(D(1990, 1, 1), D(1999, 12, 31), "decade"), "1990s · decade"),
    ],
)
def test_describe(when: FuzzyDate, text: str) -> None:
    assert describe(when) == text


def test_describe_a_typed_phrase() -> None:
    assert describe(parse_date("last Friday", ANCHOR)) == "Fri 9 Jan 2026 · day"
    later = parse_date("later this year", date(2026, 1, 9))
    assert describe(later) == "9 Jan - 31 Dec 2026 · year, approximate"


@pytest.mark.parametrize(
    "phrase",
    [
        "Fri 9 Jan 2026",
        "2026-01-09 14:30",
        "first week of February",
        "last week",
        "3-5 Jan 2026",
        "3 Jan - 5 Feb 2026",
        "In October",
        "early Feb 2026",
        "about October 2025",
        "March-May 2025",
        "from November to February",
        "Q3 2025",
        "first half of 2025",
        "summer 2024",
        "winter 2025",
        "2026",
        "early 2025",
        "2024-2025",
        "the 1990s",
        "early 1990s",
    ],
)
def test_what_is_shown_reads_back_the_same(phrase: str) -> None:
    first = parse_date(phrase, ANCHOR)
    again = parse_date(format_when(first), ANCHOR)
    assert (again.start, again.end) == (first.start, first.end)
    assert again.approximate == first.approximate
