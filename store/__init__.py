"""dateline's store: the domain model, dates in words and crash-safe storage.

A library with no terminal: it never imports textual or rich.
"""

from store.errors import DatelineError, DateParseError, TimelineFileError
from store.model import (
    Actor,
    ActorRef,
    Event,
    FuzzyDate,
    Quote,
    Source,
)

__all__ = [
    "Actor",
    "ActorRef",
    "DateParseError",
    "DatelineError",
    "Event",
    "FuzzyDate",
    "Quote",
    "Source",
    "TimelineFileError",
]
