"""Date phrases built around another date phrase.

"Tuesday night", "late on Friday", "3pm Friday", "the week of 12 January",
"the weekend of 10-11 January", "since 2019", "until March": each reads its
inner phrase with the whole grammar (this module's `read`, recursively) and
then narrows, widens or extends that reading. ``store.dates.parse`` reads through
`read`, which tries the plain grammar (``dateline.store.dates.grammar``) first.

How they read, so a row never claims more than the words:

- A part of a day ("night", "early hours of", "late on") keeps the day: the
  words add no clock time a timeline could show. A clock time with it must
  fit ("Tuesday night at 2am" is Wednesday, so it is refused with a hint).
- "the week of X" is the Monday-Sunday week holding X; "the week beginning
  X" the seven days from X. "the weekend of X" is the Saturday and Sunday
  holding X, which must be one of them.
- "since X" runs from the start of X (read as past) to the anchor, at X's
  precision: the words say the state still holds. "until X" runs from the
  anchor to the end of X when X is still ahead; an "until" that was over by
  the anchor gives no start, so it is refused with a hint.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from dateline.store.dates.grammar import read as read_core
from dateline.store.dates.labels import WEEKDAY_NAMES, day_label, month_label
from dateline.store.dates.parts import (
    CLOCK,
    MON,
    YEAR,
    Ctx,
    GrammarError,
    Reading,
    apply_time,
    strip_words,
    week_span,
)
from dateline.store.model import PRECISIONS, Precision

__all__ = ["read"]

#: Hours (0-23) a clock time may have and still be in that part of the day.
_HOURS = {
    "morning": range(0, 12),
    "afternoon": range(12, 19),
    "evening": range(16, 24),
    "night": range(17, 24),
}


def read(text: str, ctx: Ctx) -> Reading | None:
    """`text` by the plain grammar, else by the first compound form that
    matches it all (whose answer, None included, is final)."""
    reading = read_core(text, ctx)
    if reading is not None:
        return reading
    for pattern, handler in _compiled():
        match = pattern.fullmatch(text)
        if match is not None:
            return handler(match, ctx)
    return None


def _inner(text: str, ctx: Ctx) -> Reading | None:
    """An inner phrase, with its own "the", "on" and "about" words."""
    body, _, approximate = strip_words(text)
    reading = read(body, ctx) if body else None
    if reading is None or not approximate:
        return reading
    return replace(reading, approximate=True)


def _one_day(reading: Reading | None) -> Reading | None:
    """The reading if it is a single whole day, else None."""
    if reading is None or reading.precision != "day":
        return None
    if isinstance(reading.start, datetime) or reading.start != reading.end:
        return None
    return reading


def _coarser(precision: Precision) -> Precision:
    """`precision`, or day if it is finer: a span to a day has no clock."""
    return max(precision, "day", key=PRECISIONS.index)


def _day_of(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


# --- handlers ----------------------------------------------------------------


def _part_after(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "Tuesday night", "Friday evening at 8pm", "9 Jan in the morning"."""
    day = _one_day(_inner(m["inner"], ctx))
    if day is None or m["clock"] is None:
        return day
    timed = apply_time(day, m)
    part, hour = m["pod"], timed.start.hour  # type: ignore[attr-defined]
    if part in _HOURS and hour not in _HOURS[part]:
        clock = m["clock"].strip(" ,").removeprefix("at ")
        raise GrammarError(
            f"{clock} is not in the {part}: give the day the clock shows and"
            f' the time, without "{part}".'
        )
    return timed


