"""The evidence behind an event's date: what each source claims, whether
the claims agree, how sure the desk is (verification), and what was known
on a given day (as of).

    from dateline.store.evidence import is_disputed, proposal, known_then
"""

from dateline.store.evidence.agreement import (
    CONFIRMING_SOURCES,
    Proposal,
    disputed,
    independent_sources,
    is_disputed,
    overlap,
    proposal,
)
from dateline.store.evidence.asof import (
    events_as_of,
    known_then,
    listed_as_of,
    published_day,
)
from dateline.store.evidence.labels import claim_label, claim_outlet
from dateline.store.evidence.matching import (
    absorbed,
    claims_of,
    find_same,
    same_happening,
)

__all__ = [
    "CONFIRMING_SOURCES",
    "Proposal",
    "absorbed",
    "claim_label",
    "claim_outlet",
    "claims_of",
    "disputed",
    "events_as_of",
    "find_same",
    "independent_sources",
    "is_disputed",
    "known_then",
    "listed_as_of",
    "overlap",
    "proposal",
    "published_day",
    "same_happening",
]
