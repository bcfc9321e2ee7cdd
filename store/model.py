"""The domain model: FuzzyDate, Event, Actor, Quote, Source.

Records are plain dataclasses. Each converts to and from the dict stored in
TinyDB (``to_doc``/``from_doc``); the dict shape is the native file format, so
changing a field name here is a schema change (see ``dateline.store.disk.schema``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, Literal, TypeVar

Precision = Literal[
    "minute", "hour", "day", "week", "month", "quarter", "season", "year", "decade"
]
#: Finest first. The index is used to sort coarser-before-finer on one start.
PRECISIONS: tuple[Precision, ...] = (
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "year",
    "decade",
)
#: Precisions that lead their year rather than sit under a month.
COARSE_PRECISIONS: frozenset[Precision] = frozenset(
    {"quarter", "season", "year", "decade"}
)
#: A finer date spanning more than this many days is coarse too: it cannot
#: be shown under one month without hiding that it runs into the next ones.
MONTH_DAYS = 31
Status = Literal["occurred", "expected"]
STATUSES: tuple[Status, ...] = ("occurred", "expected")
Origin = Literal["manual", "imported", "extracted"]
ORIGINS: tuple[Origin, ...] = ("manual", "imported", "extracted")
Review = Literal["pending", "accepted"]
ActorKind = Literal["person", "organisation", "country", "other"]
ACTOR_KINDS: tuple[ActorKind, ...] = ("person", "organisation", "country", "other")


def new_id(prefix: str) -> str:
    """A stable, random, human-copyable id such as ``ev-3f9a1c2b7d01``."""
    return f"{prefix}-{secrets.token_hex(6)}"


def utc_now() -> str:
    """Timestamp for ``created``/``updated``: UTC ISO with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(value: date) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _from_iso(text: str) -> date:
    if "T" in text:
        return datetime.fromisoformat(text)
    return date.fromisoformat(text)


