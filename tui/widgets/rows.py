"""The timeline's line layout: which line is a heading, a today rule or an event.

Built once per filter change in one pass over the date-ordered events, so it
can run in a worker thread; it holds plain ints, never widgets. The timeline
widget turns a line into text only when that line is on screen.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from store.model import Event

#: Line kinds. A line is ``(kind, payload)``.
EVENT = 0  # payload: index into ``Layout.events``
YEAR = 1  # payload: the year
MONTH = 2  # payload: year * 12 + month - 1
TODAY = 3  # payload: unused

Line = tuple[int, int]


@dataclass
class Layout:
    """Lines of one timeline view, and the lookups that keys need."""

    events: list[Event] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    #: line number of each event, by event index
    event_line: list[int] = field(default_factory=list)
    #: start day (ordinal) of each event, ascending: for nearest-by-date
    starts: list[int] = field(default_factory=list)
    #: event indices that open a month / a year group, ascending
    month_starts: list[int] = field(default_factory=list)
    year_starts: list[int] = field(default_factory=list)
    index_of: dict[str, int] = field(default_factory=dict)
    today_line: int | None = None

    def __len__(self) -> int:
        return len(self.events)

    def nearest(self, day: date) -> int | None:
        """Index of the event whose start is closest to ``day`` (later wins ties)."""
        if not self.events:
            return None
        at = bisect.bisect_left(self.starts, day.toordinal())
        if at >= len(self.starts):
            return len(self.starts) - 1
        if at == 0:
            return 0
        before, after = self.starts[at - 1], self.starts[at]
        return at - 1 if day.toordinal() - before < after - day.toordinal() else at

    def group_step(self, index: int, forward: bool, *, year: bool) -> int | None:
        """The first event of the next (or previous) month or year group."""
        starts = self.year_starts if year else self.month_starts
        if not starts:
            return None
        if forward:
            at = bisect.bisect_right(starts, index)
            return starts[at] if at < len(starts) else None
        # The group holding ``index`` begins at starts[at - 1]; step before it.
        at = bisect.bisect_right(starts, index) - 1
        return starts[at - 1] if at >= 1 else None

    def landing(self, start: date, end: date) -> int | None:
        """Where "go to this date" lands: the first event starting inside
        ``start..end``; else the latest event still running on ``start``;
        else the first after; else the last one."""
        if not self.events:
            return None
        at = bisect.bisect_left(self.starts, start.toordinal())
        if at < len(self.starts) and self.starts[at] <= end.toordinal():
            return at
        first = start.toordinal()
        # Scan back only while events could still be running: coarse events
        # are rare, so this stops within a few steps in practice.
        for i in range(at - 1, max(-1, at - 2000), -1):
            if self.events[i].when.end_day.toordinal() >= first:
                return i
        return at if at < len(self.events) else len(self.events) - 1


def build_layout(events: list[Event], today: date | None) -> Layout:
    """Group date-ordered ``events`` under year and month headings and place
    the today rule before the first event that starts on or after today."""
    layout = Layout(events=events)
    lines = layout.lines
    event_line = layout.event_line
    starts = layout.starts
    today_ord = today.toordinal() if today is not None else None
    year = month = -1
    for i, event in enumerate(events):
        day = event.when.start_day
        ordinal = day.toordinal()
        if today_ord is not None and layout.today_line is None and ordinal >= today_ord:
            layout.today_line = len(lines)
            lines.append((TODAY, 0))
        if day.year != year:
            year = day.year
            month = -1
            layout.year_starts.append(i)
            lines.append((YEAR, year))
        if day.month != month:
            month = day.month
            layout.month_starts.append(i)
            lines.append((MONTH, year * 12 + month - 1))
        event_line.append(len(lines))
        lines.append((EVENT, i))
        starts.append(ordinal)
    if today_ord is not None and layout.today_line is None and events:
        layout.today_line = len(lines)
        lines.append((TODAY, 0))
    layout.index_of = {event.id: i for i, event in enumerate(events)}
    return layout
