"""Dates in words: the one place dateline turns "last Friday" into a FuzzyDate.

Hand entry and article ingestion both come here, so a phrase reads the same
everywhere. Reading goes in stages, strictest first:

1. our grammar for whole phrases dateparser misses or misreads: ISO and
   numeric forms, ordinal weeks, quarters, seasons, decades, weekdays and
   month names whose year must follow the caller's preference
   (``dateline.store.dates.grammar``); spans counted from the anchor ("the coming
   weeks", "early next year", ``dateline.store.dates.relative``); phrases wrapped
   around another ("Tuesday night", "since 2019", ``dateline.store.dates.compound``);
2. ranges ("3-5 Jan 2026", "from March to May 2025") whose ends the grammar
   reads, each end lending the other a missing month or year. "X and Y"
   without "between" is one stretch only when Y follows X with no gap ("the
   1980s and 1990s"); "2019 and 2021" is refused as two periods;
3. dateparser for the rest ("1 year and 2 months ago"), behind a guard that
   lets through only known words in a few shapes: left alone, dateparser
   finds a date in "the cat 5" and reads "friday 3" as March;
4. ranges whose ends need dateparser ("from 2 days ago to today").

The result never claims more than the words say: "October" is the whole
month, never a filled-in day. Anything unreadable is a DateParseError that
quotes the text; nothing else escapes for any user text.

dateparser is imported lazily: importing it costs ~0.15 s and its first parse
~0.2 s, which `warm` pays after the UI's first paint.
"""

from __future__ import annotations

import contextlib
import functools
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from dateline.store.dates.bounds import split_bound
from dateline.store.dates.compound import read
from dateline.store.dates.parts import (
    CLOCK,
    MON,
    MONTHS,
    NUMBER_WORDS,
    WD,
    YEAR,
    Ctx,
    DateOrder,
    GrammarError,
    Prefer,
    Reading,
    month_number,
    month_span,
    normalise,
    strip_words,
    week_span,
)
from dateline.store.dates.zone_words import split_zone
from dateline.store.errors import DateParseError
from dateline.store.model import PRECISIONS, FuzzyDate

__all__ = ["parse_date", "to_date", "warm"]

#: Longer text is no date phrase, and regexes and dateparser should not
#: spend time on a pasted paragraph.
MAX_LENGTH = 120

_BCE = re.compile(r"\b(?:bce?|b\.c\.(?:e\.)?)(?: |$)|\d ?bce?$")
_SEPARATORS = re.compile(r" ?- ?| to | until | till | through | thru | and ")
_SPACED = re.compile(r" - | to | until | till | through | thru | and ")

# The guard in front of dateparser, which finds a date in nearly anything
# ("friday 3" is March to it). Every word must be known, and the text must be
# one of the shapes our grammar leaves to dateparser: an amount of time
# before or after the anchor, a numeric date, a part of a day, or words and
# numbers around a month name ("January the 9th").
_FILLER = {"the", "of", "at", "on", "in", "and", "from", "st", "nd", "rd", "th"}
_FILLER |= {"am", "pm", "a", "m", "t", "z", "utc", "gmt"} | set(NUMBER_WORDS)
_TIME_WORDS = {"today", "yesterday", "tomorrow", "tonight", "now", "ago", "hence"}
_TIME_WORDS |= {"last", "next", "this", "coming", "previous", "before", "after"}
_TIME_WORDS |= {"morning", "afternoon", "evening", "night", "noon", "midnight"}
_TIME_WORDS |= {"later", "earlier", "time", "weekend", "fortnight", "decade"}
_UNITS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year")
_TIME_WORDS |= set(_UNITS) | {unit + "s" for unit in _UNITS}


