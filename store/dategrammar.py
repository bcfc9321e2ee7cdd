"""The date phrases dateparser misses, read by a small grammar of our own.

dateparser reads "9 Jan 2026" and "2 days ago" well, but has no notion of
"first week of February", quarters, seasons or decades, reads "the 1990s" as a
time of day and picks the year of "October" by its own rule. So this grammar
runs first. It sees text that ``store.dates`` has already lower-cased and
stripped of "about", "in", "the" and friends, and answers with a `Reading`,
or None when the text is none of its forms.

When a phrase leaves out the year (or week), `pick` chooses it from the
caller's preference: ``past`` is the latest occurrence starting at or before
the anchor, ``future`` the earliest ending at or after it (so the anchor's own
month or week counts for both), ``auto`` the nearer of the two, ties going to
the past. An explicit "last"/"next" means strictly before/after the anchor.

Seasons are meteorological and northern: spring Mar-May, summer Jun-Aug,
autumn Sep-Nov, winter Dec-Feb. "winter 2025" starts in December 2025 and
ends in February 2026; journalists' sources are mostly northern, and
astronomical seasons would split months, which a timeline row cannot show.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from store.dateparts import (
    MON,
    TIME,
    WD,
    YEAR,
    GrammarError,
    Reading,
    Span,
    add_months,
    apply_time,
    check_year,
    month_number,
    month_span,
    number_word,
    week_span,
    weekday_number,
)

Prefer = Literal["past", "future", "auto"]
Mode = Literal["past", "future", "auto", "last", "next"]

SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
ORDINALS |= {"fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1}
THIRDS = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1}
THIRDS |= {"late": 2, "end": 2}
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50}
DECADE_WORDS |= {"sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
DECADE_WORDS |= {"noughties": 0, "aughts": 0}
UNITS = ("day", "week", "fortnight", "month", "quarter", "year", "decade")


@dataclass(frozen=True)
class Ctx:
    anchor: date
    prefer: Prefer


def pick(
    occurrence: Callable[[int], Span | None],
    base: int,
    anchor: date,
    mode: Mode,
    reach: int = 2,
) -> Span:
    """The occurrence (indexed by year or week number) that `mode` means."""
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
        raise GrammarError("no such date lies near the reference date.")
    return span


def _mode(mod: str | None, ctx: Ctx) -> Mode:
    if mod in ("last", "previous"):
        return "last"
    if mod in ("next", "coming"):
        return "next"
    return ctx.prefer


def _yearly(
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
    span = pick(occurrence, ctx.anchor.year, ctx.anchor, _mode(mod, ctx), reach)
    return span, mod is None


# --- handlers: each gets the full match and answers with a Reading ---------


def _relative_day(m: re.Match[str], ctx: Ctx) -> Reading:
    shift = {"yesterday": -1, "tomorrow": 1, "before yesterday": -2}
    word = m["rel"].removeprefix("the ").removeprefix("day ")
    day = ctx.anchor + timedelta(
        days=shift.get(word, 0) + (word == "after tomorrow") * 2
    )
    return apply_time(Reading(day, day, "day"), m)


def _time_only(m: re.Match[str], ctx: Ctx) -> Reading:
    # The anchor is a date without a time, so "at 14:30" is on the anchor day.
    reading = Reading(ctx.anchor, ctx.anchor, "day", floating=True)
    return apply_time(reading, m)


def _iso_datetime(m: re.Match[str], ctx: Ctx) -> Reading:
    day = date(check_year(int(m["y"])), int(m["m"]), int(m["d"]))
    return apply_time(Reading(day, day, "day"), m)


def _iso_day(m: re.Match[str], ctx: Ctx) -> Reading:
    day = date(check_year(int(m["y"])), int(m["m"]), int(m["d"]))
    return Reading(day, day, "day")


def _iso_week(m: re.Match[str], ctx: Ctx) -> Reading:
    monday = date.fromisocalendar(check_year(int(m["y"])), int(m["w"]), 1)
    return Reading(*week_span(monday), "week")


def _iso_month(m: re.Match[str], ctx: Ctx) -> Reading:
    year, second = check_year(int(m["y"])), int(m["m"])
    if 1 <= second <= 12:
        return Reading(*month_span(year, second), "month")
    # "2024-25": a span of years, written the short way.
    end = year - year % 100 + second
    if end <= year:
        raise GrammarError(f"{second:02d} is neither a month nor a later year.")
    return Reading(date(year, 1, 1), date(end, 12, 31), "year")


def _year(m: re.Match[str], ctx: Ctx) -> Reading:
    year = check_year(int(m["year"]))
    third = THIRDS.get(m["part"] or "")
    if third is None:
        return Reading(date(year, 1, 1), date(year, 12, 31), "year")
    first = 1 + 4 * third  # early Jan-Apr, mid May-Aug, late Sep-Dec
    end = date(year, first + 3, calendar.monthrange(year, first + 3)[1])
    return Reading(date(year, first, 1), end, "year", approximate=True)


def _decade(m: re.Match[str], ctx: Ctx) -> Reading:
    if m["word"]:
        tens = DECADE_WORDS[m["word"]]
    elif m["full"]:
        return _decade_span(check_year(int(m["full"])), m["part"])
    else:
        tens = int(m["short"])
    # "the '90s": the latest such decade that has begun by the anchor year.
    century = ctx.anchor.year - ctx.anchor.year % 100
    start = (
        century + tens if century + tens <= ctx.anchor.year else century - 100 + tens
    )
    return _decade_span(max(start, 1), m["part"])


def _decade_span(start: int, part: str | None) -> Reading:
    first, last = start, start + 9
    if part in ("early", "beginning", "start"):
        last = start + 3
    elif part in ("mid", "middle"):
        first, last = start + 4, start + 6
    elif part in ("late", "end"):
        first = start + 7
    return Reading(date(first, 1, 1), date(last, 12, 31), "decade", part is not None)


def _month_part(m: re.Match[str], ctx: Ctx) -> Reading:
    month = month_number(m["mon"])
    (start, end), floating = _yearly(lambda y: month_span(y, month), m["year"], ctx)
    third = THIRDS[m["part"]]
    if third < 2:
        end = start.replace(day=10 * (third + 1))
    start = start.replace(day=1 + 10 * third)
    return Reading(start, end, "month", approximate=True, floating=floating)


def _ordinal_week(m: re.Match[str], ctx: Ctx) -> Reading:
    month = month_number(m["mon"])
    (start, end), floating = _yearly(lambda y: month_span(y, month), m["year"], ctx)
    nth = ORDINALS[m["nth"]]
    if nth == -1:
        start = end - timedelta(days=6)
    else:
        start += timedelta(days=7 * (nth - 1))
        if start > end:
            raise GrammarError(f"that month has no {m['nth']} week.")
        end = min(end, start + timedelta(days=6))
    return Reading(start, end, "week", floating=floating)


def _quarter(m: re.Match[str], ctx: Ctx) -> Reading:
    if m["half"] or m["h"]:
        half = int(m["h"] or ORDINALS[m["half"]])
        first, length = 6 * half - 5, 6
    else:
        quarter = m["q"] or m["q2"] or m["q3"]
        nth = int(quarter) if quarter.isdigit() else ORDINALS[quarter]
        first, length = 3 * (4 if nth == -1 else nth) - 2, 3

    def occurrence(year: int) -> Span:
        start = date(year, first, 1)
        return start, add_months(start, length) - timedelta(days=1)

    (start, end), floating = _yearly(occurrence, m["year"] or m["year2"], ctx)
    return Reading(start, end, "quarter", floating=floating)


def _season(m: re.Match[str], ctx: Ctx) -> Reading:
    first = SEASONS[m["season"]]

    def occurrence(year: int) -> Span:
        start = date(year, first, 1)
        return start, add_months(start, 3) - timedelta(days=1)

    year, mod = m["year"], m["mod"]
    if mod == "this" and first == 12 and ctx.anchor.month <= 2:
        year = str(ctx.anchor.year - 1)  # in January "this winter" began in Dec
    if m["short"] and first == 12:
        if int(m["short"]) != (int(year) + 1) % 100:
            raise GrammarError("a winter spans two consecutive years.")
    (start, end), floating = _yearly(occurrence, year, ctx, mod)
    return Reading(start, end, "season", floating=floating)


def _later_earlier(m: re.Match[str], ctx: Ctx) -> Reading:
    unit, anchor = m["unit"], ctx.anchor
    if unit == "year":
        start, end = date(anchor.year, 1, 1), date(anchor.year, 12, 31)
    elif unit == "month":
        start, end = month_span(anchor.year, anchor.month)
    else:
        start, end = week_span(anchor)
    if m["dir"] == "later":
        start = anchor
    else:
        end = anchor
    return Reading(start, end, unit, approximate=True)  # type: ignore[arg-type]


def _this_unit(m: re.Match[str], ctx: Ctx) -> Reading:
    shift = {"this": 0, "current": 0, "last": -1, "previous": -1}.get(m["mod"], 1)
    unit, anchor = m["unit"], ctx.anchor
    if unit == "year":
        year = check_year(anchor.year + shift)
        return Reading(date(year, 1, 1), date(year, 12, 31), "year")
    if unit == "decade":
        start = check_year(anchor.year - anchor.year % 10 + 10 * shift)
        return _decade_span(start, None)
    if unit in ("month", "quarter"):
        size = 1 if unit == "month" else 3
        first = add_months(
            date(anchor.year, anchor.month - (anchor.month - 1) % size, 1), size * shift
        )
        return Reading(first, add_months(first, size) - timedelta(days=1), unit)
    monday = week_span(anchor)[0] + timedelta(weeks=shift)
    if unit == "weekend":
        return Reading(monday + timedelta(days=5), monday + timedelta(days=6), "day")
    return Reading(*week_span(monday), "week")


def _window(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "the past 3 months", "recent weeks": a window ending at the anchor."""
    unit = m["unit"].rstrip("s")
    count = number_word(m["n"]) if m["n"] else (1 if m["past"] else 0)
    approximate = count == 0  # "recent weeks" says no number
    if unit == "day":
        start = ctx.anchor - timedelta(days=(count or 7) - 1)
    elif unit in ("week", "fortnight"):
        days = 14 if unit == "fortnight" else 7
        start = ctx.anchor - timedelta(days=days * (count or 4) - 1)
    elif unit == "month":
        start = add_months(ctx.anchor, -(count or 3)) + timedelta(days=1)
    else:
        start = add_months(ctx.anchor, -12 * (count or 3)) + timedelta(days=1)
    precision = "week" if unit == "fortnight" else unit
    return Reading(start, ctx.anchor, precision, approximate)  # type: ignore[arg-type]


