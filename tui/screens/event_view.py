"""The full view of one event: every field, its quotes, and its sources.

``e`` edits the event in the same form as the explorer's; the view shows it
again as saved; ``o`` opens the highlighted source's link and ``y`` copies a
citation. ``tab`` moves between the text and the sources, and the pane with
the focus has the accent border, as in the explorer.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from dateline.store.changes.annotations import (
    LinkShown,
    delete_link,
    delete_note,
    links_of,
)
from dateline.store.dates import DateOrder
from dateline.store.dates.labels import day_label, describe, format_when
from dateline.store.errors import DatelineError
from dateline.store.evidence import claim_label, is_disputed, known_then, proposal
from dateline.store.model import Event
from dateline.store.timeline import Timeline
from dateline.tui.screens.source_links import copy_citation, first_link, open_source
from dateline.tui.view.inert import inert
from dateline.tui.view.shown_zone import shown_zone
from dateline.tui.widgets.annotation_panes import (
    LinksPane,
    NotesPane,
    link_line,
    note_line,
)
from dateline.tui.widgets.panes import SourcesPane
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static


def event_text(timeline: Timeline, event: Event, zone: str | None = None) -> Text:
    """Everything about ``event`` that fits in text, for reading in full."""
    text = Text()
    text.append(inert(event.title), style="bold")
    text.append("\n\n")
    rows = [
        ("When", describe(event.when, zone)),
        ("Written as", f"“{event.when.text}”" if event.when.text else "—"),
        ("Status", event.status),
        ("Place", event.place or "—"),
        ("Tags", " ".join(f"#{t}" for t in event.tags) or "—"),
        ("Origin", event.origin + (f", {event.review}" if event.review else "")),
        ("Verified", _verification(timeline, event)),
    ]
    for label, value in rows:
        text.append(f"{label:<11}", style="dim")
        text.append(inert(value, single_line=True) + "\n")
    if event.summary:
        text.append("\n" + inert(event.summary) + "\n")
    if event.claims:
        # Who says when, one source a line, so two dates sit side by side.
        verdict = " · disputed: the dates do not overlap" if is_disputed(event) else ""
        text.append(f"\nClaims{verdict}\n", style="bold")
        for claim in event.claims:
            label = claim_label(claim, timeline.sources_by_id)
            text.append(f"  {inert(label, single_line=True)}\n")
    if event.actors:
        text.append("\nActors\n", style="bold")
        for ref in event.actors:
            actor = timeline.actors_by_id.get(ref.actor)
            name = actor.name if actor else ref.actor
            role = f" · {ref.role}" if ref.role else ""
            text.append(f"  {inert(name + role, single_line=True)}\n")
    quotes = timeline.quotes(event=event.id)
    if quotes:
        text.append("\nQuotes\n", style="bold")
        for quote in quotes:
            speaker = timeline.actors_by_id.get(quote.speaker or "")
            who = speaker.name if speaker else "unknown speaker"
            when = format_when(quote.said) if quote.said else "undated"
            text.append(f"  “{inert(quote.text)}”\n")
            text.append(
                f"    — {inert(who, single_line=True)}, {when}\n", style="italic dim"
            )
    return text


def _verification(timeline: Timeline, event: Event) -> str:
    """The status set by hand, and what the claims propose when it differs."""
    proposed = proposal(event, timeline.sources_by_id)
    if proposed.status == event.verification:
        return event.verification
    return (
        f"{event.verification} (the claims propose {proposed.status}: "
        f"{proposed.reason}; V in the timeline sets it)"
    )


class EventScreen(Screen[None]):
    """One event in full; enter on a source reads the article; esc goes back."""

    DEFAULT_CSS = """
    EventScreen #event-box {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    EventScreen #event-box:focus {
        border: round $accent;
        border-title-color: $accent;
    }
    EventScreen #event-sources {
        height: auto;
        max-height: 40%;
    }
    EventScreen #event-notes, EventScreen #event-links {
        height: auto;
        max-height: 25%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="event.back"),
        Binding("e", "edit", "Edit", id="event.edit"),
        Binding("o", "open_source", "Open source", id="event.open"),
        Binding("y", "copy_citation", "Copy citation", id="event.copy"),
    ]

    #: Opens a URL; returns whether a browser took it. Tests replace it.
    opener: Callable[[str], bool] = staticmethod(webbrowser.open)

    def __init__(
        self,
        timeline: Timeline,
        event_id: str,
        *,
        date_order: DateOrder | None = None,
        as_of: date | None = None,
    ) -> None:
        super().__init__()
        self.timeline = timeline
        #: How the edit form reads 3/4/2026 (the date_order setting).
        self.date_order = date_order
        #: The explorer's "as of" day: the event is shown as known then.
        self.as_of = as_of
        self.record = timeline.event(event_id)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="event-box") as box:
            box.border_title = "Event"
            yield Static(id="event-text")
        yield SourcesPane(id="event-sources")
        # After the sources: shift+tab still goes from the sources to the text.
        yield NotesPane(id="event-notes")
        yield LinksPane(id="event-links")
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(SourcesPane).focus()

    def _fill(self) -> None:
        shown = self.record
        if self.as_of is not None:
            # Only the claims and sources published by then, as in the list.
            then = known_then(self.record, self.timeline.sources_by_id, self.as_of)
            shown = then if then is not None else self.record
            box = self.query_one("#event-box", VerticalScroll)
            box.border_title = f"Event · as of {day_label(self.as_of)}"
        self.query_one("#event-text", Static).update(
            event_text(self.timeline, shown, shown_zone(self.app))
        )
        pane = self.query_one(SourcesPane)
        pane.border_title = "Sources · enter reads the article"
        items = []
        for source in self.timeline.sources(event=self.record.id):
            if self.as_of is not None and source.id not in shown.sources:
                continue  # published after the "as of" day
            day = source.published
            published = day_label(day) if day else ""
            items.append((source.id, SourcesPane.line(source, published)))
        pane.show(items)
        self._fill_annotations()

    def _fill_annotations(self) -> None:
        event = self.record
        notes = self.query_one(NotesPane)
        notes.border_title = f"Notes ({len(event.notes)})" if event.notes else "Notes"
        notes.show([(str(i), note_line(i + 1, n)) for i, n in enumerate(event.notes)])
        #: The links shown, in the links pane's order.
        self.links: list[LinkShown] = links_of(self.timeline, event)
        pane = self.query_one(LinksPane)
        pane.border_title = "Links · enter goes to the event"
        pane.show([(str(i), link_line(k)) for i, k in enumerate(self.links)])

    def _highlighted(self, pane: NotesPane | LinksPane) -> int | None:
        option = pane.highlighted_option
        return int(option.id) if option is not None and option.id else None

    def _current(self) -> Event | None:
        event = self.timeline.events_by_id.get(self.record.id)
        if event is None:
            self.notify("This event was deleted meanwhile.", severity="warning")
        return event

    def _changed(self, saved: Event, message: str) -> None:
        self.record = saved
        self._fill()
        self.notify(message + " u in the timeline undoes.")

    def action_delete_note(self) -> None:
        index = self._highlighted(self.query_one(NotesPane))
        event = self._current()
        if index is None or event is None:
            return
        try:
            saved, gone = delete_note(self.timeline, event.id, index + 1, loaded=event)
        except DatelineError as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return
        self._changed(saved, f"Deleted the note “{inert(gone.text[:40])}”.")

    def action_delete_link(self) -> None:
        index = self._highlighted(self.query_one(LinksPane))
        event = self._current()
        if index is None or event is None:
            return
        link = self.links[index]
        if not link.outgoing:
            self.notify(
                f"This link was made on the other event ({link.label}); delete "
                "it there.",
                severity="warning",
            )
            return
        number = sum(1 for k in self.links[: index + 1] if k.outgoing)
        try:
            saved, _ = delete_link(self.timeline, event.id, number, loaded=event)
        except DatelineError as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return
        self._changed(saved, f"Deleted the link “{link.label}”.")

    def action_merge_same(self) -> None:
        index = self._highlighted(self.query_one(LinksPane))
        if index is None:
            return
        link = self.links[index]
        if link.kind != "same as" or link.other is None:
            self.notify("m merges only two events linked “same as”.")
            return
        screen = getattr(self.app, "main", None)
        offer = getattr(screen, "offer_merge", None)
        if offer is not None:
            self.app.pop_screen()
            offer(self.record.id, link.other_id)

    @on(OptionList.OptionSelected, "#event-links")
    def _jump(self, message: OptionList.OptionSelected) -> None:
        if not message.option.id:
            return
        link = self.links[int(message.option.id)]
        if link.other is None:
            self.notify(
                f"The event {link.other_id} is missing: it was deleted, or this "
                "file never had it.",
                severity="warning",
            )
            return
        screen = getattr(self.app, "main", None)
        jump = getattr(screen, "jump_to", None)
        if jump is not None:
            self.app.pop_screen()
            jump(link.other_id)

    def action_open_source(self) -> None:
        pane = self.query_one(SourcesPane)
        option = pane.highlighted_option
        source = (
            self.timeline.sources_by_id.get(option.id)
            if option is not None and option.id
            else first_link(self.timeline, self.record)
        )
        open_source(self, source, self.opener)

    def action_copy_citation(self) -> None:
        copy_citation(self, self.timeline, self.record)

    def action_edit(self) -> None:
        from dateline.tui.screens.event_form import EventFormScreen

        event = self.timeline.events_by_id.get(self.record.id)
        if event is None:
            self.notify("This event was deleted meanwhile.", severity="warning")
            return

        def saved(result: Event | None) -> None:
            if result is not None:
                self.record = result
                self._fill()
                self.notify(f"Saved “{inert(result.title, single_line=True)}”.")

        anchor = event.when.anchor
        form = EventFormScreen(
            self.timeline,
            editing=event,
            anchor=anchor,
            anchor_label="as first read" if anchor else "",
            date_order=self.date_order,
        )
        self.app.push_screen(form, saved)

    @on(OptionList.OptionSelected, "#event-sources")
    def _open(self, message: OptionList.OptionSelected) -> None:
        if message.option.id:
            screen = getattr(self.app, "main", None)
            open_article = getattr(screen, "open_article", None)
            if open_article is not None:
                open_article(message.option.id)
