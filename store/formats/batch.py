"""Records read from a foreign format, waiting to be merged in one step.

A reader turns a whole file into a ``Batch`` before anything is written:
events, the actors they name (one record per name, however often it is
named), quotes, sources, and the problems met on the way. ``merge_batch``
then hands everything to ``merge_records`` as one journal entry, so a file
is imported whole or not at all, and actors are matched to known ones there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.store.errors import quoted
from dateline.store.formats.merge import ImportReport, merge_records
from dateline.store.model import (
    Actor,
    ActorRef,
    Event,
    FuzzyDate,
    Quote,
    Source,
    new_id,
    url_problem,
)
from dateline.store.names import fold
from dateline.store.timeline import Timeline


@dataclass
class Batch:
    """Everything one file holds, plus what could not be read."""

    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    #: Records skipped because they cannot be read, each naming its place.
    problems: list[str] = field(default_factory=list)
    #: Things done that the user should know about (eras imported as spans).
    notes: list[str] = field(default_factory=list)
    _actors_by_key: dict[str, Actor] = field(default_factory=dict, repr=False)
    _sources_by_key: dict[str, Source] = field(default_factory=dict, repr=False)
    _ids: set[str] = field(default_factory=set, repr=False)

    def actor_ref(self, name: str, role: str = "") -> ActorRef | None:
        """A reference to the actor called ``name``; None for a blank name."""
        actor_id = self.actor_id(name)
        return ActorRef(actor_id, role.strip()) if actor_id else None

    def actor_id(self, name: str) -> str | None:
        name = " ".join(name.split())
        key = fold(name)
        if not key:
            return None
        actor = self._actors_by_key.get(key)
        if actor is None:
            actor = Actor(name=name)
            self._actors_by_key[key] = actor
            self.actors.append(actor)
        return actor.id

    def source_id(self, url: str, title: str = "", outlet: str = "") -> str | None:
        """The source at ``url``, or titled ``title`` when it has no URL (one
        record per source, however often it is cited); None when both are
        blank.

        A URL that is not a clean web link is dropped, with a note: it
        would become a link in every export. The source keeps its title.
        """
        url, title = url.strip(), " ".join(title.split())
        problem = url_problem(url)
        if problem is not None:
            self.notes.append(
                f"the source URL {quoted(url)} was not kept ({problem}); "
                + (
                    f'the source "{quoted(title)[1:-1]}" was imported without it.'
                    if title
                    else "fix it and import again to keep the link."
                )
            )
            url = ""
        key = url or fold(title)
        if not key:
            return None
        source = self._sources_by_key.get(key)
        if source is None:
            source = Source(title=title, outlet=outlet.strip(), url=url)
            self._sources_by_key[key] = source
            self.sources.append(source)
        return source.id

    def fresh_id(self, wanted: str, prefix: str) -> str:
        """``wanted`` if the file has not used it yet, else a new id.

        A file's own ids are kept (so a re-import matches, and ids survive a
        round trip); ``merge_records`` still renames any the timeline holds.
        """
        wanted = wanted.strip()
        chosen = wanted if wanted and wanted not in self._ids else new_id(prefix)
        self._ids.add(chosen)
        return chosen

    def add_event(
        self,
        *,
        when: FuzzyDate,
        title: str,
        event_id: str = "",
        quotes: list[tuple[str, str, str, str]] = (),  # type: ignore[assignment]
        **fields: object,
    ) -> Event:
        """Add an imported event; ``quotes`` are (text, speaker name, source URL,
        source title): the source is one the event cites, found by either."""
        eid = self.fresh_id(event_id, "ev")
        quote_ids = []
        for text, speaker, url, source_title in quotes:
            quote = Quote(
                text=text,
                speaker=self.actor_id(speaker) if speaker else None,
                source=self.source_id(url, source_title),
                event=eid,
            )
            self.quotes.append(quote)
            quote_ids.append(quote.id)
        fields.setdefault("origin", "imported")
        event = Event(id=eid, when=when, title=title, quotes=tuple(quote_ids), **fields)  # type: ignore[arg-type]
        self.events.append(event)
        return event


def merge_batch(
    timeline: Timeline,
    batch: Batch,
    *,
    allow_duplicates: bool = False,
    origin: str = "the file",
) -> ImportReport:
    """Commit the batch as one undoable step and report what happened.
    Events the timeline holds (by id) take only what the format carries."""
    report = merge_records(
        timeline,
        events=batch.events,
        actors=batch.actors,
        quotes=batch.quotes,
        sources=batch.sources,
        allow_duplicates=allow_duplicates,
        origin=origin,
        lossy=True,
    )
    report.problems.extend(batch.problems)
    report.notes.extend(batch.notes)
    return report
