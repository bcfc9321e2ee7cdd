"""The in-memory side of a timeline: records, indexes and every read.

A ``Timeline`` (dateline.store.timeline) holds one ``Records`` and adds the
file, the journal, locking, changes and undo around it; everything here
answers from memory so no key press waits on TinyDB or the disk. Only the
owning Timeline calls ``reset`` and ``apply``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from dateline.store.decode import summary_and_place
from dateline.store.disk.datafile import Loaded, Tables
from dateline.store.errors import (
    AmbiguousActorError,
    NotFoundError,
    TimelineFileError,
)
from dateline.store.evidence.agreement import is_disputed
from dateline.store.index import EventIndex, NameIndex
from dateline.store.model import (
    RECORD_TYPES,
    Actor,
    Event,
    Quote,
    Source,
)
from dateline.store.names import fold
from dateline.store.query import EventFilter
from dateline.store.revision import DESK_TYPES, Conflict, Tombstone
from dateline.store.search import TextIndex
from dateline.store.views import SavedView


class Records:
    """Records by id and the indexes over them, kept current by ``apply``.

    The ``*_by_id`` maps are read-only views: a caller that wrote into one
    would change what the screen shows without a journal entry or an index.
    """

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        #: Held by every read that walks several structures, and by writers.
        self.lock = threading.RLock()
        self._events: dict[str, Event] = {}
        self._actors: dict[str, Actor] = {}
        self._quotes: dict[str, Quote] = {}
        self._sources: dict[str, Source] = {}
        self._tombstones: dict[str, Tombstone] = {}
        self._conflicts: dict[str, Conflict] = {}
        self._views: dict[str, SavedView] = {}
        self._quotes_of_event: dict[str, set[str]] = {}
        self._index = EventIndex(self.lock)
        self._names = NameIndex()
        self._text = TextIndex(self._search_texts)
        self._expose()

    def _expose(self) -> None:
        """New views whenever the maps are replaced (``reset`` replaces them
        rather than clearing, so a reader on another thread never sees a
        half-built map)."""
        self.events_by_id: MappingProxyType[str, Event] = MappingProxyType(self._events)
        self.actors_by_id: MappingProxyType[str, Actor] = MappingProxyType(self._actors)
        self.quotes_by_id: MappingProxyType[str, Quote] = MappingProxyType(self._quotes)
        self.sources_by_id: MappingProxyType[str, Source] = MappingProxyType(
            self._sources
        )
        self._tables: dict[str, dict[str, AnyRecord]] = {
            "events": self._events,  # type: ignore[dict-item]  # dict is invariant
            "actors": self._actors,  # type: ignore[dict-item]  # dict is invariant
            "quotes": self._quotes,  # type: ignore[dict-item]  # dict is invariant
            "sources": self._sources,  # type: ignore[dict-item]  # dict is invariant
            "tombstones": self._tombstones,  # type: ignore[dict-item]  # dict is invariant
            "conflicts": self._conflicts,  # type: ignore[dict-item]  # dict is invariant
            "views": self._views,  # type: ignore[dict-item]  # dict is invariant
        }
        self.views_by_id: MappingProxyType[str, SavedView] = MappingProxyType(
            self._views
        )
        self.conflicts_by_id: MappingProxyType[str, Conflict] = MappingProxyType(
            self._conflicts
        )
        self.tombstones_by_id: MappingProxyType[str, Tombstone] = MappingProxyType(
            self._tombstones
        )

    # -- reading -------------------------------------------------------
    def __len__(self) -> int:
        return len(self._events)

    def event(self, event_id: str) -> Event:
        try:
            return self._events[event_id]
        except KeyError:
            raise NotFoundError(f"No event with id {event_id}.") from None

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Events in date order, narrowed by ``flt``."""
        with self.lock:
            ids = self._candidates(flt) if flt else None
            if flt is not None and flt.text:
                hits = self._text.matches(flt.text, self._events)
                ids = hits if ids is None else ids & hits
            if ids is None:
                events = [self._events[key[-1]] for key in self._index.order]
            else:
                events = [self._events[i] for i in self._index.in_order(ids)]
            if flt is None:
                return events
            if flt.excludes:
                gone = self._excluded(flt)
                events = [ev for ev in events if ev.id not in gone]
            return [ev for ev in events if self._passes(ev, flt)]

    def position(self, event_id: str) -> int:
        """Where the event sits in the unfiltered date order."""
        return self._index.position(event_id)

    def actors(self) -> list[Actor]:
        return sorted(self._actors.values(), key=lambda a: fold(a.name))

    def actor(self, actor_id: str) -> Actor:
        try:
            return self._actors[actor_id]
        except KeyError:
            raise NotFoundError(f"No actor with id {actor_id}.") from None

    def actor_names(self, event: Event) -> list[str]:
        """The names of the event's actors, in its order (missing ones left out)."""
        return [self._actors[a].name for a in event.actor_ids if a in self._actors]

    def actor_event_count(self, actor_id: str) -> int:
        return len(self._index.by_actor.get(actor_id, ()))

    def find_actors(self, name: str) -> list[Actor]:
        """Actors that ``name`` refers to (name, alias, or words of either)."""
        ids = self._names.lookup(name, self._actors)
        return [self._actors[i] for i in ids]

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
            return self._quotes[quote_id]
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
        pool: Iterable[Quote] = self._quotes.values()
        if event is not None:
            # The event's own list plus quotes that name it: a key-press path,
            # so no scan of every quote in the timeline.
            ids = set(self.event(event).quotes) | self._quotes_of_event.get(
                event, set()
            )
            pool = [self._quotes[q] for q in ids if q in self._quotes]
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
            return self._sources[source_id]
        except KeyError:
            raise NotFoundError(f"No source with id {source_id}.") from None

    def sources(self, *, event: str | None = None) -> list[Source]:
        if event is not None:
            ids = self.event(event).sources
            return [self._sources[s] for s in ids if s in self._sources]
        return sorted(
            self._sources.values(), key=lambda s: (s.published or _EPOCH, s.title)
        )

    def tags(self) -> list[str]:
        return sorted({t for ev in self._events.values() for t in ev.tags})

    def doc(self, table: str, record_id: str) -> dict[str, Any] | None:
        """The record as its document, made on demand: the records are the
        one copy of the data kept in memory."""
        record = self._tables[table].get(record_id)
        return record.to_doc() if record is not None else None

    def record_tables(self) -> dict[str, dict[str, AnyRecord]]:
        """A consistent shallow copy of every table's records: cheap, and
        safe to read on another thread because records are immutable."""
        with self.lock:
            return {name: dict(records) for name, records in self._tables.items()}

    def all_docs(self) -> Tables:
        """A copy of every document, for export and snapshots."""
        return docs_of(self.record_tables())

    def load(self, loaded: Loaded) -> None:
        """Replace everything with what a load found (a load, or another
        process's snapshot) and build the indexes once over it."""
        decoded = loaded.records
        if decoded is None:
            events = self._build("events", loaded.tables)
            actors = self._build("actors", loaded.tables)
            quotes = self._build("quotes", loaded.tables)
            sources = self._build("sources", loaded.tables)
            desk = {name: self._build(name, loaded.tables) for name in DESK_TYPES}
        else:
            events, actors = decoded.events, decoded.actors
            quotes, sources = decoded.quotes, decoded.sources
            desk = {
                name: {
                    doc["id"]: self._record(name, doc)
                    for doc in decoded.desk.get(name, {}).values()
                }
                for name in DESK_TYPES
            }
            maps: dict[str, dict[str, Any]] = {
                "events": events,
                "actors": actors,
                "quotes": quotes,
                "sources": sources,
                **desk,
            }
            for op in loaded.ops:
                table = maps[op["table"]]
                if op["op"] == "put":
                    doc = op["doc"]
                    table[doc["id"]] = self._record(op["table"], doc)
                else:
                    table.pop(op["id"], None)
        quotes_of_event: dict[str, set[str]] = {}
        for quote in quotes.values():
            if quote.event:
                quotes_of_event.setdefault(quote.event, set()).add(quote.id)
        with self.lock:
            self._events, self._actors = events, actors
            self._quotes, self._sources = quotes, sources
            self._tombstones = desk["tombstones"]
            self._conflicts = desk["conflicts"]
            self._views = desk["views"]
            self._expose()
            self._quotes_of_event = quotes_of_event
            self._index.rebuild(self._events)
            self._names.rebuild(self._actors)
            self._text.clear()

    def _build(self, table: str, tables: Tables) -> dict[str, Any]:
        docs = tables.get(table, {})
        return {rid: self._record(table, doc) for rid, doc in docs.items()}

    def _record(self, table: str, doc: dict[str, Any]) -> Any:
        try:
            kind = RECORD_TYPES.get(table) or DESK_TYPES[table]
            return kind.from_doc(doc)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise TimelineFileError(
                f"{self._path}: the {table[:-1]} {doc.get('id')} is damaged "
                f"({exc}); the file was not changed. Run `dateline check` for a "
                "full report, or `dateline restore` to go back to the backup."
            ) from None

    def apply(self, table: str, record_id: str, doc: dict[str, Any] | None) -> None:
        """Put (or with None, remove) one document and keep the indexes current."""
        with self.lock:  # an index built on first use never sees half a change
            self._apply(table, record_id, doc)

    def _apply(self, table: str, record_id: str, doc: dict[str, Any] | None) -> None:
        if table == "events":
            old = self._events.pop(record_id, None)
            if old is not None:
                self._index.remove(old)
            if doc is not None:
                event = Event.from_doc(doc)
                self._events[record_id] = event
                self._index.add(event)
            self._text.invalidate(record_id)
        elif table == "actors":
            old_actor = self._actors.pop(record_id, None)
            if old_actor is not None:
                self._names.remove(old_actor)
            if doc is not None:
                actor = Actor.from_doc(doc)
                self._actors[record_id] = actor
                self._names.add(actor)
            # Actor names are part of event search text.
            for eid in self._index.by_actor.get(record_id, ()):
                self._text.invalidate(eid)
        elif table == "quotes":
            old_quote = self._quotes.pop(record_id, None)
            if old_quote is not None and old_quote.event:
                self._quotes_of_event.get(old_quote.event, set()).discard(record_id)
            if doc is not None:
                new_quote = Quote.from_doc(doc)
                self._quotes[record_id] = new_quote
                if new_quote.event:
                    self._quotes_of_event.setdefault(new_quote.event, set()).add(
                        record_id
                    )
            for q in (old_quote, self._quotes.get(record_id)):
                if q is not None and q.event:
                    self._text.invalidate(q.event)
        elif table == "sources":
            self._sources.pop(record_id, None)
            if doc is not None:
                self._sources[record_id] = Source.from_doc(doc)
        elif table in DESK_TYPES:
            desk: dict[str, Any] = self._tables[table]
            desk.pop(record_id, None)
            if doc is not None:
                desk[record_id] = DESK_TYPES[table].from_doc(doc)

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
        if flt.starred_only and not event.starred:
            return False
        if flt.disputed_only and not is_disputed(event):
            return False
        if flt.not_disputed and is_disputed(event):
            return False
        if flt.verification is not None and event.verification != flt.verification:
            return False
        if flt.start is not None and event.when.end_day < flt.start:
            return False
        return flt.end is None or event.when.start_day <= flt.end

    def _excluded(self, flt: EventFilter) -> set[str]:
        """Ids of the events with an actor or a tag ``flt`` leaves out,
        from the indexes (tags folded as the tag filter folds them)."""
        index = self._index
        gone: set[str] = set()
        for actor_id in flt.not_actors:
            gone |= index.by_actor.get(actor_id, set())
        for tag in flt.not_tags:
            gone |= index.by_tag.get(fold(tag), set())
        return gone

    def prepare_search(self, chunk: int = 1000) -> None:
        """Fold every event's search text now, so the first `/` at 100k
        events does not wait a second for it (a worker calls this right after
        load). A chunk at a time under the lock: a change made meanwhile
        invalidates its event's text after or before, never in the middle,
        and the UI's reads wait for one chunk at most."""
        self._index.prepare()  # the actor and tag links, off the UI thread too
        ids = list(self._events)
        for at in range(0, len(ids), chunk):
            with self.lock:
                events = self._events
                for event_id in ids[at : at + chunk]:
                    if event_id in events:
                        self._text.text(event_id)

    @property
    def search_prepared(self) -> bool:
        """Whether every event's search text is folded and cached."""
        return self._text.cached >= len(self._events)

    def haystack(self, event_id: str) -> str:
        """The folded text a search looks in (see ``_search_texts``)."""
        return self._text.text(event_id)

    def _search_texts(self, event_id: str) -> list[str]:
        """Title, summary, place, tags, actor names and aliases, quotes."""
        event = self._events[event_id]
        parts = [event.title, *summary_and_place(event), *event.tags]
        for aid in event.actor_ids:
            actor = self._actors.get(aid)
            if actor is not None:
                parts.extend(actor.names)
        for qid in event.quotes:
            quote = self._quotes.get(qid)
            if quote is not None:
                parts.append(quote.text)
        return parts


_EPOCH = date.min
AnyRecord = Event | Actor | Quote | Source | Tombstone | Conflict | SavedView


def docs_of(tables: Mapping[str, Mapping[str, AnyRecord]]) -> Tables:
    """Each record's document, table by table."""
    return {
        name: {rid: record.to_doc() for rid, record in records.items()}
        for name, records in tables.items()
    }


def _quote_order(quote: Quote) -> tuple[int, int, str]:
    said = quote.said.sort_key[0] if quote.said else 0
    start = quote.span[0] if quote.span else 0
    return (said, start, quote.id)
