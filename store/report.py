"""The stable machine-readable shape of events, actors and dates.

This is the contract of ``--format json`` (documented in README): fields may be
added, never renamed or removed.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from dateline.store.model import Claim, Event, FuzzyDate
from dateline.store.zones import to_utc

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline


def _iso(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def date_record(fd: FuzzyDate) -> dict[str, Any]:
    return {
        "text": fd.text,
        "start": _iso(fd.start),
        "end": _iso(fd.end),
        "precision": fd.precision,
        "approximate": fd.approximate,
        # Only for a bounded date ("before March 2025"), with the days it
        # leaves (null where open): output for other dates is unchanged.
        **(
            {
                "bound": fd.bound,
                "window": [d.isoformat() if d else None for d in fd.window],
            }
            if fd.bound
            else {}
        ),
        **zone_fields(fd),
    }


def zone_fields(fd: FuzzyDate) -> dict[str, Any]:
    """Time zones: the zone a time was written in (null for none) and, for a
    zoned time, its start and end in UTC ("2026-01-09T19:30Z")."""
    if fd.zone is None or not isinstance(fd.start, datetime):
        return {"zone": None}
    start, end = (
        to_utc(v, fd.zone) for v in (fd.start, fd.end) if isinstance(v, datetime)
    )
    return {
        "zone": fd.zone,
        "start_utc": start.isoformat(timespec="minutes") + "Z",
        "end_utc": end.isoformat(timespec="minutes") + "Z",
    }


def event_record(timeline: Timeline, event: Event) -> dict[str, Any]:
    actors = timeline.actor_names(event)
    quotes = []
    for quote in timeline.quotes(event=event.id):
        speaker = timeline.actors_by_id.get(quote.speaker or "")
        quotes.append({"speaker": speaker.name if speaker else "", "text": quote.text})
    sources = [
        {
            "title": s.title,
            "outlet": s.outlet,
            "url": s.url,
            "published": s.published.isoformat() if s.published else None,
        }
        for s in timeline.sources(event=event.id)
    ]
    when = event.when
    return {
        "id": event.id,
        "title": event.title,
        "summary": event.summary,
        "date_text": when.text,
        "start": _iso(when.start),
        "end": _iso(when.end),
        "precision": when.precision,
        "approximate": when.approximate,
        **zone_fields(when),
        "status": event.status,
        "actors": actors,
        "roles": {
            timeline.actors_by_id[r.actor].name: r.role
            for r in event.actors
            if r.role and r.actor in timeline.actors_by_id
        },
        "quotes": quotes,
        "sources": sources,
        "tags": list(event.tags),
        "place": event.place,
        "origin": event.origin,
        "review": event.review,
        "created_by": event.created_by,
        "updated_by": event.updated_by,
        "rev": event.rev,
        # Order within a day.
        "order": event.order,
        **annotation_record(event),
        # Claims and verification (issue 17).
        "claims": [claim_record(timeline, c) for c in event.claims],
        "verification": event.verification,
    }


def annotation_record(event: Event) -> dict[str, Any]:
    """The star, notes and links of ``event``: ``list --format json`` and the
    note/star/link verbs print them alike."""
    return {
        "starred": event.starred,
        "notes": [
            {"text": n.text, "author": n.author, "at": n.at} for n in event.notes
        ],
        "links": [{"kind": k.kind, "event": k.event} for k in event.links],
    }


def claim_record(timeline: Timeline, claim: Claim) -> dict[str, Any]:
    """One source's date for an event: the source's id (and outlet and
    publication day), the words, the interval and precision it names, and
    where in the article it says so (``span``, null when not known)."""
    source = timeline.sources_by_id.get(claim.source)
    published = source.published if source is not None else None
    return {
        "source": claim.source,
        "outlet": source.outlet if source is not None else "",
        "published": published.isoformat() if published else None,
        "text": claim.when.text,
        "start": _iso(claim.when.start),
        "end": _iso(claim.when.end),
        "precision": claim.when.precision,
        "span": list(claim.span) if claim.span else None,
    }


def actor_record(timeline: Timeline, actor_id: str) -> dict[str, Any]:
    actor = timeline.actor(actor_id)
    return {
        "id": actor.id,
        "name": actor.name,
        "aliases": list(actor.aliases),
        "kind": actor.kind,
        "events": timeline.actor_event_count(actor.id),
        "quotes": len(timeline.quotes(speakers=[actor.id])),
    }
