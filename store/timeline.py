"""Timeline: the one way to read and change a timeline file.

Reads are served from memory (a ``dateline.store.records.Records``: records
plus indexes). Every change is a ``with timeline.change() as tx:`` block: one
journal entry made durable before the block ends, so when the caller shows
"saved" it is, and one undo step. Changes from other processes on the same
file are caught up under the file lock when a block opens; an edit of a
record someone else changed meanwhile is refused with ``ConflictError``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from dateline.store.disk.datafile import DataFile, Loaded, Tables, TimelineGoneError
from dateline.store.disk.journal import Entry, Op
from dateline.store.disk.schema import RECORD_TABLES
from dateline.store.errors import ConflictError, TimelineFileError
from dateline.store.linking import without_links_to
from dateline.store.model import CHECKS, Actor, Event, Quote, Source
from dateline.store.postgres.backing import PgBacking, Window
from dateline.store.postgres.location import PgLocation
from dateline.store.query import EventFilter
from dateline.store.records import AmbiguousActorError, Records
from dateline.store.revision import DESK_CHECKS, Conflict, Tombstone, same_version
from dateline.store.transaction import Change, Transaction, TransactionError
from dateline.store.views import SavedView

__all__ = [
    "FOLD_ON_CLOSE",
    "SNAPSHOT_AFTER",
    "AmbiguousActorError",
    "Change",
    "Timeline",
    "Transaction",
    "TransactionError",
]

#: Journal entries after which a snapshot is due (the UI snapshots in a worker).
SNAPSHOT_AFTER = 500
#: The tables ``Timeline.open_to_add`` leaves unread.
ADD_SKIPS = ("events", "quotes")
#: Up to this many events, closing folds the journal into the snapshot (a
#: rewrite of about a tenth of a second); above it, see ``Timeline.close``.
FOLD_ON_CLOSE = 10_000


class Timeline:
    """An open timeline. Use :meth:`open` for a file, :meth:`memory` for tests."""

    def __init__(self, file: DataFile | PgBacking | None, author: str = "") -> None:
        self._file = file
        #: Who makes the changes through this Timeline (``created_by`` and
        #: ``updated_by`` of what they save); the caller decides who that is.
        self.author = author
        self._records = Records(file.path if file is not None else None)
        self._lock = self._records.lock
        #: The last journal entry the records include.
        self._seq = 0
        #: Bumped on every change, ours or another process's; views compare it.
        self.version = 0
        self._undo: list[list[Change]] = []
        self._redo: list[list[Change]] = []
        #: The thread whose change block is open (the thread lock keeps out
        #: the others); None when no block is open.
        self._writer: int | None = None
        #: Holds only part of its records (``open_narrowed``): never saves.
        self._narrowed = False
        #: Tables ``open_to_add`` left unread -> records the file holds.
        self._skipped: dict[str, int] = {}

    # -- opening -------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path | PgLocation,
        progress: Callable[[str], None] | None = None,
        notice: Callable[[str], None] | None = None,
        *,
        author: str = "",
    ) -> Timeline:
        """Open (or prepare to create) the timeline at ``path``.

        Raises TimelineFileError, naming the file and a backup, for anything
        that is not a readable dateline timeline; the file is left untouched.
        ``progress`` hears what is happening (a big file takes seconds);
        ``notice`` what the user must know (a lock wait, a snapshot that
        failed at close while the change itself was saved).
        """
        report = progress or (lambda _: None)
        if isinstance(path, PgLocation):
            report(f"Connecting to {path}…")
            backing = PgBacking(path, notice)
            # On a shared timeline the connection's role is who changes it.
            timeline = cls(backing, backing.role)
            with _gc_paused():
                timeline._reset(backing.load())
            return timeline
        return cls._open(Path(path), progress, notice, author=author)

    @classmethod
    def open_to_add(
        cls,
        path: str | Path,
        notice: Callable[[str], None] | None = None,
        *,
        author: str = "",
    ) -> Timeline:
        """Open ``path`` to add records: only the actors and sources are read.

        What a new event is matched against (names, aliases and links) is
        all it needs, so `dateline add` on 100k events does not make 100k
        records. Such a timeline holds no events: it journals what it adds
        and never rewrites the file (the next full open folds the journal),
        and it refuses ``snapshot``, ``all_docs`` and ``write_back``.

        The whole timeline is opened instead when it is small enough that
        closing folds it (up to ``FOLD_ON_CLOSE`` events: the file stays
        whole for plain TinyDB readers, as before), and when the journal is
        due a fold, so the journal a script of adds leaves stays short.
        """
        return cls.open_without(path, ADD_SKIPS, notice, author=author)

    @classmethod
    def open_without(
        cls,
        path: str | Path,
        tables: Collection[str],
        notice: Callable[[str], None] | None = None,
        *,
        author: str = "",
    ) -> Timeline:
        """Open ``path`` leaving ``tables`` unread (`dateline list` prints no
        quotes or sources; `add` needs no events): the rules of
        ``open_to_add`` hold for any such timeline."""
        path = Path(path)
        if not path.exists() or not tables:
            return cls._open(path, None, notice, author=author)
        timeline = cls._open(path, None, notice, skip=tables, author=author)
        file = timeline._file
        assert file is not None
        events = timeline._skipped.get("events", len(timeline))
        if events <= FOLD_ON_CLOSE or _fold_due(file.journal_lines, events):
            return cls._open(path, None, notice, author=author)
        return timeline

    @classmethod
    def _open(
        cls,
        path: Path,
        progress: Callable[[str], None] | None,
        notice: Callable[[str], None] | None,
        skip: Collection[str] = (),
        *,
        author: str = "",
    ) -> Timeline:
        report = progress or (lambda _: None)
        file = DataFile(path, notice, typed=True)
        file.skip = frozenset(skip)
        timeline = cls(file, author)
        with _gc_paused():
            if path.exists():
                size = path.stat().st_size / 1_000_000
                report(f"Reading {path.name} ({size:,.1f} MB)…")
            loaded = file.load()
            decoded = loaded.records
            count = len(decoded.events if decoded else loaded.tables["events"])
            report(f"Building {count:,} events and their indexes…")
            timeline._reset(loaded)
        return timeline

    @classmethod
    def open_narrowed(
        cls,
        where: str | Path | PgLocation,
        narrow: Callable[[Timeline], EventFilter],
        notice: Callable[[str], None] | None = None,
    ) -> tuple[Timeline, EventFilter, int]:
        """For listing: the timeline, the filter ``narrow`` builds from it,
        and how many events the whole timeline has.

        A shared timeline then holds only what that filter can show: its
        date range and actors are answered in SQL on the indexes, so a
        listing of a big timeline does not read all of it. Such a timeline
        is read-only. A file is read whole, as always.
        """
        if not isinstance(where, PgLocation):
            timeline = cls.open(where, notice=notice)
            return timeline, narrow(timeline), len(timeline)
        backing = PgBacking(where, notice)
        timeline = cls(backing, backing.role)
        chosen: list[EventFilter] = []

        def window(actors_only: Loaded) -> Window:
            timeline._reset(actors_only)
            flt = narrow(timeline)
            chosen.append(flt)
            return Window(flt.start, flt.end, flt.actors, flt.match)

        with _gc_paused():
            loaded, total = backing.load_narrowed(window)
            timeline._reset(loaded)
        timeline._narrowed = True
        return timeline, chosen[0], total

    @classmethod
    def memory(cls, author: str = "") -> Timeline:
        return cls(None, author)

    @property
    def path(self) -> Path | None:
        return self._file.path if self._file else None

    @property
    def location(self) -> str:
        """Where the timeline lives, for people: a file path or a URL
        without its password."""
        if isinstance(self._file, PgBacking):
            return str(self._file.location)
        return str(self._file.path) if self._file else "(in memory, not saved)"

    @property
    def shared(self) -> PgBacking | None:
        """The PostgreSQL connection of a shared timeline; None for a file."""
        return self._file if isinstance(self._file, PgBacking) else None

    @property
    def notice(self) -> Callable[[str], None]:
        """Hears what the user must know that is not an error."""
        return self._file.notice if self._file else (lambda _: None)

    @notice.setter
    def notice(self, hear: Callable[[str], None]) -> None:
        if self._file is not None:
            self._file.notice = hear

    def close(self, *, quick: bool = False) -> None:
        """Fold the journal into the TinyDB file when that is cheap.

        A rewrite costs ~10 us per event (2 s at 100k), while the journal
        already holds every change and the next open replays it. So a small
        timeline is folded, and a big one only once its journal is due a
        snapshot anyway; with ``quick`` (quitting the explorer, which folds
        in the background while it runs) never a big one.

        Every change is already durable in the journal, so a failed fold
        (full disk, read-only folder) is told to ``notice``, not raised: a
        caller that reported failure would have the user repeat the change.
        """
        if isinstance(self._file, PgBacking):
            self._file.close()
            return
        if self._file is None or not self._file.journal_lines or self._skipped:
            return
        if not (len(self) <= FOLD_ON_CLOSE or (not quick and self.snapshot_due)):
            return
        try:
            self.snapshot()
        except TimelineGoneError as exc:
            self.notice(str(exc))
        except TimelineFileError as exc:
            file = self._file
            self.notice(
                f"Saved: every change is in {file.journal.name} beside "
                f"{file.path.name}, and is read from there. Folding it into "
                f"{file.path.name} failed ({exc}); that is tried again at the "
                "next save. Do not repeat the change."
            )

    # -- the file moved or deleted ---------------------------------------
    def file_gone(self) -> bool:
        """The file was moved or deleted while open (saves now refuse)."""
        return isinstance(self._file, DataFile) and self._file.gone()

    def write_back(self, path: str | Path) -> Path:
        """Write everything held in memory to ``path`` (the old path, or a new
        one, which must not exist yet) and save there from now on."""
        target = Path(path)
        if os.path.lexists(target):
            raise TimelineFileError(
                f"{target} already exists; it was left alone. Give another "
                "name, or move that file aside first."
            )
        self._refuse_partial()
        file = DataFile(target, self.notice, typed=True)
        with file.locked(), self._lock:
            file.snapshot(self.all_docs(), self._seq)
            self._file = file
            self.version += 1
        return file.path

    def __enter__(self) -> Timeline:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- reading (answered by the records in memory) -------------------
    @property
    def events_by_id(self) -> Mapping[str, Event]:
        return self._records.events_by_id

    @property
    def actors_by_id(self) -> Mapping[str, Actor]:
        return self._records.actors_by_id

    @property
    def quotes_by_id(self) -> Mapping[str, Quote]:
        return self._records.quotes_by_id

    @property
    def sources_by_id(self) -> Mapping[str, Source]:
        return self._records.sources_by_id

    @property
    def conflicts_by_id(self) -> Mapping[str, Conflict]:
        """Records changed here and elsewhere, waiting for the user's choice."""
        return self._records.conflicts_by_id

    @property
    def views_by_id(self) -> Mapping[str, SavedView]:
        """Saved views by id (see ``dateline.store.views``)."""
        return self._records.views_by_id

    @property
    def tombstones_by_id(self) -> Mapping[str, Tombstone]:
        """What is left of deleted records, so they do not come back."""
        return self._records.tombstones_by_id

    def __len__(self) -> int:
        return len(self._records)

    def event(self, event_id: str) -> Event:
        return self._records.event(event_id)

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Events in date order, narrowed by ``flt``."""
        return self._records.events(flt)

    def position(self, event_id: str) -> int:
        """Where the event sits in the unfiltered date order."""
        return self._records.position(event_id)

    def actors(self) -> list[Actor]:
        return self._records.actors()

    def actor(self, actor_id: str) -> Actor:
        return self._records.actor(actor_id)

    def actor_names(self, event: Event) -> list[str]:
        """The names of the event's actors, in its order (missing ones left out)."""
        return self._records.actor_names(event)

    def actor_event_count(self, actor_id: str) -> int:
        return self._records.actor_event_count(actor_id)

    def find_actors(self, name: str) -> list[Actor]:
        """Actors that ``name`` refers to (name, alias, or words of either)."""
        return self._records.find_actors(name)

    def find_actor(self, name: str) -> Actor | None:
        """The one actor ``name`` means; None if none; raises if ambiguous."""
        return self._records.find_actor(name)

    def quote(self, quote_id: str) -> Quote:
        return self._records.quote(quote_id)

    def quotes(
        self,
        *,
        event: str | None = None,
        speakers: Iterable[str] | None = None,
        source: str | None = None,
    ) -> list[Quote]:
        """Quotes of an event, of some speakers, or of a source."""
        return self._records.quotes(event=event, speakers=speakers, source=source)

    def source(self, source_id: str) -> Source:
        return self._records.source(source_id)

    def sources(self, *, event: str | None = None) -> list[Source]:
        return self._records.sources(event=event)

    def tags(self) -> list[str]:
        return self._records.tags()

    def doc(self, table: str, record_id: str) -> dict[str, Any] | None:
        return self._records.doc(table, record_id)

    def all_docs(self) -> Tables:
        """A copy of every document, for export and snapshots."""
        self._refuse_partial()
        return self._records.all_docs()

    def prepare_search(self) -> None:
        """Build every event's search text now (see ``Records.prepare_search``)."""
        self._records.prepare_search()

    @property
    def search_prepared(self) -> bool:
        return self._records.search_prepared

    def haystack(self, event_id: str) -> str:
        """The folded text a search looks in."""
        return self._records.haystack(event_id)

    # -- changing ------------------------------------------------------
    def change(self) -> contextlib.AbstractContextManager[Transaction]:
        """``with timeline.change() as tx:`` — the only way to change records.

        ``tx.put(...)``, ``tx.update(loaded, record)`` and ``tx.delete(...)``
        collect the change; when the block ends it is checked against the file
        (ConflictError if a record was changed elsewhere since it was read),
        written as one journal entry and kept as one undo step. A block that
        raises writes nothing. The file lock is held for the whole block, so
        reads inside it are current; keep the work in it short.

        Blocks do not nest: opening one inside another in the same thread
        raises TransactionError rather than joining it, because an inner
        block whose exception the outer one caught would otherwise leave half
        of its records in the outer step. Put everything in the outer ``tx``.
        """
        return self._transaction(undoable=True)

    def put(self, *records: Event | Actor | Quote | Source) -> None:
        """Insert or replace records in one change (one undo step)."""
        with self.change() as tx:
            tx.put(*records)

    def delete_event(self, event_id: str, *, loaded: Event | None = None) -> Event:
        """Delete an event, the quotes that only it holds and the links to it.

        ``loaded`` is the event as the caller showed it: if another process
        changed it since, ConflictError is raised and nothing is deleted.
        """
        with self.change() as tx:
            event = self.event(event_id)
            tx.delete(loaded if loaded is not None else event)
            tx.put(*without_links_to(self.events_by_id.values(), {event_id}))
            for qid in event.quotes:
                quote = self.quotes_by_id.get(qid)
                if quote is not None and quote.event == event_id:
                    tx.delete(quote)
            return event

    @contextlib.contextmanager
    def _transaction(self, *, undoable: bool) -> Iterator[Transaction]:
        if self._narrowed:
            raise TransactionError(
                "This timeline was opened for listing and holds only part of "
                "its records; open it with Timeline.open to change it."
            )
        me = threading.get_ident()
        if self._writer == me:
            raise TransactionError(
                "A change is already open in this thread; changes do not nest. "
                "Add these records to the open `tx` instead."
            )
        with self._writing():
            tx = Transaction(self._records.doc)
            self._writer = me
            try:
                yield tx
                self._commit(tx, undoable=undoable)
            finally:
                self._writer = None
                tx.close()

    def _commit(self, tx: Transaction, *, undoable: bool) -> None:
        """Check, journal and apply what ``tx`` collected."""
        if self._writer != threading.get_ident() or not tx.is_open:
            raise TransactionError(
                "Changes are saved when a `with timeline.change() as tx:` "
                "block ends; nothing was saved."
            )
        if not tx.changes:
            return
        for change in tx.changes:
            current = self._records.doc(change.table, change.record_id)
            if not same_version(current, change.before):
                raise ConflictError(
                    f"The {change.table[:-1]} {change.record_id} was "
                    f"{_changed_by(current)} since it was read; nothing was "
                    "saved. Reload and try again."
                )
        # Undo and redo put back exact versions (revisions included): the
        # timeline moves between states it has been in.
        changes = tx.changes
        if undoable:
            changes = tx.finish(secrets.token_hex(6), self.author)
            if not changes:
                return
        # A record that cannot be read back must fail here, before the
        # journal holds it: applied half-way, it would be snapshotted on close.
        for change in changes:
            if change.after is not None:
                (CHECKS.get(change.table) or DESK_CHECKS[change.table])(change.after)
        ops: list[Op] = [
            {"op": "put", "table": c.table, "doc": c.after}
            if c.after is not None
            else {"op": "del", "table": c.table, "id": c.record_id}
            for c in changes
        ]
        if self._file is not None:
            self._file.append(Entry(self._seq + 1, ops), self._records.record_tables)
        self._seq += 1
        for change in changes:
            self._records.apply(change.table, change.record_id, change.after)
        self.version += 1
        tx.committed = changes
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
                with self._transaction(undoable=False) as tx:
                    for change in inverse:
                        tx.add(change)
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
            # The caller shows records (and saved views); tombstones come
            # and go with them.
            return [c for c in inverse if c.table in (*RECORD_TABLES, "views")]

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
            self._reset(caught.reload)
            return True
        for entry in caught.entries:
            if entry.seq <= self._seq:
                continue
            for op in entry.ops:
                doc = op.get("doc")
                rid = doc["id"] if doc is not None else op["id"]
                self._records.apply(op["table"], rid, doc)
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
        return _fold_due(self._file.journal_lines, len(self.events_by_id))

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
        self._refuse_partial()
        with self._file.locked():
            with self._lock:
                self._catch_up()
                records = self._records.record_tables()
                seq = self._seq
            # Outside the thread lock: writing 100k records takes a while and
            # the UI's reads need that lock, not the file lock.
            self._file.snapshot(records, seq)

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

    def _refuse_partial(self) -> None:
        """Writing out a timeline opened to add would drop what it never read."""
        if self._skipped:
            raise TransactionError(
                "This timeline was opened only to add records (its "
                f"{', '.join(self._skipped)} were not read), so it cannot be "
                "written out whole; open it with Timeline.open for that."
            )

    def _reset(self, loaded: Loaded) -> None:
        with self._lock:
            # The slow path (a file the typed decoder refused) reads everything.
            decoded = loaded.records
            self._skipped = decoded.skipped if decoded is not None else {}
            self._records.load(loaded)
            self._seq = loaded.seq
            self.version += 1


def _changed_by(current: dict[str, Any] | None) -> str:
    """Who changed a record under an edit, as far as the record says."""
    if current is None:
        return "deleted elsewhere (another window, process or editor)"
    who = current.get("updated_by")
    when = current.get("updated")
    if isinstance(who, str) and who:
        return f"changed by {who}" + (f" at {when}" if isinstance(when, str) else "")
    return "changed elsewhere (another window, process or editor)"


def _fold_due(journal_lines: int, events: int) -> bool:
    """Whether a journal this long over this many events is due a fold."""
    return journal_lines >= max(SNAPSHOT_AFTER, events // 10)


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
