"""Past or future: which way a date in a news sentence points.

One sentence often holds both: "Trump announced on Friday that Petro is
scheduled to visit during the first week of February". So the choice is made
per expression, from the nearest tense cue before it in its sentence (after
it when none precedes): "announced" governs Friday, "is scheduled to"
governs February. Without any cue a date in news is read as past.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from dateline.store.ingest.text import Span, word_set

Tense = Literal["past", "future"]

_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|won['’]t|would|upcoming|forthcoming|coming|next(?!\s+to\b)"
    # "the planned visit"; "the government planned to pay" is a past verb.
    r"|(?<=the\s)planned|(?<=a\s)planned|later\s+this|from\s+now"
    r"|(?:is|are|am|be|been|was|were)\s+(?:scheduled|slated|set|due|expected|poised"
    r"|planned|going|about|likely|unlikely)\s+(?:to|for)\b"
    # "due to" also means "because of": only "due to be", "due to expire".
    r"|(?:scheduled|slated|set)\s+(?:to|for)\b|(?:planned|due)\s+for\b"
    r"|due\s+to\s+(?!the\b|a\b|an\b|its\b|his\b|her\b|their\b|this\b|that\b"
    r"|these\b|those\b|higher\b|lower\b|strong\b|weak\b|poor\b)[a-z]+(?<!ing)\b"
    # "payable Jan. 2", "effective Feb. 1": terms that take effect ahead.
    r"|payable|effective(?!\s+(?:immediately|today|now)\b)"
    r"|(?:is|are)\s+to\b|to\s+be\s+(?:held|[a-z]+ed)\b|to\s+take\s+place"
    # Past forms ("agreed to") point ahead only for what follows "to":
    # `_FUTURE_TO` puts the cue there and leaves the verb a past cue, so
    # "on Thursday agreed to repay" reads Thursday backwards.
    r"|(?:plan|intend|aim|hope|expect|want|seek|vow|pledge|promise|threaten|agree"
    r"|prepare)(?:s|ing)?\s+to\b"
    r"|look(?:s|ing)?\s+forward\s+to"
    # "was expected in early December": what is expected lies ahead.
    r"|(?:expected|scheduled|slated|planned|due)\s+(?:in|on|at|by|during|before)"
    # "could be without power until Sunday", "should recover in the second
    # half": a possibility or an expectation lies ahead;
    # "could have", "could not" and "may have" look back.
    r"|(?-i:could|might|may|should|must|can)\s+(?!have\b|not\b|n['’]t\b|well\s+have\b)[a-z]+"
    # "Testimony continues Friday", "the recess begins on March 27": a
    # schedule told in the present.
    r"|(?:begins|starts|opens|resumes|continues|reconvenes|ends|closes|expires))\b"
    r"|['’]ll\b"
)
# "ordered Lumen to hand over ... by 20 March", "expect prices to stay high
# until spring", "was negotiating to raise limits by March": what follows
# "to" lies ahead, though the verb before it may be past. The cue sits on
# "to"; the verb stays a past cue for what precedes.
_FUTURE_TO = re.compile(
    r"(?i)\b(?:plan|intend|aim|hope|expect|want|seek|vow|pledge|promise|threaten"
    r"|agree|prepare|order|urge|ask|allow|force|tell|told|invite|call|negotiat|work"
    r"|try|tries|tried|push|press|race|scramble|need"
    # "an agreement to acquire the bank in January", "a plan to ...".
    r"|decide|agreement|deal|proposal|offer|bid|decision|effort|attempt)"
    r"(?:s|d|e|es|ed|ned|ing|ning)?"
    r"\s+(?:(?!to\b)[\w'’-]+\s+){0,4}?(?P<to>to)\s+"
    r"(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b)[a-z]+"
)
#: "postponed until Tuesday", "extended the deadline until Friday": what a
#: thing is put off to lies after the putting off.
_FUTURE_UNTIL = re.compile(
    r"(?i)\b(?:postpon|delay|defer|adjourn|extend|push(?:ed|es|ing)?\s+back|put\s+off)"
    r"[a-z]*\s+(?:(?!until\b|till\b)[\w'’-]+\s+){0,4}?(?P<to>until|till)\b"
)
#: "warned of further action in December": what is warned of lies ahead.
_FUTURE_OF = re.compile(r"(?i)\b(?:warn|threaten|caution)(?:s|ed|ing)?\s+(?P<to>of)\b")
_IRREGULAR = (
    "was were had did said told met took made came went gave began saw spoke "
    "held left won lost fled struck sent led wrote ran rose fell became brought "
    "bought caught fought thought found paid kept knew grew drew threw flew chose "
    "broke stood sat ago yesterday earlier recently previously formerly once"
)
_NOT_PAST = word_set(
    "need feed seed speed indeed proceed exceed succeed bed red shed bred wed "
    "hundred embed breed greed heed steed weed deed"
)
_DETERMINER = re.compile(
    r"\b(?i:the|a|an|its|their|his|her|our|this|these|those)\s+"
    r"(?:(?:still|newly|recently|already|just|once|long|previously)\s+)?$"
)
_PRESENT_PASSIVE = re.compile(r"\b(?i:is|are|am)\s+$")
_PAST = re.compile(rf"\b(?:{'|'.join(_IRREGULAR.split())}|[a-z]{{2,}}ed)\b")
#: Words a future cue may govern: "will be held", "is expected to be signed".
_ABSORB = 4

_INTRINSIC_PAST = re.compile(
    r"(?i)\b(?:ago|yesterday|earlier|past|recent|previous|last(?!\s+(?:week|quarter)"
    r"\s+(?:of|in)\b))\b"
)
_INTRINSIC_FUTURE = re.compile(
    r"(?i)\b(?:next|coming|tomorrow|later|hence|from\s+now)\b|^in\s+(?:\d|an?\b|one"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)


_FOR = re.compile(r"\bfor\s+$")


def intrinsic_tense(phrase: str) -> Tense | None:
    """The way the phrase itself points ("two weeks ago", "next month")."""
    if _INTRINSIC_FUTURE.search(phrase):
        return "future"
    if _INTRINSIC_PAST.search(phrase):
        return "past"
    return None


def cues(text: str, sentence: Span, skip: Span) -> list[tuple[int, Tense]]:
    """Tense cues of ``text[sentence]`` outside ``skip``, by position.

    A past form just after a future cue belongs to it ("will be held").
    This is the definition; ``_nearest`` answers the same question for one
    expression from cues found once per region (tests hold the two together).
    """
    start, end = sentence
    future = [
        (m.start(), m.end())
        for m in _FUTURE.finditer(text, start, end)
        if not (skip[0] <= m.start() < skip[1])
    ]
    future += [
        (m.start("to"), m.end("to"))
        for pattern in (_FUTURE_TO, _FUTURE_OF, _FUTURE_UNTIL)
        for m in pattern.finditer(text, start, end)
        if not (skip[0] <= m.start("to") < skip[1])
    ]
    found: list[tuple[int, Tense]] = [(s, "future") for s, _ in future]
    for match in _PAST.finditer(text, start, end):
        pos = match.start()
        if skip[0] <= pos < skip[1] or match.group() in _NOT_PAST:
            continue
        if _DETERMINER.search(text, max(start, pos - 20), pos):
            continue  # "the reduced dividend": an adjective, not a verb
        if _PRESENT_PASSIVE.search(text, max(start, pos - 8), pos):
            continue  # "a deal is needed": present, whatever the ending
        if any(s <= pos < e for s, e in future):
            continue
        governed = any(
            e <= pos and len(text[e:pos].split()) < _ABSORB for _, e in future
        )
        if not governed:
            found.append((pos, "past"))
    found.sort()
    return found


@dataclass(frozen=True)
class _Futures:
    """A region's future cues by start, with the reach of each.

    A future cue reaches from its start to the start of the fourth run of
    non-space after its end: a past form in that reach is part of it ("will
    be held") or governed by it. ``reach_max[i]`` is the furthest reach of
    the first ``i + 1`` cues, so "is this past form governed?" is one bisect,
    not a scan of every cue and of the words between.
    """

    starts: tuple[int, ...]
    reach_max: tuple[int, ...]

    def governs(self, pos: int, below: int | None = None) -> bool:
        """Whether a cue starting at or before ``pos`` (and before ``below``)
        reaches ``pos``."""
        count = bisect_right(self.starts, pos)
        if below is not None:
            count = min(count, bisect_left(self.starts, below))
        return count > 0 and self.reach_max[count - 1] >= pos


_RUN = re.compile(r"\S+")
_NO_REACH = sys.maxsize


def _reach(text: str, end: int) -> int:
    """Where the words a cue ending at ``end`` may govern stop."""
    for number, match in enumerate(_RUN.finditer(text, end), start=1):
        if number == _ABSORB:
            return match.start()
    return _NO_REACH


@dataclass(frozen=True)
class _RegionCues:
    futures: _Futures
    #: Every past form, and those no future cue governs.
    pasts: tuple[int, ...]
    free_pasts: tuple[int, ...]


@lru_cache(maxsize=64)
def _region(text: str, start: int, end: int) -> _RegionCues:
    """A region's cues, found once however many dates it holds: finding them
    again per date made a long sentence quadratic."""
    spans = [(m.start(), m.end()) for m in _FUTURE.finditer(text, start, end)]
    spans += [
        (m.start("to"), m.end("to"))
        for pattern in (_FUTURE_TO, _FUTURE_OF, _FUTURE_UNTIL)
        for m in pattern.finditer(text, start, end)
    ]
    spans.sort()
    reach_max: list[int] = []
    for _, stop in spans:
        reach = _reach(text, stop)
        reach_max.append(max(reach, reach_max[-1]) if reach_max else reach)
    futures = _Futures(tuple(s for s, _ in spans), tuple(reach_max))
    pasts = tuple(
        m.start()
        for m in _PAST.finditer(text, start, end)
        if m.group() not in _NOT_PAST
        and not _DETERMINER.search(text, max(start, m.start() - 20), m.start())
        and not _PRESENT_PASSIVE.search(text, max(start, m.start() - 8), m.start())
    )
    free = tuple(pos for pos in pasts if not futures.governs(pos))
    return _RegionCues(futures, pasts, free)


def _nearest(text: str, region: Span, span: Span) -> Tense | None:
    """What ``cues(text, region, span)`` says of the expression: the last cue
    before it, else the first after it, else None."""
    found = _region(text, *region)
    starts = found.futures.starts
    # A cue inside the expression cannot govern a past form before it.
    last_future = bisect_left(starts, span[0]) - 1
    last_past = bisect_left(found.free_pasts, span[0]) - 1
    if last_future >= 0 or last_past >= 0:
        future_at = starts[last_future] if last_future >= 0 else -1
        past_at = found.free_pasts[last_past] if last_past >= 0 else -1
        return "future" if future_at > past_at else "past"
    # Else the first cue after it; cues starting inside it do not count.
    next_future = bisect_left(starts, span[1])
    future_at = starts[next_future] if next_future < len(starts) else sys.maxsize
    for pos in found.pasts[bisect_left(found.pasts, span[1]) :]:
        if pos >= future_at:
            break
        if not found.futures.governs(pos, below=span[0]):
            return "past"
    return "future" if future_at < sys.maxsize else None


#: Where one clause of a news sentence ends and the next begins: "said on
#: Tuesday that Iraq would retaliate" puts Tuesday with "said" and nothing
#: after "that" with it.
#: A bare "and" joins words more often than clauses ("between Australia and
#: India", "will double flights and add routes"): only ", and" breaks.
_CLAUSE_BREAK = re.compile(
    r"[;:,()\"“”]|\s[-–—]+\s|\b(?i:while|whereas|although|though|because"
    r"|since|that|which|who|whom|whose|when|where|if|unless|after|before|until)\b"
)


def clause(text: str, sentence: Span, span: Span) -> Span:
    """The clause of ``text[sentence]`` that holds ``span``: from the last
    break before it to the first one after it."""
    start = sentence[0]
    for match in _CLAUSE_BREAK.finditer(text, sentence[0], span[0]):
        start = match.end()
    after = _CLAUSE_BREAK.search(text, span[1], sentence[1])
    return start, after.start() if after is not None else sentence[1]


_CONDITION = re.compile(r"(?i)\b(?:if|unless)\s*$")


def _conditional(text: str, sentence: Span, own: Span) -> bool:
    """Whether the clause opens with "if" or "unless": a condition is about
    what may yet happen, whatever its verb ("If no deal is reached by the
    end of the month")."""
    return _CONDITION.search(text, max(sentence[0], own[0] - 8), own[0]) is not None


def clause_tense(text: str, sentence: Span, span: Span) -> Tense | None:
    """The tense the cues of its own clause give the expression at ``span``,
    else the nearest cue of its sentence, else None: nothing says.

    A cue's clause wins over the sentence: "The former mayor on Thursday
    agreed to repay the funds, and will appear in court" reads Thursday
    from "agreed", not from "will".
    """
    own = clause(text, sentence, span)
    if _conditional(text, sentence, own):
        return "future"
    for region in (own, sentence):
        found = _nearest(text, region, span)
        if found is not None:
            return found
    return None


def after_for(text: str, sentence: Span, span: Span) -> bool:
    """ "for" right before the expression ("a vote for Friday", "results
    for the third quarter"): it names what a thing is for, not when it was
    said, so the verb's tense does not settle the direction."""
    return _FOR.search(text, max(sentence[0], span[0] - 5), span[0]) is not None
