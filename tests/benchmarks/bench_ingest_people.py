"""Precision and recall of actors, and accuracy of quote speakers, on news text.

A script, not a test (the numbers are to read and report):

    python -m tests.benchmarks.bench_ingest_people          # summary
    python -m tests.benchmarks.bench_ingest_people -v       # every miss

Each ``fixtures/news/NAME.people.json`` lists the actors a reader would file
for ``NAME.txt`` (people and organisations that act in the story; reporters
in bylines are not actors), ``optional`` names that count neither way
(countries, places standing for governments, outlets), and the speaker of
each quotation, found by its first words (``text_start``). ``optional_quotes``
lists the first words of quotations whose speaker is arguable.

The wire texts (``fixtures/news/wire``, ``--wire``) add to the same format:
a gold actor may be ``{"name", "kind", "also"}`` (``also``: other names it
goes by, an acronym or a transliteration), a quotation may give its ``said``
date and words it ``holds`` (a quotation over several paragraphs), and
``events`` lists the dated statements with ``start``, ``end`` and ``status``.
An extracted event *matches* a gold one with the same dates; it is *right*
when its status is the gold one too. Event recall is right / gold events,
precision right / extracted (events dated by ``optional_events`` left out).

The article is read the way ``dateline ingest --published DATE`` reads it,
into an empty timeline. An extracted actor *matches* a gold name when one of
its names (name or aliases) folds to it; duplicates of one person count as
wrong. Actor precision is matched / extracted (optional names left out),
recall is matched / gold. A gold quotation is *located* when an extracted
quote holds its first words; its speaker is *right* when the speaker's names
include the gold name or its surname. Quote precision is right / extracted
quotes (a wrong speaker is worse than none), recall is right / gold quotes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dateline.store.ingest.pipeline import Extraction, extract  # noqa: E402
from dateline.store.model import Actor, Event  # noqa: E402
from dateline.store.names import fold  # noqa: E402

NEWS = ROOT / "fixtures" / "news"
WIRE = NEWS / "wire"


@dataclass
class PeopleScore:
    name: str
    split: str = "held-out"
    gold_actors: int = 0
    found_actors: int = 0
    right_actors: int = 0
    gold_quotes: int = 0
    found_quotes: int = 0
    located_quotes: int = 0
    right_quotes: int = 0
    kinds_right: int = 0
    gold_said: int = 0
    said_right: int = 0
    gold_events: int = 0
    found_events: int = 0
    dated_events: int = 0
    right_events: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: PeopleScore) -> None:
        for attr in (
            "gold_actors",
            "found_actors",
            "right_actors",
            "gold_quotes",
            "found_quotes",
            "located_quotes",
            "right_quotes",
            "kinds_right",
            "gold_said",
            "said_right",
            "gold_events",
            "found_events",
            "dated_events",
            "right_events",
        ):
            setattr(self, attr, getattr(self, attr) + getattr(other, attr))
        self.misses += [f"{other.name}: {miss}" for miss in other.misses]

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def actor_precision(self) -> float:
        return self._ratio(self.right_actors, self.found_actors)

    @property
    def actor_recall(self) -> float:
        return self._ratio(self.right_actors, self.gold_actors)

    @property
    def quote_precision(self) -> float:
        return self._ratio(self.right_quotes, self.found_quotes)

    @property
    def quote_recall(self) -> float:
        return self._ratio(self.right_quotes, self.gold_quotes)

    @property
    def quotes_found(self) -> float:
        """Gold quotations located at all, whoever they went to."""
        return self._ratio(self.located_quotes, self.gold_quotes)

    @property
    def speakers_right(self) -> float:
        """Of the gold quotations located, those given to the gold speaker."""
        return self._ratio(self.right_quotes, self.located_quotes)

    @property
    def event_recall(self) -> float:
        return self._ratio(self.right_events, self.gold_events)

    @property
    def event_precision(self) -> float:
        return self._ratio(self.right_events, self.found_events)


def _names(actor: Actor) -> set[str]:
    return {fold(n) for n in actor.names}


def _speaks_as(actor: Actor | None, gold: str) -> bool:
    """The speaker is the gold person: a name of theirs, or their surname."""
    if actor is None:
        return False
    names = _names(actor)
    if fold(gold) in names:
        return True
    words = fold(gold).split()
    return len(words) > 1 and words[-1] in {n.split()[-1] for n in names if n}


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _people_path(text_path: Path) -> Path:
    return text_path.with_name(text_path.stem + ".people.json")


def extraction_for(text_path: Path) -> Extraction:
    """The article read with the gold's publication date, no timeline."""
    people = json.loads(_people_path(text_path).read_text(encoding="utf-8"))
    if "published" not in people:  # the dates gold holds it for the first texts
        gold = text_path.with_suffix(".gold.json").read_text(encoding="utf-8")
        people["published"] = json.loads(gold)["published"]
    text = text_path.read_text(encoding="utf-8")
    return extract(text, published=date.fromisoformat(people["published"]))


