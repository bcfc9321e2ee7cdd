"""Hand entry: a draft from a form or the command line becomes records.

One draft is saved as one journal entry (so one undo step): the event, any
actors it names for the first time, its quote and its new source together.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from dateline.store.errors import DatelineError
from dateline.store.index import refers_to
from dateline.store.model import (
    Actor,
    ActorRef,
    Event,
    FuzzyDate,
    Quote,
    Source,
    Status,
    touched,
    url_problem,
)
from dateline.store.timeline import AmbiguousActorError, Timeline


class DraftError(DatelineError):
    """A draft cannot be saved; ``field`` names the form field at fault."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class SourceDraft:
    """An article to attach: an existing one by id, or a new one."""

    source_id: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.source_id or self.title or self.outlet or self.url)


@dataclass(frozen=True)
class EventDraft:
    when: FuzzyDate
    title: str
    summary: str = ""
    actor_names: tuple[str, ...] = ()
    place: str = ""
    tags: tuple[str, ...] = ()
    status: Status = "occurred"
    quote_text: str = ""
    quote_speaker: str = ""
    source: SourceDraft = field(default_factory=SourceDraft)
    #: When editing: the event's sources and quotes to take off it. A quote
    #: that belongs to this event alone is deleted with it, as on delete.
    drop_sources: tuple[str, ...] = ()
    drop_quotes: tuple[str, ...] = ()


@dataclass
class ResolvedActors:
    refs: list[ActorRef]
    new: list[Actor]


def resolve_actors(
    timeline: Timeline, names: tuple[str, ...], new: list[Actor] | None = None
) -> ResolvedActors:
    """Known actors by name or alias; unknown names become new actors.

    ``new`` carries actors created by an earlier call for the same save, so a
    name typed twice creates one actor. Raises AmbiguousActorError when a
    name fits several actors.
    """
    refs: list[ActorRef] = []
    new = [] if new is None else new
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            continue
        actor = timeline.find_actor(name)
        if actor is None:
            actor = next((a for a in new if refers_to(name, a)), None)
        if actor is None:
            actor = Actor(name=name)
            new.append(actor)
        if all(r.actor != actor.id for r in refs):
            refs.append(ActorRef(actor.id))
    return ResolvedActors(refs, new)


def text_problems(
    title: str, quote_text: str, quote_speaker: str, url: str
) -> list[DraftError]:
    """Every problem of a draft's typed text, so a form can show them all at
    once (an empty title beside an unreadable date), not one per save."""
    problems = []
    if not title.strip():
        problems.append(DraftError("title", "The title is empty; type what happened."))
    if quote_text.strip() and not quote_speaker.strip():
        problems.append(
            DraftError("quote_speaker", "Say who is quoted, or clear the quote.")
        )
    problem = url_problem(url.strip())
    if problem is not None:
        problems.append(
            DraftError("source", f"The source link cannot be kept: {problem}.")
        )
    return problems


def _validate(draft: EventDraft) -> None:
    problems = text_problems(
        draft.title, draft.quote_text, draft.quote_speaker, draft.source.url
    )
    if problems:
        raise problems[0]


def save_draft(
    timeline: Timeline, draft: EventDraft, *, editing: Event | None = None
) -> Event:
    """Add a new event, or replace ``editing`` (its version as the form saw it).

    If ``editing`` was changed elsewhere since, ConflictError is raised and
    nothing is saved.
    """
    _validate(draft)
    with timeline.change() as tx:
        try:
            resolved = resolve_actors(timeline, draft.actor_names)
        except AmbiguousActorError as exc:
            raise DraftError("actors", str(exc)) from None
        speaker = None
        if draft.quote_text.strip():
            quoted = (draft.quote_speaker,)
            try:
                speaker = resolve_actors(timeline, quoted, resolved.new).refs[0]
            except AmbiguousActorError as exc:
                raise DraftError("quote_speaker", str(exc)) from None
        tx.put(*resolved.new)
        event_refs = resolved.refs
        if editing is not None:
            roles = {r.actor: r.role for r in editing.actors}
            event_refs = [replace(r, role=roles.get(r.actor, "")) for r in event_refs]
        base = editing or Event(when=draft.when, title=draft.title)
        sources = [s for s in base.sources if s not in draft.drop_sources]
        quotes = [q for q in base.quotes if q not in draft.drop_quotes]
        for quote_id in draft.drop_quotes:
            dropped = timeline.quotes_by_id.get(quote_id)
            if dropped is not None and dropped.event == base.id:
                tx.delete(dropped)
        source = _source_for(timeline, draft.source)
        if source is not None:
            if source.id not in timeline.sources_by_id:
                tx.put(source)
            if source.id not in sources:
                sources.append(source.id)
        quote = None
        if speaker is not None:
            quote = Quote(
                text=draft.quote_text.strip(),
                speaker=speaker.actor,
                source=source.id if source else None,
                event=base.id,
            )
            quotes.append(quote.id)
        event = touched(
            base,
            when=draft.when,
            title=draft.title.strip(),
            summary=draft.summary.strip(),
            actors=tuple(event_refs),
            place=draft.place.strip(),
            tags=tuple(t.strip() for t in draft.tags if t.strip()),
            status=draft.status,
            sources=tuple(sources),
            quotes=tuple(quotes),
        )
        if editing is not None:
            tx.update(editing, event)
        else:
            tx.put(event)
        if quote is not None:
            tx.put(quote)
    return event


def _source_for(timeline: Timeline, draft: SourceDraft) -> Source | None:
    if draft.is_empty:
        return None
    if draft.source_id:
        return timeline.source(draft.source_id)
    for known in timeline.sources_by_id.values():
        if draft.url and known.url == draft.url:
            return known
    return Source(
        title=draft.title or draft.url or draft.outlet,
        outlet=draft.outlet,
        url=draft.url,
        published=draft.published,
    )


def draft_from_event(timeline: Timeline, event: Event) -> EventDraft:
    """The form's starting values when editing ``event``."""
    names = tuple(timeline.actor_names(event))
    return EventDraft(
        when=event.when,
        title=event.title,
        summary=event.summary,
        actor_names=names,
        place=event.place,
        tags=event.tags,
        status=event.status,
    )
