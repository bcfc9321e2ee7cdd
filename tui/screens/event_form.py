"""The form for adding an event by hand, or editing one, as a modal screen.

Everything typed stays in the form until a save succeeds: a date that cannot
be read, an empty title, an ambiguous name, a full disk or a record changed by
another process each show a message in the form and leave it open. The screen
saves through ``store.drafts.save_draft`` itself, so the Event it dismisses
with is already durable.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from store.datefmt import format_when
from store.dates import to_date
from store.drafts import (
    DraftError,
    EventDraft,
    draft_from_event,
    save_draft,
)
from store.errors import DatelineError, DateParseError
from store.model import Event, Status
from store.timeline import Timeline
from tui.screens.confirm import ConfirmScreen
from tui.widgets.actor_input import (
    ActorNamesInput,
    NamesReadout,
    ambiguity_message,
    read_names,
    split_names,
)
from tui.widgets.date_field import DateField, Prefer
from tui.widgets.form_layout import FORM_CSS, error_line, form_row, show_error
from tui.widgets.form_source import SourceField

#: Form fields that can carry a message under them; DraftError.field names one.
ERROR_FIELDS = ("when", "title", "actors", "quote_speaker", "source")


class EventFormScreen(ModalScreen[Event | None]):
    """Add an event, or edit ``editing``; dismisses with the saved Event.

    ``anchor`` is the date relative words are read against (default: the
    edited event's own anchor, else today) and ``anchor_label`` says what it
    is ("today", "Kurdistan24"). ``source_id`` preselects the article the
    event is being added from; its publication date then anchors the words.
    """

    DEFAULT_CSS = (
        """
    EventFormScreen {
        align: center middle;
        background: $background 60%;
    }
    EventFormScreen #summary {
        height: 3;
    }
    EventFormScreen #status {
        layout: horizontal;
        height: 1;
        width: auto;
        border: none;
        padding: 0;
        background: transparent;
    }
    EventFormScreen #status RadioButton {
        width: auto;
        margin-right: 3;
    }
    EventFormScreen #quote-text {
        width: 2fr;
    }
    """
        + FORM_CSS
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def __init__(
        self,
        timeline: Timeline,
        *,
        editing: Event | None = None,
        anchor: date | None = None,
        anchor_label: str = "",
        source_id: str | None = None,
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self.editing = editing
        self._sources = timeline.sources()
        if source_id is not None and source_id not in timeline.sources_by_id:
            source_id = None
        self._source_id = source_id
        today = date.today()
        if anchor is None and editing is not None and editing.when.anchor:
            anchor = editing.when.anchor
            anchor_label = anchor_label or "as first read"
        if anchor is None:
            anchor = today
        if not anchor_label and anchor == today:
            anchor_label = "today"
        self._base_anchor = (to_date(anchor), anchor_label)
        self._draft = (
            draft_from_event(timeline, editing) if editing is not None else None
        )
        self._initial: tuple[object, ...] = ()

    # -- building --------------------------------------------------------
    def compose(self) -> ComposeResult:
        draft = self._draft
        status = draft.status if draft else "occurred"
        anchor, label = self._anchor_for(self._source_id)
        box = Vertical(classes="form-box")
        box.border_title = "Edit event" if self.editing else "Add event"
        box.border_subtitle = "enter next field · ctrl+s save · esc cancel"
        with box:
            with VerticalScroll(classes="form-body", can_focus=False):
                yield form_row(
                    "When",
                    DateField(
                        (draft.when.text or format_when(draft.when)) if draft else "",
                        anchor=anchor,
                        anchor_label=label,
                        prefer=_prefer(status),
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
                    TextArea(
                        draft.summary if draft else "", id="summary", compact=True
                    ),
                    row_id="row-summary",
                )
                names = ", ".join(draft.actor_names) if draft else ""
                yield form_row(
                    "Actors",
                    ActorNamesInput(
                        self.timeline,
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
                            self.timeline,
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
                yield form_row(
                    "Source",
                    SourceField(self._sources, picked=self._source_id),
                    Static(self._held_note(), classes="note", markup=False),
                    error_line("source"),
                    row_id="row-source",
                )
            with Vertical(classes="form-footer"):
                yield error_line("form")
                with Horizontal(classes="form-buttons"):
                    yield Button(
                        "Save ctrl+s", id="form-save", variant="primary", compact=True
                    )
                    yield Button("Cancel esc", id="form-cancel", compact=True)

    def on_mount(self) -> None:
        self._initial = self._values()
        self._show_names("actors", "actors-readout")
        self._show_names("quote-speaker", "speaker-readout")
        self.query_one("#date-input", Input).focus()

    def _held_note(self) -> str:
        if self.editing is None:
            return ""
        held = []
        if self.editing.sources:
            held.append(_count(len(self.editing.sources), "source"))
        if self.editing.quotes:
            held.append(_count(len(self.editing.quotes), "quote"))
        if not held:
            return ""
        return f"Already has {' and '.join(held)}; anything entered here is added."

    # -- reading the form ------------------------------------------------
    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _status(self) -> Status:
        pressed = self.query_one("#status", RadioSet).pressed_index
        return "expected" if pressed == 1 else "occurred"

    def _values(self) -> tuple[object, ...]:
        """Everything typed, to tell whether closing would lose anything."""
        typed = ("title", "actors", "place", "tags", "quote-text", "quote-speaker")
        return (
            self.query_one(DateField).text,
            self._status(),
            self.query_one("#summary", TextArea).text,
            *self.query_one(SourceField).values(),
            *(self._value(name) for name in typed),
        )

    @property
    def changed(self) -> bool:
        """Whether anything differs from what the form opened with."""
        return self._values() != self._initial

    def _anchor_for(self, source_id: str | None) -> tuple[date, str]:
        """A picked article's publication date anchors the words, if it has one."""
        if source_id is not None:
            source = self.timeline.sources_by_id.get(source_id)
            if source is not None and source.published is not None:
                return source.published, source.outlet or "the article"
        return self._base_anchor

    # -- live feedback ---------------------------------------------------
    def _show_names(self, input_id: str, readout_id: str) -> None:
        names = split_names(self._value(input_id))
        readout = self.query_one(f"#{readout_id}", NamesReadout)
        readout.show(read_names(self.timeline, names))

    @on(Input.Changed, "#actors")
    def _actors_changed(self) -> None:
        self._show_names("actors", "actors-readout")
        self._set_error("actors", "")

    @on(Input.Changed, "#quote-speaker")
    def _speaker_changed(self) -> None:
        self._show_names("quote-speaker", "speaker-readout")
        self._set_error("quote_speaker", "")

    @on(Input.Changed, "#title")
    def _title_changed(self) -> None:
        self._set_error("title", "")

    @on(Input.Changed, "#source-outlet, #source-title, #source-url")
    def _new_source_typed(self) -> None:
        self._set_error("source", "")

    @on(RadioSet.Changed, "#status")
    def _status_changed(self) -> None:
        self.query_one(DateField).prefer = _prefer(self._status())

    @on(Select.Changed, "#source-pick")
    def _source_picked(self) -> None:
        field = self.query_one(DateField)
        picked = self.query_one(SourceField).picked
        field.anchor, field.anchor_label = self._anchor_for(picked)
        self._set_error("source", "")

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _set_error(self, name: str, message: str) -> None:
        show_error(self.query_one(f"#error-{name}", Static), message)

    def _fail(self, name: str, message: str) -> None:
        """Show ``message`` under field ``name`` and put the cursor there."""
        if name == "when":
            self.query_one(DateField).show_error(message)
        else:
            self._set_error(name if name in ERROR_FIELDS else "form", message)
        target = _FOCUS_FOR.get(name)
        if target is not None:
            widget = self.query_one(target)
            widget.focus()
            widget.scroll_visible()

    # -- saving ----------------------------------------------------------
    def _draft_now(self) -> EventDraft:
        """The form as a draft; raises DateParseError or DraftError."""
        when = self.query_one(DateField).read()
        actor_names = tuple(split_names(self._value("actors")))
        problem = ambiguity_message(read_names(self.timeline, list(actor_names)))
        if problem:
            raise DraftError("actors", problem)
        speaker = " ".join(self._value("quote-speaker").split())
        problem = ambiguity_message(read_names(self.timeline, split_names(speaker)))
        if problem:
            raise DraftError("quote_speaker", problem)
        return EventDraft(
            when=when,
            title=self._value("title"),
            summary=self.query_one("#summary", TextArea).text,
            actor_names=actor_names,
            place=self._value("place"),
            tags=tuple(split_names(self._value("tags"))),
            status=self._status(),
            quote_text=self._value("quote-text"),
            quote_speaker=speaker,
            source=self.query_one(SourceField).draft(),
        )

    def action_save(self) -> None:
        """Save the form; on any refusal show why and keep everything typed."""
        for name in (*ERROR_FIELDS[1:], "form"):
            self._set_error(name, "")
        try:
            draft = self._draft_now()
            event = save_draft(self.timeline, draft, editing=self.editing)
        except DateParseError as exc:
            self._fail("when", str(exc))
            return
        except DraftError as exc:
            self._fail(exc.field, str(exc))
            return
        except DatelineError as exc:
            # A full disk, a locked or replaced file, an edit made elsewhere:
            # nothing was saved, and everything typed is still here.
            self._fail("form", str(exc))
            return
        self.dismiss(event)

    def action_cancel(self) -> None:
        """Close; a changed form asks first."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        question = "Discard this event? What you typed will be lost."
        if self.editing is not None:
            question = "Discard your changes to this event?"
        self.app.push_screen(ConfirmScreen(question), answered)

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


#: Which widget takes the cursor when a field's message is shown.
_FOCUS_FOR = {
    "when": "#date-input",
    "title": "#title",
    "actors": "#actors",
    "quote_speaker": "#quote-speaker",
    "source": "#source-pick",
}


def _input(value: str, placeholder: str, widget_id: str) -> Input:
    return Input(value, placeholder=placeholder, id=widget_id, compact=True)


def _prefer(status: str) -> Prefer:
    return "future" if status == "expected" else "past"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