def _gold_actor(entry: str | dict[str, Any]) -> tuple[str, str | None, set[str]]:
    """Name, kind (None when the gold gives none) and every folded name."""
    if isinstance(entry, str):
        return entry, None, {fold(entry)}
    names = {fold(entry["name"]), *(fold(n) for n in entry.get("also", []))}
    return entry["name"], entry.get("kind"), names


def score(text_path: Path) -> PeopleScore:
    """Compare the actors and quotes read from one text with its people gold."""
    people = json.loads(_people_path(text_path).read_text(encoding="utf-8"))
    extraction = extraction_for(text_path)
    actors = [*extraction.new_actors, *extraction.matched_actors]
    result = PeopleScore(text_path.stem, split=people.get("split", "held-out"))
    optional = {fold(n) for n in people.get("optional", [])}
    gold = [_gold_actor(entry) for entry in people["actors"]]
    result.gold_actors = len(gold)
    taken: set[str] = set()
    for actor in actors:
        names = _names(actor)
        hit = next((g for g in gold if g[2] & names and g[0] not in taken), None)
        if hit is not None:
            taken.add(hit[0])
            result.found_actors += 1
            result.right_actors += 1
            if hit[1] is None or hit[1] == actor.kind:
                result.kinds_right += 1
            else:
                result.misses.append(
                    f"wrong kind    {actor.name!r}: {actor.kind} (gold {hit[1]})"
                )
        elif names & optional:
            continue
        else:
            result.found_actors += 1
            result.misses.append(f"extra actor   {actor.name!r}")
    for name, _kind, _also in gold:
        if name not in taken:
            result.misses.append(f"missed actor  {name!r}")

    by_id = {a.id: a for a in actors}
    quotes = [(q, _norm(q.text)) for q in extraction.quotes]
    ignored = [_norm(s) for s in people.get("optional_quotes", [])]
    used: set[int] = set()
    result.gold_quotes = len(people["quotes"])
    for gold in people["quotes"]:
        want = _norm(gold["text_start"])
        also = _norm(gold.get("holds", ""))
        starts = [
            i for i, (_, t) in enumerate(quotes) if t.startswith(want) and also in t
        ]
        holds = [i for i, (_, t) in enumerate(quotes) if want in t and also in t]
        hit = next((i for i in [*starts, *holds] if i not in used), None)
        if hit is None:
            result.misses.append(f"missed quote  {gold['text_start']!r}")
            continue
        used.add(hit)
        result.located_quotes += 1
        if "said" in gold:
            result.gold_said += 1
            said = quotes[hit][0].said
            if said is not None and said.start.isoformat()[:10] == gold["said"]:
                result.said_right += 1
            else:
                result.misses.append(
                    f"wrong said    {gold['text_start']!r}: "
                    f"{said.start if said else None} (gold {gold['said']})"
                )
        speaker = by_id.get(quotes[hit][0].speaker or "")
        if _speaks_as(speaker, gold["speaker"]):
            result.right_quotes += 1
        else:
            said = speaker.name if speaker else None
            result.misses.append(
                f"wrong speaker {gold['text_start']!r}: {said!r}"
                f" (gold {gold['speaker']!r})"
            )
    for i, (quote, text) in enumerate(quotes):
        if i in used:
            continue
        if any(text.startswith(s) for s in ignored):
            continue
        result.found_quotes += 1
        speaker = by_id.get(quote.speaker or "")
        result.misses.append(
            f"extra quote   {quote.text[:40]!r}: {speaker.name if speaker else None!r}"
        )
    result.found_quotes += len(used)
    if "events" in people:
        _score_events(extraction, people, result)
    return result


