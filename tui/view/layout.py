"""The timeline's line layout: which line is a heading, a today rule or an event.

Within a year, coarse events (a year, a decade, a season, a quarter, or
anything spanning more than a month) come first, right under the year
heading; the finer events follow under their month headings. So the display
order differs from date order: ``events`` is the display order and
``dated`` the date order, linked by ``display_of``.

Only the few hundred non-event lines (year and month headings, the today
rule) are stored; any line number maps to an event or a heading by bisection.
Building a layout is one pass over the events plus one bisection per month,
so it stays cheap at 100,000 events and can run in a worker thread. It holds
plain ints and the events, never widgets.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from dateline.store.model import MONTH_DAYS, Event

#: Line kinds. A line is ``(kind, payload)``.
EVENT = 0  # payload: index into ``Layout.events``
YEAR = 1  # payload: the year
MONTH = 2  # payload: year * 12 + month - 1
TODAY = 3  # payload: unused

Line = tuple[int, int]
#: Order of marks placed before the same event: today, then year, then month.
_RANK = {TODAY: 0, YEAR: 1, MONTH: 2}


def _span(event: Event) -> int:
    return event.when.end_day.toordinal() - event.when.start.toordinal()


@dataclass
class Layout:
    """Lines of one timeline view, and the lookups that keys need."""

    #: events in display order (coarse ones first within each year)
    events: list[Event] = field(default_factory=list)
    #: the same events in date order, as given to ``build_layout``
    dated: list[Event] = field(default_factory=list)
    #: start day (ordinal) of each event of ``dated``, ascending
    starts: list[int] = field(default_factory=list)
    #: display index of each event of ``dated``
    display_of: list[int] = field(default_factory=list)
    #: indices into ``dated`` of the coarse events, ascending
    coarse: list[int] = field(default_factory=list)
    #: non-event lines: what each is, and how many events come before it
    marks: list[Line] = field(default_factory=list)
    mark_before: list[int] = field(default_factory=list)
    #: line number of each mark (``mark_before[j] + j``)
    mark_lines: list[int] = field(default_factory=list)
    #: display indices that open a group (a year's coarse block or a month),
    #: and that open a year, ascending
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
        """Display index of ``event`` (by id), found through its start."""
        start = event.when.sort_day
        at = bisect.bisect_left(self.starts, start)
        while at < len(self.starts) and self.starts[at] == start:
            if self.dated[at].id == event.id:
                return self.display_of[at]
            at += 1
        return None

    def find_all(self, events: list[Event]) -> list[int]:
        """Display indices of those of ``events`` shown here, ascending.

        Few events: a bisect each. Many (a common word's search hits, 10k
        of 100k events): one walk over the layout, ~10x cheaper than as many
        bisects, on the UI thread.
        """
        # A bisect and a scan of the day cost some 30 steps of the walk.
        if len(events) * 32 < len(self.dated):
            found = (self.find(event) for event in events)
            return sorted(index for index in found if index is not None)
        ids = {event.id for event in events}
        display_of = self.display_of
        return sorted(
            display_of[at] for at, event in enumerate(self.dated) if event.id in ids
        )

    def containing(self, day: date) -> int | None:
        """Display index of the narrowest event whose interval holds ``day``
        (the later start wins ties); None if no event does."""
        first = day.toordinal()
        # Coarse events may start long before; fine ones at most MONTH_DAYS
        # (``FuzzyDate.coarse``), so only that window needs looking at.
        candidates = list(self.coarse)
        lo = bisect.bisect_left(self.starts, first - MONTH_DAYS)
        candidates.extend(range(lo, bisect.bisect_right(self.starts, first)))
        best: int | None = None
        for i in candidates:
            event = self.dated[i]
            if self.starts[i] > first or event.when.end_day.toordinal() < first:
                continue
            if best is None or (_span(event), -i) < (_span(self.dated[best]), -best):
                best = i
        return self.display_of[best] if best is not None else None

    def nearest(self, day: date) -> int | None:
        """Display index of the event to show for ``day``: the narrowest one
        running on it, else the one whose start is closest (later wins ties)."""
        if not self.events:
            return None
        held = self.containing(day)
        if held is not None:
            return held
        at = bisect.bisect_left(self.starts, day.toordinal())
        if at >= len(self.starts):
            at = len(self.starts) - 1
        elif at > 0:
            before, after = self.starts[at - 1], self.starts[at]
            if day.toordinal() - before < after - day.toordinal():
                at -= 1
        return self.display_of[at]

    def group_step(self, index: int, forward: bool, *, year: bool) -> int | None:
        """The first event of the next (or previous) group or year."""
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
        else the first after; else the last one (as display indices)."""
        if not self.events:
            return None
        at = bisect.bisect_left(self.starts, start.toordinal())
        if at < len(self.starts) and self.starts[at] <= end.toordinal():
            return self.display_of[at]
        first = start.toordinal()
        # Scan back only while events could still be running: coarse events
        # are rare, so this stops within a few steps in practice.
        for i in range(at - 1, max(-1, at - 2000), -1):
            if self.dated[i].when.end_day.toordinal() >= first:
                return self.display_of[i]
        return self.display_of[min(at, len(self.dated) - 1)]


