"""Every key, generated from the bindings active where help was asked for.

The list is built from ``Screen.active_bindings`` of the screen below, so it
can never drift from what the keys really do: the focused widget's keys
first, then the screen's, then the app's. Aliases of one action share a line.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.tui.view.marks import MARKED, MARKED_MEANING, MARKS
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

#: Section titles by class name; others use the class's HELP_TITLE or name.
TITLES = {
    "DatelineApp": "Everywhere",
    "MainScreen": "Explorer",
    "TimelineView": "Timeline",
    "ActorsPane": "Actors pane",
    "QuotesPane": "Quotes pane",
    "SourcesPane": "Sources pane",
    "ArticleScreen": "Article",
    "EventScreen": "Event",
    "EventFormScreen": "Event form",
    "IngestScreen": "Ingest",
    "ReviewScreen": "Review",
    "ExportScreen": "Export",
    # The form's fields are Input/TextArea subclasses; say what they are.
    "InertInput": "Text field",
    "InertTextArea": "Text box",
    "ActorNamesInput": "Actors field",
}


#: Plain words for Textual's built-in bindings, by action.
PLAIN_WORDS = {
    "app.focus_next": "Next pane",
    "app.focus_previous": "Previous pane",
    "screen.copy_text": "Copy text selected with the mouse",
    "command_palette": "Command palette",
}


def _title(node: DOMNode) -> str:
    name = type(node).__name__
    return TITLES.get(name) or getattr(node, "HELP_TITLE", None) or name


def sections(
    bindings: dict[str, ActiveBinding],
) -> list[tuple[str, list[tuple[list[Binding], str]]]]:
    """(title, [(bindings of one action, description)]) per node, in the
    order Textual consults them: focused widget, its parents, screen, app."""
    by_node: dict[int, tuple[DOMNode, dict[str, tuple[list[Binding], str]]]] = {}
    for active in bindings.values():
        binding = active.binding
        if not binding.description:
            continue
        node_id = id(active.node)
        if node_id not in by_node:
            by_node[node_id] = (active.node, {})
        actions = by_node[node_id][1]
        if binding.action in actions:
            actions[binding.action][0].append(binding)
        else:
            words = PLAIN_WORDS.get(binding.action, binding.description)
            actions[binding.action] = ([binding], words)
    ordered = sorted(by_node.values(), key=lambda item: -_depth(item[0]))
    return [(_title(node), list(actions.values())) for node, actions in ordered]


def _depth(node: DOMNode) -> int:
    depth = 0
    while node.parent is not None:
        node = node.parent
        depth += 1
    return depth


class HelpScreen(ModalScreen[None]):
    """Keys of the screen and widget that had focus; esc, q or ? closes."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-box {
        width: 90%;
        max-width: 140;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen #help-grid {
        grid-size: 2;
        grid-gutter: 1 4;
        height: auto;
    }
    HelpScreen .help-section {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close help", id="help.close"),
        Binding("q", "dismiss", "Close help", show=False, id="help.q"),
        Binding("question_mark", "dismiss", "Close help", show=False, id="help.toggle"),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self._active = bindings
        #: (section, keys, description) of every line shown, for tests.
        self.lines: list[tuple[str, str, str]] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "esc closes · ctrl+p finds any command by name"
            with Grid(id="help-grid"):
                for title, rows in sections(self._active):
                    yield Static(self._table(title, rows), classes="help-section")
                yield Static(self._legend(), classes="help-section")

    def _table(self, title: str, rows: list[tuple[list[Binding], str]]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.title = title
        table.title_justify = "left"
        table.title_style = "bold"
        table.add_column(style="bold", no_wrap=True, min_width=10)
        table.add_column()
        for bindings, description in rows:
            keys = ", ".join(
                dict.fromkeys(self.app.get_key_display(b) for b in bindings)
            )
            table.add_row(keys, description)
            self.lines.append((title, keys, description))
        return table

    def _legend(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.title = "Marks in timeline rows"
        table.title_justify = "left"
        table.title_style = "bold"
        table.add_column(style="bold", min_width=10)
        table.add_column()
        for mark, meaning in MARKS:
            table.add_row(mark, meaning)
        table.add_row("▌", "search hit")
        table.add_row(MARKED, MARKED_MEANING)
        table.add_row(Text("── today"), "where today falls")
        return table
