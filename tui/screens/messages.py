"""Every message the toasts showed this session, whole and newest first: a
toast keeps to two lines and a few seconds; this is where the rest is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: (title, message, severity), as the app recorded them (already inert).
Message = tuple[str, str, str]


class MessagesScreen(ModalScreen[None]):
    HELP_TITLE = "Messages"
    DEFAULT_CSS = """
    MessagesScreen {
        align: center middle;
    }
    MessagesScreen #messages {
        width: 90%;
        height: 80%;
        border: round $accent;
        border-title-color: $accent;
        padding: 0 1;
        background: $surface;
    }
    MessagesScreen .message {
        margin-bottom: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,M", "app.pop_screen", "Close", id="messages.close"),
    ]

    def __init__(self, messages: Sequence[Message]) -> None:
        super().__init__()
        self.messages = list(messages)

    def compose(self) -> ComposeResult:
        box = VerticalScroll(id="messages")
        box.border_title = "Messages, newest first"
        box.border_subtitle = "esc closes"
        with box:
            if not self.messages:
                yield Static("No messages yet.", classes="message")
            for title, text, severity in reversed(self.messages):
                head = Text(title or severity.capitalize(), style="bold")
                yield Static(Text.assemble(head, "\n", text), classes="message")
