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

from dateline.store.dates.bounds import bound_before
from dateline.store.dates.parse import parse_date
from dateline.store.dates.parts import Prefer, add_months
from dateline.store.dates.zone_words import ZONE_IN_PROSE
from dateline.store.errors import DateParseError
from dateline.store.ingest.dateforms import (
    CLOCK,
    FORMS,
    MONTHS,
    PART_OF_DAY,
    YEAR,
    Kind,
)
from dateline.store.ingest.reference import (
    EVENT_NOUN,
    References,
    read_anchored,
    read_from_event,
)
from dateline.store.ingest.tense import (
    Tense,
    after_for,
    clause,
    clause_tense,
    cues,
    intrinsic_tense,
)
from dateline.store.ingest.text import Span, quote_spans, split_sentences, word_set
from dateline.store.model import Bound, FuzzyDate

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

    @property
    def bound(self) -> Bound | None:
        """ "before", "after", "by", "until" or "since" when the words just
        before the phrase bound it ("before March 2025"): the date is the
        bound, and what happened lies on that side of it (``when.window``)."""
        return self.when.bound


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
    r"|than|(?:total|sum|out|one|some|all|each|none|most)\s+of|the\s+top|#))\s*$"
)
_AGE_OWNER = re.compile(
    r"(?i:\b(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[-\s]+)?)$"
)
#: "30s", "thirties": a decade of a life; "1990s" is one of the calendar.
_AGE = re.compile(r"(?i)(?<![\d'])\d0s$|ties$")
_SINCE_RECORD = re.compile(
    r"(?i:\b(?:first|second|third|only|smallest|largest|biggest|highest|lowest|best"
    r"|worst|sharpest|steepest|fastest|slowest|strongest|weakest|greatest|least"
    r"|longest|most)\b(?:\s+[\w'’-]+){0,3}\s+)$"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_BARE_HALF = re.compile(r"(?i)the\s+(?:first|second)\s+half")
#: Words of a company's results, near which "the first half" is of a year.
_RESULTS = re.compile(
    r"(?i)\b(?:profits?|earnings|sales|revenues?|results|loss|income|margins?"
    r"|fiscal|dividend|turnover|output)\b"
)
_PRE_POST = re.compile(r"(?i:\b(?:pre|post)-)$")
_LEAD_IN = re.compile(r"(?i:\b(?:on|in|during))\s+$")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*")
_SECOND_DAY = re.compile(r"(?<=\sand\s)\d.*", re.DOTALL)
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
    """The forms, each starting only where a word starts: `_guarded` drops a
    match inside a word anyway, and trying the long alternations at every
    letter of an article is most of the time finding takes."""
    return tuple(
        (kind, re.compile(rf"(?<!\w)(?:{pattern})")) for kind, pattern in FORMS
    )


# --- finding ----------------------------------------------------------------


def find_dates(
    text: str,
    anchor: date,
    *,
    start: int = 0,
    end: int | None = None,
    masked: tuple[Span, ...] = (),
    sentences: list[Span] | None = None,
    references: References | None = None,
) -> list[FoundDate]:
    """Temporal expressions of ``text[start:end]`` that ``parse_date`` reads,
    in text order, none overlapping. ``masked`` spans (a dateline, a "1 hour
    ago" stamp) are never searched. ``sentences`` may be passed when the
    caller has split them already; ``references`` when it reads one text in
    parts, so "a year earlier" in one paragraph counts from the quarter
    named in the one before."""
    end = len(text) if end is None else end
    if sentences is None:
        sentences = split_sentences(text, start, end)
    refs = References() if references is None else references
    starts = [s[0] for s in sentences]
    quotes = quote_spans(text, start, end)
    found: list[FoundDate] = []
    kinds: list[Kind] = []
    #: The last year written out, for "in March of that year".
    year: int | None = None
    #: The last sentence whose named things were noted with its date.
    noted: Span | None = None
    for kind, cand_start, cand_end in _candidates(text, start, end, masked):
        at = bisect.bisect_right(starts, cand_start) - 1
        if at < 0 or cand_start >= sentences[at][1]:
            continue  # between sentences: blank space only
        sentence = sentences[at]
        if kind == "anaphor" and (
            event := _EVENT_NEXT.match(text, cand_end, sentence[1])
        ):
            reading = _read_from_event(text, cand_start, event, sentence, anchor, refs)
        elif kind == "anaphor":
            reading = _read_anchored(text, cand_start, cand_end, sentence, anchor, refs)
        else:
            reading = _read(text, kind, cand_start, cand_end, sentence, anchor, year)
        if reading is None and kind == "range":
            # "on 2 and 4 March" is two days, not a stretch: the second
            # still dates what the sentence says.
            tail = _SECOND_DAY.search(text, cand_start, cand_end)
            if tail is not None:
                reading = _read(
                    text, "day", tail.start(), cand_end, sentence, anchor, year
                )
        if reading is None:
            continue
        span, when, tense = reading
        if kind == "relative" and (shifted := _year_ago(text, sentence, when, refs)):
            when = shifted
        if _WRITTEN_YEAR.search(when.text):
            year = when.start_day.year
        if kind not in ("anaphor", "present", "window"):
            if not _AGO.search(when.text):
                refs.note(when, anchor)
            if sentence != noted:
                refs.note_event(text, sentence, when)
                noted = sentence
        quoted = any(q[1] <= span[0] and span[1] <= q[2] for q in quotes)
        vague = kind in ("window", "present")
        if bound := bound_before(text, span[0], sentence[0]):
            when = replace(when, bound=bound)
        found.append(FoundDate(span, when, tense, sentence, quoted, vague))
        kinds.append(kind)
    return _join_ranges(text, _as_said(text, found, kinds, anchor), anchor)


#: Verbs that date a statement: "she said on Tuesday".
_SPEECH = re.compile(
    r"(?i)\b(?:said|says|told|announced|added|stated|wrote|declared|warned|insisted)\b"
)


def _as_said(
    text: str, found: list[FoundDate], kinds: list[Kind], anchor: date
) -> list[FoundDate]:
    """A quotation counts from the day it was said: in ' "We vote
    tomorrow," he said on Tuesday ', tomorrow is Wednesday, not the day
    after the article."""
    said: dict[Span, date] = {}  # sentence -> the day its statement was made
    for other in found:
        if (
            not other.quoted
            and other.sentence not in said
            and other.when.precision in ("day", "hour", "minute")
            and other.when.start_day < anchor
            and _SPEECH.search(text, *other.sentence)
        ):
            said[other.sentence] = other.when.start_day
    out = list(found)
    for i, item in enumerate(found):
        deictic = kinds[i] == "relative" or (
            kinds[i] == "day" and _WEEKDAY_WORD.search(item.text) is not None
        )
        day = said.get(item.sentence)
        if not item.quoted or not deictic or day is None:
            continue
        prefer = intrinsic_tense(item.text) or item.tense
        when = _cached_parse(item.when.text, day, prefer)
        if when is not None:
            when = replace(when, bound=item.when.bound)
            tense = _final_tense(when, anchor, item.tense)
            out[i] = replace(item, when=when, tense=tense)
    return out


_AGO = re.compile(r"(?i)\bago\b")
_YEAR_AGO = re.compile(r"(?i)(?:a|one)\s+year\s+ago|(?:in\s+)?last\s+year")
#: Words of a results story comparing a period with the one a year before.
#: A results sentence about a year or most of one compares with the year
#: before, not with a quarter.
_WHOLE_YEAR = re.compile(
    r"(?i)\b(?:nine|six|12|twelve)\s+months\b|\b(?:fiscal|full|the)\s+year\b(?!-)"
)
_COMPARING = re.compile(
    r"(?i)\b(?:quarter|period|compared|comparable|corresponding|year-ago"
    r"|year-earlier|versus)\b"
)


def _year_ago(
    text: str, sentence: Span, when: FuzzyDate, refs: References
) -> FuzzyDate | None:
    """ "a year ago" beside a quarter just reported is that quarter a year
    back: "net fell to $2 million from $3 million a year ago"; so is "last
    year" in a sentence comparing periods ("the corresponding period last
    year")."""
    if not _YEAR_AGO.fullmatch(when.text) or refs.reported is None:
        return None
    ago = "ago" in when.text.lower()
    if not ago and not _COMPARING.search(text, sentence[0], sentence[1]):
        return None
    if _WHOLE_YEAR.search(text, sentence[0], sentence[1]):
        return None  # "for the nine months ... a year ago": the year before
    start = add_months(refs.reported.start_day, -12)
    end = add_months(refs.reported.end_day, -12)
    return replace(when, start=start, end=end, precision="quarter")


_BY_YEAR = re.compile(r"(?i)(?:a|one)\s+year\s+(?:earlier|before)|(?:the\s+)?year-\w+")


def _year_of(refs: References, anchor: date) -> FuzzyDate:
    """The year the text is reporting on: the reported quarter's, else the
    article's."""
    base = refs.reported or refs.last
    year = base.start_day.year if base is not None else anchor.year
    return FuzzyDate(date(year, 1, 1), date(year, 12, 31), "year")


def _read_anchored(
    text: str,
    s: int,
    e: int,
    sentence: Span,
    anchor: date,
    refs: References,
) -> tuple[Span, FuzzyDate, Tense] | None:
    """A phrase counted from the text's reference time ("a year earlier")."""
    phrase = " ".join(text[s:e].split())
    if _WHOLE_YEAR.search(text, sentence[0], s) and _BY_YEAR.fullmatch(phrase):
        refs = References(last=_year_of(refs, anchor))
    reading = read_anchored(phrase, refs, anchor)
    if reading is None:
        return None
    start, end, precision = reading
    when = FuzzyDate(start, end, precision, phrase, anchor)
    tense = clause_tense(text, sentence, (s, e)) or "past"
    return (s, e), when, _final_tense(when, anchor, tense)


def _read_from_event(
    text: str,
    s: int,
    event: re.Match[str],
    sentence: Span,
    anchor: date,
    refs: References,
) -> tuple[Span, FuzzyDate, Tense] | None:
    """ "two days after the vote": counted from the date the text gave the
    vote; nothing when it gave none."""
    base = refs.events.get(event["noun"].lower())
    if base is None:
        return None
    reading = read_from_event(text[s : event.start()], base)
    if reading is None:
        return None
    start, end, precision = reading
    phrase = " ".join(text[s : event.end()].split())
    when = FuzzyDate(start, end, precision, phrase, anchor)
    tense = clause_tense(text, sentence, (s, event.end())) or "past"
    return (s, event.end()), when, _final_tense(when, anchor, tense)


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
    lowered = phrase.lower()
    if lowered == "now" and (_NOW_BEFORE.search(before) or _NOW_AFTER.match(after)):
        return False
    if lowered.endswith(("past", "future")) and (
        _MORE_NOUN.match(after) or re.match(r"\s+(?:of|century|decade)\b", after)
    ):
        return False  # "the past few years": a window the patterns missed
    if lowered.startswith("the") and lowered.endswith("year"):
        return _the_year(lowered, before, after)
    if lowered.endswith(("before", "after")) and not _CLAUSE_END.match(after):
        # "two days after the vote": counted from an event, read only when
        # the text dated that event (``_read_from_event``).
        return _EVENT_NEXT.match(after) is not None
    if lowered.endswith(("later", "earlier")) and _THAN.match(after):
        return False  # "a year later than planned": a delay, not a date
    if re.match(r"(?:that|the\s+same)\s+year", lowered) and _OF_END.search(before):
        return False  # "in March of that year": read with the month
    if lowered == "recently" and re.search(r"(?i:\bmost\s+)$", before):
        return False  # "most recently in 2025": the date that follows says when
    if _DAY_WORD_NAME.match(phrase) and not _SENTENCE_OPENS.search(before):
        return False
    if re.fullmatch(
        r"(?:This|Next|Last)\s+Week", phrase
    ) and not _SENTENCE_OPENS.search(before):
        return False  # "ABC's This Week": a programme
    if re.match(r"(?i)last\s", phrase) and _LAST_AS_VERB.search(before):
        return False
    if _AGE_OWNER.search(before) and _AGE.search(phrase):
        return False  # "in his 30s", "in their early twenties": an age
    if _SINCE_RECORD.search(before) and re.match(r"(?i)in\s", phrase):
        return False  # "the smallest gain in a year": how long since, not when
    if _BARE_HALF.fullmatch(phrase):
        near = _SENTENCE_END.split(before)[-1] + " " + _SENTENCE_END.split(after)[0]
        return _RESULTS.search(near) is not None
    if re.fullmatch(YEAR, phrase):
        if _PRE_POST.search(before):
            return True  # "post-1959 politics": a year, never a count
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


#: "from now on", "by now", "even now": an open end or emphasis, not a
#: reading of the present. "for now", "until now" and "now that" do read
#: it: they say what holds at the article's date (still never an event).
_NOW_BEFORE = re.compile(r"(?i:\b(?:by|from|since|just|than|even)\s+)$")
_NOW_AFTER = re.compile(r"\s+(?:on\b|is\s+the\s+(?:time|moment)\b)")
#: The thing a count is from, when its name ends there: "after the vote,",
#: "before his death in May"; "the stock market plunge" names no one noun.
_EVENT_NEXT = re.compile(
    rf"\s+{EVENT_NOUN.pattern}(?=\s*(?:[,.;:!?)\"”’]|$)|\s+(?:of|in|on|at|by|for|to|and"
    r"|or|was|were|is|are|had|has|that|which|when|where)\b)"
)
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\"”’]|$)")
_THAN = re.compile(r"\s+than\b")
_OF_END = re.compile(r"\bof\s+$")
_MORE_NOUN = re.compile(r"\s+(?:few|several|couple|many|\d)")
_YEAR_LEAD = re.compile(r"(?i:\b(?:for|of|in|during|through|over|throughout))\s+$")
_YEAR_AFTER = re.compile(
    r"(?:\s+(?:before|after|earlier|later|ago|that|when|in\s+which)\b|-)"
)