def _month(m: re.Match[str], ctx: Ctx) -> Reading:
    month, mod, year = month_number(m["mon"]), m["mod"], m["year"]
    if m["rel"]:
        shift = {"this": 0, "last": -1}.get(m["rel"], 1)
        year = str(ctx.anchor.year + shift)
    (start, end), floating = _yearly(lambda y: month_span(y, month), year, ctx, mod)
    return Reading(start, end, "month", floating=floating)


def _day_month(m: re.Match[str], ctx: Ctx) -> Reading:
    month, day = month_number(m["mon"]), int(m["d1"] or m["d2"])
    weekday = weekday_number(m["wd"]) if m["wd"] else None

    def occurrence(year: int) -> Span | None:
        try:
            found = date(year, month, day)
        except ValueError:  # 29 Feb outside leap years
            return None
        if weekday is not None and found.weekday() != weekday:
            return None
        return found, found

    if m["year"] is not None:
        year = check_year(int(m["year"]))
        found = occurrence(year)
        if found is None:
            _explain_bad_day(year, month, day, weekday)
        reading = Reading(*found, "day")  # type: ignore[misc]
    else:
        # 29 Feb or a weekday check may skip years, so look further afield.
        span, floating = _yearly(occurrence, None, ctx, reach=14)
        reading = Reading(*span, "day", floating=floating)
    return apply_time(reading, m)


