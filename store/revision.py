"""Revisions: how two copies of one record are told apart, and the desk's
own tables (tombstones and conflicts).

Every record carries ``rev`` (a counter), ``rev_id`` (the id of the change
that made this version) and ``history`` (the revision ids it descends from,
oldest first, at most ``HISTORY_LIMIT``). The one write path stamps them
(``stamp``): an edit of revision ``r`` becomes ``r + 1`` with ``r``'s id at
the end of its history. So of two copies with one id, one *descends* from
the other when the other's ``rev_id`` is in its history, and they *diverged*
(a conflict) when neither is.

A deleted record leaves a ``Tombstone`` with the same revision fields, so a
deletion travels like an edit and a deleted record does not come back from
an older copy. A ``Conflict`` keeps the other side's version of a record
changed on both sides, until the user chooses.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from dateline.store.model import (
    HISTORY_LIMIT,
    RECORD_TYPES,
    REVISION_FIELDS,
    ShapeError,
    _check_record,
    _kind,
    _text_field,
    utc_now,
)
from dateline.store.views import SavedView, check_view_doc

Relation = Literal["same", "newer", "older", "diverged"]
#: Fields that say who and when, not what: two copies differing only in
#: these hold the same content.
BOOKKEEPING = frozenset({"id", "created", "updated", *REVISION_FIELDS})


@dataclass(frozen=True)
class Revision:
    """The revision fields of a record or tombstone."""

    rev: int
    rev_id: str
    history: tuple[str, ...]

    @classmethod
    def of(cls, doc: dict[str, Any]) -> Revision:
        return cls(
            doc.get("rev", 0), doc.get("rev_id", ""), tuple(doc.get("history", ()))
        )

    def ancestors(self) -> tuple[str, ...]:
        """This revision and what it descends from, newest last."""
        return (*self.history, self.rev_id)


def relation(mine: dict[str, Any], theirs: dict[str, Any]) -> Relation:
    """How ``theirs`` stands to ``mine`` (two versions of one record, or a
    tombstone): the same, newer (descends from mine), older, or diverged.

    Unrelated copies with the same content are the same: two editors who
    made one fix need not choose between them.
    """
    a, b = Revision.of(mine), Revision.of(theirs)
    if a.rev_id and a.rev_id == b.rev_id:
        return "same"
    # Descent first, even for equal content: taking the newer revision is
    # what lets a settled conflict settle on the other side too.
    if a.rev_id in b.history:
        return "newer"
    if b.rev_id in a.history:
        return "older"
    if content(mine) == content(theirs):
        return "same"
    return "diverged"


def same_version(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether two documents are one version of a record, revision fields
    aside: a caller holding the record it saved (before the commit stamped
    it) still holds the version the timeline has."""
    if a is None or b is None:
        return a is b
    return _unstamped(a) == _unstamped(b)


def _unstamped(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in REVISION_FIELDS}


def content(doc: dict[str, Any]) -> dict[str, Any]:
    """What a record says, leaving out who saved it when."""
    return {k: v for k, v in doc.items() if k not in BOOKKEEPING}


def joined(*histories: tuple[str, ...]) -> tuple[str, ...]:
    """Histories merged in order, each id once, the newest ``HISTORY_LIMIT``."""
    seen = dict.fromkeys(rid for h in histories for rid in h)
    return tuple(seen)[-HISTORY_LIMIT:]


def stamp(
    after: dict[str, Any],
    before: dict[str, Any] | None,
    tomb: dict[str, Any] | None,
    change_id: str,
    author: str,
) -> dict[str, Any]:
    """``after`` as the next revision, saved by ``author`` in ``change_id``.

    Its history gains the revision it replaces (and, for a record put back,
    the tombstone's), so every copy that saw an earlier version sees this one
    as newer. A brand-new record descends from nothing.
    """
    parents: list[tuple[str, ...]] = [tuple(after.get("history", ()))]
    rev = after.get("rev", 0)
    if before is not None or rev or after.get("rev_id"):
        parents.append((after.get("rev_id", ""),))
    if before is not None:
        # An undo puts back an older version: it is still newer than the
        # one it replaces.
        parents.append(Revision.of(before).ancestors())
        rev = max(rev, before.get("rev", 0))
    if before is None and tomb is not None:
        parents.append(Revision.of(tomb).ancestors())
        rev = max(rev, tomb.get("rev", 0))
    doc = dict(after)
    doc["rev"] = rev + 1
    doc["rev_id"] = change_id
    doc["history"] = list(joined(*parents))
    doc["updated_by"] = author
    if before is None and not after.get("created_by"):
        doc["created_by"] = author
    return doc