def _the_year(phrase: str, before: str, after: str) -> bool:
    """ "for the year", "the full year": the year being reported; "the year
    before" counts from elsewhere, "the year he left" is a clause."""
    if phrase != "the year":
        return not after.startswith("-")  # "the full year", "the current year"
    return _YEAR_AFTER.match(after) is None and _YEAR_LEAD.search(before) is not None


def _month_alone(month: str, before: str, after: str) -> bool:
    """A bare month name: a date after a preposition, else maybe a name."""
    previous = re.search(r"([\w’'.-]+)\s*$", before)
    word = previous.group(1).lower().strip("’'") if previous else ""
    named = re.match(r"\s+[A-Z][a-z]", after) is not None  # "June Carter"
    if word in _FUNCTION and not (named and word in _LINKS):
        return True
    if word in ("a", "an") and re.match(r"\s+[a-z]", after):
        return True  # "a June agreement": the month said of a thing
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
        # "at 2:30 p.m. ET": the zone goes with the time (``FuzzyDate.zone``).
        zone = ZONE_IN_PROSE.match(text, e, sentence[1])
        e = zone.end() if zone is not None else e
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
        prefer, tense = _direction(text, kind, with_clock, sentence, (early.start(), e))
        when = _parse(f"{phrase} at {early['clock']}", anchor, prefer)
        if when is not None:
            s, phrase = early.start(), with_clock
    if when is None:
        prefer, tense = _direction(text, kind, phrase, sentence, (s, e))
        when = _parse(reading, anchor, prefer)
    if when is None:
        return None
    when = replace(when, text=" ".join(phrase.split()))
    return (s, e), when, _final_tense(when, anchor, tense)


