"""The form for adding an event by hand, or editing one, as a modal screen.

Everything typed stays in the form until a save succeeds: a date that cannot
be read, an empty title, an ambiguous name, a full disk or a record changed by
another process each show a message in the form and leave it open. The screen
saves through ``store.changes.drafts.save_draft`` itself, so the Event it dismisses
with is already durable.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from dateline.store.changes.drafts import (
    DraftError,
    EventDraft,
    draft_from_event,
    save_draft,
    text_problems,
)
from dateline.store.dates import DateOrder
from dateline.store.dates.labels import day_label, describe
from dateline.store.dates.parse import to_date
from dateline.store.errors import DatelineError, DateParseError, counted
from dateline.store.model import Event, Status
from dateline.store.timeline import Timeline
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.view.date_direction import prefer_for
from dateline.tui.view.inert import inert
from dateline.tui.view.typed_names import ambiguity_message, read_names, split_names
from dateline.tui.widgets.actor_input import NamesReadout
from dateline.tui.widgets.date_field import DateField
from dateline.tui.widgets.form_event import EVENT_FIELDS_CSS, SummaryArea, event_rows
from dateline.tui.widgets.form_held import QUOTE, SOURCE, HeldRecords, held_selections
from dateline.tui.widgets.form_layout import (
    FORM_CSS,
    after_typed_keys,
    error_line,
    fit_body,
    show_error,
)
from dateline.tui.widgets.form_source import SourceField
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TextArea,
)

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
    """
        + FORM_CSS
        + EVENT_FIELDS_CSS
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # A priority binding moves focus as the key is read; a handler of
        # Input.Submitted runs a message later, after which keys typed fast
        # (or pasted) behind the enter would still land in the old field.
        Binding("enter", "next_field", show=False, priority=True),
        # Enter skips the status buttons; this reaches them from any field.
        Binding("ctrl+t", "toggle_status", "Status", priority=True, id="form.status"),
    ]

    def __init__(
        self,
        timeline: Timeline,
        *,
        editing: Event | None = None,
        anchor: date | None = None,
        anchor_label: str = "",
        source_id: str | None = None,
        date_order: DateOrder | None = None,
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self._date_order = date_order
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
        anchor, label = self._anchor_for(self._source_id)
        box = Vertical(classes="form-box")
        box.border_title = "Edit event" if self.editing else "Add event"
        box.border_subtitle = (
            "enter next field · ctrl+t status · ctrl+s save · esc cancel"
        )
        with box:
            with VerticalScroll(classes="form-body", can_focus=False):
                yield from event_rows(
                    self.timeline,
                    self._draft,
                    anchor=anchor,
                    anchor_label=label,
                    sources=self._sources,
                    source_id=self._source_id,
                    held_note=self._held_note(),
                    held=(
                        held_selections(self.timeline, self.editing)
                        if self.editing is not None
                        else None
                    ),
                    date_order=self._date_order,
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

    def on_resize(self, event: events.Resize) -> None:
        fit_body(self.query_one(".form-body"), event.size.height)

    def _held_note(self) -> str:
        if self.editing is None:
            return ""
        held = []
        if self.editing.sources:
            held.append(counted(len(self.editing.sources), "source"))
        if self.editing.quotes:
            held.append(counted(len(self.editing.quotes), "quote"))
        if not held:
            return ""
        return (
            f"Has {' and '.join(held)}: space unticks one to take it off; "
            "a quote or source entered above is added."
        )

    def _dropped(self, prefix: str) -> tuple[str, ...]:
        held = self.query(HeldRecords)
        return held.first().dropped(prefix) if held else ()

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
            self._dropped(SOURCE),
            self._dropped(QUOTE),
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
        field = self.query_one(DateField)
        # An edited event's stored date was read for its old status: "Friday"
        # for an expected event is the next one, so read the words again.
        field.kept = None
        field.prefer = prefer_for(self._status())

    def action_toggle_status(self) -> None:
        radios = self.query_one("#status", RadioSet)
        buttons = list(radios.query(RadioButton))
        buttons[1 if self._status() == "occurred" else 0].value = True

    @on(Select.Changed, "#source-pick")
    def _source_picked(self) -> None:
        field = self.query_one(DateField)
        picked = self.query_one(SourceField).picked
        before = self._reading(field)
        anchor = self._anchor_for(picked)
        if anchor[0] != field.anchor_day:
            field.kept = None
        field.anchor_day, field.anchor_label = anchor
        self._set_error("source", "")
        self._show_anchor_note(field, before)

    @staticmethod
    def _reading(field: DateField) -> str | None:
        try:
            return describe(field.read())
        except (DateParseError, DraftError):
            return None

    def _show_anchor_note(self, field: DateField, before: str | None) -> None:
        """Say beside the Source field when picking it changed what the
        date's words mean: "last Friday" read against the article's date."""
        note = self.query_one("#source-anchor-note", Static)
        after = self._reading(field)
        text = field.text.strip()
        if not text or after is None or after == before:
            note.display = False
            return
        day = day_label(field.anchor_day)
        whose = inert(field.anchor_label, single_line=True) or "this article"
        note.update(
            f"The date is now read against {whose}'s date, {day}: "
            f"“{inert(text, single_line=True)}” is {after}."
        )
        note.display = True

    def action_next_field(self) -> None:
        """Enter in a one-line field or the summary moves to the next field
        to type in: people type the date, press enter and type the title, so
        the status buttons are skipped (ctrl+t or tab reach them). Elsewhere
        (buttons, the source list) enter keeps its usual meaning; a new line
        in the summary is shift+enter or ctrl+j."""
        if not isinstance(self.focused, Input | SummaryArea):
            raise SkipAction()
        self.focus_next()
        if isinstance(self.focused, RadioSet):
            self.focus_next()

    def _set_error(self, name: str, message: str) -> None:
        show_error(self.query_one(f"#error-{name}", Static), message)

    def _fail(self, name: str, message: str, *, focus: bool = True) -> None:
        """Show ``message`` under field ``name``; put the cursor there."""
        if name == "when":
            self.query_one(DateField).show_error(message)
        else:
            self._set_error(name if name in ERROR_FIELDS else "form", message)
        target = _FOCUS_FOR.get(name)
        if focus and target is not None:
            widget = self.query_one(target)
            widget.focus()
            widget.scroll_visible()

    # -- saving ----------------------------------------------------------
    def _draft_now(self) -> tuple[EventDraft | None, list[DraftError]]:
        """The form as a draft, or every problem the form itself can see.

        Checks that need the store (an empty title, a quote nobody said)
        come from ``save_draft`` once these pass.
        """
        problems = text_problems(
            self._value("title"),
            self._value("quote-text"),
            self._value("quote-speaker"),
            self.query_one(SourceField).values()[3],
        )
        try:
            when = self.query_one(DateField).read()
        except DateParseError as exc:
            problems.append(DraftError("when", str(exc)))
        except DraftError as exc:
            problems.append(exc)
        actor_names = tuple(split_names(self._value("actors")))
        speakers = split_names(self._value("quote-speaker"))
        speaker = speakers[0] if speakers else ""
        checks = (("actors", list(actor_names)), ("quote_speaker", speakers))
        for field, names in checks:
            problem = ambiguity_message(read_names(self.timeline, names))
            if problem:
                problems.append(DraftError(field, problem))
        if len(speakers) > 1:
            problems.append(
                DraftError(
                    "quote_speaker",
                    "One speaker per quote; keep one name and add the others "
                    "to the actors.",
                )
            )
        try:
            source = self.query_one(SourceField).draft()
        except DraftError as exc:
            problems.append(exc)
        if problems:
            return None, problems
        draft = EventDraft(
            when=when,
            title=self._value("title"),
            summary=self.query_one("#summary", TextArea).text,
            actor_names=actor_names,
            place=self._value("place"),
            tags=tuple(split_names(self._value("tags"))),
            status=self._status(),
            quote_text=self._value("quote-text"),
            quote_speaker=speaker,
            source=source,
            drop_sources=self._dropped(SOURCE),
            drop_quotes=self._dropped(QUOTE),
        )
        return draft, []

    def action_save(self) -> None:
        after_typed_keys(self, self._save_now)

    def _save_now(self) -> None:
        """Save the form; on any refusal show why and keep everything typed."""
        for name in (*ERROR_FIELDS[1:], "form"):
            self._set_error(name, "")
        draft, problems = self._draft_now()
        # In the form's order, so the cursor goes to the topmost problem.
        problems.sort(key=lambda p: _ORDER.get(p.field, len(_ORDER)))
        for number, problem in enumerate(problems):
            self._fail(problem.field, str(problem), focus=number == 0)
        if draft is None:
            return
        try:
            event = save_draft(self.timeline, draft, editing=self.editing)
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

_ORDER = {name: number for number, name in enumerate(ERROR_FIELDS)}
