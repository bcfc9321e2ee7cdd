"""The main screen's data-changing actions: add, edit, delete, undo, redo.

Each change is durable when the store returns, so the notification that
follows tells the truth. After a change the timeline is laid out again with a
sensible event highlighted, and a due snapshot is started in a worker.
"""

from __future__ import annotations

from collections.abc import Callable

from dateline.store.disk import TimelineGoneError
from dateline.store.errors import DatelineError, counted
from dateline.store.model import Event
from dateline.store.timeline import Change
from dateline.tui.screens.main.host import MainHost
from dateline.tui.view.inert import inert
from textual.binding import Binding

EDIT_BINDINGS = [
    Binding("a", "add", "Add", id="edit.add"),
    Binding("e", "edit", "Edit", show=False, id="edit.edit"),
    Binding("d", "delete", "Delete", id="edit.delete"),
    Binding("u", "undo", "Undo", id="edit.undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="edit.redo"),
]


def _title(text: str) -> str:
    short = inert(text, single_line=True)
    return short if len(short) <= 60 else short[:59] + "…"


class EditActions(MainHost):
    """The main screen's keys that change data."""

    def _guarded(self, change: Callable[[], None]) -> None:
        """Run a store change; a user-level failure becomes a notification."""
        if self.snapshots.snapshot_running:
            self.notify(
                "Saving a snapshot of the file; try again in a moment.",
                severity="warning",
            )
            return
        try:
            change()
        except TimelineGoneError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=8)
            self.offer_write_back()
        except DatelineError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=8)

    # -- add and edit ------------------------------------------------------
    def _open_form(self, editing: Event | None) -> None:
        from dateline.tui.screens.event_form import EventFormScreen

        anchor = self.today
        label = "today"
        if editing is not None and editing.when.anchor is not None:
            anchor = editing.when.anchor
            label = "as first read"

        def saved(event: Event | None) -> None:
            if event is None:
                return
            verb = "Saved" if editing is not None else "Added"
            self.after_change(event.id)
            self.notify(f"{verb} “{_title(event.title)}”. Press u to undo.")

        form = EventFormScreen(
            self.timeline,
            editing=editing,
            anchor=anchor,
            anchor_label=label,
            date_order=self.date_order,
        )
        self.app.push_screen(form, saved)

    def action_add(self) -> None:
        self._open_form(None)

    def action_edit(self) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to edit.")
            return
        self._open_form(event)

    # -- delete --------------------------------------------------------------
    def action_delete(self) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to delete.")
            return
        from dateline.tui.screens.confirm import ConfirmScreen

        layout = self.view.layout_data
        index = self.view.cursor
        neighbour = None
        if index + 1 < len(layout.events):
            neighbour = layout.events[index + 1].id
        elif index > 0:
            neighbour = layout.events[index - 1].id

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def delete() -> None:
                self.timeline.delete_event(event.id, loaded=event)
                self.after_change(neighbour)
                self.notify(f"Deleted “{_title(event.title)}”. Press u to undo.")

            self._guarded(delete)

        question = (
            f"Delete “{_title(event.title)}”? (y/n)\n"
            "Quotes held only by it go too; u undoes."
        )
        self.app.push_screen(ConfirmScreen(question), answered)

    # -- undo and redo ---------------------------------------------------------
    def action_undo(self) -> None:
        self._replay(redo=False)

    def action_redo(self) -> None:
        self._replay(redo=True)

    def _replay(self, *, redo: bool) -> None:
        def replay() -> None:
            changes = self.timeline.redo() if redo else self.timeline.undo()
            word = "Redo" if redo else "Undo"
            if changes is None:
                self.notify(f"Nothing to {word.lower()}.")
                return
            keep, what = _describe(changes)
            self.after_change(keep)
            self.notify(f"{word}: {what}.")

        self._guarded(replay)


def _describe(changes: list[Change]) -> tuple[str | None, str]:
    """The event to highlight after replaying ``changes``, and what happened."""
    for change in changes:
        if change.table != "events":
            continue
        doc = change.after if change.after is not None else change.before
        title = _title(str(doc["title"])) if doc else "?"
        if change.after is None:
            return None, f"removed “{title}”"
        if change.before is None:
            return change.record_id, f"restored “{title}”"
        return change.record_id, f"reverted “{title}”"
    for change in changes:
        if change.table == "views":
            doc = change.after if change.after is not None else change.before
            name = _title(str(doc["name"])) if doc else "?"
            gone = change.after is None
            return None, f"the saved view “{name}” {'removed' if gone else 'restored'}"
    count = len(changes)
    return None, f"{counted(count, 'record')} changed back"
