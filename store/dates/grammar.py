"""The date phrases dateparser misses, read by a small grammar of our own.

dateparser reads "9 Jan 2026" and "2 days ago" well, but has no notion of
"first week of February", quarters, seasons or decades, reads "the 1990s" as a
time of day and picks the year of "October" by its own rule. So this grammar
runs first. It sees text that ``dateline.store.dates.parse`` has already lower-cased and
stripped of "about", "in", "the" and friends, and answers with a `Reading`,
or None when the text is none of its forms.

When a phrase leaves out the year (or week), ``dateline.store.dates.parts.pick`` chooses
it from the caller's preference (past, future or the nearest); an explicit
"last"/"next" in the phrase wins over the preference.

Seasons are meteorological and northern: spring Mar-May, summer Jun-Aug,
autumn Sep-Nov, winter Dec-Feb. "winter 2025" starts in December 2025 and
ends in February 2026; journalists' sources are mostly northern, and
astronomical seasons would split months, which a timeline row cannot show.

Numeric dates ("9/1/2026", "9.1.2026", "09-01-26") are read day-first or
month-first only when one order alone names a real day ("25/12/2025",
"12/25/2025") or both orders name the same day ("5/5/2026"). Otherwise they
are refused with both readings in the hint: news is written both ways, and a
silently swapped day and month is worse for a fact-checker than a question.
Two-digit years are the year nearest the anchor's.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from datetime import date, timedelta

from dateline.store.dates.holidays import HOLIDAY, WEEKEND, read_holiday, read_weekend
from dateline.store.dates.labels import WEEKDAY_NAMES, day_label
from dateline.store.dates.parts import (
    CLOCK,
    DAY_SHIFTS,
    DECADE_WORDS,
    MON,
    ORDINALS,
    PART,
    SEASONS,
    THIRDS,
    TIME,
    WD,
    YEAR,
    Ctx,
    GrammarError,
    Reading,
    Span,
    add_months,
    apply_time,
    check_year,
    decade_span,
    make_day,
    month_number,
    month_span,
    pick,
    resolve_mode,
    week_span,
    weekday_number,
    yearly,
)
from dateline.store.dates.relative import RELATIVE_FORMS

# --- handlers: each gets the full match and answers with a Reading ---------


def _relative_day(m: re.Match[str], ctx: Ctx) -> Reading:
    word = m["rel"].removeprefix("the ").removeprefix("day ")
    day = ctx.anchor + timedelta(days=DAY_SHIFTS.get(word, 0))
    return apply_time(Reading(day, day, "day"), m)


def _time_only(m: re.Match[str], ctx: Ctx) -> Reading:
    # The anchor is a date without a time, so "at 14:30" is on the anchor day.
    reading = Reading(ctx.anchor, ctx.anchor, "day", floating=True)
    return apply_time(reading, m)


def _iso_datetime(m: re.Match[str], ctx: Ctx) -> Reading:
    day = make_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return apply_time(Reading(day, day, "day"), m)


def _iso_day(m: re.Match[str], ctx: Ctx) -> Reading:
    day = make_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return Reading(day, day, "day")


def _numeric(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "25/12/2025", "9.1.2026": day and month in either order, read only
    when one order alone names a real day or both name the same one, or
    when the reader said which order they write (``ctx.order``)."""
    first, second, sep = int(m["a"]), int(m["b"]), m["sep"]
    year = _full_year(m["yy"], ctx.anchor)
    day_first = _valid(year, second, first)
    month_first = _valid(year, first, second)
    if day_first is None and month_first is None:
        written = f"{m['a']}{sep}{m['b']}"
        raise GrammarError(f"{written} is no day and month in either order.")
    if day_first and month_first and ctx.order is not None:
        day_first = month_first = day_first if ctx.order == "DMY" else month_first
    if day_first and month_first and day_first != month_first:
        one, other = (day_label(d, weekday=False) for d in (day_first, month_first))
        raise GrammarError(
            f"It could be {one} (day first) or {other} (month first): write the"
            f' month as a word ("{one}" or "{other}").'
        )
    day = day_first or month_first
    return apply_time(Reading(day, day, "day"), m)  # type: ignore[arg-type]


def _full_year(text: str, anchor: date) -> int:
    """A written year; two digits mean the year nearest the anchor's."""
    if len(text) > 2:
        return check_year(int(text))
    base = anchor.year - anchor.year % 100 + int(text)
    year = min((base - 100, base, base + 100), key=lambda y: abs(y - anchor.year))
    return check_year(year)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


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
        return decade_span(check_year(int(m["full"])), m["part"])
    else:
        tens = int(m["short"])
    # "the '90s": the latest such decade that has begun by the anchor year.
    century = ctx.anchor.year - ctx.anchor.year % 100
    start = (
        century + tens if century + tens <= ctx.anchor.year else century - 100 + tens
    )
    return decade_span(max(start, 1), m["part"])


