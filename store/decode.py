"""The fast way in: snapshot bytes straight to records, with ``msgspec``.

``json.loads`` builds a dict per record that ``from_doc`` then walks field by
field in Python; at 100k events that was most of a four-second open. Here
msgspec parses the bytes into typed structs in C (checking every field's type
and every ``Literal`` on the way), and the records are built from them.

This path only ever says yes. A file it cannot read for any reason (bad JSON,
a field of the wrong type, a date the model refuses) makes ``decode_records``
return None, and the caller reads the file the slow way, through ``from_doc``,
which names the damaged record. So a damaged file gives the same clear
``TimelineFileError`` whichever way it is read, and the rules for a record
stay in ``dateline.store.model``: every record is still made by its own
constructor, which runs the model's checks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, TypeVar

import msgspec
from dateline.store import partial
from dateline.store.model import (
    Actor,
    ActorKind,
    ActorRef,
    Bound,
    Claim,
    Event,
    FuzzyDate,
    Link,
    LinkKind,
    Note,
    Origin,
    Precision,
    Quote,
    Review,
    Source,
    Status,
    Verification,
    _from_iso,
)

#: An id: text with something in it, the rule ``model._id_field`` holds the
#: slow path to, so both ways in refuse the same files.
Id = Annotated[str, msgspec.Meta(pattern=r"\S")]


class _WhenDoc(msgspec.Struct, frozen=True):
    start: str
    end: str
    precision: Precision
    text: str = ""
    anchor: str | None = None
    approximate: bool = False
    bound: Bound | None = None
    # Time zones: checked by the model (a zone it refuses sends the file
    # the slow way, which names it).
    zone: str | None = None

    def record(self) -> FuzzyDate:
        anchor = self.anchor
        return FuzzyDate(
            _from_iso(self.start),
            _from_iso(self.end),
            self.precision,
            self.text,
            date.fromisoformat(anchor) if anchor else None,
            self.approximate,
            self.bound,
            self.zone,
        )


class _ClaimDoc(msgspec.Struct, frozen=True):
    source: Id
    when: _WhenDoc
    span: tuple[int, int] | None = None


class _RefDoc(msgspec.Struct, frozen=True):
    """Frozen, so hashable: it is its own key among the shared ActorRefs."""

    actor: Id
    role: str = ""


class _StampedDoc(msgspec.Struct, kw_only=True):
    """When, by whom and at which revision a record was saved: the same
    fields on every record (``model.REVISION_FIELDS`` and the two stamps).
    Keyword-only, so the records' own required fields may follow."""

    created: str = ""
    updated: str = ""
    created_by: str = ""
    updated_by: str = ""
    rev: Annotated[int, msgspec.Meta(ge=0)] = 0
    rev_id: str = ""
    history: tuple[str, ...] = ()


class _NoteDoc(msgspec.Struct, frozen=True):
    text: str
    author: str = ""
    at: str = ""


class _LinkDoc(msgspec.Struct, frozen=True):
    kind: LinkKind
    event: Id


class _EventDoc(_StampedDoc):
    id: Id
    when: _WhenDoc
    title: str
    summary: str = ""
    actors: list[_RefDoc] = []
    sources: tuple[Id, ...] = ()
    quotes: tuple[Id, ...] = ()
    tags: tuple[str, ...] = ()
    place: str = ""
    status: Status = "occurred"
    origin: Origin = "manual"
    review: Review | None = None
    # Order within a day.
    order: int = 0
    # Notes, star and links between events (annotations).
    starred: bool = False
    notes: tuple[_NoteDoc, ...] = ()
    links: tuple[_LinkDoc, ...] = ()
    # Claims and verification (issue 17).
    claims: tuple[_ClaimDoc, ...] = ()
    verification: Verification = "unverified"


class _ActorDoc(_StampedDoc):
    id: Id
    name: str
    aliases: tuple[str, ...] = ()
    kind: ActorKind = "person"
    description: str = ""


class _QuoteDoc(_StampedDoc):
    id: Id
    text: str
    speaker: str | None = None
    source: str | None = None
    event: str | None = None
    said: _WhenDoc | None = None
    span: tuple[int, int] | None = None


class _SourceDoc(_StampedDoc):
    id: Id
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str | None = None
    dateline: str = ""
    byline: str = ""
    body: str = ""
    via: str = ""
    language: str = ""


class _File(msgspec.Struct):
    """A TinyDB file: table name -> TinyDB doc id -> document.

    Documents stay raw (slices of the file's bytes) until each is decoded
    on its own: decoding all 100k first held them all at once beside the
    records. An event or quote keeps its slice to be finished from.
    """

    meta: dict[str, dict[str, Any]]
    events: dict[str, msgspec.Raw] = {}
    actors: dict[str, msgspec.Raw] = {}
    quotes: dict[str, msgspec.Raw] = {}
    sources: dict[str, msgspec.Raw] = {}
    tombstones: dict[str, dict[str, Any]] = {}
    conflicts: dict[str, dict[str, Any]] = {}
    views: dict[str, dict[str, Any]] = {}


