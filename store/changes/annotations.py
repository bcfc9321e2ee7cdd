"""What a reader adds to an event beside the evidence: notes, a star, and
links to other events ("causes", "contradicts"...).

They live on the event record (``Event.notes``, ``starred``, ``links``), so
they travel with it through every save, export, import and undo. Each change
here is one ``timeline.change()``: one journal entry and one undo step. A
link is stored once, on the event it starts from; the other end reads it
backwards ("caused by") through ``links_of``. Deleting an event takes the
links to it away in the same step (``drop_links_to``), so no saved link
points nowhere; a file that still has one (an older copy, an import) opens,
and the link is shown as missing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from dateline.store.errors import DatelineError
from dateline.store.linking import INVERSE, linking, moved_links, without_links_to
from dateline.store.model import Event, Link, LinkKind, Note, touched, utc_now
from dateline.store.timeline import Timeline
from dateline.store.transaction import Transaction


class AnnotationError(DatelineError):
    """A note, star or link that cannot be made as asked."""


@dataclass(frozen=True)
class LinkShown:
    """One link as seen from an event: how it reads from here ("causes",
    "caused by"), the other event's id, and that event (None: missing)."""

    label: str
    other_id: str
    other: Event | None
    #: True when the link is stored on this event (it can be deleted here).
    outgoing: bool
    kind: LinkKind


def add_note(
    timeline: Timeline, event_id: str, text: str, *, loaded: Event | None = None
) -> Event:
    """Add a note by the timeline's author, now. ``loaded`` is the event as
    the caller showed it: a stale copy is refused (ConflictError)."""
    words = text.strip()
    if not words:
        raise AnnotationError("A note needs some text; nothing was saved.")
    note = Note(words, timeline.author, utc_now())
    return _change(timeline, event_id, loaded, lambda ev: {"notes": (*ev.notes, note)})


def delete_note(
    timeline: Timeline, event_id: str, number: int, *, loaded: Event | None = None
) -> tuple[Event, Note]:
    """Delete the ``number``-th note (from 1, as listed); the event as saved
    and the note taken off."""
    event = loaded or _event(timeline, event_id)
    if not 1 <= number <= len(event.notes):
        raise AnnotationError(_no_such("note", number, len(event.notes), event_id))
    gone = event.notes[number - 1]
    notes = event.notes[: number - 1] + event.notes[number:]
    return _change(timeline, event_id, loaded, lambda _: {"notes": notes}), gone


def set_star(
    timeline: Timeline, event_id: str, on: bool, *, loaded: Event | None = None
) -> Event:
    """Star (or unstar) an event; already so is no change."""
    event = loaded or _event(timeline, event_id)
    if event.starred == on:
        return event
    return _change(timeline, event_id, loaded, lambda _: {"starred": on})


def add_link(
    timeline: Timeline,
    event_id: str,
    kind: LinkKind,
    other_id: str,
    *,
    loaded: Event | None = None,
) -> Event:
    """Link ``event_id`` to ``other_id``: "event_id ``kind`` other_id"."""
    if other_id == event_id:
        raise AnnotationError("An event cannot be linked to itself; pick another.")
    if other_id not in timeline.events_by_id:
        raise AnnotationError(
            f"No event with id {other_id!r} to link to. "
            "`dateline list --format json` shows the ids."
        )
    link = Link(kind, other_id)
    event = loaded or _event(timeline, event_id)
    if link in event.links:
        return event
    return _change(timeline, event_id, loaded, lambda ev: {"links": (*ev.links, link)})


def delete_link(
    timeline: Timeline, event_id: str, number: int, *, loaded: Event | None = None
) -> tuple[Event, Link]:
    """Delete the ``number``-th link stored on the event (from 1)."""
    event = loaded or _event(timeline, event_id)
    if not 1 <= number <= len(event.links):
        raise AnnotationError(_no_such("link", number, len(event.links), event_id))
    gone = event.links[number - 1]
    links = event.links[: number - 1] + event.links[number:]
    return _change(timeline, event_id, loaded, lambda _: {"links": links}), gone


def links_of(timeline: Timeline, event: Event) -> list[LinkShown]:
    """Every link touching ``event``: its own first (as stored), then those
    from other events, read backwards. A link to an event that is not there
    is kept, with ``other`` None, so it can be shown as missing."""
    found = timeline.events_by_id
    shown = [
        LinkShown(link.kind, link.event, found.get(link.event), True, link.kind)
        for link in event.links
    ]
    for other in linking(timeline.events_by_id.values(), {event.id}):
        for link in other.links:
            if link.event == event.id:
                label = INVERSE[link.kind]
                shown.append(LinkShown(label, other.id, other, False, link.kind))
    return shown


def drop_links_to(timeline: Timeline, tx: Transaction, gone: Collection[str]) -> None:
    """In ``tx``, take the links to the events ``gone`` off every other event
    (the step that deletes them), so no link is left pointing nowhere."""
    tx.put(*without_links_to(timeline.events_by_id.values(), gone))


def redirect_links(
    timeline: Timeline, tx: Transaction, old: str, new: str, skip: Collection[str]
) -> None:
    """In ``tx``, point links to ``old`` at ``new`` instead (``old`` was
    merged into ``new``); events in ``skip`` are being saved by the caller."""
    for event in linking(timeline.events_by_id.values(), {old}):
        if event.id in skip:
            continue
        tx.put(touched(event, links=moved_links(event.links, old, new, event.id)))


def _event(timeline: Timeline, event_id: str) -> Event:
    event = timeline.events_by_id.get(event_id)
    if event is None:
        raise AnnotationError(
            f"No event with id {event_id!r} in {timeline.location}. "
            "`dateline list --format json` shows the ids."
        )
    return event


def _change(
    timeline: Timeline,
    event_id: str,
    loaded: Event | None,
    edit: Callable[[Event], dict[str, Any]],
) -> Event:
    """Save ``edit`` of the event as one step; ``loaded`` guards staleness."""
    with timeline.change() as tx:
        current = _event(timeline, event_id)
        base = loaded or current
        new = touched(base, **edit(base))
        tx.update(base, new)
    return new


def _no_such(what: str, number: int, count: int, event_id: str) -> str:
    if not count:
        return f"The event {event_id} has no {what}s to delete."
    return (
        f"The event {event_id} has no {what} {number}; its {what}s are "
        f"numbered 1 to {count} (list them with --list)."
    )
