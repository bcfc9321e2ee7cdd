"""A one-line question at the bottom of the explorer: go to a date, search...

The screen decides what an answer means. A wrong answer is shown right under
the input with the message that says how to fix it, and the input keeps what
was typed, so the user corrects rather than retypes. A question about dates
can pass a ``reader``: the line under the input then says, on every key, how
the words are read ("Oct 2025 · month"), as the add form's date field does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from dateline.tui.view.inert import inert
from dateline.tui.widgets.form_inert import InertInput
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

#: Reads a prompt's words: (readable, what they mean or why they cannot be read).
Reader = Callable[[str], tuple[bool, str]]


class PromptBar(Vertical):
    """Hidden until :meth:`ask`; posts :class:`Answered` on enter."""

    DEFAULT_CSS = """
    PromptBar {
        height: auto;
        background: $panel;
        padding: 0 1;
    }
    PromptBar #prompt-label {
        text-style: bold;
    }
    PromptBar #prompt-error {
        display: none;
        color: $error;
    }
    PromptBar.-error #prompt-error {
        display: block;
    }
    /* One line: the bar must not jump in height on every key. */
    PromptBar #prompt-reading {
        display: none;
        color: $text-success;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    PromptBar.-reading #prompt-reading {
        display: block;
    }
    PromptBar.-unreadable #prompt-reading {
        color: $text-error;
    }
    /* By id, so it outranks Input's own :focus border. */
    PromptBar #prompt-input {
        border: none;
        height: 1;
        padding: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, so the footer shows it over the Input's own
        # (hidden) enter binding; it answers just as the Input would.
        Binding("enter", "apply", "Apply", priority=True, id="prompt.apply"),
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    class Answered(Message):
        """The user pressed enter on ``value`` for the question ``kind``."""

        def __init__(self, kind: str, value: str) -> None:
            super().__init__()
            self.kind = kind
            self.value = value

    class Cancelled(Message):
        """The user pressed esc; the screen puts focus back."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = ""
        #: The message shown under the input, "" when none.
        self.error = ""
        #: Reads the typed words live: (readable, what they mean or why not).
        self.reader: Reader | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="prompt-error", markup=False)
        yield Label(id="prompt-label")
        # A pasted search may hold escapes too: shown, never obeyed.
        yield InertInput(id="prompt-input")
        yield Static(id="prompt-reading", markup=False)

    def ask(
        self,
        kind: str,
        label: str,
        placeholder: str = "",
        value: str = "",
        *,
        reader: Reader | None = None,
        suggester: Suggester | None = None,
    ) -> None:
        """Show the question ``label`` and focus the input; ``reader``, when
        given, explains the typed words live under it; ``suggester``
        completes them (right arrow accepts)."""
        self.kind = kind
        self.reader = reader
        self.set_class(reader is not None, "-reading")
        self.query_one("#prompt-label", Label).update(label)
        self._show_error("")
        field = self.query_one("#prompt-input", Input)
        field.placeholder = placeholder
        field.suggester = suggester
        field.value = value
        self._show_reading(value)
        self.display = True
        field.focus()
        self.screen.refresh_bindings()

    def fail(self, message: str) -> None:
        """Show ``message`` under the input; keep it open with its text."""
        self._show_error(message)
        self.query_one("#prompt-input", Input).focus()

    def close(self) -> None:
        self.display = False
        self.kind = ""
        self.reader = None
        self.set_class(False, "-reading")
        self.screen.refresh_bindings()

    @property
    def is_open(self) -> bool:
        return bool(self.display and self.kind)

    def _show_error(self, message: str) -> None:
        self.error = message
        self.query_one("#prompt-error", Static).update(inert(message))
        self.set_class(bool(message), "-error")

    def _show_reading(self, value: str) -> None:
        if self.reader is None:
            return
        readable, words = self.reader(value)
        self.set_class(not readable, "-unreadable")
        self.query_one("#prompt-reading", Static).update(inert(words))

    @on(Input.Changed, "#prompt-input")
    def _typed(self, event: Input.Changed) -> None:
        self._show_reading(event.value)

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Answered(self.kind, event.value))

    def action_apply(self) -> None:
        # enter is a priority binding: the answer waits for keys typed before it.
        self.query_one("#prompt-input", Input).call_later(self._answer)

    def _answer(self) -> None:
        value = self.query_one("#prompt-input", Input).value
        self.post_message(self.Answered(self.kind, value))

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Cancelled())