def _explain_bad_day(year: int, month: int, day: int, weekday: int | None) -> None:
    try:
        found = date(year, month, day)
    except ValueError:
        name = calendar.month_name[month]
        raise GrammarError(f"{name} {year} has no day {day}.") from None
    raise GrammarError(f"{found:%-d %B %Y} is a {found:%A}.")


def _weekday(m: re.Match[str], ctx: Ctx) -> Reading:
    weekday, mod = weekday_number(m["wd"]), m["mod"]
    monday = week_span(ctx.anchor)[0]
    if m["week"] or mod == "this":
        shift = {"last": -1, "next": 1}.get(m["week"] or "", 0)
        day = monday + timedelta(weeks=shift, days=weekday)
        floating = False
    else:

        def occurrence(k: int) -> Span:
            day = monday + timedelta(weeks=k, days=weekday)
            return day, day

        day, floating = pick(occurrence, 0, ctx.anchor, _mode(mod, ctx))[0], mod is None
    return apply_time(Reading(day, day, "day", floating=floating), m)


_NUM = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART = r"(?P<part>early|mid|middle|late|beginning|start|end)(?: of)?[- ]?"
_ORD = r"(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)"
_OF_YEAR = rf"(?:,? (?:of )?{YEAR})?"

GRAMMAR: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], Ctx], Reading]], ...] = (
    tuple(
        (re.compile(pattern), handler)
        for pattern, handler in (
            (
                rf"(?P<rel>today|tonight|now|yesterday|tomorrow|(?:the )?day (?:before yesterday|after tomorrow)){TIME}?",
                _relative_day,
            ),
            (TIME.replace(r"(?:,? ?(?:at )?", "(?:(?:at )?", 1), _time_only),
            (
                r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
                + TIME.replace(",? ?(?:at )?", "(?:t| )", 1)
                + r"(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?",
                _iso_datetime,
            ),
            (
                r"(?P<y>\d{4})([-/]?)(?P<m>\d{2})\2(?P<d>\d{2})|(?P<y2>\d{4})/(?P<m2>\d{1,2})/(?P<d2>\d{1,2})",
                _iso_day,
            ),
            (r"(?P<y>\d{4})-?w(?P<w>\d{2})", _iso_week),
            (r"(?P<y>\d{4})-(?P<m>\d{2})", _iso_month),
            (rf"(?:{_PART})?(?:the )?(?:year )?{YEAR}", _year),
            (
                rf"(?:{_PART})?(?:the )?(?:(?P<full>\d{{3}}0)'?s|'?(?P<short>\d0)'?s|(?P<word>{'|'.join(DECADE_WORDS)}))",
                _decade,
            ),
            (rf"{_PART}(?:of )?(?:the month of )?{MON}{_OF_YEAR}", _month_part),
            (rf"(?:the )?{_ORD} week (?:of|in) {MON}{_OF_YEAR}", _ordinal_week),
            (
                rf"q(?P<q>[1-4])(?:[ /-]?{YEAR})?|(?P<year2>\d{{4}})[ -]?q(?P<q2>[1-4])|(?:the )?(?P<q3>first|1st|second|2nd|third|3rd|fourth|4th|last) quarter{_OF_YEAR}|(?:the )?(?P<half>first|1st|second|2nd) half{_OF_YEAR}|h(?P<h>[12]) {YEAR}",
                _quarter,
            ),
            (
                rf"(?:(?P<mod>last|next|this|previous|coming) )?(?P<season>{'|'.join(SEASONS)})(?:,? (?:of )?{YEAR}(?:[-/](?P<short>\d{{2}}))?)?",
                _season,
            ),
            (
                r"(?P<dir>later|earlier) (?:this|in the) (?P<unit>year|month|week)",
                _later_earlier,
            ),
            (
                r"(?P<mod>this|current|last|previous|next|coming) (?P<unit>year|month|week|weekend|quarter|decade)",
                _this_unit,
            ),
            (
                rf"(?:(?P<past>past|last) (?:{_NUM} )?|recent )(?P<unit>days?|weeks?|fortnights?|months?|years?)",
                _window,
            ),
            (
                rf"(?:(?P<mod>last|next|this|previous|coming) )?{MON}(?:{_OF_YEAR}| (?P<rel>this|last|next) year)",
                _month,
            ),
            (
                rf"(?:{WD},? )?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{MON}|{MON} (?:the )?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,? {YEAR})?{TIME}?",
                _day_month,
            ),
            (
                rf"(?:(?P<mod>last|next|this|previous|coming) )?{WD}(?: (?P<week>last|this|next) week)?{TIME}?",
                _weekday,
            ),
        )
    )
)


def read(text: str, ctx: Ctx) -> Reading | None:
    """The reading of `text` by the first form that matches it all, or None."""
    for pattern, handler in GRAMMAR:
        match = pattern.fullmatch(text)
        if match is not None:
            return handler(match, ctx)
    return None


__all__ = ["GRAMMAR", "Ctx", "Prefer", "Reading", "datetime", "pick", "read"]
