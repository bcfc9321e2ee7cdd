"""Folded years and months: a ``Layout`` with whole groups shown as one line.

A folded group (a year, or a month within a year) keeps one line: its first
event stands for it, drawn as the group's heading with the count of events
folded into it. So the cursor, which is always on an event, can rest on a
folded heading, and ``space`` there unfolds it. Every event of a folded group
maps to that line, so going to one of them lands on its folded heading.

Folding is a function of the list layout and a set of fold keys; the keys are
the headings' own lines (``(YEAR, 2025)``, ``(MONTH, 2025 * 12 + 2)``), so
they survive a filter change or an edit that rebuilds the list.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from dateline.tui.view.layout import MONTH, TODAY, YEAR, Layout, Line


@dataclass(frozen=True)
class Group:
    """A heading and the display indices ``lo..hi-1`` of its events."""

    key: Line
    lo: int
    hi: int

    @property
    def count(self) -> int:
        return self.hi - self.lo


def groups_of(layout: Layout) -> list[Group]:
    """Every year and month group of a list layout, in line order (a year
    before its months)."""
    n = len(layout.events)
    headings = [
        (line, before)
        for line, before in zip(layout.marks, layout.mark_before, strict=True)
        if line[0] in (YEAR, MONTH)
    ]
    found: list[Group] = []
    for j, (line, lo) in enumerate(headings):
        hi = n
        for later, before in headings[j + 1 :]:
            if later[0] == YEAR or line[0] == MONTH:
                hi = before
                break
        found.append(Group(line, lo, hi))
    return found


def innermost(groups: list[Group], index: int) -> Group | None:
    """The month holding display index ``index``, else its year (a coarse
    event sits in its year, above the months)."""
    best: Group | None = None
    for group in groups:
        inside = group.lo <= index < group.hi and group.count > 0
        if inside and (best is None or group.key[0] == MONTH):
            best = group
    return best


def year_of(groups: list[Group], key: Line) -> Line | None:
    """The year heading holding the month ``key``."""
    if key[0] == YEAR:
        return key
    return (YEAR, key[1] // 12)


@dataclass
class FoldedLayout(Layout):
    """A list layout with some groups folded to one line each."""

    #: display index of each folded group's line -> (heading, events in it)
    heads: dict[int, tuple[Line, int]] = field(default_factory=dict)

    def __len__(self) -> int:
        # Events, folded or not: the header's "N of M events" counts them all.
        return len(self.dated)


def fold(base: Layout, folded: frozenset[Line], groups: list[Group]) -> Layout:
    """``base`` with the groups named in ``folded`` folded (a month inside a
    folded year folds with it); ``base`` itself when nothing is folded."""
    years = {g.key for g in groups if g.key in folded and g.key[0] == YEAR}
    active = sorted(
        (
            g
            for g in groups
            if g.key in folded
            and g.count > 0
            and (g.key[0] == YEAR or year_of(groups, g.key) not in years)
        ),
        key=lambda g: g.lo,
    )
    if not active:
        return base
    events = base.events
    n = len(events)
    shown = []
    new_of_base: list[int] = []
    heads: dict[int, tuple[Line, int]] = {}
    pos = 0
    for group in active:
        shown.extend(events[pos : group.lo])
        new_of_base.extend(range(len(new_of_base), group.lo - pos + len(new_of_base)))
        head = len(shown)
        shown.append(events[group.lo])
        heads[head] = (group.key, group.count)
        new_of_base.extend([head] * group.count)
        pos = group.hi
    new_of_base.extend(range(len(shown), len(shown) + n - pos))
    shown.extend(events[pos:])
    los = [g.lo for g in active]

    def inside(before: int) -> Group | None:
        k = bisect.bisect_right(los, before) - 1
        return active[k] if k >= 0 and before < active[k].hi else None

    marks: list[Line] = []
    mark_before: list[int] = []
    for line, before in zip(base.marks, base.mark_before, strict=True):
        holder = inside(before)
        if line in folded and holder is not None and holder.key == line:
            continue  # the heading becomes the folded line itself
        if holder is not None and before > holder.lo:
            if line[0] != TODAY:
                continue  # a month heading inside a folded year
            before = holder.hi  # today falls inside: say it after the fold
        if holder is not None and before == holder.lo and line[0] == MONTH:
            continue  # the first month heading of a folded year
        marks.append(line)
        mark_before.append(new_of_base[before] if before < n else len(shown))
    layout = FoldedLayout(
        events=shown,
        dated=base.dated,
        starts=base.starts,
        display_of=[new_of_base[d] for d in base.display_of],
        coarse=base.coarse,
        marks=marks,
        mark_before=mark_before,
        mark_lines=[before + j for j, before in enumerate(mark_before)],
        month_starts=sorted({new_of_base[i] for i in base.month_starts if i < n}),
        year_starts=sorted({new_of_base[i] for i in base.year_starts if i < n}),
        heads=heads,
    )
    for j, line in enumerate(marks):
        if line[0] == TODAY:
            layout.today_line = layout.mark_lines[j]
    return layout
