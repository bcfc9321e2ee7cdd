"""Event filters: actors (all-of / any-of), date range, text, tags, status,
disputed claims, verification, starred, and what to leave out (actors,
tags).

``EventFilter`` is one plain value: the explorer, ``dateline list`` and a
saved view (``dateline.store.views``) all hold one, and ``to_doc``/``from_doc``
turn it into the JSON a saved view keeps in the timeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal

from dateline.store.model import STATUSES, ShapeError, Status, Verification
from dateline.store.names import fold

Match = Literal["all", "any"]


@dataclass(frozen=True)
class EventFilter:
    """What to show. Empty fields do not filter. Actor entries are actor ids.

    ``not_actors`` and ``not_tags`` leave out events with any of them,
    whatever else matches.
    """

    actors: tuple[str, ...] = ()
    match: Match = "all"
    start: date | None = None
    end: date | None = None
    text: str = ""
    tags: tuple[str, ...] = ()
    status: Status | None = None
    pending_only: bool = False
    ids: frozenset[str] | None = field(default=None)
    not_actors: tuple[str, ...] = ()
    not_tags: tuple[str, ...] = ()
    # Starred only (annotations).
    starred_only: bool = False
    # Claims and verification (issue 17): only events whose sources
    # disagree on the date (``evidence.is_disputed``), or of one status.
    disputed_only: bool = False
    verification: Verification | None = None
    # Leave out the disputed events ("not disputed"), as not_actors does.
    not_disputed: bool = False

    @property
    def is_empty(self) -> bool:
        return self == EventFilter(match=self.match)

    @property
    def folded_text(self) -> str:
        return fold(self.text)

    @property
    def excludes(self) -> bool:
        return bool(self.not_actors or self.not_tags)

    def to_doc(self) -> dict[str, Any]:
        """The filter as JSON, only what differs from no filter. ``ids`` (a
        selection of this session) is never kept."""
        doc: dict[str, Any] = {}
        for name in _KEPT:
            value = getattr(self, name)
            if value == getattr(_NONE, name):
                continue
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            doc[name] = value
        return doc

    @classmethod
    def from_doc(cls, doc: Any) -> EventFilter:
        """The filter ``to_doc`` wrote; ShapeError names a field that is
        not what it should be (a saved view from a hostile file).

        Fields are read by the kind of their default, so a predicate added
        later (a flag, a list of text) is kept and checked without a line
        here; a file from before it reads as its default.
        """
        if not isinstance(doc, dict):
            raise ShapeError("a filter must be an object")
        # The snapshot's encoder writes every field, ``ids`` too: a session's
        # selection, never kept, so read past it.
        unknown = sorted(set(doc) - {*_KEPT, "ids"})
        if unknown:
            raise ShapeError(f'a filter has no field "{unknown[0]}"')
        values: dict[str, Any] = {}
        for name in _KEPT:
            if name not in doc:
                continue
            value, default = doc[name], getattr(_NONE, name)
            if name in _CHOICES:
                if value not in _CHOICES[name]:
                    shown = ", ".join(str(c) for c in _CHOICES[name] if c)
                    raise ShapeError(f'"{name}" must be one of {shown}')
            elif name in ("start", "end"):
                if value is not None:
                    try:
                        value = date.fromisoformat(value)
                    except (TypeError, ValueError):
                        raise ShapeError(f'"{name}" must be an ISO date') from None
            elif isinstance(default, tuple):
                if not isinstance(value, list) or not all(
                    isinstance(i, str) and i.strip() for i in value
                ):
                    raise ShapeError(f'"{name}" must be a list of text')
                value = tuple(value)
            elif type(value) is not type(default):
                raise ShapeError(f'"{name}" must be {type(default).__name__}')
            values[name] = value
        return replace(_NONE, **values)


_NONE = EventFilter()
#: The fields a saved filter keeps: all but the session's selection.
_KEPT = tuple(f.name for f in fields(EventFilter) if f.name != "ids")
#: Fields that hold one of a few values.
_CHOICES: dict[str, tuple[str | None, ...]] = {
    "match": ("all", "any"),
    "status": (*STATUSES, None),
}
