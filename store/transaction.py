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

from dateline.store.model import TABLE_OF, Actor, Event, Quote, Source

__all__ = ["Change", "Transaction", "TransactionError"]

#: Reads the document a table holds now (None when absent).
Lookup = Callable[[str, str], "dict[str, Any] | None"]

AnyRecord = Event | Actor | Quote | Source


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
        self._open = True

    def put(self, *records: AnyRecord) -> None:
        """Insert or replace ``records`` as they are now in the timeline."""
        for record in records:
            table = TABLE_OF[type(record)]
            self._stage(table, self._current(table, record.id), record.to_doc())

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
