"""In-memory indexes kept current on every change, so no key press scans TinyDB.

``EventIndex`` holds the date order and actor -> events; ``NameIndex`` maps
folded names and aliases to actor ids.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from dateline.store.model import Actor, Event
from dateline.store.names import fold, tokens

OrderKey = tuple[tuple[int, int, int], int, str, str]


def order_key(event: Event) -> OrderKey:
    """Start, then coarser before finer, then the order set by hand within
    the day (``Event.order``), then title; the id breaks ties."""
    return (event.when.sort_key, event.order, event.title.casefold(), event.id)


class EventIndex:
    def __init__(self) -> None:
        self.order: list[OrderKey] = []
        self.by_actor: dict[str, set[str]] = defaultdict(set)
        self.by_tag: dict[str, set[str]] = defaultdict(set)
        self._keys: dict[str, OrderKey] = {}
        # Tags repeat across thousands of events; folding each once halves
        # the index build at 100k events.
        self._folded: dict[str, str] = {}

    def rebuild(self, events: dict[str, Event]) -> None:
        """Every index in one pass over the events (a load builds them here)."""
        keys: dict[str, OrderKey] = {}
        by_actor: defaultdict[str, set[str]] = defaultdict(set)
        by_tag: defaultdict[str, set[str]] = defaultdict(set)
        fold_tag = self._fold
        # Records share one FuzzyDate per distinct date (see store.decode);
        # its sort key is then worked out once, not once per event.
        sort_keys: dict[int, tuple[int, int, int]] = {}
        for eid, event in events.items():
            when = event.when
            sort_key = sort_keys.get(id(when))
            if sort_key is None:
                sort_key = sort_keys[id(when)] = when.sort_key
            keys[eid] = (sort_key, event.order, event.title.casefold(), eid)
            for ref in event.actors:
                by_actor[ref.actor].add(eid)
            for tag in event.tags:
                by_tag[fold_tag(tag)].add(eid)
        self._keys = keys
        self.order = sorted(keys.values())
        self.by_actor = by_actor
        self.by_tag = by_tag

    def add(self, event: Event) -> None:
        key = order_key(event)
        self._keys[event.id] = key
        bisect.insort(self.order, key)
        self._link(event)

    def remove(self, event: Event) -> None:
        key = self._keys.pop(event.id)
        at = bisect.bisect_left(self.order, key)
        if at < len(self.order) and self.order[at] == key:
            del self.order[at]
        for ref in event.actors:
            self.by_actor[ref.actor].discard(event.id)
        for tag in event.tags:
            self.by_tag[self._fold(tag)].discard(event.id)

    def in_order(self, ids: set[str]) -> list[str]:
        """``ids`` in date order: sorted directly when few, else a walk."""
        if len(ids) * 8 < len(self.order):
            return [key[-1] for key in sorted(self._keys[i] for i in ids)]
        return [key[-1] for key in self.order if key[-1] in ids]

    def position(self, event_id: str) -> int:
        """Index of the event in date order."""
        return bisect.bisect_left(self.order, self._keys[event_id])

    def _link(self, event: Event) -> None:
        by_actor, by_tag = self.by_actor, self.by_tag
        for ref in event.actors:
            by_actor[ref.actor].add(event.id)
        for tag in event.tags:
            by_tag[self._fold(tag)].add(event.id)

    def _fold(self, tag: str) -> str:
        folded = self._folded.get(tag)
        if folded is None:
            folded = self._folded[tag] = fold(tag)
        return folded


class NameIndex:
    """Folded name or alias -> actor ids (a set: two actors may share one)."""

    def __init__(self) -> None:
        self.exact: dict[str, set[str]] = defaultdict(set)

    def rebuild(self, actors: dict[str, Actor]) -> None:
        self.exact = defaultdict(set)
        for actor in actors.values():
            self.add(actor)

    def add(self, actor: Actor) -> None:
        for name in actor.names:
            key = fold(name)
            if key:
                self.exact[key].add(actor.id)

    def remove(self, actor: Actor) -> None:
        for name in actor.names:
            self.exact[fold(name)].discard(actor.id)

    def lookup(self, name: str, actors: dict[str, Actor]) -> list[str]:
        """Actor ids ``name`` refers to: exact name/alias first, else the
        actors whose name has all the words typed ("petro", "da silva")."""
        key = fold(name)
        if not key:
            return []
        hits = self.exact.get(key)
        if hits:
            return sorted(hits)
        wanted = key.split()
        found = []
        for actor in actors.values():
            for alias in actor.names:
                words = tokens(alias)
                if _contains_run(words, wanted):
                    found.append(actor.id)
                    break
        return sorted(found)


def refers_to(name: str, actor: Actor) -> bool:
    """Whether ``name`` is the actor's name, an alias, or words of either."""
    wanted = fold(name).split()
    return bool(wanted) and any(_contains_run(tokens(n), wanted) for n in actor.names)


def _contains_run(words: tuple[str, ...], wanted: list[str]) -> bool:
    n = len(wanted)
    return any(list(words[i : i + n]) == wanted for i in range(len(words) - n + 1))