def _ungrouped(pattern: str) -> str:
    """`pattern` without its group names, so it can appear twice in a regex."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_MONTH_WORD = re.compile(_ungrouped(MON))
_NAME = re.compile(_ungrouped(f"{MON}|{WD}"))
_AMOUNT = rf"(?:\d{{1,4}}|{'|'.join(NUMBER_WORDS)}) (?:{'|'.join(_UNITS)}|decade)s?"
_AMOUNTS = rf"{_AMOUNT}(?:(?:,|,? and) {_AMOUNT})*"
_AT = rf"(?:,? (?:at )?{_ungrouped(CLOCK)})?"
_SHAPES = re.compile(
    rf"in {_AMOUNTS}(?: time)?{_AT}"
    rf"|{_AMOUNTS} (?:ago|from now|hence|later|earlier|before|after){_AT}"
    rf"|\d{{1,4}}(?P<sep>[/.-])\d{{1,2}}(?P=sep)\d{{1,4}}{_AT}"
    r"|(?:(?:this|yesterday|tomorrow|last) )?(?:morning|afternoon|evening|night)"
)
_DAYLIKE = ("time", "part_of_day", "day")
_CLOCK_TEXT = re.compile(r"\d ?[ap]\.?m\b|\d[:h.]\d\d|noon|midday|midnight")


def to_date(value: date | str) -> date:
    """The day of a date, datetime or ISO string (datetimes lose the time)."""
    if isinstance(value, str):
        value = (
            datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        )
    return value.date() if isinstance(value, datetime) else value


def parse_date(
    text: str, anchor: date, prefer: Prefer = "auto", order: DateOrder | None = None
) -> FuzzyDate:
    """Read a date phrase against `anchor` (the article or entry date).

    `prefer` says which way a phrase without a year or week points:
    ``past`` for things reported as done, ``future`` for announced ones,
    ``auto`` for the nearest. "last" and "next" in the phrase win over it.
    `order` reads numeric dates both orders allow ("3/4/2026"), which are
    refused without it; one that only one order allows is read either way.
    Raises DateParseError, quoting `text`, for anything unreadable.
    """
    if prefer not in ("past", "future", "auto"):
        raise ValueError(f"prefer must be past, future or auto, not {prefer!r}")
    raw = text.strip()
    day = to_date(anchor)
    # "before March 2025": the date named, and the side the thing lies on.
    bound, named = split_bound(raw)
    try:
        # "14:30 EST": the zone is read apart; it belongs to clock times only.
        named, zone = split_zone(named)
        reading = _read(named, Ctx(day, prefer, order))
        if zone is not None and reading.precision not in ("minute", "hour"):
            raise GrammarError(
                f"A time zone ({zone}) goes only with a clock time, and this"
                f' reads as a {reading.precision}: add the time ("9 Jan 2026'
                f' 14:30 {zone}") or drop the zone.'
            )
        return FuzzyDate(
            reading.start,
            reading.end,
            reading.precision,
            raw,
            day,
            reading.approximate,
            bound,
            zone,
        )
    except GrammarError as exc:
        raise DateParseError(_quoted(raw), exc.hint) from None
    except (ValueError, OverflowError) as exc:
        # Calendar arithmetic stepping past the year 9999 ("next year" said
        # in 9999), or a zoned time whose instant leaves the calendar: the
        # words will do, first letter up only ("EST", "UTC" keep theirs).
        words = str(exc)
        raise DateParseError(_quoted(raw), f"{words[:1].upper()}{words[1:]}.") from None


#: The most of a phrase an error message quotes: enough to recognise it.
QUOTE_LIMIT = 80


def _quoted(raw: str) -> str:
    """``raw`` cut to QUOTE_LIMIT characters for the message: a pasted
    100 KB argument must not come back whole on one line."""
    return raw if len(raw) <= QUOTE_LIMIT else raw[: QUOTE_LIMIT - 1] + "…"


def warm() -> None:
    """Import dateparser and parse once, so the user's first parse is fast."""
    # Warming is a courtesy: if it fails, the real parse will report. The
    # phrase goes straight to dateparser: the grammar reads most others.
    with contextlib.suppress(Exception):
        _dateparser_reading("2 days ago", date.today(), "past")


def _read(raw: str, ctx: Ctx) -> Reading:
    text = normalise(raw)
    if not text:
        raise GrammarError("It is empty.")
    if len(text) > MAX_LENGTH:
        raise GrammarError(f"It is longer than {MAX_LENGTH} characters.")
    if _BCE.search(text):
        raise GrammarError("Dates before the year 1 (BC/BCE) are not supported.")
    body, dp_body, approximate = strip_words(text)
    reading = read(body, ctx)
    problem = None
    if reading is None:
        reading, problem = _range(body, ctx, use_dateparser=False)
    # "March and May" was refused as two periods: dateparser must not pick one.
    joined = problem is not None and " and " in body
    if reading is None and not joined and not body.startswith(("from ", "between ")):
        reading = _dateparser(dp_body, ctx)
    if reading is None:
        reading, later = _range(body, ctx, use_dateparser=True)
        problem = problem or later
    if reading is None:
        raise problem or GrammarError(_hint(body))
    return replace(reading, approximate=reading.approximate or approximate)