_WEEKDAY_WORD = re.compile(r"(?i:mon|tues|wednes|thurs|fri|satur|sun)day")
_QUARTER_WORD = re.compile(r"(?i)\b(?:quarter|half)\b")
_POSSESSIVE = re.compile(r"['’]s\b")
_ENDED = re.compile(r",?\s+(?:that\s+|which\s+)?ended\b")


def _direction(
    text: str, kind: Kind, phrase: str, sentence: Span, span: Span
) -> tuple[Prefer, Tense]:
    """Which way to read a phrase without its year or week, and the tense
    of what it dates.

    The phrase's own words ("next", "ago") win; then the cues of its clause
    (``store.ingest.tense``). With no cue, or after "for" ("results for
    the third quarter", "figures for January"), a month, day of a month or
    quarter is the nearest one, ahead or behind: "payable Jan. 2", "takes
    effect Nov. 13". A bare weekday is still the past one (news reports the
    week gone), or after "for" the coming one ("a vote for Friday").
    """
    own = intrinsic_tense(phrase)
    if own is not None:
        return own, own
    weekday = _WEEKDAY_WORD.search(phrase) is not None and not re.search(r"\d", phrase)
    if weekday and _POSSESSIVE.match(text, span[1]):
        # "Wednesday's ruling", "Friday's close": news names a day's event
        # so once it has happened; a coming one is "next Wednesday's vote".
        return "past", "past"
    by_date = kind in ("day", "month", "year", "season", "range") and not weekday
    bound = bound_before(text, span[0], sentence[0])
    if bound == "since":
        return "past", "past"  # "since Jan. 13": it began before
    if after_for(text, sentence, span):
        return ("auto" if by_date else "future"), "future"
    found = clause_tense(text, sentence, span)
    if _ENDED.match(text, span[1]):
        return "past", "past"  # "the quarter ended Sept. 30"
    if by_date and _QUARTER_WORD.search(phrase):
        # A quarter is reported on once it is over and forecast before it
        # starts: the nearest one is meant, but not one yet to begin when
        # its clause reports what happened ("earned ... in the fiscal first
        # quarter", said in November, is the one that began that year).
        return ("past" if found == "past" else "auto"), found or "past"
    if found == "past" and by_date and bound in ("by", "until", "before"):
        # A deadline set in a past clause ("had until mid-November") still
        # lies ahead as often as not; one in a clause of its own ("and no
        # later than June") lies ahead.
        region = clause(text, sentence, span)
        if not any(kind == "past" for _, kind in cues(text, region, span)):
            return "future", "future"
        return "auto", found
    if found is not None:
        return found, found
    return ("auto" if by_date else "past"), "past"


