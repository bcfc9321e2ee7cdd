"""Matching people's names the way a reader does.

"Lula", "luiz inacio lula da silva" and "Luiz Inácio Lula da Silva" are one
person; "U.S." and "US" are one country. Everything compares on a folded key:
case-folded, accents stripped, punctuation dropped, whitespace collapsed.
Two spellings of one transliterated name ("Zelenskiy", "Zelenskyy") are
told apart from two names by ``spelt_alike``, the one fuzzy test of names.
"""

from __future__ import annotations

import functools
import string
import unicodedata
from collections.abc import Collection, Sequence

from anyascii import anyascii
from rapidfuzz import fuzz, process

# ASCII needs no Unicode normalisation; str.translate does the rest in C,
# which matters when a 100k-event timeline builds its search index. Control
# characters go too, as the non-ASCII path drops every non-word character.
_ASCII_FOLD = str.maketrans(
    {
        "-": " ",
        **{ch: None for ch in string.punctuation if ch not in "-_"},
        **{chr(c): None for c in (*range(32), 127) if not chr(c).isspace()},
    }
)


def fold(text: str) -> str:
    """The comparison key of a name: no case, accents or punctuation.

    Equal to folding ``text`` one character at a time with ``fold_char`` and
    collapsing the spaces, which is what lets a highlighter map a match back
    to the displayed text.
    """
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_FOLD).split())
    return " ".join("".join(map(fold_char, text)).split())


@functools.lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """What ``fold`` makes of one character: lower-case ASCII letters and
    digits, " " for a space or hyphen, "" for punctuation and accents.

    Letters that do not decompose into a base letter and an accent ("ł",
    "ø", "æ", "ß", "đ") are transliterated, so "Łódź" and "Lodz" or "Søren"
    and "Soren" fold alike, as a reader would match them.
    """
    if ch.isspace():
        return " "
    if ch.isascii():
        return ch.lower().translate(_ASCII_FOLD)
    out = []
    for part in unicodedata.normalize("NFKD", ch.casefold()):
        if unicodedata.combining(part):
            continue
        if part.isascii() or part.isspace():
            out.append(fold_char(part))
        elif part.isalnum():
            out.append(_transliterate(part))
    return "".join(out)


def _transliterate(letter: str) -> str:
    # anyascii may add punctuation ("ь" -> "'"); a letter it cannot spell
    # stays itself, so it still matches its own kind.
    spelt = "".join(c for c in anyascii(letter).lower() if c.isalnum() or c == "_")
    return spelt or letter


def tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


#: How alike two folded names must be (rapidfuzz's normalised Indel
#: similarity, 0-100) to be one name spelt two ways: "zelenskiy" and
#: "zelenskyy" score 89, "hale" and "hall" 75.
SPELLING_ALIKE = 85
#: Shorter names differ too much by one letter ("Marsh" / "March").
_SHORTEST_VARIANT = 6


def spelt_alike(a: str, b: str) -> bool:
    """Whether two names are one name in two transliterations ("Zelenskiy",
    "Zelenskyy"; "Volodymyr", "Wolodymyr" does not pass: the first letter
    must agree). Equal folded names are alike too."""
    return bool(alike_among(a, [fold(b)]))


def alike_among(name: str, keys: Sequence[str]) -> list[int]:
    """The positions of the folded ``keys`` that ``name`` is spelt alike to
    (see ``spelt_alike``), scored in one C call however many keys."""
    key = fold(name)
    if len(key) < _SHORTEST_VARIANT:
        return [i for i, other in enumerate(keys) if other == key]
    found = process.extract(
        key, keys, scorer=fuzz.ratio, score_cutoff=SPELLING_ALIKE, limit=None
    )
    return sorted(
        i
        for _other, _score, i in found
        if keys[i] == key
        or (keys[i][:1] == key[:1] and len(keys[i]) >= _SHORTEST_VARIANT)
    )


def title_likeness(a: str, b: str, ignore: Collection[str] = ()) -> float:
    """How alike two headlines are, 0-100: rapidfuzz's token sort ratio on
    the folded words, leaving out the folded words in ``ignore`` (the
    actors' names: two stories about the same two leaders share those
    whatever happened). Word order does not count; extra words do, so
    "Petro accused Trump of threats" stays apart from "Trump and Petro
    spoke by telephone"."""
    left = " ".join(w for w in fold(a).split() if w not in ignore)
    right = " ".join(w for w in fold(b).split() if w not in ignore)
    return float(fuzz.token_sort_ratio(left, right))
