"""One timeline on disk: the TinyDB snapshot, its journal, a lock and a backup.

``DataFile`` knows nothing of events; it moves table documents in and out.
Several processes may share a file: every load and save happens under an
exclusive lock on the sidecar ``NAME.lock`` (never on the data file, which a
snapshot replaces), and each save first catches up with what others wrote.
The lock file is made only beside a file already read as a timeline (or one
dateline is creating), and it holds its holder's PID so a waiting process can
say whom it waits for.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.store.decode import Decoded, decode_records
from dateline.store.disk.atomic import remove_orphans
from dateline.store.disk.journal import (
    Entry,
    JournalWriter,
    Op,
    journal_path,
    read_journal,
)
from dateline.store.disk.schema import TABLES, check_meta, new_meta
from dateline.store.disk.snapshot import SafeJSONStorage, backup_path, decode_snapshot
from dateline.store.errors import TimelineFileError
from dateline.store.partial import stored

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock
    fcntl = None  # type: ignore[assignment]

Tables = dict[str, dict[str, dict[str, Any]]]
#: What a snapshot writes, table by table: documents, or the records
#: themselves (the snapshot's msgspec encoder writes a record's dataclass
#: fields, which are its document: see ``Event.to_doc``).
SnapshotTables = Mapping[str, Mapping[str, Any]]


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


#: The files a timeline keeps beside itself, by what they add to its name.
COMPANION_SUFFIXES = (".journal", ".bak", ".lock")


def companions(path: Path) -> tuple[Path, ...]:
    """``path``'s journal, backup and lock (whether they exist or not)."""
    return journal_path(path), backup_path(path), lock_path(path)


