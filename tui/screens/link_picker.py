"""Link the highlighted event to another: pick the other event by typing
part of its title (ranked by ``dateline.tui.view.ranking``, as the actor
pickers are), then the kind of link. Dismisses with ``(other id, kind)``, or
None on esc.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.store.dates.labels import format_when
from dateline.store.linking import INVERSE
from dateline.store.model import LINK_KINDS, Event, LinkKind
from dateline.store.timeline import Timeline
from dateline.tui.view.inert import inert
from dateline.tui.view.ranking import rank
from dateline.tui.widgets.form_inert import InertInput
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

#: Events offered at most; typing narrows the rest.
CHOICES = 200


def link_candidates(
    timeline: Timeline, event: Event, query: str, limit: int = CHOICES
) -> list[Event]:
    """Events to link ``event`` to: with nothing typed, the nearest in date
    first; else those whose title matches ``query`` best."""
    others = [e for e in timeline.events_by_id.values() if e.id != event.id]
    if query.strip():
        return [e for e, _ in rank(query, others, lambda e: (e.title,))][:limit]
    day = event.when.start_day.toordinal()
    others.sort(
        key=lambda e: (abs(e.when.start_day.toordinal() - day), e.title.casefold())
    )
    return others[:limit]


def _row(event: Event) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"{format_when(event.when):<16}", style="bold")
    row.append(" " + inert(event.title, single_line=True))
    return row


class LinkPickerScreen(ModalScreen[tuple[str, LinkKind] | None]):
    """First the other event, then the kind; enter picks, esc cancels."""

    DEFAULT_CSS = """
    LinkPickerScreen {
        align: center middle;
        background: $background 60%;
    }
    LinkPickerScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: 80%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    LinkPickerScreen Input {
        background: $boost;
        margin: 1 0 0 0;
    }
    LinkPickerScreen OptionList {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="linkpick.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="linkpick.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="linkpick.up"),
    ]

    #: Up to this many events the list is ranked on each key; above, in a
    #: worker (ranking 100k titles takes about a second).
    SYNC_LIMIT = 5000

    def __init__(self, timeline: Timeline, event: Event) -> None:
        super().__init__()
        self.timeline = timeline
        self.event = event
        #: The event picked in the first step (None while picking it).
        self.other: Event | None = None
        #: The words the list shows the best matches of.
        self.query_text = ""

    def compose(self) -> ComposeResult:
        box = Vertical()
        box.border_title = "Link to which event?"
        box.border_subtitle = "type part of a title · enter picks · esc cancels"
        with box:
            yield Static(
                Text("Linking: ", style="dim") + _row(self.event), id="link-from"
            )
            yield InertInput(placeholder="title words", id="link-query")
            yield OptionList(id="link-list")

    def on_mount(self) -> None:
        self._fill_events("")
        self.query_one(Input).focus()

    def _fill_events(self, query: str) -> None:
        self.query_text = query
        if len(self.timeline) <= self.SYNC_LIMIT:
            self._show_events(query, link_candidates(self.timeline, self.event, query))
        else:
            self._rank_in_thread(query)

    @work(exclusive=True, thread=True, group="link-rank")
    def _rank_in_thread(self, query: str) -> None:
        found = link_candidates(self.timeline, self.event, query)
        self.app.call_from_thread(self._show_events, query, found)

    def _show_events(self, query: str, found: list[Event]) -> None:
        if query != self.query_text or self.other is not None:
            return  # words typed since (a later answer comes), or picked
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(_row(e), id=e.id) for e in found])
        if found:
            options.highlighted = 0

    def _fill_kinds(self, other: Event) -> None:
        self.other = other
        box = self.query_one(Vertical)
        box.border_title = "How does it stand to that event?"
        box.border_subtitle = "enter picks · esc cancels"
        self.query_one(Input).display = False
        self.query_one("#link-from", Static).update(
            Text("Linking: ", style="dim")
            + _row(self.event)
            + Text("\n     to: ", style="dim")
            + _row(other)
        )
        options = self.query_one(OptionList)
        options.clear_options()
        for kind in LINK_KINDS:
            line = Text.assemble(
                (f"{kind:<13}", "bold"), (f"(the other shows: {INVERSE[kind]})", "dim")
            )
            options.add_option(Option(line, id=kind))
        options.highlighted = 0
        options.focus()

    @on(Input.Changed, "#link-query")
    def _typed(self, message: Input.Changed) -> None:
        self._fill_events(message.value)

    @on(Input.Submitted, "#link-query")
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            self.notify("No event matches; change the words or press esc.")
            return
        self._pick(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#link-list")
    def _selected(self, message: OptionList.OptionSelected) -> None:
        self._pick(message.option.id)

    def _pick(self, option_id: str | None) -> None:
        if option_id is None:
            return
        if self.other is None:
            other = self.timeline.events_by_id.get(option_id)
            if other is not None:
                self._fill_kinds(other)
            return
        kind = next(k for k in LINK_KINDS if k == option_id)
        self.dismiss((self.other.id, kind))

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
