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

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dateline.store.ingest.pipeline import Extraction, extract  # noqa: E402
from dateline.store.model import Actor  # noqa: E402
from dateline.store.names import fold  # noqa: E402

NEWS = ROOT / "fixtures" / "news"


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


def extraction_for(text_path: Path) -> Extraction:
    """The article read with the gold's publication date, no timeline."""
    gold = json.loads(text_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    text = text_path.read_text(encoding="utf-8")
    return extract(text, published=date.fromisoformat(gold["published"]))


def score(text_path: Path) -> PeopleScore:
    """Compare the actors and quotes read from one text with its people gold."""
    people = json.loads(
        text_path.with_name(text_path.stem + ".people.json").read_text(encoding="utf-8")
    )
    extraction = extraction_for(text_path)
    actors = [*extraction.new_actors, *extraction.matched_actors]
    result = PeopleScore(text_path.stem, split=people.get("split", "held-out"))
    optional = {fold(n) for n in people.get("optional", [])}
    gold_names = [fold(n) for n in people["actors"]]
    result.gold_actors = len(gold_names)
    taken: set[str] = set()
    for actor in actors:
        names = _names(actor)
        hit = next((g for g in gold_names if g in names and g not in taken), None)
        if hit is not None:
            taken.add(hit)
            result.found_actors += 1
            result.right_actors += 1
        elif names & optional:
            continue
        else:
            result.found_actors += 1
            result.misses.append(f"extra actor   {actor.name!r}")
    for name in people["actors"]:
        if fold(name) not in taken:
            result.misses.append(f"missed actor  {name!r}")

    by_id = {a.id: a for a in actors}
    quotes = [(q, _norm(q.text)) for q in extraction.quotes]
    ignored = [_norm(s) for s in people.get("optional_quotes", [])]
    used: set[int] = set()
    result.gold_quotes = len(people["quotes"])
    for gold in people["quotes"]:
        want = _norm(gold["text_start"])
        starts = [i for i, (_, t) in enumerate(quotes) if t.startswith(want)]
        holds = [i for i, (_, t) in enumerate(quotes) if want in t]
        hit = next((i for i in [*starts, *holds] if i not in used), None)
        if hit is None:
            result.misses.append(f"missed quote  {gold['text_start']!r}")
            continue
        used.add(hit)
        result.located_quotes += 1
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
    return result


def score_all() -> tuple[list[PeopleScore], list[PeopleScore]]:
    """Per text, then totals per split and all together."""
    paths = sorted(p.with_name(p.name.removesuffix(".people.json") + ".txt")
                   for p in NEWS.glob("*.people.json"))  # fmt: skip
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
    args = parser.parse_args()
    scores, totals = score_all()
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
        if args.verbose and item in scores:
            for miss in item.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
