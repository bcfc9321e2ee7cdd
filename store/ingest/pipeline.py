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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from dateline.store.errors import DatelineError
from dateline.store.evidence.matching import absorbed, find_same
from dateline.store.ingest.actors import ActorFinding, Entity, find_actors
from dateline.store.ingest.document import Document, IngestError
from dateline.store.ingest.events import Candidate, build_candidates
from dateline.store.ingest.find_dates import FoundDate, find_dates
from dateline.store.ingest.foreign_dates import find_foreign_dates
from dateline.store.ingest.language import READ_LANGUAGES, detect_language
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
    Claim,
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
    "save_extraction",
]

#: ``progress(fraction_done, what)``, called from the extracting thread.
Progress = Callable[[float, str], None]


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
    #: Events already in the timeline that this article told of again: its
    #: claim joined them instead of making a second event.
    joined_ids: list[str] = field(default_factory=list)

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
        if self.joined_ids:
            lines.append(
                f"  claims added:   {len(self.joined_ids)} (to events already "
                "in the timeline)"
            )
        if not self.events:
            lines.append(
                "  No dated statement was found, so no event was proposed; the "
                "article is saved as a source."
            )
        return "\n".join(lines)


def extract(
    document: str | Document,
    *,
    published: date | None = None,
    outlet: str = "",
    url: str = "",
    title: str = "",
    via: str = "",
    timeline: Timeline | None = None,
    accept: bool = False,
    languages: Sequence[str] = READ_LANGUAGES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Extraction:
    """Read an article into records. What is given here wins over what a
    page or feed says (``Document``), which wins over the text's own header.

    ``languages`` are the languages to try, the first the default (see
    ``store.ingest.language``); dates are read in the one detected.
    Raises IngestError for empty text or no publication date, and
    IngestCancelled when ``cancelled()`` turns true between paragraphs.
    """
    doc = document if isinstance(document, Document) else Document(document)
    text = doc.text
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
    anchor = published or doc.published or article.published
    if anchor is None and article.bad_date:
        raise IngestError(
            f'The date line says "{article.bad_date}", which is not a date; '
            "correct it (YYYY-MM-DD) or pass --published YYYY-MM-DD."
        )
    if anchor is None:
        where = {
            "text": 'in the text (a first line like "date 2026-01-10")',
            "page": "in the page's metadata or text",
            "feed": "on the feed item or the feed",
        }[doc.kind]
        raise IngestError(
            f"No publication date found {where}; pass --published YYYY-MM-DD."
        )
    report(0.02, "reading the article")
    body_end = article.body_start + len(article.body)
    story = article.body_start + article.lead_start
    language = detect_language(article.body, languages, declared=doc.language)
    source = Source(
        title=title.strip() or doc.title or guess_title(article),
        outlet=outlet.strip() or doc.outlet or article.outlet,
        # A page's own canonical URL that cannot be kept is dropped, not fatal.
        url=url.strip() or (doc.url if url_problem(doc.url) is None else ""),
        published=anchor,
        dateline=article.dateline,
        byline=doc.byline,
        body=article.body,
        # The outlet whose report this one relays ("AFP"): with it, the two
        # count as one source when claims are weighed.
        via=via.strip(),
        language=language,
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
        if language == "en":
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
        else:
            found.extend(
                find_foreign_dates(
                    article.text,
                    anchor,
                    language,
                    start=p_start,
                    end=p_end,
                    masked=article.masked,
                    sentences=local,
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
        found_at = candidate.found.span
        event = Event(
            when=candidate.found.when,
            title=candidate.title or candidate.found.text,
            summary=candidate.summary,
            actors=tuple(ActorRef(actor_of[k].id) for k in candidate.actor_keys),
            sources=(source.id,),
            status=candidate.status,
            origin="extracted",
            review="accepted" if accept else "pending",
            claims=(
                Claim(
                    source.id,
                    candidate.found.when,
                    (found_at[0] - offset, found_at[1] - offset),
                ),
            ),
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
        joined: dict[str, str] = {}  # extracted event id -> the one it joined
        grown: dict[str, Event] = {}  # joined events as this step leaves them
        made: list[Event] = []
        for event in extraction.events:
            refs = tuple(
                ActorRef(remap.get(r.actor, r.actor), r.role) for r in event.actors
            )
            event = replace(event, actors=refs)
            # Another article's report of the same event gains this one's
            # claim, rather than the timeline gaining a second row.
            same = find_same(timeline, event)
            if same is not None:
                joined[event.id] = same.id
                grown[same.id] = absorbed(grown.get(same.id, same), event)
                tx.put(grown[same.id])
            else:
                made.append(event)
                tx.put(event)
        for quote in extraction.quotes:
            speaker = remap.get(quote.speaker or "", quote.speaker)
            event_id = joined.get(quote.event or "", quote.event)
            tx.put(replace(quote, speaker=speaker, event=event_id))
    return IngestReport(
        source=source,
        events=len(made),
        quotes=len(extraction.quotes),
        new_actors=[a.name for a in new_actors],
        matched_actors=[a.name for a in extraction.matched_actors],
        pending=sum(1 for e in made if e.pending),
        event_ids=[e.id for e in made],
        joined_ids=list(dict.fromkeys(joined.values())),
    )


def _same_name(timeline: Timeline, actor: Actor) -> Actor | None:
    key = fold(actor.name)
    for known in timeline.actors_by_id.values():
        if any(fold(n) == key for n in known.names):
            return known
    return None


def ingest(timeline: Timeline, text: str | Document, **options: object) -> IngestReport:
    """``extract`` then ``save_extraction``; options as for ``extract``."""
    extraction = extract(text, timeline=timeline, **options)  # type: ignore[arg-type]
    return save_extraction(timeline, extraction)
