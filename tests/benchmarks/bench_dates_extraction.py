"""Precision and recall of date expressions found in news text and read right.

A script, not a test (the numbers are to read and report):

    python -m tests.benchmarks.bench_dates_extraction          # summary
    python -m tests.benchmarks.bench_dates_extraction -v       # every miss

Each ``fixtures/news/NAME.txt`` has a hand-made ``NAME.gold.json``: the
publication date and every temporal expression a reader would date, in text
order, with its start, end and precision. The texts are read the way
``dateline dates --in FILE`` reads them. A found expression *matches* a gold
one when their spans overlap; it is *correct* when it matches and its start,
end and precision equal the gold's. Precision is correct / found, recall is
correct / gold; "located" counts matches whatever the reading.

It also times extraction (dates, actors, quotes, events) of a ~100 KB article
made of the news texts repeated.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dateline.store.dates.parse import warm  # noqa: E402
from dateline.store.ingest.find_dates import FoundDate, find_dates  # noqa: E402
from dateline.store.ingest.pipeline import extract  # noqa: E402
from dateline.store.ingest.text import parse_article  # noqa: E402

NEWS = ROOT / "fixtures" / "news"


@dataclass
class Score:
    name: str
    split: str = "dev"
    gold: int = 0
    found: int = 0
    located: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.found += other.found
        self.located += other.located
        self.correct += other.correct
        self.misses += [f"{other.name}: {miss}" for miss in other.misses]

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0


def _value(text: str) -> date:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def _same(found: FoundDate, gold: dict) -> bool:
    when = found.when
    return (
        when.start == _value(gold["start"])
        and when.end == _value(gold["end"])
        and when.precision == gold["precision"]
    )


def score(text_path: Path) -> Score:
    """Compare what ``find_dates`` finds in one news text with its gold."""
    gold_doc = json.loads(
        text_path.with_suffix(".gold.json").read_text(encoding="utf-8")
    )
    article = parse_article(text_path.read_text(encoding="utf-8"))
    anchor = date.fromisoformat(gold_doc["published"])
    found = find_dates(article.text, anchor, masked=article.masked)
    result = Score(
        text_path.stem,
        split=gold_doc.get("split", "dev"),
        gold=len(gold_doc["expressions"]),
        found=len(found),
    )
    cursor = 0
    used: set[int] = set()
    for gold in gold_doc["expressions"]:
        start = article.text.find(gold["text"], cursor)
        if start < 0:
            raise ValueError(f"{text_path.name}: gold {gold['text']!r} not in the text")
        end = start + len(gold["text"])
        cursor = end
        hit = next(
            (
                i
                for i, f in enumerate(found)
                if i not in used and f.span[0] < end and start < f.span[1]
            ),
            None,
        )
        if hit is None:
            result.misses.append(f"missed   {gold['text']!r}")
            continue
        used.add(hit)
        result.located += 1
        if _same(found[hit], gold):
            result.correct += 1
        else:
            got = found[hit].when
            result.misses.append(
                f"misread  {gold['text']!r}: {got.start}..{got.end} {got.precision}"
                f" (gold {gold['start']}..{gold['end']} {gold['precision']})"
            )
    for i, f in enumerate(found):
        if i not in used:
            result.misses.append(f"extra    {f.text!r}: {f.when.start}..{f.when.end}")
    return result


def score_all() -> tuple[list[Score], list[Score]]:
    """Per text, then totals: each split ("dev" texts were looked at while
    writing the extractor, "held-out" ones only after) and all together."""
    scores = [score(path) for path in sorted(NEWS.glob("*.txt"))]
    totals = {split: Score(split) for split in sorted({s.split for s in scores})}
    everything = Score("all")
    for item in scores:
        totals[item.split].add(item)
        everything.add(item)
    return scores, [*totals.values(), everything]


def time_big_article(target: int = 100_000) -> tuple[int, float, int]:
    """Seconds to extract a ~``target``-character article, and its events."""
    bodies = []
    for path in sorted(NEWS.glob("*.txt")):
        article = parse_article(path.read_text(encoding="utf-8"))
        bodies.append(article.body)
    chunk = "\n\n".join(bodies)
    text = "date 2026-01-10\n\n" + "\n\n".join([chunk] * (target // len(chunk) + 1))
    warm()  # the explorer pays dateparser's start-up after its first paint
    extract("warm up on Friday.", published=date(2026, 1, 10))
    began = time.perf_counter()
    extraction = extract(text, published=date(2026, 1, 10))
    return len(text), time.perf_counter() - began, len(extraction.events)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    scores, totals = score_all()
    total = totals[-1]
    print(f"{'text':18} {'gold':>5} {'found':>6} {'located':>8} {'correct':>8}"
          f" {'precision':>10} {'recall':>7}")  # fmt: skip
    for item in [*scores, *totals]:
        print(
            f"{item.name:18} {item.gold:5} {item.found:6} {item.located:8} "
            f"{item.correct:8} {item.precision:10.2f} {item.recall:7.2f}"
        )
        if args.verbose and item in scores:
            for miss in item.misses:
                print(f"    {miss}")
    located_p = total.located / total.found if total.found else 0.0
    located_r = total.located / total.gold if total.gold else 0.0
    print(f"located (any reading): precision {located_p:.2f}, recall {located_r:.2f}")
    if not args.no_timing:
        size, seconds, events = time_big_article()
        print(f"extract {size / 1000:.0f} KB article: {seconds:.2f} s, {events} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
