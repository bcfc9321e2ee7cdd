"""The event form's fields laid out: which field goes where, with which id.

``dateline.tui.screens.event_form`` gives them their behaviour (live readings, saving)
and finds them by these ids; keeping the long layout here leaves that module
about what the form does.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from dateline.store.changes.drafts import EventDraft
from dateline.store.dates import DateOrder
from dateline.store.dates.labels import format_when
from dateline.store.model import Source
from dateline.store.timeline import Timeline
from dateline.tui.view.date_direction import prefer_for
from dateline.tui.widgets.actor_input import ActorNamesInput, NamesReadout
from dateline.tui.widgets.date_field import DateField
from dateline.tui.widgets.form_held import HeldRecords
from dateline.tui.widgets.form_inert import InertInput, InertTextArea
from dateline.tui.widgets.form_layout import error_line, form_row
from dateline.tui.widgets.form_source import SourceField
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet, Static
from textual.widgets.selection_list import Selection

EVENT_FIELDS_CSS = """
#summary {
    height: 3;
}
#status {
    layout: horizontal;
    height: 1;
    width: auto;
    border: none;
    padding: 0;
    background: transparent;
}
#status RadioButton {
    width: auto;
    margin-right: 3;
}
#quote-text {
    width: 2fr;
}
"""


def event_rows(
    timeline: Timeline,
    draft: EventDraft | None,
    *,
    anchor: date,
    anchor_label: str,
    sources: list[Source],
    source_id: str | None,
    held_note: str = "",
    held: list[Selection[str]] | None = None,
    date_order: DateOrder | None = None,
) -> Iterator[Widget]:
    """The form's rows, filled from ``draft`` when editing."""
    status = draft.status if draft else "occurred"
    label = anchor_label
    yield form_row(
        "When",
        DateField(
            (draft.when.text or format_when(draft.when)) if draft else "",
            anchor=anchor,
            anchor_label=label,
            prefer=prefer_for(status),
            order=date_order,
            kept=draft.when if draft else None,
        ),
        row_id="row-when",
    )
    yield form_row(
        "Status",
        RadioSet(
            RadioButton("occurred", value=status == "occurred"),
            RadioButton(
                "expected (announced, scheduled)",
                value=status == "expected",
            ),
            id="status",
        ),
        row_id="row-status",
    )
    yield form_row(
        "Title",
        _input(draft.title if draft else "", "what happened", "title"),
        error_line("title"),
        row_id="row-title",
    )
    yield form_row(
        "Summary",
        SummaryArea(
            draft.summary if draft else "",
            id="summary",
            compact=True,
            highlight_cursor_line=False,
            placeholder="enter: next field · shift+enter or ctrl+j: new line",
        ),
        row_id="row-summary",
    )
    names = ", ".join(draft.actor_names) if draft else ""
    yield form_row(
        "Actors",
        ActorNamesInput(
            timeline,
            names,
            placeholder="names, comma-separated (→ completes)",
            id="actors",
            compact=True,
        ),
        NamesReadout(id="actors-readout"),
        error_line("actors"),
        row_id="row-actors",
    )
    tags = ", ".join(draft.tags) if draft else ""
    yield form_row(
        "Place",
        Horizontal(
            _input(draft.place if draft else "", "city, country", "place"),
            Label("Tags"),
            _input(tags, "comma-separated", "tags"),
            classes="pair",
        ),
        row_id="row-place",
    )
    yield form_row(
        "Quote",
        Horizontal(
            _input("", "words said (optional)", "quote-text"),
            Label("said by"),
            ActorNamesInput(
                timeline,
                placeholder="speaker",
                id="quote-speaker",
                compact=True,
            ),
            classes="pair",
        ),
        NamesReadout(id="speaker-readout"),
        error_line("quote_speaker"),
        row_id="row-quote",
    )
    anchor_note = Static("", id="source-anchor-note", classes="note", markup=False)
    anchor_note.display = False
    yield form_row(
        "Source",
        SourceField(sources, picked=source_id),
        anchor_note,
        error_line("source"),
        row_id="row-source",
    )
    if held:
        note = Static(held_note, classes="note", markup=False)
        yield form_row("Has", HeldRecords(*held, id="held"), note, row_id="row-held")


class SummaryArea(InertTextArea):
    """The summary: enter moves on (the form's binding); a new line is
    shift+enter or ctrl+j, as the form's hint says."""

    HELP_TITLE = "Summary"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+enter", "newline", "New line", show=False),
        Binding("ctrl+j", "newline", "New line", show=False),
    ]

    def action_newline(self) -> None:
        self.insert("\n")


def _input(value: str, placeholder: str, widget_id: str) -> Input:
    return InertInput(value, placeholder=placeholder, id=widget_id, compact=True)
