"""The explorer's main screen: timeline, panes, detail strip, header, footer.

The screen owns the view state (filter, search, which quotes to show) and
keeps the widgets in step with it; filtering and editing actions live in
``dateline.tui.screens.main.filtering`` and ``dateline.tui.screens.main.editing``.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from dateline.store.dates.labels import format_when
from dateline.store.model import Event
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from dateline.tui.screens.main.editing import EDIT_BINDINGS, EditActions
from dateline.tui.screens.main.filtering import FILTER_BINDINGS, FilterActions
from dateline.tui.screens.main.io_actions import IO_BINDINGS, IOActions
from dateline.tui.view.actor_labels import initials, short_name
from dateline.tui.view.layout import Layout, build_layout
from dateline.tui.widgets.detail import DetailStrip
from dateline.tui.widgets.filterbar import FilterBar, FilterState
from dateline.tui.widgets.panes import ActorsPane, QuotesPane, SourcesPane
from dateline.tui.widgets.prompt import PromptBar
from dateline.tui.widgets.timeline_view import TimelineView
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList


class MainScreen(FilterActions, EditActions, IOActions, Screen[None]):
    """Browse the timeline; everything else opens from here."""

    # Fixed pane heights: a pane that grows with its content would re-lay out
    # the whole screen on every cursor move.
    DEFAULT_CSS = """
    MainScreen {
        layout: vertical;
    }
    MainScreen #body {
        height: 1fr;
    }
    MainScreen #timeline {
        width: 1fr;
    }
    MainScreen #side {
        width: 38%;
        min-width: 30;
        max-width: 64;
    }
    MainScreen #actors {
        height: 6;
    }
    MainScreen #quotes {
        height: 1fr;
        min-height: 5;
    }
    MainScreen #sources {
        height: 7;
    }
    MainScreen #detail {
        height: 6;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("colon", "goto", "Go to date", id="main.goto"),
        *FILTER_BINDINGS,
        *EDIT_BINDINGS,
        *IO_BINDINGS,
    ]

    #: Up to this many events a refill runs inline; above it, in a worker
    #: (building 100k rows takes ~0.1 s, too long to hold a key press).
    SYNC_LIMIT = 5000

    class Refilled(Message):
        """A worker finished laying out the filtered timeline."""

        def __init__(
            self, generation: int, layout: Layout, keep: str | None, near: date | None
        ) -> None:
            super().__init__()
            self.generation = generation
            self.layout = layout
            self.keep = keep
            self.near = near

    def __init__(
        self, timeline: Timeline, *, today: date, filters: FilterState
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self.today = today
        self.filters = filters
        #: Quotes pane shows the filtered actors' quotes instead of the event's.
        self.quotes_of_filter = False
        self._generation = 0
        self._shown_version = -1
        self._panes_due = False

    # -- layout ----------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield FilterBar(id="filterbar")
        with Horizontal(id="body"):
            yield TimelineView(
                actor_label=self._actor_label, today=self.today, id="timeline"
            )
            with Vertical(id="side"):
                yield ActorsPane(id="actors")
                yield QuotesPane(id="quotes")
                yield SourcesPane(id="sources")
        yield DetailStrip(id="detail")
        yield PromptBar(id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#actors").border_title = "Actors"
        self.query_one("#sources").border_title = "Sources"
        self.query_one("#prompt", PromptBar).display = False
        self.view.border_title = "Timeline"
        self.refill()
        self.view.focus()

    @property
    def view(self) -> TimelineView:
        return self.query_one("#timeline", TimelineView)

    def _actor_label(self, event: Event, width: int) -> str:
        actors = [self.timeline.actors_by_id.get(a) for a in event.actor_ids]
        known = [a for a in actors if a is not None]
        names = " ".join(short_name(a) for a in known)
        if len(names) <= width:
            return names
        return " ".join(initials(a) for a in known)

    # -- filling the timeline ---------------------------------------------
    def refill(self, keep: str | None = None) -> None:
        """Lay out the timeline for the current filter, keeping ``keep`` (or
        the highlighted event) selected, else the nearest by date."""
        current = self.view.event
        keep = keep or (current.id if current else None)
        kept = self.timeline.events_by_id.get(keep) if keep else None
        near = (
            kept.when.start_day
            if kept
            else (current.when.start_day if current else None)
        )
        self._generation += 1
        flt = self.filters.to_filter()
        self._shown_version = self.timeline.version
        if len(self.timeline) <= self.SYNC_LIMIT:
            layout = build_layout(self.timeline.events(flt), self.today)
            self._apply(layout, keep, near)
        else:
            self.view.loading = True
            self._refill_in_thread(self._generation, flt, keep, near)

    @work(exclusive=True, thread=True, group="refill")
    def _refill_in_thread(
        self, generation: int, flt: EventFilter, keep: str | None, near: date | None
    ) -> None:
        layout = build_layout(self.timeline.events(flt), self.today)
        self.post_message(self.Refilled(generation, layout, keep, near))

    def on_main_screen_refilled(self, message: Refilled) -> None:
        if message.generation == self._generation:
            self.view.loading = False
            self._apply(message.layout, message.keep, message.near)

    def _apply(self, layout: Layout, keep: str | None, near: date | None) -> None:
        kept = self.timeline.events_by_id.get(keep) if keep else None
        select = layout.find(kept) if kept else None
        if select is None and near is not None:
            select = layout.nearest(near)
        self.view.set_layout(layout, select)
        self.update_header()

    def update_header(self) -> None:
        path = self.timeline.path
        self.query_one(FilterBar).show(
            path.name if path else "(in memory)",
            self.filters.chips(self.timeline),
            len(self.view.layout_data),
            len(self.timeline),
            search=self.view.search,
            hits=self.view.hit_count,
        )

    # -- panes -------------------------------------------------------------
    def on_timeline_view_highlighted(self, message: TimelineView.Highlighted) -> None:
        # Queued behind key presses already waiting: holding j fills the panes
        # once the keys are handled, not once per key.
        if not self._panes_due:
            self._panes_due = True
            self.call_later(self.sync_panes)

    def sync_panes(self) -> None:
        """Fill the panes and the detail strip for the highlighted event."""
        self._panes_due = False
        event = self.view.event
        timeline = self.timeline
        filtered = set(self.filters.actors)
        actors: list[tuple[str, Text]] = []
        sources: list[tuple[str, Text]] = []
        if event is not None:
            for ref in event.actors:
                actor = timeline.actors_by_id.get(ref.actor)
                if actor is not None:
                    count = timeline.actor_event_count(actor.id)
                    line = ActorsPane.line(actor, ref.role, count, actor.id in filtered)
                    actors.append((actor.id, line))
            for source in timeline.sources(event=event.id):
                published = format_when_day(source.published)
                sources.append((source.id, SourcesPane.line(source, published)))
        self.query_one(ActorsPane).show(actors)
        self.query_one(SourcesPane).show(sources)
        self._sync_quotes(event)
        empty = (
            "No events match this filter."
            if not self.filters.is_empty
            else (
                "No events yet: press a to add one by hand, i to read them "
                "from an article, or run `dateline import FILE`. ? lists every key."
            )
        )
        self.query_one(DetailStrip).show(event, empty)

    def _sync_quotes(self, event: Event | None) -> None:
        timeline = self.timeline
        pane = self.query_one(QuotesPane)
        of_filter = bool(self.filters.actors) and (
            self.quotes_of_filter or event is None
        )
        if of_filter:
            quotes = timeline.quotes(speakers=self.filters.actors)
            pane.border_title = "Quotes · filtered actors"
            empty = "The filtered actors have no quotes."
        elif event is not None:
            quotes = timeline.quotes(event=event.id)
            pane.border_title = "Quotes"
            empty = "No quotes."
        else:
            quotes = []
            pane.border_title = "Quotes"
            empty = "No quotes."
        items = []
        for quote in quotes:
            speaker = timeline.actors_by_id.get(quote.speaker or "")
            when = format_when(quote.said) if quote.said else "undated"
            name = speaker.name if speaker else "unknown speaker"
            items.append((quote.id, QuotesPane.line(quote, name, when)))
        pane.show(items, empty=empty)

    @on(OptionList.OptionSelected, "#actors")
    def _actor_chosen(self, message: OptionList.OptionSelected) -> None:
        if message.option.id:
            self.set_filters(self.filters.toggle_actor(message.option.id))

    @on(OptionList.OptionSelected, "#sources")
    def _source_chosen(self, message: OptionList.OptionSelected) -> None:
        if message.option.id:
            self.open_article(message.option.id)

    @on(OptionList.OptionSelected, "#quotes")
    def _quote_chosen(self, message: OptionList.OptionSelected) -> None:
        quote = self.timeline.quotes_by_id.get(message.option.id or "")
        if quote is None or not quote.source:
            self.notify("This quote has no source to open.", severity="warning")
            return
        self.open_article(quote.source, quote.id)

    def open_article(self, source_id: str, quote_id: str | None = None) -> None:
        source = self.timeline.sources_by_id.get(source_id)
        if source is None:
            return
        if not source.body:
            self.notify(f"No text is stored for “{source.title}”.", severity="warning")
            return
        from dateline.tui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(self.timeline, source_id, quote_id))

    def on_timeline_view_opened(self, message: TimelineView.Opened) -> None:
        from dateline.tui.screens.event_view import EventScreen

        self.app.push_screen(EventScreen(self.timeline, message.event.id))

    # -- other processes -----------------------------------------------------
    def on_screen_resume(self) -> None:
        # Another screen (a form, a view) may have changed data meanwhile.
        if self.is_mounted and self.timeline.version != self._shown_version:
            self.refill()


def format_when_day(day: date | None) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}" if day else ""
