"""The header line: the file, the filter's chips and "N of M events".

The filter itself is plain state in ``dateline.tui.view.filters``.
"""

from __future__ import annotations

from dateline.store.errors import counted
from dateline.tui.view.inert import inert
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label


class FilterBar(Horizontal):
    """The header line: file name, filter chips, and "N of M events"."""

    DEFAULT_CSS = """
    FilterBar {
        dock: top;
        height: 1;
        background: $panel;
    }
    FilterBar #filterbar-left {
        width: 1fr;
        height: 1;
        /* A long filter gives way with "…"; the count beside it never does. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    FilterBar #filterbar-count {
        width: auto;
        height: 1;
        text-style: bold;
    }
    """

    plain = ""

    def compose(self) -> ComposeResult:
        yield Label(id="filterbar-left")
        yield Label(id="filterbar-count")

    def show(
        self,
        file_name: str,
        chips: list[str],
        shown: int,
        total: int,
        *,
        search: str = "",
        hits: int = 0,
        marked: int = 0,
    ) -> None:
        left = Text()
        left.append(f" {inert(file_name, single_line=True)} ", style="bold")
        if chips:
            left.append(" filter: ", style="dim")
            for i, chip in enumerate(chips):
                if i:
                    left.append(" ")
                left.append(f" {chip} ", style="reverse")
            left.append("  esc: drop last · c: clear", style="dim")
        if search:
            left.append(f"  search “{inert(search, single_line=True)}”: ", style="dim")
            left.append(counted(hits, "hit"), style="bold")
            left.append(" (n/N)", style="dim")
        # The leading space keeps a cropped filter from running into the count.
        count = f" {shown:,} of {total:,} events "
        if marked:
            count = f" {marked:,} marked ·{count}"
        #: The header as plain text, for tests.
        self.plain = f"{left.plain} | {count}"
        self.query_one("#filterbar-left", Label).update(left)
        self.query_one("#filterbar-count", Label).update(count)
