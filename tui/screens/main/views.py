"""The main screen's pictures of time: the overview ribbon, time to scale,
actor lanes, and folded years and months.

The list layout the host builds for the filter stays the one source; each
view is a pure function of it (``view.proportional``, ``view.folding``,
``view.overview``, ``view.lanes``), cached per layout, so a cursor key only
redraws what is visible.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import date
from typing import Protocol, runtime_checkable

from dateline.store.errors import counted
from dateline.tui.screens.main.host import MainHost
from dateline.tui.settings import Settings
from dateline.tui.view.actor_labels import short_name
from dateline.tui.view.folding import FoldedLayout, Group, fold, groups_of, innermost
from dateline.tui.view.inert import inert
from dateline.tui.view.lanes import (
    Lanes,
    choose,
    lane_count,
    most_frequent,
    next_in_lane,
)
from dateline.tui.view.layout import MONTH, YEAR, Layout, Line
from dateline.tui.view.overview import Extent, build_ribbon, extent_of
from dateline.tui.view.proportional import TimeLayout, build_time_layout
from dateline.tui.view.timescale import Scale, step_label, zoom
from dateline.tui.widgets.detail import DetailStrip
from dateline.tui.widgets.overview import OverviewRibbon
from dateline.tui.widgets.timeline_view import TimelineView
from rich.text import Text
from textual import events, on
from textual.binding import Binding

VIEW_BINDINGS = [
    Binding("O", "toggle_overview", "Overview ribbon", show=False, id="views.overview"),
    Binding(
        "greater_than_sign",
        "overview_step(1)",
        "Overview: next period with events",
        show=False,
        id="views.overview_next",
    ),
    Binding(
        "less_than_sign",
        "overview_step(-1)",
        "Overview: previous period with events",
        show=False,
        id="views.overview_prev",
    ),
    Binding("p", "toggle_time", "Time to scale / list", show=False, id="views.time"),
    Binding("plus", "zoom(1)", "Zoom in (finer scale)", show=False, id="views.zoom_in"),
    Binding(
        "equals_sign",
        "zoom(1)",
        "Zoom in (finer scale)",
        show=False,
        id="views.zoom_eq",
    ),
    Binding(
        "minus", "zoom(-1)", "Zoom out (coarser scale)", show=False, id="views.zoom_out"
    ),
    Binding("L", "toggle_lanes", "Actor lanes", show=False, id="views.lanes"),
    Binding("h", "lane(-1)", "Lanes: previous lane", show=False, id="views.lane_left"),
    Binding("l", "lane(1)", "Lanes: next lane", show=False, id="views.lane_right"),
    Binding(
        "J", "lane_mark(True)", "Lanes: next mark in lane", show=False, id="views.mark+"
    ),
    Binding(
        "K",
        "lane_mark(False)",
        "Lanes: previous mark in lane",
        show=False,
        id="views.mark-",
    ),
    Binding(
        "z",
        "fold_prefix",
        "Fold: za toggle · zo open · zc close · zM all · zR none",
        show=False,
        id="views.fold",
    ),
    Binding(
        "space", "fold_toggle", "Fold / unfold here", show=False, id="views.fold_here"
    ),
]

#: The scale time-to-scale mode starts at.
DEFAULT_SCALE: Scale = "month"
#: What follows ``z``.
_FOLD_KEYS = {"a": "toggle", "o": "open", "c": "close", "M": "all", "R": "none"}


@runtime_checkable
class SettingsKeeper(Protocol):
    """What the views need of their app: the settings, and saving one."""

    settings: Settings

    def remember_overview(self, shown: bool) -> None: ...


class ViewActions(MainHost):
    """Keys that change how the timeline is pictured, not what it holds."""

    #: Time to scale at this scale; None: the list.
    time_scale: Scale | None = None
    #: Folded headings, kept across filters and edits.
    folded: frozenset[Line] = frozenset()
    lanes_on = False
    _fold_pending = False
    #: The lanes legend under the timeline, as last shown.
    _legend_shown = ""
    #: The list layout of the filter, and what was derived from it.
    _list_layout: Layout | None = None
    _derived_for: Layout | None = None
    _derived: dict[object, object]

    # -- shaping the layout (hooks of the host) ------------------------------
    def _memo(self, what: object, build: Callable[[], object]) -> object:
        """``build()`` once per list layout and ``what``: a cursor key never
        rebuilds a picture."""
        if self._derived_for is not self._list_layout:
            self._derived_for = self._list_layout
            self._derived = {}
        if what not in self._derived:
            self._derived[what] = build()
        return self._derived[what]

    def shape_layout(self, layout: Layout) -> Layout:
        self._list_layout = layout
        return self._shaped()

    def _shaped(self) -> Layout:
        base = self._list_layout
        assert base is not None
        scale = self.time_scale
        if scale is not None:
            shaped = self._memo(
                ("time", scale), lambda: build_time_layout(base, scale, self.today)
            )
            assert isinstance(shaped, TimeLayout)
            return shaped
        if self.folded:
            return fold(base, self.folded, self._groups())
        return base

    def _groups(self) -> list[Group]:
        base = self._list_layout
        assert base is not None
        groups = self._memo("groups", lambda: groups_of(base))
        assert isinstance(groups, list)
        return groups

    def _extent(self) -> Extent:
        base = self._list_layout
        assert base is not None
        extent = self._memo("extent", lambda: extent_of(base))
        assert isinstance(extent, Extent)
        return extent

    def layout_shown(self) -> None:
        self._show_lanes()
        if self.ribbon.display:
            self.ribbon.show_extent(self._extent())
            self._sync_window()
        self._title_view()

    def _reshape(self) -> None:
        """Show the same events in the view now chosen, keeping the cursor."""
        if self._list_layout is None:
            return
        kept = self.view.event
        layout = self._shaped()
        select = layout.find(kept) if kept else None
        self.view.set_layout(layout, select)
        self.layout_shown()
        self.update_header()

    def _title_view(self) -> None:
        title = "Timeline"
        if self.time_scale is not None:
            title += f" · time to scale: {self.time_scale} (+/- zoom, p list)"
        elif self.folded:
            title += f" · {counted(len(self.folded), 'fold')} (zR opens all)"
        if self._fold_pending:
            title = "Timeline · z: a toggle, o open, c close, M all, R none"
        view = self.view
        # Only a change is assigned: Textual repaints the whole timeline on
        # every assignment, and with lanes on this runs on every cursor move.
        if view.border_title != title:
            view.border_title = title
        legend = view.lanes.legend(view.lane_cursor) if self.lanes_on else ""
        legend = inert(legend, single_line=True)
        if legend != self._legend_shown:
            self._legend_shown = legend
            # Names come from records: a Text is shown as it is, never read
            # as markup (a "[" in a name, or the chosen lane's brackets).
            view.border_subtitle = Text(legend)

    # -- overview ribbon ------------------------------------------------------
    @property
    def ribbon(self) -> OverviewRibbon:
        return self.query_one(OverviewRibbon)

    @property
    def _keeper(self) -> SettingsKeeper | None:
        app = self.app
        return app if isinstance(app, SettingsKeeper) else None

    def make_ribbon(self) -> OverviewRibbon:
        """The ribbon, shown if the settings say so."""
        ribbon = OverviewRibbon(today=self.today.toordinal(), id="overview")
        keeper = self._keeper
        ribbon.display = bool(keeper and keeper.settings.overview)
        return ribbon

    def on_mount(self) -> None:
        self.watch(self.view, "scroll_y", self._scrolled, init=False)

    def action_toggle_overview(self) -> None:
        shown = not self.ribbon.display
        self.ribbon.display = shown
        if shown and self._list_layout is not None:
            self.ribbon.show_extent(self._extent())
            self._sync_window()
        keeper = self._keeper
        if keeper is not None:
            keeper.remember_overview(shown)

    def _scrolled(self, _: float) -> None:
        self._sync_window()

    @on(TimelineView.Highlighted)
    def _cursor_moved(self, _: TimelineView.Highlighted) -> None:
        self._sync_window()
        if self.lanes_on:
            self._title_view()  # a click on a mark may have chosen a lane

    def _sync_window(self) -> None:
        """Shade on the ribbon the days the timeline shows, mark the cursor."""
        ribbon = self.ribbon
        if not ribbon.display:
            return
        view = self.view
        layout = view.layout_data
        if not layout.events:
            return
        top = int(view.scroll_y)
        height = max(view.scrollable_content_region.height, 1)
        first = layout.event_at(top)
        last = layout.event_at(min(top + height - 1, layout.line_count - 1))
        first = first if first is not None else len(layout.events) - 1
        last = last if last is not None else len(layout.events) - 1
        cursor = view.event
        ribbon.show_window(
            layout.events[first].when.start.toordinal(),
            layout.events[last].when.start.toordinal(),
            cursor.when.start.toordinal() if cursor else None,
        )

    def on_overview_ribbon_jump(self, message: OverviewRibbon.Jump) -> None:
        self._land(message.first, message.last)
        self.view.focus()

    def _land(self, first: int, last: int) -> None:
        layout = self.view.layout_data
        index = layout.landing(date.fromordinal(first), date.fromordinal(last))
        if index is not None:
            self.view.select(index)

    def action_overview_step(self, direction: int) -> None:
        """Jump to the next (or previous) ribbon cell holding a start."""
        event = self.view.event
        if event is None or self._list_layout is None:
            return
        ribbon = self.ribbon
        width = ribbon.size.width - 2 if ribbon.display else self.size.width - 2
        picture = (
            ribbon.ribbon if ribbon.display else build_ribbon(self._extent(), width)
        )
        starts = self._list_layout.starts
        cell = picture.cell_of(event.when.start.toordinal())
        if direction > 0:
            at = bisect.bisect_left(starts, picture.bounds[cell + 1])
            if at >= len(starts):
                self.notify("No later events on the overview.", timeout=2)
                return
            cell = picture.cell_of(starts[at])
        else:
            at = bisect.bisect_left(starts, picture.bounds[cell]) - 1
            if at < 0:
                self.notify("No earlier events on the overview.", timeout=2)
                return
            cell = picture.cell_of(starts[at])
        self._land(*picture.days_of(cell))

    # -- time to scale ----------------------------------------------------------
    def action_toggle_time(self) -> None:
        self.time_scale = None if self.time_scale else DEFAULT_SCALE
        self._reshape()

    def action_zoom(self, step: int) -> None:
        current = self.time_scale or DEFAULT_SCALE
        wanted = zoom(current, step) if self.time_scale else current
        if wanted == self.time_scale:
            edge = "finest (day)" if step > 0 else "coarsest (decade)"
            self.notify(f"Already at the {edge} scale.", timeout=2)
            return
        self.time_scale = wanted
        self._reshape()

    # -- lanes ----------------------------------------------------------------------
    def action_toggle_lanes(self) -> None:
        self.lanes_on = not self.lanes_on
        self._show_lanes()
        self._title_view()

    def _show_lanes(self) -> None:
        if not self.lanes_on or self._list_layout is None:
            if self.view.lanes:
                self.view.set_lanes(Lanes())
            return
        timeline = self.timeline
        base = self._list_layout
        unfiltered = self.filters.is_empty

        def ranked(count: int) -> list[str]:
            if unfiltered:
                # The store counts every actor's events already.
                ids = sorted(
                    timeline.actors_by_id,
                    key=lambda a: (-timeline.actor_event_count(a), a),
                )
                return ids[:count]
            return most_frequent(base.dated, count)

        count = lane_count(self.view.size.width)
        lanes = self._memo(
            ("lanes", self.filters.actors, count),
            lambda: choose(self.filters.actors, ranked, count, self._lane_name),
        )
        assert isinstance(lanes, Lanes)
        if lanes != self.view.lanes:
            self.view.set_lanes(lanes, self.view.lane_cursor)

    def _lane_name(self, actor_id: str) -> str:
        """The actor's short name, or the full one when two lanes' short
        names would read alike."""
        actor = self.timeline.actors_by_id.get(actor_id)
        if actor is None:
            return actor_id
        short = short_name(actor)
        clash = sum(
            short_name(other) == short for other in self.timeline.actors_by_id.values()
        )
        return short if clash <= 1 else actor.name

    def _need_lanes(self) -> bool:
        if not self.lanes_on:
            self.notify("Press L for actor lanes first.", timeout=2)
            return False
        if not self.view.lanes:
            self.notify("No actors to draw lanes for in this view.", timeout=2)
            return False
        return True

    def action_lane(self, step: int) -> None:
        if self._need_lanes():
            view = self.view
            view.set_lanes(view.lanes, view.lane_cursor + step)
            self._title_view()

    def action_lane_mark(self, forward: bool) -> None:
        if not self._need_lanes():
            return
        view = self.view
        actor = view.lanes.actor_ids[view.lane_cursor]
        index = next_in_lane(view.layout_data.events, view.cursor, forward, actor)
        if index is None:
            where = "later" if forward else "earlier"
            name = view.lanes.names[view.lane_cursor]
            self.notify(f"No {where} event with {name} in this view.", timeout=2)
            return
        view.select(index)

    # -- folding ------------------------------------------------------------------
    def sync_panes(self) -> None:
        super().sync_panes()
        layout = self.view.layout_data
        if isinstance(layout, FoldedLayout) and self.view.cursor in layout.heads:
            # The panes show the group's first event; the strip says what
            # the line really is.
            (kind, payload), count = layout.heads[self.view.cursor]
            name = str(payload) if kind == YEAR else step_label(payload, "month")
            self.query_one(DetailStrip).show(
                None,
                f"{name}: {counted(count, 'event')} folded. space or zo opens "
                "it; zR opens every fold.",
            )

    def action_fold_prefix(self) -> None:
        self._fold_pending = True
        self._title_view()

    def on_key(self, event: events.Key) -> None:
        # Here rather than by the binding alone: keys typed fast reach this
        # handler one after the other, before any binding runs, so "za"
        # pressed at once still reads as one fold command.
        if event.key == "z" and not self._fold_pending:
            event.stop()
            event.prevent_default()
            self.action_fold_prefix()
            return
        if not self._fold_pending:
            return
        self._fold_pending = False
        self._title_view()
        how = _FOLD_KEYS.get(event.character or "")
        if how is None:
            return
        event.stop()
        event.prevent_default()
        self.fold_at_cursor(how)

    def action_fold_toggle(self) -> None:
        self.fold_at_cursor("toggle")

    def fold_at_cursor(self, how: str) -> None:
        """Fold or unfold the group at the cursor (``how``: toggle, open,
        close), or every year (all) or none."""
        if self.time_scale is not None:
            self.notify("Folding is for the list: press p to return to it.")
            return
        base = self._list_layout
        if base is None or not base.events:
            return
        if how in ("all", "none"):
            years = {g.key for g in self._groups() if g.key[0] == YEAR}
            self.folded = frozenset(years) if how == "all" else frozenset()
            self._reshape()
            return
        shown = self.view.layout_data
        at = self.view.cursor
        head = shown.heads.get(at) if isinstance(shown, FoldedLayout) else None
        if head is not None:
            key = head[0]
            if how == "close" and key[0] == MONTH:
                key = (YEAR, key[1] // 12)
                self.folded = self.folded | {key}
            elif how in ("toggle", "open"):
                self.folded = self.folded - {key}
            else:
                return
        else:
            if how == "open":
                self.notify("Nothing folded here.", timeout=2)
                return
            event = self.view.event
            index = base.find(event) if event else None
            group = innermost(self._groups(), index) if index is not None else None
            if group is None:
                return
            self.folded = self.folded | {group.key}
        self._reshape()