def _single(text: str, ctx: Ctx, use_dateparser: bool) -> Reading | None:
    """One end of a range: grammar, then (if allowed) dateparser."""
    body, dp_body, approximate = strip_words(text)
    reading = read(body, ctx)
    if reading is None and use_dateparser:
        reading = _dateparser(dp_body, ctx)
    if reading is None or not approximate:
        return reading
    return replace(reading, approximate=True)


# --- ranges -------------------------------------------------------------


def _range(
    text: str, ctx: Ctx, use_dateparser: bool
) -> tuple[Reading | None, GrammarError | None]:
    """Try each separator as the split point; the first that reads wins.

    A split that reads but runs backwards is remembered, not raised: a later
    split (or dateparser) may still read the whole text.
    """
    body = text.removeprefix("from ")
    separators = _SPACED if use_dateparser else _SEPARATORS
    between = body.startswith("between ")
    body = body.removeprefix("between ")
    problem = None
    for match in separators.finditer(body):
        left, right = body[: match.start()], body[match.end() :]
        # "1980s and 1990s" is one stretch; "2019 and 2021" two periods,
        # which "between" alone makes a range.
        adjoining = match.group() == " and " and not between
        try:
            reading = _join(left, right, ctx, use_dateparser, adjoining)
        except GrammarError as exc:
            problem = problem or exc
            continue
        if reading is not None:
            return reading, None
    return None, problem


def _join(
    left: str, right: str, ctx: Ctx, use_dateparser: bool, adjoining: bool = False
) -> Reading | None:
    bodies = strip_words(left), strip_words(right)
    written = f'"from {left} to {right}"'
    marked = bodies[0][2] or bodies[1][2]  # "from about March to May"
    lent = _inherit(bodies[0][0], bodies[1][0], ctx)
    if lent != (bodies[0][0], bodies[1][0]):
        left, right = lent  # else keep "in 3 weeks": dateparser needs its "in"
    first = _single(left, ctx, use_dateparser)
    second = _single(right, ctx, use_dateparser) if first else None
    if first is None or second is None:
        return None
    # An end with no year of its own ("to Wednesday") follows the start.
    clock_only = second.floating and second.precision in ("minute", "hour")
    if clock_only and first.precision not in ("minute", "hour", "day"):
        return None  # "October - 12:30": a clock time needs a day to be on
    if second.floating:
        after = Ctx(to_date(first.start), "future")
        second = _single(right, after, use_dateparser) or second
    elif first.floating and to_date(first.start) > to_date(second.end):
        before = Ctx(to_date(second.end), "past")
        first = _single(left, before, use_dateparser) or first
    if adjoining and to_date(second.start) - to_date(first.end) != timedelta(days=1):
        raise GrammarError(
            f"Those are two separate periods: for the whole stretch write {written},"
            " or give each its own event."
        )
    precision = max(first.precision, second.precision, key=PRECISIONS.index)
    start, end = first.start, second.end
    if precision not in ("minute", "hour"):
        start, end = to_date(start), to_date(end)
    if to_date(end) < to_date(start) or (type(start) is type(end) and end < start):
        raise GrammarError(f"The end ({end}) is before the start ({start}).")
    approximate = marked or first.approximate or second.approximate
    return Reading(start, end, precision, approximate)


_SIDES = (
    re.compile(rf"(?:{WD},? )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: (?:of )?{MON})?"),
    re.compile(rf"(?:{WD},? )?{MON}(?: (?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?"),
)
_SIDE_YEAR = re.compile(rf"(?P<rest>.*?)(?:,? {YEAR})?")


def _side(text: str) -> dict[str, Any] | None:
    """Day, month, year and weekday of a range end like "3", "Jan 3, 2026"."""
    split = _SIDE_YEAR.fullmatch(text)
    if split is None:
        return None
    for pattern in _SIDES:
        if match := pattern.fullmatch(split["rest"]):
            groups = match.groupdict()
            return {
                "wd": groups.get("wd"),
                "day": int(groups["day"]) if groups.get("day") else None,
                "month": month_number(groups["mon"]) if groups.get("mon") else None,
                "year": int(split["year"]) if split["year"] else None,
            }
    return None


