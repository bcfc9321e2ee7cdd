"""Actor lanes: one column per chosen actor beside the timeline's rows.

Time runs down the rows; each lane holds its actor's letter on the rows of
the events they are in, so who appears together, and when, shows at a
glance. The lanes are the filtered actors, or else the most frequent actors
of what is shown. A lane is ``LANE_WIDTH`` cells; the legend names each
letter.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from dateline.store.model import Event

#: Most lanes shown at once, and the cells each takes.
MAX_LANES = 8
LANE_WIDTH = 2
#: What a lane shows on a row whose event its actor is not in.
EMPTY = "·"
LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class Lanes:
    """The chosen actors, in lane order, and a name for each."""

    actor_ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.actor_ids)

    @property
    def width(self) -> int:
        return len(self.actor_ids) * LANE_WIDTH

    def cells(self, event: Event) -> list[str]:
        """Per lane: its letter if the lane's actor is in ``event``."""
        present = set(event.actor_ids)
        return [
            LETTERS[k] if actor in present else EMPTY
            for k, actor in enumerate(self.actor_ids)
        ]

    def lane_at(self, offset: int) -> int | None:
        """The lane under cell ``offset`` of the lanes block."""
        if 0 <= offset < self.width:
            return offset // LANE_WIDTH
        return None

    def legend(self, chosen: int | None = None) -> str:
        """ "A Petro  B Trump", the ``chosen`` lane in brackets."""
        parts = []
        for k, name in enumerate(self.names):
            part = f"{LETTERS[k]} {name}"
            parts.append(f"[{part}]" if k == chosen else part)
        return "  ".join(parts)


def lane_count(width: int) -> int:
    """How many lanes a timeline ``width`` cells wide can spare room for:
    the title keeps at least half the row."""
    return max(1, min(MAX_LANES, width // (4 * LANE_WIDTH)))


def most_frequent(events: Iterable[Event], count: int) -> list[str]:
    """The ``count`` actors in most of ``events`` (ties: first seen first)."""
    counter: Counter[str] = Counter()
    for event in events:
        counter.update(event.actor_ids)
    return [actor for actor, _ in counter.most_common(count)]


def choose(
    filtered: Sequence[str],
    ranked: Callable[[int], list[str]],
    count: int,
    name: Callable[[str], str],
) -> Lanes:
    """The filtered actors if any (up to ``count``), else the ``count`` most
    frequent that ``ranked`` gives, each named by ``name``."""
    ids = list(dict.fromkeys(filtered))[:count] if filtered else ranked(count)
    return Lanes(tuple(ids), tuple(name(a) for a in ids))


def next_in_lane(
    events: Sequence[Event], start: int, forward: bool, actor_id: str
) -> int | None:
    """The nearest event after (or before) index ``start`` that ``actor_id``
    is in; None when there is none that way."""
    step = 1 if forward else -1
    index = start + step
    while 0 <= index < len(events):
        if actor_id in events[index].actor_ids:
            return index
        index += step
    return None
