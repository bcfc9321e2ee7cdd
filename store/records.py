"""The in-memory side of a timeline: records, indexes and every read.

``Timeline`` (dateline.store.timeline) adds the file, the journal, locking, changes
and undo on top; everything here answers from memory so no key press waits
on TinyDB or the disk.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from dateline.store.disk.datafile import Tables
from dateline.store.disk.schema import TABLES
from dateline.store.errors import DatelineError, NotFoundError, TimelineFileError
from dateline.store.index import EventIndex, NameIndex
from dateline.store.model import RECORD_TYPES, Actor, Event, Quote, Source
from dateline.store.names import fold
from dateline.store.query import EventFilter
from dateline.store.search import TextIndex


class AmbiguousActorError(DatelineError):
    """A name fits several actors; the user must say which."""


class Records:
    """Records by id and the indexes over them, kept current by ``_apply``."""

    #: The last journal entry these records include.
    _seq: int

    def __init__(self) -> None:
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
        #: Bumped on every change, ours or another process's; views compare it.
        self.version = 0

    @property
    def path(self) -> Path | None:
        return None

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

    def actor_names(self, event: Event) -> list[str]:
        """The names of the event's actors, in its order (missing ones left out)."""
        return [
            self.actors_by_id[a].name for a in event.actor_ids if a in self.actors_by_id
        ]

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

    def _reset(self, tables: Tables, seq: int) -> None:
        with self._lock:
            self._docs = {name: dict(tables.get(name, {})) for name in TABLES}
            self.events_by_id = self._build("events")
            self.actors_by_id = self._build("actors")
            self.quotes_by_id = self._build("quotes")
            self.sources_by_id = self._build("sources")
            self._quotes_of_event = {}
            for quote in self.quotes_by_id.values():
                if quote.event:
                    self._quotes_of_event.setdefault(quote.event, set()).add(quote.id)
            self._index.rebuild(self.events_by_id)
            self._names.rebuild(self.actors_by_id)
            self._text.clear()
            self._seq = seq
            self.version += 1

    def _build(self, table: str) -> dict[str, Any]:
        cls = RECORD_TYPES[table]
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


_EPOCH = date.min


def _quote_order(quote: Quote) -> tuple[int, int, str]:
    said = quote.said.sort_key[0] if quote.said else 0
    start = quote.span[0] if quote.span else 0
    return (said, start, quote.id)