def _score_events(
    extraction: Extraction, people: dict[str, Any], result: PeopleScore
) -> None:
    """Each gold event takes the first unused extracted event of its dates,
    one of its status first."""

    def dates(event: Event) -> tuple[str, str]:
        return event.when.start.isoformat()[:10], event.when.end.isoformat()[:10]

    events = list(extraction.events)
    ignored = set(people.get("optional_events", []))
    used: set[int] = set()
    result.gold_events = len(people["events"])
    for gold in people["events"]:
        want = (gold["start"], gold["end"])
        same = [i for i, e in enumerate(events) if i not in used and dates(e) == want]
        status = [i for i in same if events[i].status == gold["status"]]
        if not same:
            result.misses.append(
                f"missed event  {gold['text']!r} {want}: {gold['what']}"
            )
            continue
        hit = (status or same)[0]
        used.add(hit)
        result.dated_events += 1
        if status:
            result.right_events += 1
        else:
            result.misses.append(
                f"wrong status  {gold['text']!r}: {events[hit].status}"
                f" (gold {gold['status']}) {events[hit].title!r}"
            )
    for i, event in enumerate(events):
        if i in used or any(event.when.text in words for words in ignored):
            continue  # "2028" of the optional "from 2028"
        result.found_events += 1
        result.misses.append(
            f"extra event   {event.when.text!r} {dates(event)}: {event.title!r}"
        )
    result.found_events += len(used)


def score_all(folder: Path = NEWS) -> tuple[list[PeopleScore], list[PeopleScore]]:
    """Per text of ``folder``, then totals per split and all together."""
    paths = sorted(p.with_name(p.name.removesuffix(".people.json") + ".txt")
                   for p in folder.glob("*.people.json"))  # fmt: skip
    scores = [score(path) for path in paths]
    totals = {split: PeopleScore(split) for split in sorted({s.split for s in scores})}
    everything = PeopleScore("all")
    for item in scores:
        totals[item.split].add(item)
        everything.add(item)
    return scores, [*totals.values(), everything]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses")
    parser.add_argument(
        "--wire", action="store_true", help="score fixtures/news/wire (with events)"
    )
    args = parser.parse_args()
    scores, totals = score_all(WIRE if args.wire else NEWS)
    print(
        f"{'text':20} {'actors':>6} {'found':>5} {'right':>5} {'P':>5} {'R':>5}"
        f"   {'quotes':>6} {'found':>5} {'loc':>4} {'right':>5} {'P':>5} {'R':>5}"
    )
    for item in [*scores, *totals]:
        print(
            f"{item.name:20} {item.gold_actors:6} {item.found_actors:5} "
            f"{item.right_actors:5} {item.actor_precision:5.2f} "
            f"{item.actor_recall:5.2f}   {item.gold_quotes:6} {item.found_quotes:5} "
            f"{item.located_quotes:4} {item.right_quotes:5} "
            f"{item.quote_precision:5.2f} {item.quote_recall:5.2f}"
        )
        if args.wire:
            print(
                f"{'':20} quotes found {item.quotes_found:.2f}, speaker right "
                f"{item.speakers_right:.2f}, said right {item.said_right}/"
                f"{item.gold_said}; kinds right {item.kinds_right}/"
                f"{item.right_actors}; events {item.gold_events} gold, "
                f"{item.found_events} found, {item.dated_events} dated right, "
                f"{item.right_events} right (P {item.event_precision:.2f}"
                f" / R {item.event_recall:.2f})"
            )
        if args.verbose and item in scores:
            for miss in item.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
