"""Phrases counted from the anchor day itself, for the date grammar.

"this week", "later this month", "early next year", "the end of the month",
"the past 3 months", "the coming weeks", "over the next decade", "in two
years' time": each is a span worked out from the anchor (the article or entry
date) and a unit. ``dateline.store.dates.grammar`` puts these forms in its table.

Rules, so the same words always read the same:

- A third of a period ("early", "mid", "late"; "the beginning/start/end of")
  is the same third everywhere: a year's Jan-Apr, May-Aug, Sep-Dec, a month's
  1-10, 11-20, 21-end, a week's Mon-Tue, Wed-Thu, Fri-Sun, a decade's 0-3,
  4-6, 7-9. So "the end of 2025" is "late 2025" (Sep-Dec) and "the end of
  the month" is its last third: journalists use "end" loosely, and a reading
  wider than the words is safe where a narrower one would be wrong. Thirds
  are approximate.
- "the year"/"the month" with no "this"/"next"/"last" is the anchor's own,
  unless the caller's preference rules that third out: in a report dated
  10 January, "at the end of the month" told in the past is late December,
  and "by the end of the year" announced is late in the anchor's year.
- Windows include the anchor: "the past 3 months" ends on it, "the next two
  years" starts on it. Vague ones ("recent weeks", "the coming months", "the
  next few days") get a typical length (7 days, 4 weeks, 3 months, 3 years,
  3 decades) and are approximate; "a couple of" is two, approximate. "over
  the next decade" is ten years from the anchor, while a bare "next decade"
  is the calendar decade (the 2030s).
- "later next month" or "earlier last year" is the whole month or year,
  approximate: "later" there says little about which part.
- Phrases that count from some other event ("the following week", "the next
  day", "the previous day", "two days later", "that week") are refused with
  a hint: a standalone phrase has no event to count from, and reading them
  from the anchor would silently date things wrongly. "previous week"/"month"
  /"year" keeps its old reading as a synonym of "last".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from dateline.store.dates.labels import day_label
from dateline.store.dates.parts import (
    AMOUNT_UNITS,
    NUM,
    ORDINALS,
    PART,
    THIRDS,
    WD,
    Ctx,
    GrammarError,
    Reading,
    Span,
    add_months,
    check_year,
    decade_span,
    month_span,
    number_word,
    week_span,
)

__all__ = ["RELATIVE_FORMS"]

#: A vague window's length in its unit: "recent weeks" is about four.
_TYPICAL = {"day": 7, "week": 4, "fortnight": 2, "month": 3, "quarter": 2}
_TYPICAL |= {"year": 3, "decade": 3}
_SHIFT = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}


def unit_span(unit: str, anchor: date, shift: int) -> Span:
    """The calendar year, quarter, month, week or decade holding `anchor`,
    moved by `shift` of its own kind."""
    if unit == "year":
        year = check_year(anchor.year + shift)
        return date(year, 1, 1), date(year, 12, 31)
    if unit == "decade":
        decade = check_year(anchor.year - anchor.year % 10 + 10 * shift)
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    if unit in ("month", "quarter"):
        size = 1 if unit == "month" else 3
        first = date(anchor.year, anchor.month - (anchor.month - 1) % size, 1)
        first = add_months(first, size * shift)
        return first, add_months(first, size) - timedelta(days=1)
    monday = week_span(anchor)[0] + timedelta(weeks=shift)
    return week_span(monday)


def _third(span: Span, unit: str, third: int) -> Span:
    """The early (0), mid (1) or late (2) third of a unit's span."""
    start, end = span
    if unit == "decade":
        reading = decade_span(start.year, ("early", "mid", "late")[third])
        return reading.start, reading.end
    if unit == "year":
        first = add_months(start, 4 * third)
        return first, add_months(first, 4) - timedelta(days=1)
    if unit == "quarter":
        first = add_months(start, third)
        return first, add_months(first, 1) - timedelta(days=1)
    if unit == "month":
        last = end if third == 2 else start.replace(day=10 * (third + 1))
        return start.replace(day=1 + 10 * third), last
    days = ((0, 1), (2, 3), (4, 6))[third]
    return start + timedelta(days=days[0]), start + timedelta(days=days[1])


# --- handlers ----------------------------------------------------------------


def _this_unit(m: re.Match[str], ctx: Ctx) -> Reading:
    unit, shift = m["unit"], _SHIFT[m["mod"]]
    if unit == "decade":
        return decade_span(unit_span(unit, ctx.anchor, shift)[0].year, None)
    if unit == "weekend":
        monday = unit_span("week", ctx.anchor, shift)[0]
        return Reading(monday + timedelta(days=5), monday + timedelta(days=6), "day")
    return Reading(*unit_span(unit, ctx.anchor, shift), unit)  # type: ignore[arg-type]


