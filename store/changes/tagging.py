"""Tag several events at once: add some tags, take others off, one undo step.

The explorer's bulk tag (``T`` on the marked events) and ``dateline tag``
come here, so the rule for what a tag edit does lives once: a tag already
there (case and accents aside) is not added twice, and removing one takes
off every spelling of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dateline.store.errors import DatelineError
from dateline.store.model import Event, touched
from dateline.store.names import fold
from dateline.store.timeline import Timeline


@dataclass(frozen=True)
class TagEdit:
    """Tags to add and tags to take off, as typed ("kurds, -draft")."""

    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()

    @classmethod
    def read(cls, typed: str) -> TagEdit:
        """Words separated by commas; a word starting with "-" is taken off."""
        add: list[str] = []
        remove: list[str] = []
        for raw in typed.replace("#", ",").split(","):
            word = " ".join(raw.split())
            target = add
            if word.startswith("-"):
                word, target = " ".join(word[1:].split()), remove
            if word and fold(word) not in {fold(t) for t in target}:
                target.append(word)
        if not add and not remove:
            raise DatelineError(
                'Type tags to add, separated by commas; "-tag" takes one off.'
            )
        return cls(tuple(add), tuple(remove))


def retagged(event: Event, edit: TagEdit) -> tuple[str, ...]:
    """The tags ``event`` has after ``edit``."""
    gone = {fold(t) for t in edit.remove}
    tags = [t for t in event.tags if fold(t) not in gone]
    held = {fold(t) for t in tags}
    for tag in edit.add:
        if fold(tag) not in held:
            tags.append(tag)
            held.add(fold(tag))
    return tuple(tags)


def tag_events(
    timeline: Timeline, events: Iterable[Event], edit: TagEdit
) -> list[Event]:
    """Apply ``edit`` to ``events`` (as the caller showed them) in one change;
    the events it changed, as saved. An event changed elsewhere meanwhile
    makes the whole change refused (ConflictError), so none is half-tagged."""
    changed = []
    with timeline.change() as tx:
        for event in events:
            tags = retagged(event, edit)
            if tags != event.tags:
                new = touched(event, tags=tags)
                tx.update(event, new)
                changed.append(new)
    return changed
