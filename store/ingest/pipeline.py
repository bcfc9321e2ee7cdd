"""Article text -> a Source, candidate events, actors and quotes.

``extract`` reads an article without touching the timeline's data (it only
looks up known actors); ``save_extraction`` then writes everything in one
durable step, so one ingest is one undo step. ``ingest`` does both.

    timeline = Timeline.open("timeline.json")
    report = ingest(timeline, text, published=date(2026, 1, 10))
    print(report.summary())

Extracted events are ``origin="extracted"`` and ``review="pending"`` until
the user accepts them (``dateline.store.changes.review``); ``accept=True`` (the CLI's
``--yes``) accepts them at once. Dates are read against the publication
date, taken from the flags, else from a "date YYYY-MM-DD" line of the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.store.errors import DatelineError
from dateline.store.ingest.actors import ActorFinding, Entity, find_actors
from dateline.store.ingest.events import Candidate, build_candidates
from dateline.store.ingest.find_dates import FoundDate, find_dates
from dateline.store.ingest.quotes import FoundQuote, find_quotes
from dateline.store.ingest.reference import References
from dateline.store.ingest.text import (
    Article,
    Span,
    guess_title,
    paragraphs,
    parse_article,
    split_sentences,
)
from dateline.store.model import (
    Actor,
    ActorRef,
    Event,
    FuzzyDate,
    Quote,
    Source,
    url_problem,
)
from dateline.store.names import fold

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

__all__ = [
    "Extraction",
    "IngestCancelled",
    "IngestError",
    "IngestReport",
    "extract",
    "ingest",
    "read_article",
    "save_extraction",
]

#: ``progress(fraction_done, what)``, called from the extracting thread.
Progress = Callable[[float, str], None]


class IngestError(DatelineError):
    """An article cannot be ingested; nothing was saved."""


class IngestCancelled(DatelineError):
    """The user stopped an extraction; nothing was saved."""


@dataclass
class Extraction:
    """Everything read from one article, not yet saved."""

    article: Article
    source: Source
    events: list[Event]
    quotes: list[Quote]
    new_actors: list[Actor]
    matched_actors: list[Actor]
    #: Every temporal expression found, including ones that made no event.
    dates: list[FoundDate] = field(default_factory=list)


@dataclass
class IngestReport:
    """What an ingest saved, for the message shown to the user."""

    source: Source
    events: int
    quotes: int
    new_actors: list[str]
    matched_actors: list[str]
    pending: int
    event_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        title = self.source.title or "the article"
        lines = [
            f"Ingested “{title}”"
            + (f" ({self.source.outlet})" if self.source.outlet else "")
            + ".",
            f"  events found:   {self.events}",
            f"  quotes:         {self.quotes}",
            f"  actors new:     {len(self.new_actors)}"
            + (f" ({', '.join(self.new_actors)})" if self.new_actors else ""),
            f"  actors matched: {len(self.matched_actors)}"
            + (f" ({', '.join(self.matched_actors)})" if self.matched_actors else ""),
            f"  pending review: {self.pending}",
        ]
        if not self.events:
            lines.append(
                "  No dated statement was found, so no event was proposed; the "
                "article is saved as a source."
            )
        return "\n".join(lines)


def read_article(path: Path) -> str:
    """The text of an article file; IngestError, naming the fix, otherwise."""
    path = path.expanduser()
    if not path.exists():
        raise IngestError(f"No file {path}; give the path of a text file.")
    if path.is_dir():
        raise IngestError(f"{path} is a folder; give the path of a text file.")
    try:
        with path.open("rb") as handle:
            # Bounded: /dev/zero or a disk image must not be read forever.
            raw = handle.read(ARTICLE_LIMIT + 1)
    except OSError as exc:
        raise IngestError(f"Cannot read {path}: {exc.strerror}.") from None
    return decode_article(raw, str(path))


#: The longest article ``read_article`` takes: a book, not a disk image.
ARTICLE_LIMIT = 10 * 2**20


def decode_article(raw: bytes, name: str) -> str:
    """Article bytes read with a bound of ``ARTICLE_LIMIT + 1`` as text."""
    if len(raw) > ARTICLE_LIMIT:
        raise IngestError(
            f"{name} is longer than {ARTICLE_LIMIT // 2**20} MB, more than any "
            "article; give the story alone as a text file."
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise IngestError(
            f"{name} is not UTF-8 text; save the article as plain UTF-8 text first."
        ) from None


def extract(
    text: str,
    *,
    published: date | None = None,
    outlet: str = "",
    url: str = "",
    title: str = "",
    timeline: Timeline | None = None,
    accept: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Extraction:
    """Read ``text`` into records; flags given here win over the text's own.

    Raises IngestError for empty text or no publication date, and
    IngestCancelled when ``cancelled()`` turns true between paragraphs.
    """
    report = progress or (lambda _f, _w: None)
    problem = url_problem(url.strip())
    if problem is not None:
        raise IngestError(f"The article's URL cannot be kept: {problem}.")
    if not text.strip():
        raise IngestError("The article is empty; paste or give the text of a story.")
    if "\x00" in text:
        raise IngestError(
            "This looks like a binary file (it holds NUL bytes), not an "
            "article; save the story as plain text first."
        )
    article = parse_article(text)
    if not article.body.strip():
        raise IngestError(
            "The text holds only a header (a title, byline, date line or time "
            "stamp) and no story; paste the article's text too."
        )
    anchor = published or article.published
    if anchor is None and article.bad_date:
        raise IngestError(
            f'The date line says "{article.bad_date}", which is not a date; '
            "correct it (YYYY-MM-DD) or pass --published YYYY-MM-DD."
        )
    if anchor is None:
        raise IngestError(
            "No publication date found in the text (a first line like "
            '"date 2026-01-10"); pass --published YYYY-MM-DD.'
        )
    report(0.02, "reading the article")
    body_end = article.body_start + len(article.body)
    story = article.body_start + article.lead_start
    source = Source(
        title=title.strip() or guess_title(article),
        outlet=outlet.strip() or article.outlet,
        url=url.strip(),
        published=anchor,
        dateline=article.dateline,
        body=article.body,
    )
    sentences: list[Span] = []
    paragraph_of: list[int] = []
    found: list[FoundDate] = []
    references = References()  # "a year earlier" counts across paragraphs
    blocks = paragraphs(article.text, article.body_start, body_end)
    for number, (p_start, p_end) in enumerate(blocks):
        if cancelled is not None and cancelled():
            raise IngestCancelled("Extraction stopped; nothing was saved.")
        local = split_sentences(article.text, p_start, p_end)
        sentences.extend(local)
        paragraph_of.extend([number] * len(local))
        found.extend(
            find_dates(
                article.text,
                anchor,
                start=p_start,
                end=p_end,
                masked=article.masked,
                sentences=local,
                references=references,
            )
        )
        report(0.05 + 0.75 * (number + 1) / len(blocks), "finding dates")
    regions = [(story, body_end)]
    if article.standfirst:
        start = article.standfirst_start
        regions.insert(0, (start, start + len(article.standfirst)))
    report(0.82, "finding people and organisations")
    actors = find_actors(article.text, regions, timeline)
    if cancelled is not None and cancelled():
        raise IngestCancelled("Extraction stopped; nothing was saved.")
    report(0.9, "finding quotes")
    quotes = find_quotes(article.text, sentences, actors)
    candidates = build_candidates(
        article.text, sentences, paragraph_of, found, actors, quotes, story
    )
    report(0.97, "building events")
    extraction = _records(article, source, candidates, actors, quotes, accept)
    extraction.dates = found
    report(1.0, "done")
    return extraction


def _records(
    article: Article,
    source: Source,
    candidates: list[Candidate],
    actors: ActorFinding,
    found_quotes: list[FoundQuote],
    accept: bool,
) -> Extraction:
    offset = article.body_start
    actor_of: dict[str, Actor] = {}
    new: list[Actor] = []
    matched: list[Actor] = []
    for key, entity in actors.entities.items():
        actor = entity.known or _new_actor(entity)
        actor_of[key] = actor
        (matched if entity.known else new).append(actor)
    events: list[Event] = []
    quotes: dict[Span, Quote] = {}
    for candidate in candidates:
        event = Event(
            when=candidate.found.when,
            title=candidate.title or candidate.found.text,
            summary=candidate.summary,
            actors=tuple(ActorRef(actor_of[k].id) for k in candidate.actor_keys),
            sources=(source.id,),
            status=candidate.status,
            origin="extracted",
            review="accepted" if accept else "pending",
        )
        for found in candidate.quotes:
            said = candidate.said_for(found)
            quotes[found.span] = _quote(found, actor_of, source, offset, event.id, said)
        held = tuple(quotes[f.span].id for f in candidate.quotes)
        events.append(replace(event, quotes=held))
    for found in found_quotes:
        if found.span not in quotes:
            quotes[found.span] = _quote(found, actor_of, source, offset, None, None)
    ordered = sorted(quotes.values(), key=lambda q: q.span or (0, 0))
    return Extraction(article, source, events, ordered, new, matched)


def _quote(
    found: FoundQuote,
    actor_of: dict[str, Actor],
    source: Source,
    offset: int,
    event_id: str | None,
    said: FuzzyDate | None,
) -> Quote:
    return Quote(
        text=found.text,
        speaker=actor_of[found.speaker].id,
        source=source.id,
        event=event_id,
        said=said,
        span=(found.span[0] - offset, found.span[1] - offset),
    )


def _new_actor(entity: Entity) -> Actor:
    description = " ".join(p for p in (entity.qualifier, entity.title) if p)
    return Actor(
        name=entity.name,
        aliases=tuple(entity.aliases),
        kind=entity.kind,
        description=description,
    )


def save_extraction(timeline: Timeline, extraction: Extraction) -> IngestReport:
    """Write the source, new actors, events and quotes in one durable step.

    Refuses (IngestError, nothing saved) an article already in the timeline:
    the same URL, or the same body text.
    """
    source = extraction.source
    with timeline.change() as tx:
        for known in timeline.sources_by_id.values():
            same_url = bool(source.url) and known.url == source.url
            same_body = bool(source.body) and known.body == source.body
            if same_url or same_body:
                raise IngestError(
                    f"This article is already in {timeline.path or 'the timeline'} "
                    f"as “{known.title}” ({known.id}), matched by its URL or "
                    "its text; nothing was saved."
                )
        tx.put(source)
        # An actor created meanwhile (another window) under the same name
        # is used, not duplicated.
        remap: dict[str, str] = {}
        new_actors: list[Actor] = []
        for actor in extraction.new_actors:
            existing = _same_name(timeline, actor)
            if existing is not None:
                remap[actor.id] = existing.id
                continue
            new_actors.append(actor)
            tx.put(actor)
        for event in extraction.events:
            refs = tuple(
                ActorRef(remap.get(r.actor, r.actor), r.role) for r in event.actors
            )
            tx.put(replace(event, actors=refs))
        for quote in extraction.quotes:
            speaker = remap.get(quote.speaker or "", quote.speaker)
            tx.put(replace(quote, speaker=speaker))
    return IngestReport(
        source=source,
        events=len(extraction.events),
        quotes=len(extraction.quotes),
        new_actors=[a.name for a in new_actors],
        matched_actors=[a.name for a in extraction.matched_actors],
        pending=sum(1 for e in extraction.events if e.pending),
        event_ids=[e.id for e in extraction.events],
    )


def _same_name(timeline: Timeline, actor: Actor) -> Actor | None:
    key = fold(actor.name)
    for known in timeline.actors_by_id.values():
        if any(fold(n) == key for n in known.names):
            return known
    return None


def ingest(timeline: Timeline, text: str, **options: object) -> IngestReport:
    """``extract`` then ``save_extraction``; options as for ``extract``."""
    extraction = extract(text, timeline=timeline, **options)  # type: ignore[arg-type]
    return save_extraction(timeline, extraction)
