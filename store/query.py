"""Event filters: actors (all-of / any-of), date range, text, tags, status,
disputed claims and verification."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from dateline.store.model import Status, Verification
from dateline.store.names import fold

Match = Literal["all", "any"]


@dataclass(frozen=True)
class EventFilter:
    """What to show. Empty fields do not filter. Actor entries are actor ids."""

    actors: tuple[str, ...] = ()
    match: Match = "all"
    start: date | None = None
    end: date | None = None
    text: str = ""
    tags: tuple[str, ...] = ()
    status: Status | None = None
    pending_only: bool = False
    ids: frozenset[str] | None = field(default=None)
    # Claims and verification (issue 17): only events whose sources
    # disagree on the date (``evidence.is_disputed``), or of one status.
    disputed_only: bool = False
    verification: Verification | None = None

    @property
    def is_empty(self) -> bool:
        return self == EventFilter(match=self.match)

    @property
    def folded_text(self) -> str:
        return fold(self.text)
