"""The time zone written after a clock time, split off before the date is read.

"14:30 EST", "2:30 p.m. ET", "9 Jan 2026 14:30 Europe/Paris", "14:30 UTC+1",
"2026-01-09T14:30-05:00", "2026-01-09T19:30Z": the date reader sees the words
without the zone, and ``dateline.store.zones`` says what the zone is. The
zone is looked for only at the end of a phrase, where sources write it.

A minus offset after a space ("14:30 -05:00") is not taken for a zone: it
reads as the end of a range ("14:30 -15:00"). Written with its sign joined
to an ISO time, or after UTC/GMT ("UTC-5"), it is one.
"""

from __future__ import annotations

import re

from dateline.store.dates.parts import GrammarError
from dateline.store.zones import ABBREVIATIONS, AMBIGUOUS, ZoneError, canonical_zone

__all__ = ["ZONE_IN_PROSE", "ZONE_WORD_IN_PROSE", "split_zone"]

_ISO = re.compile(
    r"(?P<rest>\d{4}-\d{2}-\d{2}[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"(?P<zone>[zZ]|[+-]\d{2}(?::?\d{2})?)"
)
_WORDS = "|".join(sorted({*ABBREVIATIONS, *AMBIGUOUS}, key=len, reverse=True))
_TRAILING = re.compile(
    # After a clock time or a number ("9 Jan 2026 EST" is told the zone
    # needs a time), never after a word: "early March/April" is no zone.
    r"(?P<rest>.*?(?:\d|(?<![a-z])[ap]\.?m\.?|noon|midday|midnight)),?\s+\(?(?P<zone>"
    rf"(?:utc|gmt) ?[+-]\d{{1,2}}(?::?\d{{2}})?"
    r"|\+\d{2}:?\d{2}"
    r"|[a-z][\w+-]*(?:/[\w+-]+)+"
    rf"|(?:{_WORDS}))\)?",
    re.IGNORECASE,
)


#: A zone in an article ("2:30 p.m. ET"): only capitals and known
#: abbreviations or UTC offsets, so "et al." and a guessed "IST" never join
#: a date found in running text.
ZONE_WORD_IN_PROSE = re.compile(
    r"\(?(?:(?:UTC|GMT) ?[+-]\d{1,2}(?::\d{2})?|"
    + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")\b\)?"
)
#: The same right after a clock time.
ZONE_IN_PROSE = re.compile(r",?\s+" + ZONE_WORD_IN_PROSE.pattern)


def split_zone(text: str) -> tuple[str, str | None]:
    """(the phrase without its zone, the zone's stored spelling or None).

    A zone-like ending that is no zone ("Mars/Olympus", "+99:00", the
    ambiguous "IST") is a GrammarError saying what to write instead.
    """
    match = _ISO.fullmatch(text) or _TRAILING.fullmatch(text)
    if match is None:
        return text, None
    try:
        zone = canonical_zone(match["zone"].replace(" ", ""))
    except ZoneError as exc:
        raise GrammarError(str(exc)) from None
    return match["rest"], zone
