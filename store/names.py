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
