"""What the explorer is filtered by, and the header line that shows it.

``FilterState`` keeps the filter as an ordered list of parts, so "clear the
last chip" removes what was added last. Several actors read as one chip:
"Petro + Trump, all of". It becomes a ``dateline.store.query.EventFilter`` for the
timeline to answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from dateline.store.model import Status
from dateline.store.query import EventFilter, Match
from dateline.store.timeline import Timeline
from dateline.tui.view.actor_labels import short_name
from dateline.tui.view.inert import inert
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

PartKind = Literal["actor", "range", "tag", "status", "text"]


@dataclass(frozen=True)
class Part:
    """One chip's worth of filter. ``value`` is an actor id, a tag, a status
    or a search phrase; ranges keep their bounds and the words typed."""

    kind: PartKind
    value: str
    start: date | None = None
    end: date | None = None


#: Parts of these kinds replace an earlier part of the same kind.
_SINGLE: frozenset[PartKind] = frozenset({"range", "status", "text"})


@dataclass(frozen=True)
class FilterState:
    parts: tuple[Part, ...] = ()
    match: Match = "all"

    @property
    def is_empty(self) -> bool:
        return not self.parts

    @property
    def actors(self) -> tuple[str, ...]:
        return tuple(p.value for p in self.parts if p.kind == "actor")

    def add(self, part: Part) -> FilterState:
        kept = tuple(
            p
            for p in self.parts
            if not (
                p.kind == part.kind and (p.kind in _SINGLE or p.value == part.value)
            )
        )
        return replace(self, parts=(*kept, part))

    def remove(self, kind: PartKind, value: str | None = None) -> FilterState:
        kept = tuple(
            p
            for p in self.parts
            if not (p.kind == kind and (value is None or p.value == value))
        )
        return replace(self, parts=kept)

    def toggle_actor(self, actor_id: str) -> FilterState:
        if actor_id in self.actors:
            return self.remove("actor", actor_id)
        return self.add(Part("actor", actor_id))

    def with_actors(self, actor_ids: tuple[str, ...], match: Match) -> FilterState:
        """The actor parts replaced by ``actor_ids`` (kept in their old order)."""
        new = [a for a in actor_ids if a not in self.actors]
        # Actors still chosen keep their place in the chip order.
        parts = [p for p in self.parts if p.kind != "actor" or p.value in actor_ids]
        parts += [Part("actor", a) for a in new]
        return replace(self, parts=tuple(parts), match=match)

    def without_last(self) -> FilterState:
        return replace(self, parts=self.parts[:-1])

    def to_filter(self) -> EventFilter:
        start = end = None
        status: Status | None = None
        text = ""
        for part in self.parts:
            if part.kind == "range":
                start, end = part.start, part.end
            elif part.kind == "status":
                status = "expected" if part.value == "expected" else "occurred"
            elif part.kind == "text":
                text = part.value
        return EventFilter(
            actors=self.actors,
            match=self.match,
            start=start,
            end=end,
            text=text,
            tags=tuple(p.value for p in self.parts if p.kind == "tag"),
            status=status,
        )

    def chips(self, timeline: Timeline) -> list[str]:
        """The header's chips, in the order the parts were added."""
        chips: list[str] = []
        actor_chip_at = -1
        for part in self.parts:
            if part.kind == "actor":
                if actor_chip_at < 0:
                    actor_chip_at = len(chips)
                    chips.append("")
            elif part.kind == "range":
                chips.append(f"when: {part.value}")
            elif part.kind == "tag":
                chips.append(f"#{part.value}")
            elif part.kind == "status":
                chips.append(f"{part.value} only")
            else:
                chips.append(f"“{part.value}”")
        if actor_chip_at >= 0:
            names = []
            for actor_id in self.actors:
                actor = timeline.actors_by_id.get(actor_id)
                names.append(short_name(actor) if actor else actor_id)
            chip = " + ".join(names)
            if len(names) > 1:
                chip += ", all of" if self.match == "all" else ", any of"
            chips[actor_chip_at] = chip
        return [inert(c, single_line=True) for c in chips]


class FilterBar(Horizontal):
    """The header line: file name, filter chips, and "N of M events"."""

    DEFAULT_CSS = """
    FilterBar {
        dock: top;
        height: 1;
        background: $panel;
    }
    FilterBar #filterbar-left {
        width: 1fr;
        height: 1;
        /* A long filter gives way with "…"; the count beside it never does. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    FilterBar #filterbar-count {
        width: auto;
        height: 1;
        text-style: bold;
    }
    """

    plain = ""

    def compose(self) -> ComposeResult:
        yield Label(id="filterbar-left")
        yield Label(id="filterbar-count")

    def show(
        self,
        file_name: str,
        chips: list[str],
        shown: int,
        total: int,
        *,
        search: str = "",
        hits: int = 0,
    ) -> None:
        left = Text()
        left.append(f" {inert(file_name, single_line=True)} ", style="bold")
        if chips:
            left.append(" filter: ", style="dim")
            for i, chip in enumerate(chips):
                if i:
                    left.append(" ")
                left.append(f" {chip} ", style="reverse")
            left.append("  esc: drop last · c: clear", style="dim")
        if search:
            plural = "" if hits == 1 else "s"
            left.append(f"  search “{inert(search, single_line=True)}”: ", style="dim")
            left.append(f"{hits} hit{plural}", style="bold")
            left.append(" (n/N)", style="dim")
        # The leading space keeps a cropped filter from running into the count.
        count = f" {shown:,} of {total:,} events "
        #: The header as plain text, for tests.
        self.plain = f"{left.plain} | {count}"
        self.query_one("#filterbar-left", Label).update(left)
        self.query_one("#filterbar-count", Label).update(count)
