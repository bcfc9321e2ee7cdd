"""The review queue: events extracted from articles, one decision per key.

Each pending event is shown with the sentence it was read from, its date
words highlighted and how they were read, so the user judges the reading
against the text. ``a`` accepts, ``e`` edits in the hand-entry form (and
accepts what is saved), ``m`` merges into an existing event, ``r``/``x``
rejects. ``space`` ticks rows: ``a`` and ``r`` then decide every ticked one,
and ``A`` accepts every event shown (after a y/n). ``g``/``G`` go to the
first and last row, as in the timeline. Every decision is one store call,
durable and undoable.

The host pushes ``ReviewScreen(timeline, source_id)`` and gets back the
number of decisions made, so it knows whether to lay its timeline out again.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from dateline.store.changes.review import (
    accept_event,
    accept_events,
    evidence,
    merge_event,
    pending_events,
    reject_events,
)
from dateline.store.dates.labels import describe, format_when
from dateline.store.errors import DatelineError, counted
from dateline.store.model import Event
from dateline.store.names import fold
from dateline.store.timeline import Timeline
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.view.inert import inert
from dateline.tui.view.marks import MARKS_WIDTH, event_marks
from dateline.tui.widgets.form_inert import InertInput
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

#: Events offered as merge targets at most; the filter narrows the rest.
MERGE_CHOICES = 200


def _row(event: Event, ticked: bool | None = None) -> Text:
    """Date, the explorer's marks, title; a tick column when rows can be
    ticked (``ticked`` not None)."""
    row = Text(no_wrap=True, overflow="ellipsis")
    if ticked is not None:
        row.append("✓ " if ticked else "  ", style="bold")
    row.append(f"{format_when(event.when):<16}", style="bold")
    row.append(f" {event_marks(event):<{MARKS_WIDTH}} ")
    row.append(inert(event.title, single_line=True))
    return row


class ReviewScreen(Screen[int]):
    """Pending extracted events (of one source, if given); dismisses with
    the number of decisions made."""

    DEFAULT_CSS = """
    ReviewScreen {
        layout: vertical;
    }
    ReviewScreen #review-head {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    ReviewScreen #review-list {
        height: 1fr;
        min-height: 5;
        border: round $panel-lighten-2;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ReviewScreen #review-list:focus {
        border: round $accent;
    }
    ReviewScreen #review-detail {
        height: auto;
        max-height: 60%;
        padding: 0 1;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept", id="review.accept"),
        Binding("e", "edit", "Edit", id="review.edit"),
        Binding("m", "merge", "Merge into…", id="review.merge"),
        Binding("r", "reject", "Reject", id="review.reject"),
        Binding("x", "reject", "Reject", show=False, id="review.reject-x"),
        Binding("space", "tick", "Tick", id="review.tick"),
        Binding("A", "accept_all", "Accept all shown", id="review.accept-all"),
        Binding("j", "move(1)", "Next", show=False, id="review.down"),
        Binding("k", "move(-1)", "Previous", show=False, id="review.up"),
        Binding("g", "ends(False)", "First", show=False, id="review.first"),
        Binding("G", "ends(True)", "Last", show=False, id="review.last"),
        Binding("escape", "back", "Back", id="review.back"),
    ]

    def __init__(self, timeline: Timeline, source_id: str | None = None) -> None:
        super().__init__()
        self.timeline = timeline
        self.source_id = source_id
        #: Decisions made here, returned to the host on leaving.
        self.decisions = 0
        self.pending: list[Event] = []
        #: Ids of the rows ticked with space; a and r act on these first.
        self.ticked: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static(id="review-head")
        yield OptionList(id="review-list")
        detail = Static(id="review-detail")
        detail.border_title = "From the article"
        yield detail
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    # -- showing -----------------------------------------------------------
    def reload(self, index: int | None = None) -> None:
        """Read the queue again; keep the cursor near where it was."""
        options = self.query_one(OptionList)
        if index is None:
            index = options.highlighted or 0
        self.pending = pending_events(self.timeline, self.source_id)
        self.ticked &= {e.id for e in self.pending}
        options.clear_options()
        options.add_options(
            [Option(_row(e, e.id in self.ticked), id=e.id) for e in self.pending]
        )
        if self.pending:
            options.highlighted = min(index, len(self.pending) - 1)
        self._show_head()
        self._show_detail()

    @property
    def current(self) -> Event | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.pending):
            return None
        return self.pending[index]

    def _show_head(self) -> None:
        head = Text("Review extracted events", style="bold")
        count = len(self.pending)
        head.append(f" · {count:,} pending" if count else " · nothing left to review")
        if self.ticked:
            head.append(f" · {len(self.ticked):,} ticked", style="bold")
        head.append("  space ticks · A accepts all shown", style="dim")
        if self.source_id is not None:
            source = self.timeline.sources_by_id.get(self.source_id)
            if source is not None:
                head.append(
                    f" · {inert(source.title, single_line=True)}", style="italic"
                )
        self.query_one("#review-head", Static).update(head)

    def _show_detail(self) -> None:
        detail = self.query_one("#review-detail", Static)
        event = self.current
        if event is None:
            detail.update(Text("Every extracted event has been reviewed.", style="dim"))
            return
        found = evidence(self.timeline, event)
        text = Text(inert(found.sentence, single_line=True))
        if found.highlight is not None:
            text.stylize("bold reverse", *found.highlight)
        text.append("\n\nreads as  ", style="dim")
        text.append(describe(event.when), style="bold")
        if event.when.text:
            text.append(
                f"  (“{inert(event.when.text, single_line=True)}”)", style="dim"
            )
        text.append("\nstatus    ", style="dim")
        text.append(
            "expected (announced)" if event.status == "expected" else "occurred"
        )
        names = self.timeline.actor_names(event)
        text.append("\nactors    ", style="dim")
        text.append(inert(", ".join(names) or "none", single_line=True))
        quotes = self.timeline.quotes(event=event.id)
        text.append("\nquotes    ", style="dim")
        text.append(str(len(quotes)))
        if found.source_title:
            text.append("\nsource    ", style="dim")
            text.append(inert(found.source_title, single_line=True), style="italic")
        detail.update(text)

    @on(OptionList.OptionHighlighted, "#review-list")
    def _highlighted(self) -> None:
        self._show_detail()

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_ends(self, last: bool) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = options.option_count - 1 if last else 0

    def action_tick(self) -> None:
        """Tick or untick the highlighted row, then move to the next."""
        event = self.current
        if event is None:
            return
        self.ticked ^= {event.id}
        options = self.query_one(OptionList)
        index = options.highlighted or 0
        options.replace_option_prompt_at_index(
            index, _row(event, event.id in self.ticked)
        )
        self._show_head()
        options.action_cursor_down()

    # -- deciding ----------------------------------------------------------
    def _chosen(self) -> list[Event]:
        """The ticked events, in list order; else the highlighted one."""
        if self.ticked:
            return [e for e in self.pending if e.id in self.ticked]
        return [self.current] if self.current is not None else []

    def _decide(self, change: str, events: list[Event]) -> None:
        if not events:
            self.notify("Nothing to review here.")
            return
        index = self.query_one(OptionList).highlighted or 0
        ids = [e.id for e in events]
        title = inert(events[0].title, single_line=True)
        several = counted(len(events), "event")
        try:
            if change == "accept":
                accept_events(self.timeline, ids)
                what = f"“{title}”" if len(events) == 1 else several
                message = f"Accepted {what}."
            else:
                reject_events(self.timeline, ids)
                what = f"“{title}”" if len(events) == 1 else several
                message = f"Rejected {what}; quotes are kept."
        except DatelineError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=8)
            return
        self.decisions += len(events)
        self.ticked.clear()
        self.reload(index)
        self.notify(message + " u in the timeline undoes it.")

    def action_accept(self) -> None:
        self._decide("accept", self._chosen())

    def action_reject(self) -> None:
        events = self._chosen()
        if len(events) <= 1:
            self._decide("reject", events)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._decide("reject", events)

        question = f"Reject the {counted(len(events), 'ticked event')}? (y/n)"
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_accept_all(self) -> None:
        events = list(self.pending)
        if not events:
            self.notify("Nothing to review here.")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._decide("accept", events)

        question = (
            f"Accept all {counted(len(events), 'event')} shown? (y/n)\n"
            "One u in the timeline undoes it."
        )
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_edit(self) -> None:
        event = self.current
        if event is None:
            self.notify("Nothing to edit here.")
            return
        from dateline.tui.screens.event_form import EventFormScreen

        anchor = self._article_date(event)
        form = EventFormScreen(
            self.timeline,
            editing=event,
            anchor=anchor,
            anchor_label="article date" if anchor is not None else "",
        )
        index = self.query_one(OptionList).highlighted or 0

        def saved(result: Event | None) -> None:
            if result is None:
                return
            try:
                accept_event(self.timeline, result.id)
            except DatelineError as exc:
                self.notify(str(exc), title="Not accepted", severity="error")
                return
            self.decisions += 1
            self.reload(index)
            self.notify(
                f"Saved and accepted “{inert(result.title, single_line=True)}”."
            )

        self.app.push_screen(form, saved)

    def _article_date(self, event: Event) -> date | None:
        for source_id in event.sources:
            source = self.timeline.sources_by_id.get(source_id)
            if source is not None and source.published is not None:
                return source.published
        return event.when.anchor

    def action_merge(self) -> None:
        event = self.current
        if event is None:
            self.notify("Nothing to merge here.")
            return
        index = self.query_one(OptionList).highlighted or 0

        def picked(target_id: str | None) -> None:
            if target_id is None:
                return
            try:
                merged = merge_event(self.timeline, event.id, target_id)
            except DatelineError as exc:
                self.notify(str(exc), title="Not merged", severity="error", timeout=8)
                return
            self.decisions += 1
            self.reload(index)
            title = inert(merged.title, single_line=True)
            self.notify(f"Merged into “{title}”: its quotes, sources and actors moved.")

        self.app.push_screen(MergeTargetScreen(self.timeline, event), picked)

    def action_back(self) -> None:
        self.dismiss(self.decisions)


