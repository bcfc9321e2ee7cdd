"""Event filters: actors (all-of / any-of), date range, text, tags, status,
and what to leave out (actors, tags).

``EventFilter`` is one plain value: the explorer, ``dateline list`` and a
saved view (``dateline.store.views``) all hold one, and ``to_doc``/``from_doc``
turn it into the JSON a saved view keeps in the timeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal

from dateline.store.model import STATUSES, ShapeError, Status
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
        not what it should be (a saved view from a hostile file)."""
        if not isinstance(doc, dict):
            raise ShapeError("a filter must be an object")
        # The snapshot's encoder writes every field, ``ids`` too: a session's
        # selection, never kept, so read past it.
        unknown = sorted(set(doc) - {*_KEPT, "ids"})
        if unknown:
            raise ShapeError(f'a filter has no field "{unknown[0]}"')
        values: dict[str, Any] = {}
        for name in ("actors", "tags", "not_actors", "not_tags"):
            items = doc.get(name, [])
            if not isinstance(items, list) or not all(
                isinstance(i, str) and i.strip() for i in items
            ):
                raise ShapeError(f'"{name}" must be a list of text')
            values[name] = tuple(items)
        for name in ("start", "end"):
            if doc.get(name) is not None:
                try:
                    values[name] = date.fromisoformat(doc[name])
                except (TypeError, ValueError):
                    raise ShapeError(f'"{name}" must be an ISO date') from None
        if doc.get("match", "all") not in ("all", "any"):
            raise ShapeError('"match" must be "all" or "any"')
        if doc.get("status") not in (*STATUSES, None):
            raise ShapeError(f'"status" must be one of {", ".join(STATUSES)}')
        if not isinstance(doc.get("text", ""), str):
            raise ShapeError('"text" must be text')
        if not isinstance(doc.get("pending_only", False), bool):
            raise ShapeError('"pending_only" must be true or false')
        return replace(
            _NONE,
            match=doc.get("match", "all"),
            text=doc.get("text", ""),
            status=doc.get("status"),
            pending_only=doc.get("pending_only", False),
            **values,
        )


_NONE = EventFilter()
#: The fields a saved filter keeps: all but the session's selection.
_KEPT = tuple(f.name for f in fields(EventFilter) if f.name != "ids")
