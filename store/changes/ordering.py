"""Order within a day: move an event up or down among the events that share
its day and precision, the order a reader set rather than the titles'
alphabet.

The order is ``Event.order``, read by ``dateline.store.index.order_key``
after the date and before the title. A move numbers the day's events 1, 2,
3... in the order they now show and swaps two neighbours, so the explorer,
``dateline list`` and every export (which all take the store's order)
agree; one undo step per move.
"""

from __future__ import annotations

from typing import Literal

from dateline.store.model import Event, touched
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline

Moved = Literal["moved", "first", "last", "alone"]


def day_mates(timeline: Timeline, event: Event) -> list[Event]:
    """The events sharing ``event``'s start and precision, in shown order."""
    key = event.when.sort_key
    day = event.when.start_day
    around = timeline.events(EventFilter(start=day, end=day))
    return [e for e in around if e.when.sort_key == key]


def move_in_day(timeline: Timeline, event: Event, step: int) -> Moved:
    """Move ``event`` one place up (``step`` -1) or down (+1) within its day.

    "first"/"last" when it is already at that end and "alone" when nothing
    shares its day; nothing is saved then.
    """
    mates = day_mates(timeline, event)
    if len(mates) < 2:
        return "alone"
    at = next(i for i, e in enumerate(mates) if e.id == event.id)
    to = at + step
    if to < 0:
        return "first"
    if to >= len(mates):
        return "last"
    ordered = list(mates)
    ordered[at], ordered[to] = ordered[to], ordered[at]
    with timeline.change() as tx:
        for place, mate in enumerate(ordered, start=1):
            if mate.order != place:
                tx.update(mate, touched(mate, order=place))
    return "moved"
