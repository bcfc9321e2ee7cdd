"""Editing one actor: rename, aliases, kind, description, or merge into another.

Opened from the actors pane. Saving goes through ``store.changes.actors`` and is
one durable, undoable step; a name that already belongs to someone else is
refused with a message under the names and nothing typed is lost. "Merge
into…" picks the actor to keep from a fuzzy list and asks before folding
this one into it: its events and quotes follow, its names become aliases.
"Remove…" asks, then takes a junk actor off its events (undo brings it back).
"""

from __future__ import annotations

from typing import ClassVar

from dateline.store.changes.actors import (
    ActorEditError,
    delete_actor,
    merge_actors,
    update_actor,
)
from dateline.store.errors import DatelineError, counted
from dateline.store.model import ACTOR_KINDS, Actor
from dateline.store.timeline import Timeline
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.view.inert import inert
from dateline.tui.view.ranking import rank
from dateline.tui.view.typed_names import split_names
from dateline.tui.widgets.form_inert import InertInput, InertTextArea
from dateline.tui.widgets.form_layout import (
    FORM_CSS,
    after_typed_keys,
    error_line,
    fit_body,
    form_row,
    show_error,
)
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option


def _plain(text: str) -> str:
    """Store text made safe for a border title, which reads markup."""
    return escape(inert(text, single_line=True))


