"""dateline's store: the domain model, dates in words and crash-safe storage.

A library with no terminal: it never imports textual or rich.

    from dateline.store import Timeline, parse_date

    with Timeline.open(path) as timeline, timeline.change() as tx:
        tx.put(event)
"""

from dateline.store.dates import format_when, parse_date
from dateline.store.errors import DatelineError, DateParseError, TimelineFileError
from dateline.store.model import (
    Actor,
    ActorRef,
    Event,
    FuzzyDate,
    Quote,
    Source,
)
from dateline.store.timeline import Timeline
from dateline.store.transaction import Transaction, TransactionError

__all__ = [
    "Actor",
    "ActorRef",
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
