"""Saved views: a named set of filters kept in the timeline itself.

A view lives in its own small table (``views``) beside the desk's tables, so
it is journaled, undone, snapshotted, stored in PostgreSQL and carried by the
native export like any change. A file written before views existed simply
has no such table: it reads as no views. The id is made from the folded
name, so saving under a name that is there already replaces that view.
Saving, finding and deleting one: ``dateline.store.changes.views``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline.store.model import ShapeError, _check_record, _text_field, utc_now
from dateline.store.names import fold
from dateline.store.query import EventFilter

TABLE = "views"


@dataclass(frozen=True)
class SavedView:
    """A name and the filter it keeps. ``filter`` is the filter's document
    (``EventFilter.to_doc``), so the snapshot's encoder, which writes a
    record's fields, writes exactly ``to_doc``; ``event_filter`` reads it."""

    name: str
    filter: dict[str, Any]
    id: str = ""
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", view_id(self.name))

    @classmethod
    def of(cls, name: str, flt: EventFilter, **stamps: str) -> SavedView:
        return cls(name, flt.to_doc(), **stamps)

    @property
    def event_filter(self) -> EventFilter:
        return EventFilter.from_doc(self.filter)

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "filter": dict(self.filter),
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> SavedView:
        check_view_doc(doc)
        # Read and written back, so the kept document is always in the one
        # form ``to_doc`` makes (no defaults, no selection).
        flt = EventFilter.from_doc(doc.get("filter", {}))
        return cls(
            doc["name"],
            flt.to_doc(),
            doc["id"],
            doc.get("created", ""),
            doc.get("updated", ""),
        )


def view_id(name: str) -> str:
    """One id per name, whatever its case or accents ("Kurds" = "kurds")."""
    return "view:" + (fold(name) or name.strip())


def check_view_doc(doc: Any) -> None:
    _check_record(doc)
    _text_field(doc, "name", required=True)
    if not doc["name"].strip():
        raise ShapeError('"name" must not be empty')
    try:
        EventFilter.from_doc(doc.get("filter", {}))
    except ShapeError as exc:
        raise ShapeError(f'"filter": {exc}') from None
