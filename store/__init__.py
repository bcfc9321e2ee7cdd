"""dateline's store: the domain model, dates in words and crash-safe storage.

A library with no terminal: it never imports textual or rich.

    from dateline.store import Timeline, parse_date

    with Timeline.open(path) as timeline, timeline.change() as tx:
        tx.put(event)

The names below are imported on first use (see ``dateline.store.lazy``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.store.lazy import lazy_face

if TYPE_CHECKING:
    from dateline.store.dates import format_when, parse_date
    from dateline.store.errors import (
        DatelineError,
        DateParseError,
        TimelineFileError,
    )
    from dateline.store.model import (
        Actor,
        ActorRef,
        Claim,
        Event,
        FuzzyDate,
        Quote,
        Source,
    )
    from dateline.store.timeline import Timeline
    from dateline.store.transaction import Transaction, TransactionError

#: Each public name -> the module that defines it.
_HOMES = {
    "format_when": "dateline.store.dates",
    "parse_date": "dateline.store.dates",
    "DatelineError": "dateline.store.errors",
    "DateParseError": "dateline.store.errors",
    "TimelineFileError": "dateline.store.errors",
    "Actor": "dateline.store.model",
    "ActorRef": "dateline.store.model",
    "Claim": "dateline.store.model",
    "Event": "dateline.store.model",
    "FuzzyDate": "dateline.store.model",
    "Quote": "dateline.store.model",
    "Source": "dateline.store.model",
    "Timeline": "dateline.store.timeline",
    "Transaction": "dateline.store.transaction",
    "TransactionError": "dateline.store.transaction",
}

__all__ = [
    "Actor",
    "ActorRef",
    "Claim",
    "DateParseError",
    "DatelineError",
    "Event",
    "FuzzyDate",
    "Quote",
    "Source",
    "Timeline",
    "TimelineFileError",
    "Transaction",
    "TransactionError",
    "format_when",
    "parse_date",
]


__getattr__, __dir__ = lazy_face(globals(), _HOMES)
