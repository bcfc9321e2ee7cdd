"""When a second article tells of an event the timeline already holds, and
how its claim joins that event instead of making a second one.

The match is kept conservative: a wrong merge hides an event, a missed one
only leaves two rows the review screen can merge by hand. Two events are
one when they share an actor, have the same status, dates that overlap or
lie within ``NEAR_DAYS`` of each other, and alike titles.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta
from typing import TYPE_CHECKING

from dateline.store.evidence.agreement import overlap
from dateline.store.model import ActorRef, Claim, Event, FuzzyDate, touched
from dateline.store.names import fold, title_likeness
from dateline.store.query import EventFilter

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

#: How many days apart two claims about one event may be: sources that
#: disagree by a day or two are the disputes this feature is for.
NEAR_DAYS = 3
#: How alike two titles must be (``names.title_likeness``, the actors'
#: names left out) to tell of one event. High on purpose: two wire copies of
#: one lead sentence pass, "spoke by phone" and "accused ... of threats"
#: about the same two leaders (66) do not.
TITLES_ALIKE = 80


def _gap_days(a: FuzzyDate, b: FuzzyDate) -> int:
    if overlap(a, b):
        return 0
    return min(abs((b.start_day - a.end_day).days), abs((a.start_day - b.end_day).days))


def same_happening(a: Event, b: Event, names: Collection[str] = ()) -> bool:
    """Whether ``a`` and ``b`` tell of one event (see the module's rule);
    ``names`` are the folded words of their actors' names, left out of the
    titles' likeness."""
    if not set(a.actor_ids) & set(b.actor_ids) or a.status != b.status:
        return False
    if _gap_days(a.when, b.when) > NEAR_DAYS:
        return False
    return title_likeness(a.title, b.title, names) >= TITLES_ALIKE


def _name_words(timeline: Timeline, *events: Event) -> frozenset[str]:
    words: set[str] = set()
    for event in events:
        for actor_id in event.actor_ids:
            actor = timeline.actors_by_id.get(actor_id)
            if actor is not None:
                for name in actor.names:
                    words.update(fold(name).split())
    return frozenset(words)


def find_same(timeline: Timeline, event: Event) -> Event | None:
    """The event of ``timeline`` that ``event`` (new from an article) tells
    of again, or None. Events that already hold a claim of one of its
    sources are not candidates: one article's two events stay two."""
    if not event.actors:
        return None
    near = timedelta(days=NEAR_DAYS)
    candidates = timeline.events(
        EventFilter(
            actors=event.actor_ids,
            match="any",
            start=event.when.start_day - near,
            end=event.when.end_day + near,
        )
    )
    mine = set(event.sources)
    best, score = None, 0.0
    for other in candidates:
        if other.id == event.id or mine & set(other.sources):
            continue
        names = _name_words(timeline, event, other)
        if same_happening(event, other, names):
            alike = title_likeness(event.title, other.title, names)
            if alike > score:
                best, score = other, alike
    return best


def claims_of(event: Event) -> tuple[Claim, ...]:
    """The event's claims; an extracted event saved before claims existed
    claims its working date for its first source."""
    if event.claims:
        return event.claims
    if event.origin == "extracted" and event.sources:
        return (Claim(event.sources[0], event.when),)
    return ()


def absorbed(target: Event, incoming: Event) -> Event:
    """``target`` holding also the claims, actors, sources and quotes of
    ``incoming`` (one claim per source: the target's wins). Its working
    date, title and verification stay as they were."""
    claims = list(claims_of(target))
    have = {c.source for c in claims}
    claims.extend(c for c in claims_of(incoming) if c.source not in have)
    refs = list(target.actors)
    for ref in incoming.actors:
        if all(r.actor != ref.actor for r in refs):
            refs.append(ActorRef(ref.actor, ref.role))
    return touched(
        target,
        claims=tuple(claims),
        actors=tuple(refs),
        sources=tuple(dict.fromkeys((*target.sources, *incoming.sources))),
        quotes=tuple(dict.fromkeys((*target.quotes, *incoming.quotes))),
    )
