"""Native JSON: the lossless interchange format.

``{"format": "dateline", "schema": 1, "events": [...], "actors": [...],
"quotes": [...], "sources": [...]}`` where each list holds the documents of
``dateline.store.model`` exactly as stored. Export then import into an empty file gives
the same timeline, ids included.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from dateline.store.disk.schema import SCHEMA_VERSION, TABLES, schema_problem
from dateline.store.errors import DatelineError, counted
from dateline.store.model import (
    ID_PREFIX,
    RECORD_TYPES,
    TABLE_OF,
    Actor,
    ActorRef,
    Event,
    Quote,
    Source,
    new_id,
    span_fits,
    url_problem,
)
from dateline.store.names import fold

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

FORMAT = "dateline"


class ImportFormatError(DatelineError):
    """A file to import is malformed; nothing was imported."""


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

    @property
    def nothing_new(self) -> bool:
        """True when the import added no record at all."""
        return not (self.events or self.actors or self.quotes or self.sources)

    def summary(self) -> str:
        parts = [
            counted(self.events, "event"),
            counted(self.actors, "new actor"),
            counted(self.quotes, "quote"),
            counted(self.sources, "source"),
        ]
        text = "Imported " + ", ".join(parts)
        if self.matched_actors:
            text += f"; {counted(self.matched_actors, 'actor')} matched existing ones"
        if self.duplicates:
            text += f"; skipped {counted(len(self.duplicates), 'duplicate')}"
        if self.problems:
            text += f"; could not read {counted(len(self.problems), 'record')}"
        return text + "."


def export_native(timeline: Timeline, events: list[Event] | None = None) -> dict:
    """The whole timeline, or ``events`` with the records they refer to."""
    docs = timeline.all_docs()
    if events is None:
        lists = {name: list(docs[name].values()) for name in TABLES}
    else:
        actor_ids = {a for ev in events for a in ev.actor_ids}
        quote_ids = {q for ev in events for q in ev.quotes}
        source_ids = {s for ev in events for s in ev.sources}
        event_ids = {ev.id for ev in events}
        quotes = [
            q
            for q in docs["quotes"].values()
            if q["id"] in quote_ids or q.get("event") in event_ids
        ]
        actor_ids |= {q["speaker"] for q in quotes if q.get("speaker")}
        source_ids |= {q["source"] for q in quotes if q.get("source")}
        lists = {
            "events": [ev.to_doc() for ev in events],
            "actors": [d for i, d in docs["actors"].items() if i in actor_ids],
            "quotes": quotes,
            "sources": [d for i, d in docs["sources"].items() if i in source_ids],
        }
    return {"format": FORMAT, "schema": SCHEMA_VERSION, **lists}


def dumps_native(timeline: Timeline, events: list[Event] | None = None) -> str:
    return json.dumps(export_native(timeline, events), ensure_ascii=False, indent=2)


def parse_native(data: Any, origin: str) -> dict[str, list[Any]]:
    """Validate the shape and build records, or raise naming what is wrong.

    Every field of every record is checked, and every id must be used once
    per table, before anything is returned: a bad record found half-way
    through a commit would leave the timeline half-imported, and one let in
    would break every later verb on the timeline.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFormatError(
            f'{origin} is not a dateline export (no "format": "dateline"). '
            "Use --format to say what it is."
        )
    schema = data.get("schema")
    wrong = schema_problem(schema)
    if wrong == "unreadable":
        raise ImportFormatError(
            f"{origin} has the schema {_shown(schema)}, which is not a version "
            'number; a dateline export says "schema": 1. Nothing was imported.'
        )
    if wrong == "newer":
        raise ImportFormatError(
            f"{origin} has schema {schema}; this dateline reads up "
            f"to {SCHEMA_VERSION}. Upgrade dateline to import it."
        )
    records: dict[str, list[Any]] = {}
    for name, cls in RECORD_TYPES.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            raise ImportFormatError(
                f'{origin}: "{name}" must be a list. Nothing was imported.'
            )
        built = []
        first_use: dict[str, int] = {}
        for number, doc in enumerate(items, start=1):
            try:
                record = cls.from_doc(doc)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ImportFormatError(
                    f"{origin}: {name} item {number} is not valid ({exc}). "
                    "Nothing was imported; fix that record and import again."
                ) from None
            if record.id in first_use:
                raise ImportFormatError(
                    f"{origin}: {name} item {number} has the id "
                    f"{_shown(record.id)}, used twice (item "
                    f"{first_use[record.id]} has it too). Nothing was imported; "
                    "give each record its own id."
                )
            first_use[record.id] = number
            url = record.url if isinstance(record, Source) else ""
            problem = url_problem(url)
            if problem is not None:
                raise ImportFormatError(
                    f"{origin}: sources item {number} has the URL "
                    f"{_shown(url)}: {problem}. Nothing was imported; "
                    "fix or empty that URL and import again."
                )
            built.append(record)
        records[name] = built
    return records


