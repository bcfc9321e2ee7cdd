"""The main screen's state and the ways of showing it that its parts share.

The screen's actions live in mixins (filtering, editing, io_actions) that
``MainScreen`` combines. Each mixin subclasses this host, so its ``self`` is
typed without importing the screen that imports it. What lives here is what
more than one part needs: the timeline, the filter and search state, laying
the timeline out again, the header, the panes, and what follows a change.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol, runtime_checkable

from dateline.store.dates import DateOrder
from dateline.store.dates.labels import day_label, format_when
from dateline.store.errors import DatelineError, counted
from dateline.store.evidence import events_as_of
from dateline.store.model import Event
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from dateline.tui.view.filters import FilterState
from dateline.tui.view.layout import Layout, build_layout
from dateline.tui.widgets.detail import DetailStrip
from dateline.tui.widgets.filterbar import FilterBar
from dateline.tui.widgets.panes import ActorsPane, QuotesPane, SourcesPane
from dateline.tui.widgets.prompt import PromptBar
from dateline.tui.widgets.timeline_view import TimelineView
from rich.text import Text
from textual import work
from textual.message import Message
from textual.screen import Screen


@runtime_checkable
class SnapshotKeeper(Protocol):
    """What the screen needs of its app: the snapshot worker.

    DatelineApp is one; naming it here would close a circle through app.py,
    which imports the main screen.
    """

    snapshot_running: bool

    def start_snapshot_if_due(self) -> None: ...


@dataclass
class SearchDone(Message):
    """A search worker's answer: ids of events whose text holds ``query``."""

    generation: int
    query: str
    hits: list[Event]


