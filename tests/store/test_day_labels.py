"""Every date label comes from store.dates.labels, in fixed English.

strftime's ``%a``/``%b`` and ``calendar.month_name`` follow the process
locale, so a label could read "Sa 10 Jan." in one terminal and not parse
back; the labels here never depend on it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from dateline.store.dates.labels import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    day_label,
    month_label,
)
from dateline.store.dates.parse import parse_date
from dateline.store.errors import DateParseError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("kwargs", "label"),
    [
        ({}, "Sat 10 Jan 2026"),
        ({"with_year": False}, "Sat 10 Jan"),
        ({"weekday": False}, "10 Jan 2026"),
        ({"long": True}, "Saturday 10 January 2026"),
        ({"weekday": False, "long": True}, "10 January 2026"),
    ],
)
def test_day_label(kwargs: dict[str, bool], label: str) -> None:
    assert day_label(date(2026, 1, 10), **kwargs) == label


def test_day_label_of_a_datetime_is_its_day() -> None:
    assert day_label(datetime(2025, 9, 23, 23, 59)) == "Tue 23 Sep 2025"


def test_month_label() -> None:
    assert month_label(date(2025, 9, 23)) == "Sep 2025"
    assert month_label(date(2025, 9, 23), long=True) == "September 2025"


def test_names_are_english_and_in_calendar_order() -> None:
    assert MONTH_NAMES[0] == "January" and MONTH_NAMES[11] == "December"
    assert len(MONTH_NAMES) == 12
    assert WEEKDAY_NAMES[date(2026, 1, 12).weekday()] == "Monday"


@pytest.mark.parametrize(
    "day", [date(2026, 1, 1) + i * (date.resolution * 31) for i in range(12)]
)
def test_every_label_reads_back_as_its_day(day: date) -> None:
    for label in (day_label(day), day_label(day, long=True)):
        assert parse_date(label, date(2026, 1, 10)).start == day


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("weekend of 10-12 Jan 2026", "12 January 2026 is a Monday"),
        ("the weekend of 12 January 2026", "12 January 2026 is a Monday"),
        ("30 Feb 2026", "February 2026 has no day 30"),
        ("3/4/2026", "3 Apr 2026 (day first) or 4 Mar 2026 (month first)"),
        ("since 2027", "reference date (10 Jan 2026)"),
    ],
)
def test_parser_messages_name_days_with_the_same_labels(text: str, words: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, date(2026, 1, 10))
    assert words in str(caught.value)


#: Date formatting that follows the locale: a weekday or month name from
#: strftime (``%a %A %b %B`` in a format spec or string) or ``calendar``.
LOCALE_NAMES = re.compile(r"%[aAbB]\b|calendar\.(month|day)_(name|abbr)")


def test_no_label_is_built_from_the_locale() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("store", "tui")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if LOCALE_NAMES.search(line)
    ]
    assert found == []
