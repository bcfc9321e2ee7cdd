"""The timeline's line layout: which line is a heading, a today rule or an event.

Only the few hundred non-event lines (year and month headings, the today
rule) are stored; any line number maps to an event or a heading by bisection.
Building a layout is one pass over the start days plus one bisection per
month, so it stays cheap at 100,000 events and can run in a worker thread.
It holds plain ints and the events, never widgets.
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
#: Order of marks placed before the same event: today, then year, then month.
_RANK = {TODAY: 0, YEAR: 1, MONTH: 2}


@dataclass
class Layout:
    """Lines of one timeline view, and the lookups that keys need."""

    events: list[Event] = field(default_factory=list)
    #: start day (ordinal) of each event, ascending
    starts: list[int] = field(default_factory=list)
    #: non-event lines: what each is, and how many events come before it
    marks: list[Line] = field(default_factory=list)
    mark_before: list[int] = field(default_factory=list)
    #: line number of each mark (``mark_before[j] + j``)
    mark_lines: list[int] = field(default_factory=list)
    #: event indices that open a month / a year group, ascending
    month_starts: list[int] = field(default_factory=list)
    year_starts: list[int] = field(default_factory=list)
    today_line: int | None = None

    def __len__(self) -> int:
        return len(self.events)

    @property
    def line_count(self) -> int:
        return len(self.events) + len(self.marks)

    def line(self, number: int) -> Line:
        """What line ``number`` shows."""
        k = bisect.bisect_right(self.mark_lines, number)
        if k and self.mark_lines[k - 1] == number:
            return self.marks[k - 1]
        return (EVENT, number - k)

    def event_line(self, index: int) -> int:
        """The line number of event ``index``."""
        return index + bisect.bisect_right(self.mark_before, index)

    def event_at(self, number: int) -> int | None:
        """The event on line ``number``, or the first one after a heading."""
        if not 0 <= number < self.line_count:
            return None
        k = bisect.bisect_right(self.mark_lines, number)
        index = (
            self.mark_before[k - 1]
            if k and self.mark_lines[k - 1] == number
            else number - k
        )
        return index if index < len(self.events) else None

    def find(self, event: Event) -> int | None:
        """Index of ``event`` (by id) in this layout, found through its start."""
        start = event.when.start.toordinal()
        at = bisect.bisect_left(self.starts, start)
        while at < len(self.starts) and self.starts[at] == start:
            if self.events[at].id == event.id:
                return at
            at += 1
        return None

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


def _next_month(day: date) -> int:
    if day.year == date.max.year and day.month == 12:
        return date.max.toordinal() + 1  # past December 9999: nothing follows
    return date(day.year + day.month // 12, day.month % 12 + 1, 1).toordinal()


def build_layout(events: list[Event], today: date | None) -> Layout:
    """Group date-ordered ``events`` under year and month headings and place
    the today rule before the first event that starts on or after today."""
    # ``toordinal`` of a datetime is its day, so no date conversion is needed.
    starts = [event.when.start.toordinal() for event in events]
    layout = Layout(events=events, starts=starts)
    placed: list[tuple[int, int, Line]] = []  # (event index, rank, line)
    year = -1
    i = 0
    while i < len(starts):
        day = date.fromordinal(starts[i])
        if day.year != year:
            year = day.year
            layout.year_starts.append(i)
            placed.append((i, _RANK[YEAR], (YEAR, year)))
        layout.month_starts.append(i)
        placed.append((i, _RANK[MONTH], (MONTH, year * 12 + day.month - 1)))
        i = bisect.bisect_left(starts, _next_month(day), i)
    if today is not None and events:
        at = bisect.bisect_left(starts, today.toordinal())
        bisect.insort(placed, (at, _RANK[TODAY], (TODAY, 0)))
    layout.marks = [line for _, _, line in placed]
    layout.mark_before = [index for index, _, _ in placed]
    layout.mark_lines = [index + j for j, (index, _, _) in enumerate(placed)]
    if today is not None and events:
        j = next(j for j, line in enumerate(layout.marks) if line[0] == TODAY)
        layout.today_line = layout.mark_lines[j]
    return layout
