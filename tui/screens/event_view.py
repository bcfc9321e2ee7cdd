"""The full view of one event: every field, its quotes, and its sources."""

from __future__ import annotations

from typing import ClassVar

from dateline.store.dates.labels import day_label, describe, format_when
from dateline.store.model import Event
from dateline.store.timeline import Timeline
from dateline.tui.view.inert import inert
from dateline.tui.widgets.panes import SourcesPane
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static


def event_text(timeline: Timeline, event: Event) -> Text:
    """Everything about ``event`` that fits in text, for reading in full."""
    text = Text()
    text.append(inert(event.title), style="bold")
    text.append("\n\n")
    rows = [
        ("When", describe(event.when)),
        ("Written as", f"“{event.when.text}”" if event.when.text else "—"),
        ("Status", event.status),
        ("Place", event.place or "—"),
        ("Tags", " ".join(f"#{t}" for t in event.tags) or "—"),
        ("Origin", event.origin + (f", {event.review}" if event.review else "")),
    ]
    for label, value in rows:
        text.append(f"{label:<11}", style="dim")
        text.append(inert(value, single_line=True) + "\n")
    if event.summary:
        text.append("\n" + inert(event.summary) + "\n")
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


class EventScreen(Screen[None]):
    """One event in full; enter on a source reads the article; esc goes back."""

    DEFAULT_CSS = """
    EventScreen #event-box {
        height: 1fr;
        border: round $panel-lighten-2;
        padding: 0 1;
    }
    EventScreen #event-sources {
        height: auto;
        max-height: 40%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="event.back"),
    ]

    def __init__(self, timeline: Timeline, event_id: str) -> None:
        super().__init__()
        self.timeline = timeline
        self.record = timeline.event(event_id)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="event-box") as box:
            box.border_title = "Event"
            yield Static(event_text(self.timeline, self.record), id="event-text")
        yield SourcesPane(id="event-sources")
        yield Footer()

    def on_mount(self) -> None:
        pane = self.query_one(SourcesPane)
        pane.border_title = "Sources · enter reads the article"
        items = []
        for source in self.timeline.sources(event=self.record.id):
            day = source.published
            published = day_label(day) if day else ""
            items.append((source.id, SourcesPane.line(source, published)))
        pane.show(items)
        pane.focus()

    @on(OptionList.OptionSelected, "#event-sources")
    def _open(self, message: OptionList.OptionSelected) -> None:
        if message.option.id:
            screen = getattr(self.app, "main", None)
            open_article = getattr(screen, "open_article", None)
            if open_article is not None:
                open_article(message.option.id)