def check_references(
    records: dict[str, list[Any]], origin: str, timeline: Timeline | None = None
) -> None:
    """Raise unless every id a record names is in the file (or ``timeline``).

    A quote's event may be missing: the merge leaves such quotes out.
    """
    known = {name: {r.id for r in items} for name, items in records.items()}
    if timeline is not None:
        known["actors"] |= timeline.actors_by_id.keys()
        known["sources"] |= timeline.sources_by_id.keys()
        known["quotes"] |= timeline.quotes_by_id.keys()
    wanted: list[tuple[str, int, str, str, str]] = []
    for number, event in enumerate(records["events"], start=1):
        wanted += [("events", number, "actor", "actors", a) for a in event.actor_ids]
        wanted += [("events", number, "source", "sources", s) for s in event.sources]
        wanted += [("events", number, "quote", "quotes", q) for q in event.quotes]
    for number, quote in enumerate(records["quotes"], start=1):
        if quote.speaker:
            wanted.append(("quotes", number, "speaker", "actors", quote.speaker))
        if quote.source:
            wanted.append(("quotes", number, "source", "sources", quote.source))
    for table, number, what, target, rid in wanted:
        if rid not in known[target]:
            raise ImportFormatError(
                f"{origin}: {table} item {number} names the {what} "
                f"{_shown(rid)}, which is not in the file. Nothing was imported; "
                "export again with everything it refers to."
            )
    # The file's own copy of a source is the one a quote's span points into.
    sources = dict(timeline.sources_by_id) if timeline is not None else {}
    sources.update((s.id, s) for s in records["sources"])
    for number, quote in enumerate(records["quotes"], start=1):
        source = sources.get(quote.source or "")
        if source is not None and not span_fits(quote, source):
            raise ImportFormatError(
                f"{origin}: quotes item {number} has the span {list(quote.span or ())}"
                f", which lies outside its article ({len(source.body)} characters)."
                " Nothing was imported; fix the span or the article text."
            )


def _shown(value: Any, limit: int = 60) -> str:
    """A value quoted for a message, cut short (a hostile file may hold MBs)."""
    try:
        text = json.dumps(value, ensure_ascii=True)
    except (TypeError, ValueError):
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def import_native(
    timeline: Timeline,
    data: Any,
    *,
    origin: str = "the file",
    allow_duplicates: bool = False,
) -> ImportReport:
    """Merge an export into ``timeline`` in one durable step (all or nothing).

    Actors are matched by name or alias; an event with the same date and title
    as an existing one is a duplicate and is skipped unless allowed.
    """
    records = parse_native(data, origin)
    check_references(records, origin, timeline)
    return merge_records(
        timeline,
        events=records["events"],
        actors=records["actors"],
        quotes=records["quotes"],
        sources=records["sources"],
        allow_duplicates=allow_duplicates,
    )


