"""How long ingest takes on 100 KB of hostile and of ordinary news text.

A script, not a test (wall times depend on the machine; the structure that
keeps them linear is tested in ``tests/store/test_ingest_speed.py``)::

    python -m tests.benchmarks.bench_ingest_speed          # every case
    python -m tests.benchmarks.bench_ingest_speed --kb 20  # smaller inputs

Each case is about ``--kb`` kilobytes read the way ``dateline ingest
--published 2026-01-10`` reads it. The target is under 2 s per 100 KB on a
2-core machine; a case over it is marked SLOW and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dateline.store.ingest.pipeline import extract  # noqa: E402

PUBLISHED = date(2026, 1, 10)
#: Seconds allowed per 100 KB.
TARGET = 2.0


def _fill(unit: str, size: int, *, joiner: str = "") -> str:
    return joiner.join([unit] * (size // len(unit) + 1))[:size]


def tense_soup(size: int) -> str:
    """One endless sentence, dense with past and future cues and dates."""
    unit = (
        "officials said they will meet on Friday and announced plans to visit "
        "in March while critics warned the talks were expected to be held by "
        "June after delegates met on 3 January and agreed to return next week "
    )
    return _fill(unit, size)


def schedule(size: int) -> str:
    """A long programme: a dated line after another, past and future mixed."""
    lines = []
    day = 1
    while sum(len(line) + 1 for line in lines) < size:
        month = ("January", "February", "March", "April")[day % 4]
        lines.append(
            f"{day % 28 + 1} {month} 2026 — Committee will reconvene at 10:00; "
            f"it met on {day % 27 + 1} {month} and is scheduled to vote later."
        )
        day += 1
    return "\n".join(lines)


def byline_traps(size: int) -> str:
    """Lines that open like a byline and then run on in spaces."""
    unit = "By Jane Doe" + " " * 300 + "and then some more words here\n"
    return _fill(unit, size)


def spaces_between_cues(size: int) -> str:
    """Cues far apart: each past word after a future one, across blank runs."""
    unit = "will" + " " * 400 + "happened announced reported on Monday "
    return _fill(unit, size)


def quotes_and_names(size: int) -> str:
    """Unbalanced quotation marks and capitalised names without end."""
    unit = '“President Gustavo Petro said "the Minister Ana Ruiz will attend '
    return _fill(unit, size)


def dates_only(size: int) -> str:
    """Nothing but dates, each its own expression."""
    return _fill("on 3 March, on 4 March, last Friday, next week, in 2024, ", size)


def real_news(size: int) -> str:
    """The bundled news articles, one after another, as one long story."""
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "fixtures" / "news").glob("*.txt"))
    ]
    return _fill("\n\n".join(texts), size, joiner="\n\n")


CASES: dict[str, Callable[[int], str]] = {
    "tense soup": tense_soup,
    "schedule": schedule,
    "byline traps": byline_traps,
    "spaces between cues": spaces_between_cues,
    "quotes and names": quotes_and_names,
    "dates only": dates_only,
    "real news": real_news,
}


def seconds(text: str) -> float:
    began = time.perf_counter()
    extract(text, published=PUBLISHED)
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=100, help="size of each case")
    parser.add_argument("--only", help="run only the case with this name")
    args = parser.parse_args(argv)
    size = args.kb * 1000
    allowed = TARGET * args.kb / 100
    slow = 0
    seconds("warm up: dateparser loads its tables once. on Friday")
    for name, make in CASES.items():
        if args.only and args.only != name:
            continue
        took = seconds(make(size))
        verdict = "ok" if took <= allowed else "SLOW"
        slow += verdict == "SLOW"
        print(f"{name:22} {args.kb:4} KB {took:7.2f} s  {verdict}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
