"""Holidays and weekends people name instead of dates ("on Christmas Eve").

Only fixed or rule-based holidays that English-language news uses without a
country qualifier; each is a day. The year is picked like a bare month's:
from the text, else by the caller's past/future preference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateline.store.dates.parts import (
    YEAR,
    Ctx,
    Reading,
    Span,
    pick,
    resolve_mode,
    yearly,
)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    week = (32 + 2 * e + 2 * i - h - k) % 7
    shift = (a + 11 * h + 22 * week) // 451
    month, day = divmod(h + week - 7 * shift + 114, 31)
    return date(year, month, day + 1)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "good friday": lambda y: _easter(y) - timedelta(days=2),
    "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
    "easter": _easter,
    "may day": lambda y: date(y, 5, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "independence day": lambda y: date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "halloween": lambda y: date(y, 10, 31),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    # In company results "year-end" is the closing day of the year.
    "year-end": lambda y: date(y, 12, 31),
    "year end": lambda y: date(y, 12, 31),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "boxing day": lambda y: date(y, 12, 26),
}

#: Entries that are phrases of results stories, not holiday names: the
#: finder looks for them in lower case, with the other relative words.
_NOT_NAMES = frozenset({"year-end", "year end"})


def written_names() -> str:
    """The holidays as news writes them ("Christmas Eve", "New Year's Day"),
    a regex alternation, longest first: the article finder's pattern comes
    from the same table as the reading, so a holiday is never found but
    unreadable, or readable but never found."""
    names = sorted((n for n in HOLIDAYS if n not in _NOT_NAMES), key=len, reverse=True)
    return "|".join(
        r"\s+".join(re.escape(word.capitalize()) for word in name.split()).replace(
            "'", "['’]?"
        )
        for name in names
    )


_NAMES = "|".join(
    re.escape(name).replace("'", "'?")
    for name in sorted(HOLIDAYS, key=len, reverse=True)
)
HOLIDAY = (
    rf"(?:(?P<mod>last|next|this|previous|coming) )?(?:the )?"
    rf"(?P<holiday>{_NAMES})(?:,? {YEAR})?"
)
WEEKEND = r"(?:the |a )?weekend"


def read_holiday(m: re.Match[str], ctx: Ctx) -> Reading:
    name = m["holiday"].replace("'", "")
    rule = next(v for k, v in HOLIDAYS.items() if k.replace("'", "") == name)

    def occurrence(year: int) -> Span:
        day = rule(year)
        return (day, day)

    (start, end), floating = yearly(occurrence, m["year"], ctx, m["mod"])
    return Reading(start, end, "day", floating=floating)


def read_weekend(m: re.Match[str], ctx: Ctx) -> Reading:
    """A bare "the weekend": the Saturday-Sunday the preference points to."""
    monday = ctx.anchor - timedelta(days=ctx.anchor.weekday())

    def occurrence(week: int) -> Span:
        saturday = monday + timedelta(days=5 + 7 * week)
        return (saturday, saturday + timedelta(days=1))

    start, end = pick(occurrence, 0, ctx.anchor, resolve_mode(None, ctx))
    return Reading(start, end, "week")
