"""Fuzzy ranking of things by their names: the one ranker of the terminal.

The actor picker, the merge picker and the actor-name completion all ask the
same question ("which of these does what I typed mean?"), so they share one
scorer and one order. Whole-name and word-prefix matches beat scattered
letters, so typing "da silva" ranks Lula above every name that merely
contains d, a, s... Last come other spellings of a name ("zelenskiy" finds
Zelenskyy), by ``dateline.store.names.spelt_alike``'s rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from dateline.store.names import alike_among, fold

T = TypeVar("T")


def score(query: str, candidate: str) -> int:
    """How well ``query`` matches ``candidate``; 0 is no match, higher is better."""
    return _score(fold(query), fold(candidate))


def _score(q: str, c: str) -> int:
    """:func:`score` on keys already folded: ranking folds the query once."""
    if not q:
        return 1
    if not c:
        return 0
    if q == c:
        return 1000
    if c.startswith(q):
        return 800 - len(c)
    words = c.split()
    if all(any(w.startswith(qw) for w in words) for qw in q.split()):
        return 600 - len(c)
    if q in c:
        return 400 - len(c)
    # Letters in order (a subsequence), scored by how tightly they sit.
    position = -1
    gaps = 0
    for ch in q.replace(" ", ""):
        found = c.find(ch, position + 1)
        if found < 0:
            return _spelt_otherwise(q, c)
        gaps += found - position - 1
        position = found
    return max(1, 200 - gaps - len(c))


def _spelt_otherwise(q: str, c: str) -> int:
    """Last: every typed word a spelling of a word of the name ("zelenskiy"
    for Zelenskyy), by the store's one test of spellings."""
    words = c.split()
    initials = {w[:1] for w in words}
    # Spellings share their first letter: most names are ruled out here,
    # before any scoring, so a long actor list stays quick to rank.
    if all(w[:1] in initials for w in q.split()) and all(
        alike_among(word, words) for word in q.split()
    ):
        return max(1, 100 - len(c))
    return 0


def rank(
    query: str, items: Iterable[T], names_of: Callable[[T], Iterable[str]]
) -> list[tuple[T, str]]:
    """The items some name of which matches ``query``, best first, each with
    the name that matched best (the earliest of equals).

    Equal scores fall back to the folded first name, so the order does not
    depend on the order records happen to be stored in.
    """
    q = fold(query)
    scored: list[tuple[int, str, int, T, str]] = []
    for at, item in enumerate(items):
        best, via, first = 0, "", None
        for name in names_of(item):
            key = fold(name)
            if first is None:
                first = key
            points = _score(q, key)
            if points > best:
                best, via = points, name
        if best > 0:
            scored.append((-best, first or "", at, item, via))
    scored.sort(key=lambda entry: entry[:3])
    return [(item, via) for *_, item, via in scored]
