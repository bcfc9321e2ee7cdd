"""Copying a whole timeline into an empty one, between any two stores
(file -> PostgreSQL, PostgreSQL -> file, file -> file)."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.store.errors import DatelineError, counted
from dateline.store.timeline import Timeline


@dataclass(frozen=True)
class Copied:
    events: int
    actors: int
    quotes: int
    sources: int

    @classmethod
    def of(cls, timeline: Timeline) -> Copied:
        """What a copy of ``timeline`` carries."""
        return cls(
            len(timeline.events_by_id),
            len(timeline.actors_by_id),
            len(timeline.quotes_by_id),
            len(timeline.sources_by_id),
        )

    def __str__(self) -> str:
        return ", ".join(
            counted(n, what)
            for n, what in (
                (self.events, "event"),
                (self.actors, "actor"),
                (self.quotes, "quote"),
                (self.sources, "source"),
            )
        )


def copy_into(source: Timeline, target: Timeline) -> Copied:
    """Every record of ``source`` into ``target``, ids, revisions, authors,
    tombstones and open conflicts included, as one change.

    Only into an empty timeline: a copy over records would be a merge, which
    is what ``import`` does, with its duplicate and conflict rules.
    """
    held = len(target) + len(target.actors_by_id) + len(target.sources_by_id)
    if held:
        raise DatelineError(
            f"{target.location} already holds records "
            f"({counted(len(target), 'event')}); "
            "copy only into a new or empty timeline, or use `dateline import` "
            "to merge into this one."
        )
    actors = list(source.actors_by_id.values())
    sources = list(source.sources_by_id.values())
    events = list(source.events_by_id.values())
    quotes = list(source.quotes_by_id.values())
    tombstones = list(source.tombstones_by_id.values())
    conflicts = list(source.conflicts_by_id.values())
    views = list(source.views_by_id.values())
    with target.change() as tx:
        tx.adopt(*actors, *sources, *events, *quotes, *tombstones, *conflicts)
        tx.adopt(*views)
    return Copied.of(source)
