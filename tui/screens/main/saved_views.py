"""Saved views from the main screen: ``w`` keeps the current filters under a
name, in the timeline itself; the palette (ctrl+p) lists "View: NAME" to
apply one and "Delete view: NAME" to remove one (see ``SavedViewCommands``).
"""

from __future__ import annotations

from dateline.store.changes.views import (
    delete_view,
    find_view,
    save_view,
    saved_views,
)
from dateline.store.errors import DatelineError, quoted
from dateline.tui.screens.main.filtering import FilterActions
from dateline.tui.view.filters import FilterState
from dateline.tui.widgets.completion import ListSuggester
from textual.binding import Binding

SAVED_VIEW_BINDINGS = [
    Binding("w", "save_view", "Save filters as a view", show=False, id="views.save"),
]


class SavedViewActions(FilterActions):
    """Save the filters as a named view; apply or delete one by name."""

    def action_save_view(self) -> None:
        if self.filters.is_empty:
            self.notify(
                "Filter first (f actors, # tags, r dates, s status); "
                "then w saves the filters as a view."
            )
            return
        names = [v.name for v in saved_views(self.timeline)]
        self.prompt.ask(
            "save-view",
            "Save these filters as the view (a name; an old name is replaced):",
            "kurds, not Trump",
            suggester=ListSuggester(names),
        )

    def other_answer(self, kind: str, value: str) -> str | None:
        if kind == "save-view":
            return self._answer_save_view(value)
        return super().other_answer(kind, value)

    def _answer_save_view(self, value: str) -> str | None:
        if not value:
            return None
        try:
            view = save_view(self.timeline, value, self.filters.to_filter())
        except DatelineError as exc:
            return str(exc)
        self.notify(
            f"Saved the view {quoted(view.name)}; ctrl+p “View: {view.name}” "
            "applies it."
        )
        return None

    def apply_view(self, name: str) -> None:
        try:
            view = find_view(self.timeline, name)
        except DatelineError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        self.set_filters(FilterState.of_filter(view.event_filter))
        self.notify(f"View {quoted(view.name)}.", timeout=3)

    def ask_delete_view(self, name: str) -> None:
        from dateline.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                gone = delete_view(self.timeline, name)
            except DatelineError as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return
            self.notify(f"Deleted the view {quoted(gone.name)}. Press u to undo.")

        self.app.push_screen(
            ConfirmScreen(f"Delete the saved view {quoted(name)}? (y/n)"), answered
        )
