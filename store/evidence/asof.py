"""What was known on a given day: the events and claims whose sources had
been published by then, so a reader can follow how a story developed and
see when a date was corrected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from dateline.store.evidence.agreement import is_disputed
from dateline.store.index import order_key
from dateline.store.model import Event, Source
from dateline.store.query import EventFilter

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline


def _created_day(stamp: str) -> date | None:
    try:
        return date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def published_day(source: Source) -> date | None:
    """When ``source`` became known: its publication date, else the day it
    was saved here."""
    return source.published or _created_day(source.created)


def _known(day: date | None, as_of: date) -> bool:
    # A record that cannot say when it came is shown: hiding it would hide
    # evidence for a reason the user cannot see.
    return day is None or day <= as_of


def known_then(
    event: Event, sources: Mapping[str, Source], as_of: date
) -> Event | None:
    """``event`` as it stood on ``as_of`` (None when nothing of it was known).

    Only its claims and sources published by then stay; an event whose
    claims all came later is hidden. When the working date was taken from a
    claim not yet made, the earliest known claim's date stands in, so the
    row sits where the reader of the day would have put it. An event with no
    sources (made by hand) is known from the day it was created.
    """

    def known(source_id: str) -> bool:
        source = sources.get(source_id)
        return source is None or _known(published_day(source), as_of)

    kept_sources = tuple(s for s in event.sources if known(s))
    if event.claims:
        claims = tuple(c for c in event.claims if known(c.source))
        if not claims:
            return None
        when = event.when
        if all(c.when != when for c in claims) and any(
            c.when == when for c in event.claims
        ):
            when = claims[0].when
        if claims == event.claims and kept_sources == event.sources:
            return event
        return replace(event, claims=claims, sources=kept_sources, when=when)
    if event.sources:
        if not kept_sources:
            return None
        if kept_sources == event.sources:
            return event
        return replace(event, sources=kept_sources)
    return event if _known(_created_day(event.created), as_of) else None


def listed_as_of(
    events: Iterable[Event], sources: Mapping[str, Source], as_of: date | None
) -> list[Event]:
    """``events`` as known on ``as_of`` (all of them, unchanged, when None)."""
    if as_of is None:
        return list(events)
    shown = []
    moved = False
    for event in events:
        then = known_then(event, sources, as_of)
        if then is not None:
            shown.append(then)
            moved = moved or then.when != event.when
    # A working date taken back to an earlier claim moves the row.
    return sorted(shown, key=order_key) if moved else shown


def events_as_of(
    timeline: Timeline, flt: EventFilter | None, as_of: date | None
) -> list[Event]:
    """``timeline.events(flt)`` as known on ``as_of``: the disputed filter
    then follows the claims known that day, not today's."""
    if as_of is None:
        return timeline.events(flt)
    flt = flt or EventFilter()
    events = timeline.events(replace(flt, disputed_only=False))
    shown = listed_as_of(events, timeline.sources_by_id, as_of)
    return [e for e in shown if is_disputed(e)] if flt.disputed_only else shown