_DECODER = msgspec.json.Decoder(_File)
#: What an event and a quote are made with at open, by ``_Builder.events``
#: and ``_Builder.quotes``: what the list, its layout, its marks, the
#: filters and the indexes read of every record. Any other field, including
#: one added to the model later, is made on first use (``store.partial``).
#: The filters read the star, the claims (disputed only, not disputed) and
#: the verification of every event, and "as of" its sources, claims and
#: creation stamp: made later, the first such filter at 100k events
#: finished every record (2 s, and the memory partial records save).
#: Eight, with the two ``store.partial`` keeps, filled a record's
#: ``__dict__`` without a resize; the eleventh key (``order``, read by the
#: index's order key) costs 190 bytes an event, and the next ones fit in the
#: table that resize made (up to 21 keys). (``review`` is read only of
#: extracted events: ``Event.pending`` asks ``origin`` first.)
EVENT_EAGER = (
    "when",
    "title",
    "actors",
    "quotes",
    "tags",
    "status",
    "origin",
    "id",
    "order",
    "starred",
    "claims",
    "verification",
    "sources",
    "created",
)
QUOTE_EAGER = ("id", "event", "text")
partial.install(Event, EVENT_EAGER)
partial.install(Quote, QUOTE_EAGER)
D = TypeVar("D", _EventDoc, _ActorDoc, _QuoteDoc, _SourceDoc)
R = TypeVar("R", Event, Actor, Quote, Source)


@dataclass
class Decoded:
    """Records by id, per table, and the meta document (not yet checked)."""

    meta: dict[str, Any]
    events: dict[str, Event]
    actors: dict[str, Actor]
    quotes: dict[str, Quote]
    sources: dict[str, Source]
    #: The desk's tables (tombstones, conflicts) as documents: few, and
    #: checked by their own ``from_doc`` when loaded.
    desk: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    #: Tables left undecoded (``skip``) -> how many records the file holds.
    skipped: dict[str, int] = field(default_factory=dict)


def decode_records(raw: bytes, skip: Collection[str] = ()) -> Decoded | None:
    """The records in snapshot bytes, or None when the slow path must judge.

    Tables named in ``skip`` are left as they are (only counted): adding an
    event needs the actors and sources, not 100k events made into records.
    """
    try:
        data = _DECODER.decode(raw)
        if not data.meta:
            return None
        counts = {name: len(getattr(data, name)) for name in skip}
        for name in skip:
            setattr(data, name, {})  # never decoded, so never judged either
        build = _Builder()
        return Decoded(
            next(iter(data.meta.values())),
            build.events(data.events),
            _records(data.actors, _ActorDoc, build.actor),
            build.quotes(data.quotes),
            _records(data.sources, _SourceDoc, build.source),
            {
                "tombstones": data.tombstones,
                "conflicts": data.conflicts,
                "views": data.views,
            },
            skipped=counts,
        )
    except (msgspec.DecodeError, ValueError, TypeError):
        # msgspec.ValidationError is a DecodeError; ValueError is a date or
        # interval the model refuses.
        return None


_EVENT = msgspec.json.Decoder(_EventDoc)


class _TextDoc(msgspec.Struct):
    """The text fields of an event a partial one does not hold."""

    summary: str = ""
    place: str = ""


_TEXT = msgspec.json.Decoder(_TextDoc)


def summary_and_place(event: Event) -> tuple[str, str]:
    """The event's summary and place, read from its slice of the file when it
    is partial, without finishing it: the search text of every event is
    folded in a worker after load, and finishing 100k records for it would
    bring back the whole-record memory the partial ones save."""
    raw = partial.kept(event)
    if raw is None:
        return event.summary, event.place
    text = _TEXT.decode(raw)
    return text.summary, text.place


_QUOTE = msgspec.json.Decoder(_QuoteDoc)


def _records(
    docs: dict[str, msgspec.Raw], shape: type[D], make: Callable[[D], R]
) -> dict[str, R]:
    """Records by id, each document decoded just before its record is made."""
    decode = msgspec.json.Decoder(shape).decode
    records = {}
    for raw in docs.values():
        record = make(decode(raw))
        records[record.id] = record
    return records