#: A day the tense puts this far away is doubted when the other reading is
#: near: news writes "Jan. 14" without its year only when it is close by
#: (AP style gives the year of any other). A month keeps its tense: "the
#: talks resumed in March", said in January, is last March.
_FAR_DAYS = 200
_WRITTEN_DAY = re.compile(r"\d")
_NEAR_DAYS = 62


def _parse(phrase: str, anchor: date, prefer: Prefer) -> FuzzyDate | None:
    """parse_date, with "Tuesday night" read as its day when the words
    for a part of the day are all that stops it."""
    for attempt in (phrase, _PART_SUFFIX.sub("", phrase, count=1)):
        when = _nearest(attempt, anchor) if prefer == "auto" else None
        when = when or _cached_parse(attempt, anchor, prefer)
        if when is not None:
            far = (
                when.precision == "day"
                and _WRITTEN_DAY.search(attempt) is not None
                and _distance(when, anchor) > _FAR_DAYS
            )
            if prefer != "auto" and far:
                near = _cached_parse(attempt, anchor, "auto")
                if near is not None and _distance(near, anchor) <= _NEAR_DAYS:
                    when = near
            return replace(when, text=" ".join(phrase.split()))
    return None


def _nearest(phrase: str, anchor: date) -> FuzzyDate | None:
    """The nearer of the past and the future reading, the future only when
    it is much nearer: news reports more than it announces, so "Oct. 23",
    said in May with nothing else to go on, is last October."""
    past = _cached_parse(phrase, anchor, "past")
    future = _cached_parse(phrase, anchor, "future")
    if past is None or future is None or past == future:
        return past or future
    ahead, behind = _distance(future, anchor), _distance(past, anchor)
    return future if 2 * ahead < behind else past


def _distance(when: FuzzyDate, anchor: date) -> int:
    """Days between ``anchor`` and the nearest day of the reading."""
    if when.start_day <= anchor <= when.end_day:
        return 0
    return min(abs((when.start_day - anchor).days), abs((when.end_day - anchor).days))


@functools.lru_cache(maxsize=4096)
def _cached_parse(phrase: str, anchor: date, prefer: Prefer) -> FuzzyDate | None:
    """A long article says "last week" many times; read it once."""
    try:
        return parse_date(phrase, anchor, prefer=prefer)
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
    when = replace(when, text=" ".join(phrase.split()), bound=first.when.bound)
    return FoundDate(
        (start, second.span[1]),
        when,
        _final_tense(when, anchor, tense),
        first.sentence,
        first.quoted and second.quoted,
    )
