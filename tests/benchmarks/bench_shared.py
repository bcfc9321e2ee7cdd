"""The shared PostgreSQL store against the file store, at 1k and 100k events:
open, durable save latency (median and p99 over 200 saves), and live-update
latency (a save in one client until another client has applied it, polling
as the explorer does but without its 0.5 s interval).

    python -m tests.benchmarks.bench_shared 1000 100000

Uses $DATELINE_TEST_PG when set, else starts a throwaway cluster (as the
tests do). The PostgreSQL server runs on this machine with fsync off (test
cluster), so its save figure is a floor, not a production number.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from dateline.store.changes.copying import copy_into
from dateline.store.model import Event, FuzzyDate
from dateline.store.postgres import parse_location
from dateline.store.timeline import Timeline

from tests.benchmarks.synth import build
from tests.postgres.cluster import start

SAVES = 200
DAY = date(2026, 1, 9)


def _event(n: int) -> Event:
    return Event(when=FuzzyDate(DAY, DAY, "day", "9 January"), title=f"bench {n}")


def _open(where: Any) -> Callable[[], Timeline]:
    return lambda: Timeline.open(where)


def measure(open_it: Callable[[], Timeline]) -> dict[str, float]:
    start = time.perf_counter()
    writer = open_it()
    opened = time.perf_counter() - start
    reader = open_it()
    saves, live = [], []
    for n in range(SAVES):
        start = time.perf_counter()
        with writer.change() as tx:
            tx.put(_event(n))
        saved = time.perf_counter()
        saves.append(saved - start)
        if n % 10 == 0:
            while not reader.changed_outside():
                pass
            reader.refresh()
            live.append(time.perf_counter() - saved)
        if reader.changed_outside():
            reader.refresh()
    writer.close()
    reader.close()
    saves.sort()
    return {
        "open": opened,
        "save_median": statistics.median(saves),
        "save_p99": saves[int(len(saves) * 0.99) - 1],
        "live_median": statistics.median(live),
    }


def main(sizes: list[int]) -> None:
    cluster = start()
    try:
        print("| events | store | open | save median | save p99 | live update |")
        print("|---:|---|---:|---:|---:|---:|")
        for size in sizes:
            with tempfile.TemporaryDirectory() as folder:
                path = build(Path(folder) / "t.json", size)
                sep = "&" if "?" in cluster.url else "?"
                where = parse_location(f"{cluster.url}{sep}timeline=bench{size}")
                with Timeline.open(path) as source, Timeline.open(where) as target:
                    if not len(target):
                        copy_into(source, target)
                for name, opener in (
                    ("file", _open(path)),
                    ("PostgreSQL", _open(where)),
                ):
                    r = measure(opener)
                    print(
                        f"| {size:,} | {name} | {r['open']:.2f} s | "
                        f"{r['save_median'] * 1000:.1f} ms | "
                        f"{r['save_p99'] * 1000:.1f} ms | "
                        f"{r['live_median'] * 1000:.1f} ms |",
                        flush=True,
                    )
    finally:
        cluster.stop()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 100000])
