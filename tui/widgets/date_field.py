"""A date typed in words, with a live reading of what the words mean.

The reading runs on every key through ``store.dates.parse.parse_date``, the same
reader saving uses, so "Fri 9 Jan 2026 · day" under the field is exactly what
will be stored. Beside the field sits the anchor the words are read against
(today, or an article's publication date): "last Friday" means nothing
without it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateline.store.changes.drafts import DraftError
from dateline.store.dates import DateOrder, Prefer
from dateline.store.dates.labels import describe, format_when
from dateline.store.dates.parse import parse_date
from dateline.store.errors import DateParseError
from dateline.store.model import FuzzyDate
from dateline.tui.view.inert import inert
from dateline.tui.view.shown_zone import shown_zone
from dateline.tui.widgets.form_inert import InertInput
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Input, Static


def anchor_note(anchor: date, label: str = "") -> str:
    """ "read against Sat 10 Jan 2026 (today)"."""
    day = format_when(FuzzyDate(anchor, anchor, "day"))
    shown = inert(label, single_line=True).strip()
    return f"read against {day} ({shown})" if shown else f"read against {day}"


class DateField(Vertical):
    """An input for a date in words, its anchor, and its live reading.

    ``kept`` is a date already stored with the record being edited: while the
    text still says what it said then, reading returns it unchanged instead
    of re-reading old words ("last Friday") against a new anchor. Once the
    direction changes (the event's status), the words are read again that
    way: "Friday" in an event now expected is the coming one.
    """

    DEFAULT_CSS = """
    DateField {
        height: auto;
        width: 1fr;
    }
    DateField > #date-row {
        height: 1;
    }
    DateField #date-input {
        width: 1fr;
        max-width: 40;
    }
    DateField #date-anchor {
        width: 1fr;
        padding-left: 2;
        color: $text-muted;
    }
    DateField #date-reading {
        height: auto;
        color: $text-success;
    }
    DateField.-empty #date-reading {
        color: $text-muted;
    }
    DateField.-invalid #date-reading {
        color: $text-error;
    }
    """

    prefer: reactive[Prefer] = reactive("past", init=False)
    # Not ``anchor``: that name is Widget.anchor(), which scrolls a widget into view.
    anchor_day: reactive[date] = reactive(date.min, init=False)
    anchor_label: reactive[str] = reactive("", init=False)

    def __init__(
        self,
        value: str = "",
        *,
        anchor: date,
        anchor_label: str = "",
        prefer: Prefer = "past",
        order: DateOrder | None = None,
        kept: FuzzyDate | None = None,
        placeholder: str = "e.g. last Friday, 9 Jan 2026",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._initial = value
        self._placeholder = placeholder
        self.kept = kept
        #: Whether the direction changed since the form opened: the kept
        #: date was read the other way.
        self._turned = False
        #: How numeric dates both orders allow are read (the date_order setting).
        self.order = order
        self.set_reactive(DateField.prefer, prefer)
        self.set_reactive(DateField.anchor_day, anchor)
        self.set_reactive(DateField.anchor_label, anchor_label)

    def compose(self) -> ComposeResult:
        with Horizontal(id="date-row"):
            yield InertInput(
                self._initial,
                placeholder=self._placeholder,
                id="date-input",
                compact=True,
            )
            yield Static(
                anchor_note(self.anchor_day, self.anchor_label),
                id="date-anchor",
                markup=False,
            )
        yield Static("", id="date-reading", markup=False)

    def on_mount(self) -> None:
        self.show_reading()

    @property
    def input(self) -> Input:
        return self.query_one("#date-input", Input)

    @property
    def text(self) -> str:
        return self.input.value

    def read(self) -> FuzzyDate:
        """The date the text means now.

        Raises DateParseError for words it cannot read and DraftError (field
        "when") when there are none.
        """
        text = self.text.strip()
        kept = self.kept
        if kept is not None and text == kept.text.strip():
            if not self._turned:
                return kept
            when = parse_date(text, self.anchor_day, self.prefer, self.order)
            # Words found after "before" in an article keep that bound.
            return replace(when, bound=when.bound or kept.bound)
        if not text:
            raise DraftError("when", "The date is empty; type when it happened.")
        return parse_date(text, self.anchor_day, self.prefer, self.order)

    def show_reading(self) -> None:
        """Refresh the line under the field from the current text."""
        reading = self.query_one("#date-reading", Static)
        empty = not self.text.strip()
        self.set_class(empty, "-empty")
        if empty:
            self.remove_class("-invalid")
            reading.update("type when it happened, in words or as a date")
            return
        try:
            when = self.read()
        except (DateParseError, DraftError) as exc:
            self.add_class("-invalid")
            reading.update(inert(str(exc)))
            return
        self.remove_class("-invalid")
        reading.update(describe(when, shown_zone(self.app)))

    def show_error(self, message: str) -> None:
        self.add_class("-invalid")
        self.query_one("#date-reading", Static).update(inert(message))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_reading()

    def _refresh_anchor(self) -> None:
        if not self.is_mounted:
            return
        note = self.query_one("#date-anchor", Static)
        note.update(anchor_note(self.anchor_day, self.anchor_label))
        self.show_reading()

    def watch_prefer(self) -> None:
        self._turned = True
        self._refresh_anchor()

    def watch_anchor_day(self) -> None:
        self._refresh_anchor()

    def watch_anchor_label(self) -> None:
        self._refresh_anchor()
