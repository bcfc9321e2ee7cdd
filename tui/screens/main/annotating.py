"""The main screen's keys for what a reader adds to an event: ``;`` a note,
``s`` a star, ``*`` starred events only, ``&`` a link to another event
(with ``same as`` offering to merge the two).

Each change is one store call (``dateline.store.changes.annotations``), one
undo step, durable when the notification says it is done.
"""

from __future__ import annotations

from dateline.store.changes.annotations import add_link, add_note, set_star
from dateline.store.changes.review import merge_event
from dateline.store.errors import DatelineError
from dateline.store.model import Event, LinkKind
from dateline.tui.screens.main.editing import EditActions
from dateline.tui.screens.main.editing import _title as short_title
from dateline.tui.view.filters import FilterState, Part
from textual.binding import Binding

ANNOTATION_BINDINGS = [
    Binding("semicolon", "note", "Note", show=False, id="note.add"),
    Binding("s", "star", "Star / unstar", show=False, id="note.star"),
    Binding("asterisk", "starred_only", "Starred only", show=False, id="note.starred"),
    Binding("ampersand", "link", "Link to event", show=False, id="note.link"),
]


class AnnotationActions(EditActions):
    """Notes, stars and links from the timeline."""

    #: The event the open note prompt writes on.
    _noting: Event | None = None

    def action_star(self) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to star.")
            return

        def star() -> None:
            saved = set_star(self.timeline, event.id, not event.starred, loaded=event)
            self.after_change(saved.id)
            title = short_title(saved.title)
            if saved.starred:
                self.notify(f"Starred “{title}”; * shows starred only, u undoes.")
            else:
                self.notify(f"Took the star off “{title}”; u undoes.")

        self._guarded(star)

    def action_starred_only(self) -> None:
        starred = any(p.kind == "starred" for p in self.filters.parts)
        filters = (
            self.filters.remove("starred")
            if starred
            else self.filters.add(Part("starred", "starred"))
        )
        self.filters = filters
        self.refill()

    def action_note(self) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to note.")
            return
        self._noting = event
        count = len(event.notes)
        had = f" ({count} so far; enter on the event lists them)" if count else ""
        self.prompt.ask(
            "note", f"Note on “{short_title(event.title)}”{had}; esc cancels:"
        )

    def other_answer(self, kind: str, value: str) -> str | None:
        if kind == "note":
            return self.answer_note(value)
        return super().other_answer(kind, value)

    def answer_note(self, value: str) -> str | None:
        """Save the note typed; a message for the prompt if it cannot be."""
        event = self._noting
        if event is None:
            return None
        if not value:
            return "Type the note, or press esc to leave it."
        if self.snapshots.snapshot_running:
            return "Saving a snapshot of the file; press enter again in a moment."
        try:
            saved = add_note(self.timeline, event.id, value, loaded=event)
        except DatelineError as exc:
            return str(exc)
        self._noting = None
        self.after_change(saved.id)
        self.notify(f"Noted on “{short_title(saved.title)}”; u undoes.")
        return None

    def action_link(self) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to link.")
            return
        if len(self.timeline) < 2:
            self.notify("Add another event first: a link joins two events.")
            return
        from dateline.tui.screens.link_picker import LinkPickerScreen

        def picked(result: tuple[str, LinkKind] | None) -> None:
            if result is not None:
                self._save_link(event, *result)

        self.app.push_screen(LinkPickerScreen(self.timeline, event), picked)

    def _save_link(self, event: Event, other_id: str, kind: LinkKind) -> None:
        other = self.timeline.events_by_id.get(other_id)
        if other is None:
            return

        def link() -> None:
            add_link(self.timeline, event.id, kind, other_id, loaded=event)
            self.after_change(event.id)
            a, b = short_title(event.title), short_title(other.title)
            self.notify(f"Linked: “{a}” {kind} “{b}”; u undoes.")
            if kind == "same as":
                self.offer_merge(event.id, other_id)

        self._guarded(link)

    def offer_merge(self, keep_id: str, fold_id: str) -> None:
        """Ask whether to merge ``fold_id`` into ``keep_id`` (one event),
        the review screen's merge: quotes, sources, actors, notes and links
        move to the one kept."""
        keep = self.timeline.events_by_id.get(keep_id)
        fold = self.timeline.events_by_id.get(fold_id)
        if keep is None or fold is None:
            return
        from dateline.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def merge() -> None:
                merged = merge_event(self.timeline, fold_id, keep_id)
                self.after_change(merged.id)
                self.notify(
                    f"Merged “{short_title(fold.title)}” into "
                    f"“{short_title(merged.title)}”; u undoes."
                )

            self._guarded(merge)

        question = (
            f"Merge “{short_title(fold.title)}” into “{short_title(keep.title)}”? "
            "(y/n)\nIts quotes, sources, actors, notes and links move over; "
            "u undoes."
        )
        self.app.push_screen(ConfirmScreen(question), answered)

    def jump_to(self, event_id: str) -> None:
        """Put the cursor on ``event_id``, clearing a filter that hides it."""
        if event_id not in self.timeline.events_by_id:
            self.notify("That event is missing (deleted since).", severity="warning")
            return
        if not self.view.select_id(event_id):
            self.filters = FilterState(match=self.filters.match)
            self.refill(event_id)
            self.notify("The filter hid that event, so it was cleared.")