class MainHost(Screen[None]):
    """The state every part of the main screen reads and keeps in step."""

    #: Up to this many events a refill or search runs inline; above it, in a
    #: worker (building 100k rows takes ~0.1 s, too long to hold a key press).
    SYNC_LIMIT = 5000
    #: Events marked with m, for bulk tagging: this session's, never saved.
    marked: frozenset[str] = frozenset()

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

    class FirstRows(Message):
        """The timeline's rows are on screen for the first time: background
        work that would compete with showing them may start now."""

    def __init__(
        self,
        timeline: Timeline,
        *,
        today: date,
        filters: FilterState,
        date_order: DateOrder | None = None,
    ) -> None:
        super().__init__()
        self.timeline = timeline
        #: The date_order setting: how the form and prompts read 3/4/2026.
        self.date_order = date_order
        self.today = today
        self.filters = filters
        #: Quotes pane shows the filtered actors' quotes instead of the event's.
        self.quotes_of_filter = False
        self._generation = 0
        self._search_generation = 0
        self._shown_version = -1
        self._panes_due = False
        #: The whole timeline's layout and the timeline version it shows.
        self._full_layout: tuple[int, Layout] | None = None
        self._rows_shown = False

    @property
    def view(self) -> TimelineView:
        return self.query_one("#timeline", TimelineView)

    @property
    def prompt(self) -> PromptBar:
        return self.query_one("#prompt", PromptBar)

    @property
    def snapshots(self) -> SnapshotKeeper:
        app = self.app
        assert isinstance(app, SnapshotKeeper), "the main screen needs DatelineApp"
        return app

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
        if self.filters.is_empty:
            cached = self._full_layout
            if cached is not None and cached[0] == self.timeline.version:
                # Clearing a filter: the whole timeline's layout is already
                # built (273 ms at 100k events to build again).
                self._apply(cached[1], keep, near)
            elif len(self.timeline) <= self.SYNC_LIMIT:
                self._apply(self._layout_of(flt, self.timeline.version), keep, near)
            else:
                self.view.loading = True
                self._refill_in_thread(self._generation, flt, keep, near)
            return
        # A filter's store call is milliseconds (indexes); only laying out
        # many matches is worth a worker, whose start costs a repaint or two.
        as_of = self.filters.as_of
        if as_of is not None and len(self.timeline) > self.SYNC_LIMIT:
            # "As of" reads every event again (one Python step each).
            self.view.loading = True
            self._as_of_in_thread(self._generation, flt, as_of, keep, near)
            return
        events = events_as_of(self.timeline, flt, as_of)
        if len(events) <= self.SYNC_LIMIT:
            self._apply(build_layout(events, self.today), keep, near)
        else:
            self.view.loading = True
            self._layout_in_thread(self._generation, events, keep, near)

    def shape_layout(self, layout: Layout) -> Layout:
        """``layout`` as the chosen view draws it (``views``: time to scale,
        folded groups); the list itself here."""
        return layout

    def layout_shown(self) -> None:
        """A new layout is in the timeline (``views`` redraws its pictures)."""

    def _layout_of(self, flt: EventFilter, version: int) -> Layout:
        """The layout for ``flt``, kept when it is the whole timeline's."""
        layout = build_layout(self.timeline.events(flt), self.today)
        if flt.is_empty:
            self._full_layout = (version, layout)
        return layout

    @work(exclusive=True, thread=True, group="refill")
    def _refill_in_thread(
        self, generation: int, flt: EventFilter, keep: str | None, near: date | None
    ) -> None:
        layout = self._layout_of(flt, self.timeline.version)
        self.post_message(self.Refilled(generation, layout, keep, near))

    @work(exclusive=True, thread=True, group="refill")
    def _layout_in_thread(
        self, generation: int, events: list[Event], keep: str | None, near: date | None
    ) -> None:
        layout = build_layout(events, self.today)
        self.post_message(self.Refilled(generation, layout, keep, near))

    @work(exclusive=True, thread=True, group="refill")
    def _as_of_in_thread(
        self,
        generation: int,
        flt: EventFilter,
        as_of: date,
        keep: str | None,
        near: date | None,
    ) -> None:
        events = events_as_of(self.timeline, flt, as_of)
        layout = build_layout(events, self.today)
        self.post_message(self.Refilled(generation, layout, keep, near))

    def on_main_host_refilled(self, message: Refilled) -> None:
        if message.generation == self._generation:
            self.view.loading = False
            self._apply(message.layout, message.keep, message.near)

    def _apply(self, layout: Layout, keep: str | None, near: date | None) -> None:
        self.view.loading = False
        layout = self.shape_layout(layout)
        kept = self.timeline.events_by_id.get(keep) if keep else None
        select = layout.find(kept) if kept else None
        if select is None and near is not None:
            select = layout.nearest(near)
        self.view.set_layout(layout, select)
        self.layout_shown()
        self.update_header()
        if not self._rows_shown:
            self._rows_shown = True
            self.post_message(self.FirstRows())
        if len(layout) > self.SYNC_LIMIT:
            # A big layout's lists live as long as the view: out of the
            # collector's sight they cost no 135-290 ms full collections.
            gc.freeze()

    def update_header(self) -> None:
        path = self.timeline.path
        shared = self.timeline.shared
        if shared is not None:
            label = f"{shared.location.timeline} (shared)"
            if shared.others:
                label += " · also here: " + ", ".join(shared.others)
        else:
            label = path.name if path else "(in memory)"
        self.query_one(FilterBar).show(
            label,
            self.filters.chips(self.timeline),
            len(self.view.layout_data),
            len(self.timeline),
            search=self.view.search,
            hits=self.view.hit_count,
            marked=len(self.marked),
        )

    # -- the file moved or deleted ------------------------------------------
    def offer_write_back(self) -> None:
        """Ask where to write what memory holds: the old path is offered,
        another can be typed; esc leaves it (the offer comes back on a save)."""
        path = self.timeline.path
        count = len(self.timeline)
        self.prompt.ask(
            "write-back",
            f"{path} was moved or deleted; nothing is saved until it is written "
            f"back. Write the {counted(count, 'event')} held here to (esc: not now):",
            value=str(path or ""),
        )

    def _answer_write_back(self, value: str) -> str | None:
        if not value:
            return "Type the path to write the timeline to."
        try:
            written = self.timeline.write_back(Path(value).expanduser())
        except DatelineError as exc:
            return str(exc)
        self.update_header()
        wrote = counted(len(self.timeline), "event")
        self.notify(f"Wrote {wrote} to {written}; saving again.")
        return None

    def other_answer(self, kind: str, value: str) -> str | None:
        """The answer to a prompt of ``kind`` that a part other than
        ``filtering`` asked (it returns an error to show, or None); parts
        take their own kinds and pass the rest up."""
        raise KeyError(f"no part of the screen asked a {kind!r} question")

    def after_change(self, keep: str | None = None) -> None:
        """Show the data as it now is and start a snapshot if one is due."""
        self.refill(keep)
        self.refresh_search()
        self.snapshots.start_snapshot_if_due()

    # -- search --------------------------------------------------------------
    def set_search(self, query: str, hits: list[Event]) -> None:
        self.view.set_search(query, hits)
        self.update_header()
        self.sync_panes()  # hits stand out in the summary and quotes too

    def run_search(self, query: str) -> None:
        """Find ``query``'s hits (in a worker when the timeline is large)."""
        self._search_generation += 1
        if len(self.timeline) <= self.SYNC_LIMIT:
            hits = self.timeline.events(EventFilter(text=query))
            self.on_search_done(SearchDone(self._search_generation, query, hits))
        else:
            # The first search of a big file builds the search text: say so.
            self.view.loading = True
            self._search_in_thread(self._search_generation, query)

    @work(exclusive=True, thread=True, group="search")
    def _search_in_thread(self, generation: int, query: str) -> None:
        hits = self.timeline.events(EventFilter(text=query))
        self.post_message(SearchDone(generation, query, hits))

    def on_search_done(self, message: SearchDone) -> None:
        if message.generation != self._search_generation:
            return
        self.view.loading = False
        self.set_search(message.query, message.hits)
        if not self.view.hit_count:
            shown = "" if self.filters.is_empty else " in this filtered view"
            self.prompt.fail(
                f"Nothing matches “{message.query}”{shown}. Try fewer words."
            )
            return
        if self.prompt.kind == "search":
            self.prompt.close()
            self.view.focus()
        event = self.view.event
        if event is None or event.id not in {e.id for e in message.hits}:
            self.view.next_hit(True)

    def refresh_search(self) -> None:
        """Recount hits after the data changed."""
        if self.view.search:
            self.run_search(self.view.search)

    # -- panes -------------------------------------------------------------
    def on_timeline_view_highlighted(self, message: TimelineView.Highlighted) -> None:
        # After the next frame, not before it: the key's frame carries the
        # moved row alone (two lines), and the panes and detail strip follow
        # in the frame after. Keys that arrive meanwhile (a held j) are
        # handled first and fill the panes once, for where the cursor ends.
        if not self._panes_due:
            self._panes_due = True
            self.call_after_refresh(self._panes_after_frame)

    def _panes_after_frame(self) -> None:
        # Not due: sync_panes already ran for another reason. Not mounted:
        # the app is closing, and the panes are gone.
        if self._panes_due and self.is_mounted:
            self.sync_panes()

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
        self.query_one(DetailStrip).show(
            event, empty, self.view.search, timeline.sources_by_id
        )

    def _sync_quotes(self, event: Event | None) -> None:
        timeline = self.timeline
        pane = self.query_one(QuotesPane)
        of_filter = bool(self.filters.actors) and (
            self.quotes_of_filter or event is None
        )
        if of_filter:
            quotes = timeline.quotes(speakers=self.filters.actors)
            pane.set_title("Quotes · filtered actors")
            empty = "The filtered actors have no quotes."
        elif event is not None:
            quotes = timeline.quotes(event=event.id)
            pane.set_title("Quotes")
            empty = "No quotes."
        else:
            quotes = []
            pane.set_title("Quotes")
            empty = "No quotes."
        items = []
        for quote in quotes:
            speaker = timeline.actors_by_id.get(quote.speaker or "")
            when = format_when(quote.said) if quote.said else "undated"
            name = speaker.name if speaker else "unknown speaker"
            line = QuotesPane.line(quote, name, when, self.view.search)
            items.append((quote.id, line))
        pane.show(items, empty=empty)


def format_when_day(day: date | None) -> str:
    return day_label(day) if day else ""
