"""Merging records from elsewhere, by id: what every import ends in.

A record whose id the timeline holds is compared by revision
(``dateline.store.revision.relation``): a copy that descends from ours
replaces it in place, an older one is skipped, and one changed on both sides
becomes a ``Conflict`` kept in the timeline (nothing is overwritten) for the
user to settle. A record the timeline deleted stays deleted unless the other
side changed it since (a conflict again). Records with ids the timeline has
never seen are added as before: actors matched by name, sources by URL or
title, and an event with the date and title of one already there skipped as
a duplicate. Tombstones carry deletions the other way.

Formats that do not carry everything (``lossy``: ICS, TimelineJS, CSV)
update only the event fields they carry; the rest stays as it was here. A
copy from such a file without a revision cannot say which side is newer: if
it differs from ours, that is a conflict, never a silent overwrite.

Everything happens in one ``timeline.change()``: one journal entry and one
undo step. Importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from dateline.store.errors import counted
from dateline.store.linking import ANNOTATIONS, joined_annotations
from dateline.store.model import (
    TABLE_OF,
    Actor,
    ActorRef,
    Event,
    Quote,
    Source,
)
from dateline.store.names import fold
from dateline.store.revision import (
    Conflict,
    Revision,
    Tombstone,
    content,
    record_key,
    relation,
    with_history,
)
from dateline.store.transaction import Transaction
from dateline.store.views import SavedView

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

#: The event fields a lossy format carries (and so may update in place).
CARRIED = ("when", "title", "summary", "actors", "sources", "quotes", "tags")
CARRIED_MORE = ("place", "status")


@dataclass
class ImportReport:
    """What an import did, for the message shown to the user."""

    events: int = 0
    actors: int = 0
    quotes: int = 0
    sources: int = 0
    matched_actors: int = 0
    duplicates: list[str] = field(default_factory=list)
    #: Records that could not be read and were skipped, each naming its place.
    problems: list[str] = field(default_factory=list)
    #: Things the user should know that are not problems (eras as spans...).
    notes: list[str] = field(default_factory=list)
    #: Records updated in place by a newer copy.
    updated: int = 0
    #: Records deleted because the other side deleted them.
    deleted: int = 0
    #: Copies older than ours (or deleted here), skipped.
    older: int = 0
    #: Records the timeline already holds as the file has them.
    same: int = 0
    #: Records changed on both sides, kept for the user to settle, each named.
    conflicts: list[str] = field(default_factory=list)
    #: Saved views added or replaced by a newer copy.
    views: int = 0

    @property
    def nothing_new(self) -> bool:
        """True when the import changed nothing at all."""
        return not (
            self.events
            or self.actors
            or self.quotes
            or self.sources
            or self.updated
            or self.deleted
            or self.conflicts
            or self.views
        )

    def summary(self) -> str:
        parts = [
            counted(self.events, "event"),
            counted(self.actors, "new actor"),
            counted(self.quotes, "quote"),
            counted(self.sources, "source"),
        ]
        text = "Imported " + ", ".join(parts)
        if self.updated:
            text += f"; updated {counted(self.updated, 'record')} in place"
        if self.deleted:
            text += f"; deleted {counted(self.deleted, 'record')} as the other copy did"
        if self.same:
            text += f"; {counted(self.same, 'record')} already up to date"
        if self.older:
            text += f"; kept ours over {counted(self.older, 'older version')}"
        if self.matched_actors:
            text += f"; {counted(self.matched_actors, 'actor')} matched existing ones"
        if self.views:
            text += f"; {counted(self.views, 'saved view')} added or updated"
        if self.duplicates:
            text += f"; skipped {counted(len(self.duplicates), 'duplicate')}"
        if self.problems:
            text += f"; could not read {counted(len(self.problems), 'record')}"
        if self.conflicts:
            text += (
                f"; {counted(len(self.conflicts), 'conflict')} kept to settle "
                "(`dateline conflicts`, or C in the explorer)"
            )
        return text + "."


def merge_records(
    timeline: Timeline,
    *,
    events: Sequence[Event],
    actors: Sequence[Actor],
    quotes: Sequence[Quote] = (),
    sources: Sequence[Source] = (),
    tombstones: Sequence[Tombstone] = (),
    views: Sequence[SavedView] = (),
    allow_duplicates: bool = False,
    origin: str = "the file",
    lossy: bool = False,
) -> ImportReport:
    """Merge records from elsewhere by id, in one change (see the module)."""
    report = ImportReport()
    with timeline.change() as tx:
        merge = _Merge(timeline, tx, report, origin, lossy)
        merge.run(
            list(events),
            list(actors),
            list(quotes),
            list(sources),
            list(tombstones),
            allow_duplicates,
        )
        merge.merge_views(list(views))
    return report


class _Merge:
    def __init__(
        self,
        timeline: Timeline,
        tx: Transaction,
        report: ImportReport,
        origin: str,
        lossy: bool,
    ) -> None:
        self.timeline = timeline
        self.tx = tx
        self.report = report
        self.origin = origin
        self.lossy = lossy
        self.actor_map: dict[str, str] = {}
        self.source_map: dict[str, str] = {}
        self.quote_map: dict[str, str] = {}
        #: Events put (added or updated) by this import, by final id.
        self.events_put: dict[str, Event] = {}

    # -- the decision for one record that has an id here ---------------------
    def decide(self, table: str, incoming: Any, label: str) -> str:
        """ "absent" (add it), "update" (it is newer), or "kept" (ours stays:
        same, older, deleted here, or a conflict now kept)."""
        timeline, doc = self.timeline, incoming.to_doc()
        local = timeline.doc(table, incoming.id)
        if local is None:
            tomb = timeline.doc("tombstones", record_key(table, incoming.id))
            if tomb is None:
                return "absent"
            how = relation(tomb, doc)
            if how == "newer":
                # Put back there after the deletion we had seen.
                self.tx.discard(Tombstone.from_doc(tomb))
                self.settled(table, doc)
                return "absent"
            if how == "diverged":
                self.conflict(table, doc, label)
            else:
                self.report.older += 1
            return "kept"
        how = relation(local, doc)
        if self.lossy and not doc.get("rev_id"):
            # A copy with no revision (another calendar's event) cannot be
            # placed before or after ours: equal, or a conflict.
            how = "same" if content(local) == content(doc) else "diverged"
        if how == "newer":
            self.settled(table, doc)
            return "update"
        if how == "same":
            self.report.same += 1
        elif how == "older":
            self.report.older += 1
        elif how == "diverged" and not self.joined(table, local, doc):
            self.conflict(table, doc, label)
        return "kept"

    def joined(self, table: str, local: dict[str, Any], theirs: dict[str, Any]) -> bool:
        """Join two copies of an event that differ only in notes, star and
        links (a note added on each keeps both); False for anything else."""
        if table != "events" or self.lossy:
            return False
        mine, other = content(local), content(theirs)
        for name in ANNOTATIONS:
            mine.pop(name, None)
            other.pop(name, None)
        if mine != other:
            return False
        ours = Event.from_doc(local)
        event = joined_annotations(ours, Event.from_doc(theirs))
        # Descends from both copies, so each side takes it as the newer.
        event = with_history(event, Revision.of(theirs).ancestors())
        self.tx.put(event)
        self.events_put[event.id] = event
        self.report.updated += 1
        return True

    def settled(self, table: str, doc: dict[str, Any]) -> None:
        """A copy that descends from both sides of a conflict held here (the
        other side settled it) settles it here too."""
        held = self.timeline.conflicts_by_id.get(record_key(table, doc["id"]))
        if held is not None and Revision.of(held.theirs).rev_id in (
            Revision.of(doc).ancestors()
        ):
            self.tx.discard(held)

    def conflict(
        self, table: str, theirs: dict[str, Any], label: str, *, deleted: bool = False
    ) -> None:
        made = Conflict.of(table, theirs, self.origin, deleted=deleted)
        held = self.timeline.conflicts_by_id.get(made.id)
        # An older copy of theirs than the one held must not replace it.
        if held is None or relation(held.theirs, theirs) in ("newer", "diverged"):
            self.tx.put(made)
        what = "deleted there, changed here" if deleted else "changed on both sides"
        self.report.conflicts.append(f"{label}: {what}")

    # -- the whole file ----------------------------------------------------------
    def run(
        self,
        events: list[Event],
        actors: list[Actor],
        quotes: list[Quote],
        sources: list[Source],
        tombstones: list[Tombstone],
        allow_duplicates: bool,
    ) -> None:
        skipped = _duplicate_ids(self.timeline, events, allow_duplicates)
        unneeded = _only_for(skipped, events, quotes)
        self.merge_actors([a for a in actors if a.id not in unneeded])
        self.merge_sources([s for s in sources if s.id not in unneeded])
        quotes_of: dict[str, list[Quote]] = {}
        for quote in quotes:
            quotes_of.setdefault(quote.event or "", []).append(quote)
        added: list[Event] = []
        for event in events:
            outcome = self.merge_event(event, skipped, quotes_of.get(event.id, []))
            if outcome == "added":
                added.append(event)
        self.merge_quotes(quotes, {event.id for event in added})
        for event in added:
            self.put_event(event)
        self.merge_tombstones(tombstones)

    def merge_actors(self, actors: list[Actor]) -> None:
        by_name = _name_index(self.timeline.actors_by_id.values())
        for actor in actors:
            outcome = self.decide("actors", actor, f'actor "{actor.name}"')
            self.actor_map[actor.id] = actor.id
            if outcome == "update":
                self.tx.adopt(actor)
                self.report.updated += 1
            if outcome != "absent":
                continue
            known = next(
                (by_name[k] for k in map(fold, actor.names) if k in by_name), None
            )
            if known is not None:
                self.actor_map[actor.id] = known.id
                self.report.matched_actors += 1
                continue
            fresh = actor
            for key in map(fold, fresh.names):
                by_name.setdefault(key, fresh)
            self.actor_map[actor.id] = fresh.id
            self._add(fresh)
            self.report.actors += 1

    def merge_sources(self, sources: list[Source]) -> None:
        known_sources = _SourceIndex(self.timeline.sources_by_id.values())
        for source in sources:
            outcome = self.decide("sources", source, f'source "{source.title}"')
            self.source_map[source.id] = source.id
            if outcome == "update":
                self.tx.adopt(source)
                self.report.updated += 1
            if outcome != "absent":
                continue
            same = known_sources.find(source)
            if same is not None:
                self.source_map[source.id] = same.id
                continue
            fresh = source
            self.source_map[source.id] = fresh.id
            self._add(fresh)
            self.report.sources += 1

    def merge_event(self, event: Event, skipped: set[str], quotes: list[Quote]) -> str:
        label = f'event "{event.title}" ({event.id})'
        local = self.timeline.events_by_id.get(event.id)
        incoming = event
        if local is not None and self.lossy:
            incoming = self.carried(local, event, quotes)
        elif local is not None:
            incoming = self.remapped(event)
        outcome = self.decide("events", incoming, label)
        if outcome == "update":
            self.tx.adopt(incoming)
            self.events_put[incoming.id] = incoming
            self.report.updated += 1
            if self.lossy:
                # Quotes the copy brings that ours lacks come in with it.
                for quote in quotes:
                    if quote.id in incoming.quotes:
                        self.add_quote(quote)
            return "updated"
        if outcome == "kept":
            return "kept"
        if event.id in skipped:
            self.report.duplicates.append(event.title)
            return "skipped"
        return "added"

    def carried(self, local: Event, event: Event, quotes: list[Quote]) -> Event:
        """Ours with the fields a lossy file carries taken from ``event`` (its
        references mapped to ours, its quotes matched to ours by words and
        speaker), and the revision it came with."""
        ours = {
            (fold(q.text), q.speaker): q.id
            for q in self.timeline.quotes(event=local.id)
        }
        quote_ids = []
        for quote in quotes:
            speaker = self.actor_map.get(quote.speaker or "", quote.speaker)
            match = ours.get((fold(quote.text), speaker))
            self.quote_map[quote.id] = match or quote.id
            quote_ids.append(match or quote.id)
        mapped = self.remapped(event)
        taken = {name: getattr(mapped, name) for name in CARRIED}
        if mapped.when.anchor is None:
            # No lossy format carries what a date was read against.
            taken["when"] = replace(mapped.when, anchor=local.when.anchor)
        taken["quotes"] = tuple(quote_ids)
        if event.place or local.place == "":
            taken["place"] = event.place
        taken["status"] = event.status
        # Only CSV carries the order within a day; the others read as 0 and
        # must not undo a hand-set order.
        if event.order:
            taken["order"] = event.order
        return replace(
            local,
            **taken,
            updated=event.updated or local.updated,
            created_by=event.created_by or local.created_by,
            updated_by=event.updated_by,
            rev=event.rev,
            rev_id=event.rev_id,
            history=event.history,
        )

    def remapped(self, event: Event) -> Event:
        """``event`` pointing at the ids its actors and sources have here."""
        return replace(
            event,
            actors=tuple(
                ActorRef(self.actor_map.get(r.actor, r.actor), r.role)
                for r in event.actors
            ),
            sources=tuple(self.source_map.get(s, s) for s in event.sources),
            quotes=tuple(self.quote_map.get(q, q) for q in event.quotes),
            # A claim names its source: the same article here may have
            # another id (matched by URL or title).
            claims=tuple(
                replace(c, source=self.source_map.get(c.source, c.source))
                for c in event.claims
            ),
        )

    def merge_quotes(self, quotes: list[Quote], added: set[str]) -> None:
        """Quotes by id (lossless files), or with their event (lossy ones:
        an added event brings its quotes, an updated one those ours lacks)."""
        timeline = self.timeline
        loose = {
            (fold(q.text), q.speaker, q.source)
            for q in timeline.quotes_by_id.values()
            if not q.event
        }
        for quote in quotes:
            if quote.id in self.quote_map:
                continue  # settled with its event (a lossy file)
            if not self.lossy:
                outcome = self.decide("quotes", quote, f"quote “{quote.text[:40]}”")
                if outcome != "absent":
                    self.quote_map[quote.id] = quote.id
                    if outcome == "update":
                        self.tx.adopt(self.remapped_quote(quote))
                        self.report.updated += 1
                    continue
            event = quote.event
            if (
                event
                and event not in added
                and (self.lossy or event not in timeline.events_by_id)
            ):
                continue  # its event was skipped (a duplicate, or kept)
            speaker = self.actor_map.get(quote.speaker or "", quote.speaker)
            said_in = self.source_map.get(quote.source or "", quote.source)
            if not event and (fold(quote.text), speaker, said_in) in loose:
                self.report.duplicates.append(f"quote “{quote.text}”")
                continue
            self.add_quote(quote)

    def add_quote(self, quote: Quote) -> None:
        self.quote_map[quote.id] = quote.id
        self._add(self.remapped_quote(quote))
        self.report.quotes += 1

    def remapped_quote(self, quote: Quote) -> Quote:
        return replace(
            quote,
            speaker=self.actor_map.get(quote.speaker or "", quote.speaker),
            source=self.source_map.get(quote.source or "", quote.source),
        )

    def put_event(self, event: Event) -> None:
        known = self.timeline.quotes_by_id
        fresh = self.remapped(event)
        fresh = replace(
            fresh,
            quotes=tuple(q for q in fresh.quotes if q in self.quote_map or q in known),
        )
        self._add(fresh)
        self.events_put[fresh.id] = fresh
        self.report.events += 1

    def _add(self, record: Any) -> None:
        """A record new here: with its own revision when it has one."""
        if record.rev_id:
            self.tx.adopt(record)
        else:
            self.tx.put(record)

    def merge_views(self, views: list[SavedView]) -> None:
        """Saved views by name: one new here is added, a copy saved later
        than ours replaces it, and the actors it names follow the actors the
        import matched to ours. Views keep no revisions, so the later save
        wins."""
        for view in views:
            flt = view.event_filter
            mapped = replace(
                flt,
                actors=tuple(self.actor_map.get(a, a) for a in flt.actors),
                not_actors=tuple(self.actor_map.get(a, a) for a in flt.not_actors),
            )
            view = replace(view, filter=mapped.to_doc())
            held = self.timeline.views_by_id.get(view.id)
            if held is not None and (
                held.to_doc() == view.to_doc() or held.updated >= view.updated
            ):
                continue
            self.tx.put(view)
            self.report.views += 1

    def merge_tombstones(self, tombstones: list[Tombstone]) -> None:
        """Events (and their quotes) first: an actor or source is kept only
        when something that stays still names it."""
        order = {"events": 0, "quotes": 1, "actors": 2, "sources": 2}
        used: set[str] | None = None
        gone: set[str] = set()
        for tomb in sorted(tombstones, key=lambda t: order[t.table]):
            if tomb.table in ("actors", "sources") and used is None:
                used = self.referenced(gone)
            if self.merge_tombstone(tomb, used or set()):
                gone.add(tomb.record)

    def merge_tombstone(self, tomb: Tombstone, used: set[str]) -> bool:
        """Carry one deletion; True when it deleted a record here."""
        timeline, tx = self.timeline, self.tx
        doc = tomb.to_doc()
        local = timeline.doc(tomb.table, tomb.record)
        if local is None:
            mine = timeline.doc("tombstones", tomb.id)
            if mine is None or relation(mine, doc) == "newer":
                tx.adopt(tomb)  # remembered, so no copy brings it back
                self.settled_by_tomb(tomb)
            return False
        how = relation(local, doc)
        label = _label(tomb.table, local)
        if how == "newer":
            if tomb.record in used:
                self.report.notes.append(
                    f"{label} was deleted in {self.origin}, but records here "
                    "still name it, so it was kept."
                )
                return False
            record = TABLE_OF_TABLE[tomb.table].from_doc(local)
            tx.delete(record)
            tx.adopt(tomb)
            self.settled_by_tomb(tomb)
            self.report.deleted += 1
            return True
        if how == "diverged":
            self.conflict(tomb.table, doc, label, deleted=True)
        else:
            self.report.older += 1
        return False

    def settled_by_tomb(self, tomb: Tombstone) -> None:
        held = self.timeline.conflicts_by_id.get(tomb.id)
        if held is not None and Revision.of(held.theirs).rev_id in (
            Revision.of(tomb.to_doc()).ancestors()
        ):
            self.tx.discard(held)

    def referenced(self, gone: set[str]) -> set[str]:
        """Ids that events and quotes here name, after this import (its
        puts made, the records in ``gone`` deleted)."""
        used: set[str] = set()
        events = dict(self.timeline.events_by_id)
        events.update(self.events_put)
        for event in events.values():
            if event.id not in gone:
                used.update(event.actor_ids, event.sources)
        for quote in self.timeline.quotes_by_id.values():
            if quote.id not in gone:
                used.update(x for x in (quote.speaker, quote.source) if x)
        return used


TABLE_OF_TABLE: dict[str, Any] = {table: cls for cls, table in TABLE_OF.items()}


def _label(table: str, doc: dict[str, Any]) -> str:
    name = doc.get("title") or doc.get("name") or doc.get("text", "")[:40]
    return f'{table[:-1]} "{name}" ({doc["id"]})'


def _duplicate_ids(
    timeline: Timeline, events: list[Event], allow_duplicates: bool
) -> set[str]:
    """Ids of incoming events new here (by id) with the date and title of one
    already there (or earlier in the same file)."""
    if allow_duplicates:
        return set()
    seen = {_dup_key(ev) for ev in timeline.events_by_id.values()}
    skipped = set()
    for event in events:
        if event.id in timeline.events_by_id:
            continue  # the same record: merged by id, not a duplicate
        key = _dup_key(event)
        if key in seen:
            skipped.add(event.id)
        seen.add(key)
    return skipped


def _only_for(skipped: set[str], events: list[Event], quotes: list[Quote]) -> set[str]:
    """Actor and source ids that only skipped duplicates refer to: adding
    them would leave records no event uses. Records the file holds for their
    own sake (referred to by nothing) are still imported."""
    if not skipped:
        return set()
    dropped: set[str] = set()
    kept: set[str] = set()
    for event in events:
        refs = {*event.actor_ids, *event.sources}
        (dropped if event.id in skipped else kept).update(refs)
    for quote in quotes:
        refs = {quote.speaker or "", quote.source or ""} - {""}
        (dropped if quote.event in skipped else kept).update(refs)
    return dropped - kept


def _name_index(actors: Iterable[Actor]) -> dict[str, Actor]:
    """Folded name or alias -> the first actor known by it: an incoming actor
    matches a known one by any name, exactly (case and accents aside)."""
    index: dict[str, Actor] = {}
    for actor in actors:
        for key in map(fold, actor.names):
            index.setdefault(key, actor)
    return index


class _SourceIndex:
    """Known articles by URL and by folded title, for matching imports.

    One article is the same URL, or (when the incoming one has none) the same
    title and outlet: formats that carry only a title and outlet (TimelineJS,
    CSV without URLs) must not add a copy of an article on every re-import.
    """

    def __init__(self, sources: Iterable[Source]) -> None:
        self.by_url: dict[str, Source] = {}
        self.by_title: dict[str, list[Source]] = {}
        for source in sources:
            if source.url:
                self.by_url.setdefault(source.url, source)
            self.by_title.setdefault(fold(source.title), []).append(source)

    def find(self, incoming: Source) -> Source | None:
        if incoming.url:
            return self.by_url.get(incoming.url)
        outlet = fold(incoming.outlet)
        for known in self.by_title.get(fold(incoming.title), ()):
            if known == incoming or (
                incoming.title and (not outlet or fold(known.outlet) == outlet)
            ):
                return known
        return None


def _dup_key(event: Event) -> tuple[object, object, str]:
    return (event.when.start, event.when.end, fold(event.title))
