"""How a FuzzyDate reads in a timeline row and under a date field.

A date is shown at its own precision and no finer: "Oct 2025", never
"1 Oct 2025", because a made-up day is exactly the error a fact-checker must
not be shown. Strings stay short since they share a row with a title. Month
and weekday names are fixed English, not the locale's, to match the parser.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from dateline.store.model import FuzzyDate
from dateline.store.zones import in_zone, zone_name

__all__ = [
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "day_label",
    "describe",
    "format_when",
    "month_label",
]

MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May")
MONTH_NAMES += ("June", "July", "August", "September", "October", "November")
MONTH_NAMES += ("December",)
MONTHS = tuple(name[:3] for name in MONTH_NAMES)
WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
WEEKDAYS = tuple(name[:3] for name in WEEKDAY_NAMES)
SEASONS = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}
THIRDS = ("early", "mid", "late")


def format_when(
    fd: FuzzyDate, *, with_year: bool = True, zone: str | None = None
) -> str:
    """The date at its own precision, e.g. "Fri 9 Jan 2026", "Oct 2025",
    "Q3 2025", "early 1990s". `with_year=False` drops a single year, for rows
    already under a year heading. Approximate dates get "c. " unless a word
    ("early", "(later)") already says so.

    A zoned time is shown in ``zone`` (the user's) when given, else in its
    own: "Fri 9 Jan 2026 20:30 CET"; a row (no year) leaves the zone's name
    out for room."""
    if _zoned(fd):
        text = _zoned_label(fd, zone, with_year)
        text = f"c. {text}" if fd.approximate else text
        return f"{fd.bound} {text}" if fd.bound else text
    text, _exact, worded = _label(fd, with_year)
    text = f"c. {text}" if fd.approximate and not worded else text
    return f"{fd.bound} {text}" if fd.bound else text


def day_label(
    day: date, *, weekday: bool = True, long: bool = False, with_year: bool = True
) -> str:
    """One day, e.g. "Fri 9 Jan 2026"; ``long`` spells the names out
    ("Friday 9 January 2026"). Not strftime: its names follow the locale, and
    a label must read the same as the words the parser accepts."""
    months, weekdays = (MONTH_NAMES, WEEKDAY_NAMES) if long else (MONTHS, WEEKDAYS)
    text = f"{day.day} {months[day.month - 1]}"
    if weekday:
        text = f"{weekdays[day.weekday()]} {text}"
    return _with_year(text, day.year, with_year)


def month_label(day: date, *, long: bool = False) -> str:
    """The month and year of ``day``, e.g. "Jan 2026" or "January 2026"."""
    names = MONTH_NAMES if long else MONTHS
    return f"{names[day.month - 1]} {day.year}"


def describe(fd: FuzzyDate, zone: str | None = None) -> str:
    """The live reading under a date field, e.g. "1-7 Feb 2026 · week".

    Where the short form hides the bounds ("2026 (later)"), the exact days
    are shown instead, so the user sees what will be stored. A zoned time
    shows its own zone and, when ``zone`` (the user's) differs, the time
    there: "Fri 9 Jan 2026 14:30 EST (20:30 CET) · minute".
    """
    text, exact, _worded = _label(fd, True)
    if _zoned(fd):
        text = _zoned_label(fd, None, True) + _also_in(fd, zone)
    elif not exact:
        text = _bounds(fd.start_day, fd.end_day)
    suffix = ", approximate" if fd.approximate else ""
    if fd.bound is None:
        return f"{text} · {fd.precision}{suffix}"
    return f"{fd.bound} {text} · {fd.precision}{suffix} · {_window(fd)}"


def _zoned(fd: FuzzyDate) -> bool:
    return fd.zone is not None and isinstance(fd.start, datetime)


def _moved(fd: FuzzyDate, shown_in: str) -> tuple[datetime, datetime]:
    """``fd``'s start and end as wall-clock times in ``shown_in``."""
    assert fd.zone is not None
    start, end = (
        in_zone(value, fd.zone, shown_in)
        for value in (fd.start, fd.end)
        if isinstance(value, datetime)
    )
    return start, end


def _zoned_label(fd: FuzzyDate, shown_in: str | None, with_year: bool) -> str:
    """ "Fri 9 Jan 2026 14:30 EST": in ``shown_in``, else in its own zone."""
    assert fd.zone is not None
    zone = shown_in or fd.zone
    try:
        start, end = _moved(fd, zone)
    except OverflowError:  # 9999-12-31 23:00 EST is past the calendar in CET
        zone = fd.zone
        start, end = _moved(fd, zone)
    text = _clock(start, end, fd.precision == "hour", with_year)
    return f"{text} {zone_name(zone, start)}" if with_year else text


def _also_in(fd: FuzzyDate, shown_in: str | None) -> str:
    """ " (20:30 CET)": the time in the user's zone, when it reads otherwise;
    with the day when that differs from the day written."""
    if shown_in is None:
        return ""
    assert fd.zone is not None and isinstance(fd.start, datetime)
    try:
        start, end = _moved(fd, shown_in)
    except OverflowError:  # past the end of the calendar there
        return ""
    theirs = zone_name(shown_in, start)
    if (start, theirs) == (fd.start, zone_name(fd.zone, fd.start)):
        return ""
    hourly = fd.precision == "hour"
    text = _clock(start, end, hourly, True)
    if start.date() == fd.start.date():
        # Same day: the clock alone ("20:30"), without the day's label.
        text = text.removeprefix(day_label(start.date()) + " ")
    return f" ({text} {theirs})"


def _window(fd: FuzzyDate) -> str:
    """The days a bounded date leaves, in words: "up to 28 Feb 2025"."""
    first, last = fd.window
    if first is not None and last is not None:
        return _days(first, last, True)
    if last is not None:
        return f"up to {day_label(last)}"
    assert first is not None  # a bound leaves one side open at most
    return f"from {day_label(first)} on"


def _bounds(start: date, end: date) -> str:
    """The exact span in the largest whole units it is made of."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        years = f"{start.year}-{end.year}" if start.year != end.year else start.year
        return str(years)
    if _whole_months(start, end):
        return _months(start, end, True)[0]
    return _days(start, end, True)


def _label(fd: FuzzyDate, with_year: bool) -> tuple[str, bool, bool]:
    """(text, whether it shows the exact bounds, whether a word says vague)."""
    start, end = fd.start_day, fd.end_day
    if fd.precision in ("minute", "hour"):
        return _clock(fd.start, fd.end, fd.precision == "hour", with_year), True, False
    if fd.precision in ("day", "week"):
        return _days(start, end, with_year), True, False
    if fd.precision == "decade":
        return _decades(start, end)
    if fd.precision == "century":
        return _centuries(start, end)
    if fd.precision == "year":
        return _years(start, end)
    if fd.precision == "quarter" and _whole_months(start, end):
        months = _month_count(start, end)
        if start.year == end.year and months in (3, 6) and start.month % months == 1:
            name = (
                f"Q{start.month // 3 + 1}"
                if months == 3
                else f"H{start.month // 6 + 1}"
            )
            return _with_year(name, start.year, with_year), True, False
    if (
        fd.precision == "season"
        and _whole_months(start, end)
        and start.month in SEASONS
        and _month_count(start, end) == 3
    ):
        name = SEASONS[start.month]
        if start.month == 12:  # winter straddles New Year: "Winter 2025-26"
            return f"{name} {start.year}-{(start.year + 1) % 100:02d}", True, False
        return _with_year(name, start.year, with_year), True, False
    return _months(start, end, with_year)


def _with_year(text: str, year: int, with_year: bool) -> str:
    return f"{text} {year}" if with_year else text


def _days(start: date, end: date, with_year: bool) -> str:
    """A day, or a span of days as short as stays unambiguous."""
    if start == end:
        return day_label(start, with_year=with_year)
    s_month, e_month = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if start.year != end.year:
        if (end - start).days <= 31:  # a week across New Year: "29 Dec - 4 Jan"
            return f"{start.day} {s_month} - {end.day} {e_month} {end.year}"
        return f"{start.day} {s_month} {start.year} - {end.day} {e_month} {end.year}"
    if start.month == end.month:
        return _with_year(f"{start.day}-{end.day} {e_month}", end.year, with_year)
    return _with_year(
        f"{start.day} {s_month} - {end.day} {e_month}", end.year, with_year
    )


def _clock(start: date, end: date, hourly: bool, with_year: bool) -> str:
    """ "Fri 9 Jan 2026 06:00"; a row (no year) drops the weekday too, so
    "9 Jan 06:00" fits the explorer's date column."""

    def clock(value: date) -> str:
        if not isinstance(value, datetime):
            return ""
        return f"{value:%H}:00" if hourly else f"{value:%H:%M}"

    day = day_label(start, weekday=with_year, with_year=with_year)
    first = f"{day} {clock(start)}".rstrip()
    if start == end or (hourly and (start, end) == _hour_of(start)):
        return first
    if _day_of(start) == _day_of(end):
        return f"{first}-{clock(end)}"
    last = day_label(_day_of(end), weekday=with_year, with_year=with_year)
    return f"{first} - {last} {clock(end)}".rstrip()


def _hour_of(value: date) -> tuple[date, date]:
    if isinstance(value, datetime):
        return value, value.replace(minute=59)
    return value, value


def _day_of(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _whole_months(start: date, end: date) -> bool:
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def _month_count(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _months(start: date, end: date, with_year: bool) -> tuple[str, bool, bool]:
    """Month precision, and the fallback for quarters and seasons that are
    not a whole quarter or season."""
    s_month, e_month = MONTHS[start.month - 1], MONTHS[end.month - 1]
    whole = _whole_months(start, end)
    if (start.year, start.month) == (end.year, end.month):
        label = _with_year(e_month, end.year, with_year)
        last = calendar.monthrange(end.year, end.month)[1]
        if whole:
            return label, True, False
        for third, (first, final) in enumerate(((1, 10), (11, 20), (21, last))):
            if (start.day, end.day) == (first, final):
                return f"{THIRDS[third]} {label}", False, True
        if start.day == 1:
            return f"{label} (earlier)", False, True
        if end.day == last:
            return f"{label} (later)", False, True
        return _days(start, end, with_year), True, False
    if start.year == end.year:
        return _with_year(f"{s_month}-{e_month}", end.year, with_year), whole, False
    return f"{s_month} {start.year} - {e_month} {end.year}", whole, False


def _years(start: date, end: date) -> tuple[str, bool, bool]:
    whole = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if start.year != end.year:
        return f"{start.year}-{end.year}", whole, False
    if whole:
        return str(start.year), True, False
    if start.day == 1 and _whole_months(start, end):
        for third in range(3):
            if (start.month, end.month) == (1 + 4 * third, 4 + 4 * third):
                return f"{THIRDS[third]} {start.year}", False, True
    if (start.month, start.day) == (1, 1):
        return f"{start.year} (earlier)", False, True
    if (end.month, end.day) == (12, 31):
        return f"{start.year} (later)", False, True
    return str(start.year), False, False


def _centuries(start: date, end: date) -> tuple[str, bool, bool]:
    """ "20th century" for 1900-1999, the hundred years people mean by it
    (``store.dates.grammar`` reads it so)."""
    whole = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    first, last = start.year, end.year
    if whole and first % 100 == 0 and last == first + 99:
        return f"{_ordinal(first // 100 + 1)} century", True, False
    return f"{first}-{last}" if first != last else str(first), False, False


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"


def _decades(start: date, end: date) -> tuple[str, bool, bool]:
    whole = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    first, last = start.year, end.year
    if whole and first % 10 == 0 and last % 10 == 9:
        if last - first == 9:
            return f"{first}s", True, False
        return f"{first}s-{last - 9}s", True, False
    decade = first - first % 10
    if whole and last - last % 10 == decade:
        for word, bounds in zip(THIRDS, ((0, 3), (4, 6), (7, 9)), strict=True):
            if (first % 10, last % 10) == bounds:
                return f"{word} {decade}s", False, True
    return f"{first}-{last}" if first != last else str(first), False, False
