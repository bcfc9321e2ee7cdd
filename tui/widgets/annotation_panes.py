"""The event view's notes and links, one option per note or link.

Options carry their place in the list the screen keeps (``"0"``, ``"1"``...),
so a key on a highlighted one (delete, jump, merge) never searches again.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.store.changes.annotations import LinkShown
from dateline.store.dates.labels import format_when
from dateline.store.model import Note
from dateline.tui.view.inert import inert
from dateline.tui.widgets.panes import RecordPane
from rich.text import Text
from textual.binding import Binding, BindingType


def note_line(number: int, note: Note) -> Text:
    """ "1. text — author, 2026-01-10 14:05" (the time in UTC, as saved)."""
    line = Text(f"{number}. ", style="dim")
    line.append(inert(note.text, single_line=True))
    who = ", ".join(x for x in (note.author, note.at[:16].replace("T", " ")) if x)
    if who:
        line.append(f"  — {inert(who, single_line=True)}", style="italic dim")
    return line


def link_line(link: LinkShown) -> Text:
    """ "caused by  9 Jan 2026  Title", or the id marked missing."""
    line = Text(f"{link.label:<16}", style="bold")
    if link.other is None:
        line.append(f"{link.other_id} (missing: deleted, or not in this file)")
        line.stylize("dim", 16)
        return line
    line.append(f"{format_when(link.other.when)}  ", style="dim")
    line.append(inert(link.other.title, single_line=True))
    return line


class NotesPane(RecordPane):
    """Notes on the event, oldest first; ``d`` deletes the highlighted one."""

    EMPTY = "No notes (press ; in the timeline to add one)."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "screen.delete_note", "Delete note", id="notes.delete"),
    ]


class LinksPane(RecordPane):
    """Links to and from the event; enter jumps to the other event, ``d``
    deletes a link made here, ``m`` merges a "same as" pair."""

    EMPTY = "No links (press & in the timeline to link this event to another)."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "screen.delete_link", "Delete link", id="links.delete"),
        Binding("m", "screen.merge_same", "Merge (same as)", id="links.merge"),
    ]
