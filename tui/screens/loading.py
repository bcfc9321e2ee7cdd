"""The first screen while a big timeline is read in a worker thread."""

from __future__ import annotations

from dateline.tui.view.inert import inert
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static


class LoadingScreen(Screen[None]):
    """Shows the file being opened and what the reader is doing now."""

    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen Static { width: auto; margin: 0 2; }
    LoadingScreen LoadingIndicator { height: 1; margin: 1 0; }
    """

    def __init__(self, label: str) -> None:
        super().__init__()
        self._label = label

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(f"Opening {inert(self._label)}", markup=False)
            yield LoadingIndicator()
            yield Static("", id="loading-progress", markup=False)

    def set_progress(self, text: str) -> None:
        self.query_one("#loading-progress", Static).update(text)

    def done(self) -> None:
        """The timeline is open. This screen stays under the main one (a
        default screen cannot be switched away), so its spinner must go: it
        would redraw the idle explorer about 32 times a second."""
        self.query(LoadingIndicator).remove()
