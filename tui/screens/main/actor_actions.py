"""The main screen's actor keys: edit (rename, aliases, merge) and remove.

In the Actors pane ``e`` edits and ``d`` removes the highlighted actor; from
anywhere ``A`` (or the palette's "Edit an actor") picks one by name first.
Both end in ``ActorEditScreen`` or a y/n question, and each change is one
undo step like any other.
"""

from __future__ import annotations

from dateline.store.changes.actors import delete_actor
from dateline.store.model import Actor
from dateline.tui.screens.main.editing import EditActions
from dateline.tui.widgets.panes import ActorsPane
from textual.binding import Binding

ACTOR_BINDINGS = [
    Binding("A", "edit_actor", "Edit an actor", show=False, id="actors.edit_any"),
]


class ActorActions(EditActions):
    """Opening the actor editor and removing actors from the main screen."""

    def _pane_actor(self) -> Actor | None:
        """The actor highlighted in the Actors pane, when the pane has focus."""
        pane = self.query_one(ActorsPane)
        option = pane.highlighted_option if pane.has_focus else None
        if option is None or option.id is None:
            return None
        return self.timeline.actors_by_id.get(option.id)

    def action_edit_actor(self) -> None:
        actor = self._pane_actor()
        if actor is not None:
            self.edit_actor(actor.id)
            return
        if not self.timeline.actors_by_id:
            self.notify("No actors yet: add an event that names someone.")
            return
        from dateline.tui.screens.actor_edit import ActorMergePickerScreen

        def picked(actor_id: str | None) -> None:
            if actor_id is not None:
                self.edit_actor(actor_id)

        picker = ActorMergePickerScreen(self.timeline, title="Edit which actor?")
        self.app.push_screen(picker, picked)

    def edit_actor(self, actor_id: str) -> None:
        from dateline.tui.screens.actor_edit import ActorEditScreen

        screen = ActorEditScreen(self.timeline, actor_id)
        name = screen.actor.name

        def done(saved: Actor | None) -> None:
            if screen.removed:
                self.after_change()
                self.notify(f"Removed {name}. Press u to undo.")
            elif saved is not None:
                self.after_change()
                self.notify(f"Saved {saved.name}. Press u to undo.")

        self.app.push_screen(screen, done)

    def action_remove_actor(self) -> None:
        actor = self._pane_actor()
        if actor is None:
            self.notify("Highlight an actor in the Actors pane to remove it.")
            return
        from dateline.tui.screens.actor_edit import removal_question
        from dateline.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def remove() -> None:
                delete_actor(self.timeline, actor.id, loaded=actor)
                self.after_change()
                self.notify(f"Removed {actor.name}. Press u to undo.")

            self._guarded(remove)

        question = removal_question(self.timeline, actor)
        self.app.push_screen(ConfirmScreen(question), answered)
