"""Export the events in view: a path, a format, and one key to write them.

The format follows the file name as it is typed (``.md``, ``.csv``, ``.ics``,
``.json``; ``.timeline.json`` for TimelineJS, ``.sheet.csv`` for its Google
Sheet, ``.timesketch.csv`` and ``.jsonl`` for Timesketch), and picking a
format fixes the name's extension. An existing file is replaced only after a
second enter (the first says what would be lost); a dateline timeline never
is, so the form refuses one before it asks.
Writing runs in a worker, so a large timeline does not freeze the screen;
any failure is shown in the form, which stays open with what was typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from dateline.store.errors import DatelineError, counted
from dateline.store.formats.detect import (
    COMPOUND_SUFFIXES,
    SUFFIX,
    export_format_for,
    shares_extension,
)
from dateline.store.formats.registry import export_refusal, write_export
from dateline.store.model import Event
from dateline.store.timeline import Timeline
from dateline.tui.widgets.form_inert import InertInput
from dateline.tui.widgets.form_layout import after_typed_keys, show_error
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

#: (label, format) in the order offered; the report comes first.
CHOICES = (
    ("Markdown report", "md"),
    ("dateline JSON (lossless)", "json"),
    ("CSV spreadsheet", "csv"),
    ("TimelineJS JSON", "timelinejs"),
    ("iCalendar", "ics"),
    ("TimelineJS Google-Sheet CSV", "timelinejs-sheet"),
    ("Timesketch CSV", "timesketch"),
    ("Timesketch JSONL", "timesketch-jsonl"),
)


class ExportScreen(ModalScreen[str | None]):
    """Write ``events`` (the current view) to a file; dismisses with a message
    such as "Exported 8 events to x.md", or None when cancelled."""

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
        background: $background 60%;
    }
    ExportScreen > #export-box {
        width: 70;
        max-width: 90%;
        height: auto;
        padding: 1 2;
        border: thick $accent;
        background: $surface;
    }
    ExportScreen Label {
        margin-top: 1;
        color: $text-muted;
    }
    ExportScreen #export-error {
        display: none;
        color: $error;
        margin-top: 1;
    }
    ExportScreen #export-error.-shown {
        display: block;
    }
    ExportScreen #export-buttons {
        height: auto;
        margin-top: 1;
    }
    ExportScreen Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", priority=True, id="export.write"),
    ]

    def __init__(
        self, timeline: Timeline, events: list[Event], *, path: str = ""
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self.events = list(events)
        stem = timeline.path.stem if timeline.path is not None else "timeline"
        self._start_path = path or f"{stem}-export.md"
        #: The path whose replacement the user has been warned about.
        self._warned: Path | None = None

    def compose(self) -> ComposeResult:
        box = Vertical(id="export-box")
        box.border_title = f"Export {counted(len(self.events), 'event')}"
        box.border_subtitle = "enter export · esc cancel"
        fmt = export_format_for(self._start_path) or "md"
        with box:
            yield Label("File")
            yield InertInput(self._start_path, id="export-path", select_on_focus=False)
            yield Label("Format")
            yield Select(
                CHOICES, value=fmt, allow_blank=False, id="export-format", compact=True
            )
            yield Static("", id="export-error", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", id="export-go", variant="primary", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    # -- keeping name and format in step --------------------------------
    @on(Input.Changed, "#export-path")
    def _follow_name(self, event: Input.Changed) -> None:
        self._show("")
        self._warned = None
        named = export_format_for(event.value)
        select = self._select
        # ".json" is native and TimelineJS, ".csv" three CSV layouts: keep
        # the one chosen.
        keep = shares_extension(named, str(select.value))
        if named and named != select.value and not keep:
            select.value = named

    @on(Select.Changed, "#export-format")
    def _fix_extension(self, event: Select.Changed) -> None:
        field = self.query_one("#export-path", Input)
        fmt, text = str(event.value), field.value.strip()
        named = export_format_for(text) if text else None
        if named is None or named == fmt or shares_extension(named, fmt):
            return
        lowered = text.lower()
        cut = next((s for s in COMPOUND_SUFFIXES if lowered.endswith(s)), "")
        base = text[: -len(cut)] if cut else str(Path(text).with_suffix(""))
        field.value = base + SUFFIX[fmt]

    @property
    def _select(self) -> Select[str]:
        return self.query_one("#export-format", Select)

    # -- writing ---------------------------------------------------------
    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        after_typed_keys(self, self._export_now)

    def _export_now(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._show("Type a file name to export to, e.g. timeline.md.")
            return
        target = Path(raw).expanduser()
        if target.is_dir():
            self._show(f"{raw} is a folder; add a file name, e.g. {raw}/timeline.md.")
            return
        refusal = export_refusal(self.timeline, target)
        if refusal:
            self._show(refusal)
            return
        if target.exists() and self._warned != target:
            self._warned = target
            self._show(f"{raw} exists. Press enter again to replace it.")
            return
        self._write(raw, target, str(self._select.value))

    @work(thread=True, exclusive=True, group="export")
    def _write(self, raw: str, target: Path, fmt: str) -> None:
        try:
            # Replacing was asked about in the form (the second enter).
            write_export(self.timeline, self.events, fmt, target, force=True)
        except (DatelineError, OSError) as exc:
            self.app.call_from_thread(self._show, str(exc))
            return
        message = f"Exported {counted(len(self.events), 'event')} to {raw}"
        self.app.call_from_thread(self.dismiss, message)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _show(self, message: str) -> None:
        show_error(self.query_one("#export-error", Static), message)