def _next_month(day: date) -> int:
    if day.year == date.max.year and day.month == 12:
        return date.max.toordinal() + 1  # past December 9999: nothing follows
    return date(day.year + day.month // 12, day.month % 12 + 1, 1).toordinal()


def _year_end(year: int) -> int:
    """Ordinal of the first day after ``year``."""
    if year == date.max.year:
        return date.max.toordinal() + 1
    return date(year + 1, 1, 1).toordinal()


def build_layout(events: list[Event], today: date | None) -> Layout:
    """Group date-ordered ``events`` under year and month headings, coarse
    events first in their year, and place the today rule among the month
    groups: before the first finer event starting on or after today, after
    the coarse events of today's year."""
    # The day each sorts on: a zoned time's UTC day (``FuzzyDate.sort_day``).
    starts = [event.when.sort_day for event in events]
    coarse = [i for i, event in enumerate(events) if event.when.coarse]
    layout = Layout(dated=events, starts=starts, coarse=coarse)
    display_of = [0] * len(events)
    shown: list[Event] = []
    shown_starts: list[int] = []
    placed: list[tuple[int, int, Line]] = []  # (display index, rank, line)
    today_at: int | None = None
    today_ord = today.toordinal() if today is not None else 0
    c = 0  # next unplaced entry of ``coarse``
    i = 0
    while i < len(starts):
        year = date.fromordinal(starts[i]).year
        end = bisect.bisect_left(starts, _year_end(year), i)
        top = len(shown)
        layout.year_starts.append(top)
        placed.append((top, _RANK[YEAR], (YEAR, year)))
        # Coarse events of this year first, then the rest, each in date order.
        c_end = bisect.bisect_left(coarse, end, c)
        heads = coarse[c:c_end]
        if heads:
            layout.month_starts.append(top)
        display_of[i:end] = range(top, top + end - i)
        if heads:
            head_set = set(heads)
            order = [*heads, *(k for k in range(i, end) if k not in head_set)]
            for at, k in enumerate(order, top):
                display_of[k] = at
            shown.extend(events[k] for k in order)
            shown_starts.extend(starts[k] for k in order)
        else:  # the common case: copy slices, not events one by one
            shown.extend(events[i:end])
            shown_starts.extend(starts[i:end])
        c = c_end
        fine_lo = top + len(heads)
        fine_hi = len(shown)
        if today is not None and today_at is None:
            if today.year < year:
                today_at = top
            elif today.year == year:
                today_at = bisect.bisect_left(shown_starts, today_ord, fine_lo, fine_hi)
        at = fine_lo
        while at < fine_hi:
            day = date.fromordinal(shown_starts[at])
            layout.month_starts.append(at)
            placed.append((at, _RANK[MONTH], (MONTH, year * 12 + day.month - 1)))
            at = bisect.bisect_left(shown_starts, _next_month(day), at, fine_hi)
        i = end
    layout.events = shown
    layout.display_of = display_of
    if today is not None and events:
        rule = len(shown) if today_at is None else today_at
        bisect.insort(placed, (rule, _RANK[TODAY], (TODAY, 0)))
    layout.marks = [line for _, _, line in placed]
    layout.mark_before = [index for index, _, _ in placed]
    layout.mark_lines = [index + j for j, (index, _, _) in enumerate(placed)]
    if today is not None and events:
        j = next(j for j, line in enumerate(layout.marks) if line[0] == TODAY)
        layout.today_line = layout.mark_lines[j]
    return layout
