"""Layout shared by the modal forms: labelled rows, error lines, the look.

A form is a column of rows, each a fixed-width label beside a field and the
message lines that belong to it. Inputs are compact (one line, no border) so
the whole event form fits a 100x30 terminal; a tinted background shows where
each field is, and a brighter one which field has the cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.tui.view.inert import inert
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

FORM_CSS = """
.form-box {
    width: 100%;
    max-width: 110;
    height: auto;
    max-height: 100%;
    border: round $primary;
    border-title-style: bold;
    border-title-color: $text;
    border-subtitle-color: $text-muted;
    background: $surface;
    padding: 0 1;
}
.form-body {
    height: auto;
    scrollbar-size-vertical: 1;
}
.form-row {
    height: auto;
    margin-top: 1;
}
.form-label {
    width: 9;
    color: $text-muted;
    text-style: bold;
}
.form-field {
    width: 1fr;
    height: auto;
}
.form-box Input, .form-box TextArea, .form-box SelectCurrent {
    background: $boost;
}
.form-box Input {
    width: 1fr;
    padding: 0 1;
}
.form-box Input:focus, .form-box TextArea:focus,
.form-box Select:focus > SelectCurrent {
    background: $primary 25%;
}
.pair {
    height: 1;
}
.pair > Label {
    width: auto;
    padding: 0 1 0 2;
    color: $text-muted;
    text-style: bold;
}
.form-error {
    color: $text-error;
    display: none;
    height: auto;
}
.form-error.-shown {
    display: block;
}
.note {
    color: $text-muted;
    height: auto;
}
.form-footer {
    height: auto;
    padding-top: 1;
}
.form-buttons {
    height: 1;
    align-horizontal: right;
}
.form-buttons Button {
    margin-left: 2;
    min-width: 14;
}
"""


def fit_body(body: Widget, screen_height: int, *, reserved: int = 5) -> None:
    """Let a form's body grow with its content but scroll before the box
    outgrows the screen; ``reserved`` rows are the box's border and footer."""
    body.styles.max_height = max(3, screen_height - reserved)


def form_row(label: str, *fields: Widget, row_id: str | None = None) -> Horizontal:
    """A label beside a column holding the field and its message lines."""
    return Horizontal(
        Label(label, classes="form-label"),
        Vertical(*fields, classes="form-field"),
        classes="form-row",
        id=row_id,
    )


def error_line(name: str) -> Static:
    """A hidden line under a field, shown by :func:`show_error`."""
    return Static("", id=f"error-{name}", classes="form-error", markup=False)


def show_error(line: Static, message: str) -> None:
    """Show ``message`` on an error line, or hide the line when it is ""."""
    line.update(inert(message))
    line.set_class(bool(message), "-shown")


def after_typed_keys(screen: Screen[Any], then: Callable[[], None]) -> None:
    """Run ``then`` once the focused field has handled every key typed so far.

    ctrl+s is a priority binding: the app runs it as soon as it arrives, while
    keys typed just before it (a paste without bracketed paste, a macro, a
    busy app) may still wait in the focused field's queue. Queued behind
    them, the save reads the text the user actually typed.
    """
    focused = screen.focused
    if focused is None:
        then()
    else:
        focused.call_later(then)
