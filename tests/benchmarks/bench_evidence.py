"""Benchmark: the evidence filters and the second-article match, next to
listing every event (the floor: the same store call with no filter).

    python -m tests.benchmarks.bench_evidence            # 100k events
    python -m tests.benchmarks.bench_evidence 10000      # a chosen size

Builds a synthetic timeline (tests/benchmarks/synth.py) in a temporary
folder, gives every tenth event two claims (every twentieth two that
disagree), and prints the best of five runs of: every event, disputed only,
as of a day halfway through, and ``find_same`` for 200 events (what ingest
asks once per extracted event). Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from dateline.store.evidence import events_as_of, find_same
from dateline.store.model import Claim
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline

from tests.benchmarks.synth import build


def best(run: Callable[[], object], times: int = 5) -> float:
    fastest = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        timeline = Timeline.open(build(Path(folder) / "synth.json", count))
        rng = random.Random(3)
        sources = list(timeline.sources_by_id)
        far = date(1990, 1, 1)
        with timeline.change() as tx:
            for n, event in enumerate(timeline.events()):
                if n % 10:
                    continue
                a, b = rng.sample(sources, 2)
                other = (
                    event.when if n % 20 else replace(event.when, start=far, end=far)
                )
                tx.put(replace(event, claims=(Claim(a, event.when), Claim(b, other))))
        floor = best(timeline.events)
        disputed = best(lambda: timeline.events(EventFilter(disputed_only=True)))
        middle = timeline.events()[count // 2].when.start_day
        as_of = best(lambda: events_as_of(timeline, None, middle))
        sample = rng.sample(list(timeline.events_by_id.values()), 200)
        matched = best(lambda: [find_same(timeline, e) for e in sample], times=1)
        print(f"{count:,} events")
        print(f"  every event (floor)   {floor * 1000:8.0f} ms")
        ratio = disputed / floor
        print(f"  disputed only         {disputed * 1000:8.0f} ms  {ratio:.1f}x")
        print(f"  as of {middle}      {as_of * 1000:8.0f} ms  {as_of / floor:.1f}x")
        print(f"  find_same, per event  {matched * 1000 / 200:8.1f} ms")
        timeline.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
