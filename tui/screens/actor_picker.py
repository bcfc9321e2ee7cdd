"""Pick actors to filter by: fuzzy type-ahead over names and aliases.

Type part of any name or alias ("lula", "da silva", "the U.S. president");
tab ticks the highlighted actor, so several can be chosen; ctrl+o switches
between events of all of them and of any of them; enter applies. A name
typed after "-" ("-trump"), or ctrl+x on the highlighted actor, leaves that
actor's events out instead.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.store.errors import counted
from dateline.store.model import Actor
from dateline.store.query import Match
from dateline.store.timeline import Timeline
from dateline.tui.view.inert import inert
from dateline.tui.view.ranking import rank
from dateline.tui.widgets.form_inert import InertInput
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList
from textual.widgets.selection_list import Selection

#: (actor ids wanted, all-of or any-of, actor ids left out)
Picked = tuple[tuple[str, ...], Match, tuple[str, ...]]


def rank_actors(timeline: Timeline, query: str) -> list[tuple[Actor, str]]:
    """Actors matching ``query``, best first, each with the alias that matched
    best when that alias is not the name itself ("" otherwise)."""
    ranked = rank(query, timeline.actors_by_id.values(), lambda actor: actor.names)
    return [(actor, "" if via == actor.name else via) for actor, via in ranked]


class ActorPickerScreen(ModalScreen[Picked | None]):
    """Dismisses with (actor ids, "all" | "any"), or None when cancelled."""

    DEFAULT_CSS = """
    /* Anchored near the top like the command palette: the box grows and
       shrinks with the matches as you type, and the input stays put. */
    ActorPickerScreen {
        align: center top;
    }
    ActorPickerScreen #picker-box {
        width: 70;
        max-width: 95%;
        height: auto;
        margin-top: 2;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    ActorPickerScreen #picker-input {
        width: 100%;
    }
    ActorPickerScreen #picker-state {
        height: auto;
        padding: 0 1;
    }
    ActorPickerScreen #picker-list {
        height: auto;
        max-height: 50vh;
        border: none;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="picker.cancel"),
        Binding("down", "cursor(1)", "Next actor", show=False, id="picker.down"),
        Binding("up", "cursor(-1)", "Previous actor", show=False, id="picker.up"),
        Binding("tab", "tick", "Tick / untick", id="picker.tick", priority=True),
        Binding("ctrl+o", "match", "All of / any of", id="picker.match", priority=True),
        Binding(
            "ctrl+x",
            "exclude",
            "Leave out / back in",
            id="picker.exclude",
            priority=True,
        ),
    ]

    def __init__(
        self,
        timeline: Timeline,
        chosen: tuple[str, ...],
        match: Match,
        excluded: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.timeline = timeline
        #: Ticked actor ids, in the order they were ticked.
        self.chosen = [a for a in chosen if a in timeline.actors_by_id]
        self.match: Match = match
        #: Actors whose events are left out ("-Trump").
        self.excluded = [a for a in excluded if a in timeline.actors_by_id]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box") as box:
            box.border_title = "Filter by actor"
            box.border_subtitle = (
                "tab tick · -name/ctrl+x leave out · ctrl+o all/any · enter apply"
            )
            yield InertInput(
                placeholder="Type a name or alias: lula, da silva, the U.S. president",
                id="picker-input",
            )
            yield Label(id="picker-state")
            yield SelectionList[str](id="picker-list")

    def on_mount(self) -> None:
        self.query_one(SelectionList).can_focus = False
        self._fill("")
        self._show_state()

    @property
    def options(self) -> SelectionList[str]:
        return self.query_one(SelectionList)

    def _fill(self, query: str) -> None:
        listing = self.options
        listing.clear_options()
        items = []
        for actor, alias in rank_actors(self.timeline, query.lstrip().lstrip("-")):
            count = self.timeline.actor_event_count(actor.id)
            prompt = Text(inert(actor.name, single_line=True))
            if actor.id in self.excluded:
                prompt = Text("not ", style="bold").append_text(prompt)
            if alias:
                prompt.append(f"  “{inert(alias, single_line=True)}”", style="italic")
            prompt.append(f"  {counted(count, 'event')}", style="dim")
            items.append(Selection(prompt, actor.id, actor.id in self.chosen))
        listing.add_options(items)
        listing.highlighted = 0 if items else None

    def _show_state(self, warning: str = "") -> None:
        names = [self.timeline.actors_by_id[a].name for a in self.chosen]
        text = Text()
        text.append("Events with ")
        text.append("all of" if self.match == "all" else "any of", style="bold")
        text.append(": ")
        text.append(
            inert(" + ".join(names), single_line=True)
            or "(tick with tab, or press enter)"
        )
        if self.excluded:
            left_out = [self.timeline.actors_by_id[a].name for a in self.excluded]
            text.append(" · not: ", style="bold")
            text.append(inert(", ".join(left_out), single_line=True))
        if warning:
            text.append(f"\n{warning}", style="bold")
        self.query_one("#picker-state", Label).update(text)

    @on(Input.Changed, "#picker-input")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)
        self._show_state()

    @on(SelectionList.SelectionToggled)
    def _clicked(self, event: SelectionList.SelectionToggled) -> None:
        self._set_ticked(str(event.selection.value))

    def _set_ticked(self, actor_id: str) -> None:
        ticked = actor_id in self.options.selected
        if ticked and actor_id not in self.chosen:
            self.chosen.append(actor_id)
        elif not ticked and actor_id in self.chosen:
            self.chosen.remove(actor_id)
        self._show_state()

    def _highlighted_id(self) -> str | None:
        listing = self.options
        if listing.highlighted is None:
            return None
        return str(listing.get_option_at_index(listing.highlighted).value)

    def action_cursor(self, step: int) -> None:
        listing = self.options
        if listing.option_count:
            current = listing.highlighted or 0
            listing.highlighted = max(0, min(listing.option_count - 1, current + step))

    def action_tick(self) -> None:
        actor_id = self._highlighted_id()
        if actor_id is None:
            return
        if self._typed_exclusion():
            self._exclude(actor_id)
            return
        self.options.toggle(actor_id)
        self._set_ticked(actor_id)

    def action_exclude(self) -> None:
        actor_id = self._highlighted_id()
        if actor_id is not None:
            self._exclude(actor_id)

    def _typed_exclusion(self) -> bool:
        return self.query_one("#picker-input", Input).value.lstrip().startswith("-")

    def _exclude(self, actor_id: str) -> None:
        """Leave the actor's events out, or take them back in."""
        if actor_id in self.excluded:
            self.excluded.remove(actor_id)
        else:
            self.excluded.append(actor_id)
            if actor_id in self.chosen:
                self.chosen.remove(actor_id)
        self._fill(self.query_one("#picker-input", Input).value)
        self._show_state()

    def action_match(self) -> None:
        self.match = "any" if self.match == "all" else "all"
        self._show_state()

    @on(Input.Submitted, "#picker-input")
    def _apply(self, event: Input.Submitted) -> None:
        chosen = list(self.chosen)
        excluded = list(self.excluded)
        highlighted = self._highlighted_id()
        typed = event.value.strip().lstrip("-").strip()
        if typed:
            if highlighted is None:
                self._show_state(f"No actor matches “{typed}”; try part of a name.")
                return
            if self._typed_exclusion():
                if highlighted not in excluded:
                    excluded.append(highlighted)
                if highlighted in chosen:
                    chosen.remove(highlighted)
            elif highlighted not in chosen:
                chosen.append(highlighted)
                if highlighted in excluded:
                    excluded.remove(highlighted)
        self.dismiss((tuple(chosen), self.match, tuple(excluded)))