class ActorMergePickerScreen(ModalScreen[str | None]):
    """Pick the actor to merge into by typing part of any of its names;
    dismisses with its id. The filter's several-actor picker is
    ``dateline.tui.screens.actor_picker.ActorPickerScreen``."""

    DEFAULT_CSS = """
    ActorMergePickerScreen {
        align: center middle;
        background: $background 60%;
    }
    ActorMergePickerScreen > Vertical {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 80%;
        border: round $primary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    ActorMergePickerScreen Input {
        background: $boost;
        padding: 0 1;
        margin: 1 0;
    }
    /* As tall as its actors, up to half the screen, then it scrolls; the
       box around it still fits an 80x24 terminal. */
    ActorMergePickerScreen #picker-list {
        height: auto;
        max-height: 50vh;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="picker.up"),
    ]

    def __init__(
        self, timeline: Timeline, *, exclude: str | None = None, title: str = ""
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self._actors = [a for a in timeline.actors() if a.id != exclude]
        self._title = title or "Pick an actor"

    def compose(self) -> ComposeResult:
        box = Vertical()
        box.border_title = _plain(self._title)
        box.border_subtitle = "type to narrow · ↑↓ · enter pick · esc cancel"
        with box:
            yield InertInput(
                placeholder="name or alias", id="picker-query", compact=True
            )
            yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        self._fill("")

    def ranked(self, query: str) -> list[Actor]:
        """Actors matching ``query`` on any name or alias, best first."""
        return [actor for actor, _ in rank(query, self._actors, lambda a: a.names)]

    def _fill(self, query: str) -> None:
        options = self.query_one("#picker-list", OptionList)
        options.clear_options()
        for actor in self.ranked(query):
            events = self.timeline.actor_event_count(actor.id)
            # One line per actor: a long alias list is what gives way to "…".
            line = (
                f"{inert(actor.name, single_line=True)}  · {counted(events, 'event')}"
            )
            if actor.aliases:
                aliases = inert(", ".join(actor.aliases), single_line=True)
                line += f"  ({aliases})"
            options.add_option(Option(Content(line), actor.id))
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#picker-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-query")
    def _query_submitted(self) -> None:
        options = self.query_one("#picker-list", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one("#picker-list", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class ActorEditScreen(ModalScreen[Actor | None]):
    """Edit the actor ``actor_id``; dismisses with it as saved (the kept actor
    after a merge), or None when cancelled or removed (``removed`` tells)."""

    DEFAULT_CSS = (
        """
    ActorEditScreen {
        align: center middle;
        background: $background 60%;
    }
    ActorEditScreen .form-box {
        max-width: 90;
    }
    ActorEditScreen #kind {
        layout: horizontal;
        height: 1;
        width: auto;
        border: none;
        padding: 0;
        background: transparent;
    }
    ActorEditScreen #kind RadioButton {
        width: auto;
        margin-right: 2;
    }
    ActorEditScreen #description {
        height: 3;
    }
    ActorEditScreen #actor-merge {
        dock: left;
    }
    ActorEditScreen #actor-remove {
        dock: left;
        margin-left: 14;
    }
    """
        + FORM_CSS
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="actor.save"),
        Binding("escape", "cancel", "Cancel", id="actor.cancel"),
    ]

    def __init__(self, timeline: Timeline, actor_id: str) -> None:
        super().__init__()
        self.timeline = timeline
        self.actor = timeline.actor(actor_id)
        self._initial: tuple[object, ...] = ()
        #: Set when the actor was removed from the timeline here.
        self.removed = False

    def compose(self) -> ComposeResult:
        actor = self.actor
        events = self.timeline.actor_event_count(actor.id)
        quotes = len(self.timeline.quotes(speakers=[actor.id]))
        box = Vertical(classes="form-box")
        box.border_title = f"Edit actor · {_plain(actor.name)}"
        box.border_subtitle = "enter next field · ctrl+s save · esc cancel"
        with box:
            with VerticalScroll(classes="form-body", can_focus=False):
                yield form_row("Name", _input(actor.name, "full name", "name"))
                yield form_row(
                    "Aliases",
                    _input(", ".join(actor.aliases), "comma-separated", "aliases"),
                    error_line("names"),
                )
                yield form_row(
                    "Kind",
                    RadioSet(
                        *(RadioButton(k, value=k == actor.kind) for k in ACTOR_KINDS),
                        id="kind",
                    ),
                )
                yield form_row(
                    "About",
                    InertTextArea(actor.description, id="description", compact=True),
                    Static(
                        f"Named in {counted(events, 'event')}; "
                        f"speaker of {counted(quotes, 'quote')}.",
                        classes="note",
                        markup=False,
                    ),
                )
            with Vertical(classes="form-footer"):
                yield error_line("form")
                with Horizontal(classes="form-buttons"):
                    yield Button("Merge into…", id="actor-merge", compact=True)
                    yield Button("Remove…", id="actor-remove", compact=True)
                    yield Button(
                        "Save ctrl+s", id="actor-save", variant="primary", compact=True
                    )
                    yield Button("Cancel esc", id="actor-cancel", compact=True)

    def on_mount(self) -> None:
        self._initial = self._values()
        self.query_one("#name", Input).focus()

    def on_resize(self, event: events.Resize) -> None:
        fit_body(self.query_one(".form-body"), event.size.height)

    # -- reading the form ------------------------------------------------
    def _values(self) -> tuple[str, tuple[str, ...], str, str]:
        pressed = self.query_one("#kind", RadioSet).pressed_index
        return (
            " ".join(self.query_one("#name", Input).value.split()),
            tuple(split_names(self.query_one("#aliases", Input).value)),
            ACTOR_KINDS[pressed] if pressed >= 0 else self.actor.kind,
            self.query_one("#description", TextArea).text.strip(),
        )

    @property
    def changed(self) -> bool:
        return self._values() != self._initial

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Input.Changed, "#name, #aliases")
    def _names_changed(self) -> None:
        show_error(self.query_one("#error-names", Static), "")

    # -- saving ----------------------------------------------------------
    def action_save(self) -> None:
        after_typed_keys(self, self._save_now)

    def _save_now(self) -> None:
        """Save what changed; a refusal is shown and the form stays open."""
        show_error(self.query_one("#error-form", Static), "")
        if not self.changed:
            self.dismiss(self.timeline.actors_by_id.get(self.actor.id, self.actor))
            return
        name, aliases, kind, description = self._values()
        was = self._initial
        try:
            # The actor as this form showed it: if another window changed it
            # meanwhile, the store refuses rather than overwrite that change.
            saved = update_actor(
                self.timeline,
                self.actor.id,
                name=name if name != was[0] else None,
                aliases=aliases if aliases != was[1] else None,
                kind=kind if kind != was[2] else None,  # type: ignore[arg-type]
                description=description if description != was[3] else None,
                loaded=self.actor,
            )
        except ActorEditError as exc:
            show_error(self.query_one("#error-names", Static), str(exc))
            self.query_one("#name", Input).focus()
            return
        except DatelineError as exc:
            show_error(self.query_one("#error-form", Static), str(exc))
            return
        self.dismiss(saved)

    def action_merge(self) -> None:
        """Pick the actor to keep, confirm, and fold this one into it."""
        title = f"Merge {self.actor.name} into…"
        picker = ActorMergePickerScreen(
            self.timeline, exclude=self.actor.id, title=title
        )
        self.app.push_screen(picker, self._merge_picked)

    def _merge_picked(self, keep_id: str | None) -> None:
        if keep_id is None:
            return
        keep = self.timeline.actor(keep_id)
        events = self.timeline.actor_event_count(self.actor.id)
        quotes = len(self.timeline.quotes(speakers=[self.actor.id]))
        question = (
            f"Merge {self.actor.name} into {keep.name}? "
            f"{counted(events, 'event')} and {counted(quotes, 'quote')} move to "
            f"{keep.name}, and {self.actor.name}'s names become its aliases."
        )
        if self.changed:
            question += " Your unsaved edits here are dropped."

        def answered(yes: bool | None) -> None:
            if yes:
                self._merge(keep_id)

        self.app.push_screen(ConfirmScreen(question), answered)

    def _merge(self, keep_id: str) -> None:
        try:
            kept = merge_actors(self.timeline, keep_id, self.actor.id)
        except DatelineError as exc:
            show_error(self.query_one("#error-form", Static), str(exc))
            return
        self.dismiss(kept)

    def action_remove(self) -> None:
        """Ask, then take this actor off the timeline (one undo step)."""
        actor = self.actor

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_actor(self.timeline, actor.id, loaded=actor)
            except DatelineError as exc:
                show_error(self.query_one("#error-form", Static), str(exc))
                return
            self.removed = True
            self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(removal_question(self.timeline, actor)), answered
        )

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        question = f"Discard your changes to {self.actor.name}?"
        self.app.push_screen(ConfirmScreen(question), answered)

    @on(Button.Pressed, "#actor-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#actor-merge")
    def _merge_pressed(self) -> None:
        self.action_merge()

    @on(Button.Pressed, "#actor-remove")
    def _remove_pressed(self) -> None:
        self.action_remove()

    @on(Button.Pressed, "#actor-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


def removal_question(timeline: Timeline, actor: Actor) -> str:
    """What removing ``actor`` would do, as a y/n question."""
    events = timeline.actor_event_count(actor.id)
    quotes = len(timeline.quotes(speakers=[actor.id]))
    question = f"Remove {actor.name}? It comes off {counted(events, 'event')}"
    if quotes:
        question += f"; its {counted(quotes, 'quote')} keep their words, unattributed"
    return question + ". u undoes it."


def _input(value: str, placeholder: str, widget_id: str) -> Input:
    return InertInput(value, placeholder=placeholder, id=widget_id, compact=True)
