"""The explorer's main screen: timeline, panes, detail strip, header, footer.

This module lays the widgets out and answers their events. The state and
how it is shown live in ``host``; the keys' actions in ``filtering``,
``editing`` and ``io_actions``, each a part of the host that this class joins.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.store.model import Event
from dateline.tui.screens.main.actor_actions import ACTOR_BINDINGS, ActorActions
from dateline.tui.screens.main.annotating import (
    ANNOTATION_BINDINGS,
    AnnotationActions,
)
from dateline.tui.screens.main.editing import EDIT_BINDINGS, EditActions
from dateline.tui.screens.main.evidence_actions import (
    EVIDENCE_BINDINGS,
    EvidenceActions,
)
from dateline.tui.screens.main.filtering import FILTER_BINDINGS, FilterActions
from dateline.tui.screens.main.io_actions import IO_BINDINGS, IOActions
from dateline.tui.screens.main.link_actions import LINK_BINDINGS, LinkActions
from dateline.tui.screens.main.marking import MARK_BINDINGS, MarkActions
from dateline.tui.screens.main.saved_views import (
    SAVED_VIEW_BINDINGS,
    SavedViewActions,
)
from dateline.tui.screens.main.views import VIEW_BINDINGS, ViewActions
from dateline.tui.view.actor_labels import fit_labels, short_name
from dateline.tui.widgets.detail import DetailStrip
from dateline.tui.widgets.filterbar import FilterBar
from dateline.tui.widgets.footer import KeysFooter
from dateline.tui.widgets.panes import ActorsPane, QuotesPane, SourcesPane
from dateline.tui.widgets.prompt import PromptBar
from dateline.tui.widgets.timeline_view import TimelineView
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList

#: The side panes' widgets, which lose focus when the panes fold away.
PANE_IDS = frozenset({"actors", "quotes", "sources"})


class MainScreen(
    ViewActions,
    EvidenceActions,
    MarkActions,
    SavedViewActions,
    FilterActions,
    ActorActions,
    AnnotationActions,
    EditActions,
    IOActions,
    LinkActions,
):
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
    MainScreen.-no-side #side {
        display: none;
    }
    """

    #: Below this many columns the side panes start folded away (\ shows
    #: them): at 80 columns they would leave a title some 30 cells.
    NARROW = 100

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("colon", "goto", "Go to date", id="main.goto"),
        Binding("backslash", "toggle_side", "Side panes", show=False, id="main.side"),
        *FILTER_BINDINGS,
        *EDIT_BINDINGS,
        *ACTOR_BINDINGS,
        *IO_BINDINGS,
        *LINK_BINDINGS,
        *VIEW_BINDINGS,
        *MARK_BINDINGS,
        *SAVED_VIEW_BINDINGS,
        *ANNOTATION_BINDINGS,
        *EVIDENCE_BINDINGS,
    ]

    # -- layout ----------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield FilterBar(id="filterbar")
        yield self.make_ribbon()
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
        yield KeysFooter()

    #: The user's choice with p; None follows the terminal's width.
    _side_wanted: bool | None = None

    def on_resize(self, event: events.Resize) -> None:
        self._show_side()

    def _show_side(self) -> None:
        wide = self.size.width >= self.NARROW
        shown = wide if self._side_wanted is None else self._side_wanted
        self.set_class(not shown, "-no-side")
        focused = self.focused
        if not shown and focused is not None and focused.id in PANE_IDS:
            self.view.focus()

    def action_toggle_side(self) -> None:
        shown = not self.has_class("-no-side")
        self._side_wanted = not shown
        self._show_side()
        if not shown:
            self.notify("Side panes shown; p hides them.", timeout=3)

    def on_mount(self) -> None:
        self.query_one("#actors").border_title = "Actors"
        self.query_one("#sources").border_title = "Sources"
        self.prompt.display = False
        self.view.border_title = "Timeline"
        self.refill()
        self.view.focus()

    def _actor_label(self, event: Event, width: int) -> str:
        actors = [self.timeline.actors_by_id.get(a) for a in event.actor_ids]
        return fit_labels([short_name(a) for a in actors if a is not None], width)

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

        article = ArticleScreen(
            self.timeline, source_id, quote_id, search=self.view.search
        )
        self.app.push_screen(article)

    def on_timeline_view_opened(self, message: TimelineView.Opened) -> None:
        from dateline.tui.screens.event_view import EventScreen

        self.app.push_screen(
            EventScreen(
                self.timeline,
                message.event.id,
                date_order=self.date_order,
                as_of=self.filters.as_of,
            )
        )

    # -- other processes -----------------------------------------------------
    def on_screen_resume(self) -> None:
        # Another screen (a form, a view) may have changed data meanwhile.
        if self.is_mounted and self.timeline.version != self._shown_version:
            self.refill()
