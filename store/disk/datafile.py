"""One timeline on disk: the TinyDB snapshot, its journal, a lock and a backup.

``DataFile`` knows nothing of events; it moves table documents in and out.
Several processes may share a file: every load and save happens under an
exclusive lock on the sidecar ``NAME.lock`` (never on the data file, which a
snapshot replaces), and each save first catches up with what others wrote.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.store.decode import Decoded, decode_records
from dateline.store.disk.journal import (
    Entry,
    JournalWriter,
    Op,
    journal_path,
    read_journal,
)
from dateline.store.disk.schema import TABLES, check_meta, new_meta
from dateline.store.disk.snapshot import (
    SafeJSONStorage,
    backup_path,
    decode_snapshot,
)
from dateline.store.errors import TimelineFileError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock
    fcntl = None  # type: ignore[assignment]

Tables = dict[str, dict[str, dict[str, Any]]]
#: What a snapshot writes, table by table: documents, or the records
#: themselves (the snapshot's msgspec encoder writes a record's dataclass
#: fields, which are its document: see ``Event.to_doc``).
SnapshotTables = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Fingerprint:
    """Identity of the snapshot as last read: a change means another writer
    compacted, or someone edited or replaced the file."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Fingerprint | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass
class Loaded:
    """What a load found: either documents (``tables``, the journal already
    replayed into them), or records decoded straight from the snapshot
    (``records``) with the journal's ops still to apply over them."""

    tables: Tables
    seq: int
    records: Decoded | None = None
    ops: list[Op] = field(default_factory=list)


@dataclass
class CatchUp:
    """What others wrote since we last looked: new entries, or a whole reload."""

    entries: list[Entry]
    reload: Loaded | None = None