def merge_records(
    timeline: Timeline,
    *,
    events: list[Event],
    actors: list[Actor],
    quotes: list[Quote] = (),  # type: ignore[assignment]
    sources: list[Source] = (),  # type: ignore[assignment]
    allow_duplicates: bool = False,
) -> ImportReport:
    """Add records from elsewhere, remapping ids that would collide."""
    report = ImportReport()
    with timeline.change() as tx:
        skipped = _duplicate_ids(timeline, events, allow_duplicates)
        unneeded = _only_for(skipped, events, quotes)
        actor_map: dict[str, str] = {}
        by_name = _name_index(timeline.actors_by_id.values())
        for actor in actors:
            if actor.id in unneeded:
                continue
            known = next(
                (by_name[k] for k in map(fold, actor.names) if k in by_name), None
            )
            if known is not None:
                actor_map[actor.id] = known.id
                report.matched_actors += 1
                continue
            fresh = _free_id(timeline, actor)
            for key in map(fold, fresh.names):
                by_name.setdefault(key, fresh)
            actor_map[actor.id] = fresh.id
            tx.put(fresh)
            report.actors += 1
        source_map: dict[str, str] = {}
        known_sources = _SourceIndex(timeline.sources_by_id.values())
        for source in sources:
            if source.id in unneeded:
                continue
            same = known_sources.find(source)
            if same is not None:
                source_map[source.id] = same.id
                continue
            fresh_source = _free_id(timeline, source)
            source_map[source.id] = fresh_source.id
            tx.put(fresh_source)
            report.sources += 1
        event_map: dict[str, str] = {}
        fresh_events: list[Event] = []
        for event in events:
            if event.id in skipped:
                report.duplicates.append(event.title)
                continue
            fresh_event = _free_id(timeline, event)
            event_map[event.id] = fresh_event.id
            report.events += 1
            fresh_events.append(fresh_event)
            tx.put(fresh_event)
        quote_map: dict[str, str] = {}
        # Quotes of no event have no event to be a duplicate of: the same
        # words by the same speaker from the same article are one quote.
        loose = {
            (fold(q.text), q.speaker, q.source)
            for q in timeline.quotes_by_id.values()
            if not q.event
        }
        for quote in quotes:
            if quote.event and quote.event not in event_map:
                continue  # its event was a skipped duplicate
            speaker = actor_map.get(quote.speaker or "", quote.speaker)
            said_in = source_map.get(quote.source or "", quote.source)
            if not quote.event and (fold(quote.text), speaker, said_in) in loose:
                report.duplicates.append(f"quote “{quote.text}”")
                continue
            fresh_quote = _free_id(timeline, quote)
            quote_map[quote.id] = fresh_quote.id
            fresh_quote = replace(
                fresh_quote,
                speaker=actor_map.get(quote.speaker or "", quote.speaker),
                source=source_map.get(quote.source or "", quote.source),
                event=event_map.get(quote.event or "", quote.event),
            )
            tx.put(fresh_quote)
            report.quotes += 1
        # Second pass: events point at the final ids of everything else (a
        # record put twice in one change is saved once, as last put).
        for event in fresh_events:
            tx.put(
                replace(
                    event,
                    actors=tuple(
                        ActorRef(actor_map.get(r.actor, r.actor), r.role)
                        for r in event.actors
                    ),
                    sources=tuple(source_map.get(s, s) for s in event.sources),
                    quotes=tuple(quote_map[q] for q in event.quotes if q in quote_map),
                )
            )
    return report


def _duplicate_ids(
    timeline: Timeline, events: list[Event], allow_duplicates: bool
) -> set[str]:
    """Ids of incoming events with the date and title of one already there
    (or earlier in the same file)."""
    if allow_duplicates:
        return set()
    seen = {_dup_key(ev) for ev in timeline.events_by_id.values()}
    skipped = set()
    for event in events:
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


def _free_id(timeline: Timeline, record: Any) -> Any:
    """``record``, or a copy with a new id if its id is taken here."""
    table = TABLE_OF[type(record)]
    if timeline.doc(table, record.id) is None:
        return record
    return replace(record, id=new_id(ID_PREFIX[table]))


def _dup_key(event: Event) -> tuple[object, object, str]:
    return (event.when.start, event.when.end, fold(event.title))
