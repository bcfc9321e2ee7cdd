"""Timeline: the one way to read and change a timeline file.

Reads are served from memory (``dateline.store.records``: records plus indexes);
every change is one journal entry made durable before the method returns, so
when the caller shows "saved" it is. Changes from other processes on the same
file are caught up under the file lock before each save; an edit of a record
someone else changed meanwhile is refused with ``ConflictError``.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.store.disk.datafile import DataFile
from dateline.store.disk.journal import Entry, Op
from dateline.store.errors import (
    ConflictError,
)
from dateline.store.model import TABLE_OF, Actor, Event, Quote, Source
from dateline.store.records import AmbiguousActorError, Records

__all__ = ["SNAPSHOT_AFTER", "AmbiguousActorError", "Change", "Timeline"]

#: Journal entries after which a snapshot is due (the UI snapshots in a worker).
SNAPSHOT_AFTER = 500


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


class Timeline(Records):
    """An open timeline. Use :meth:`open` for a file, :meth:`memory` for tests."""

    _seq: int  # declared again: mypy cannot infer it across the package cycle

    def __init__(self, file: DataFile | None) -> None:
        super().__init__()
        self._file = file
        self._undo: list[list[Change]] = []
        self._redo: list[list[Change]] = []

    # -- opening -------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path, progress: Callable[[str], None] | None = None
    ) -> Timeline:
        """Open (or prepare to create) the timeline at ``path``.

        Raises TimelineFileError, naming the file and a backup, for anything
        that is not a readable dateline timeline; the file is left untouched.
        ``progress`` hears what is happening (a big file takes seconds).
        """
        report = progress or (lambda _: None)
        path = Path(path)
        timeline = cls(DataFile(path))
        assert timeline._file is not None
        with _gc_paused():
            if path.exists():
                size = path.stat().st_size / 1_000_000
                report(f"Reading {path.name} ({size:,.1f} MB)…")
            loaded = timeline._file.load()
            count = len(loaded.tables.get("events", {}))
            report(f"Building {count:,} events and their indexes…")
            timeline._reset(loaded.tables, loaded.seq)
        return timeline

    @classmethod
    def memory(cls) -> Timeline:
        return cls(None)

    @property
    def path(self) -> Path | None:
        return self._file.path if self._file else None

    def close(self) -> None:
        """Fold the journal into the TinyDB file, if anything is pending."""
        if self._file is not None and self._file.journal_lines:
            self.snapshot()

    def __enter__(self) -> Timeline:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- changing ------------------------------------------------------
    def put(self, *records: Event | Actor | Quote | Source) -> None:
        """Insert or replace records in one durable step (one undo step)."""
        with self._writing():
            self.commit([self.change_for(r) for r in records])

    def delete_event(self, event_id: str, *, loaded: Event | None = None) -> Event:
        """Delete an event and the quotes that only it holds.

        ``loaded`` is the event as the caller showed it: if another process
        changed it since, ConflictError is raised and nothing is deleted.
        """
        with self._writing():
            event = self.event(event_id)
            before = loaded.to_doc() if loaded is not None else event.to_doc()
            changes = [Change("events", before, None)]
            for qid in event.quotes:
                quote = self.quotes_by_id.get(qid)
                if quote is not None and quote.event == event_id:
                    changes.append(Change("quotes", quote.to_doc(), None))
            self.commit(changes)
            return event

    def change_for(self, record: Event | Actor | Quote | Source) -> Change:
        table = TABLE_OF[type(record)]
        return Change(table, self._docs[table].get(record.id), record.to_doc())

    def commit(self, changes: list[Change], *, undoable: bool = True) -> None:
        """Check, journal and apply ``changes``. Call inside ``_writing()``."""
        changes = [c for c in changes if c.before != c.after]
        if not changes:
            return
        for change in changes:
            current = self._docs[change.table].get(change.record_id)
            if current != change.before:
                raise ConflictError(
                    f"The {change.table[:-1]} {change.record_id} was changed "
                    "elsewhere (another window or process) since it was read; "
                    "nothing was saved. Reload and try again."
                )
        ops: list[Op] = [
            {"op": "put", "table": c.table, "doc": c.after}
            if c.after is not None
            else {"op": "del", "table": c.table, "id": c.record_id}
            for c in changes
        ]
        if self._file is not None:
            self._file.append(Entry(self._seq + 1, ops), self._docs)
        self._seq += 1
        for change in changes:
            self._apply(change.table, change.record_id, change.after)
        self.version += 1
        if undoable:
            self._undo.append(changes)
            self._redo.clear()

    def undo(self) -> list[Change] | None:
        """Reverse the last change made through this Timeline; None if none."""
        return self._replay(self._undo, self._redo)

    def redo(self) -> list[Change] | None:
        return self._replay(self._redo, self._undo)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _replay(
        self, source: list[list[Change]], target: list[list[Change]]
    ) -> list[Change] | None:
        if not source:
            return None
        with self._writing():
            step = source[-1]
            inverse = [c.inverse() for c in reversed(step)]
            try:
                self.commit(inverse, undoable=False)
            except ConflictError as exc:
                # Someone else changed those records since: this step can
                # never apply again, so it must not block the ones before it.
                source.pop()
                raise ConflictError(
                    f"{exc} That step was dropped from the history; the one "
                    "before it can still be undone or redone."
                ) from None
            source.pop()
            target.append(inverse)
            return inverse

    # -- other processes -----------------------------------------------
    def changed_outside(self) -> bool:
        """True when another process wrote to the file since we last looked."""
        return self._file is not None and self._file.changed_outside()

    def refresh(self) -> bool:
        """Catch up with other processes' changes; True if anything changed."""
        if self._file is None:
            return False
        with self._file.locked(), self._lock:
            return self._catch_up()

    def _catch_up(self) -> bool:
        assert self._file is not None
        caught = self._file.catch_up()
        if caught.reload is not None:
            self._reset(caught.reload.tables, caught.reload.seq)
            return True
        for entry in caught.entries:
            if entry.seq <= self._seq:
                continue
            for op in entry.ops:
                doc = op.get("doc")
                rid = doc["id"] if doc is not None else op["id"]
                self._apply(op["table"], rid, doc)
            self._seq = entry.seq
        if caught.entries:
            self.version += 1
        return bool(caught.entries)

    # -- snapshots -----------------------------------------------------
    @property
    def snapshot_due(self) -> bool:
        """A rewrite costs ~10 us per event and holds the GIL, so big
        timelines let their (cheap to replay) journal grow longer first."""
        if self._file is None:
            return False
        due = max(SNAPSHOT_AFTER, len(self.events_by_id) // 10)
        return self._file.journal_lines >= due

    @property
    def pending_journal(self) -> int:
        return self._file.journal_lines if self._file else 0

    def snapshot(self) -> None:
        """Rewrite the TinyDB file with everything and empty the journal.

        Safe to call from a worker thread: the in-memory documents are only
        ever replaced, never mutated, so a shallow copy is a consistent view.
        """
        if self._file is None:
            return
        with self._file.locked():
            with self._lock:
                self._catch_up()
                tables = self.all_docs()
                seq = self._seq
            self._file.snapshot(tables, seq)

    # -- internals -----------------------------------------------------
    class _Writing:
        """The file lock first, then the thread lock: the one order every
        path takes (a snapshot worker holds the file lock while it writes)."""

        def __init__(self, timeline: Timeline) -> None:
            self.timeline = timeline
            self.stack = contextlib.ExitStack()

        def __enter__(self) -> None:
            tl = self.timeline
            with contextlib.ExitStack() as stack:
                if tl._file is not None:
                    stack.enter_context(tl._file.locked())
                stack.enter_context(tl._lock)
                if tl._file is not None:
                    tl._catch_up()
                self.stack = stack.pop_all()

        def __exit__(self, *exc: Any) -> None:
            self.stack.__exit__(*exc)

    def _writing(self) -> Timeline._Writing:
        """Hold the thread lock and the file lock, caught up with others."""
        return Timeline._Writing(self)

    def writing(self) -> Timeline._Writing:
        """For store modules that build multi-record changes (see drafts)."""
        return self._writing()


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading makes ~10 objects per record and none of them is garbage;
    the collector's passes over them doubled load time at 100k events.
    Afterwards the loaded records are frozen out of future collections."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.freeze()