class DataFile:
    def __init__(self, path: Path, *, typed: bool = False) -> None:
        """``typed``: loads decode records (``Loaded.records``) when the
        snapshot allows, for a Timeline; else documents, for checks."""
        # Through any symlink: the lock, journal and backup must sit beside the
        # real file, and a save must replace it, not the link.
        self.path = path.resolve()
        path = self.path
        self.journal = journal_path(path)
        self.lock_path = path.with_name(path.name + ".lock")
        self._storage = SafeJSONStorage(path)
        self._writer = JournalWriter(self.journal)
        self._fingerprint: Fingerprint | None = None
        self._journal_end = 0
        self._journal_lines = 0
        self._typed = typed
        self._lock_fd: int | None = None
        self._depth = 0
        # flock keeps other processes out; this keeps this process's other
        # threads (a snapshot worker beside the UI) out, and guards _depth.
        self._thread_lock = threading.RLock()

    # -- locking -------------------------------------------------------
    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Exclusive lock on the sidecar file, held by one thread at a time;
        re-entrant within that thread."""
        with self._thread_lock:
            if self._depth == 0 and fcntl is not None:
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
                except OSError as exc:
                    raise TimelineFileError(
                        f"Cannot lock {self.path}: {exc.strerror} ({self.lock_path})."
                    ) from None
                fcntl.flock(fd, fcntl.LOCK_EX)
                self._lock_fd = fd
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._lock_fd is not None:
                    fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                    os.close(self._lock_fd)
                    self._lock_fd = None

    # -- reading -------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> Loaded:
        """The snapshot with the journal replayed over it."""
        if not self.path.exists() and not self.journal.exists():
            # Nothing to read yet; don't leave a lock file behind for a
            # read-only look at a file that was never created.
            return Loaded({name: {} for name in TABLES}, 0)
        with self.locked():
            return self._load_unlocked()

    def _load_unlocked(self) -> Loaded:
        raw = self._storage.read_bytes()
        self._fingerprint = Fingerprint.of(self.path)
        tables: Tables = {name: {} for name in TABLES}
        seq = 0
        decoded = decode_records(raw) if raw is not None and self._typed else None
        if decoded is not None:
            check_meta(decoded.meta, self.path)
            seq = self._journal_seq(decoded.meta)
            return self._replay(Loaded(tables, seq, decoded))
        data = decode_snapshot(raw, self.path) if raw is not None else None
        if data is not None:
            seq = self._journal_seq(next(iter(data["meta"].values())))
            for name in TABLES:
                for doc in data.get(name, {}).values():
                    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
                        raise TimelineFileError(
                            f"{self.path} has a damaged record in `{name}` "
                            "(no string id). Run `dateline check` for details."
                        )
                    tables[name][doc["id"]] = doc
        return self._replay(Loaded(tables, seq))

    def _journal_seq(self, meta: dict[str, Any]) -> int:
        seq = meta.get("journal_seq", 0)
        if not isinstance(seq, int):
            raise TimelineFileError(
                f"{self.path} has a damaged meta record (journal_seq "
                f"{seq!r}); it was not opened or changed. Run `dateline "
                "restore` to go back to the backup."
            )
        return seq

    def _replay(self, loaded: Loaded) -> Loaded:
        """The journal's entries past the snapshot, into ``loaded``."""
        read = read_journal(self.journal)
        self._journal_end = read.valid_end
        self._journal_lines = 0
        for entry in read.entries:
            if entry.seq > loaded.seq:
                if loaded.records is None:
                    apply_ops(loaded.tables, entry.ops)
                else:
                    check_ops(entry.ops)
                    loaded.ops.extend(entry.ops)
                loaded.seq = entry.seq
            self._journal_lines += 1
        return loaded

    def catch_up(self) -> CatchUp:
        """Entries others appended since our last look (call under the lock)."""
        if Fingerprint.of(self.path) != self._fingerprint:
            return CatchUp([], reload=self._load_unlocked())
        try:
            size = self.journal.stat().st_size
        except FileNotFoundError:
            size = 0
        if size < self._journal_end:
            return CatchUp([], reload=self._load_unlocked())
        if size == self._journal_end:
            return CatchUp([])
        read = read_journal(self.journal, self._journal_end)
        self._journal_end = read.valid_end
        self._journal_lines += len(read.entries)
        return CatchUp(read.entries)

    def changed_outside(self) -> bool:
        """Cheap check (no lock) for the UI: did anyone else write?"""
        if Fingerprint.of(self.path) != self._fingerprint:
            return True
        try:
            return self.journal.stat().st_size > self._journal_end
        except FileNotFoundError:
            return self._journal_end > 0

    # -- writing -------------------------------------------------------
    def append(self, entry: Entry, tables: Callable[[], SnapshotTables]) -> None:
        """Make ``entry`` durable (call under the lock, after catch_up)."""
        if self._fingerprint is None:
            # First save of a new file: a snapshot must exist so the journal
            # has something to replay onto. (A callable: only this rare case
            # pays for gathering every table.)
            self.snapshot(tables(), entry.seq - 1)

        self._journal_end = self._writer.append(entry, self._journal_end)
        self._journal_lines += 1

    @property
    def journal_lines(self) -> int:
        return self._journal_lines

    def snapshot(self, tables: SnapshotTables, seq: int) -> None:
        """Rewrite the TinyDB file with everything and empty the journal."""
        meta = new_meta()
        meta["journal_seq"] = seq
        data: dict[str, Mapping[str, Any]] = {"meta": {"1": meta}}
        for name in TABLES:
            docs = tables.get(name, {})
            data[name] = {str(n): doc for n, doc in enumerate(docs.values(), 1)}
        self._storage.write(data)
        self._fingerprint = Fingerprint.of(self.path)
        # The snapshot already holds every journal entry (its seq says so),
        # so a crash before this clear only costs a harmless replay.
        self._writer.clear()
        self._journal_end = 0
        self._journal_lines = 0

    def backup(self) -> Path:
        return backup_path(self.path)


def apply_ops(tables: Tables, ops: list[Op]) -> None:
    check_ops(ops)
    for op in ops:
        table = tables.setdefault(op["table"], {})
        if op["op"] == "put":
            table[op["doc"]["id"]] = op["doc"]
        else:
            table.pop(op["id"], None)


def check_ops(ops: list[Op]) -> None:
    for op in ops:
        if op["op"] not in ("put", "del"):
            raise TimelineFileError(f"unknown journal operation {op['op']!r}")


def set_up_if_empty(path: Path) -> bool:
    """Make ``path`` a new, empty timeline if it is a zero-byte file that was
    never one; True when it did.

    ``touch`` or an editor's "new file" leaves such a file. dateline's own
    saves replace the file whole and never leave it empty, so a zero-byte
    file with no backup and no journal beside it hides no lost timeline. One
    *with* either beside it may be a truncated timeline: it is left alone,
    and opening it is refused with the way to restore it.
    """
    file = DataFile(path)

    def blank() -> bool:
        try:
            size = file.path.stat().st_size
        except OSError:
            return False
        return (
            size == 0
            and file.path.is_file()
            and not file.backup().exists()
            and not file.journal.exists()
        )

    if not blank():
        return False
    with file.locked():
        if not blank():
            return False
        # Gone for an instant: another reader then sees a new timeline, which
        # is what this file is about to be.
        file.path.unlink()
        file.snapshot({}, 0)
    return True