def _inherit(left: str, right: str, ctx: Ctx) -> tuple[str, str]:
    """Lend a missing month or year across a range: "3-5 Jan 2026",
    "Jan 3-5, 2026", "March to May 2025", "29 Dec - 4 Jan 2026"."""
    one, two = _side(left), _side(right)
    if one is None or two is None:
        return left, right
    one["month"] = one["month"] or two["month"]
    two["month"] = two["month"] or one["month"]
    if one["month"] is None:
        return left, right
    # Compare (month, day) so a range read as crossing New Year goes forward.
    backwards = (two["month"], two["day"] or 31) < (one["month"], one["day"] or 1)
    if one["year"] is None and two["year"] is not None:
        one["year"] = two["year"] - backwards
    elif two["year"] is None and one["year"] is not None:
        two["year"] = one["year"] + backwards
    elif one["year"] is None:
        # Neither end says a year: the start picks one from the preference.
        start = read(_side_text(one), ctx)
        if start is None:
            return left, right
        year = to_date(start.start).year
        one["year"], two["year"] = year, year + backwards
    return _side_text(one), _side_text(two)


def _side_text(side: dict[str, Any]) -> str:
    parts = (side["wd"], side["day"], MONTHS[side["month"] - 1], side["year"])
    return " ".join(str(part) for part in parts if part is not None)


# --- dateparser ---------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _parser(prefer: str, anchor: date) -> Any:
    """One DateDataParser per (preference, anchor).

    The anchor lives in the parser's settings (RELATIVE_BASE). Building one
    costs ~20 us against ~0.8 ms for a parse, so a small cache keyed on the
    anchor is cheaper than any trick to share one parser across anchors.
    """
    from dateparser.date import DateDataParser  # lazy: see module docstring

    settings = {
        "PREFER_DATES_FROM": prefer,
        # Noon, not midnight: the anchor is a day with no time, and "3 hours
        # ago" must stay on that day rather than fall into the one before.
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day, 12),
        "RETURN_TIME_AS_PERIOD": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
        # No timestamp or "no-spaces" parsers: they read 20260109 as 6010 AD.
        "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
    }
    return DateDataParser(languages=["en"], settings=settings)


def _plausible(text: str) -> bool:
    words = re.findall(r"[a-z]+", text)
    known = _FILLER | _TIME_WORDS
    if any(word not in known and not _NAME.fullmatch(word) for word in words):
        return False
    if _SHAPES.fullmatch(text):
        return True
    has_month = any(_MONTH_WORD.fullmatch(word) for word in words)
    return has_month and re.search(r"\d", text) is not None


def _dateparser(text: str, ctx: Ctx) -> Reading | None:
    if not _plausible(text):
        return None
    if ctx.prefer != "auto":
        return _dateparser_reading(text, ctx.anchor, ctx.prefer)
    past = _dateparser_reading(text, ctx.anchor, "past")
    future = _dateparser_reading(text, ctx.anchor, "future")
    if past is None or future is None or past == future:
        return past or future
    since = (ctx.anchor - to_date(past.end)).days
    until = (to_date(future.start) - ctx.anchor).days
    return future if 0 <= until < since else past


def _dateparser_reading(text: str, anchor: date, prefer: str) -> Reading | None:
    try:
        data = _parser(prefer, anchor).get_date_data(text)
    except Exception:  # dateparser's own bugs on odd text must not reach users
        return None
    value = data.date_obj
    if value is None:
        return None
    value, day = value.replace(tzinfo=None), value.date()
    parts = getattr(data, "parts", None) or ()
    if parts and "day" not in parts and data.period in _DAYLIKE:
        return None  # "October 12:30": dateparser took the anchor's day
    if data.period == "time" and _CLOCK_TEXT.search(text):
        if re.search(r"\d[:h.]\d\d", text):
            return Reading(value, value, "minute")
        hour = value.replace(minute=0, second=0, microsecond=0)
        return Reading(hour, hour.replace(minute=59), "hour")
    if data.period in ("time", "part_of_day"):
        # "3 hours ago" against a date with no time of day: about that day.
        return Reading(day, day, "day", approximate=data.period == "time")
    if data.period == "week":
        return Reading(*week_span(day), "week")
    if data.period == "month":
        return Reading(*month_span(day.year, day.month), "month")
    if data.period == "year":
        return Reading(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    return Reading(day, day, "day")


def _hint(body: str) -> str:
    if re.search(r"\d{5,}", body):
        return "Numbers that large are out of range: years run from 1 to 9999."
    if re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)?", body):
        return "A number alone is not a date: add a month or a year."
    if not re.search(r"\d", body) and not any(
        w in _TIME_WORDS or _NAME.fullmatch(w) for w in re.findall(r"[a-z]+", body)
    ):
        return "It names no day, month, year or period."
    return ""
