"""The review queue: accept, reject or merge events extracted from articles.

Each decision is one durable step and one undo step. Rejecting an extracted
event keeps its quotes (they are still words in the article) and only
detaches them; merging moves the pending event's quotes, sources, actors,
claims, notes, star and links to the chosen event and deletes the pending one
(the explorer's "same as" link merges two events this way too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.store.changes.annotations import drop_links_to, redirect_links
from dateline.store.errors import DatelineError
from dateline.store.evidence.matching import absorbed
from dateline.store.linking import merged_notes, moved_links
from dateline.store.model import Event, touched
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline

__all__ = [
    "Evidence",
    "ReviewError",
    "accept_event",
    "evidence",
    "merge_event",
    "pending_events",
    "reject_event",
]


class ReviewError(DatelineError):
    """A review decision that cannot be made (e.g. merging into itself)."""


def pending_events(timeline: Timeline, source_id: str | None = None) -> list[Event]:
    """Extracted events awaiting review, in date order; of one source if given."""
    events = timeline.events(EventFilter(pending_only=True))
    if source_id is not None:
        events = [e for e in events if source_id in e.sources]
    return events


def accept_event(timeline: Timeline, event_id: str) -> Event:
    """Mark a pending event accepted: it becomes a normal event."""
    return accept_events(timeline, [event_id])[0]


def accept_events(timeline: Timeline, event_ids: Sequence[str]) -> list[Event]:
    """Accept several pending events as one step (one undo brings all back)."""
    accepted = []
    with timeline.change() as tx:
        for event_id in event_ids:
            event = touched(timeline.event(event_id), review="accepted")
            tx.put(event)
            accepted.append(event)
    return accepted


def reject_event(timeline: Timeline, event_id: str) -> Event:
    """Delete the event; its quotes stay, attached to no event."""
    return reject_events(timeline, [event_id])[0]


def reject_events(timeline: Timeline, event_ids: Sequence[str]) -> list[Event]:
    """Reject several events as one step; their quotes stay, unattached, and
    links to them from other events go."""
    rejected = []
    with timeline.change() as tx:
        for event_id in event_ids:
            event = timeline.event(event_id)
            tx.delete(event)
            for quote_id in event.quotes:
                quote = timeline.quotes_by_id.get(quote_id)
                if quote is not None and quote.event == event_id:
                    tx.put(touched(quote, event=None))
            rejected.append(event)
        drop_links_to(timeline, tx, set(event_ids))
    return rejected


def merge_event(timeline: Timeline, pending_id: str, target_id: str) -> Event:
    """Fold ``pending_id`` into ``target_id``; returns the target as saved."""
    if pending_id == target_id:
        raise ReviewError(
            "Pick another event to merge into; an event cannot absorb itself."
        )
    with timeline.change() as tx:
        pending = timeline.event(pending_id)
        target = timeline.event(target_id)
        # The pending event's claims (its source's date), actors, sources
        # and quotes join the target's (one home: ``absorbed``); notes, star
        # and links come along, and links to the pending event now point at
        # the target, so none is left pointing nowhere.
        merged = replace(
            absorbed(target, pending),
            starred=target.starred or pending.starred,
            notes=merged_notes(target.notes, pending.notes),
            links=moved_links(
                (*target.links, *pending.links), pending_id, target_id, target_id
            ),
        )
        tx.put(merged)
        tx.delete(pending)
        redirect_links(timeline, tx, pending_id, target_id, {target_id, pending_id})
        for quote_id in pending.quotes:
            quote = timeline.quotes_by_id.get(quote_id)
            if quote is not None and quote.event in (pending_id, None):
                tx.put(touched(quote, event=target_id))
    return merged


@dataclass(frozen=True)
class Evidence:
    """Where an extracted event came from: its sentence and, within it, the
    span of the date expression (None when the words cannot be found)."""

    sentence: str
    highlight: tuple[int, int] | None
    source_title: str


def evidence(timeline: Timeline, event: Event) -> Evidence:
    """The sentence an extracted event was read from, with its date marked.

    Ingestion stores that sentence as the summary; a summary the user has
    since rewritten is shown as it is, with the date marked if it is there.
    """
    sentence = event.summary or event.title
    text = event.when.text
    highlight = None
    if text:
        words = r"\s+".join(re.escape(w) for w in text.split())
        match = re.search(words, sentence)
        if match is not None:
            highlight = match.span()
    title = ""
    for source_id in event.sources:
        source = timeline.sources_by_id.get(source_id)
        if source is not None:
            title = source.title
            break
    return Evidence(sentence, highlight, title)
