"""The timeline with time to scale: empty steps of time take lines too.

At a chosen scale (decade, year, month, week, day) every step of time with
no event in it is one blank line, so a quiet fortnight or a silent year is
seen as space; a run of more than ``MAX_GAP`` empty steps is cut to that many
lines, one of them saying how long the gap is. A step with events takes one
line per event, in date order (coarse events sit at their start, where time
puts them). Each step is named once, beside its first event.

Events that run over more than one step (a month at week scale, a season at
month scale) are drawn as spans down ``SPAN_COLUMNS`` columns beside the
rows, from their own row to the row where they end: the interval with its
precision, with approximate ones in a style of their own.

A ``TimeLayout`` is a ``Layout``: the timeline view moves its cursor and
scrolls it with the same lookups, and only the gap lines are stored. Building
one is a walk over the non-empty steps (one bisection each) plus one pass
over the events that span steps.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from dateline.tui.view.layout import TODAY, Layout, Line
from dateline.tui.view.timescale import (
    Scale,
    gap_words,
    step_label,
    step_of,
    step_start,
)

#: Line kind of a blank line standing for empty time; payload: index into
#: ``TimeLayout.gap_text``.
GAP = 4
#: Longest run of blank lines one gap takes.
MAX_GAP = 6
#: Columns for spans beside the rows; a span that finds none free is left
#: out (its row's date still says how long it runs).
SPAN_COLUMNS = 3
#: Span drawing: (start, middle, end, one line), exact and approximate.
SPAN_EXACT = ("┬", "│", "┴", "─")
SPAN_APPROX = ("╥", "┊", "╨", "╌")


@dataclass(frozen=True)
class Span:
    first_line: int
    last_line: int
    approximate: bool


@dataclass
class TimeLayout(Layout):
    """A ``Layout`` in date order with blank lines for empty time."""

    scale: Scale = "month"
    #: text of each gap line ("" for all but the one carrying the label)
    gap_text: list[str] = field(default_factory=list)
    #: event index opening each non-empty step, and that step, ascending
    step_firsts: list[int] = field(default_factory=list)
    steps: list[int] = field(default_factory=list)
    #: spans per column, by first line; and their first lines, for bisection
    columns: list[list[Span]] = field(default_factory=list)
    column_starts: list[list[int]] = field(default_factory=list)

    def step_name(self, index: int, *, always: bool = False) -> str:
        """The step's name beside its first event; "" beside the others,
        unless ``always`` (the top row names its step, as a page heading)."""
        k = bisect.bisect_right(self.step_firsts, index) - 1
        if k < 0 or (self.step_firsts[k] != index and not always):
            return ""
        return step_label(self.steps[k], self.scale)

    def spans_at(self, line: int) -> list[str | tuple[str, bool]]:
        """Per span column: " " or (character, approximate) on ``line``."""
        cells: list[str | tuple[str, bool]] = []
        for spans, starts in zip(self.columns, self.column_starts, strict=True):
            k = bisect.bisect_right(starts, line) - 1
            if k < 0 or spans[k].last_line < line:
                cells.append(" ")
                continue
            span = spans[k]
            chars = SPAN_APPROX if span.approximate else SPAN_EXACT
            if span.first_line == span.last_line:
                char = chars[3]
            elif line == span.first_line:
                char = chars[0]
            elif line == span.last_line:
                char = chars[2]
            else:
                char = chars[1]
            cells.append((char, span.approximate))
        return cells

    def group_step(self, index: int, forward: bool, *, year: bool) -> int | None:
        """The first event of the next (or previous) month or year: events
        are in date order here, so a bisection over the starts finds it."""
        if not self.events:
            return None
        scale: Scale = "year" if year else "month"
        here = step_of(self.starts[index], scale)
        if forward:
            at = bisect.bisect_left(self.starts, step_start(here + 1, scale))
            return at if at < len(self.starts) else None
        opening = bisect.bisect_left(self.starts, step_start(here, scale))
        if opening == 0:
            return None
        before = step_of(self.starts[opening - 1], scale)
        return bisect.bisect_left(self.starts, step_start(before, scale))


def build_time_layout(base: Layout, scale: Scale, today: date | None) -> TimeLayout:
    """``base``'s events at ``scale``: blank lines for empty steps, a today
    rule where today falls, spans for events longer than a step."""
    events = base.dated
    starts = base.starts
    layout = TimeLayout(
        events=events,
        dated=events,
        starts=starts,
        display_of=list(range(len(events))),
        coarse=base.coarse,
        scale=scale,
    )
    placed: list[tuple[int, Line]] = []  # (events before, line)
    today_step = step_of(today.toordinal(), scale) if today else None
    today_placed = today is None or not events
    previous: int | None = None
    at = 0
    while at < len(starts):
        step = step_of(starts[at], scale)
        if previous is not None and step - previous > 1:
            empty = step - previous - 1
            lines = min(empty, MAX_GAP)
            today_at = -1
            if not today_placed and today_step is not None and today_step < step:
                # Today in the gap: as far down it as today is.
                today_at = min(today_step - previous - 1, lines)
                today_placed = True
            label_at = lines // 2
            for g in range(lines):
                if g == today_at:
                    placed.append((at, (TODAY, 0)))
                text = _gap_label(empty, scale) if g == label_at else ""
                placed.append((at, (GAP, len(layout.gap_text))))
                layout.gap_text.append(text)
            if today_at == lines:
                placed.append((at, (TODAY, 0)))
        if not today_placed and today_step is not None and today_step <= step:
            # Today before this step, or in it: before its first event on or
            # after today.
            assert today is not None
            nxt = step_start(step + 1, scale)
            rule = bisect.bisect_left(starts, today.toordinal(), at, len(starts))
            placed.append((min(rule, bisect.bisect_left(starts, nxt, at)), (TODAY, 0)))
            today_placed = True
        layout.step_firsts.append(at)
        layout.steps.append(step)
        previous = step
        at = bisect.bisect_left(starts, step_start(step + 1, scale), at + 1)
    if not today_placed:
        # Today after every event: the time up to it is a gap too.
        assert today_step is not None and previous is not None
        empty = today_step - previous - 1
        lines = min(max(empty, 0), MAX_GAP)
        for g in range(lines):
            text = _gap_label(empty, scale) if g == lines // 2 else ""
            placed.append((len(events), (GAP, len(layout.gap_text))))
            layout.gap_text.append(text)
        placed.append((len(events), (TODAY, 0)))
    placed.sort(key=lambda item: item[0])  # stable: gap order is kept
    layout.marks = [line for _, line in placed]
    layout.mark_before = [before for before, _ in placed]
    layout.mark_lines = [before + j for j, (before, _) in enumerate(placed)]
    for j, (kind, _) in enumerate(layout.marks):
        if kind == TODAY:
            layout.today_line = layout.mark_lines[j]
    _place_spans(layout)
    return layout


def _gap_label(empty: int, scale: Scale) -> str:
    return f"⋯ {gap_words(empty, scale)} without events"


def _place_spans(layout: TimeLayout) -> None:
    """Give each event longer than a step a column, first free one first."""
    scale = layout.scale
    starts = layout.starts
    layout.columns = [[] for _ in range(SPAN_COLUMNS)]
    layout.column_starts = [[] for _ in range(SPAN_COLUMNS)]
    busy = [-1] * SPAN_COLUMNS  # last line each column is taken to
    free_from = -1  # no column is free on or above this line
    mark_before = layout.mark_before
    marks = 0  # marks above the current event's line
    for index, event in enumerate(layout.events):
        when = event.when
        if when.end == when.start:
            continue  # the common case: one day (or one moment)
        while marks < len(mark_before) and mark_before[marks] <= index:
            marks += 1
        first_line = index + marks
        if free_from >= first_line:
            continue  # every column is taken here: nothing to draw
        end = when.end_day.toordinal()
        first_step = step_of(starts[index], scale)
        last_step = step_of(end, scale)
        if last_step == first_step:
            continue
        last_line = _last_line_of(layout, last_step, first_line)
        for column in range(SPAN_COLUMNS):
            if busy[column] < first_line:
                busy[column] = last_line
                layout.columns[column].append(
                    Span(first_line, last_line, when.approximate)
                )
                layout.column_starts[column].append(first_line)
                break
        free_from = min(busy)


def _last_line_of(layout: TimeLayout, step: int, floor: int) -> int:
    """The row of the last event in ``step`` or, when the step is empty, the
    blank line standing for it (a cut gap: its last line); never above
    ``floor``."""
    k = bisect.bisect_right(layout.steps, step) - 1
    if k < 0:
        return floor
    last_event = (
        layout.step_firsts[k + 1] - 1
        if k + 1 < len(layout.step_firsts)
        else len(layout.events) - 1
    )
    line = layout.event_line(last_event)
    if layout.steps[k] != step:
        line += min(step - layout.steps[k], MAX_GAP)
    return max(floor, min(line, layout.line_count - 1))
