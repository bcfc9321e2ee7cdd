"""Whether the sources agree on when, and what that proposes for the
event's verification.

Agreement is computed from the intervals (``FuzzyDate.window``), never from
the words: "on Wednesday" and "on 7 January" agree when they name one day,
"in January" agrees with both, and "Wednesday 7 Jan" disagrees with
"Thursday 8 Jan". A window left open by the words ("before March") reaches
as far as it is open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from dateline.store.errors import counted
from dateline.store.model import Claim, Event, FuzzyDate, Source, Verification
from dateline.store.names import fold

#: How many independent sources must give agreeing dates for the claims to
#: propose "confirmed": one outlet alone is a report, not a confirmation.
CONFIRMING_SOURCES = 2


def overlap(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether the days ``a`` and ``b`` leave possible have one in common."""
    a_start, a_end = a.window
    b_start, b_end = b.window
    if a_start is not None and b_end is not None and b_end < a_start:
        return False
    return not (b_start is not None and a_end is not None and a_end < b_start)


def disputed(claims: Sequence[Claim]) -> bool:
    """True when two of ``claims`` cannot both be right about the date."""
    return any(not overlap(a.when, b.when) for a, b in combinations(claims, 2))


def is_disputed(event: Event) -> bool:
    """The "disputed" predicate of a filter: the event's claims disagree.
    A plain function, so any filter (only disputed, or not disputed) can use
    it."""
    return len(event.claims) > 1 and disputed(event.claims)


def origin_key(source: Source) -> str:
    """Who first reported what ``source`` says: the outlet it relays
    (``via``: Kurdistan24 running an AFP story has via "AFP"), else its own
    outlet. Two sources with one origin are one voice, not two."""
    return fold(source.via or source.outlet or source.title or source.id)


def independent_sources(claims: Iterable[Claim], sources: Mapping[str, Source]) -> int:
    """How many independent outlets the claims come from (a relay counts
    once with the outlet it relays; an unknown source counts as its own)."""
    keys = set()
    for claim in claims:
        source = sources.get(claim.source)
        keys.add(origin_key(source) if source is not None else claim.source)
    return len(keys)


@dataclass(frozen=True)
class Proposal:
    """The verification the claims suggest, and why, in the user's words."""

    status: Verification
    reason: str


def proposal(event: Event, sources: Mapping[str, Source]) -> Proposal:
    """What the claims propose: disputed when they disagree, confirmed when
    ``CONFIRMING_SOURCES`` independent outlets agree, else unverified. Never
    "false": only a person can say a thing did not happen."""
    claims = event.claims
    if is_disputed(event):
        return Proposal("disputed", "the sources give dates that do not overlap")
    count = independent_sources(claims, sources)
    if count >= CONFIRMING_SOURCES:
        return Proposal("confirmed", f"{count} independent sources agree on the date")
    if not claims:
        return Proposal("unverified", "no source gives a date for it")
    return Proposal(
        "unverified",
        f"only {counted(count, 'independent source')}; "
        f"{CONFIRMING_SOURCES} would confirm it",
    )
