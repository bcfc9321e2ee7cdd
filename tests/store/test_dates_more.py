"""dateline.store.dates.parse: the phrases of news text and typing added after the first
grammar, read through the public parse_date against Saturday 10 January 2026.

Parts of days, clock-first times, windows from the anchor, parts of "next
year" and "the month", "the week of", since/until, "X and Y", numeric dates;
and, as carefully, what is refused and the hint each refusal gives.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime

import pytest
from dateline.store.dates.parse import parse_date
from dateline.store.errors import DateParseError
from dateline.store.model import FuzzyDate

ANCHOR = date(2026, 1, 10)  # a Saturday
D = date
T = datetime


def read(text: str, prefer: str = "auto") -> FuzzyDate:
    return parse_date(text, ANCHOR, prefer)  # type: ignore[arg-type]


def check(fd: FuzzyDate, start: date, end: date, precision: str, approx: bool) -> None:
    got = (fd.start, fd.end, fd.precision, fd.approximate)
    assert got == (start, end, precision, approx), fd.text


# --- amounts of time from the anchor, read as dateparser read them ----------

SHIFTED = [
    ("2 days ago", D(2026, 1, 8), D(2026, 1, 8), "day", False),
    ("3 days hence", D(2026, 1, 13), D(2026, 1, 13), "day", False),
    ("a week ago", D(2025, 12, 29), D(2026, 1, 4), "week", False),
    ("in a fortnight", D(2026, 1, 19), D(2026, 1, 25), "week", False),
    ("12 months ago", D(2025, 1, 1), D(2025, 1, 31), "month", False),
    ("in a year", D(2027, 1, 1), D(2027, 12, 31), "year", False),
    ("about 3 years ago", D(2023, 1, 1), D(2023, 12, 31), "year", True),
    ("a decade ago", D(2016, 1, 1), D(2016, 12, 31), "year", True),
    ("two decades ago", D(2006, 1, 1), D(2006, 12, 31), "year", True),
    ("in 3 hours", ANCHOR, ANCHOR, "day", True),
    ("30 hours ago", D(2026, 1, 9), D(2026, 1, 9), "day", True),
    ("this morning", ANCHOR, ANCHOR, "day", False),
    ("last night", D(2026, 1, 9), D(2026, 1, 9), "day", False),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "approx"), SHIFTED)
def test_amounts_of_time_from_the_anchor(
    text: str, start: date, end: date, precision: str, approx: bool
) -> None:
    check(read(text), start, end, precision, approx)


def test_a_month_ago_clips_to_a_shorter_month() -> None:
    fd = parse_date("a month ago", D(2026, 3, 31))
    assert (fd.start, fd.end) == (D(2026, 2, 1), D(2026, 2, 28))


# --- a part of a day keeps the day ------------------------------------------

PARTS_OF_DAY = [
    # text, prefer, the day
    ("Tuesday night", "auto", D(2026, 1, 13)),
    ("Tuesday night", "past", D(2026, 1, 6)),
    ("Tuesday night", "future", D(2026, 1, 13)),
    ("Friday evening", "auto", D(2026, 1, 9)),
    ("Friday evening", "future", D(2026, 1, 16)),
    ("Monday morning", "auto", D(2026, 1, 12)),
    ("Monday morning", "past", D(2026, 1, 5)),
    ("on Friday afternoon", "past", D(2026, 1, 9)),
    ("on the night of 3 January", "auto", D(2026, 1, 3)),
    ("the morning of 9 Jan 2026", "auto", D(2026, 1, 9)),
    ("in the early hours of Saturday", "past", D(2026, 1, 10)),
    ("late on Friday", "auto", D(2026, 1, 9)),
    ("late on Friday", "future", D(2026, 1, 16)),
    ("early Tuesday", "past", D(2026, 1, 6)),
    ("late yesterday", "auto", D(2026, 1, 9)),
    ("yesterday morning", "auto", D(2026, 1, 9)),
    ("9 Jan 2026 in the evening", "auto", D(2026, 1, 9)),
    ("Sunday overnight", "auto", D(2026, 1, 11)),
]


@pytest.mark.parametrize(("text", "prefer", "day"), PARTS_OF_DAY)
def test_a_part_of_a_day_is_that_day(text: str, prefer: str, day: date) -> None:
    check(read(text, prefer), day, day, "day", False)


def test_parts_of_days_make_a_range() -> None:
    fd = read("from Friday night to Sunday morning", "past")
    check(fd, D(2026, 1, 9), D(2026, 1, 11), "day", False)


# --- a clock time before or with its day -------------------------------------

CLOCKS = [
    ("at 3 p.m. on Tuesday", "auto", T(2026, 1, 13, 15), "hour"),
    ("3pm Friday", "auto", T(2026, 1, 9, 15), "hour"),
    ("3 pm on Friday", "future", T(2026, 1, 16, 15), "hour"),
    ("noon on Friday", "past", T(2026, 1, 9, 12), "minute"),
    ("14:30 on 9 January 2026", "auto", T(2026, 1, 9, 14, 30), "minute"),
    ("3pm yesterday", "auto", T(2026, 1, 9, 15), "hour"),
    ("Friday evening at 8pm", "past", T(2026, 1, 9, 20), "hour"),
    ("Tuesday morning at 9:15", "future", T(2026, 1, 13, 9, 15), "minute"),
    ("2 days ago at 5pm", "auto", T(2026, 1, 8, 17), "hour"),
    ("in 3 days at 14:00", "auto", T(2026, 1, 13, 14), "minute"),
    ("this morning at 9am", "auto", T(2026, 1, 10, 9), "hour"),
]


@pytest.mark.parametrize(("text", "prefer", "start", "precision"), CLOCKS)
def test_clock_times_before_the_day(
    text: str, prefer: str, start: datetime, precision: str
) -> None:
    fd = read(text, prefer)
    end = start.replace(minute=59) if precision == "hour" else start
    check(fd, start, end, precision, False)


def span(fd: FuzzyDate) -> tuple[object, ...]:
    return (fd.start, fd.end, fd.precision, fd.approximate)


def test_clock_first_reads_as_clock_last() -> None:
    assert span(read("at 3 p.m. on Tuesday")) == span(read("Tuesday at 3 p.m."))
    assert span(read("3pm Friday")) == span(read("Friday at 3pm"))


# --- windows from the anchor ---------------------------------------------------

WINDOWS = [
    ("the next two years", D(2026, 1, 10), D(2028, 1, 9), "year", False),
    ("the coming weeks", D(2026, 1, 10), D(2026, 2, 6), "week", True),
    ("in the coming months", D(2026, 1, 10), D(2026, 4, 9), "month", True),
    ("the next few days", D(2026, 1, 10), D(2026, 1, 16), "day", True),
    ("the past few weeks", D(2025, 12, 14), D(2026, 1, 10), "week", True),
    ("the last few days", D(2026, 1, 4), D(2026, 1, 10), "day", True),
    ("the next couple of weeks", D(2026, 1, 10), D(2026, 1, 23), "week", True),
    ("within the next 12 months", D(2026, 1, 10), D(2027, 1, 9), "month", False),
    ("for the past two weeks", D(2025, 12, 28), D(2026, 1, 10), "week", False),
    ("over the next decade", D(2026, 1, 10), D(2036, 1, 9), "decade", False),
    ("over the past decade", D(2016, 1, 11), D(2026, 1, 10), "decade", False),
    ("recent decades", D(1996, 1, 11), D(2026, 1, 10), "decade", True),
    ("in two years' time", D(2028, 1, 1), D(2028, 12, 31), "year", False),
    ("in two years\u2019 time", D(2028, 1, 1), D(2028, 12, 31), "year", False),
    ("in a week's time", D(2026, 1, 12), D(2026, 1, 18), "week", False),
    ("in 3 months time", D(2026, 4, 1), D(2026, 4, 30), "month", False),
    ("in five days' time", D(2026, 1, 15), D(2026, 1, 15), "day", False),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "approx"), WINDOWS)
def test_windows_from_the_anchor(
    text: str, start: date, end: date, precision: str, approx: bool
) -> None:
    check(read(text), start, end, precision, approx)


def test_calendar_units_keep_their_reading() -> None:
    # Singular "next"/"last" units stay calendar units; "previous" is "last".
    check(read("the coming week"), D(2026, 1, 12), D(2026, 1, 18), "week", False)
    check(read("next decade"), D(2030, 1, 1), D(2039, 12, 31), "decade", False)
    check(read("the previous week"), D(2025, 12, 29), D(2026, 1, 4), "week", False)


# --- a part of this, next or last year, month, week ---------------------------

UNIT_PARTS = [
    ("early next year", "auto", D(2027, 1, 1), D(2027, 4, 30), "year"),
    ("late last year", "auto", D(2025, 9, 1), D(2025, 12, 31), "year"),
    ("early this year", "auto", D(2026, 1, 1), D(2026, 4, 30), "year"),
    ("mid-next year", "auto", D(2027, 5, 1), D(2027, 8, 31), "year"),
    ("later next month", "auto", D(2026, 2, 1), D(2026, 2, 28), "month"),
    ("earlier last year", "auto", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("late this month", "auto", D(2026, 1, 21), D(2026, 1, 31), "month"),
    ("the start of next month", "auto", D(2026, 2, 1), D(2026, 2, 10), "month"),
    ("at the end of the month", "auto", D(2026, 1, 21), D(2026, 1, 31), "month"),
    ("at the end of the month", "past", D(2025, 12, 21), D(2025, 12, 31), "month"),
    ("end of the year", "auto", D(2026, 9, 1), D(2026, 12, 31), "year"),
    ("end of the year", "past", D(2025, 9, 1), D(2025, 12, 31), "year"),
    ("by the end of the year", "future", D(2026, 9, 1), D(2026, 12, 31), "year"),
    ("the beginning of the year", "past", D(2026, 1, 1), D(2026, 4, 30), "year"),
    ("the beginning of the year", "future", D(2026, 1, 1), D(2026, 4, 30), "year"),
    ("the end of 2025", "auto", D(2025, 9, 1), D(2025, 12, 31), "year"),
    ("early next week", "auto", D(2026, 1, 12), D(2026, 1, 13), "week"),
    ("the end of the week", "auto", D(2026, 1, 9), D(2026, 1, 11), "week"),
    ("the end of the decade", "auto", D(2027, 1, 1), D(2029, 12, 31), "decade"),
]


@pytest.mark.parametrize(("text", "prefer", "start", "end", "precision"), UNIT_PARTS)
def test_parts_of_relative_periods_are_approximate(
    text: str, prefer: str, start: date, end: date, precision: str
) -> None:
    check(read(text, prefer), start, end, precision, True)


def test_the_end_of_a_year_is_its_late_third() -> None:
    # As "the end of March" is 21-31 March: one meaning of "end" everywhere.
    assert span(read("the end of 2025")) == span(read("late 2025"))
    assert span(read("the end of the year", "past")) == span(read("late 2025"))


@pytest.mark.parametrize(
    ("text", "prefer", "start", "end"),
    [
        ("the second half of the year", "auto", D(2026, 7, 1), D(2026, 12, 31)),
        ("the second half of the year", "past", D(2025, 7, 1), D(2025, 12, 31)),
        ("the first quarter of next year", "auto", D(2027, 1, 1), D(2027, 3, 31)),
        ("the last quarter of the year", "past", D(2025, 10, 1), D(2025, 12, 31)),
        ("the first half of this year", "past", D(2026, 1, 1), D(2026, 6, 30)),
    ],
)
def test_halves_and_quarters_of_the_year(
    text: str, prefer: str, start: date, end: date
) -> None:
    check(read(text, prefer), start, end, "quarter", False)


def test_a_range_to_the_end_of_the_year_stays_in_its_year() -> None:
    fd = read("from March 2024 to the end of the year")
    assert (fd.start, fd.end) == (D(2024, 3, 1), D(2024, 12, 31))


# --- the week or weekend of a day ---------------------------------------------

WEEKS_OF = [
    ("the week of January 12", D(2026, 1, 12), D(2026, 1, 18), "week"),
    ("the week of 12 January 2026", D(2026, 1, 12), D(2026, 1, 18), "week"),
    ("the week of Wednesday 14 January", D(2026, 1, 12), D(2026, 1, 18), "week"),
    ("week of Sunday 11 January 2026", D(2026, 1, 5), D(2026, 1, 11), "week"),
    ("the week beginning 13 January 2026", D(2026, 1, 13), D(2026, 1, 19), "week"),
    ("the weekend of 10-11 January", D(2026, 1, 10), D(2026, 1, 11), "day"),
    ("the weekend of January 10-11", D(2026, 1, 10), D(2026, 1, 11), "day"),
    ("the weekend of 17 and 18 January 2026", D(2026, 1, 17), D(2026, 1, 18), "day"),
    ("the weekend of 10 January", D(2026, 1, 10), D(2026, 1, 11), "day"),
    ("the weekend of 11 January 2026", D(2026, 1, 10), D(2026, 1, 11), "day"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), WEEKS_OF)
def test_the_week_or_weekend_of_a_day(
    text: str, start: date, end: date, precision: str
) -> None:
    check(read(text), start, end, precision, False)


# --- since and until ------------------------------------------------------------

SINCE_UNTIL = [
    ("since 2019", "auto", D(2019, 1, 1), ANCHOR, "year", False),
    ("since March", "future", D(2025, 3, 1), ANCHOR, "month", False),
    ("since Friday", "auto", D(2026, 1, 9), ANCHOR, "day", False),
    ("ever since last summer", "auto", D(2025, 6, 1), ANCHOR, "season", False),
    ("since about 2019", "auto", D(2019, 1, 1), ANCHOR, "year", True),
    ("since 3pm yesterday", "auto", D(2026, 1, 9), ANCHOR, "day", False),
    ("until March", "auto", ANCHOR, D(2026, 3, 31), "month", False),
    ("until March", "future", ANCHOR, D(2026, 3, 31), "month", False),
    ("until Friday", "auto", ANCHOR, D(2026, 1, 16), "day", False),
    ("till 2027", "past", ANCHOR, D(2027, 12, 31), "year", False),
    ("until the end of the month", "auto", ANCHOR, D(2026, 1, 31), "month", True),
    ("by the end of March 2026", "auto", D(2026, 3, 21), D(2026, 3, 31), "month", True),
]


@pytest.mark.parametrize(
    ("text", "prefer", "start", "end", "precision", "approx"), SINCE_UNTIL
)
def test_since_runs_to_the_anchor_and_until_from_it(
    text: str, prefer: str, start: date, end: date, precision: str, approx: bool
) -> None:
    check(read(text, prefer), start, end, precision, approx)


# --- "X and Y" ------------------------------------------------------------------

ANDS = [
    ("in the 1980s and 1990s", "auto", D(1980, 1, 1), D(1999, 12, 31), "decade"),
    ("2019 and 2020", "auto", D(2019, 1, 1), D(2020, 12, 31), "year"),
    ("March and April 2025", "auto", D(2025, 3, 1), D(2025, 4, 30), "month"),
    ("Monday and Tuesday", "past", D(2026, 1, 5), D(2026, 1, 6), "day"),
    ("3 and 4 January", "auto", D(2026, 1, 3), D(2026, 1, 4), "day"),
    ("between 2019 and 2021", "auto", D(2019, 1, 1), D(2021, 12, 31), "year"),
    ("between March and May", "auto", D(2026, 3, 1), D(2026, 5, 31), "month"),
    ("from 2019 to 2021", "auto", D(2019, 1, 1), D(2021, 12, 31), "year"),
    ("mid-January", "auto", D(2026, 1, 11), D(2026, 1, 20), "month"),
]


@pytest.mark.parametrize(("text", "prefer", "start", "end", "precision"), ANDS)
def test_adjoining_periods_joined_by_and_are_one_stretch(
    text: str, prefer: str, start: date, end: date, precision: str
) -> None:
    fd = read(text, prefer)
    assert (fd.start, fd.end, fd.precision) == (start, end, precision)


# --- numeric dates --------------------------------------------------------------

NUMERIC = [
    ("25/12/2025", D(2025, 12, 25)),
    ("12/25/2025", D(2025, 12, 25)),
    ("25.12.2025", D(2025, 12, 25)),
    ("25-12-2025", D(2025, 12, 25)),
    ("5/5/2026", D(2026, 5, 5)),
    ("25/12/25", D(2025, 12, 25)),
    ("12/31/99", D(1999, 12, 31)),
    ("2026.01.09", D(2026, 1, 9)),
]


@pytest.mark.parametrize(("text", "day"), NUMERIC)
def test_numeric_dates_with_one_reading(text: str, day: date) -> None:
    check(read(text), day, day, "day", False)


def test_a_numeric_date_takes_a_time() -> None:
    fd = read("13/1/2026 14:30")
    assert (fd.start, fd.precision) == (T(2026, 1, 13, 14, 30), "minute")


# --- refusals: each quotes the input and says what to write ---------------------

REFUSED = [
    # counted from another event, not the anchor
    ("the following week", "auto", '"next week"'),
    ("the previous day", "auto", '"yesterday"'),
    ("the next day", "auto", '"tomorrow"'),
    ("the day after", "auto", '"tomorrow"'),
    ("the day before", "auto", '"yesterday"'),
    ("the next morning", "auto", '"tomorrow"'),
    ("the same day", "auto", '"today"'),
    ("that week", "auto", '"this week"'),
    ("later that day", "auto", '"today"'),
    ("the following Monday", "auto", '"next monday"'),
    ("the following month", "auto", '"next month"'),
    ("two days later", "auto", '"in two days"'),
    ("three weeks earlier", "auto", '"three weeks ago"'),
    # numeric dates both ways round
    ("09/01/2026", "auto", '"9 Jan 2026" or "1 Sep 2026"'),
    ("9.1.2026", "auto", '"9 Jan 2026" or "1 Sep 2026"'),
    ("1/9/2026", "auto", '"1 Sep 2026" or "9 Jan 2026"'),
    ("9/1/26", "auto", '"9 Jan 2026" or "1 Sep 2026"'),
    ("09-01-2026", "auto", "(day first)"),
    ("31/13/2026", "auto", "no day and month in either order"),
    # two periods with a gap
    ("2019 and 2021", "auto", '"from 2019 to 2021"'),
    ("March and May", "auto", '"from march to may"'),
    ("3 and 5 January", "auto", "two separate periods"),
    # since/until that cannot hold
    ("since 2030", "auto", "after the reference date"),
    ("until 2025", "auto", "only the end"),
    ("until March", "past", "only the end"),
    # parts of days and weekends that do not fit
    ("Tuesday night at 2am", "auto", "2am is not in the night"),
    ("Monday morning at 3pm", "auto", "3pm is not in the morning"),
    ("the week of February", "auto", "Name a day in that week"),
    ("the weekend of 9 January 2026", "auto", "is a Friday"),
    ("the weekend of 11-12 January 2026", "auto", "is a Monday"),
    ("the weekend of 9-11 January 2026", "auto", "not a Saturday and the Sunday"),
]


@pytest.mark.parametrize(("text", "prefer", "hint"), REFUSED)
def test_refusals_quote_the_text_and_give_a_hint(
    text: str, prefer: str, hint: str
) -> None:
    with pytest.raises(DateParseError) as info:
        read(text, prefer)
    message = str(info.value)
    assert f'"{text}"' in message
    assert hint in message


def test_the_hint_for_an_event_relative_phrase_names_the_anchor() -> None:
    with pytest.raises(DateParseError, match=r"reference date \(10 Jan 2026\)"):
        read("the following week")


# --- speed: grammar phrases never wait for dateparser -----------------------------

_GRAMMAR_ONLY = [row[0] for row in PARTS_OF_DAY + CLOCKS + SHIFTED] + [
    row[0] for row in WINDOWS + UNIT_PARTS + WEEKS_OF + SINCE_UNTIL + ANDS + NUMERIC
]


def test_new_forms_never_reach_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    """dateparser costs ~1 ms a phrase against ~0.05 ms for the grammar, and
    the form reads on every key: these forms must not fall through to it."""
    import dateline.store.dates.parse

    def refuse(*args: object) -> None:
        raise AssertionError(f"dateparser was asked: {args[0]!r}")

    monkeypatch.setattr(dateline.store.dates.parse, "_dateparser", refuse)
    for text in _GRAMMAR_ONLY:
        for prefer in ("past", "future", "auto"):
            # Some refuse ("until March" told in the past), but by the grammar.
            with contextlib.suppress(DateParseError):
                read(text, prefer)
