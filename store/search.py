"""Full-text search over events without a Python loop per event.

Each event's searchable text (title, summary, place, tags, actor names and
aliases, quote texts) is folded once and cached. A search joins the cached
texts into one string and lets ``str.find`` (C speed) walk it; hits map back
to events through the offsets. At 100k events that is tens of milliseconds
where a per-event ``in`` test took half a second.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from dateline.store.names import fold

#: Never produced by fold(), so a match cannot run across two events.
_SEPARATOR = "\x00"


class TextIndex:
    def __init__(self, build: Callable[[str], Iterable[str]]) -> None:
        """``build(event_id)`` yields the raw texts of one event."""
        self._build = build
        self._texts: dict[str, str] = {}
        self._blob: str | None = None
        self._starts: list[int] = []
        self._ids: list[str] = []

    def text(self, event_id: str) -> str:
        cached = self._texts.get(event_id)
        if cached is None:
            cached = fold(" ".join(self._build(event_id)))
            self._texts[event_id] = cached
        return cached

    @property
    def cached(self) -> int:
        """How many events' texts are folded and kept."""
        return len(self._texts)

    def invalidate(self, event_id: str) -> None:
        self._texts.pop(event_id, None)
        self._blob = None

    def clear(self) -> None:
        self._texts.clear()
        self._blob = None

    def matches(self, query: str, event_ids: Iterable[str]) -> set[str]:
        """Ids among ``event_ids`` whose text contains the folded ``query``."""
        needle = fold(query)
        if not needle:
            return set(event_ids)
        ids = list(event_ids)
        if self._blob is None or len(self._ids) != len(ids) or self._ids != ids:
            self._join(ids)
        assert self._blob is not None
        found: set[str] = set()
        blob, starts = self._blob, self._starts
        at = blob.find(needle)
        while at >= 0:
            n = bisect.bisect_right(starts, at) - 1
            found.add(self._ids[n])
            next_start = starts[n + 1] if n + 1 < len(starts) else len(blob)
            at = blob.find(needle, next_start)
        return found

    def _join(self, ids: list[str]) -> None:
        texts = [self.text(i) for i in ids]
        starts = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        self._blob = _SEPARATOR.join(texts)
        self._starts = starts
        self._ids = ids
