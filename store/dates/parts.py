"""Building blocks shared by the date grammar and the date parser.

Kept apart from ``dateline.store.dates.grammar`` so the grammar file holds only the
phrases it reads: here are the word lists, the regex pieces they are written
with, calendar arithmetic on spans, the `Reading` every reader returns, and
`pick`, which chooses the year (or week) a phrase leaves out.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from dateline.store.dates.labels import month_label
from dateline.store.model import Precision

#: An inclusive (start, end) pair of days.
Span = tuple[date, date]
Prefer = Literal["past", "future", "auto"]
Mode = Literal["past", "future", "auto", "last", "next"]
#: How to read a numeric date both orders allow ("3/4/2026"); None refuses it.
DateOrder = Literal["DMY", "MDY"]


MONTHS: tuple[str, ...] = ("jan", "feb", "mar", "apr", "may", "jun")
MONTHS += ("jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
NUMBER_WORDS |= {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
NUMBER_WORDS |= {"ten": 10, "eleven": 11, "twelve": 12}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
ORDINALS |= {"fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1}
THIRDS = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1}
THIRDS |= {"late": 2, "end": 2}
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50}
DECADE_WORDS |= {"sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
DECADE_WORDS |= {"noughties": 0, "aughts": 0}
DAY_SHIFTS = {"yesterday": -1, "tomorrow": 1, "last night": -1}
DAY_SHIFTS |= {"before yesterday": -2, "after tomorrow": 2}


# Regex pieces. Text reaching them is lower-case with single spaces and
# ASCII dashes (see `normalise` below), so a plain " " is enough.
MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WD = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)
#: Five digits are let in on purpose, so "Oct 12026" gets a hint about the
#: year range instead of a vague failure.
YEAR = r"(?P<year>\d{4,5})"
CLOCK = (
    r"(?:(?P<th>\d{1,2})(?::(?P<tm>\d{2}))? ?(?P<tap>[ap])\.?m\.?"
    r"|(?P<th2>\d{1,2})[:h](?P<tm2>\d{2})|(?P<tn>noon|midday|midnight))"
)
#: A time after a day: "9 Jan 2026 14:30", "Friday at 5pm".
TIME = rf"(?:,? (?:at )?{CLOCK})"
#: "early", "the end of": a third of the period that follows.
PART = r"(?P<part>early|mid|middle|late|beginning|start|end)(?: of)?[- ]?"
#: A count in digits or words; "a"/"an" is one.
NUM = rf"(?P<n>\d{{1,3}}|{'|'.join(NUMBER_WORDS)})"
#: What a count of time is counted in: "3 weeks ago", "in 2 years".
AMOUNT_UNITS = "minute|hour|day|week|fortnight|month|year|decade"


class GrammarError(Exception):
    """A phrase has a known shape but names no real date; ``hint`` says why.

    ``store.dates.parse`` turns it into a DateParseError quoting the user's text.
    """

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


@dataclass(frozen=True)
class Reading:
    """One reading of a phrase: a FuzzyDate without its text and anchor.

    ``floating`` marks a year or week chosen from the past/future preference
    rather than written; a range re-reads such an end relative to its start.
    """

    start: date
    end: date
    precision: Precision
    approximate: bool = False
    floating: bool = False


def check_year(year: int) -> int:
    if not 1 <= year <= 9999:
        raise GrammarError(f"The year {year} is out of range: use 1 to 9999.")
    return year


def make_day(year: int, month: int, day: int) -> date:
    """The date, or a GrammarError saying in words why there is none."""
    check_year(year)
    if not 1 <= month <= 12:
        raise GrammarError(f"There is no month {month}.")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        name = month_label(date(year, month, 1), long=True)
        raise GrammarError(f"{name} has no day {day}.")
    return date(year, month, day)


def month_number(name: str) -> int:
    return MONTHS.index(name[:3]) + 1


def weekday_number(name: str) -> int:
    """Monday is 0, as in ``date.weekday``."""
    return WEEKDAYS.index(name[:3])


def number_word(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def week_span(day: date) -> Span:
    """Monday to Sunday of the ISO week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clipped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(check_year(year), month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def apply_time(reading: Reading, match: re.Match[str]) -> Reading:
    """Narrow a one-day reading to the clock time in ``match``, if any.

    "5pm" says the hour (17:00-17:59, precision hour); "14:30" the minute.
    """
    groups = match.groupdict()
    if groups.get("tn"):
        hour = 12 if groups["tn"] != "midnight" else 0
        minute: int | None = 0
    elif groups.get("th"):
        hour, minute = int(groups["th"]), _int(groups["tm"])
        if not 1 <= hour <= 12:
            raise GrammarError(f"{hour} is not an hour on a 12-hour clock.")
        hour = hour % 12 + (12 if groups["tap"] == "p" else 0)
    elif groups.get("th2"):
        hour, minute = int(groups["th2"]), int(groups["tm2"])
    else:
        return reading
    if hour > 23 or (minute or 0) > 59:
        raise GrammarError("That is not a time of day.")
    day = reading.start
    start = datetime(day.year, day.month, day.day, hour, minute or 0)
    if minute is None:
        return replace(
            reading, start=start, end=start.replace(minute=59), precision="hour"
        )
    return replace(reading, start=start, end=start, precision="minute")


def decade_span(start: int, part: str | None) -> Reading:
    """The decade from ``start``, or its early (0-3), mid (4-6) or late
    (7-9) years when ``part`` says so."""
    first, last = start, start + 9
    if part in ("early", "beginning", "start"):
        last = start + 3
    elif part in ("mid", "middle"):
        first, last = start + 4, start + 6
    elif part in ("late", "end"):
        first = start + 7
    return Reading(date(first, 1, 1), date(last, 12, 31), "decade", part is not None)


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


@dataclass(frozen=True)
class Ctx:
    """What a phrase is read against: the anchor day, the preference and
    the reader's order for numeric dates."""

    anchor: date
    prefer: Prefer
    order: DateOrder | None = None


def pick(
    occurrence: Callable[[int], Span | None],
    base: int,
    anchor: date,
    mode: Mode,
    reach: int = 2,
) -> Span:
    """The occurrence (indexed by year or week number) that `mode` means.

    ``past`` is the latest occurrence starting at or before the anchor and
    ``future`` the earliest ending at or after it, so the anchor's own month
    counts as both; ``auto`` is the nearer of those two, ties going to the
    past. ``last``/``next`` are strictly before/after the anchor.
    """
    spans: list[Span] = []
    for k in range(base - reach, base + reach + 1):
        try:
            span = occurrence(k)
        except (ValueError, OverflowError):  # year 0 or 10000: no such span
            span = None
        if span is not None:
            spans.append(span)
    if mode == "last":
        before = [s for s in spans if s[1] < anchor]
        return _must(max(before) if before else None)
    if mode == "next":
        after = [s for s in spans if s[0] > anchor]
        return _must(min(after) if after else None)
    started = [s for s in spans if s[0] <= anchor]
    unended = [s for s in spans if s[1] >= anchor]
    past = max(started) if started else None
    future = min(unended) if unended else None
    if mode == "past" or future is None:
        return _must(past)
    if mode == "future" or past is None:
        return future
    since = max(0, (anchor - past[1]).days)
    until = max(0, (future[0] - anchor).days)
    return future if until < since else past


def _must(span: Span | None) -> Span:
    if span is None:
        raise GrammarError("No such date lies near the reference date.")
    return span


def resolve_mode(mod: str | None, ctx: Ctx) -> Mode:
    if mod in ("last", "previous", "this past"):
        return "last"
    if mod in ("next", "coming", "this coming"):
        return "next"
    return ctx.prefer


def yearly(
    occurrence: Callable[[int], Span | None],
    year: str | None,
    ctx: Ctx,
    mod: str | None = None,
    reach: int = 2,
) -> tuple[Span, bool]:
    """The span for a written year, else the one `mod`/prefer picks; and
    whether it was picked (a "floating" reading a range may re-anchor)."""
    if year is not None:
        return _must(occurrence(check_year(int(year)))), False
    if mod == "this":
        return _must(occurrence(ctx.anchor.year)), False
    span = pick(occurrence, ctx.anchor.year, ctx.anchor, resolve_mode(mod, ctx), reach)
    return span, mod is None


# En and em dashes, minus, (non-breaking) hyphens; curly apostrophes.
_TRANSLATE = str.maketrans(dict.fromkeys("\u2013\u2014\u2212\u2010\u2011", "-"))
_TRANSLATE |= str.maketrans(dict.fromkeys("\u2018\u2019", "'"))
_MARKER = re.compile(
    r"(?:(?:about|around|circa|approximately|roughly|shortly after|shortly before"
    r"|sometime|some time)\b|ca?\.|approx\.|~) ?"
)
_SUFFIX = re.compile(r"(?:,? or so|(?<=[\ds])-?ish|\?)$")
# Said before a date but adding nothing the grammar needs ("in October").
# "in" stays before an amount: "in 3 weeks" is not "3 weeks".
_AMOUNT_NEXT = re.sub(r"\(\?P<n>", "(?:", NUM) + rf" (?:{AMOUNT_UNITS})"
_LEAD = re.compile(rf"(?:in(?! {_AMOUNT_NEXT})|on|during|by|at|the|of)\b ?")


_SMALL = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEEN: tuple[str, ...] = ("ten", "eleven", "twelve", "thirteen", "fourteen")
_TEEN += ("fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TEN = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TWO_DIGITS = rf"(?:(?P<tens>{'|'.join(_TEN)})(?:[- ](?P<unit>{'|'.join(_SMALL)}))?"
_TWO_DIGITS += rf"|(?P<teen>{'|'.join(_TEEN)})|(?:oh|o)[- ](?P<oh>{'|'.join(_SMALL)}))"
_SPOKEN = re.compile(
    rf"\b(?:(?P<century>eighteen|nineteen)[- ]{_TWO_DIGITS}"
    rf"|two thousand(?:(?: and)?[- ](?P<rest>{'|'.join(_TEEN + _SMALL)}))?)\b"
)


def _spoken_year(match: re.Match[str]) -> str:
    """ "nineteen ninety-six" -> "1996", "two thousand and one" -> "2001"."""
    if not match["century"]:
        rest = match["rest"]
        if rest is None:
            return "2000"
        return str(
            2000
            + ((_TEEN.index(rest) + 10) if rest in _TEEN else 0)
            + (_SMALL.index(rest) + 1 if rest in _SMALL else 0)
        )
    year = 1800 if match["century"] == "eighteen" else 1900
    if match["tens"]:
        year += 10 * (_TEN.index(match["tens"]) + 2)
        year += _SMALL.index(match["unit"]) + 1 if match["unit"] else 0
    elif match["teen"]:
        year += _TEEN.index(match["teen"]) + 10
    else:
        year += _SMALL.index(match["oh"]) + 1
    return str(year)


def normalise(text: str) -> str:
    """Lower case, single spaces, ASCII dashes and quotes, no end punctuation,
    spoken years as digits ("the winter of nineteen ninety-four")."""
    text = re.sub(r"\s+", " ", text.lower().translate(_TRANSLATE))
    if "thousand" in text or "teen" in text:
        text = _SPOKEN.sub(_spoken_year, text)
    return re.sub(r" ?, ?", ", ", text).strip(" .,;:!")


def strip_words(text: str) -> tuple[str, str, bool]:
    """(text for the grammar, text for dateparser, whether it said "about").

    dateparser keeps the leading words: "in 3 weeks" is not "3 weeks".
    """
    approximate = False
    if suffix := _SUFFIX.search(text):
        text, approximate = text[: suffix.start()].rstrip(" ,"), True
    for_dateparser = text
    while True:
        if marker := _MARKER.match(text):
            text = for_dateparser = text[marker.end() :]
            approximate = True
        elif lead := _LEAD.match(text):
            text = text[lead.end() :]
        else:
            return text, for_dateparser, approximate
