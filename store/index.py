"""In-memory indexes kept current on every change, so no key press scans TinyDB.

``EventIndex`` holds the date order and actor -> events; ``NameIndex`` maps
folded names and aliases to actor ids.
"""

from __future__ import annotations

import bisect
import threading
from collections import defaultdict
from collections.abc import Mapping

from dateline.store.model import Actor, Event
from dateline.store.names import fold, tokens

OrderKey = tuple[tuple[int, int, int], int, str, str]


def order_key(event: Event) -> OrderKey:
    """Start, then coarser before finer, then the order set by hand within
    the day (``Event.order``), then title; the id breaks ties."""
    return (event.when.sort_key, event.order, event.title.casefold(), event.id)


class EventIndex:
    """The date order, built at load, and actor/tag -> event ids, built on
    first use (``by_actor``, ``by_tag``).

    The list needs the order to show its first rows; the links are a third
    of an index build at 100k events that only a filter, the actor counts or
    an edit read, so a load does not pay for them (``prepare`` warms them in
    a worker). ``lock`` is the one the owner's writers hold, so a build on
    first use never walks the events while a change is half made.
    """

    def __init__(self, lock: threading.RLock | None = None) -> None:
        self.order: list[OrderKey] = []
        self._by_actor: dict[str, set[str]] = defaultdict(set)
        self._by_tag: dict[str, set[str]] = defaultdict(set)
        #: The events whose links are still to build; None once built.
        self._unlinked: Mapping[str, Event] | None = None
        self._lock = lock if lock is not None else threading.RLock()
        self._keys: dict[str, OrderKey] = {}
        # Tags repeat across thousands of events; folding each once halves
        # the index build at 100k events.
        self._folded: dict[str, str] = {}

    def rebuild(self, events: Mapping[str, Event]) -> None:
        """The date order now, the links on first use (a load builds here).

        ``events`` is the owner's live map: changes made to it before the
        links are built are applied to it (and to the order through ``add``
        and ``remove``), so the links built later see them.
        """
        keys: dict[str, OrderKey] = {}
        # Records share one FuzzyDate per distinct date (see store.decode);
        # its sort key is then worked out once, not once per event.
        sort_keys: dict[int, tuple[int, int, int]] = {}
        for eid, event in events.items():
            when = event.when
            sort_key = sort_keys.get(id(when))
            if sort_key is None:
                sort_key = sort_keys[id(when)] = when.sort_key
            keys[eid] = (sort_key, event.order, event.title.casefold(), eid)
        with self._lock:
            self._keys = keys
            self.order = sorted(keys.values())
            self._by_actor = defaultdict(set)
            self._by_tag = defaultdict(set)
            self._unlinked = events

    @property
    def by_actor(self) -> dict[str, set[str]]:
        """Actor id -> ids of the events it takes part in."""
        if self._unlinked is not None:
            self.prepare()
        return self._by_actor

    @property
    def by_tag(self) -> dict[str, set[str]]:
        """Folded tag -> ids of the events carrying it."""
        if self._unlinked is not None:
            self.prepare()
        return self._by_tag

    @property
    def linked(self) -> bool:
        """Whether ``by_actor`` and ``by_tag`` are built."""
        return self._unlinked is None

    def prepare(self) -> None:
        """Build the links now, if not yet built (one pass over the events)."""
        with self._lock:
            events = self._unlinked
            if events is None:
                return
            by_actor: defaultdict[str, set[str]] = defaultdict(set)
            by_tag: defaultdict[str, set[str]] = defaultdict(set)
            fold_tag = self._fold
            for eid, event in events.items():
                for ref in event.actors:
                    by_actor[ref.actor].add(eid)
                for tag in event.tags:
                    by_tag[fold_tag(tag)].add(eid)
            self._by_actor, self._by_tag = by_actor, by_tag
            self._unlinked = None

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
        if self._unlinked is not None:
            return  # the links, built later, read the events as they are then
        for ref in event.actors:
            self._by_actor[ref.actor].discard(event.id)
        for tag in event.tags:
            self._by_tag[self._fold(tag)].discard(event.id)

    def in_order(self, ids: set[str]) -> list[str]:
        """``ids`` in date order: sorted directly when few, else a walk."""
        if len(ids) * 8 < len(self.order):
            return [key[-1] for key in sorted(self._keys[i] for i in ids)]
        return [key[-1] for key in self.order if key[-1] in ids]

    def position(self, event_id: str) -> int:
        """Index of the event in date order."""
        return bisect.bisect_left(self.order, self._keys[event_id])

    def _link(self, event: Event) -> None:
        if self._unlinked is not None:
            return  # the links, built later, read the events as they are then
        by_actor, by_tag = self._by_actor, self._by_tag
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
