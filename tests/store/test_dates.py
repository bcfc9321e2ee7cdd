"""dateline.store.dates.parse: date phrases read against the seed article's date.

The anchor is Saturday 10 January 2026 throughout unless a test says
otherwise, so "last Saturday" and "Saturday" differ and a week ending on
Sunday 4 January crosses New Year.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest
from dateline.store.dates.parse import parse_date, to_date, warm
from dateline.store.errors import DateParseError
from dateline.store.model import PRECISIONS, FuzzyDate
from hypothesis import given, settings
from hypothesis import strategies as st

ANCHOR = date(2026, 1, 10)
D = date


def read(text: str, prefer: str = "auto", anchor: date = ANCHOR) -> FuzzyDate:
    return parse_date(text, anchor, prefer)  # type: ignore[arg-type]


def check(text: str, prefer: str, start: date, end: date, precision: str) -> None:
    fd = read(text, prefer)
    assert (fd.start, fd.end, fd.precision) == (start, end, precision), text


# --- the cases the design names -------------------------------------------

BRIEF = [
    ("last Saturday", "auto", D(2026, 1, 3), D(2026, 1, 3), "day"),
    ("on Wednesday", "past", D(2026, 1, 7), D(2026, 1, 7), "day"),
    ("on Wednesday", "auto", D(2026, 1, 7), D(2026, 1, 7), "day"),
    ("Friday", "past", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("In October", "auto", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("first week of February", "future", D(2026, 2, 1), D(2026, 2, 7), "week"),
    ("September", "past", D(2025, 9, 1), D(2025, 9, 30), "month"),
    ("3-5 Jan 2026", "auto", D(2026, 1, 3), D(2026, 1, 5), "day"),
    ("the 1990s", "auto", D(1990, 1, 1), D(1999, 12, 31), "decade"),
]


@pytest.mark.parametrize(("text", "prefer", "start", "end", "precision"), BRIEF)
def test_design_cases(
    text: str, prefer: str, start: date, end: date, precision: str
) -> None:
    check(text, prefer, start, end, precision)


def test_later_this_year_is_the_rest_of_the_anchor_year() -> None:
    fd = read("later this year")
    assert (fd.start, fd.end, fd.precision) == (ANCHOR, D(2026, 12, 31), "year")
    assert fd.approximate


def test_unreadable_text_is_an_error_quoting_it() -> None:
    with pytest.raises(DateParseError) as info:
        read("blorp")
    assert '"blorp"' in str(info.value)
    assert info.value.text == "blorp"


def test_result_keeps_the_text_and_anchor() -> None:
    fd = read("  last Saturday  ")
    assert fd.text == "last Saturday"
    assert fd.anchor == ANCHOR
    assert not fd.approximate


def test_a_datetime_anchor_counts_as_its_day() -> None:
    fd = parse_date("yesterday", datetime(2026, 1, 10, 23, 59))
    assert fd.start == D(2026, 1, 9)
    assert fd.anchor == ANCHOR


def test_bad_prefer_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="prefer"):
        parse_date("today", ANCHOR, "sometimes")  # type: ignore[arg-type]


# --- past, future, auto ---------------------------------------------------

PREFER = [
    # text, past, future, auto (start of the reading)
    ("Friday", D(2026, 1, 9), D(2026, 1, 16), D(2026, 1, 9)),
    ("Wednesday", D(2026, 1, 7), D(2026, 1, 14), D(2026, 1, 7)),
    ("Saturday", ANCHOR, ANCHOR, ANCHOR),
    ("last Saturday", D(2026, 1, 3), D(2026, 1, 3), D(2026, 1, 3)),
    ("next Tuesday", D(2026, 1, 13), D(2026, 1, 13), D(2026, 1, 13)),
    ("October", D(2025, 10, 1), D(2026, 10, 1), D(2025, 10, 1)),
    ("January", D(2026, 1, 1), D(2026, 1, 1), D(2026, 1, 1)),
    ("July", D(2025, 7, 1), D(2026, 7, 1), D(2025, 7, 1)),
    ("March", D(2025, 3, 1), D(2026, 3, 1), D(2026, 3, 1)),
    ("last October", D(2025, 10, 1), D(2025, 10, 1), D(2025, 10, 1)),
    ("next October", D(2026, 10, 1), D(2026, 10, 1), D(2026, 10, 1)),
    ("Jan 9", D(2026, 1, 9), D(2027, 1, 9), D(2026, 1, 9)),
    ("Jan 11", D(2025, 1, 11), D(2026, 1, 11), D(2026, 1, 11)),
    ("Dec 25", D(2025, 12, 25), D(2026, 12, 25), D(2025, 12, 25)),
    ("Feb 29", D(2024, 2, 29), D(2028, 2, 29), D(2024, 2, 29)),
    ("first week of February", D(2025, 2, 1), D(2026, 2, 1), D(2026, 2, 1)),
    ("late December", D(2025, 12, 21), D(2026, 12, 21), D(2025, 12, 21)),
    ("Q4", D(2025, 10, 1), D(2026, 10, 1), D(2025, 10, 1)),
    ("spring", D(2025, 3, 1), D(2026, 3, 1), D(2026, 3, 1)),
    ("summer", D(2025, 6, 1), D(2026, 6, 1), D(2025, 6, 1)),
    ("3-5 January", D(2026, 1, 3), D(2027, 1, 3), D(2026, 1, 3)),
    ("from Friday to Monday", D(2026, 1, 9), D(2026, 1, 16), D(2026, 1, 9)),
]


@pytest.mark.parametrize(("text", "past", "future", "auto"), PREFER)
def test_prefer_picks_the_year_or_week(
    text: str, past: date, future: date, auto: date
) -> None:
    assert read(text, "past").start == past
    assert read(text, "future").start == future
    assert read(text, "auto").start == auto


def test_a_month_never_gets_a_filled_in_day() -> None:
    for prefer in ("past", "future", "auto"):
        fd = read("October", prefer)
        assert fd.precision == "month"
        assert fd.start.day == 1
        assert fd.end.day == 31


# --- ranges ---------------------------------------------------------------

RANGES = [
    ("3-5 Jan 2026", D(2026, 1, 3), D(2026, 1, 5), "day"),
    ("3\u20135 January", D(2026, 1, 3), D(2026, 1, 5), "day"),
    ("Jan 3-5, 2026", D(2026, 1, 3), D(2026, 1, 5), "day"),
    ("3 Jan - 5 Feb 2026", D(2026, 1, 3), D(2026, 2, 5), "day"),
    ("29 Dec - 4 Jan 2026", D(2025, 12, 29), D(2026, 1, 4), "day"),
    ("Dec 29, 2025 - Jan 4", D(2025, 12, 29), D(2026, 1, 4), "day"),
    ("from March to May 2025", D(2025, 3, 1), D(2025, 5, 31), "month"),
    ("March-May 2025", D(2025, 3, 1), D(2025, 5, 31), "month"),
    ("between 3 and 5 January 2026", D(2026, 1, 3), D(2026, 1, 5), "day"),
    ("2024-2025", D(2024, 1, 1), D(2025, 12, 31), "year"),
    ("from 1990 to 1995", D(1990, 1, 1), D(1995, 12, 31), "year"),
    ("from last Monday to Wednesday", D(2026, 1, 5), D(2026, 1, 7), "day"),
    ("from December to February", D(2025, 12, 1), D(2026, 2, 28), "month"),
    ("from yesterday to today", D(2026, 1, 9), ANCHOR, "day"),
    ("from 2 days ago to today", D(2026, 1, 8), ANCHOR, "day"),
    ("2026-01-09 - 2026-01-12", D(2026, 1, 9), D(2026, 1, 12), "day"),
    ("9 Jan 2026 until 14 Jan 2026", D(2026, 1, 9), D(2026, 1, 14), "day"),
    ("1990s-2000s", D(1990, 1, 1), D(2009, 12, 31), "decade"),
    ("Q2-Q3 2025", D(2025, 4, 1), D(2025, 9, 30), "quarter"),
    ("spring-summer 2025", D(2025, 3, 1), D(2025, 8, 31), "season"),
    # the coarser end sets the precision
    ("from 3 Jan 2026 to March 2026", D(2026, 1, 3), D(2026, 3, 31), "month"),
    (
        "from 9 Jan 2026 14:00 to 16:00",
        datetime(2026, 1, 9, 14, 0),
        datetime(2026, 1, 9, 16, 0),
        "minute",
    ),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), RANGES)
def test_ranges(text: str, start: date, end: date, precision: str) -> None:
    check(text, "auto", start, end, precision)


def test_a_range_is_approximate_if_either_end_is() -> None:
    assert read("from about March to May 2025").approximate
    assert read("from early March to May 2025").approximate
    assert not read("from March to May 2025").approximate


def test_a_to_weekday_follows_the_start_even_when_preferring_the_future() -> None:
    fd = read("from last Monday to Wednesday", "future")
    assert (fd.start, fd.end) == (D(2026, 1, 5), D(2026, 1, 7))


@pytest.mark.parametrize(
    "text", ["2026-01-12 - 2026-01-09", "2020-2010", "from 5 Jan 2026 to 3 Jan 2026"]
)
def test_a_range_ending_before_it_starts_is_an_error(text: str) -> None:
    with pytest.raises(DateParseError, match="before the start"):
        read(text)


# --- amounts of time from the anchor ----------------------------------------
# dateparser read these once; the grammar now does, with the same readings.

AMOUNTS = [
    ("2 days ago", D(2026, 1, 8), D(2026, 1, 8), "day"),
    ("in 3 weeks", D(2026, 1, 26), D(2026, 2, 1), "week"),
    ("a week ago", D(2025, 12, 29), D(2026, 1, 4), "week"),
    ("a fortnight ago", D(2025, 12, 22), D(2025, 12, 28), "week"),
    ("in two weeks", D(2026, 1, 19), D(2026, 1, 25), "week"),
    ("2 weeks from now", D(2026, 1, 19), D(2026, 1, 25), "week"),
    ("in 2 months", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("3 years ago", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("January the 9th", D(2026, 1, 9), D(2026, 1, 9), "day"),
    ("yesterday morning", D(2026, 1, 9), D(2026, 1, 9), "day"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), AMOUNTS)
def test_amounts_of_time_from_the_anchor(
    text: str, start: date, end: date, precision: str
) -> None:
    check(text, "auto", start, end, precision)


def test_dateparser_still_reads_what_the_grammar_does_not() -> None:
    fd = read("1 year and 2 months ago")
    assert (fd.start, fd.end, fd.precision) == (
        D(2024, 11, 1),
        D(2024, 11, 30),
        "month",
    )


# --- times of day ---------------------------------------------------------

TIMES = [
    ("2026-01-09T14:30", datetime(2026, 1, 9, 14, 30), "minute"),
    ("2026-01-09 14:30", datetime(2026, 1, 9, 14, 30), "minute"),
    ("9 Jan 2026, 2:30pm", datetime(2026, 1, 9, 14, 30), "minute"),
    ("Friday 9 January 2026 14:30", datetime(2026, 1, 9, 14, 30), "minute"),
    ("at 14:30", datetime(2026, 1, 10, 14, 30), "minute"),
    ("noon", datetime(2026, 1, 10, 12, 0), "minute"),
    ("5pm", datetime(2026, 1, 10, 17, 0), "hour"),
    ("Friday at 5pm", datetime(2026, 1, 9, 17, 0), "hour"),
    ("yesterday at 5pm", datetime(2026, 1, 9, 17, 0), "hour"),
    ("jan 9th 2026 at 2pm", datetime(2026, 1, 9, 14, 0), "hour"),
]


@pytest.mark.parametrize(("text", "start", "precision"), TIMES)
def test_times_of_day(text: str, start: datetime, precision: str) -> None:
    fd = read(text)
    assert (fd.start, fd.precision) == (start, precision)
    # An hour covers its whole hour; a minute is one instant.
    expected_end = start.replace(minute=59) if precision == "hour" else start
    assert fd.end == expected_end


def test_hours_ago_is_about_a_day_since_the_anchor_has_no_time() -> None:
    # The anchor day is read as its noon: "1 hour ago" in an article stamped
    # 10 Jan is 10 Jan, not the day before.
    fd = read("3 hours ago")
    assert (fd.start, fd.precision, fd.approximate) == (D(2026, 1, 10), "day", True)
    assert read("30 hours ago").start == D(2026, 1, 9)


# --- what must not be read ------------------------------------------------

UNREADABLE = [
    "",
    "   ",
    "blorp",
    "second",
    "a second time",
    "the cat 5",
    "friday 3",
    "hello friday",
    "3",
    "9th",
    "2 weeks",
    "0 year",
    "October 12:30",
    "2 month ago ago",
    "x" * 500,
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_junk_is_refused(text: str) -> None:
    with pytest.raises(DateParseError):
        read(text)


def test_the_1990s_never_reaches_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.store.dates.parse

    def refuse(*args: object) -> None:
        raise AssertionError("dateparser was asked")

    monkeypatch.setattr(dateline.store.dates.parse, "_dateparser", refuse)
    assert read("the 1990s").precision == "decade"
    assert read("In October").precision == "month"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("blorp", "names no day"),
        ("3", "number alone"),
        ("10000", "out of range"),
        ("0000", "out of range"),
        ("Oct 12026", "out of range"),
        ("9 Jan 10000", "out of range"),
        ("999999999 days ago", "out of range"),
        ("44 BC", "BCE"),
        ("100 BCE", "BCE"),
        ("29 Feb 2025", "no day 29"),
        ("Thu 9 Jan 2026", "is a Friday"),
        ("2026-02-30", "February 2026 has no day 30"),
        ("2026-13-01", "no month 13"),
        ("5th week of February 2026", "no 5th week"),
    ],
)
def test_errors_say_why(text: str, hint: str) -> None:
    with pytest.raises(DateParseError) as info:
        read(text)
    assert hint in str(info.value)
    assert f'"{text}"' in str(info.value)


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("next year", D(9999, 6, 1)),
        ("last year", D(1, 6, 1)),
        ("next month", D(9999, 12, 15)),
        ("next week", D(9999, 12, 30)),
        ("tomorrow", D(9999, 12, 31)),
    ],
)
def test_stepping_past_the_calendar_is_an_error(text: str, anchor: date) -> None:
    with pytest.raises(DateParseError):
        parse_date(text, anchor)


def test_week_across_new_year() -> None:
    fd = parse_date("this week", D(2027, 1, 1))
    assert (fd.start, fd.end) == (D(2026, 12, 28), D(2027, 1, 3))


# --- helpers and import cost ----------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(2026, 1, 9), D(2026, 1, 9)),
        (datetime(2026, 1, 9, 14, 30), D(2026, 1, 9)),
        ("2026-01-09", D(2026, 1, 9)),
        ("2026-01-09T14:30", D(2026, 1, 9)),
    ],
)
def test_to_date(value: date | str, expected: date) -> None:
    assert to_date(value) == expected


def test_importing_dates_does_not_import_dateparser() -> None:
    code = "import sys, dateline.store.dates.parse; print('dateparser' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_warm_loads_dateparser() -> None:
    warm()
    assert "dateparser" in sys.modules


# --- never a traceback ----------------------------------------------------

# Words the grammar and the guards care about, so that random phrases reach
# the deep paths (ranges, markers, year limits) and not just the first check.
_VOCABULARY = (
    "last next this the of in on from to between and early mid late first week"
    " month year Q3 2025 1990s '90s - \u2013 / . , ~ about c. summer winter jan"
    " February Friday ago 3 29 31 12:30 5pm 9999 10000 0 2024-2025 2026-01-09"
    " days weeks BC ? ish since until night morning following coming few and"
    " 3pm at on week weekend 9/1/2026 25.12.25 end that later"
)
_TOKENS = st.sampled_from(_VOCABULARY.split())


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(st.text(max_size=40), st.lists(_TOKENS, max_size=6).map(" ".join)),
    prefer=st.sampled_from(["past", "future", "auto"]),
)
def test_any_text_reads_or_raises_date_parse_error(text: str, prefer: str) -> None:
    try:
        fd = read(text, prefer)
    except DateParseError:
        return
    assert fd.start_day <= fd.end_day
    assert fd.precision in PRECISIONS
