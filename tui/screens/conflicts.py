"""The conflicts queue: records changed here and elsewhere, one choice each.

An import keeps a record changed on both sides as a conflict and overwrites
nothing. Here the user sees each one with the fields the sides disagree on,
mine beside theirs, and keeps mine (``m``), keeps theirs (``t``), or picks
field by field (``space`` on a field flips it, ``s`` saves the mix). Every
choice is one store call: durable, one undo step, and a revision that
descends from both sides, so the next exchange settles the other copy too.

The host pushes ``ConflictsScreen(timeline)`` and gets back the number of
conflicts settled, so it knows whether to lay its timeline out again.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.store.changes.conflicts import (
    FieldDiff,
    differences,
    open_conflicts,
    settle,
)
from dateline.store.errors import DatelineError
from dateline.store.revision import Conflict
from dateline.store.timeline import Timeline
from dateline.tui.view.conflict_text import (
    KINDS,
    conflict_kind,
    conflict_label,
    one_line,
    shown,
)
from dateline.tui.view.inert import inert
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option


class ConflictsScreen(Screen[int]):
    """Every open conflict; dismisses with the number settled."""

    DEFAULT_CSS = """
    ConflictsScreen {
        layout: vertical;
    }
    ConflictsScreen #conflicts-head {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    ConflictsScreen OptionList {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
    }
    ConflictsScreen OptionList:focus {
        border: round $accent;
    }
    ConflictsScreen #conflicts-list {
        height: 1fr;
        min-height: 4;
    }
    ConflictsScreen #conflicts-fields {
        height: 2fr;
        min-height: 5;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "keep('mine')", "Keep mine", id="conflicts.mine"),
        Binding("t", "keep('theirs')", "Keep theirs", id="conflicts.theirs"),
        Binding("space", "flip", "Flip field", id="conflicts.flip"),
        Binding("s", "keep('fields')", "Save merge", id="conflicts.save"),
        Binding("tab", "switch", "Conflicts/fields", id="conflicts.tab"),
        Binding("j", "move(1)", "Next", show=False, id="conflicts.down"),
        Binding("k", "move(-1)", "Previous", show=False, id="conflicts.up"),
        Binding("escape", "back", "Back", id="conflicts.back"),
    ]

    def __init__(self, timeline: Timeline) -> None:
        super().__init__()
        self.timeline = timeline
        self.settled = 0
        self.conflicts: list[Conflict] = []
        self.diffs: list[FieldDiff] = []
        #: Fields of the highlighted conflict to take from their side.
        self.theirs: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static(id="conflicts-head")
        listing = OptionList(id="conflicts-list")
        listing.border_title = "Conflicts"
        yield listing
        fields = OptionList(id="conflicts-fields")
        fields.border_title = "Fields: ✓ marks the side kept"
        yield fields
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#conflicts-list", OptionList).focus()

    # -- showing -----------------------------------------------------------
    def reload(self, index: int | None = None) -> None:
        listing = self.query_one("#conflicts-list", OptionList)
        if index is None:
            index = listing.highlighted or 0
        self.conflicts = open_conflicts(self.timeline)
        listing.clear_options()
        listing.add_options([self._row(c) for c in self.conflicts])
        if self.conflicts:
            listing.highlighted = min(index, len(self.conflicts) - 1)
        self._show_head()
        self._show_fields(fresh=True)

    def _row(self, conflict: Conflict) -> Option:
        row = Text(no_wrap=True, overflow="ellipsis")
        row.append(inert(conflict_label(self.timeline, conflict), single_line=True))
        row.append(f"  {KINDS[conflict_kind(self.timeline, conflict)]}", style="dim")
        if conflict.origin:
            row.append(f"  from {inert(one_line(conflict.origin, 40))}", style="dim")
        return Option(row, id=conflict.id)

    @property
    def current(self) -> Conflict | None:
        index = self.query_one("#conflicts-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.conflicts):
            return None
        return self.conflicts[index]

    def _show_head(self) -> None:
        head = Text("Conflicts", style="bold")
        count = len(self.conflicts)
        head.append(f" · {count} to settle" if count else " · none: every copy agrees")
        self.query_one("#conflicts-head", Static).update(head)

    def _show_fields(self, *, fresh: bool = False) -> None:
        fields = self.query_one("#conflicts-fields", OptionList)
        keep = fields.highlighted or 0
        conflict = self.current
        if fresh:
            self.theirs = set()
        fields.clear_options()
        if conflict is None:
            self.diffs = []
            fields.add_option(Option(Text("Nothing to settle.", style="dim")))
            return
        kind = conflict_kind(self.timeline, conflict)
        self.diffs = differences(self.timeline, conflict)
        if kind != "both":
            text = Text(
                "They deleted it; it was changed here."
                if kind == "there"
                else "It was deleted here; they changed it.",
                style="italic",
            )
            text.append("\nm keeps ", style="dim")
            text.append("ours" if kind == "there" else "it deleted")
            text.append(", t ", style="dim")
            text.append("deletes it" if kind == "there" else "puts theirs back")
            fields.add_option(Option(text, disabled=True))
            return
        for diff in self.diffs:
            fields.add_option(Option(self._field_row(diff), id=diff.name))
        if self.diffs:
            fields.highlighted = min(keep, len(self.diffs) - 1)

    def _field_row(self, diff: FieldDiff) -> Text:
        take_theirs = diff.name in self.theirs
        row = Text()
        row.append(f"{diff.name}\n", style="bold")
        for side, value, chosen in (
            ("mine  ", diff.mine, not take_theirs),
            ("theirs", diff.theirs, take_theirs),
        ):
            row.append(" ✓ " if chosen else "   ", style="bold green")
            row.append(f"{side}  ", style="dim")
            row.append(
                inert(shown(self.timeline, diff.name, value), single_line=True),
                style="" if chosen else "dim",
            )
            row.append("\n")
        row.rstrip()
        return row

    @on(OptionList.OptionHighlighted, "#conflicts-list")
    def _highlighted(self) -> None:
        self._show_fields(fresh=True)

    # -- keys --------------------------------------------------------------
    def action_move(self, step: int) -> None:
        focused = self.focused
        target = (
            focused
            if isinstance(focused, OptionList)
            else self.query_one("#conflicts-list", OptionList)
        )
        if step > 0:
            target.action_cursor_down()
        else:
            target.action_cursor_up()

    def action_switch(self) -> None:
        listing = self.query_one("#conflicts-list", OptionList)
        fields = self.query_one("#conflicts-fields", OptionList)
        (fields if listing.has_focus else listing).focus()

    def action_flip(self) -> None:
        fields = self.query_one("#conflicts-fields", OptionList)
        index = fields.highlighted
        if not self.diffs or index is None or not 0 <= index < len(self.diffs):
            self.notify("Pick a field first: tab moves to the fields.")
            return
        name = self.diffs[index].name
        self.theirs ^= {name}
        fields.replace_option_prompt_at_index(index, self._field_row(self.diffs[index]))

    def action_keep(self, side: str) -> None:
        conflict = self.current
        if conflict is None:
            self.notify("No conflict to settle.")
            return
        take: set[str] | None = set() if side == "mine" else None
        if side == "fields":
            if conflict_kind(self.timeline, conflict) != "both":
                self.notify("Only m or t here: one side deleted the record.")
                return
            take = set(self.theirs)
        index = self.query_one("#conflicts-list", OptionList).highlighted or 0
        try:
            settle(self.timeline, conflict.id, take)
        except DatelineError as exc:
            self.notify(str(exc), title="Not settled", severity="error", timeout=8)
            self.reload(index)
            return
        self.settled += 1
        what = {"mine": "kept mine", "theirs": "kept theirs"}.get(
            side, f"took {len(take or ())} field(s) from theirs"
        )
        self.notify(
            f"Settled {conflict_label(self.timeline, conflict)}: {what}. "
            "u in the timeline undoes it."
        )
        self.reload(index)
        self.query_one("#conflicts-list", OptionList).focus()

    def action_back(self) -> None:
        self.dismiss(self.settled)