@dataclass(frozen=True)
class FuzzyDate:
    """What the evidence says about when, never more.

    ``start`` and ``end`` bound an inclusive interval. They are dates, or
    naive datetimes for ``minute``/``hour`` precision. ``text`` is the phrase as
    written and ``anchor`` the date it was read against.
    """

    start: date
    end: date
    precision: Precision
    text: str = ""
    anchor: date | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if _day(self.end) < _day(self.start):
            raise ValueError(
                f"the end {_iso(self.end)} is before the start {_iso(self.start)}"
            )

    @property
    def start_day(self) -> date:
        return _day(self.start)

    @property
    def end_day(self) -> date:
        return _day(self.end)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Order by start, then coarser before finer on the same start."""
        minutes = (
            self.start.hour * 60 + self.start.minute
            if isinstance(self.start, datetime)
            else -1
        )
        return (
            self.start_day.toordinal(),
            minutes,
            -PRECISIONS.index(self.precision),
        )

    @property
    def coarse(self) -> bool:
        """Shown under its year heading, before the month headings.

        One rule for the explorer and every export that groups by month, so
        "25 Jan - 3 Feb" sits under January everywhere and "Q1 2026" above it.
        """
        if self.precision in COARSE_PRECISIONS:
            return True
        return self.end_day.toordinal() - self.start_day.toordinal() + 1 > MONTH_DAYS

    def contains(self, day: date) -> bool:
        return self.start_day <= day <= self.end_day

    def to_doc(self) -> dict[str, Any]:
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "precision": self.precision,
            "text": self.text,
            "anchor": self.anchor.isoformat() if self.anchor else None,
            "approximate": self.approximate,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> FuzzyDate:
        anchor = doc.get("anchor")
        return cls(
            start=_from_iso(doc["start"]),
            end=_from_iso(doc["end"]),
            precision=doc["precision"],
            text=doc.get("text", ""),
            anchor=date.fromisoformat(anchor) if anchor else None,
            approximate=bool(doc.get("approximate", False)),
        )


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class ActorRef:
    """An actor taking part in an event, with an optional role ("host")."""

    actor: str
    role: str = ""


@dataclass(frozen=True)
class Event:
    when: FuzzyDate
    title: str
    summary: str = ""
    actors: tuple[ActorRef, ...] = ()
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    place: str = ""
    status: Status = "occurred"
    origin: Origin = "manual"
    review: Review | None = None
    id: str = field(default_factory=lambda: new_id("ev"))
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(ref.actor for ref in self.actors)

    @property
    def pending(self) -> bool:
        return self.origin == "extracted" and self.review == "pending"

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "when": self.when.to_doc(),
            "title": self.title,
            "summary": self.summary,
            "actors": [{"actor": a.actor, "role": a.role} for a in self.actors],
            "sources": list(self.sources),
            "quotes": list(self.quotes),
            "tags": list(self.tags),
            "place": self.place,
            "status": self.status,
            "origin": self.origin,
            "review": self.review,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Event:
        return cls(
            id=doc["id"],
            when=FuzzyDate.from_doc(doc["when"]),
            title=doc["title"],
            summary=doc.get("summary", ""),
            actors=tuple(
                ActorRef(a["actor"], a.get("role", "")) for a in doc.get("actors", ())
            ),
            sources=tuple(doc.get("sources", ())),
            quotes=tuple(doc.get("quotes", ())),
            tags=tuple(doc.get("tags", ())),
            place=doc.get("place", ""),
            status=doc.get("status", "occurred"),
            origin=doc.get("origin", "manual"),
            review=doc.get("review"),
            created=doc.get("created", ""),
            updated=doc.get("updated", ""),
        )


@dataclass(frozen=True)
class Actor:
    name: str
    aliases: tuple[str, ...] = ()
    kind: ActorKind = "person"
    description: str = ""
    id: str = field(default_factory=lambda: new_id("ac"))
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "kind": self.kind,
            "description": self.description,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Actor:
        return cls(
            id=doc["id"],
            name=doc["name"],
            aliases=tuple(doc.get("aliases", ())),
            kind=doc.get("kind", "person"),
            description=doc.get("description", ""),
            created=doc.get("created", ""),
            updated=doc.get("updated", ""),
        )


@dataclass(frozen=True)
class Quote:
    """Words someone said. ``span`` is (start, end) offsets into the source
    body, so the article view can show the quote in context."""

    text: str
    speaker: str | None = None
    source: str | None = None
    event: str | None = None
    said: FuzzyDate | None = None
    span: tuple[int, int] | None = None
    id: str = field(default_factory=lambda: new_id("qu"))
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "speaker": self.speaker,
            "source": self.source,
            "event": self.event,
            "said": self.said.to_doc() if self.said else None,
            "span": list(self.span) if self.span else None,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Quote:
        span = doc.get("span")
        said = doc.get("said")
        return cls(
            id=doc["id"],
            text=doc["text"],
            speaker=doc.get("speaker"),
            source=doc.get("source"),
            event=doc.get("event"),
            said=FuzzyDate.from_doc(said) if said else None,
            span=(int(span[0]), int(span[1])) if span else None,
            created=doc.get("created", ""),
            updated=doc.get("updated", ""),
        )


@dataclass(frozen=True)
class Source:
    """An article, with its full text so quotes can be shown in place."""

    title: str
    outlet: str = ""
    url: str = ""
    published: date | None = None
    dateline: str = ""
    byline: str = ""
    body: str = ""
    via: str = ""
    id: str = field(default_factory=lambda: new_id("so"))
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "dateline": self.dateline,
            "byline": self.byline,
            "body": self.body,
            "via": self.via,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Source:
        published = doc.get("published")
        return cls(
            id=doc["id"],
            title=doc.get("title", ""),
            outlet=doc.get("outlet", ""),
            url=doc.get("url", ""),
            published=date.fromisoformat(published) if published else None,
            dateline=doc.get("dateline", ""),
            byline=doc.get("byline", ""),
            body=doc.get("body", ""),
            via=doc.get("via", ""),
            created=doc.get("created", ""),
            updated=doc.get("updated", ""),
        )


#: Each table of the timeline file and the record type it holds.
RECORD_TYPES: dict[str, type[Event] | type[Actor] | type[Quote] | type[Source]] = {
    "events": Event,
    "actors": Actor,
    "quotes": Quote,
    "sources": Source,
}
TABLE_OF: dict[type, str] = {cls: table for table, cls in RECORD_TYPES.items()}
#: The prefix of new ids in each table ("ev-3f9a1c2b7d01").
ID_PREFIX = {"events": "ev", "actors": "ac", "quotes": "qu", "sources": "so"}

Record = TypeVar("Record", Event, Actor, Quote, Source)


def touched(record: Record, **changes: Any) -> Record:
    """A copy of ``record`` with ``changes`` applied and ``updated`` bumped."""
    return replace(record, **changes, updated=utc_now())
