"""One change to a timeline: what ``with timeline.change() as tx:`` collects.

A ``Transaction`` only gathers before/after pairs; ``Timeline`` checks them
against the file, journals them as one entry and keeps them as one undo step
when the block ends without an exception. Nothing is visible, in memory or on
disk, until then, so a block that raises leaves the timeline as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateline.store.disk.schema import RECORD_TABLES
from dateline.store.model import TABLE_OF, Actor, Event, Quote, Source
from dateline.store.revision import (
    Conflict,
    Tombstone,
    record_key,
    same_version,
    stamp,
)
from dateline.store.views import SavedView

__all__ = ["Change", "Transaction", "TransactionError"]

#: Reads the document a table holds now (None when absent).
Lookup = Callable[[str, str], "dict[str, Any] | None"]

AnyRecord = Event | Actor | Quote | Source
DeskRecord = Tombstone | Conflict | SavedView


def _table(record: AnyRecord | DeskRecord) -> str:
    if isinstance(record, Tombstone):
        return "tombstones"
    if isinstance(record, Conflict):
        return "conflicts"
    if isinstance(record, SavedView):
        return "views"
    return TABLE_OF[type(record)]


class TransactionError(RuntimeError):
    """A change made outside ``with timeline.change() as tx:``, or a nested
    one: a bug in the caller, not something a user can fix."""


@dataclass(frozen=True)
class Change:
    """One record's before and after (None = absent); the unit of undo."""

    table: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def record_id(self) -> str:
        doc = self.after if self.after is not None else self.before
        assert doc is not None
        return str(doc["id"])

    def inverse(self) -> Change:
        return Change(self.table, self.after, self.before)


class Transaction:
    """The records one ``with timeline.change() as tx:`` block puts or deletes.

    Each record is one ``Change`` however often the block touches it: its
    ``before`` is what the file must still hold at commit (the version read,
    or the caller's ``loaded`` copy for a stale-edit check), its ``after`` the
    last thing staged. Reads through the timeline inside the block see the
    records as they were before it.
    """

    def __init__(self, current: Lookup) -> None:
        self._current = current
        self._changes: dict[tuple[str, str], Change] = {}
        #: Records put with the revision they came with (an import).
        self._adopted: set[tuple[str, str]] = set()
        self._open = True
        #: What the commit wrote, revisions stamped (set when it is done).
        self.committed: list[Change] = []

    def put(self, *records: AnyRecord | DeskRecord) -> None:
        """Insert or replace ``records`` as they are now in the timeline."""
        for record in records:
            table = _table(record)
            self._stage(table, self._current(table, record.id), record.to_doc())

    def adopt(self, *records: AnyRecord | DeskRecord) -> None:
        """Put ``records`` keeping the revision and authors they carry: a
        version made elsewhere (an import), not a new edit made here."""
        for record in records:
            table = _table(record)
            self._stage(table, self._current(table, record.id), record.to_doc())
            self._adopted.add((table, record.id))

    def discard(self, record: DeskRecord) -> None:
        """Remove a tombstone, a settled conflict or a saved view."""
        self._stage(_table(record), record.to_doc(), None)

    def update(self, loaded: AnyRecord, record: AnyRecord) -> None:
        """Replace ``loaded`` (the version the caller showed) with ``record``;
        the commit raises ConflictError if someone changed it since."""
        if TABLE_OF[type(loaded)] != TABLE_OF[type(record)] or loaded.id != record.id:
            raise TransactionError(
                f"update() replaces one record with a new version of itself; "
                f"got {loaded.id} and {record.id}."
            )
        self._stage(TABLE_OF[type(record)], loaded.to_doc(), record.to_doc())

    def delete(self, *records: AnyRecord) -> None:
        """Delete ``records`` as the caller read them; the commit raises
        ConflictError if one was changed elsewhere since."""
        for record in records:
            self._stage(TABLE_OF[type(record)], record.to_doc(), None)

    def add(self, change: Change) -> None:
        """A before/after pair built by hand (undo and redo replay these)."""
        self._check_open()
        self._merge(change)

    @property
    def changes(self) -> list[Change]:
        """What the commit will write, leaving out records left as they were."""
        return [c for c in self._changes.values() if c.before != c.after]

    def finish(self, change_id: str, author: str) -> list[Change]:
        """``changes`` as the commit writes them: each record put here is
        stamped as a new revision by ``author`` (adopted ones keep theirs),
        each deleted record leaves a tombstone, and a record put back takes
        its tombstone away."""
        changes = self.changes
        staged = {(c.table, c.record_id) for c in changes}
        done: list[Change] = []
        for change in changes:
            key = (change.table, change.record_id)
            # The commit checked the caller's ``before`` is this version; the
            # undo step keeps it exactly, revision included.
            before = self._current(change.table, change.record_id)
            if change.table not in RECORD_TABLES or key in self._adopted:
                done.append(Change(change.table, before, change.after))
                continue
            if change.after is not None and same_version(before, change.after):
                continue  # put back as it was: no new revision
            tomb_key = record_key(change.table, change.record_id)
            tomb = self._current("tombstones", tomb_key)
            leave_tomb = ("tombstones", tomb_key) not in staged
            if change.after is None:
                if before is None:
                    continue
                done.append(Change(change.table, before, None))
                if leave_tomb:
                    made = Tombstone.of(change.table, before, change_id, author)
                    done.append(Change("tombstones", tomb, made.to_doc()))
                continue
            after = stamp(change.after, before, tomb, change_id, author)
            done.append(Change(change.table, before, after))
            if tomb is not None and leave_tomb:
                done.append(Change("tombstones", tomb, None))
        return done

    @property
    def is_open(self) -> bool:
        return self._open

    def close(self) -> None:
        """The block ended: later puts would be lost, so they raise instead."""
        self._open = False

    def _stage(
        self, table: str, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        self._check_open()
        self._merge(Change(table, before, after))

    def _merge(self, change: Change) -> None:
        key = (change.table, change.record_id)
        staged = self._changes.get(key)
        if staged is not None:
            # The file must still hold what the first touch saw, not an
            # intermediate version that only ever existed in this block.
            change = Change(change.table, staged.before, change.after)
        self._changes[key] = change

    def _check_open(self) -> None:
        if not self._open:
            raise TransactionError(
                "This change has ended, so nothing more can be added to it. "
                "Make changes inside `with timeline.change() as tx:`."
            )
