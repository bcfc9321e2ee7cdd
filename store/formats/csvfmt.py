"""CSV: one row per event, for spreadsheets.

Columns (in this order): id, date_text, start, end, precision, approximate,
title, summary, actors (names joined by "; "), tags ("; "), status, place,
source_urls ("; "). Quotes and article texts do not fit a row and are not
carried.
"""

from __future__ import annotations

import csv
from typing import TextIO

from store.model import Event
from store.timeline import Timeline

COLUMNS = (
    "id",
    "date_text",
    "start",
    "end",
    "precision",
    "approximate",
    "title",
    "summary",
    "actors",
    "tags",
    "status",
    "place",
    "source_urls",
)
LIST_SEPARATOR = "; "


def event_row(timeline: Timeline, event: Event) -> dict[str, str]:
    actors = [
        timeline.actors_by_id[a].name
        for a in event.actor_ids
        if a in timeline.actors_by_id
    ]
    urls = [s.url for s in timeline.sources(event=event.id) if s.url]
    return {
        "id": event.id,
        "date_text": event.when.text,
        "start": event.when.start.isoformat(),
        "end": event.when.end.isoformat(),
        "precision": event.when.precision,
        "approximate": "yes" if event.when.approximate else "no",
        "title": event.title,
        "summary": event.summary,
        "actors": LIST_SEPARATOR.join(actors),
        "tags": LIST_SEPARATOR.join(event.tags),
        "status": event.status,
        "place": event.place,
        "source_urls": LIST_SEPARATOR.join(urls),
    }


def write_csv(timeline: Timeline, events: list[Event], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(event_row(timeline, event))
