"""What typed actor names mean: which actor each links to, or that it is new
or fits several.

The form's readout and its save both call :func:`read_names`, so what the
line under the field promised is what gets saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.store.model import Actor
from dateline.store.timeline import AmbiguousActorError, Timeline


def split_names(text: str) -> list[str]:
    """The non-empty names in a comma-separated list, spaces tidied."""
    return [" ".join(part.split()) for part in text.split(",") if part.strip()]


@dataclass(frozen=True)
class NameReading:
    """What one typed name refers to."""

    name: str
    actor: Actor | None = None
    #: Set when the name fits several actors.
    candidates: tuple[Actor, ...] = field(default_factory=tuple)

    @property
    def ambiguous(self) -> bool:
        return bool(self.candidates)

    @property
    def is_new(self) -> bool:
        return self.actor is None and not self.candidates


def read_names(timeline: Timeline, names: list[str]) -> list[NameReading]:
    """Resolve each name the way saving will (``Timeline.find_actor``)."""
    readings: list[NameReading] = []
    for name in names:
        try:
            actor = timeline.find_actor(name)
        except AmbiguousActorError:
            found = tuple(timeline.find_actors(name))
            readings.append(NameReading(name, candidates=found))
            continue
        readings.append(NameReading(name, actor))
    return readings


def ambiguity_message(readings: list[NameReading]) -> str:
    """The error for the first ambiguous name, or "" if none is."""
    for reading in readings:
        if reading.ambiguous:
            names = ", ".join(a.name for a in reading.candidates)
            return (
                f'"{reading.name}" fits several actors ({names}); '
                "type more of the name."
            )
    return ""
