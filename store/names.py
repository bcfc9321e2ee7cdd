"""Matching people's names the way a reader does.

"Lula", "luiz inacio lula da silva" and "Luiz Inácio Lula da Silva" are one
person; "U.S." and "US" are one country. Everything compares on a folded key:
case-folded, accents stripped, punctuation dropped, whitespace collapsed.
"""

from __future__ import annotations

import re
import string
import unicodedata

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


# ASCII needs no Unicode normalisation; str.translate does the rest in C,
# which matters when a 100k-event timeline builds its search index.
_ASCII_FOLD = str.maketrans(
    {"-": " ", **{ch: None for ch in string.punctuation if ch not in "-_"}}
)


def fold(text: str) -> str:
    """The comparison key of a name: no case, accents or punctuation."""
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_FOLD).split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = _NON_WORD.sub("", bare.replace("-", " "))
    return _SPACE.sub(" ", bare).strip()


def tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def fuzzy_score(query: str, candidate: str) -> int:
    """How well ``query`` matches ``candidate``; 0 is no match, higher is better.

    Whole-name and word-prefix matches beat scattered letters, so typing
    "da silva" ranks Lula above every name that merely contains d, a, s...
    """
    q = fold(query)
    c = fold(candidate)
    if not q:
        return 1
    if not c:
        return 0
    if q == c:
        return 1000
    if c.startswith(q):
        return 800 - len(c)
    words = c.split()
    q_words = q.split()
    if all(any(w.startswith(qw) for w in words) for qw in q_words):
        return 600 - len(c)
    if q in c:
        return 400 - len(c)
    # Letters in order (a subsequence), scored by how tightly they sit.
    position = -1
    gaps = 0
    for ch in q.replace(" ", ""):
        found = c.find(ch, position + 1)
        if found < 0:
            return 0
        gaps += found - position - 1
        position = found
    return max(1, 200 - gaps - len(c))
