"""Links between events and notes, as plain rules on records: how a link
reads from its other end, which kinds there are in words, and how two copies'
notes and links come together. The timeline side is
``dateline.store.changes.annotations``; deleting an event uses
``without_links_to`` so that no saved link points nowhere.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from dateline.store.errors import DatelineError
from dateline.store.model import LINK_KINDS, Event, Link, LinkKind, Note, touched

#: How the other end of a link reads it: "A causes B" is "B caused by A".
INVERSE: dict[LinkKind, str] = {
    "follows": "followed by",
    "causes": "caused by",
    "responds to": "answered by",
    "contradicts": "contradicted by",
    "same as": "same as",
}


class LinkKindError(DatelineError):
    """Words that name no kind of link."""


def link_kind(words: str) -> LinkKind:
    """The kind named by ``words`` ("causes", "responds-to", "same_as")."""
    wanted = " ".join(words.replace("-", " ").replace("_", " ").split()).casefold()
    for kind in LINK_KINDS:
        if kind == wanted:
            return kind
    raise LinkKindError(
        f"{words!r} is not a kind of link; use one of: {', '.join(LINK_KINDS)}."
    )


def linking(events: Iterable[Event], targets: Collection[str]) -> list[Event]:
    """The events in ``events`` with a link to one of ``targets``."""
    # A scan, not an index: few events carry links, and this runs on a
    # delete or an event view, never on a key that moves the cursor.
    return [e for e in events if e.links and any(k.event in targets for k in e.links)]


def without_links_to(events: Iterable[Event], gone: Collection[str]) -> list[Event]:
    """The events (not themselves ``gone``) that link to ``gone`` ones, each
    with those links taken off: what to save beside the deletion."""
    return [
        touched(e, links=tuple(k for k in e.links if k.event not in gone))
        for e in linking(events, gone)
        if e.id not in gone
    ]


def moved_links(
    links: Iterable[Link], old: str, new: str, holder: str
) -> tuple[Link, ...]:
    """``links`` with ``old`` read as ``new``, each once, none to ``holder``."""
    moved = (Link(k.kind, new if k.event == old else k.event) for k in links)
    return tuple(dict.fromkeys(k for k in moved if k.event != holder))


def merged_notes(*sides: Iterable[Note]) -> tuple[Note, ...]:
    """Notes of several copies, each once, oldest first: the same note (text,
    author and time) on both copies is one note, and every other is kept."""
    notes = dict.fromkeys(note for side in sides for note in side)
    return tuple(sorted(notes, key=lambda n: n.at))


#: The event fields a reader adds (not evidence): copies that differ only in
#: these are joined on import rather than held as a conflict.
ANNOTATIONS = ("starred", "notes", "links")


def joined_annotations(mine: Event, theirs: Event) -> Event:
    """``mine`` with ``theirs``' notes and links added and starred if either
    is. Without the version both started from, a note deleted on one copy
    and kept on the other comes back: losing a note is worse."""
    return replace(
        mine,
        starred=mine.starred or theirs.starred,
        notes=merged_notes(mine.notes, theirs.notes),
        links=tuple(dict.fromkeys((*mine.links, *theirs.links))),
    )
