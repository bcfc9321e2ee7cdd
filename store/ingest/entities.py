"""The records of actor finding: entities, their mentions, and the finding.

Kept apart from ``dateline.store.ingest.actors`` (the reasoning) so that module stays
one job; ``store.ingest.quotes`` and ``store.ingest.events`` read these.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from dateline.store.ingest.names import CONNECTORS
from dateline.store.ingest.text import Span
from dateline.store.model import Actor, ActorKind
from dateline.store.names import fold


@dataclass
class Entity:
    """One actor of the article, new or known, and the names it goes by."""

    key: str
    name: str
    kind: ActorKind = "person"
    aliases: list[str] = field(default_factory=list)
    known: Actor | None = None
    title: str = ""
    qualifier: str = ""
    #: What the article calls a body ("carmaker", "shipping line"), so
    #: "the carmaker" can be found again.
    descriptor: str = ""

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if fold(alias) != fold(self.name) and all(
            fold(alias) != fold(a) for a in self.aliases
        ):
            self.aliases.append(alias)

    @functools.cached_property
    def tokens(self) -> frozenset[str]:
        # Asked for every capitalised run of the article: kept, as the name
        # of an entity does not change once it is made.
        return frozenset(
            t for t in fold(self.name).split() if t not in CONNECTORS and len(t) > 1
        )


@dataclass(frozen=True)
class Mention:
    """``text[span]`` refers to the entity ``key``; ``role`` for "the U.S.
    president"-style references rather than names."""

    span: Span
    key: str
    role: bool = False


@dataclass
class ActorFinding:
    """Entities and their mentions, ``mentions`` in text order."""

    entities: dict[str, Entity]
    mentions: list[Mention]
    _starts: list[int] = field(default_factory=list, repr=False)

    def in_span(self, span: Span) -> list[Mention]:
        # Asked once per sentence: a search, not a scan, keeps a long
        # article linear.
        if len(self._starts) != len(self.mentions):
            self._starts = [m.span[0] for m in self.mentions]
        low = bisect.bisect_left(self._starts, span[0])
        high = bisect.bisect_left(self._starts, span[1])
        return self.mentions[low:high]
