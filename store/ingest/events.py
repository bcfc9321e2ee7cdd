"""Candidate events: one per dated statement of the article.

Each temporal expression of the body (``dateline.store.ingest.find_dates``) proposes an
event dated by it, titled from the clause it sits in (``titles``), with the actors named
in its sentence. Two statements sharing a date are two events ("shut the
plant on Wednesday", "shares fell on Wednesday"), but a date that refers
back ("before Friday's announcement", the date said again in a quotation)
joins the event told before. A sentence
without a date of its own lends its names to the last event of its
paragraph, since news tells a dated event and then its details. Quotes join
the event told in their sentence, else the last past event told just
before them: a quotation is said at an event, not at an announced one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.store.ingest.actors import ActorFinding
from dateline.store.ingest.find_dates import FoundDate
from dateline.store.ingest.quotes import FoundQuote, speech_dated
from dateline.store.ingest.text import Span
from dateline.store.ingest.titles import title_for
from dateline.store.model import FuzzyDate, Status

#: Sentences back a quote may reach for its event, and further back when
#: that event already involves the speaker.
_NEAR, _FAR = 2, 4


@dataclass
class Candidate:
    """An event proposed from the text, before it becomes an Event."""

    found: FoundDate
    title: str
    summary: str
    status: Status
    paragraph: int
    sentence_index: int
    actor_keys: list[str] = field(default_factory=list)
    quotes: list[FoundQuote] = field(default_factory=list)
    #: The event's date when it is the date of a speaking ("Hale said on
    #: Tuesday"), else None; see ``said_for``.
    said: FuzzyDate | None = None
    #: Who is named in the event's own sentence.
    named: set[str] = field(default_factory=set)

    def said_for(self, quote: FoundQuote) -> FuzzyDate | None:
        """When ``quote`` was said: the speaking's date, if the quote is in
        that sentence or its speaker is the one named speaking there ("Hale
        said on Tuesday ... He said: "...""), else unknown."""
        if quote.sentence_index == self.sentence_index or quote.speaker in self.named:
            return self.said
        return None

    def add_actor(self, key: str) -> None:
        if key not in self.actor_keys:
            self.actor_keys.append(key)


def build_candidates(
    text: str,
    sentences: list[Span],
    paragraph_of: list[int],
    dates: list[FoundDate],
    actors: ActorFinding,
    quotes: list[FoundQuote],
    lead: int,
) -> list[Candidate]:
    """Events for ``dates`` (found in ``sentences`` of ``text``).

    ``paragraph_of[i]`` is the paragraph number of sentence ``i``; ``lead``
    is where the story starts after the dateline.
    """
    index_of = {span: i for i, span in enumerate(sentences)}
    by_key: dict[tuple[object, ...], Candidate] = {}
    candidates: list[Candidate] = []
    dated_sentences: set[int] = set()
    for found in dates:
        if found.vague:
            continue
        i = index_of[found.sentence]
        status: Status = "expected" if found.tense == "future" else "occurred"
        key = (found.when.start, found.when.end, found.when.precision, status)
        if not found.quoted:
            dated_sentences.add(i)
        # Two statements sharing a date are two events; the date said again
        # inside a quotation, or "before Friday's announcement", is the same.
        candidate = by_key.get(key) if _retold(text, found) else None
        if candidate is None:
            start = max(found.sentence[0], lead)
            candidate = Candidate(
                found=found,
                title=title_for(
                    text, (start, found.sentence[1]), found.span, quoted=found.quoted
                ),
                summary=text[start : found.sentence[1]].strip(),
                status=status,
                paragraph=paragraph_of[i],
                sentence_index=i,
            )
            if status == "occurred" and speech_dated(text, found.sentence, found.span):
                candidate.said = found.when
            by_key[key] = candidate
            candidates.append(candidate)
        for mention in actors.in_span(found.sentence):
            candidate.add_actor(mention.key)
            candidate.named.add(mention.key)
    _lend_names(candidates, sentences, paragraph_of, dated_sentences, actors)
    _attach_quotes(candidates, quotes, index_of, dated_sentences)
    return candidates


def _retold(text: str, found: FoundDate) -> bool:
    """Whether the date refers back to an event told before rather than
    telling a new one: said again in a quotation, or "Friday's"."""
    return found.quoted or text.startswith(("'s", "’s"), found.span[1])


def _lend_names(
    candidates: list[Candidate],
    sentences: list[Span],
    paragraph_of: list[int],
    dated: set[int],
    actors: ActorFinding,
) -> None:
    """Names of undated sentences go to the last event of their paragraph."""
    latest: dict[int, Candidate] = {}
    ordered = sorted(candidates, key=lambda c: c.found.span)
    starts = {c.sentence_index: c for c in ordered}
    for i, sentence in enumerate(sentences):
        if i in starts:
            latest[paragraph_of[i]] = starts[i]
        if i in dated:
            continue
        owner = latest.get(paragraph_of[i])
        if owner is None:
            continue
        for mention in actors.in_span(sentence):
            owner.add_actor(mention.key)


def _attach_quotes(
    candidates: list[Candidate],
    quotes: list[FoundQuote],
    index_of: dict[Span, int],
    dated: set[int],
) -> None:
    # Candidates by sentence: each quote looks at a few sentences, not at
    # every candidate, so a long article stays linear.
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence_index, []).append(candidate)
    for quote in quotes:
        i = quote.sentence_index
        here = [c for c in by_sentence.get(i, []) if not c.found.quoted]
        owner = next((c for c in here if c.status == "occurred"), None)
        if owner is None and here:
            owner = here[0]
        if owner is None:
            owner = _earlier_event(by_sentence, i, quote.speaker)
        if owner is not None:
            owner.quotes.append(quote)
            owner.add_actor(quote.speaker)


def _earlier_event(
    by_sentence: dict[int, list[Candidate]], i: int, speaker: str
) -> Candidate | None:
    """The latest past event told in the few sentences before ``i``; further
    back only one that already involves the speaker."""
    for at in range(i - 1, i - _FAR - 1, -1):
        for candidate in reversed(by_sentence.get(at, [])):
            if candidate.status != "occurred":
                continue
            if i - at > _NEAR and speaker not in candidate.actor_keys:
                continue
            return candidate
    return None
