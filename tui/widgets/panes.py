"""The right-hand panes: actors, quotes and sources of the highlighted event.

Each pane is an ``OptionList`` whose options carry the id of the record they
show, so a handler never has to search for it again. These lists are short
(one event's worth), so the stock widget is the right tool here.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.store.errors import counted
from dateline.store.model import Actor, Quote, Source
from dateline.tui.view.inert import inert
from dateline.tui.view.textmatch import highlight
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class RecordPane(OptionList):
    """An option list of records, with an empty-state line and vim keys."""

    DEFAULT_CSS = """
    RecordPane {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        scrollbar-size-vertical: 1;
        background: $surface;
    }
    RecordPane:focus {
        border: round $accent;
        border-title-color: $accent;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="pane.j"),
        Binding("k", "cursor_up", "Up", show=False, id="pane.k"),
    ]

    #: The panes' sizes are fixed by the screen, so a new number of lines
    #: needs a repaint, not a layout of the whole screen (which repainted
    #: every widget on every cursor move). A scrollbar shown or hidden still
    #: lays out: that reactive is Textual's own.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    #: What the pane says when it has nothing to show.
    EMPTY = "Nothing here."
    _shown: object = None

    def show(self, items: list[tuple[str, Text]], *, empty: str | None = None) -> None:
        """Replace the options; keep the highlight on the same record if present.

        Consecutive events often share actors or a source: an unchanged list
        is left alone, which saves a re-render on every cursor move.
        """
        shown = (tuple((i, t.plain, tuple(t.spans)) for i, t in items), empty)
        if shown == self._shown:
            return
        self._shown = shown
        keep = self.highlighted_option.id if self.highlighted_option else None
        # One replacement, not clear + add: clearing empties the list first,
        # which hides and shows the scrollbar again (a layout of the screen).
        if not items:
            self.set_options(
                [Option(Text(empty or self.EMPTY, style="dim"), disabled=True)]
            )
            return
        self.set_options([Option(text, id=record_id) for record_id, text in items])
        ids = [record_id for record_id, _ in items]
        self.highlighted = ids.index(keep) if keep in ids else 0

    def set_title(self, title: str) -> None:
        """Set the border title when it differs: Textual repaints the whole
        pane on every assignment, even of the same title."""
        if self.border_title != title:
            self.border_title = title

    @property
    def record_ids(self) -> list[str]:
        """Ids of the records shown, in order (for tests and the help line)."""
        return [o.id for o in self.options if o.id is not None]


class ActorsPane(RecordPane):
    """Actors of the event; enter or space toggles one into the filter, ``e``
    edits it and ``d`` removes it (the screen's actions)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "screen.edit_actor", "Edit actor", show=False, id="actors.edit"),
        Binding(
            "d", "screen.remove_actor", "Remove actor", show=False, id="actors.remove"
        ),
        Binding(
            "enter", "select", "Toggle actor filter", show=False, id="actors.toggle"
        ),
        Binding(
            "space", "select", "Toggle actor filter", show=False, id="actors.space"
        ),
    ]
    EMPTY = "No actors."

    @staticmethod
    def line(actor: Actor, role: str, count: int, filtered: bool) -> Text:
        text = Text()
        text.append("✓ " if filtered else "  ", style="bold")
        text.append(inert(actor.name, single_line=True), style="bold")
        if role:
            text.append(f" · {inert(role, single_line=True)}", style="italic")
        text.append(f"  {counted(count, 'event')}", style="dim")
        return text


class QuotesPane(RecordPane):
    """Quotes of the event, or of the filtered actors; enter opens the article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "select", "Open quote in article", show=False, id="quotes.open"
        ),
    ]
    EMPTY = "No quotes."

    @staticmethod
    def line(quote: Quote, speaker: str, when: str, search: str = "") -> Text:
        text = Text()
        said = highlight(Text(inert(quote.text, single_line=True)), search)
        text.append("“")
        text.append_text(said)
        text.append("”")
        text.append(f"\n  — {inert(speaker, single_line=True)}", style="italic dim")
        if when:
            text.append(f", {when}", style="dim")
        return text


class SourcesPane(RecordPane):
    """Sources of the event; enter opens the article view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Read article", show=False, id="sources.open"),
    ]
    EMPTY = "No sources."

    @staticmethod
    def line(source: Source, published: str) -> Text:
        text = Text()
        outlet = source.outlet or source.via or "Unknown outlet"
        text.append(inert(outlet, single_line=True), style="bold")
        if published:
            text.append(f" · {published}", style="dim")
        text.append(f"\n  {inert(source.title, single_line=True)}")
        if not source.body:
            text.append("  (no text stored)", style="dim italic")
        return text
