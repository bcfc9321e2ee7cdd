"""What the explorer is filtered by, as plain state.

``FilterState`` keeps the filter as an ordered list of parts, so "clear the
last chip" removes what was added last. Several actors read as one chip:
"Petro + Trump, all of". It becomes a ``dateline.store.query.EventFilter`` for the
timeline to answer; ``dateline.tui.widgets.filterbar`` shows its chips.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from dateline.store.model import VERIFICATIONS, Status, Verification
from dateline.store.query import EventFilter, Match
from dateline.store.timeline import Timeline
from dateline.tui.view.actor_labels import short_name
from dateline.tui.view.inert import inert

PartKind = Literal[
    "actor",
    "range",
    "tag",
    "status",
    "text",
    "not_actor",
    "not_tag",
    "starred",
    "disputed",
    "not_disputed",
    "verification",
    "asof",
]


@dataclass(frozen=True)
class Part:
    """One chip's worth of filter. ``value`` is an actor id, a tag, a status
    or a search phrase; ranges keep their bounds and the words typed."""

    kind: PartKind
    value: str
    start: date | None = None
    end: date | None = None


#: Parts of these kinds replace an earlier part of the same kind.
_SINGLE: frozenset[PartKind] = frozenset(
    {
        "range",
        "status",
        "text",
        "starred",
        "disputed",
        "not_disputed",
        "verification",
        "asof",
    }
)


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

    @property
    def not_actors(self) -> tuple[str, ...]:
        return tuple(p.value for p in self.parts if p.kind == "not_actor")

    def with_excluded(self, actor_ids: tuple[str, ...]) -> FilterState:
        """The left-out actors replaced by ``actor_ids`` (an actor is either
        wanted or left out, never both)."""
        parts = [p for p in self.parts if p.kind != "not_actor" or p.value in actor_ids]
        held = {p.value for p in parts if p.kind == "not_actor"}
        parts = [p for p in parts if not (p.kind == "actor" and p.value in actor_ids)]
        parts += [Part("not_actor", a) for a in actor_ids if a not in held]
        return replace(self, parts=tuple(parts))

    @property
    def as_of(self) -> date | None:
        """The day of the "as of" part: only what was known then is shown."""
        return next((p.start for p in self.parts if p.kind == "asof"), None)

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
        verification: Verification | None = None
        text = ""
        for part in self.parts:
            if part.kind == "range":
                start, end = part.start, part.end
            elif part.kind == "status":
                status = "expected" if part.value == "expected" else "occurred"
            elif part.kind == "text":
                text = part.value
            elif part.kind == "verification":
                verification = next(v for v in VERIFICATIONS if v == part.value)
        return EventFilter(
            actors=self.actors,
            match=self.match,
            start=start,
            end=end,
            text=text,
            tags=tuple(p.value for p in self.parts if p.kind == "tag"),
            status=status,
            not_actors=self.not_actors,
            not_tags=tuple(p.value for p in self.parts if p.kind == "not_tag"),
            starred_only=any(p.kind == "starred" for p in self.parts),
            disputed_only=any(p.kind == "disputed" for p in self.parts),
            not_disputed=any(p.kind == "not_disputed" for p in self.parts),
            verification=verification,
        )

    @classmethod
    def of_filter(cls, flt: EventFilter) -> FilterState:
        """The chips of a saved filter (a saved view applied): a range shows
        its days, as the words it was typed in are not kept."""
        parts = [Part("actor", a) for a in flt.actors]
        parts += [Part("not_actor", a) for a in flt.not_actors]
        parts += [Part("tag", t) for t in flt.tags]
        parts += [Part("not_tag", t) for t in flt.not_tags]
        if flt.start is not None or flt.end is not None:
            words = " to ".join(
                d.isoformat() for d in (flt.start, flt.end) if d is not None
            )
            if flt.start is None:
                words = f"until {words}"
            elif flt.end is None:
                words = f"since {words}"
            parts.append(Part("range", words, flt.start, flt.end))
        if flt.status is not None:
            parts.append(Part("status", flt.status))
        if flt.text:
            parts.append(Part("text", flt.text))
        if flt.starred_only:
            parts.append(Part("starred", "starred"))
        if flt.disputed_only:
            parts.append(Part("disputed", "disputed"))
        if flt.not_disputed:
            parts.append(Part("not_disputed", "not disputed"))
        if flt.verification is not None:
            parts.append(Part("verification", flt.verification))
        return cls(tuple(parts), flt.match)

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
            elif part.kind == "not_tag":
                chips.append(f"not #{part.value}")
            elif part.kind == "not_actor":
                actor = timeline.actors_by_id.get(part.value)
                chips.append(f"not {short_name(actor) if actor else part.value}")
            elif part.kind in ("status", "disputed"):
                chips.append(f"{part.value} only")  # "disputed only"
            elif part.kind == "starred":
                chips.append("* starred only")
            elif part.kind == "not_disputed":
                chips.append("not disputed")
            elif part.kind == "verification":
                chips.append(f"verified: {part.value}")
            elif part.kind == "asof":
                chips.append(f"as of {part.value}")
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
