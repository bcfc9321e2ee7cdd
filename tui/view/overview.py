"""The overview ribbon's picture: event density over the whole span, as text.

The whole span of the filtered events is cut into one cell per terminal
column. An event known to a day (or a week, or a month) counts in the cell of
its start; a coarse one (a year, a season, a decade, anything over a month)
is spread over every cell it covers, so a "2025" event is a span, not a spike,
and also shows in a row of its own. Counting the points is one bisection
per cell over the sorted starts, so building a ribbon costs
O(width x log events + coarse events), whatever the timeline's size; moving
the window mark costs nothing but a refresh.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from dateline.tui.view.layout import Layout
from dateline.tui.view.timescale import (
    STEP_DAYS,
    Scale,
    step_label,
    step_of,
    step_start,
)

#: Nine heights of bar, empty first.
BARS = " ▁▂▃▄▅▆▇█"
#: A span row cell: none, a few coarse events, many.
SPANS = (" ", "─", "━")
#: Today outside the span is shown by an arrow at that end.
TODAY_BEFORE, TODAY_AFTER = "◀", "▶"
TODAY_MARK = "▲"
#: Today widens the span only when that costs at most this share of it.
_TODAY_STRETCH = 0.25


@dataclass(frozen=True)
class Extent:
    """What a ribbon is drawn from: the filtered events' starts (sorted) and
    their coarse events as (first day, last day), all as ordinals."""

    starts: list[int]
    coarse: list[tuple[int, int]]
    #: the last day any event runs to
    last: int

    @property
    def empty(self) -> bool:
        return not self.starts


def extent_of(layout: Layout) -> Extent:
    """The extent of a layout's events: one pass over its coarse events."""
    starts = layout.starts
    if not starts:
        return Extent([], [], 0)
    coarse = []
    for i in layout.coarse:
        when = layout.dated[i].when
        coarse.append((starts[i], when.end_day.toordinal()))
    # Fine events end within a month of their start (``FuzzyDate.coarse``).
    tail = layout.dated[-64:]
    last = max([e.when.end_day.toordinal() for e in tail] + [end for _, end in coarse])
    return Extent(starts, coarse, last)


@dataclass
class Ribbon:
    """One ribbon at one width: cells, their counts, ticks and today."""

    width: int
    #: first day of each cell, and one past the last cell (``width + 1``)
    bounds: list[int]
    #: events starting in each cell (coarse ones left out)
    points: list[int]
    #: points plus each coarse event's share of the cells it covers
    density: list[float]
    #: how many coarse events cover each cell
    cover: list[int]
    #: (cell, label) of each tick that fits
    ticks: list[tuple[int, str]] = field(default_factory=list)
    tick_scale: Scale = "year"
    #: today's cell; -1 before the span, ``width`` after it, None unknown
    today: int | None = None

    @property
    def first(self) -> int:
        return self.bounds[0]

    @property
    def last(self) -> int:
        return self.bounds[-1] - 1

    def cell_of(self, day: int) -> int:
        """The cell holding ``day`` (clamped to the ribbon)."""
        cell = bisect.bisect_right(self.bounds, day) - 1
        return min(max(cell, 0), self.width - 1)

    def days_of(self, cell: int) -> tuple[int, int]:
        """First and last day (ordinals) of ``cell``."""
        cell = min(max(cell, 0), self.width - 1)
        return self.bounds[cell], max(self.bounds[cell], self.bounds[cell + 1] - 1)

    def bars(self) -> str:
        """The density row: taller bars where more events fall, any event at
        all at least the lowest bar (square-root scale, so a lone event next
        to a busy week stays visible)."""
        peak = max(self.density, default=0.0)
        if peak <= 0:
            return " " * self.width
        top = len(BARS) - 1
        cells = []
        for value in self.density:
            if value <= 0:
                cells.append(BARS[0])
            else:
                level = round(top * math.sqrt(value / peak))
                cells.append(BARS[min(max(level, 1), top)])
        return "".join(cells)

    def spans(self) -> str:
        """The coarse row: where year, season and decade events lie."""
        peak = max(self.cover, default=0)
        return "".join(
            SPANS[0] if c == 0 else SPANS[2 if c * 2 > peak else 1] for c in self.cover
        )

    def tick_row(self) -> str:
        """Tick labels at their cells, and today's mark over them."""
        row = [" "] * self.width
        for cell, label in self.ticks:
            row[cell : cell + len(label)] = label
        if self.today is not None:
            mark = (
                TODAY_BEFORE
                if self.today < 0
                else TODAY_AFTER
                if self.today >= self.width
                else TODAY_MARK
            )
            row[min(max(self.today, 0), self.width - 1)] = mark
        return "".join(row[: self.width])