def _part_before(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "the night of 3 January", "late on Friday", "early Tuesday"."""
    return _one_day(_inner(m["inner"], ctx))


def _clock_first(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "3pm Friday", "at 3 p.m. on Tuesday", "14:30 on 9 Jan 2026", and a
    clock after a day the plain grammar gives none ("2 days ago at 5pm")."""
    day = _one_day(_inner(m["inner"], ctx))
    return None if day is None else apply_time(day, m)


def _week_of(m: re.Match[str], ctx: Ctx) -> Reading | None:
    inner = _inner(m["inner"], ctx)
    day = _one_day(inner)
    if day is None:
        if inner is not None:  # "the week of February": which one?
            raise GrammarError('Name a day in that week: "the week of 12 January".')
        return None
    if m["how"] == "of":
        start, end = week_span(day.start)
    else:  # "the week beginning Tuesday 13 January": seven days from it
        start, end = day.start, day.start + timedelta(days=6)
    return replace(day, start=start, end=end, precision="week")


def _weekend_days(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "the weekend of 10-11 January": the Sunday pins the year if absent."""
    sunday = _inner(f"sun {m['d2']} {m['mon']} {m['year'] or ''}".strip(), ctx)
    if sunday is None:
        return None
    saturday = sunday.start - timedelta(days=1)
    if saturday.day != int(m["d1"]):
        raise GrammarError(
            f"{m['d1']} and {m['d2']} {month_label(sunday.start, long=True)} are not"
            " a Saturday"
            " and the Sunday after it."
        )
    return replace(sunday, start=saturday)


def _weekend_of(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "the weekend of 10 January": the Saturday-Sunday holding that day."""
    day = _one_day(_inner(m["inner"], ctx))
    if day is None:
        return None
    found = day.start
    if found.weekday() < 5:
        raise GrammarError(
            f"{day_label(found, weekday=False, long=True)} is a"
            f" {WEEKDAY_NAMES[found.weekday()]}: name the Saturday or Sunday."
        )
    saturday = found - timedelta(days=found.weekday() - 5)
    return replace(day, start=saturday, end=saturday + timedelta(days=1))


def _since(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "since 2019": from the start of 2019 up to the anchor."""
    inner = _inner(m["inner"], Ctx(ctx.anchor, "past"))
    if inner is None:
        return None
    start = _day_of(inner.start)
    if start > ctx.anchor:
        raise GrammarError(
            "It starts after the reference date"
            f' ({day_label(ctx.anchor, weekday=False)}), and "since" runs up to it.'
        )
    return Reading(start, ctx.anchor, _coarser(inner.precision), inner.approximate)


def _until(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "until March": from the anchor to the end of March, if still ahead."""
    # A bare "until Friday" looks ahead, unless the caller reports the past.
    ahead = Ctx(ctx.anchor, "past" if ctx.prefer == "past" else "future")
    inner = _inner(m["inner"], ahead)
    if inner is None:
        return None
    end = _day_of(inner.end)
    if end < ctx.anchor:
        raise GrammarError(
            '"until" gives only the end of something over by the reference date'
            f' ({day_label(ctx.anchor, weekday=False)}): write both ends ("from'
            ' 2019 to March 2025") or the end alone ("March 2025").'
        )
    return Reading(ctx.anchor, end, _coarser(inner.precision), inner.approximate)


_DAY_PART = r"(?P<pod>morning|afternoon|evening|night|overnight)"
_ORD = r"(?:st|nd|rd|th)?"
_AND = r"(?:-| and | & |/)"
_WEEKEND = r"(?:the )?weekend of "

Handler = Callable[[re.Match[str], Ctx], Reading | None]
_FORMS: tuple[tuple[str, Handler], ...] = (
    (r"(?:ever )?since (?P<inner>.+)", _since),
    (r"(?:until|till|til|up to|up until) (?P<inner>.+)", _until),
    (
        rf"{_WEEKEND}(?P<d1>\d{{1,2}}){_ORD}{_AND}(?P<d2>\d{{1,2}}){_ORD} (?:of )?{MON}"
        rf"(?:,? {YEAR})?",
        _weekend_days,
    ),
    (
        rf"{_WEEKEND}{MON} (?P<d1>\d{{1,2}}){_ORD}{_AND}(?P<d2>\d{{1,2}}){_ORD}"
        rf"(?:,? {YEAR})?",
        _weekend_days,
    ),
    (rf"{_WEEKEND}(?P<inner>.+)", _weekend_of),
    (
        r"(?:the )?week (?P<how>of|beginning|starting|commencing) (?P<inner>.+)",
        _week_of,
    ),
    (
        r"(?:(?:early|late) )?(?:in )?(?:the )?(?:early |small )?(?:hours|morning"
        r"|afternoon|evening|night) of (?P<inner>.+)",
        _part_before,
    ),
    (r"(?:early|late)(?: on)? (?P<inner>.+)", _part_before),
    (
        rf"(?P<inner>.+?),? (?:in the |at )?{_DAY_PART}(?P<clock>,? (?:at )?{CLOCK})?",
        _part_after,
    ),
    (rf"(?:at )?{CLOCK},? (?:on )?(?P<inner>.+)", _clock_first),
    (rf"(?P<inner>.+?),? (?:at )?{CLOCK}", _clock_first),  # "2 days ago at 5pm"
)


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], Handler], ...]:
    return tuple((re.compile(pattern), handler) for pattern, handler in _FORMS)
