"""Tags typed in the tag filter's prompt: "dipl, drugs" -> the tags meant.

Each word (separated by commas or "#") is a tag named in full or the start of
exactly one tag (case and accents aside); a start that fits several is a
question for the user, not a guess. A word after "-" ("-sports") names a tag
whose events are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.store.names import fold


@dataclass(frozen=True)
class TagReading:
    """The tags the words name, or why one word names none or several."""

    tags: tuple[str, ...]
    problem: str = ""
    #: Tags whose events are left out ("-tag").
    excluded: tuple[str, ...] = ()


def read_tags(typed: str, known: list[str]) -> TagReading:
    """Read comma-separated tag words against the timeline's ``known`` tags."""
    found: list[str] = []
    excluded: list[str] = []
    words = (" ".join(w.split()) for w in re.split(r"[,#]", typed))
    for word in filter(None, words):
        into = found
        if word.startswith("-"):
            word, into = " ".join(word[1:].split()), excluded
            if not word:
                continue
        key = fold(word)
        exact = [t for t in known if fold(t) == key]
        fits = exact or [t for t in known if fold(t).startswith(key)]
        if not fits:
            some = ", ".join(known[:12]) or "none yet"
            return TagReading(
                tuple(found),
                f"No tag starts with “{word}”. Tags in this timeline: {some}.",
            )
        if len(fits) > 1:
            listed = ", ".join(fits[:8])
            return TagReading(
                tuple(found), f"“{word}” starts {listed}: type more of the tag."
            )
        if fits[0] not in into:
            into.append(fits[0])
    return TagReading(tuple(found), excluded=tuple(excluded))