# -- tombstones -----------------------------------------------------------------
@dataclass(frozen=True)
class Tombstone:
    """What is left of a deleted record: where it was, and its revision.
    The id is ``<table>/<record id>``."""

    id: str
    table: str
    record: str
    rev: int = 0
    rev_id: str = ""
    history: tuple[str, ...] = ()
    deleted: str = ""
    deleted_by: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "table": self.table,
            "record": self.record,
            "rev": self.rev,
            "rev_id": self.rev_id,
            "history": list(self.history),
            "deleted": self.deleted,
            "deleted_by": self.deleted_by,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Tombstone:
        check_tombstone_doc(doc)
        return cls(
            doc["id"],
            doc["table"],
            doc["record"],
            doc.get("rev", 0),
            doc.get("rev_id", ""),
            tuple(doc.get("history", ())),
            doc.get("deleted", ""),
            doc.get("deleted_by", ""),
        )

    @classmethod
    def of(
        cls, table: str, doc: dict[str, Any], change_id: str, author: str
    ) -> Tombstone:
        """The tombstone of ``doc`` deleted in ``change_id``."""
        revision = Revision.of(doc)
        return cls(
            record_key(table, doc["id"]),
            table,
            doc["id"],
            revision.rev + 1,
            change_id,
            joined(revision.ancestors()),
            utc_now(),
            author,
        )


def check_tombstone_doc(doc: Any) -> None:
    _check_record(doc)
    if doc.get("table") not in RECORD_TYPES:
        raise ShapeError(
            f'"table" must be one of {", ".join(RECORD_TYPES)}, '
            f"not {_kind(doc.get('table'))}"
        )
    _text_field(doc, "record", required=True)
    for name in ("deleted", "deleted_by"):
        _text_field(doc, name)


# -- conflicts ------------------------------------------------------------------
@dataclass(frozen=True)
class Conflict:
    """A record changed here and elsewhere since the two last agreed.

    ``theirs`` is the other side's document (their tombstone's when they
    deleted it); nothing of it is applied until the user chooses. The id is
    ``<table>/<record id>``: one open conflict per record.
    """

    id: str
    table: str
    record: str
    theirs: dict[str, Any]
    deleted: bool = False
    origin: str = ""
    found: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "table": self.table,
            "record": self.record,
            "theirs": self.theirs,
            "deleted": self.deleted,
            "origin": self.origin,
            "found": self.found,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Conflict:
        check_conflict_doc(doc)
        return cls(
            doc["id"],
            doc["table"],
            doc["record"],
            doc["theirs"],
            bool(doc.get("deleted", False)),
            doc.get("origin", ""),
            doc.get("found", ""),
        )

    @classmethod
    def of(
        cls, table: str, theirs: dict[str, Any], origin: str, *, deleted: bool = False
    ) -> Conflict:
        rid = theirs["record"] if deleted else theirs["id"]
        key = record_key(table, rid)
        return cls(key, table, rid, theirs, deleted, origin, utc_now())

    def theirs_record(self) -> Any:
        """Their version as a record (None when they deleted it)."""
        return None if self.deleted else RECORD_TYPES[self.table].from_doc(self.theirs)


def record_key(table: str, record_id: str) -> str:
    """The id of a record's tombstone or conflict: one of each per record."""
    return f"{table}/{record_id}"


def check_conflict_doc(doc: Any) -> None:
    _check_record(doc)
    table = doc.get("table")
    if table not in RECORD_TYPES:
        raise ShapeError(f'"table" must name a table of records, not {_kind(table)}')
    _text_field(doc, "record", required=True)
    theirs = doc.get("theirs")
    if not isinstance(theirs, dict):
        raise ShapeError(f'"theirs" must be an object, not {_kind(theirs)}')
    try:
        if doc.get("deleted"):
            check_tombstone_doc(theirs)
        else:
            RECORD_TYPES[table].from_doc(theirs)
    except (ShapeError, ValueError, KeyError, TypeError) as exc:
        raise ShapeError(f'"theirs": {exc}') from None


#: The desk's tables, beside the record tables, and what each holds.
DESK_TYPES: dict[str, type[Tombstone] | type[Conflict] | type[SavedView]] = {
    "tombstones": Tombstone,
    "conflicts": Conflict,
    "views": SavedView,
}
DESK_CHECKS = {
    "tombstones": check_tombstone_doc,
    "conflicts": check_conflict_doc,
    "views": check_view_doc,
}


def field_names(table: str) -> tuple[str, ...]:
    """The fields of a record that a person edits (what a merge chooses)."""
    return tuple(
        f.name for f in fields(RECORD_TYPES[table]) if f.name not in BOOKKEEPING
    )


def with_history(record: Any, *extra: tuple[str, ...]) -> Any:
    """``record`` descending also from ``extra`` histories (a resolved conflict
    descends from both sides, so neither comes back as newer)."""
    return replace(record, history=joined(record.history, *extra))
