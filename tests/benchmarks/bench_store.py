"""Benchmark: one hand-entered event saved durably, against TinyDB's own insert.

    python -m tests.benchmarks.bench_store            # 1k, 10k, 100k events
    python -m tests.benchmarks.bench_store 1000 10000  # chosen sizes

For each size it builds a synthetic timeline (tests/benchmarks/synth.py) and
reports: opening it, one `save_draft` (journal append + fdatasync; the median
of 25), a snapshot rewrite, and TinyDB's default `insert` of the same
document into a copy of the same file (TinyDB's JSONStorage rewrites the whole
file in place on every insert; the median of 3). Not a test: numbers depend
on the machine, so nothing here asserts a time.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from dateline.store.changes.drafts import EventDraft, save_draft
from dateline.store.model import FuzzyDate
from dateline.store.timeline import Timeline
from tinydb import TinyDB

from tests.benchmarks.synth import FOCUS_ACTOR, build

DAY = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day", "last Friday")


def _timed(func: object, *args: object) -> float:
    started = time.perf_counter()
    func(*args)  # type: ignore[operator]
    return time.perf_counter() - started


def bench(size: int, folder: Path) -> dict[str, float]:
    path = build(folder / f"t{size}.json", size)
    tiny_copy = folder / f"tiny{size}.json"
    shutil.copy(path, tiny_copy)

    started = time.perf_counter()
    timeline = Timeline.open(path)
    opened = time.perf_counter() - started
    focus = timeline.actor(FOCUS_ACTOR).name
    saves = []
    last = None
    for n in range(25):
        draft = EventDraft(when=DAY, title=f"Call {n}", actor_names=(focus, "Petro"))
        started = time.perf_counter()
        last = save_draft(timeline, draft)
        saves.append(time.perf_counter() - started)
    assert last is not None
    snapshot = _timed(timeline.snapshot)
    timeline.close()

    doc = last.to_doc()
    inserts = []
    with TinyDB(tiny_copy) as db:  # TinyDB's defaults: JSONStorage, no cache
        table = db.table("events")
        for n in range(3):
            inserts.append(_timed(table.insert, {**doc, "id": f"ev-tiny-{n}"}))
    return {
        "open": opened,
        "save": statistics.median(saves),
        "save_max": max(saves),
        "snapshot": snapshot,
        "tinydb_insert": statistics.median(inserts),
    }


def main(sizes: list[int]) -> None:
    print(
        f"{'events':>8} {'open':>8} {'save':>9} {'save max':>9} "
        f"{'snapshot':>9} {'TinyDB insert':>14} {'speed-up':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            r = bench(size, Path(tmp))
            print(
                f"{size:>8,} {r['open']:>7.2f}s {r['save'] * 1000:>7.2f}ms "
                f"{r['save_max'] * 1000:>7.2f}ms {r['snapshot']:>8.2f}s "
                f"{r['tinydb_insert'] * 1000:>12.1f}ms "
                f"{r['tinydb_insert'] / r['save']:>8.0f}x"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
