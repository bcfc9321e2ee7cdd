"""A one-key yes/no question, for deleting, discarding and merging.

``y`` answers yes; ``n``, ``enter`` and ``esc`` answer no, so a reflexive
enter never destroys anything. The buttons are for the mouse only: were they
focusable, enter on a focused "Yes" would break that promise.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.tui.view.inert import inert
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class _MouseButton(Button, can_focus=False):
    """A button only a click presses."""


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question``; dismiss with True for yes, False for no."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
        background: $background 60%;
    }
    ConfirmScreen > #confirm-box {
        width: auto;
        min-width: 40;
        max-width: 80%;
        height: auto;
        padding: 1 2;
        border: thick $warning;
        background: $surface;
    }
    ConfirmScreen #confirm-question {
        width: auto;
        max-width: 100%;
        margin-bottom: 1;
    }
    ConfirmScreen #confirm-buttons {
        width: auto;
        height: auto;
    }
    ConfirmScreen Button {
        margin-right: 2;
        min-width: 12;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("enter", "answer(False)", "No", show=False, id="confirm.enter"),
        Binding("escape", "answer(False)", "No", show=False, id="confirm.escape"),
    ]

    #: Nothing takes focus, so every key reaches the bindings above.
    AUTO_FOCUS = None

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(inert(self.question), id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield _MouseButton("y  Yes", id="confirm-yes", variant="error")
                yield _MouseButton("n  No", id="confirm-no", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
