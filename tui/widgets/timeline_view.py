"""The timeline: a virtualised list of events under year and month headings.

A ``ScrollView`` with ``render_line``: only the lines on screen are turned
into text, and rendered lines are kept in an LRU cache, so 100,000 events
scroll like 100. The lines themselves come from ``rows.Layout``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import date
from typing import ClassVar, Literal

from dateline.store.dates.labels import MONTH_NAMES, day_label, format_when
from dateline.store.model import Event
from dateline.tui.view.folding import FoldedLayout
from dateline.tui.view.inert import inert
from dateline.tui.view.lanes import LANE_WIDTH, Lanes
from dateline.tui.view.layout import EVENT, MONTH, TODAY, YEAR, Layout
from dateline.tui.view.marks import MARKED, MARKS_WIDTH, event_marks
from dateline.tui.view.proportional import GAP, SPAN_COLUMNS, TimeLayout
from dateline.tui.view.shown_zone import shown_zone
from dateline.tui.view.textmatch import match_spans
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

DATE_WIDTH = 13
#: In time-to-scale mode: the step's name, then the span columns.
AXIS_WIDTH = 9

#: What ``next_hit`` did: moved on, went round an end of the list, or nothing.
HitMove = Literal["moved", "wrapped", "none"]


class TimelineView(ScrollView, can_focus=True, inherit_bindings=False):
    """Date-ordered events; the cursor is always on an event, never a heading."""

    DEFAULT_CSS = """
    TimelineView {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    TimelineView:focus {
        border: round $accent;
        border-title-color: $accent;
    }
    TimelineView > .timeline--cursor {
        background: $accent 40%;
        text-style: bold;
    }
    TimelineView > .timeline--cursor-blurred {
        background: $panel-lighten-2;
    }
    TimelineView > .timeline--year {
        color: $accent;
        text-style: bold;
    }
    TimelineView > .timeline--month {
        color: $secondary;
        text-style: bold;
    }
    TimelineView > .timeline--today {
        color: $warning;
    }
    TimelineView > .timeline--date {
        color: $text-muted;
    }
    TimelineView > .timeline--marks {
        color: $warning;
    }
    TimelineView > .timeline--actors {
        color: $text-muted;
    }
    TimelineView > .timeline--match {
        background: $warning 50%;
        text-style: bold;
    }
    TimelineView > .timeline--hit {
        color: $warning;
    }
    TimelineView > .timeline--axis {
        color: $text;
        text-style: bold;
    }
    TimelineView > .timeline--span {
        color: $accent;
    }
    TimelineView > .timeline--span-approx {
        color: $warning;
        text-style: italic;
    }
    TimelineView > .timeline--gap {
        color: $text-muted;
        text-style: italic;
    }
    TimelineView > .timeline--lane {
        color: $text;
        text-style: bold;
    }
    TimelineView > .timeline--lane-cursor {
        background: $accent 30%;
    }
    TimelineView > .timeline--folded {
        color: $accent;
        text-style: bold;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next event", show=False, id="timeline.down"),
        Binding("j", "move(1)", "Next event", show=False, id="timeline.j"),
        Binding("up", "move(-1)", "Previous event", show=False, id="timeline.up"),
        Binding("k", "move(-1)", "Previous event", show=False, id="timeline.k"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="timeline.pagedown"),
        Binding("ctrl+d", "page(1)", "Page down", show=False, id="timeline.ctrl_d"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="timeline.pageup"),
        Binding("ctrl+u", "page(-1)", "Page up", show=False, id="timeline.ctrl_u"),
        Binding("g", "first", "First event", show=False, id="timeline.g"),
        Binding("home", "first", "First event", show=False, id="timeline.home"),
        Binding("G", "last", "Last event", show=False, id="timeline.G"),
        Binding("end", "last", "Last event", show=False, id="timeline.end"),
        Binding(
            "right_square_bracket",
            "month(1)",
            "Next month",
            show=False,
            id="timeline.month+",
        ),
        Binding(
            "left_square_bracket",
            "month(-1)",
            "Prev month",
            show=False,
            id="timeline.month-",
        ),
        Binding(
            "right_curly_bracket",
            "year(1)",
            "Next year",
            show=False,
            id="timeline.year+",
        ),
        Binding(
            "left_curly_bracket",
            "year(-1)",
            "Prev year",
            show=False,
            id="timeline.year-",
        ),
        Binding("t", "today", "Nearest today", show=False, id="timeline.today"),
        Binding("enter", "open", "Open event", show=False, id="timeline.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--cursor",
        "timeline--cursor-blurred",
        "timeline--year",
        "timeline--month",
        "timeline--today",
        "timeline--date",
        "timeline--marks",
        "timeline--actors",
        "timeline--match",
        "timeline--hit",
        "timeline--axis",
        "timeline--span",
        "timeline--span-approx",
        "timeline--gap",
        "timeline--lane",
        "timeline--lane-cursor",
        "timeline--folded",
    }

    class Highlighted(Message):
        """The cursor moved to ``event`` (None when the view is empty)."""

        def __init__(self, event: Event | None) -> None:
            super().__init__()
            self.event = event

    class Opened(Message):
        """Enter (or a double click) on ``event``."""

        def __init__(self, event: Event) -> None:
            super().__init__()
            self.event = event

    def __init__(
        self,
        *,
        actor_label: Callable[[Event, int], str],
        today: date | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.layout_data = Layout()
        self.cursor = -1
        self.today = today
        self._actor_label = actor_label
        self._search = ""
        self._hits: set[str] = set()
        self._hit_events: list[Event] = []
        self._hit_indices: list[int] = []
        #: Events marked with m (the explorer's multi-selection).
        self._marked: frozenset[str] = frozenset()
        self._cache: LRUCache[tuple[int, int, bool, bool, bool], Strip] = LRUCache(512)
        #: Styles looked up once per theme and focus, not once per line: the
        #: widget's own style walks every ancestor (a page drew ~35 lines,
        #: each asking three times).
        self._styles: dict[str, Style] = {}
        #: Actor lanes beside the titles (none: no lanes), and the chosen lane.
        self.lanes = Lanes()
        self.lane_cursor = 0

    # -- data ------------------------------------------------------------
    @property
    def event(self) -> Event | None:
        """The highlighted event."""
        if 0 <= self.cursor < len(self.layout_data.events):
            return self.layout_data.events[self.cursor]
        return None

    def set_layout(self, layout: Layout, select: int | None) -> None:
        """Show ``layout`` with the cursor on event index ``select``."""
        self.layout_data = layout
        self.cursor = -1
        self._hit_indices = self._index_hits()
        self._cache.clear()
        self.virtual_size = Size(0, layout.line_count)
        self.refresh()
        if select is None and layout.events:
            select = layout.nearest(self.today) if self.today else 0
        self.select(select if select is not None else -1, force=True)
        # The first layout can arrive before this view is laid out, when a
        # scroll is clamped to nothing: scroll again once it has its size.
        self.call_after_refresh(self._keep_cursor_in_view)

    def _keep_cursor_in_view(self) -> None:
        if 0 <= self.cursor < len(self.layout_data.events):
            self._scroll_to_line(self.layout_data.event_line(self.cursor))

    def set_search(self, query: str, hits: list[Event]) -> None:
        """Highlight ``query`` in rows; ``hits`` are the matching events."""
        self._search = query
        self._hits = {event.id for event in hits}
        self._hit_events = hits
        self._hit_indices = self._index_hits()
        self._cache.clear()
        self.refresh()

    def set_marked(self, marked: frozenset[str]) -> None:
        """Show ``marked`` event ids with the marked sign in their gutter."""
        self._marked = marked
        self._cache.clear()
        self.refresh()

    def set_lanes(self, lanes: Lanes, cursor: int = 0) -> None:
        """Show ``lanes`` (empty: none) with lane ``cursor`` chosen."""
        self.lanes = lanes
        self.lane_cursor = min(max(cursor, 0), max(len(lanes.actor_ids) - 1, 0))
        self._cache.clear()
        self.refresh()

    @property
    def search(self) -> str:
        return self._search

    @property
    def hit_count(self) -> int:
        return len(self._hit_indices)

    def _index_hits(self) -> list[int]:
        return self.layout_data.find_all(self._hit_events)

    def next_hit(self, forward: bool) -> HitMove:
        """Move to the next (or previous) search hit, wrapping round the ends;
        says whether it moved, wrapped, or found no hit."""
        hits = self._hit_indices
        if not hits:
            return "none"
        if forward:
            at = bisect.bisect_right(hits, self.cursor)
            wrapped = at >= len(hits)
            target = hits[0] if wrapped else hits[at]
        else:
            at = bisect.bisect_left(hits, self.cursor) - 1
            wrapped = at < 0
            target = hits[-1] if wrapped else hits[at]
        self.select(target)
        return "wrapped" if wrapped else "moved"

    # -- cursor ----------------------------------------------------------
    def select(self, index: int, *, force: bool = False) -> None:
        """Put the cursor on event ``index`` and scroll it into view."""
        count = len(self.layout_data.events)
        index = min(max(index, 0), count - 1) if count else -1
        if index == self.cursor and not force:
            return
        old = self.cursor
        self.cursor = index
        if 0 <= old < count:
            self.refresh_line(self.layout_data.event_line(old))
        if index >= 0:
            line = self.layout_data.event_line(index)
            self.refresh_line(line)
            self._scroll_to_line(line)
        self.post_message(self.Highlighted(self.event))

    def select_id(self, event_id: str) -> bool:
        """Select by id; a linear scan, for tests and rare jumps."""
        events = self.layout_data.events
        index = next((i for i, e in enumerate(events) if e.id == event_id), None)
        if index is None:
            return False
        self.select(index)
        return True

    def _scroll_to_line(self, line: int) -> None:
        # Show the headings right above the row too, so a jump lands in context.
        top = line
        layout = self.layout_data
        while top > 0 and line - top < 3 and layout.line(top - 1)[0] != EVENT:
            top -= 1
        self.scroll_to_region(
            Region(0, top, 1, line - top + 1), animate=False, immediate=True
        )

    def action_move(self, step: int) -> None:
        self.select(self.cursor + step)

    def action_page(self, direction: int) -> None:
        """Move by at most a screenful of lines, and by at least one event."""
        layout = self.layout_data
        if not layout.events:
            return
        page = max(1, self.scrollable_content_region.height - 1)
        target = max(0, layout.event_line(self.cursor) + direction * page)
        marks = layout.mark_lines
        if direction > 0:
            # The last event on or above the target line.
            through = target + 1 - bisect.bisect_right(marks, target)
            at = max(through - 1, self.cursor + 1)
        else:
            # The first event on or below the target line.
            at = min(target - bisect.bisect_left(marks, target), self.cursor - 1)
        self.select(at)

    def action_first(self) -> None:
        self.select(0)

    def action_last(self) -> None:
        self.select(len(self.layout_data.events) - 1)

    def _step_group(self, direction: int, *, year: bool) -> None:
        target = self.layout_data.group_step(self.cursor, direction > 0, year=year)
        if target is None:
            which = "year" if year else "month"
            where = "later" if direction > 0 else "earlier"
            self.notify(f"No {where} {which} in this view.", timeout=2)
            return
        self.select(target)

    def action_month(self, direction: int) -> None:
        self._step_group(direction, year=False)

    def action_year(self, direction: int) -> None:
        self._step_group(direction, year=True)

    def action_today(self) -> None:
        if self.today is None:
            return
        index = self.layout_data.nearest(self.today)
        if index is not None:
            self.select(index)

    def action_open(self) -> None:
        if self.event is not None:
            self.post_message(self.Opened(self.event))

    # -- mouse -------------------------------------------------------------
    def _event_at(self, y: int) -> int | None:
        return self.layout_data.event_at(int(self.scroll_y) + y)

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._event_at(offset.y)
        if index is None:
            return
        lane = self._lane_at(offset.x)
        if lane is not None:
            self.set_lanes(self.lanes, lane)
        if index == self.cursor and event.chain >= 2:
            self.action_open()
        else:
            self.select(index)

    def _lane_at(self, x: int) -> int | None:
        """The lane under column ``x`` of a row, if lanes are shown."""
        if not self.lanes:
            return None
        left = 2 + DATE_WIDTH + MARKS_WIDTH
        if isinstance(self.layout_data, TimeLayout):
            left += AXIS_WIDTH + SPAN_COLUMNS + 2
        return self.lanes.lane_at(x - left)

    # -- rendering ---------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_lines()

    def _forget_lines(self) -> None:
        self._cache.clear()
        self._styles.clear()

    def _on_focus(self, event: events.Focus) -> None:
        self._forget_lines()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._forget_lines()
        self.refresh()

    @property
    def _base_style(self) -> Style:
        """The widget's own style (its background under every line)."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _component(self, name: str) -> Style:
        """A component class's full style, looked up once."""
        key = "full:" + name
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self.get_component_rich_style(name)
        return style

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if not 0 <= line < self.layout_data.line_count:
            return Strip.blank(width, self._base_style)
        kind, payload = self.layout_data.line(line)
        selected = kind == EVENT and payload == self.cursor
        # The top row of a time-to-scale view names its step: it is drawn
        # apart from the same line lower down.
        top = y == 0 and isinstance(self.layout_data, TimeLayout)
        key = (line, width, selected, self.has_focus, top)
        strip = self._cache.get(key)
        if strip is None:
            text = self._line_text(line, kind, payload, width, selected, top)
            strip = Strip(text.render(self.app.console), text.cell_len)
            strip = strip.adjust_cell_length(width, self._base_style)
            self._cache[key] = strip
        return strip

    def _style(self, name: str) -> Style:
        cached = self._styles.get(name)
        if cached is None:
            cached = self._styles[name] = self._partial_style(name)
        return cached

    def _partial_style(self, name: str) -> Style:
        partial = self.get_component_rich_style(name, partial=True)
        if partial.color is None:
            return partial
        # A partial style drops alpha, so "$text-muted" (auto 60%) came out
        # white on a light theme; the full style's colour is blended over this
        # widget's own background. Its background is left out: the cursor row
        # paints under the line's styles and must show through.
        full = self.get_component_rich_style(name, partial=False)
        return partial + Style(color=full.color)

    def _line_text(
        self,
        line: int,
        kind: int,
        payload: int,
        width: int,
        selected: bool,
        top: bool = False,
    ) -> Text:
        layout = self.layout_data
        if isinstance(layout, TimeLayout):
            axis = self._axis(layout, line, kind, payload, top)
            room = width - axis.cell_len
            if kind == GAP:
                rest = Text(layout.gap_text[payload], self._style("timeline--gap"))
            else:
                rest = self._line_content(kind, payload, room, selected)
            text = Text.assemble(axis, rest)
        else:
            text = self._line_content(kind, payload, width, selected)
        text.stylize_before(self._base_style)
        return text

    def _axis(
        self, layout: TimeLayout, line: int, kind: int, payload: int, top: bool
    ) -> Text:
        """The step's name beside its first event (and on the top row), and
        the spans running past this line."""
        name = layout.step_name(payload, always=top) if kind == EVENT else ""
        text = Text(
            name.rjust(AXIS_WIDTH)[:AXIS_WIDTH] + " ", self._style("timeline--axis")
        )
        for cell in layout.spans_at(line):
            if isinstance(cell, str):
                text.append(cell)
            else:
                char, approximate = cell
                style = "timeline--span-approx" if approximate else "timeline--span"
                text.append(char, self._style(style))
        text.append(" ")
        return text

    def _line_content(
        self, kind: int, payload: int, width: int, selected: bool
    ) -> Text:
        style = self._style
        if kind == YEAR:
            label = f" {payload} "
            rule = "─" * max(0, width - len(label) - 1)
            return Text.assemble((label, style("timeline--year")), (rule, "dim"))
        if kind == MONTH:
            month = MONTH_NAMES[payload % 12]
            return Text(f"  {month}", style("timeline--month"))
        if kind == TODAY:
            assert self.today is not None
            label = f" today · {day_label(self.today)} "
            left = "  ──"
            rule = "─" * max(0, width - len(left) - len(label) - 1)
            return Text(left + label + rule, style("timeline--today"))
        layout = self.layout_data
        if isinstance(layout, FoldedLayout) and payload in layout.heads:
            return self._folded_text(*layout.heads[payload], width, selected)
        return self._event_text(layout.events[payload], width, selected)

    def _folded_text(
        self, heading: tuple[int, int], count: int, width: int, selected: bool
    ) -> Text:
        """A folded year or month: its name and how many events it holds."""
        kind, payload = heading
        name = f" ▸ {payload} " if kind == YEAR else f"  ▸ {MONTH_NAMES[payload % 12]} "
        label = f" {count:,} event{'' if count == 1 else 's'} folded "
        dots = "·" * max(0, width - len(name) - len(label) - 1)
        text = Text.assemble(
            (name, self._style("timeline--folded")),
            (dots, "dim"),
            (label, self._style("timeline--date")),
        )
        if selected:
            text.align("left", width)
            text.stylize_before(self._component(self._cursor_class))
        return text

    @property
    def _cursor_class(self) -> str:
        return "timeline--cursor" if self.has_focus else "timeline--cursor-blurred"

    def _lane_text(self, event: Event) -> Text:
        """The lanes block: the letter of each lane whose actor is in
        ``event``, the chosen lane shaded."""
        text = Text()
        mark = self._style("timeline--lane")
        for k, cell in enumerate(self.lanes.cells(event)):
            piece = Text(cell.ljust(LANE_WIDTH), mark if cell.isalpha() else "dim")
            if k == self.lane_cursor:
                piece.stylize(self._component("timeline--lane-cursor"))
            text.append_text(piece)
        return text

    def _event_text(self, event: Event, width: int, selected: bool) -> Text:
        style = self._style
        lanes = self._lane_text(event) if self.lanes else None
        fixed = 2 + DATE_WIDTH + MARKS_WIDTH + 1 + (lanes.cell_len + 1 if lanes else 0)
        room = max(8, width - fixed - 2)
        # Narrow terminals give the title more room: "+N" comes sooner.
        budget = room // 3 if room >= 60 else room // 4
        if room < 30 and (lanes or isinstance(self.layout_data, TimeLayout)):
            budget = 0  # lanes or a time axis already took the names' room
        # Short names come from records like titles do, so they pass the
        # same one gate on their way to the terminal.
        label = inert(self._actor_label(event, budget), single_line=True)
        actors = Text(label, style("timeline--actors"))
        actors.truncate(budget, overflow="ellipsis")
        title_width = max(4, room - actors.cell_len - (2 if actors.cell_len else 0))
        title = Text(inert(event.title, single_line=True))
        if self._search:
            match = self._component("timeline--match")
            for start, end in match_spans(title.plain, self._search):
                title.stylize(match, start, end)
        title.truncate(title_width, overflow="ellipsis", pad=True)
        zone = shown_zone(self.app)
        when = inert(format_when(event.when, with_year=False, zone=zone))
        hit = event.id in self._hits
        gutter = Text("▌ " if hit else "  ", style("timeline--hit") if hit else Style())
        if event.id in self._marked:
            gutter = Text.assemble(gutter[:1], (MARKED, style("timeline--marks")))
        text = Text.assemble(
            gutter,
            (when.ljust(DATE_WIDTH)[:DATE_WIDTH], style("timeline--date")),
            # A space after even four marks: "→~“?Title" would read as one word.
            (event_marks(event).ljust(MARKS_WIDTH) + " ", style("timeline--marks")),
            *((lanes, " ") if lanes else ()),
            title,
            "  " if actors.cell_len else "",
            actors,
        )
        if selected:
            text.align("left", width)
            cursor = (
                "timeline--cursor" if self.has_focus else "timeline--cursor-blurred"
            )
            text.stylize_before(self._component(cursor))
        return text
