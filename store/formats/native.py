"""Native JSON: the lossless interchange format.

``{"format": "dateline", "schema": 1, "events": [...], "actors": [...],
"quotes": [...], "sources": [...]}`` where each list holds the documents of
``dateline.store.model`` exactly as stored; a whole export adds
"tombstones" and "views" (saved filters), which an older file lacks.
Export then import into an empty file gives the same timeline, ids included.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from dateline.store.disk.schema import RECORD_TABLES, SCHEMA_VERSION, schema_problem
from dateline.store.errors import DatelineError
from dateline.store.formats.merge import ImportReport, merge_records
from dateline.store.model import (
    RECORD_TYPES,
    Event,
    Source,
    span_fits,
    url_problem,
)
from dateline.store.revision import Tombstone
from dateline.store.views import TABLE as VIEWS
from dateline.store.views import SavedView

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

T = TypeVar("T")

__all__ = [
    "ImportFormatError",
    "ImportReport",
    "check_references",
    "dumps_native",
    "export_native",
    "import_native",
    "merge_records",
    "parse_native",
]

FORMAT = "dateline"
_TOMBS = "tombstones"


class ImportFormatError(DatelineError):
    """A file to import is malformed; nothing was imported."""


def export_native(timeline: Timeline, events: list[Event] | None = None) -> dict:
    """The whole timeline, or ``events`` with the records they refer to."""
    docs = timeline.all_docs()
    if events is None:
        # Tombstones travel too, so a deletion reaches the other copy.
        lists = {
            name: list(docs[name].values()) for name in (*RECORD_TABLES, _TOMBS, VIEWS)
        }
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
    records[_TOMBS] = _parse_desk_items(
        data.get(_TOMBS, []), origin, _TOMBS, Tombstone.from_doc, "record"
    )
    records[VIEWS] = _parse_desk_items(
        data.get(VIEWS, []), origin, VIEWS, SavedView.from_doc, "view"
    )
    return records


def _parse_desk_items(
    items: Any, origin: str, table: str, from_doc: Callable[[Any], T], what: str
) -> list[T]:
    """The deletions or saved views a whole export carries (none in a file
    from before them), each read by its own ``from_doc``."""
    if not isinstance(items, list):
        raise ImportFormatError(
            f'{origin}: "{table}" must be a list. Nothing was imported.'
        )
    parsed = []
    for number, doc in enumerate(items, start=1):
        try:
            parsed.append(from_doc(doc))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ImportFormatError(
                f"{origin}: {table} item {number} is not valid ({exc}). "
                f"Nothing was imported; fix that {what} and import again."
            ) from None
    return parsed


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

    Records are merged by id and revision (``dateline.store.formats.merge``);
    new actors are matched by name or alias, and a new event with the same
    date and title as an existing one is a duplicate, skipped unless allowed.
    """
    records = parse_native(data, origin)
    check_references(records, origin, timeline)
    return merge_records(
        timeline,
        events=records["events"],
        actors=records["actors"],
        quotes=records["quotes"],
        sources=records["sources"],
        tombstones=records.get("tombstones", []),
        views=records.get(VIEWS, []),
        allow_duplicates=allow_duplicates,
        origin=origin,
    )
