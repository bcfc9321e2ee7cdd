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
    r"(?i)\b(?:will|shall|won['’]t|would|upcoming|forthcoming|coming|next"
    r"|planned|later\s+this|from\s+now"
    r"|(?:is|are|am|be|been|was|were)\s+(?:scheduled|slated|set|due|expected|poised"
    r"|planned|going|about|likely|unlikely)\s+(?:to|for)\b"
    r"|(?:scheduled|slated|set|planned|due)\s+(?:to|for)\b"
    r"|(?:is|are)\s+to\b|to\s+be\s+held|to\s+take\s+place"
    r"|(?:plan|intend|aim|hope|expect|want|seek|vow|pledge|promise|threaten|agree"
    r"|prepare)(?:s|d|ed|ing)?\s+to\b"
    r"|look(?:s|ing)?\s+forward\s+to"
    # "was expected in early December": what is expected lies ahead.
    r"|(?:expected|scheduled|slated|planned|due)\s+(?:in|on|at|by|during|before)"
    # "could be without power until Sunday", "should recover in the second
    # half": a possibility or an expectation lies ahead;
    # "could have", "could not" and "may have" look back.
    r"|(?-i:could|might|may|should|must)\s+(?!have\b|not\b|n['’]t\b|well\s+have\b)[a-z]+"
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
    r"|try|tries|tried|push|press|race|scramble|need)(?:s|d|e|es|ed|ing)?"
    r"\s+(?:(?!to\b)[\w'’-]+\s+){1,4}?(?P<to>to)\s+"
    r"(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b)[a-z]+"
)
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


@dataclass(frozen=True)
class _Futures:
    """A sentence's future cues by start, with the reach of each.

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


def _future_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _FUTURE.finditer(text, start, end)]
    spans += [
        (m.start("to"), m.end("to")) for m in _FUTURE_TO.finditer(text, start, end)
    ]
    spans.sort()
    return spans


def _futures(text: str, spans: list[tuple[int, int]]) -> _Futures:
    reach_max: list[int] = []
    for _, stop in spans:
        reach = _reach(text, stop)
        reach_max.append(max(reach, reach_max[-1]) if reach_max else reach)
    return _Futures(tuple(s for s, _ in spans), tuple(reach_max))


def _past_positions(text: str, start: int, end: int) -> list[int]:
    return [
        m.start()
        for m in _PAST.finditer(text, start, end)
        if m.group() not in _NOT_PAST
    ]


def cues(text: str, sentence: Span, skip: Span) -> list[tuple[int, Tense]]:
    """Tense cues of ``text[sentence]`` outside ``skip``, by position.

    A past form just after a future cue belongs to it ("will be held").
    """
    start, end = sentence
    spans = [
        (s, e) for s, e in _future_spans(text, start, end) if not skip[0] <= s < skip[1]
    ]
    futures = _futures(text, spans)
    found: list[tuple[int, Tense]] = [(s, "future") for s, _ in spans]
    found += [
        (pos, "past")
        for pos in _past_positions(text, start, end)
        if not skip[0] <= pos < skip[1] and not futures.governs(pos)
    ]
    found.sort()
    return found


@dataclass(frozen=True)
class _SentenceCues:
    futures: _Futures
    #: Every past form, and those no future cue governs.
    pasts: tuple[int, ...]
    free_pasts: tuple[int, ...]


@lru_cache(maxsize=32)
def _sentence(text: str, start: int, end: int) -> _SentenceCues:
    """A sentence's cues, found once however many dates it holds: finding
    them again per date made a long sentence quadratic."""
    futures = _futures(text, _future_spans(text, start, end))
    pasts = tuple(_past_positions(text, start, end))
    free = tuple(pos for pos in pasts if not futures.governs(pos))
    return _SentenceCues(futures, pasts, free)


def sentence_tense(text: str, sentence: Span, span: Span) -> Tense:
    """The tense the nearest cue gives the expression at ``span``.

    "for" right before it ("invited ... for February talks", "set a vote
    for Friday") points forward whatever the verb.
    """
    if _FOR.search(text, max(sentence[0], span[0] - 5), span[0]):
        return "future"
    found = _sentence(text, *sentence)
    starts = found.futures.starts
    # The nearest cue before the expression. A cue inside it cannot govern
    # a past form before it, so the sentence's own cues answer.
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
    return "future" if future_at < sys.maxsize else "past"
