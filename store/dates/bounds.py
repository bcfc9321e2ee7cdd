"""Words that bound a date rather than name it: "before March 2025".

One table for the article finder (which sees the words just before a date
it found) and for typed dates (``parse_date("no later than June")``), so a
bound reads the same wherever it is written. The date keeps what the words
name (March 2025); ``FuzzyDate.bound`` says on which side the thing lies and
``FuzzyDate.window`` gives the open or bounded interval.
"""

from __future__ import annotations

import re

from dateline.store.model import Bound

__all__ = ["bound_before", "split_bound"]

#: Each way of writing a bound, longest first, and the kind it is.
_WORDS: dict[str, Bound] = {
    "no later than": "by",
    "not later than": "by",
    "no earlier than": "after",
    "not before": "after",
    "before": "before",
    "after": "after",
    "by": "by",
    "until": "until",
    "till": "until",
    "through": "until",
    "since": "since",
    "pre-": "before",
    "post-": "after",
}
_ALTERNATION = "|".join(
    word.replace(" ", r"\s+")
    for word in sorted(_WORDS, key=len, reverse=True)
    if not word.endswith("-")
)
#: The bound right before a date, with only blank space between, or joined
#: to it ("post-1959 politics").
_BEFORE = re.compile(rf"(?i:\b(?:(?P<word>{_ALTERNATION})\s+|(?P<joined>pre-|post-))$)")
#: A typed date that opens with a bound. "since" and "until" are left to
#: the grammar, which reads them as a stretch to the anchor.
_LEADING = re.compile(
    r"(?P<word>no\s+later\s+than|not\s+later\s+than|no\s+earlier\s+than"
    r"|not\s+before|before|after|by)\s+(?P<rest>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
#: How far back of a date the finder looks for its bound.
REACH = 20


def _kind(word: str) -> Bound:
    return _WORDS[" ".join(word.lower().split())]


def bound_before(text: str, start: int, floor: int = 0) -> Bound | None:
    """The bound the words just before ``text[start:]`` put on it, if any;
    ``floor`` is where the sentence starts."""
    match = _BEFORE.search(text, max(floor, start - REACH), start)
    if match is None:
        return None
    return _kind(match["word"] or match["joined"])


def split_bound(phrase: str) -> tuple[Bound | None, str]:
    """("before", "March 2025") for "before March 2025"; (None, phrase) when
    it opens with no bound of its own."""
    match = _LEADING.fullmatch(phrase.strip())
    if match is None:
        return None, phrase
    return _kind(match["word"]), match["rest"]