class MergeTargetScreen(ModalScreen[str | None]):
    """Pick the event a pending one merges into: nearest dates first; type
    to narrow by title; enter picks, esc cancels."""

    DEFAULT_CSS = """
    MergeTargetScreen {
        align: center middle;
        background: $background 60%;
    }
    MergeTargetScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: 80%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    MergeTargetScreen OptionList {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="merge.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="merge.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="merge.up"),
    ]

    def __init__(self, timeline: Timeline, pending: Event) -> None:
        super().__init__()
        self.timeline = timeline
        self.pending = pending
        day = pending.when.start_day.toordinal()
        others = [e for e in timeline.events() if e.id != pending.id]
        #: Candidates, the nearest in date first, then by title.
        self.candidates = sorted(
            others,
            key=lambda e: (abs(e.when.start_day.toordinal() - day), e.title.casefold()),
        )

    def compose(self) -> ComposeResult:
        box = Vertical()
        box.border_title = "Merge into which event?"
        box.border_subtitle = "type to filter · enter picks · esc cancels"
        with box:
            yield Static(Text("Merging: ", style="dim") + _row(self.pending))
            yield InertInput(placeholder="filter by title", id="merge-filter")
            yield OptionList(id="merge-list")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        wanted = fold(query)
        shown = [e for e in self.candidates if not wanted or wanted in fold(e.title)][
            :MERGE_CHOICES
        ]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(_row(e), id=e.id) for e in shown])
        if shown:
            options.highlighted = 0

    @on(Input.Changed, "#merge-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#merge-filter")
    def _submit(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            self.notify("No event matches; change the filter or press esc.")
            return
        option = options.get_option_at_index(options.highlighted)
        self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#merge-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