class _Builder:
    """Makes records from decoded documents, sharing equal immutable parts.

    Thousands of events fall on one day, name the same actors, carry the same
    tags and were saved in the same second. Records are frozen, so they can
    share one FuzzyDate, one ActorRef, one tags tuple and one timestamp
    string: at 100k events that is less memory and fewer objects to make.
    """

    def __init__(self) -> None:
        self._whens: dict[_WhenDoc, FuzzyDate] = {}
        self._refs: dict[_RefDoc, ActorRef] = {}
        self._shared: dict[object, Any] = {}

    def _same(self, value: Any) -> Any:
        return self._shared.setdefault(value, value)

    def _when(self, doc: _WhenDoc) -> FuzzyDate:
        when = self._whens.get(doc)
        if when is None:
            when = self._whens[doc] = doc.record()
        return when

    def _ref(self, doc: _RefDoc) -> ActorRef:
        ref = self._refs.get(doc)
        if ref is None:
            ref = self._refs[doc] = ActorRef(doc.actor, doc.role)
        return ref

    def events(self, docs: dict[str, msgspec.Raw]) -> dict[str, Event]:
        """Events by id, each made in part: ``EVENT_EAGER`` now, the rest
        from its slice of the file on first use (``store.partial``). Every
        document is decoded whole here all the same, so a damaged one is
        refused at open. One loop with everything local: it runs 100k times."""
        decode, whens, when_of = _EVENT.decode, self._whens, self._when
        same, refs, ref_of = self._same, self._refs, self._ref
        new, own, finish = Event.__new__, object.__setattr__, self.finish_event
        claims_of = self._claims
        events = {}
        for raw in docs.values():
            d = decode(raw)
            when = whens.get(d.when)
            eid = d.id
            event = events[eid] = new(Event)
            own(
                event,
                "__dict__",
                {
                    "when": when if when is not None else when_of(d.when),
                    "title": d.title,
                    "actors": tuple([refs.get(r) or ref_of(r) for r in d.actors]),
                    "quotes": d.quotes,
                    "tags": same(d.tags),
                    "status": d.status,
                    "origin": d.origin,
                    "id": eid,
                    "order": d.order,
                    "starred": d.starred,
                    "claims": claims_of(d) if d.claims else (),
                    "verification": d.verification,
                    "sources": same(d.sources),
                    "created": same(d.created),
                    partial.DOC: raw,
                    partial.FINISH: finish,
                },
            )
        return events

    def finish_event(self, raw: msgspec.Raw) -> Event:
        return self.event(_EVENT.decode(raw))

    def quotes(self, docs: dict[str, msgspec.Raw]) -> dict[str, Quote]:
        """Quotes by id, made in part (``QUOTE_EAGER``) as events are."""
        decode, finish, make = _QUOTE.decode, self.finish_quote, partial.make
        quotes = {}
        for raw in docs.values():
            d = decode(raw)
            quotes[d.id] = make(
                Quote,
                {
                    "id": d.id,
                    "event": d.event,
                    "text": d.text,
                    partial.DOC: raw,
                    partial.FINISH: finish,
                },
            )
        return quotes

    def finish_quote(self, raw: msgspec.Raw) -> Quote:
        return self.quote(_QUOTE.decode(raw))

    def event(self, d: _EventDoc) -> Event:
        same = self._same
        return Event(
            self._when(d.when),
            d.title,
            d.summary,
            tuple([self._ref(r) for r in d.actors]),
            same(d.sources),
            d.quotes,
            same(d.tags),
            same(d.place),
            d.status,
            d.origin,
            d.review,
            d.id,
            same(d.created),
            same(d.updated),
            **_revision(d),
            order=d.order,
            # Notes, star and links between events (annotations).
            starred=d.starred,
            # Most events have none: no list made for them at 100k events.
            notes=tuple([Note(n.text, n.author, n.at) for n in d.notes])
            if d.notes
            else (),
            links=tuple([Link(k.kind, k.event) for k in d.links]) if d.links else (),
            # Claims and verification (issue 17).
            claims=self._claims(d),
            verification=d.verification,
        )

    def _claims(self, d: _EventDoc) -> tuple[Claim, ...]:
        # Most events have none: no list made for them at 100k events.
        if not d.claims:
            return ()
        return tuple([Claim(c.source, self._when(c.when), c.span) for c in d.claims])

    def actor(self, d: _ActorDoc) -> Actor:
        return Actor(
            d.name,
            d.aliases,
            d.kind,
            d.description,
            d.id,
            d.created,
            d.updated,
            **_revision(d),
        )

    def quote(self, d: _QuoteDoc) -> Quote:
        same = self._same
        return Quote(
            d.text,
            same(d.speaker),
            same(d.source),
            d.event,
            self._when(d.said) if d.said else None,
            d.span,
            d.id,
            same(d.created),
            same(d.updated),
            **_revision(d),
        )

    def source(self, d: _SourceDoc) -> Source:
        published = d.published
        return Source(
            d.title,
            d.outlet,
            d.url,
            date.fromisoformat(published) if published else None,
            d.dateline,
            d.byline,
            d.body,
            d.via,
            d.id,
            d.created,
            d.updated,
            **_revision(d),
            language=d.language,
        )


def _revision(d: _StampedDoc) -> dict[str, Any]:
    """Authorship and revision, passed by name: see ``model.REVISION_FIELDS``."""
    return {
        "created_by": d.created_by,
        "updated_by": d.updated_by,
        "rev": d.rev,
        "rev_id": d.rev_id,
        "history": d.history,
    }
