"""What was known on a given day: the events and claims whose sources had
been published by then, so a reader can follow how a story developed and
see when a date was corrected.
"""

from __future__ import annotations

import bisect
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


def published_day(source: Source) -> date | None:
    """When ``source`` became known: its publication date, else the day it
    was saved here."""
    if source.published is not None:
        return source.published
    try:
        return date.fromisoformat(source.created[:10])
    except ValueError:
        return None


def _late(sources: Mapping[str, Source], as_of: date) -> frozenset[str]:
    """The ids of the sources not yet published on ``as_of``. A record that
    cannot say when it came counts as known: hiding it would hide evidence
    for a reason the user cannot see."""
    late = set()
    for source_id, source in sources.items():
        day = published_day(source)
        if day is not None and day > as_of:
            late.add(source_id)
    return frozenset(late)


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
    return _then(event, _late(sources, as_of), as_of.isoformat())


def _then(event: Event, late: frozenset[str], as_of: str) -> Event | None:
    if not event.sources and not event.claims:
        # ISO stamps compare as text (no parsing per event); a stamp that
        # is not a date shows, as an undated source does.
        stamp = event.created[:10]
        dated = len(stamp) == 10 and stamp[:4].isdigit()
        return None if dated and stamp > as_of else event
    kept_sources = tuple(s for s in event.sources if s not in late)
    if event.claims:
        claims = tuple(c for c in event.claims if c.source not in late)
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
    if not kept_sources:
        return None
    if kept_sources == event.sources:
        return event
    return replace(event, sources=kept_sources)


def listed_as_of(
    events: Iterable[Event], sources: Mapping[str, Source], as_of: date | None
) -> list[Event]:
    """``events`` as known on ``as_of`` (all of them, unchanged, when None)."""
    if as_of is None:
        return list(events)
    late, day = _late(sources, as_of), as_of.isoformat()
    kept: list[Event] = []
    moved: list[Event] = []
    for event in events:
        then = _then(event, late, day)
        if then is not None:
            (kept if then.when is event.when else moved).append(then)
    return _merged(kept, moved) if moved else kept


def _merged(kept: list[Event], moved: list[Event]) -> list[Event]:
    """``moved`` (rows whose working date went back to an earlier claim)
    put in their places among ``kept`` (still in date order): a key for each
    moved row and a few probes each, not a sort of them all."""
    moved.sort(key=order_key)
    out: list[Event] = []
    lo = 0
    for event in moved:
        at = bisect.bisect_left(kept, order_key(event), lo=lo, key=order_key)
        out.extend(kept[lo:at])
        out.append(event)
        lo = at
    out.extend(kept[lo:])
    return out


def events_as_of(
    timeline: Timeline, flt: EventFilter | None, as_of: date | None
) -> list[Event]:
    """``timeline.events(flt)`` as known on ``as_of``: the disputed filters
    (only disputed, or not disputed) then follow the claims known that day,
    not today's."""
    if as_of is None:
        return timeline.events(flt)
    flt = flt or EventFilter()
    events = timeline.events(replace(flt, disputed_only=False, not_disputed=False))
    shown = listed_as_of(events, timeline.sources_by_id, as_of)
    if flt.disputed_only:
        shown = [e for e in shown if is_disputed(e)]
    if flt.not_disputed:
        shown = [e for e in shown if not is_disputed(e)]
    return shown
