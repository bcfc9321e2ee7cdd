"""Timeline: the one way to read and change a timeline file.

Reads are served from memory (records plus the indexes in ``store.index``);
every change is one journal entry made durable before the method returns, so
when the caller shows "saved" it is. Changes from other processes on the same
file are caught up under the file lock before each save; an edit of a record
someone else changed meanwhile is refused with ``ConflictError``.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from store.datafile import DataFile, Tables
from store.errors import (
    ConflictError,
    DatelineError,
    NotFoundError,
    TimelineFileError,
)
from store.index import EventIndex, NameIndex
from store.journal import Entry, Op
from store.model import Actor, Event, Quote, Source
from store.names import fold
from store.query import EventFilter
from store.schema import TABLES
from store.search import TextIndex

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


class AmbiguousActorError(DatelineError):
    """A name fits several actors; the user must say which."""


class Timeline:
    """An open timeline. Use :meth:`open` for a file, :meth:`memory` for tests."""

    def __init__(self, file: DataFile | None) -> None:
        self._file = file
        self._lock = threading.RLock()
        self._docs: Tables = {name: {} for name in TABLES}
        self.events_by_id: dict[str, Event] = {}
        self.actors_by_id: dict[str, Actor] = {}
        self.quotes_by_id: dict[str, Quote] = {}
        self.sources_by_id: dict[str, Source] = {}
        self._quotes_of_event: dict[str, set[str]] = {}
        self._index = EventIndex()
        self._names = NameIndex()
        self._text = TextIndex(self._search_texts)
        self._seq = 0
        self._undo: list[list[Change]] = []
        self._redo: list[list[Change]] = []
        #: Bumped on every change, ours or another process's; views compare it.
        self.version = 0

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

    # -- reading -------------------------------------------------------
    def __len__(self) -> int:
        return len(self.events_by_id)

    def event(self, event_id: str) -> Event:
        try:
            return self.events_by_id[event_id]
        except KeyError:
            raise NotFoundError(f"No event with id {event_id}.") from None

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Events in date order, narrowed by ``flt``."""
        with self._lock:
            ids = self._candidates(flt) if flt else None
            if flt is not None and flt.text:
                hits = self._text.matches(flt.text, self.events_by_id)
                ids = hits if ids is None else ids & hits
            if ids is None:
                events = [self.events_by_id[key[2]] for key in self._index.order]
            else:
                events = [self.events_by_id[i] for i in self._index.in_order(ids)]
            if flt is None:
                return events
            return [ev for ev in events if self._passes(ev, flt)]

    def position(self, event_id: str) -> int:
        """Where the event sits in the unfiltered date order."""
        return self._index.position(event_id)

    def actors(self) -> list[Actor]:
        return sorted(self.actors_by_id.values(), key=lambda a: fold(a.name))

    def actor(self, actor_id: str) -> Actor:
        try:
            return self.actors_by_id[actor_id]
        except KeyError:
            raise NotFoundError(f"No actor with id {actor_id}.") from None

    def actor_event_count(self, actor_id: str) -> int:
        return len(self._index.by_actor.get(actor_id, ()))

    def find_actors(self, name: str) -> list[Actor]:
        """Actors that ``name`` refers to (name, alias, or words of either)."""
        ids = self._names.lookup(name, self.actors_by_id)
        return [self.actors_by_id[i] for i in ids]

    def find_actor(self, name: str) -> Actor | None:
        """The one actor ``name`` means; None if none; raises if ambiguous."""
        found = self.find_actors(name)
        if len(found) > 1:
            names = ", ".join(sorted(a.name for a in found))
            raise AmbiguousActorError(
                f'"{name}" fits several actors ({names}); type more of the name.'
            )
        return found[0] if found else None

    def quote(self, quote_id: str) -> Quote:
        try:
            return self.quotes_by_id[quote_id]
        except KeyError:
            raise NotFoundError(f"No quote with id {quote_id}.") from None

    def quotes(
        self,
        *,
        event: str | None = None,
        speakers: Iterable[str] | None = None,
        source: str | None = None,
    ) -> list[Quote]:
        """Quotes of an event, of some speakers, or of a source."""
        wanted = set(speakers) if speakers is not None else None
        pool: Iterable[Quote] = self.quotes_by_id.values()
        if event is not None:
            # The event's own list plus quotes that name it: a key-press path,
            # so no scan of every quote in the timeline.
            ids = set(self.event(event).quotes) | self._quotes_of_event.get(
                event, set()
            )
            pool = [self.quotes_by_id[q] for q in ids if q in self.quotes_by_id]
        found = []
        for quote in pool:
            if wanted is not None and quote.speaker not in wanted:
                continue
            if source is not None and quote.source != source:
                continue
            found.append(quote)
        return sorted(found, key=_quote_order)

    def source(self, source_id: str) -> Source:
        try:
            return self.sources_by_id[source_id]
        except KeyError:
            raise NotFoundError(f"No source with id {source_id}.") from None

    def sources(self, *, event: str | None = None) -> list[Source]:
        if event is not None:
            ids = self.event(event).sources
            return [self.sources_by_id[s] for s in ids if s in self.sources_by_id]
        return sorted(
            self.sources_by_id.values(), key=lambda s: (s.published or _EPOCH, s.title)
        )

    def tags(self) -> list[str]:
        return sorted({t for ev in self.events_by_id.values() for t in ev.tags})

    def doc(self, table: str, record_id: str) -> dict[str, Any] | None:
        return self._docs[table].get(record_id)

    def all_docs(self) -> Tables:
        """A copy of every document, for export and snapshots."""
        with self._lock:
            return {name: dict(docs) for name, docs in self._docs.items()}

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
        table = _TABLE_OF[type(record)]
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

    def _reset(self, tables: Tables, seq: int) -> None:
        with self._lock:
            self._docs = {name: dict(tables.get(name, {})) for name in TABLES}
            self.events_by_id = self._build(Event, "events")
            self.actors_by_id = self._build(Actor, "actors")
            self.quotes_by_id = self._build(Quote, "quotes")
            self.sources_by_id = self._build(Source, "sources")
            self._quotes_of_event = {}
            for quote in self.quotes_by_id.values():
                if quote.event:
                    self._quotes_of_event.setdefault(quote.event, set()).add(quote.id)
            self._index.rebuild(self.events_by_id)
            self._names.rebuild(self.actors_by_id)
            self._text.clear()
            self._seq = seq
            self.version += 1

    def _build(self, cls: Any, table: str) -> dict[str, Any]:
        built = {}
        for record_id, doc in self._docs[table].items():
            try:
                built[record_id] = cls.from_doc(doc)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise TimelineFileError(
                    f"{self.path}: the {table[:-1]} {record_id} is damaged ({exc}); "
                    "the file was not changed. Run `dateline check` for a full "
                    "report, or `dateline restore` to go back to the backup."
                ) from None
        return built

    def _apply(self, table: str, record_id: str, doc: dict[str, Any] | None) -> None:
        docs = self._docs.setdefault(table, {})
        if doc is None:
            docs.pop(record_id, None)
        else:
            docs[record_id] = doc
        if table == "events":
            old = self.events_by_id.pop(record_id, None)
            if old is not None:
                self._index.remove(old)
            if doc is not None:
                event = Event.from_doc(doc)
                self.events_by_id[record_id] = event
                self._index.add(event)
            self._text.invalidate(record_id)
        elif table == "actors":
            old_actor = self.actors_by_id.pop(record_id, None)
            if old_actor is not None:
                self._names.remove(old_actor)
            if doc is not None:
                actor = Actor.from_doc(doc)
                self.actors_by_id[record_id] = actor
                self._names.add(actor)
            # Actor names are part of event search text.
            for eid in self._index.by_actor.get(record_id, ()):
                self._text.invalidate(eid)
        elif table == "quotes":
            old_quote = self.quotes_by_id.pop(record_id, None)
            if old_quote is not None and old_quote.event:
                self._quotes_of_event.get(old_quote.event, set()).discard(record_id)
            if doc is not None:
                new_quote = Quote.from_doc(doc)
                self.quotes_by_id[record_id] = new_quote
                if new_quote.event:
                    self._quotes_of_event.setdefault(new_quote.event, set()).add(
                        record_id
                    )
            for q in (old_quote, self.quotes_by_id.get(record_id)):
                if q is not None and q.event:
                    self._text.invalidate(q.event)
        elif table == "sources":
            self.sources_by_id.pop(record_id, None)
            if doc is not None:
                self.sources_by_id[record_id] = Source.from_doc(doc)

    def _candidates(self, flt: EventFilter) -> set[str] | None:
        """Ids allowed by the indexed parts of the filter; None = all."""
        sets: list[set[str]] = []
        if flt.actors:
            actor_sets = [self._index.by_actor.get(a, set()) for a in flt.actors]
            if flt.match == "any":
                sets.append(set().union(*actor_sets))
            else:
                sets.append(set.intersection(*map(set, actor_sets)))
        for tag in flt.tags:
            sets.append(self._index.by_tag.get(fold(tag), set()))
        if flt.ids is not None:
            sets.append(set(flt.ids))
        if not sets:
            return None
        # A fresh set: the index's own sets must never leak out to be mutated.
        return set(sets[0]).intersection(*sets[1:])

    def _passes(self, event: Event, flt: EventFilter) -> bool:
        if flt.status is not None and event.status != flt.status:
            return False
        if flt.pending_only and not event.pending:
            return False
        if flt.start is not None and event.when.end_day < flt.start:
            return False
        return flt.end is None or event.when.start_day <= flt.end

    def prepare_search(self) -> None:
        """Build the search text of every event now (a worker calls this after
        load, so the first `/` at 100k events does not wait ~1 s)."""
        self._text.matches("\x01", self.events_by_id)

    def haystack(self, event_id: str) -> str:
        """The folded text a search looks in (see ``_search_texts``)."""
        return self._text.text(event_id)

    def _search_texts(self, event_id: str) -> list[str]:
        """Title, summary, place, tags, actor names and aliases, quotes."""
        event = self.events_by_id[event_id]
        parts = [event.title, event.summary, event.place, *event.tags]
        for aid in event.actor_ids:
            actor = self.actors_by_id.get(aid)
            if actor is not None:
                parts.extend(actor.names)
        for qid in event.quotes:
            quote = self.quotes_by_id.get(qid)
            if quote is not None:
                parts.append(quote.text)
        return parts


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


_TABLE_OF: dict[type, str] = {
    Event: "events",
    Actor: "actors",
    Quote: "quotes",
    Source: "sources",
}

_EPOCH = date.min


def _quote_order(quote: Quote) -> tuple[int, int, str]:
    said = quote.said.sort_key[0] if quote.said else 0
    start = quote.span[0] if quote.span else 0
    return (said, start, quote.id)