def _later_earlier(m: re.Match[str], ctx: Ctx) -> Reading:
    unit, mod = m["unit"], m["mod"]
    if mod not in (None, "this"):
        # "later next month": the whole month; "later" says little more.
        span = unit_span(unit, ctx.anchor, _SHIFT[mod])
        return Reading(*span, unit, approximate=True)  # type: ignore[arg-type]
    start, end = unit_span(unit, ctx.anchor, 0)
    if m["dir"] == "later":
        start = ctx.anchor
    else:
        end = ctx.anchor
    return Reading(start, end, unit, approximate=True)  # type: ignore[arg-type]


def _this_or_flipped(
    occurrence: Callable[[int], Span], mod: str | None, ctx: Ctx
) -> tuple[Span, bool]:
    """The span in the unit `mod` names; with no `mod` ("the end of the
    year") the anchor's own unit, unless the preference rules it out: told in
    the past on 10 January, "at the end of the month" is late December.
    Also whether it was chosen so (a "floating" reading)."""
    if mod is not None:
        return occurrence(_SHIFT[mod]), False
    start, end = occurrence(0)
    if ctx.prefer == "past" and start > ctx.anchor:
        return occurrence(-1), True
    if ctx.prefer == "future" and end < ctx.anchor:
        return occurrence(1), True
    return (start, end), True


