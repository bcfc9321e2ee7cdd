"""The domain model: FuzzyDate, Event, Actor, Quote, Source.

Records are plain dataclasses. Each converts to and from the dict stored in
TinyDB (``to_doc``/``from_doc``); the dict shape is the native file format, so
changing a field name here is a schema change (see ``dateline.store.disk.schema``).
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, TypeVar, get_args

from dateline.store.zones import ZoneError, canonical_zone, to_utc

Precision = Literal[
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "year",
    "decade",
    "century",
]
#: Finest first. The index is used to sort coarser-before-finer on one start.
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
#: Precisions that lead their year rather than sit under a month.
COARSE_PRECISIONS: frozenset[Precision] = frozenset(
    {"quarter", "season", "year", "decade", "century"}
)
#: A finer date spanning more than this many days is coarse too: it cannot
#: be shown under one month without hiding that it runs into the next ones.
MONTH_DAYS = 31
#: How words bound a date rather than name it: "before March 2025", "after
#: 2020", "no later than June" (by), "until Friday", "since 2019".
Bound = Literal["before", "after", "by", "until", "since"]
BOUNDS: tuple[Bound, ...] = ("before", "after", "by", "until", "since")
_BOUND_VALUES = frozenset({*BOUNDS, None})
Status = Literal["occurred", "expected"]
STATUSES: tuple[Status, ...] = ("occurred", "expected")
Origin = Literal["manual", "imported", "extracted"]
ORIGINS: tuple[Origin, ...] = ("manual", "imported", "extracted")
Review = Literal["pending", "accepted"]
#: How far an event is checked: by hand, or as proposed from its claims.
Verification = Literal["unverified", "confirmed", "disputed", "false"]
VERIFICATIONS: tuple[Verification, ...] = get_args(Verification)
ActorKind = Literal["person", "organisation", "country", "other"]
ACTOR_KINDS: tuple[ActorKind, ...] = ("person", "organisation", "country", "other")
#: How one event stands to another it links to; the other end reads the
#: link backwards (see ``dateline.store.annotations.INVERSE``).
LinkKind = Literal["follows", "causes", "responds to", "contradicts", "same as"]
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)


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


#: Fields every record carries for the desk: who made it and who changed it
#: last, and its revision: a counter, the id of the change that made it, and
#: the ids of the revisions it descends from (oldest first, capped), which is
#: how an import tells a newer copy from an older one or a conflict.
REVISION_FIELDS = ("created_by", "updated_by", "rev", "rev_id", "history")
#: How many ancestor revision ids a record keeps: an edit more than this many
#: revisions ahead of the other copy is taken for a conflict, never lost.
HISTORY_LIMIT = 64


def authorship_doc(record: Any) -> dict[str, Any]:
    """The revision fields of ``record`` as document entries."""
    return {
        "created_by": record.created_by,
        "updated_by": record.updated_by,
        "rev": record.rev,
        "rev_id": record.rev_id,
        "history": list(record.history),
    }


def authorship_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """The revision fields of a document; a file written before they
    existed reads as revision 0 by nobody."""
    return {
        "created_by": doc.get("created_by", ""),
        "updated_by": doc.get("updated_by", ""),
        "rev": doc.get("rev", 0),
        "rev_id": doc.get("rev_id", ""),
        "history": tuple(doc.get("history", ())),
    }


@dataclass(frozen=True)
class FuzzyDate:
    """What the evidence says about when, never more.

    ``start`` and ``end`` bound an inclusive interval. They are dates, or
    naive datetimes for ``minute``/``hour`` precision. ``text`` is the phrase as
    written and ``anchor`` the date it was read against.

    ``bound`` is set when the words bound the date rather than name it
    ("before March 2025"): ``start``..``end`` is then the date named (March
    2025) and the thing lies on that side of it; ``window`` is the open or
    bounded interval that leaves. Files written without it read as no bound.

    ``zone`` is the time zone a clock time was written in ("EST",
    "Europe/Paris", "-05:00"; see ``dateline.store.zones``); ``start`` and
    ``end`` stay the wall clock as written. Dates without a clock time never
    have one; files written without it read as zone-free.
    """

    start: date
    end: date
    precision: Precision
    text: str = ""
    anchor: date | None = None
    approximate: bool = False
    bound: Bound | None = None
    # Time zones: the zone a clock time was written in (``dateline.store.zones``).
    zone: str | None = None

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if self.bound is not None and self.bound not in BOUNDS:
            raise ValueError(f"unknown bound {self.bound!r}")
        if self.zone is not None:
            _check_zone(self)
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
    def instant(self) -> date:
        """The start on one clock for all: in UTC for a zoned time, as
        written otherwise (a zone-free time is compared as if it were UTC)."""
        if self.zone is not None and isinstance(self.start, datetime):
            return to_utc(self.start, self.zone)
        return self.start

    @property
    def sort_day(self) -> int:
        """The ordinal of the day the date sorts on: ``sort_key[0]``, cheap
        for the zone-free many (``toordinal`` of a datetime is its day)."""
        if self.zone is None:
            return self.start.toordinal()
        return self.instant.toordinal()

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Order by start, then coarser before finer on the same start.
        Zoned times order by their real instant (``instant``), so 14:30 EST
        follows 15:00 CET."""
        start = self.instant
        minutes = start.hour * 60 + start.minute if isinstance(start, datetime) else -1
        return (
            _day(start).toordinal(),
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

    @property
    def window(self) -> tuple[date | None, date | None]:
        """The days the thing can lie in, None where the words leave it open.

        Without a bound, the interval itself. "before"/"by"/"until" end at
        the date (before it, or with it) and start open, or at the anchor
        when the date is still ahead of it: "before Christmas", said on 3
        November, is 3 Nov - 24 Dec. "after" starts past the date and ends
        open; "since" starts with it and runs to the anchor.
        """
        start, end = self.start_day, self.end_day
        if self.bound is None:
            return start, end
        anchor = self.anchor
        if self.bound in ("before", "by", "until"):
            last = start - timedelta(days=1) if self.bound == "before" else end
            ahead = anchor is not None and anchor <= last
            return (anchor if ahead else None), last
        if self.bound == "after":
            return end + timedelta(days=1), None
        return start, anchor if anchor is not None and anchor >= start else None

    def to_doc(self) -> dict[str, Any]:
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "precision": self.precision,
            "text": self.text,
            "anchor": self.anchor.isoformat() if self.anchor else None,
            "approximate": self.approximate,
            # Always written, as the snapshot's encoder writes the field; a
            # document without it (an older file) reads as no bound.
            "bound": self.bound,
            # Time zones: likewise; absent reads as a zone-free time.
            "zone": self.zone,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> FuzzyDate:
        check_date_doc(doc)
        return cls._from_checked(doc)

    @classmethod
    def _from_checked(cls, doc: dict[str, Any]) -> FuzzyDate:
        """``from_doc`` for a document whose record was checked whole."""
        anchor = doc.get("anchor")
        return cls(
            start=_from_iso(doc["start"]),
            end=_from_iso(doc["end"]),
            precision=doc["precision"],
            text=doc.get("text", ""),
            anchor=date.fromisoformat(anchor) if anchor else None,
            approximate=bool(doc.get("approximate", False)),
            bound=doc.get("bound"),
            zone=doc.get("zone"),
        )


def _check_zone(when: FuzzyDate) -> None:
    """A zone belongs to a clock time, and must be one ``zones`` knows."""
    if when.precision not in ("minute", "hour") or not isinstance(when.start, datetime):
        raise ValueError(
            f"a time zone ({when.zone}) goes only with a clock time, not a"
            f" {when.precision}: drop the zone or give the time"
        )
    zone = when.zone or ""
    if canonical_zone(zone) != zone:
        raise ValueError(f"{zone!r} is not how a zone is stored")
    try:  # sorting and every export need the instant
        for value in (when.start, when.end):
            if isinstance(value, datetime):
                to_utc(value, zone)
    except OverflowError:
        raise ValueError(
            f"{_iso(when.start)} {zone} falls outside the years 1-9999 in UTC"
        ) from None


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class ActorRef:
    """An actor taking part in an event, with an optional role ("host")."""

    actor: str
    role: str = ""


@dataclass(frozen=True)
class Note:
    """A remark on an event: what was written, by whom (the timeline's
    author, as on ``created_by``) and when (UTC ISO)."""

    text: str
    author: str = ""
    at: str = ""


@dataclass(frozen=True)
class Link:
    """This event ``kind`` the event ``event`` (an id): "causes ev-…"."""

    kind: LinkKind
    event: str


@dataclass(frozen=True)
class Claim:
    """The date one source gives for an event: its own FuzzyDate (with the
    words it used) and where in the article it says so (``span``, offsets
    into the source's body, None when not known)."""

    source: str
    when: FuzzyDate
    span: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if not self.source.strip():
            raise ValueError("a claim needs the id of its source")
        if self.span is not None and not 0 <= self.span[0] <= self.span[1]:
            raise ValueError(f"the claim's span {self.span} is not start <= end")

    def to_doc(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "when": self.when.to_doc(),
            "span": list(self.span) if self.span else None,
        }

    @classmethod
    def _from_checked(cls, doc: dict[str, Any]) -> Claim:
        span = doc.get("span")
        return cls(
            doc["source"],
            FuzzyDate._from_checked(doc["when"]),
            (int(span[0]), int(span[1])) if span else None,
        )


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
    # Left out of ==: two copies of a record say the same when their
    # content does, whoever saved them (see ``dateline.store.revision``).
    created_by: str = field(default="", compare=False)
    updated_by: str = field(default="", compare=False)
    rev: int = field(default=0, compare=False)
    rev_id: str = field(default="", compare=False)
    history: tuple[str, ...] = field(default=(), compare=False)
    # Order within a day: the hand-set place among events on the same day
    # and precision (``dateline.store.index.order_key``); 0 for all by default.
    order: int = 0
    # Notes, star and links between events (annotations).
    starred: bool = False
    notes: tuple[Note, ...] = ()
    links: tuple[Link, ...] = ()
    # Claims and verification (issue 17: who says when, and how sure we are).
    claims: tuple[Claim, ...] = ()
    verification: Verification = "unverified"

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
            **authorship_doc(self),
            # Order within a day.
            "order": self.order,
            # Notes, star and links between events (annotations).
            "starred": self.starred,
            "notes": [
                {"text": n.text, "author": n.author, "at": n.at} for n in self.notes
            ],
            "links": [{"kind": k.kind, "event": k.event} for k in self.links],
            # Claims and verification (issue 17).
            "claims": [c.to_doc() for c in self.claims],
            "verification": self.verification,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Event:
        check_event_doc(doc)
        try:
            when = FuzzyDate._from_checked(doc["when"])
        except ValueError:
            check_date_doc(doc["when"])  # names the field, for "2026-02-30"
            raise
        return cls(
            id=doc["id"],
            when=when,
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
            **authorship_fields(doc),
            # Order within a day.
            order=doc.get("order", 0),
            # Notes, star and links between events (annotations).
            starred=doc.get("starred", False),
            notes=tuple(
                Note(n["text"], n.get("author", ""), n.get("at", ""))
                for n in doc.get("notes", ())
            ),
            links=tuple(Link(k["kind"], k["event"]) for k in doc.get("links", ())),
            # Claims and verification (issue 17); absent in older files.
            claims=tuple(Claim._from_checked(c) for c in doc.get("claims", ())),
            verification=doc.get("verification", "unverified"),
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
    # Left out of ==: two copies of a record say the same when their
    # content does, whoever saved them (see ``dateline.store.revision``).
    created_by: str = field(default="", compare=False)
    updated_by: str = field(default="", compare=False)
    rev: int = field(default=0, compare=False)
    rev_id: str = field(default="", compare=False)
    history: tuple[str, ...] = field(default=(), compare=False)

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
            **authorship_doc(self),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Actor:
        check_actor_doc(doc)
        return cls(
            id=doc["id"],
            name=doc["name"],
            aliases=tuple(doc.get("aliases", ())),
            kind=doc.get("kind", "person"),
            description=doc.get("description", ""),
            created=doc.get("created", ""),
            updated=doc.get("updated", ""),
            **authorship_fields(doc),
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
    # Left out of ==: two copies of a record say the same when their
    # content does, whoever saved them (see ``dateline.store.revision``).
    created_by: str = field(default="", compare=False)
    updated_by: str = field(default="", compare=False)
    rev: int = field(default=0, compare=False)
    rev_id: str = field(default="", compare=False)
    history: tuple[str, ...] = field(default=(), compare=False)

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
            **authorship_doc(self),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Quote:
        check_quote_doc(doc)
        span = doc.get("span")
        said = doc.get("said")
        return cls(
            id=doc["id"],
            text=doc["text"],
            speaker=doc.get("speaker"),
            source=doc.get("source"),
            event=doc.get("event"),
            said=FuzzyDate._from_checked(said) if said else None,
            span=(int(span[0]), int(span[1])) if span else None,
            created=doc.get("created", ""),
            updated=doc.get("updated", ""),
            **authorship_fields(doc),
        )


#: Characters a link never needs and an injection always does: quotes and
#: angle brackets end an HTML attribute, a backslash or backtick confuses
#: Markdown, and whitespace or controls end a line or a property.
_URL_FORBIDDEN = frozenset("\"<>\\`'{}|^")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a source's link, or None when it can.

    One rule for every way a URL comes in (hand entry, every import) and
    every export that makes it a link: http or https, a host, and nothing
    that could end a line, an attribute or a Markdown link. No link at all
    (blank) is no problem.
    """
    if not url.strip():
        return None
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return "only http:// and https:// links can be kept"
    if not rest or rest[0] in "/?#":
        return "it has no host name after the //"
    for char in url:
        if char in _URL_FORBIDDEN or unicodedata.category(char)[0] in "CZ":
            shown = (
                f"U+{ord(char):04X}" if not char.isprintable() or char == " " else char
            )
            return f"it holds {shown}, which a link cannot contain (write it as %XX)"
    return None


def web_url(url: str) -> str:
    """``url`` (trimmed) if it is safe to make a link of, else ""."""
    url = url.strip()
    return url if url and url_problem(url) is None else ""


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
    # Left out of ==: two copies of a record say the same when their
    # content does, whoever saved them (see ``dateline.store.revision``).
    created_by: str = field(default="", compare=False)
    updated_by: str = field(default="", compare=False)
    rev: int = field(default=0, compare=False)
    rev_id: str = field(default="", compare=False)
    history: tuple[str, ...] = field(default=(), compare=False)
    #: The language the article is written in ("en", "es", "pt", "fr"), as
    #: ingestion detected it; "" when unknown (hand entry, older files).
    language: str = ""

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
            **authorship_doc(self),
            "language": self.language,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Source:
        check_source_doc(doc)
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
            **authorship_fields(doc),
            language=doc.get("language", ""),
        )


# -- shape checks ---------------------------------------------------------
# A document read from a file (a native import, a snapshot, the journal) is
# checked field by field before it becomes a record: a wrong type accepted
# here surfaces later as a crash in search, an export or the explorer, long
# after the file that brought it is gone. ``from_doc`` runs these first, and
# so can a faster decoder, so every way in shares one rule.


class ShapeError(ValueError):
    """A stored document has a field of the wrong type or value."""


def _text_field(doc: dict[str, Any], name: str, *, required: bool = False) -> None:
    if name not in doc:
        if required:
            raise ShapeError(f'"{name}" is missing')
        return
    if not isinstance(doc[name], str):
        raise ShapeError(f'"{name}" must be text, not {_kind(doc[name])}')


def _id_field(doc: dict[str, Any], name: str = "id") -> None:
    value = doc.get(name)
    if name not in doc:
        raise ShapeError(f'"{name}" is missing')
    if not isinstance(value, str) or not value.strip():
        raise ShapeError(f'"{name}" must be a non-empty text id, not {_kind(value)}')


def _text_list(doc: dict[str, Any], name: str, *, ids: bool = False) -> None:
    value = doc.get(name, [])
    if not isinstance(value, list):
        raise ShapeError(f'"{name}" must be a list of text, not {_kind(value)}')
    for item in value:
        if not isinstance(item, str) or (ids and not item.strip()):
            raise ShapeError(f'"{name}" must hold only text, not {_kind(item)}')


def _choice(doc: dict[str, Any], name: str, allowed: tuple[str | None, ...]) -> None:
    if name in doc and doc[name] not in allowed:
        shown = ", ".join(str(a) for a in allowed if a is not None)
        raise ShapeError(f'"{name}" must be one of {shown}, not {_shown(doc[name])}')


def _iso_field(doc: dict[str, Any], name: str, *, times: bool) -> date | None:
    """The ISO date (or, when ``times``, naive datetime) in ``name``."""
    value = doc.get(name)
    if not isinstance(value, str):
        raise ShapeError(f'"{name}" must be an ISO date as text, not {_kind(value)}')
    try:
        parsed = _from_iso(value) if times else date.fromisoformat(value)
    except ValueError:
        raise ShapeError(f'"{name}" {_shown(value)} is not an ISO date') from None
    if isinstance(parsed, datetime) and parsed.tzinfo is not None:
        raise ShapeError(f'"{name}" must be a local time without a zone')
    return parsed


def check_date_doc(doc: Any, name: str = "when") -> None:
    """Raise ShapeError unless ``doc`` is what ``FuzzyDate.to_doc`` writes."""
    if not isinstance(doc, dict):
        raise ShapeError(f'"{name}" must be an object, not {_kind(doc)}')
    try:
        start = _iso_field(doc, "start", times=True)
        end = _iso_field(doc, "end", times=True)
        if isinstance(start, datetime) != isinstance(end, datetime):
            raise ShapeError('"start" and "end" must both have a time, or neither')
        _choice(doc, "precision", PRECISIONS)
        if "precision" not in doc:
            raise ShapeError('"precision" is missing')
        _text_field(doc, "text")
        if doc.get("anchor") is not None:
            _iso_field(doc, "anchor", times=False)
        if not isinstance(doc.get("approximate", False), bool):
            raise ShapeError('"approximate" must be true or false')
        _choice(doc, "bound", (*BOUNDS, None))
        _zone_field(doc, start)
        assert start is not None and end is not None
        if _day(end) < _day(start):
            raise ShapeError('"end" is before "start"')
    except ShapeError as exc:
        raise ShapeError(f'"{name}": {exc}') from None


def _zone_field(doc: dict[str, Any], start: date | None) -> None:
    """Time zones: "zone" is absent, null, or a zone on a clock time."""
    zone = doc.get("zone")
    if zone is None:
        return
    if not isinstance(zone, str):
        raise ShapeError(f'"zone" must be text, not {_kind(zone)}')
    try:
        canon = canonical_zone(zone)
    except ZoneError as exc:
        raise ShapeError(f'"zone": {exc}') from None
    if canon != zone:
        raise ShapeError(f'"zone" {_shown(zone)} must be written {canon}')
    if not isinstance(start, datetime):
        raise ShapeError('"zone" goes only with a clock time ("start" has none)')


def _sound_event(doc: Any) -> bool:
    """The common case in one pass: the helpers below, field by field, cost
    ~40% of ``from_doc``'s own time, paid on every event of a file opened.
    False only sends the document through them for the message. Dates are
    checked for form here (two dates, or two times without a zone);
    ``Event.from_doc`` sends an impossible day back through them too.
    """
    if type(doc) is not dict:
        return False
    get = doc.get
    rid, when, actors = get("id"), get("when"), get("actors", ())
    if not (type(rid) is str and rid.strip() and type(when) is dict):
        return False
    for name in (
        "title", "summary", "place", "created", "updated", "created_by",
        "updated_by", "rev_id",
    ):  # fmt: skip
        if type(get(name, "")) is not str:
            return False
    rev = get("rev", 0)
    if type(rev) is not int or rev < 0:
        return False
    if type(get("order", 0)) is not int:  # order within a day
        return False
    for name in ("sources", "quotes", "tags", "history"):
        items = get(name, ())
        if type(items) is not list or any(type(i) is not str for i in items):
            return False
    if type(actors) is not list or not all(
        type(r) is dict
        and type(r.get("actor")) is str
        and type(r.get("role", "")) is str
        for r in actors
    ):
        return False
    if get("status", "occurred") not in STATUSES or get("origin", "manual") not in (
        ORIGINS
    ):
        return False
    if not _sound_annotations(doc):
        return False
    start, end, anchor = when.get("start"), when.get("end"), when.get("anchor")
    return (
        "title" in doc
        and get("review") in (None, "pending", "accepted")
        and type(start) is str
        and type(end) is str
        and len(start) == len(end) in (10, 16)
        and start <= end
        and when.get("precision") in PRECISIONS
        and type(when.get("text", "")) is str
        and type(when.get("approximate", False)) is bool
        and when.get("bound") in _BOUND_VALUES
        and when.get("zone") is None
        and (anchor is None or (type(anchor) is str and len(anchor) == 10))
        and all(s and s.strip() for s in (*get("sources", ()), *get("quotes", ())))
        and all(r["actor"].strip() for r in actors)
    )


def _sound_annotations(doc: dict[str, Any]) -> bool:
    """The star, notes and links in the common case's one pass."""
    notes, links = doc.get("notes", ()), doc.get("links", ())
    return (
        type(doc.get("starred", False)) is bool
        and type(notes) is list
        and type(links) is list
        and all(
            type(n) is dict
            and type(n.get("text")) is str
            and type(n.get("author", "")) is str
            and type(n.get("at", "")) is str
            for n in notes
        )
        and all(
            type(k) is dict
            and k.get("kind") in LINK_KINDS
            and type(k.get("event")) is str
            and k["event"].strip()
            for k in links
        )
    )


def _check_annotations(doc: dict[str, Any]) -> None:
    if not isinstance(doc.get("starred", False), bool):
        raise ShapeError('"starred" must be true or false')
    for name, check in (("notes", _check_note), ("links", _check_link)):
        items = doc.get(name, [])
        if not isinstance(items, list):
            raise ShapeError(f'"{name}" must be a list, not {_kind(items)}')
        for item in items:
            if not isinstance(item, dict):
                raise ShapeError(f'"{name}" must hold objects, not {_kind(item)}')
            try:
                check(item)
            except ShapeError as exc:
                raise ShapeError(f'"{name}": {exc}') from None


def _check_note(doc: dict[str, Any]) -> None:
    _text_field(doc, "text", required=True)
    _text_field(doc, "author")
    _text_field(doc, "at")


def _check_link(doc: dict[str, Any]) -> None:
    if "kind" not in doc:
        raise ShapeError('"kind" is missing')
    _choice(doc, "kind", LINK_KINDS)
    _id_field(doc, "event")


def check_event_doc(doc: Any) -> None:
    """Raise ShapeError, naming the field, unless ``doc`` is a sound event."""
    if _sound_event(doc):
        _check_evidence(doc)
        return
    _check_record(doc)
    check_date_doc(doc.get("when"))
    _text_field(doc, "title", required=True)
    for name in ("summary", "place"):
        _text_field(doc, name)
    actors = doc.get("actors", [])
    if not isinstance(actors, list):
        raise ShapeError(f'"actors" must be a list, not {_kind(actors)}')
    for ref in actors:
        if not isinstance(ref, dict):
            raise ShapeError(f'"actors" must hold objects, not {_kind(ref)}')
        try:
            _id_field(ref, "actor")
            _text_field(ref, "role")
        except ShapeError as exc:
            raise ShapeError(f'"actors": {exc}') from None
    for name in ("sources", "quotes"):
        _text_list(doc, name, ids=True)
    _text_list(doc, "tags")
    _choice(doc, "status", STATUSES)
    _choice(doc, "origin", ORIGINS)
    _choice(doc, "review", (None, "pending", "accepted"))
    # Order within a day.
    if type(doc.get("order", 0)) is not int:
        raise ShapeError(
            f'"order" must be a whole number, not {_kind(doc.get("order"))}'
        )
    _check_annotations(doc)
    _check_evidence(doc)


def _check_evidence(doc: dict[str, Any]) -> None:
    """The claims and verification of an event document (issue 17): cheap
    when there are none, as for most events."""
    _choice(doc, "verification", VERIFICATIONS)
    claims = doc.get("claims", [])
    if not isinstance(claims, list):
        raise ShapeError(f'"claims" must be a list, not {_kind(claims)}')
    for claim in claims:
        if not isinstance(claim, dict):
            raise ShapeError(f'"claims" must hold objects, not {_kind(claim)}')
        try:
            _id_field(claim, "source")
            check_date_doc(claim.get("when"))
            _check_span(claim.get("span"))
        except ShapeError as exc:
            raise ShapeError(f'"claims": {exc}') from None


def _check_span(span: Any) -> None:
    if span is not None and (
        not isinstance(span, list)
        or len(span) != 2
        or not all(type(n) is int for n in span)
        or not 0 <= span[0] <= span[1]
    ):
        raise ShapeError(
            f'"span" must be two whole numbers [start, end], start <= end, '
            f"not {_shown(span)}"
        )


def check_actor_doc(doc: Any) -> None:
    _check_record(doc)
    _text_field(doc, "name", required=True)
    _text_list(doc, "aliases")
    _choice(doc, "kind", ACTOR_KINDS)
    _text_field(doc, "description")


def check_quote_doc(doc: Any) -> None:
    _check_record(doc)
    _text_field(doc, "text", required=True)
    for name in ("speaker", "source", "event"):
        if doc.get(name) is not None:
            _text_field(doc, name)
    if doc.get("said") is not None:
        check_date_doc(doc["said"], "said")
    _check_span(doc.get("span"))


def check_source_doc(doc: Any) -> None:
    _check_record(doc)
    for name in (
        "title",
        "outlet",
        "url",
        "dateline",
        "byline",
        "body",
        "via",
        "language",
    ):
        _text_field(doc, name)
    if doc.get("published") is not None:
        _iso_field(doc, "published", times=False)


def _check_record(doc: Any) -> None:
    if not isinstance(doc, dict):
        raise ShapeError(f"a record must be an object, not {_kind(doc)}")
    _id_field(doc)
    for name in ("created", "updated", "created_by", "updated_by", "rev_id"):
        _text_field(doc, name)
    rev = doc.get("rev", 0)
    if type(rev) is not int or rev < 0:
        raise ShapeError(f'"rev" must be a whole number from 0, not {_kind(rev)}')
    _text_list(doc, "history")


def _kind(value: Any) -> str:
    """What a JSON value is, in a user's words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {_shown(value)}"
    if isinstance(value, str):
        return f"the text {_shown(value)}" if value else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: Any, limit: int = 40) -> str:
    """``value`` quoted for a message, cut short: a file may hold megabytes."""
    try:
        # repr shows a control character as its escape: a message quoting
        # a hostile file must not obey it on the terminal.
        text = repr(value) if not isinstance(value, str) else f'"{repr(value)[1:-1]}"'
    except ValueError:  # an int too long to print
        text = "a huge number"
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: The shape check of each table's documents.
CHECKS = {
    "events": check_event_doc,
    "actors": check_actor_doc,
    "quotes": check_quote_doc,
    "sources": check_source_doc,
}


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


def span_fits(quote: Quote, source: Source) -> bool:
    """Whether the quote's span (if any) lies inside its article's text: the
    article view highlights it there, and ``check`` reports one that does not."""
    if quote.span is None:
        return True
    start, end = quote.span
    return 0 <= start <= end <= len(source.body)