#: Seconds to wait for another process's lock before giving up.
LOCK_TIMEOUT = 10.0


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
    def __init__(
        self,
        path: Path,
        notice: Callable[[str], None] | None = None,
        *,
        typed: bool = False,
    ) -> None:
        """``typed``: loads decode records (``Loaded.records``) when the
        snapshot allows, for a Timeline; else documents, for checks."""
        # Through any symlink: the lock, journal and backup must sit beside the
        # real file, and a save must replace it, not the link.
        self.path = path.resolve()
        path = self.path
        self.journal = journal_path(path)
        self.lock_path = lock_path(path)
        #: Hears what the user should know while it happens (a lock wait).
        self.notice: Callable[[str], None] = notice or (lambda _: None)
        self._storage = SafeJSONStorage(path)
        self._writer = JournalWriter(self.journal)
        self._fingerprint: Fingerprint | None = None
        #: The id in the snapshot's meta; the journal's header must name it.
        self._snapshot_id: str | None = None
        #: Set once the file was read or written: from then on its
        #: disappearance is news, not a new timeline to start.
        self._had_file = False
        self._journal_end = 0
        self._journal_lines = 0
        self._typed = typed
        #: Tables a typed load leaves out (see ``Timeline.open_to_add``).
        self.skip: frozenset[str] = frozenset()
        self._lock_fd: int | None = None
        self._depth = 0
        # flock keeps other processes out; this keeps this process's other
        # threads (a snapshot worker beside the UI) out, and guards _depth.
        self._thread_lock = threading.RLock()

    # -- locking -------------------------------------------------------
    @contextlib.contextmanager
    def locked(self, *, for_writing: bool = True) -> Iterator[None]:
        """Exclusive lock on the sidecar file, held by one thread at a time;
        re-entrant within that thread.

        A reader on read-only media, where no lock file can be made, reads
        without one: no one can write there either.
        """
        with self._thread_lock:
            if self._depth == 0 and fcntl is not None:
                self._lock_fd = self._acquire(for_writing)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._lock_fd is not None:
                    fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                    os.close(self._lock_fd)
                    self._lock_fd = None

    def _acquire(self, for_writing: bool) -> int | None:
        if not self.path.parent.is_dir():
            raise TimelineFileError(
                f"The folder {self.path.parent} does not exist, so nothing was "
                "saved. Create it first, or give another --db."
            )
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            writable = True
        except OSError as exc:
            try:
                # flock works on a descriptor opened for reading.
                fd = os.open(self.lock_path, os.O_RDONLY)
                writable = False
            except OSError:
                if not for_writing:
                    return None
                raise TimelineFileError(
                    f"Cannot lock {self.path}: {exc.strerror} ({self.lock_path}); "
                    "nothing was saved."
                ) from None
        try:
            self._wait_for(fd)
        except BaseException:
            os.close(fd)
            raise
        if writable:
            # Who holds it, for the next one who has to wait. Rewritten only
            # when another process wrote it last: a truncate is a metadata
            # change the disk journals, and cost 3-4 ms on every save.
            mark = str(os.getpid()).encode()
            with contextlib.suppress(OSError):
                if os.pread(fd, len(mark) + 1, 0) != mark:
                    os.ftruncate(fd, 0)
                    os.pwrite(fd, mark, 0)
        return fd

    def _wait_for(self, fd: int) -> None:
        """Take the lock, waiting a bounded time for whoever holds it."""
        assert fcntl is not None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _holder(self.lock_path)
        limit = lock_timeout()
        self.notice(
            f"Waiting for {holder}, which is using {self.path} (up to {limit:g} s)…"
        )
        deadline = time.monotonic() + limit
        while True:
            time.sleep(0.05)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    break
        raise TimelineFileError(
            f"{self.path} is in use by {_holder(self.lock_path)} (its lock is "
            f"{self.lock_path.name}); waited {limit:g} s and changed nothing. "
            "Close the other dateline and try again."
        )

    # -- reading -------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def gone(self) -> bool:
        """The file this was reading or writing was moved or deleted."""
        return self._had_file and not os.path.lexists(self.path)

    def load(self) -> Loaded:
        """The snapshot with the journal replayed over it."""
        if not self.path.exists() and not self.journal.exists():
            # Nothing to read yet; don't leave a lock file behind for a
            # read-only look at a file that was never created.
            return Loaded({name: {} for name in TABLES}, 0)
        # Read and check the file before any lock file is made beside it:
        # `--db /etc/passwd` must leave nothing behind.
        before = Fingerprint.of(self.path)
        parsed = self._parse(self._storage.read_bytes())
        with self.locked(for_writing=False):
            if Fingerprint.of(self.path) != before:
                # Replaced while we read it.
                parsed = self._parse(self._storage.read_bytes())
            if self._lock_fd is not None and parsed is not None:
                remove_orphans(self.path, backup_path(self.path))
            return self._build(parsed)

    def _load_unlocked(self) -> Loaded:
        return self._build(self._parse(self._storage.read_bytes()))

    def _parse(self, raw: bytes | None) -> Decoded | dict[str, Any] | None:
        """The snapshot's records decoded straight into types when this file
        is ``typed`` and the fast decoder takes it, else its documents; a
        file that is not a timeline is refused either way."""
        if raw is None:
            return None
        if self._typed:
            decoded = decode_records(raw, self.skip)
            if decoded is not None:
                check_meta(decoded.meta, self.path)
                return decoded
        return decode_snapshot(raw, self.path)

    def _build(self, parsed: Decoded | dict[str, Any] | None) -> Loaded:
        """What the snapshot holds, with the journal beside it."""
        self._fingerprint = Fingerprint.of(self.path)
        tables: Tables = {name: {} for name in TABLES}
        seq = 0
        self._snapshot_id = None
        records: Decoded | None = None
        if parsed is not None:
            self._had_file = True
            if isinstance(parsed, Decoded):
                meta = parsed.meta
                records = parsed
            else:
                meta = next(iter(parsed["meta"].values()))
            seq = meta.get("journal_seq", 0)
            snapshot = meta.get("snapshot")
            if not isinstance(seq, int) or not isinstance(snapshot, str | None):
                raise TimelineFileError(
                    f"{self.path} has a damaged meta record (journal_seq "
                    f"{seq!r}); it was not opened or changed. Run `dateline "
                    "restore` to go back to the backup."
                )
            self._snapshot_id = snapshot
        if isinstance(parsed, dict):
            for name in TABLES:
                for doc in parsed.get(name, {}).values():
                    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
                        raise TimelineFileError(
                            f"{self.path} has a damaged record in `{name}` "
                            "(no string id). Run `dateline check` for details."
                        )
                    tables[name][doc["id"]] = doc
        read = read_journal(self.journal)
        self._journal_end = read.valid_end
        self._journal_lines = 0
        if read.has_header and read.snapshot != self._snapshot_id:
            self._check_folded(read.entries, seq)
            # Every entry is already in the snapshot (a crash came between
            # its rename and the journal's clearing): the next save starts
            # the journal afresh.
            self._journal_end = 0
            return Loaded(tables, seq, records)
        loaded = Loaded(tables, seq, records)
        for entry in read.entries:
            if entry.seq > loaded.seq:
                if records is None:
                    apply_ops(tables, entry.ops)
                else:
                    # Applied over the records by the caller, checked here.
                    check_ops(entry.ops)
                    skip = self.skip
                    loaded.ops.extend(o for o in entry.ops if o["table"] not in skip)
                loaded.seq = entry.seq
            self._journal_lines += 1
        return loaded

    def _check_folded(self, entries: list[Entry], seq: int) -> None:
        """Refuse a journal that continues another snapshot than this one."""
        if any(entry.seq > seq for entry in entries):
            raise TimelineFileError(
                f"{self.journal} continues another version of {self.path.name} "
                "(copied from another file, or left beside a version put back "
                "by hand), so it was not replayed; nothing was changed. Move "
                f"{self.journal.name} aside to open {self.path.name} as it is."
            )

    def catch_up(self) -> CatchUp:
        """Entries others appended since our last look (call under the lock)."""
        if self.gone():
            raise TimelineGoneError(self.path)
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
        stale = read.has_header and read.snapshot != self._snapshot_id
        if self._journal_end == 0 and stale:
            # Another writer snapshotted and started a journal we never saw.
            return CatchUp([], reload=self._load_unlocked())
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
        self._refuse_read_only()
        if self._fingerprint is None:
            # First save of a new file: a snapshot must exist so the journal
            # has something to replay onto. (A callable: only this rare case
            # pays for gathering every table.)
            self.snapshot(tables(), entry.seq - 1)
        self._journal_end = self._writer.append(
            entry, self._journal_end, self._snapshot_id, self._mode()
        )
        self._journal_lines += 1

    @property
    def journal_lines(self) -> int:
        return self._journal_lines

    def snapshot(self, tables: SnapshotTables, seq: int) -> None:
        """Rewrite the TinyDB file with everything and empty the journal."""
        self._refuse_read_only()
        meta = new_meta()
        meta["journal_seq"] = seq
        meta["snapshot"] = secrets.token_hex(8)
        data: dict[str, Mapping[str, Any]] = {"meta": {"1": meta}}
        for name in TABLES:
            docs = tables.get(name, {})
            data[name] = {str(n): stored(doc) for n, doc in enumerate(docs.values(), 1)}
        self._storage.write(data)
        self._fingerprint = Fingerprint.of(self.path)
        self._snapshot_id = meta["snapshot"]
        self._had_file = True
        # The snapshot already holds every journal entry (its seq says so),
        # so a crash before this clear only leaves entries the header marks
        # as another snapshot's, all folded in already: harmless.
        self._writer.clear()
        self._journal_end = 0
        self._journal_lines = 0

    def backup(self) -> Path:
        return backup_path(self.path)

    def _mode(self) -> int:
        try:
            return self.path.stat().st_mode & 0o666
        except OSError:
            return 0o644

    def _refuse_read_only(self) -> None:
        """A timeline its owner made read-only is not replaced by a save
        (the folder's write permission would otherwise let it be)."""
        try:
            mode = self.path.stat().st_mode
        except OSError:
            return
        if not mode & 0o222:
            raise TimelineFileError(
                f"{self.path} is read-only (mode {stat.S_IMODE(mode):o}), so "
                f"nothing was saved. Make it writable (chmod u+w "
                f"{self.path.name}) to save changes."
            )


class TimelineGoneError(TimelineFileError):
    """The open file was moved or deleted; saving would start a new one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} was moved or deleted while it was open, so nothing was "
            "saved and no new file was started. Everything shown is still held "
            "here: write it back to that path or to a new one."
        )


def lock_timeout() -> float:
    """Seconds to wait for another process's lock ($DATELINE_LOCK_TIMEOUT)."""
    try:
        return max(0.0, float(os.environ.get("DATELINE_LOCK_TIMEOUT", "")))
    except ValueError:
        return LOCK_TIMEOUT


def _holder(lock: Path) -> str:
    try:
        pid = lock.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f"process {pid}" if pid.isdigit() else "another process"


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
