"""The overview ribbon: where the filtered events fall over their whole span.

Three lines: density bars (coarse events spread over their span), the coarse
events' own row, and the ticks with today. The part of time the timeline
shows is shaded and the highlighted event's cell is bold. The picture comes
from ``view.overview``; this widget only draws it, once per width and
filter, and a cursor move redraws three lines.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.tui.view.overview import Extent, Ribbon, build_ribbon
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

#: The lines of the ribbon, top down.
BARS_LINE, SPANS_LINE, TICKS_LINE = range(3)


class OverviewRibbon(Widget):
    """Density of the shown events over time; a click jumps there."""

    DEFAULT_CSS = """
    OverviewRibbon {
        height: 3;
    }
    OverviewRibbon > .overview--bars {
        color: $accent;
    }
    OverviewRibbon > .overview--spans {
        color: $secondary;
    }
    OverviewRibbon > .overview--ticks {
        color: $text-muted;
    }
    OverviewRibbon > .overview--window {
        background: $accent 25%;
    }
    OverviewRibbon > .overview--cursor {
        background: $accent 70%;
        text-style: bold;
    }
    OverviewRibbon > .overview--today {
        color: $warning;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "overview--bars",
        "overview--spans",
        "overview--ticks",
        "overview--window",
        "overview--cursor",
        "overview--today",
    }

    class Jump(Message):
        """A click on the ribbon: show the events of days ``first..last``."""

        def __init__(self, first: int, last: int) -> None:
            super().__init__()
            self.first = first
            self.last = last

    def __init__(
        self,
        *,
        today: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.today = today
        self.extent = Extent([], [], 0)
        self._ribbon: Ribbon | None = None
        #: first and last day the timeline shows, and the cursor's day
        self.window: tuple[int, int] | None = None
        self.cursor_day: int | None = None

    # -- state -------------------------------------------------------------
    def show_extent(self, extent: Extent) -> None:
        """Draw ``extent`` (the filtered events) from now on."""
        if extent is self.extent:
            return
        self.extent = extent
        self._ribbon = None
        self.refresh()

    def show_window(self, first: int, last: int, cursor: int | None) -> None:
        """Shade days ``first..last`` and mark the cursor's day."""
        window = (min(first, last), max(first, last))
        if window == self.window and cursor == self.cursor_day:
            return
        self.window = window
        self.cursor_day = cursor
        self.refresh()

    @property
    def ribbon(self) -> Ribbon:
        width = self._cells
        if self._ribbon is None or self._ribbon.width != width:
            self._ribbon = build_ribbon(self.extent, width, self.today)
        return self._ribbon

    @property
    def _cells(self) -> int:
        """Cells the ribbon has: the width less a margin each side."""
        return max(self.size.width - 2, 1)

    # -- mouse -------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.extent.empty:
            return
        first, last = self.ribbon.days_of(offset.x - 1)
        self.post_message(self.Jump(first, last))

    # -- drawing -----------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self._cells
        if y > TICKS_LINE:
            return Strip.blank(self.size.width, self.rich_style)
        ribbon = self.ribbon
        style = self.get_component_rich_style
        if y == BARS_LINE:
            text, base = ribbon.bars(), style("overview--bars")
        elif y == SPANS_LINE:
            text, base = ribbon.spans(), style("overview--spans")
        else:
            text, base = ribbon.tick_row(), style("overview--ticks")
        cells = [Style()] * width
        if self.window is not None and y != TICKS_LINE:
            lo, hi = (ribbon.cell_of(day) for day in self.window)
            shade = style("overview--window")
            cells[lo : hi + 1] = [shade] * (hi - lo + 1)
        if self.cursor_day is not None and y == BARS_LINE:
            cells[ribbon.cell_of(self.cursor_day)] = style("overview--cursor")
        today_at = ribbon.today
        if y == TICKS_LINE and today_at is not None:
            cells[min(max(today_at, 0), width - 1)] = style("overview--today")
        segments = []
        rich = self.rich_style
        run_start = 0
        for x in range(1, width + 1):
            if x == width or cells[x] is not cells[run_start]:
                look = rich + base + cells[run_start]
                segments.append(Segment(text[run_start:x], look))
                run_start = x
        pad = Segment(" ", rich)
        return Strip([pad, *segments, pad]).adjust_cell_length(self.size.width, rich)
