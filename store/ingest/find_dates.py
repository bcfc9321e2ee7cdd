"""Every temporal expression in a text, each read against the article's date.

``dateline.store.dates.parse.parse_date`` reads a phrase; this module finds the phrases.
Candidates come from patterns written for news prose (month names are
capitalised there, weekdays spelled out), then each is read by parse_date,
which has the last word: a candidate it cannot read is dropped. Past or
future is chosen per expression from the nearest tense cue in its sentence
(``store.ingest.tense``), so "announced on Friday that Petro is scheduled to visit
during the first week of February" reads Friday backwards and February
forwards.

dateparser alone finds dates in almost anything ("may", "march", "second",
"now", "sun", "1234567890"); the patterns here never offer those words on
their own, and the guards below drop month names that are people's names
("Theresa May") and numbers that are counts or phone numbers.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from datetime import date

from dateline.store.dates.parse import parse_date
from dateline.store.errors import DateParseError
from dateline.store.ingest.dateforms import (
    CLOCK,
    FORMS,
    MONTHS,
    PART_OF_DAY,
    YEAR,
    Kind,
)
from dateline.store.ingest.tense import Tense, intrinsic_tense, sentence_tense
from dateline.store.ingest.text import Span, quote_spans, split_sentences, word_set
from dateline.store.model import FuzzyDate

__all__ = ["FoundDate", "find_dates"]


@dataclass(frozen=True)
class FoundDate:
    """One temporal expression: where it is, what it says, which way it points.

    ``span`` indexes the text that was searched; ``when.text`` is the phrase
    as written. ``tense`` is ``past`` for what the article reports as done and
    ``future`` for what it announces. ``quoted`` marks a phrase inside a
    quotation; ``vague`` one that only bounds a stretch of time ("in recent
    months"), which rarely dates an event of its own.
    """

    span: Span
    when: FuzzyDate
    tense: Tense
    sentence: Span
    quoted: bool = False
    vague: bool = False

    @property
    def text(self) -> str:
        return self.when.text


#: Words that may stand before a capitalised month without making it a name.
_FUNCTION = word_set(
    "in on at by of since until till through from during before after between "
    "and or to early mid late last next this that the end beginning start "
    "middle throughout into as than but for until around about"
)
#: Words that join names as readily as dates: "Brian May and June Carter".
_LINKS = word_set("and or to than but as")
#: Months that are also common words or first names: need a preposition.
_AMBIGUOUS_MONTHS = frozenset({"May", "March", "June", "April", "August"})
#: What a year count looks like: "2000 troops" is not the year 2000.
_COUNT_AFTER = re.compile(
    r"\s+(?:(?!was\b|is\b|has\b|as\b|its\b)[a-z]+s\b|percent\b|per\b|million\b"
    r"|billion\b|thousand\b|times\b|tonnes\b|kg\b|km\b)"
)
_COUNT_BEFORE = re.compile(
    r"(?i:\b(?:no\.?|number|resolution|article|flight|route|highway|room|page"
    r"|pp?\.|model|code|version|call|phone|tel\.?|about|some|over|nearly|almost"
    r"|than|of|the\s+top|#))\s*$"
)
_LEAD_IN = re.compile(r"(?i:\b(?:on|in|during))\s+$")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*")
_RANGE_OPEN = re.compile(r"(?i:\b(?:from|between))\s+$")
_CLOCK_AFTER = re.compile(rf",?\s+(?:at\s+)?{CLOCK}")
#: "at 3 p.m. on Tuesday", "10 p.m. Wednesday": the hour of the day after it.
_CLOCK_BEFORE = re.compile(rf"(?:\b(?i:at)\s+)?(?P<clock>{CLOCK})\s+$")
#: "Today" mid-sentence is a name ("BBC Radio 4's Today programme").
_DAY_WORD_NAME = re.compile(r"(?:Today|Tomorrow|Yesterday|Tonight)\b")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;]|\n)[\s\"“‘'(]*$")
#: "expected to last three weeks": "last" is the verb, and what follows a
#: length of time, not the weeks before the article.
_LAST_AS_VERB = re.compile(
    r"(?i:\b(?:to|will|would|could|should|may|might|can|must|not|did|does|do"
    r"|won['’]t|never|rarely|seldom|usually|often|typically)\s+)$"
)
_SEASON_LEAD = re.compile(
    r"(?i:\b(?:in|the|by|since|until|during|early|late|mid|through|of|this|next"
    r"|last|each|every))\s+$"
)
_THAT_YEAR = re.compile(r"\s+of\s+(?:that|the\s+same)\s+year\b")
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|'\d0s")
_SEASON_WORD = re.compile(r"(?i:spring|summer|autumn|winter|fall)$")
_PART_SUFFIX = re.compile(rf"\s+{PART_OF_DAY}(?=\s|$)")


@functools.cache
def _compiled() -> tuple[tuple[Kind, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(pattern)) for kind, pattern in FORMS)


# --- finding ----------------------------------------------------------------


def find_dates(
    text: str,
    anchor: date,
    *,
    start: int = 0,
    end: int | None = None,
    masked: tuple[Span, ...] = (),
    sentences: list[Span] | None = None,
) -> list[FoundDate]:
    """Temporal expressions of ``text[start:end]`` that ``parse_date`` reads,
    in text order, none overlapping. ``masked`` spans (a dateline, a "1 hour
    ago" stamp) are never searched. ``sentences`` may be passed when the
    caller has split them already."""
    end = len(text) if end is None else end
    if sentences is None:
        sentences = split_sentences(text, start, end)
    starts = [s[0] for s in sentences]
    quotes = quote_spans(text, start, end)
    found: list[FoundDate] = []
    #: The last year written out, for "in March of that year".
    year: int | None = None
    for kind, cand_start, cand_end in _candidates(text, start, end, masked):
        at = bisect.bisect_right(starts, cand_start) - 1
        if at < 0 or cand_start >= sentences[at][1]:
            continue  # between sentences: blank space only
        sentence = sentences[at]
        reading = _read(text, kind, cand_start, cand_end, sentence, anchor, year)
        if reading is None:
            continue
        span, when, tense = reading
        if _WRITTEN_YEAR.search(when.text):
            year = when.start_day.year
        quoted = any(q[1] <= span[0] and span[1] <= q[2] for q in quotes)
        found.append(FoundDate(span, when, tense, sentence, quoted, kind == "window"))
    return _join_ranges(text, found, anchor)


def _candidates(
    text: str, start: int, end: int, masked: tuple[Span, ...]
) -> list[tuple[Kind, int, int]]:
    """Longest non-overlapping pattern matches that pass the guards."""
    raw: list[tuple[int, int, Kind]] = []
    for kind, pattern in _compiled():
        for match in pattern.finditer(text, start, end):
            s, e = match.span()
            if any(m[0] < e and s < m[1] for m in masked):
                continue
            if _guarded(text, s, e, start):
                raw.append((s, e, kind))
    raw.sort(key=lambda c: (c[0] - c[1], c[0]))  # longest first
    # Taken spans never overlap, so by start their ends are in order too: the
    # one test is against the last span starting before this one ends.
    taken: list[tuple[Kind, int, int]] = []
    starts: list[int] = []
    ends: list[int] = []
    for s, e, kind in raw:
        before = bisect.bisect_left(starts, e)
        if before and ends[before - 1] > s:
            continue
        at = bisect.bisect_left(starts, s)
        starts.insert(at, s)
        ends.insert(at, e)
        taken.insert(at, (kind, s, e))
    return taken


def _guarded(text: str, s: int, e: int, floor: int) -> bool:
    """False for matches that are names, counts or ordinary words."""
    phrase = text[s:e]
    before = text[max(floor, s - 40) : s]
    after = text[e : e + 30]
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_"):
        return False
    if e < len(text) and (text[e].isalnum() or text[e] == "_"):
        return False
    if re.fullmatch(MONTHS, phrase):
        return _month_alone(phrase, before, after)
    if _DAY_WORD_NAME.match(phrase) and not _SENTENCE_OPENS.search(before):
        return False
    if re.match(r"(?i)last\s", phrase) and _LAST_AS_VERB.search(before):
        return False
    if re.fullmatch(YEAR, phrase):
        return not (_COUNT_AFTER.match(after) or _COUNT_BEFORE.search(before))
    season = _SEASON_WORD.search(phrase)
    if season and season.start() == 0 and not re.search(r"\d", phrase):
        # "spring" and "fall" are verbs too: want "in the fall", "this spring".
        if not _SEASON_LEAD.search(before):
            return False
        if _THAT_YEAR.match(after):
            return True
        return not re.match(r"\s+of\s+(?!\d)", after)  # "the fall of Kabul"
    return not (
        re.search(r"(?i)quarter$", phrase) and re.match(r"\s+of\s+(?:the|a)\b", after)
    )


def _month_alone(month: str, before: str, after: str) -> bool:
    """A bare month name: a date after a preposition, else maybe a name."""
    previous = re.search(r"([\w’'.-]+)\s*$", before)
    word = previous.group(1).lower().strip("’'") if previous else ""
    named = re.match(r"\s+[A-Z][a-z]", after) is not None  # "June Carter"
    if word in _FUNCTION and not (named and word in _LINKS):
        return True
    if month in _AMBIGUOUS_MONTHS or named:
        return False  # "Theresa May said", "May I", "March on the capital"
    # After a capitalised word mid-sentence it is the end of a name.
    return not (previous and previous.group(1)[:1].isupper() and not _ends(before))


def _ends(before: str) -> bool:
    return re.search(r"[.!?]\s*$", before) is not None


def _read(
    text: str,
    kind: Kind,
    s: int,
    e: int,
    sentence: Span,
    anchor: date,
    year: int | None,
) -> tuple[Span, FuzzyDate, Tense] | None:
    """Widen the candidate (a lead-in "on", a clock time, "of that year")
    and read it; ``year`` is the last year the text wrote out."""
    clock = _CLOCK_AFTER.match(text, e, sentence[1])
    if clock is not None and kind in ("day", "relative"):
        e = clock.end()
    that_year = _THAT_YEAR.match(text, e, sentence[1])
    if that_year is not None and year is None:
        return None  # "that year" with no year before it: cannot say which
    core = text[s:e]
    if that_year is not None:
        e = that_year.end()
    lead = _LEAD_IN.search(text, max(sentence[0], s - 8), s)
    if lead is not None and kind != "window":
        s = lead.start()
        core = text[s : lead.end()] + core
    phrase = text[s:e]
    reading = f"{core} {year}" if that_year else phrase
    early = None
    if clock is None and that_year is None and kind in ("day", "relative"):
        early = _CLOCK_BEFORE.search(text, max(sentence[0], s - 20), s)
    when = None
    if early is not None:
        # "at 3 p.m. on Tuesday" reads as "on Tuesday at 3 p.m."; when that
        # does not read, the day alone is still a date.
        with_clock = text[early.start() : e]
        tense = intrinsic_tense(with_clock) or sentence_tense(
            text, sentence, (early.start(), e)
        )
        when = _parse(f"{phrase} at {early['clock']}", anchor, tense)
        if when is not None:
            s, phrase = early.start(), with_clock
    if when is None:
        tense = intrinsic_tense(phrase) or sentence_tense(text, sentence, (s, e))
        when = _parse(reading, anchor, tense)
    if when is None:
        return None
    when = replace(when, text=" ".join(phrase.split()))
    return (s, e), when, _final_tense(when, anchor, tense)


def _parse(phrase: str, anchor: date, tense: Tense) -> FuzzyDate | None:
    """parse_date, with "Tuesday night" read as its day when the words
    for a part of the day are all that stops it."""
    for attempt in (phrase, _PART_SUFFIX.sub("", phrase, count=1)):
        when = _cached_parse(attempt, anchor, tense)
        if when is not None:
            return replace(when, text=" ".join(phrase.split()))
    return None


@functools.lru_cache(maxsize=4096)
def _cached_parse(phrase: str, anchor: date, tense: Tense) -> FuzzyDate | None:
    """A long article says "last week" many times; read it once."""
    try:
        return parse_date(phrase, anchor, prefer=tense)
    except DateParseError:
        return None


def _final_tense(when: FuzzyDate, anchor: date, tense: Tense) -> Tense:
    """A reading wholly before the article is past, wholly after it future."""
    if when.end_day < anchor:
        return "past"
    if when.start_day > anchor:
        return "future"
    return tense


def _join_ranges(text: str, found: list[FoundDate], anchor: date) -> list[FoundDate]:
    """ "from March to May 2025", "between 2019 and 2021": two finds, one range."""
    out: list[FoundDate] = []
    for item in found:
        previous = out[-1] if out else None
        if previous is not None and previous.sentence == item.sentence:
            joined = _join(text, previous, item, anchor)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(item)
    return out


def _join(
    text: str, first: FoundDate, second: FoundDate, anchor: date
) -> FoundDate | None:
    gap = _RANGE_GAP.fullmatch(text, first.span[1], second.span[0])
    if gap is None:
        return None
    word = gap.group().strip()
    opener = _RANGE_OPEN.search(text, max(0, first.span[0] - 10), first.span[0])
    if word == "and" and (opener is None or "between" not in opener.group().lower()):
        return None
    start = opener.start() if opener is not None else first.span[0]
    phrase = text[start : second.span[1]]
    tense = first.tense
    try:
        when = parse_date(phrase, anchor, prefer=tense)
    except DateParseError:
        return None
    when = replace(when, text=" ".join(phrase.split()))
    return FoundDate(
        (start, second.span[1]),
        when,
        _final_tense(when, anchor, tense),
        first.sentence,
        first.quoted and second.quoted,
    )