def _unit_part(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "early next year", "late this month", "the end of the year"."""
    unit, third = m["unit"], THIRDS[m["part"]]

    def occurrence(shift: int) -> Span:
        return _third(unit_span(unit, ctx.anchor, shift), unit, third)

    span, floating = _this_or_flipped(occurrence, m["mod"], ctx)
    return Reading(*span, unit, True, floating)  # type: ignore[arg-type]


def _year_share(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "the second half of the year", "the first quarter of next year"."""
    if m["h"]:
        first, length = 6 * ORDINALS[m["h"]] - 5, 6
    else:
        nth = ORDINALS[m["q"]]
        first, length = 3 * (4 if nth == -1 else nth) - 2, 3

    def occurrence(shift: int) -> Span:
        start = date(unit_span("year", ctx.anchor, shift)[0].year, first, 1)
        return start, add_months(start, length) - timedelta(days=1)

    span, floating = _this_or_flipped(occurrence, m["mod"], ctx)
    return Reading(*span, "quarter", floating=floating)


def _window(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "the past 3 months", "recent weeks", "the next two years": a window
    from or to the anchor, the anchor included."""
    unit = m["unit"].rstrip("s")
    if m["n"]:
        count, approximate = number_word(m["n"]), False
    elif m["few"] == "couple of":
        count, approximate = 2, True
    elif m["few"] or unit != m["unit"]:  # "few weeks", "coming months"
        count, approximate = _TYPICAL[unit], True
    else:  # "the past week", "over the next decade": one of them
        count, approximate = 1, False
    forward = m["dir"] in ("next", "coming")
    sign = 1 if forward else -1
    if unit in ("day", "week", "fortnight"):
        days = {"day": 1, "week": 7, "fortnight": 14}[unit] * count
        far = ctx.anchor + timedelta(days=sign * (days - 1))
    else:
        months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit] * count
        far = add_months(ctx.anchor, sign * months) - timedelta(days=sign)
    precision = "week" if unit == "fortnight" else unit
    start, end = (ctx.anchor, far) if forward else (far, ctx.anchor)
    return Reading(start, end, precision, approximate)  # type: ignore[arg-type]


def _shifted(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "2 days ago", "in 3 weeks", "in two years' time", "2 weeks from now":
    the unit holding the day that far from the anchor. dateparser read these
    before, the same way; the grammar does it some twenty times faster, and
    the live reading runs on every key."""
    if not (m["ago"] or m["in"] or m["time"]) or (m["in"] and m["ago"]):
        return None  # "2 weeks" alone says no direction
    unit, count = m["unit"], number_word(m["n"])
    count *= -1 if m["ago"] in (" ago", " before now") else 1
    if unit in ("hour", "minute"):
        # The anchor is a day with no time: read from its noon, "3 hours
        # ago" is about the anchor day, "30 hours ago" about the day before.
        noon = datetime(ctx.anchor.year, ctx.anchor.month, ctx.anchor.day, 12)
        step = timedelta(hours=count) if unit == "hour" else timedelta(minutes=count)
        day = (noon + step).date()
        return Reading(day, day, "day", approximate=True)
    if unit == "day":
        day = ctx.anchor + timedelta(days=count)
        return Reading(day, day, "day")
    if unit in ("week", "fortnight"):
        weeks = count * (2 if unit == "fortnight" else 1)
        return Reading(*week_span(ctx.anchor + timedelta(weeks=weeks)), "week")
    if unit == "month":
        target = add_months(ctx.anchor, count)
        return Reading(*month_span(target.year, target.month), "month")
    # "a decade ago" is some year about ten back: the year, approximate.
    year = check_year(ctx.anchor.year + count * (10 if unit == "decade" else 1))
    return Reading(date(year, 1, 1), date(year, 12, 31), "year", unit == "decade")


_BACK = {"previous", "preceding", "before", "earlier"}
_FORTH = {"following", "subsequent", "next", "after", "later"}
_DAYISH = {"day", "morning", "afternoon", "evening", "night"}


def _elsewhere(m: re.Match[str], ctx: Ctx) -> Reading:
    """Refuse a phrase that counts from another event, suggesting the words
    that count from the reference date instead."""
    words = set(m.group().split())
    way = -1 if words & _BACK else 1 if words & _FORTH else 0
    if words & {"that", "same"}:
        way = 0  # "later that day" is on the other event's day
    if m["n"]:
        amount = f"{m['n']} {m['unit']}"
        suggestion = f'"in {amount}"' if way > 0 else f'"{amount} ago"'
    elif m["wd"]:
        suggestion = f'"{("last", "this", "next")[way + 1]} {m["wd"]}"'
    elif words & _DAYISH:
        suggestion = ('"yesterday"', '"today"', '"tomorrow"')[way + 1]
    else:
        unit = next(w for w in ("weekend", "week", "month", "year") if w in words)
        suggestion = f'"{("last", "this", "next")[way + 1]} {unit}"'
    raise GrammarError(
        "It counts from some other event, not from the reference date"
        f" ({day_label(ctx.anchor, weekday=False)}): write that date itself, or"
        f" {suggestion} to count from the reference date."
    )


_UNIT = r"(?P<unit>year|month|week|quarter|decade)"
_MODS = r"(?P<mod>this|current|last|previous|next|coming)"
_WINDOW = (
    r"(?:(?:over|within|for|during|throughout) )?(?:the )?"
    rf"(?:(?P<dir>past|last|next|coming) (?:(?:{NUM}|(?P<few>few|several"
    r"|couple of)) )?|(?P<recent>recent) )"
    r"(?P<unit>days?|weeks?|fortnights?|months?|quarters?|years?|decades?)"
)
_WEEKDAY = re.sub(r"\(\?P<wd>", "(?:", WD)
_ELSEWHERE = (
    r"(?:the )?(?:(?:following|subsequent|next|previous|preceding|same)"
    r" (?:day|morning|afternoon|evening|night)"
    r"|(?:following|subsequent|preceding|same) (?:week|weekend|month|year"
    rf"|{WD})"
    r"|day (?:before|after))"
    rf"|(?:(?:later|earlier) )?that (?:day|morning|afternoon|evening|night|week"
    rf"|weekend|month|year|{_WEEKDAY})"
    rf"|{NUM} (?P<unit>days?|weeks?|months?|years?) (?:later|earlier|before|after)"
)

#: How far a vague word reaches from the anchor: "recently" about three
#: months back, "the past" and "the future" some ten years, "the near
#: future" three months ahead. Wide on purpose: the words say little.
_REACH = {"recently": 3, "recent": 3, "lately": 3, "near future": 3, "past": 120}
_REACH |= {"recent past": 12, "distant past": 120, "future": 120}
_REACH |= {"distant future": 120, "foreseeable future": 12}
_REACH |= {"near term": 12, "short term": 12}


def _present(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "now", "currently": the reference date itself."""
    return Reading(ctx.anchor, ctx.anchor, "day")


def _vague_reach(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "recently", "in the past", "the near future": a stretch ending or
    starting at the reference date, approximate."""
    words = m.group()
    months = _REACH[words]
    if words.endswith(("future", "term")):
        end = add_months(ctx.anchor, months) - timedelta(days=1)
        return Reading(ctx.anchor, end, "month" if months < 12 else "year", True)
    start = add_months(ctx.anchor, -months) + timedelta(days=1)
    return Reading(start, ctx.anchor, "month" if months < 12 else "year", True)


Handler = Callable[[re.Match[str], Ctx], Reading | None]
RELATIVE_FORMS: tuple[tuple[str, Handler], ...] = (
    (
        r"(?:right )?now|currently|current|presently|present|nowadays|these days",
        _present,
    ),
    (rf"{'|'.join(sorted(_REACH, key=len, reverse=True))}", _vague_reach),
    (rf"{_MODS} (?P<unit>year|month|week|weekend|quarter|decade)", _this_unit),
    (
        rf"(?P<dir>later|earlier) (?:{_MODS}|in the) (?P<unit>year|month|week)",
        _later_earlier,
    ),
    (rf"{PART}(?:the )?(?:{_MODS} )?{_UNIT}", _unit_part),
    (
        r"(?:the )?(?:(?P<h>first|1st|second|2nd) half|(?P<q>first|1st|second|2nd"
        rf"|third|3rd|fourth|4th|last) quarter) of (?:the )?(?:{_MODS} )?year",
        _year_share,
    ),
    (_ELSEWHERE, _elsewhere),  # before windows: "the next day" is no window
    (_WINDOW, _window),
    (
        rf"(?P<in>in )?{NUM} (?P<unit>{AMOUNT_UNITS})(?:s|'s|s')?"
        r"(?:(?P<time> time)|(?P<ago> ago| from now| hence| before now))?",
        _shifted,
    ),
)