def _century(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "the 19th century" is 1801-1900 by the count, 1800-1899 as people use
    it; the common use wins."""
    if m["c"]:
        first = 100 * (int(m["c"]) - 1)
    else:
        shift = {"last": -1, "previous": -1, "next": 1}.get(m["mod"], 0)
        first = ctx.anchor.year - ctx.anchor.year % 100 + 100 * shift
    start = check_year(max(first, 1))
    end = date(check_year(first + 99), 12, 31)
    return Reading(date(start, 1, 1), end, "century")


def _month_part(m: re.Match[str], ctx: Ctx) -> Reading:
    month = month_number(m["mon"])
    (start, end), floating = yearly(lambda y: month_span(y, month), m["year"], ctx)
    third = THIRDS[m["part"]]
    if third < 2:
        end = start.replace(day=10 * (third + 1))
    start = start.replace(day=1 + 10 * third)
    return Reading(start, end, "month", approximate=True, floating=floating)


def _ordinal_week(m: re.Match[str], ctx: Ctx) -> Reading:
    month = month_number(m["mon"])
    (start, end), floating = yearly(lambda y: month_span(y, month), m["year"], ctx)
    nth = ORDINALS[m["nth"]]
    if nth == -1:
        start = end - timedelta(days=6)
    else:
        start += timedelta(days=7 * (nth - 1))
        if start > end:
            raise GrammarError(f"That month has no {m['nth']} week.")
        end = min(end, start + timedelta(days=6))
    return Reading(start, end, "week", floating=floating)


def _quarter(m: re.Match[str], ctx: Ctx) -> Reading:
    groups = m.groupdict()
    if groups.get("h"):
        word = "second" if groups["h"] == "last" else groups["h"]
        half = int(word[0]) if word[0].isdigit() else ORDINALS[word]
        first, length = 6 * half - 5, 6
    else:
        nth = int(groups["q"]) if groups["q"].isdigit() else ORDINALS[groups["q"]]
        first, length = 3 * (4 if nth == -1 else nth) - 2, 3

    def occurrence(year: int) -> Span:
        start = date(year, first, 1)
        return start, add_months(start, length) - timedelta(days=1)

    (start, end), floating = yearly(occurrence, groups.get("year"), ctx)
    return Reading(start, end, "quarter", floating=floating)


def _year_quarter(m: re.Match[str], ctx: Ctx) -> Reading:
    """ "next year's first quarter": the quarter of the year named."""
    shift = {"this": 0, "last": -1, "next": 1}[m["rel"]]
    nth = int(m["q"][0]) if m["q"][0].isdigit() else ORDINALS[m["q"]]
    start = date(
        check_year(ctx.anchor.year + shift), 3 * (4 if nth == -1 else nth) - 2, 1
    )
    return Reading(start, add_months(start, 3) - timedelta(days=1), "quarter")


def _season(m: re.Match[str], ctx: Ctx) -> Reading:
    first = SEASONS[m["season"]]

    def occurrence(year: int) -> Span:
        start = date(year, first, 1)
        return start, add_months(start, 3) - timedelta(days=1)

    year, mod = m["year"], m["mod"]
    if mod == "this" and first == 12 and ctx.anchor.month <= 2:
        year = str(ctx.anchor.year - 1)  # in January "this winter" began in Dec
    if m["short"] and (first != 12 or int(m["short"]) != (int(year) + 1) % 100):
        raise GrammarError("Only a winter spans two years, and consecutive ones.")
    (start, end), floating = yearly(occurrence, year, ctx, mod)
    return Reading(start, end, "season", floating=floating)


def _month(m: re.Match[str], ctx: Ctx) -> Reading:
    month, mod, year = month_number(m["mon"]), m["mod"], m["year"]
    if m["rel"]:
        shift = {"this": 0, "last": -1}.get(m["rel"], 1)
        year = str(ctx.anchor.year + shift)
    (start, end), floating = yearly(lambda y: month_span(y, month), year, ctx, mod)
    return Reading(start, end, "month", floating=floating)


def _day_month(m: re.Match[str], ctx: Ctx) -> Reading:
    month, day = month_number(m["mon"]), int(m["day"])
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
        reading = Reading(*found, "day")  # type: ignore[misc, call-arg]
    else:
        # 29 Feb or a weekday check may skip years, so look further afield.
        # A weekday pins the year on its own ("Monday 12 January" is the
        # coming one even in a report of past events): take the nearest.
        near = Ctx(ctx.anchor, "auto") if weekday is not None else ctx
        span, floating = yearly(occurrence, None, near, reach=14)
        reading = Reading(*span, "day", floating=floating and weekday is None)
    return apply_time(reading, m)


def _explain_bad_day(year: int, month: int, day: int, weekday: int | None) -> None:
    found = make_day(year, month, day)  # raises if there is no such day
    written = day_label(found, weekday=False, long=True)
    raise GrammarError(f"{written} is a {WEEKDAY_NAMES[found.weekday()]}.")


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

        day = pick(occurrence, 0, ctx.anchor, resolve_mode(mod, ctx))[0]
        floating = mod is None  # a bare "Wednesday" may follow a range start
    return apply_time(Reading(day, day, "day", floating=floating), m)


_ORD = r"(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)"
_OF_YEAR = rf"(?:,? (?:of )?{YEAR})?"
#: "this past spring", "this coming Friday": the nearest one that way.
_MOD = r"(?:(?P<mod>last|next|this past|this coming|this|previous|coming) )?"
_RELATIVE_DAY = (
    r"(?P<rel>today|tonight|now|yesterday|tomorrow|last night"
    r"|this (?:morning|afternoon|evening)|(?:the )?day (?:before yesterday"
    r"|after tomorrow))"
)
#: Seconds only: a zone ("z", "-05:00") was split off before (``zone_words``).
_ISO_TIME = r"(?::\d{2}(?:\.\d+)?)?"
_DECADE = (
    rf"(?:{PART})?(?:the )?(?:(?P<full>\d{{3}}0)'?s|'?(?P<short>\d0)'?s"
    rf"|(?P<word>{'|'.join(DECADE_WORDS)}))"
)
_Q_ORD = r"(?P<q>first|1st|second|2nd|third|3rd|fourth|4th|last)"
_OF_FISCAL = rf"(?:,? (?:of )?(?:fiscal )?{YEAR})?"
_CENTURY = (
    r"(?:(?P<c>\d{1,2})(?:st|nd|rd|th)|(?P<mod>this|last|next|previous|current))"
    r"[- ]century"
)
_DAY_FIRST = (
    rf"(?:{WD},? )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{MON}"
    rf"(?:,? {YEAR})?{TIME}?"
)
_MONTH_FIRST = (
    rf"(?:{WD},? )?{MON} (?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,? {YEAR})?{TIME}?"
)
_SEASON = (
    rf"{_MOD}(?P<season>{'|'.join(SEASONS)})"
    rf"(?:,? (?:of )?{YEAR}(?:[-/](?P<short>\d{{2}}))?)?"
)
Handler = Callable[[re.Match[str], Ctx], Reading | None]
_FORMS: tuple[tuple[str, Handler], ...] = (
    (rf"{_RELATIVE_DAY}{TIME}?", _relative_day),
    (CLOCK, _time_only),
    (
        rf"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:t| ){CLOCK}{_ISO_TIME}",
        _iso_datetime,
    ),
    (r"(?P<y>\d{4})(?P<sep>[-/]?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})", _iso_day),
    (r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})", _iso_day),
    (
        rf"(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<yy>\d{{4}}|\d{{2}})"
        rf"{TIME}?",
        _numeric,
    ),
    (r"(?P<y>\d{4})-?w(?P<w>\d{2})", _iso_week),
    (r"(?P<y>\d{4})-(?P<m>\d{2})", _iso_month),
    (rf"(?:{PART})?(?:the )?(?:year |fiscal |calendar )?{YEAR}", _year),
    (_DECADE, _decade),
    (rf"{PART}(?:of )?(?:the month of )?{MON}{_OF_YEAR}", _month_part),
    (rf"(?:the )?{_ORD} week (?:of|in) {MON}{_OF_YEAR}", _ordinal_week),
    *RELATIVE_FORMS,
    (rf"q(?P<q>[1-4])(?:[ /-]?{YEAR})?", _quarter),
    (rf"{YEAR}[ -]?q(?P<q>[1-4])", _quarter),
    # "third-quarter", "fiscal first quarter of 1990", "1988 third quarter".
    (rf"(?:the )?(?:fiscal )?{_Q_ORD}[- ]quarter{_OF_FISCAL}", _quarter),
    (rf"{YEAR} (?:fiscal )?{_Q_ORD}[- ]quarter", _quarter),
    (rf"(?P<rel>this|last|next) year's (?:fiscal )?{_Q_ORD}[- ]quarter", _year_quarter),
    (_CENTURY, _century),
    (rf"(?:the )?(?P<h>first|1st|second|2nd|last) half{_OF_YEAR}", _quarter),
    (rf"h(?P<h>[12]) {YEAR}", _quarter),
    (_SEASON, _season),
    (rf"{_MOD}{MON}(?:{_OF_YEAR}| (?P<rel>this|last|next) year)", _month),
    (_DAY_FIRST, _day_month),
    (_MONTH_FIRST, _day_month),
    (rf"{_MOD}{WD}(?: (?P<week>last|this|next) week)?{TIME}?", _weekday),
    (HOLIDAY, read_holiday),
    (WEEKEND, read_weekend),
)


@functools.cache
def grammar() -> tuple[tuple[re.Pattern[str], Handler], ...]:
    """The compiled forms. Compiling costs ~15 ms, paid on first use rather
    than at import, so the command line and the UI start without it."""
    return tuple((re.compile(pattern), handler) for pattern, handler in _FORMS)


def read(text: str, ctx: Ctx) -> Reading | None:
    """The reading of `text` by the first form that matches it all, or None."""
    for pattern, handler in grammar():
        match = pattern.fullmatch(text)
        if match is not None:
            return handler(match, ctx)
    return None


__all__ = ["grammar", "read"]
