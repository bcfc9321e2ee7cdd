"""The main screen's working set: marks for bulk tagging, and the order of
events within a day.

``m`` marks the highlighted event (a sign in its gutter, "N marked" in the
header); ``T`` adds or takes off tags on every marked event, or on the
highlighted one when none is marked, as one undo step; esc asks before it
clears the marks. Marks are this session's, never saved. ``(`` and ``)``
move the highlighted event up or down among the events of its day (``<``
and ``>`` already step through the overview ribbon).
"""

from __future__ import annotations

from dateline.store.changes.ordering import move_in_day
from dateline.store.changes.tagging import TagEdit, tag_events
from dateline.store.errors import DatelineError, counted
from dateline.tui.screens.main.filtering import FilterActions
from dateline.tui.widgets.completion import ListSuggester
from textual.binding import Binding

MARK_BINDINGS = [
    Binding("m", "toggle_mark", "Mark / unmark", show=False, id="mark.toggle"),
    Binding("T", "bulk_tag", "Tag marked events", show=False, id="mark.tag"),
    Binding(
        "left_parenthesis",
        "move_in_day(-1)",
        "Move up within its day",
        show=False,
        id="mark.day_up",
    ),
    Binding(
        "right_parenthesis",
        "move_in_day(1)",
        "Move down within its day",
        show=False,
        id="mark.day_down",
    ),
]


class MarkActions(FilterActions):
    """Marks, bulk tags and the order within a day."""

    def set_marked(self, marked: frozenset[str]) -> None:
        self.marked = marked
        self.view.set_marked(marked)
        self.update_header()

    def action_toggle_mark(self) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to mark.")
            return
        self.set_marked(self.marked ^ {event.id})
        self.view.action_move(1)

    def action_drop_last(self) -> None:
        if not self.marked:
            super().action_drop_last()
            return
        from dateline.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.set_marked(frozenset())

        count = counted(len(self.marked), "marked event")
        self.app.push_screen(
            ConfirmScreen(f"Clear the marks of {count}? (y/n)"), answered
        )

    def _targets(self) -> list[str]:
        """The marked events still there, else the highlighted one."""
        held = self.timeline.events_by_id
        ids = [i for i in self.marked if i in held]
        if not ids and self.view.event is not None:
            ids = [self.view.event.id]
        return ids

    def action_bulk_tag(self) -> None:
        targets = self._targets()
        if not targets:
            self.notify("No event to tag: mark some with m, or highlight one.")
            return
        what = (
            counted(len(targets), "marked event")
            if self.marked
            else "the highlighted event"
        )
        tags = self.timeline.tags()
        self.prompt.ask(
            "bulk-tag",
            f"Tags for {what} (commas; -tag takes one off):",
            "checked, kurds, -draft",
            suggester=ListSuggester(tags),
        )

    def other_answer(self, kind: str, value: str) -> str | None:
        if kind == "bulk-tag":
            return self._answer_bulk_tag(value)
        return super().other_answer(kind, value)

    def _answer_bulk_tag(self, value: str) -> str | None:
        if not value:
            return None
        try:
            edit = TagEdit.read(value)
        except DatelineError as exc:
            return str(exc)
        held = self.timeline.events_by_id
        events = [held[i] for i in self._targets()]
        try:
            changed = len(tag_events(self.timeline, events, edit))
        except DatelineError as exc:
            return str(exc)
        self.after_change()
        self.notify(
            f"Tagged {counted(changed, 'event')}"
            + (f" of {len(events)}" if changed != len(events) else "")
            + ". Press u to undo."
        )
        return None

    def action_move_in_day(self, step: int) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to move.")
            return
        try:
            moved = move_in_day(self.timeline, event, step)
        except DatelineError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=8)
            return
        if moved == "moved":
            self.after_change(event.id)
        elif moved == "alone":
            self.notify("No other event shares its day (and precision) to move past.")
        else:
            self.notify(f"Already the {moved} of its day.")