def build_ribbon(extent: Extent, width: int, today: int | None = None) -> Ribbon:
    """The ribbon of ``extent`` in ``width`` cells, with ``today`` (ordinal)."""
    width = max(width, 1)
    if extent.empty:
        first, stop = (today, today + 1) if today else (1, 2)
    else:
        first, stop = extent.starts[0], max(extent.last, extent.starts[-1]) + 1
        if today is not None:
            stretch = max(first - today, today + 1 - stop, 0)
            if stretch and stretch <= _TODAY_STRETCH * (stop - first):
                first, stop = min(first, today), max(stop, today + 1)
    span = max(stop - first, width)  # never a cell shorter than a day
    bounds = [first + (span * i) // width for i in range(width + 1)]
    starts = extent.starts
    coarse_starts = [s for s, _ in extent.coarse]
    at = [bisect.bisect_left(starts, b) for b in bounds]
    coarse_at = [bisect.bisect_left(coarse_starts, b) for b in bounds]
    points = [
        (at[i + 1] - at[i]) - (coarse_at[i + 1] - coarse_at[i]) for i in range(width)
    ]
    density = [float(p) for p in points]
    cover = [0] * (width + 1)
    share = [0.0] * (width + 1)
    for s, e in extent.coarse:
        lo = min(max(bisect.bisect_right(bounds, s) - 1, 0), width - 1)
        hi = min(max(bisect.bisect_right(bounds, e) - 1, lo), width - 1)
        cover[lo] += 1
        cover[hi + 1] -= 1
        weight = 1.0 / (hi - lo + 1)
        share[lo] += weight
        share[hi + 1] -= weight
    running, spread = 0, 0.0
    for i in range(width):
        running += cover[i]
        spread += share[i]
        cover[i] = running
        density[i] += max(spread, 0.0)
    ribbon = Ribbon(width, bounds, points, density, cover[:width])
    ribbon.tick_scale, ribbon.ticks = ticks(bounds, width)
    if today is not None:
        ribbon.today = (
            -1
            if today < bounds[0]
            else width
            if today >= bounds[-1]
            else ribbon.cell_of(today)
        )
    return ribbon


def _tick_label(step: int, scale: Scale) -> str:
    if scale == "month":
        # January carries the year, the other months their short name.
        return str(step // 12) if step % 12 == 0 else step_label(step, scale)[:3]
    return step_label(step, scale)


#: Tick scales tried finest first, with the room (cells) a label needs.
_TICK_SCALES: tuple[tuple[Scale, int], ...] = (
    ("day", 10),
    ("week", 10),
    ("month", 5),
    ("year", 5),
    ("decade", 7),
)


def ticks(bounds: list[int], width: int) -> tuple[Scale, list[tuple[int, str]]]:
    """Ticks for the span ``bounds`` covers: months, years or decades,
    whichever is the finest whose labels fit side by side; labels that would
    touch the one before are left out."""
    first, stop = bounds[0], bounds[-1]
    days_per_cell = (stop - first) / width
    scale: Scale = "decade"
    for candidate, room in _TICK_SCALES:
        if STEP_DAYS[candidate] / days_per_cell >= room:
            scale = candidate
            break
    found: list[tuple[int, str]] = []
    step = step_of(first, scale)
    if step_start(step, scale) < first:
        step += 1
    free = 0
    while True:
        day = step_start(step, scale)
        if day >= stop:
            break
        cell = bisect.bisect_right(bounds, day) - 1
        label = _tick_label(step, scale)
        if cell >= free and cell + len(label) <= width:
            found.append((cell, label))
            free = cell + len(label) + 1
        step += 1
    return scale, found
