"""Dates counted from another date of the text, not from the article's.

"a year earlier", "the year-ago quarter", "the next day", "later that year",
"the quarter": news counts these from a date it gave before (the reference
time), so reading them against the publication date dates them wrongly. A
company reporting third-quarter results compares them with "the year-earlier
period", which is the third quarter a year before, not last year.

`References` remembers the dates a text has given; `read_anchored` reads a
phrase against them. A phrase with nothing to count from is dropped rather
than guessed, except the few whose meaning falls back on the article's date
("the latest quarter" is the last one to have ended).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.store.dates.parts import NUMBER_WORDS, add_months, month_span, week_span
from dateline.store.model import FuzzyDate, Precision

__all__ = ["EVENT_NOUN", "References", "read_anchored", "read_from_event"]

#: A quarter reported on is the last one to have ended, within this many
#: days: "a year ago" beside it compares with the same quarter a year back.
_REPORTING_DAYS = 120


@dataclass
class References:
    """The dates a text has given so far (its reference times).

    ``last`` is the latest date read from the text's own words or the
    article's date ("yesterday"), ``quarter`` the latest quarter named.
    Phrases counted from them never become references themselves: a second
    "a year earlier" compares with the same period as the first.
    """

    last: FuzzyDate | None = None
    quarter: FuzzyDate | None = None
    #: The latest quarter named that had just ended by the article's date:
    #: the one a results story reports, whatever forecasts follow it.
    reported: FuzzyDate | None = None
    #: What a dated sentence named ("held the vote on 3 March": vote), and
    #: the date, for "two days after the vote".
    events: dict[str, FuzzyDate] = field(default_factory=dict)

    def note_event(self, text: str, sentence: tuple[int, int], when: FuzzyDate) -> None:
        """Remember the things ``text[sentence]`` names with ``when``."""
        for match in EVENT_NOUN.finditer(text, *sentence):
            self.events[match["noun"].lower()] = when

    def note(self, when: FuzzyDate, anchor: date) -> None:
        self.last = when
        if when.precision == "quarter" and _is_quarter(when.start_day, when.end_day):
            self.quarter = when
            if 0 <= (anchor - when.end_day).days <= _REPORTING_DAYS:
                self.reported = when


def _is_quarter(start: date, end: date) -> bool:
    return (
        start.day == 1
        and start.month % 3 == 1
        and add_months(start, 3) == (end + timedelta(days=1))
    )


_COUNT = re.compile(
    rf"(?P<n>\d{{1,3}}|{'|'.join(NUMBER_WORDS)}) "
    r"(?P<unit>day|week|month|quarter|year)s? (?P<dir>earlier|later|before|after)"
)
_YEAR_AGO = re.compile(
    r"(?:the )?(?:comparable |corresponding |same )?"
    r"(?:year-ago|year-earlier|year-before|prior-year)(?P<rest>.*)"
)
_NEXT = re.compile(
    r"(?:the )?(?P<way>following|previous|preceding|prior|same|next) "
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|quarter|year)"
)
_DAY_ROUND = re.compile(r"(?:the )?day (?P<way>before|after)")
_THAT = re.compile(
    r"(?:(?:later|earlier) )?(?:that|the same) "
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|quarter|year)"
)
_QUARTER = re.compile(
    r"(?:the|that) (?P<mod>latest |current |most recent |same )?(?:fiscal )?"
    r"(?P<unit>quarter|period)"
)
_YEAR = re.compile(
    r"the (?P<mod>current |full |latest |fiscal |current fiscal |latest fiscal )?year"
)
_YEAR_PERIOD = re.compile(r"(?:the )?(?P<year>\d{4}) (?:fiscal )?(?:quarter|period)")
#: "the vote", "his death", "their wedding": a thing an event is named by.
#: "the last one", "the next patient" name nothing a date was given to.
EVENT_NOUN = re.compile(
    r"(?i:\b(?:the|its|his|her|their)\s+)"
    r"(?!(?:last|first|next|same|other|previous|latest|following|one|ones|new)\b)"
    r"(?P<noun>[a-z]{3,})\b"
)
_DAYISH = {"day", "morning", "afternoon", "evening", "night"}
_DAY_FINE = frozenset({"day", "hour", "minute"})
_WAY = {"following": 1, "next": 1, "after": 1, "later": 1, "same": 0}
_WAY |= {"previous": -1, "preceding": -1, "prior": -1, "before": -1, "earlier": -1}


def read_anchored(
    phrase: str, refs: References, anchor: date
) -> tuple[date, date, Precision] | None:
    """The reading of ``phrase`` against the text's reference times, or
    None when it has nothing to count from."""
    text = " ".join(phrase.lower().split())
    if m := _COUNT.fullmatch(text):
        count = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        base = refs.reported if m["unit"] == "year" else None
        base = base or refs.last
        if base is None:
            if m["unit"] != "year" or m["dir"] not in ("earlier", "before"):
                return None
            year = anchor.year - count  # "a year earlier": than the article
            return date(year, 1, 1), date(year, 12, 31), "year"
        return _shift(base, m["unit"], count * _WAY[m["dir"]])
    if m := _YEAR_AGO.fullmatch(text):
        base = refs.reported or refs.quarter or refs.last
        if base is None:
            return None
        return _shift(base, "year", -1)
    if m := _NEXT.fullmatch(text):
        unit = "day" if m["unit"] in _DAYISH else m["unit"]
        if m["way"] == "next" and unit != "day":
            return None  # "the next year" is a window from the article's date
        base = _countable(refs.last, unit)
        if base is None:
            return None
        return _shift(base, unit, _WAY[m["way"]], own=True)
    if m := _DAY_ROUND.fullmatch(text):
        base = _countable(refs.last, "day")
        if base is None:
            return None
        return _shift(base, "day", _WAY[m["way"]], own=True)
    if m := _THAT.fullmatch(text):
        unit = "day" if m["unit"] in _DAYISH else m["unit"]
        base = _countable(
            (refs.quarter if unit == "quarter" else None) or refs.last, unit
        )
        if base is None:
            return None
        return _shift(base, unit, 0, own=True)
    if m := _QUARTER.fullmatch(text):
        if m["unit"] == "period" and not m["mod"]:
            return None  # "the period" names no span of its own
        if m["mod"] == "current ":
            return (*_quarter_of(anchor), "quarter")
        latest = m["mod"] in ("latest ", "most recent ")
        named = refs.reported if latest else refs.quarter
        if named is not None:
            return named.start_day, named.end_day, "quarter"
        # The latest quarter to have ended: the one a report is about.
        start, _ = _quarter_of(anchor)
        return (*_quarter_of(start - timedelta(days=1)), "quarter")
    if m := _YEAR_PERIOD.fullmatch(text):
        # "the 1988 period": the quarter reported on, in that year.
        year = int(m["year"])
        if refs.reported is None:
            return date(year, 1, 1), date(year, 12, 31), "year"
        start = refs.reported.start_day.replace(year=year)
        return start, add_months(start, 3) - timedelta(days=1), "quarter"
    if m := _YEAR.fullmatch(text):
        year = anchor.year
        if m["mod"] in ("latest ", "latest fiscal "):
            year -= 1  # the latest whole year is over
        elif m["mod"] not in ("current ", "current fiscal ") and refs.quarter:
            year = refs.quarter.start_day.year
        return date(year, 1, 1), date(year, 12, 31), "year"
    return None


def read_from_event(
    phrase: str, base: FuzzyDate
) -> tuple[date, date, Precision] | None:
    """ "two days after", "the day before", "a year after" counted from the
    date of the thing named next ("the vote"), or None when the count is
    finer than what that date says: two days after a vote "in March" is
    no day the text gives."""
    text = " ".join(phrase.lower().split())
    if m := _COUNT.fullmatch(text):
        count = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        unit, way = m["unit"], _WAY[m["dir"]]
    elif m := _DAY_ROUND.fullmatch(text):
        count, unit, way = 1, "day", _WAY[m["way"]]
    else:
        return None
    if unit in ("day", "week") and base.precision != "day":
        return None
    return _shift(base, unit, count * way, own=unit != "year")


def _countable(base: FuzzyDate | None, unit: str) -> FuzzyDate | None:
    """``base`` if it says enough to count ``unit``s from: "that day" or
    "the next day" after a year or a month would be a made-up day."""
    if base is None or (unit == "day" and base.precision not in _DAY_FINE):
        return None
    return base


def _quarter_of(day: date) -> tuple[date, date]:
    start = date(day.year, day.month - (day.month - 1) % 3, 1)
    return start, add_months(start, 3) - timedelta(days=1)


def _shift(
    base: FuzzyDate, unit: str, count: int, own: bool = False
) -> tuple[date, date, Precision]:
    """``base`` moved by ``count`` units. A move by years keeps the base's
    precision ("a year earlier" than a quarter is that quarter a year back);
    with ``own``, and for other units, the reading is the unit holding the
    moved day ("the next week", "later that year")."""
    day = base.start_day
    if unit == "year":
        start = add_months(day, 12 * count)
        if own or base.precision not in ("day", "month", "quarter", "season"):
            return date(start.year, 1, 1), date(start.year, 12, 31), "year"
        if base.precision == "day":
            return start, start, "day"
        if base.precision == "month":
            return (*month_span(start.year, start.month), "month")
        return start, add_months(base.end_day, 12 * count), base.precision
    if unit == "day":
        moved = day + timedelta(days=count)
        return moved, moved, "day"
    if unit == "week":
        return (*week_span(day + timedelta(weeks=count)), "week")
    if unit == "month":
        moved = add_months(day.replace(day=1), count)
        return (*month_span(moved.year, moved.month), "month")
    moved = add_months(_quarter_of(day)[0], 3 * count)
    return (*_quarter_of(moved), "quarter")
