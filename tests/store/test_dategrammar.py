"""Each form of the date grammar (dateline.store.dates.grammar), read through the
public parse_date against Saturday 10 January 2026, the seed article's date.

Kept apart from test_dates.py, which covers the pipeline around the grammar:
preferences, ranges, dateparser, guards and errors.
"""

from __future__ import annotations

from datetime import date

import pytest
from dateline.store.dates.parse import parse_date

ANCHOR = date(2026, 1, 10)
D = date


def check(text: str, start: date, end: date, precision: str) -> None:
    fd = parse_date(text, ANCHOR)
    assert (fd.start, fd.end, fd.precision) == (start, end, precision), text


# --- our grammar, form by form --------------------------------------------

FORMS = [
    # ISO and numeric
    ("2026-01-09", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("2025-09", D(2025, 9, 1), D(2025, 9, 30), "month"),
    ("2026", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("in 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("20260109", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("2026/01/09", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("2026-W06", D(2026, 2, 2), D(2026, 2, 8), "week"),
    ("2024-25", D(2024, 1, 1), D(2025, 12, 31), "year"),
    ("0001", D(1, 1, 1), D(1, 12, 31), "year"),
    ("31 Dec 9999", D(9999, 12, 31), D(9999, 12, 31), "day"),
    # days with names
    ("9 Jan 2026", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("Fri 9 Jan 2026", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("Friday, January 9th, 2026", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("on the 9th of January 2026", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("29 Feb 2024", D(2024, 2, 29), D(2024, 2, 29), "day"),
    # ordinal weeks
    ("second week of February", D(2026, 2, 8), D(2026, 2, 14), "week"),
    ("the third week of February 2026", D(2026, 2, 15), D(2026, 2, 21), "week"),
    ("4th week of February 2026", D(2026, 2, 22), D(2026, 2, 28), "week"),
    ("last week of February 2026", D(2026, 2, 22), D(2026, 2, 28), "week"),
    ("last week of February 2024", D(2024, 2, 23), D(2024, 2, 29), "week"),
    ("1st week of March 2025", D(2025, 3, 1), D(2025, 3, 7), "week"),
    ("second week in March 2025", D(2025, 3, 8), D(2025, 3, 14), "week"),
    ("fifth week of March 2026", D(2026, 3, 29), D(2026, 3, 31), "week"),
    # parts of months and years
    ("early February 2026", D(2026, 2, 1), D(2026, 2, 10), "month"),
    ("mid-January", D(2026, 1, 11), D(2026, 1, 20), "month"),
    ("late February 2024", D(2024, 2, 21), D(2024, 2, 29), "month"),
    ("the end of March 2025", D(2025, 3, 21), D(2025, 3, 31), "month"),
    ("early 2025", D(2025, 1, 1), D(2025, 4, 30), "year"),
    ("mid-2025", D(2025, 5, 1), D(2025, 8, 31), "year"),
    ("in late 2025", D(2025, 9, 1), D(2025, 12, 31), "year"),
    # quarters and halves
    ("Q3 2025", D(2025, 7, 1), D(2025, 9, 30), "quarter"),
    ("the third quarter of 2025", D(2025, 7, 1), D(2025, 9, 30), "quarter"),
    ("2025 Q2", D(2025, 4, 1), D(2025, 6, 30), "quarter"),
    ("Q1", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    ("the last quarter of 2025", D(2025, 10, 1), D(2025, 12, 31), "quarter"),
    ("first half of 2025", D(2025, 1, 1), D(2025, 6, 30), "quarter"),
    ("H2 2025", D(2025, 7, 1), D(2025, 12, 31), "quarter"),
    # seasons (meteorological, northern)
    ("spring 2025", D(2025, 3, 1), D(2025, 5, 31), "season"),
    ("summer of 2024", D(2024, 6, 1), D(2024, 8, 31), "season"),
    ("last summer", D(2025, 6, 1), D(2025, 8, 31), "season"),
    ("this autumn", D(2026, 9, 1), D(2026, 11, 30), "season"),
    ("fall 2023", D(2023, 9, 1), D(2023, 11, 30), "season"),
    ("winter 2025", D(2025, 12, 1), D(2026, 2, 28), "season"),
    ("winter 2023", D(2023, 12, 1), D(2024, 2, 29), "season"),
    ("winter 2025-26", D(2025, 12, 1), D(2026, 2, 28), "season"),
    ("this winter", D(2025, 12, 1), D(2026, 2, 28), "season"),
    ("next spring", D(2026, 3, 1), D(2026, 5, 31), "season"),
    # decades
    ("1990s", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("the '90s", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("the 90s", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("the nineties", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("during the 2000s", D(2000, 1, 1), D(2009, 12, 31), "decade"),
    ("the '20s", D(2020, 1, 1), D(2029, 12, 31), "decade"),
    ("early 1990s", D(1990, 1, 1), D(1993, 12, 31), "decade"),
    ("mid-1990s", D(1994, 1, 1), D(1996, 12, 31), "decade"),
    ("late '80s", D(1987, 1, 1), D(1989, 12, 31), "decade"),
    ("last decade", D(2010, 1, 1), D(2019, 12, 31), "decade"),
    # periods around the anchor
    ("earlier this year", D(2026, 1, 1), ANCHOR, "year"),
    ("later this month", ANCHOR, D(2026, 1, 31), "month"),
    ("earlier this month", D(2026, 1, 1), ANCHOR, "month"),
    ("later this week", ANCHOR, D(2026, 1, 11), "week"),
    ("this year", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("last year", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("next year", D(2027, 1, 1), D(2027, 12, 31), "year"),
    ("this month", D(2026, 1, 1), D(2026, 1, 31), "month"),
    ("last month", D(2025, 12, 1), D(2025, 12, 31), "month"),
    ("next month", D(2026, 2, 1), D(2026, 2, 28), "month"),
    ("this week", D(2026, 1, 5), D(2026, 1, 11), "week"),
    ("last week", D(2025, 12, 29), D(2026, 1, 4), "week"),
    ("next week", D(2026, 1, 12), D(2026, 1, 18), "week"),
    ("next quarter", D(2026, 4, 1), D(2026, 6, 30), "quarter"),
    ("this weekend", D(2026, 1, 10), D(2026, 1, 11), "day"),
    ("last weekend", D(2026, 1, 3), D(2026, 1, 4), "day"),
    ("last October", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("next October", D(2026, 10, 1), D(2026, 10, 31), "month"),
    ("this October", D(2026, 10, 1), D(2026, 10, 31), "month"),
    ("October last year", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("October 2025", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("Oct", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("past 3 months", D(2025, 10, 11), ANCHOR, "month"),
    ("the past week", D(2026, 1, 4), ANCHOR, "week"),
    ("last 3 days", D(2026, 1, 8), ANCHOR, "day"),
    # weekdays with modifiers
    ("this Friday", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("Friday last week", D(2026, 1, 2), D(2026, 1, 2), "day"),
    ("Friday next week", D(2026, 1, 16), D(2026, 1, 16), "day"),
    ("next Tuesday", D(2026, 1, 13), D(2026, 1, 13), "day"),
    ("Sunday", D(2026, 1, 11), D(2026, 1, 11), "day"),
    ("Monday 12 January", D(2026, 1, 12), D(2026, 1, 12), "day"),
    # relative days
    ("yesterday", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("today", ANCHOR, ANCHOR, "day"),
    ("tomorrow", D(2026, 1, 11), D(2026, 1, 11), "day"),
    ("now", ANCHOR, ANCHOR, "day"),
    ("the day before yesterday", D(2026, 1, 8), D(2026, 1, 8), "day"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), FORMS)
def test_forms(text: str, start: date, end: date, precision: str) -> None:
    check(text, start, end, precision)


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("early February 2026", True),
        ("mid-2025", True),
        ("early 1990s", True),
        ("earlier this year", True),
        ("recent weeks", True),
        ("recent months", True),
        ("the 1990s", False),
        ("Q3 2025", False),
        ("last week of February 2026", False),
        ("past 3 months", False),
    ],
)
def test_words_that_make_a_date_approximate(text: str, approximate: bool) -> None:
    assert parse_date(text, ANCHOR).approximate is approximate


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("recent weeks", D(2025, 12, 14), ANCHOR, "week"),
        ("in recent months", D(2025, 10, 11), ANCHOR, "month"),
        ("recent years", D(2023, 1, 11), ANCHOR, "year"),
    ],
)
def test_recent_windows_end_at_the_anchor(
    text: str, start: date, end: date, precision: str
) -> None:
    check(text, start, end, precision)


# --- approximate markers --------------------------------------------------

MARKED = [
    ("about 2020", D(2020, 1, 1), D(2020, 12, 31)),
    ("around March 2025", D(2025, 3, 1), D(2025, 3, 31)),
    ("circa 1990", D(1990, 1, 1), D(1990, 12, 31)),
    ("c. 1990", D(1990, 1, 1), D(1990, 12, 31)),
    ("c.1990", D(1990, 1, 1), D(1990, 12, 31)),
    ("ca. 1990", D(1990, 1, 1), D(1990, 12, 31)),
    ("approximately 2 days ago", D(2026, 1, 8), D(2026, 1, 8)),
    ("roughly the 1990s", D(1990, 1, 1), D(1999, 12, 31)),
    ("shortly after 9 Jan 2026", D(2026, 1, 9), D(2026, 1, 9)),
    ("shortly before Q3 2025", D(2025, 7, 1), D(2025, 9, 30)),
    ("some time in 2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("sometime in early 2025", D(2025, 1, 1), D(2025, 4, 30)),
    ("~2020", D(2020, 1, 1), D(2020, 12, 31)),
    ("2020?", D(2020, 1, 1), D(2020, 12, 31)),
    ("2020ish", D(2020, 1, 1), D(2020, 12, 31)),
    ("October 2025 or so", D(2025, 10, 1), D(2025, 10, 31)),
]


@pytest.mark.parametrize(("text", "start", "end"), MARKED)
def test_approximate_markers_are_stripped_and_recorded(
    text: str, start: date, end: date
) -> None:
    fd = parse_date(text, ANCHOR)
    assert (fd.start, fd.end) == (start, end)
    assert fd.approximate
    assert fd.text == text


@pytest.mark.parametrize(
    ("text", "prefer", "day"),
    [
        ("Christmas", "past", date(2025, 12, 25)),
        ("Christmas Eve 2025", "auto", date(2025, 12, 24)),
        ("New Year's Eve", "past", date(2025, 12, 31)),
        ("new years day", "future", date(2027, 1, 1)),
        ("last Thanksgiving", "auto", date(2025, 11, 27)),
        ("Easter 2026", "auto", date(2026, 4, 5)),
        ("Easter 2024", "auto", date(2024, 3, 31)),
        ("Good Friday 2025", "auto", date(2025, 4, 18)),
        ("Election Day 2024", "auto", date(2024, 11, 5)),
        ("Memorial Day 2025", "auto", date(2025, 5, 26)),
        ("Labor Day 2025", "auto", date(2025, 9, 1)),
        ("next Halloween", "past", date(2026, 10, 31)),
    ],
)
def test_holidays(text: str, prefer: str, day: date) -> None:
    fd = parse_date(text, date(2026, 1, 10), prefer=prefer)  # type: ignore[arg-type]
    assert (fd.start, fd.end, fd.precision) == (day, day, "day")


def test_bare_weekend_follows_the_preference() -> None:
    anchor = date(2026, 1, 14)  # a Wednesday
    past = parse_date("the weekend", anchor, prefer="past")
    future = parse_date("the weekend", anchor, prefer="future")
    assert (past.start, past.end) == (date(2026, 1, 10), date(2026, 1, 11))
    assert (future.start, future.end) == (date(2026, 1, 17), date(2026, 1, 18))


# --- news forms: financial periods, centuries, spoken years, the present ----

NEWS_FORMS = [
    ("third-quarter", D(2025, 7, 1), D(2025, 9, 30), "quarter"),
    ("fiscal first quarter of 2025", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("the 2024 third quarter", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    ("this year's second quarter", D(2026, 4, 1), D(2026, 6, 30), "quarter"),
    ("next year's first quarter", D(2027, 1, 1), D(2027, 3, 31), "quarter"),
    ("the last half of 2024", D(2024, 7, 1), D(2024, 12, 31), "quarter"),
    ("fiscal 2027", D(2027, 1, 1), D(2027, 12, 31), "year"),
    ("the 19th century", D(1800, 1, 1), D(1899, 12, 31), "century"),
    ("the 21st century", D(2000, 1, 1), D(2099, 12, 31), "century"),
    ("last century", D(1900, 1, 1), D(1999, 12, 31), "century"),
    ("nineteen ninety-six", D(1996, 1, 1), D(1996, 12, 31), "year"),
    ("nineteen oh five", D(1905, 1, 1), D(1905, 12, 31), "year"),
    ("the year two thousand", D(2000, 1, 1), D(2000, 12, 31), "year"),
    ("two thousand and nine", D(2009, 1, 1), D(2009, 12, 31), "year"),
    ("March nineteen eighty-two", D(1982, 3, 1), D(1982, 3, 31), "month"),
    ("the winter of nineteen ninety-four", D(1994, 12, 1), D(1995, 2, 28), "season"),
    ("Thanksgiving Day 2025", D(2025, 11, 27), D(2025, 11, 27), "day"),
    ("year-end 2025", D(2025, 12, 31), D(2025, 12, 31), "day"),
    ("now", ANCHOR, ANCHOR, "day"),
    ("currently", ANCHOR, ANCHOR, "day"),
    ("right now", ANCHOR, ANCHOR, "day"),
    ("at present", ANCHOR, ANCHOR, "day"),
    ("recently", D(2025, 10, 11), ANCHOR, "month"),
    ("in the past", D(2016, 1, 11), ANCHOR, "year"),
    ("the near future", ANCHOR, D(2026, 4, 9), "month"),
    ("in the future", ANCHOR, D(2036, 1, 9), "year"),
    ("the coming quarters", ANCHOR, D(2026, 7, 9), "quarter"),
    ("the past two quarters", D(2025, 7, 11), ANCHOR, "quarter"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), NEWS_FORMS)
def test_news_forms(text: str, start: date, end: date, precision: str) -> None:
    check(text, start, end, precision)


def test_vague_present_references_are_approximate() -> None:
    assert parse_date("recently", ANCHOR).approximate
    assert parse_date("in the future", ANCHOR).approximate
    assert not parse_date("now", ANCHOR).approximate


@pytest.mark.parametrize(
    ("prefer", "day"), [("past", D(2025, 12, 31)), ("future", D(2026, 12, 31))]
)
def test_year_end_follows_the_preference(prefer: str, day: date) -> None:
    fd = parse_date("year-end", ANCHOR, prefer=prefer)  # type: ignore[arg-type]
    assert (fd.start, fd.precision) == (day, "day")
