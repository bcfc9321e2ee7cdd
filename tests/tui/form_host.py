"""A minimal app that opens one modal screen and records how it was dismissed.

The explorer is built elsewhere; the form tests need only a screen to sit on
and a place to catch the result.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

#: What ``results`` holds before the screen has been dismissed.
PENDING = object()


class FormHost(App[None]):
    """Pushes ``screen`` on mount; ``results`` collects each dismissal value."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self._first = screen
        self.results: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self._first, self.results.append)

    @property
    def result(self) -> Any:
        return self.results[-1] if self.results else PENDING
