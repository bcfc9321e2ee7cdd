"""Benchmark: the store's open, save, snapshot and quit, next to their floors.

    python -m tests.benchmarks.bench_store            # 1k, 10k, 100k events
    python -m tests.benchmarks.bench_store 1000 10000  # chosen sizes
    python -m tests.benchmarks.bench_store --memory FILE  # one open's memory

For each size it builds a synthetic timeline (tests/benchmarks/synth.py) in a
temporary folder (removed afterwards) and measures, in the same run:

- open (``Timeline.open``), next to ``json.loads`` of the same bytes with the
  collector paused, msgspec's typed decode of them (the floor issue 19 sets:
  open within 2x of it), and TinyDB's own ``all()`` of every table;
- a durable save (journal append + fdatasync, the median and worst of 25),
  next to TinyDB's own ``insert`` of the same document into a copy of the
  file (its JSONStorage rewrites the whole file; the median of 3);
- a snapshot rewrite, and quitting (``close(quick=True)``, what the explorer
  does on q with a journal pending);
- an actor filter (``Timeline.events``), next to TinyDB's own ``search()``
  for the same actor on a warm (cached) table;
- resident memory added by the open and its peak, in a fresh process, as
  multiples of the file's size.

Each figure is printed with its ratio to the floor. Not a test: nothing here
asserts a time.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import msgspec
from dateline.store import decode
from dateline.store.changes.drafts import EventDraft, save_draft
from dateline.store.model import FuzzyDate
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from tinydb import Query, TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import JSONStorage

from tests.benchmarks.synth import FOCUS_ACTOR, build

DAY = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day", "last Friday")


def timed(func: Callable[[], Any]) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def median_of(runs: int, func: Callable[[], Any]) -> float:
    return statistics.median(timed(func) for _ in range(runs))


def rss_bytes() -> int:
    """Resident memory now (Linux), in bytes."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


def _paused(func: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        gc.disable()
        try:
            return func()
        finally:
            gc.enable()

    return run


class Typed(msgspec.Struct):
    """A whole timeline file as typed structs, every document at once."""

    meta: dict[str, dict[str, Any]]
    events: dict[str, decode._EventDoc] = {}
    actors: dict[str, decode._ActorDoc] = {}
    quotes: dict[str, decode._QuoteDoc] = {}
    sources: dict[str, decode._SourceDoc] = {}


def typed_decoder() -> Callable[[bytes], Any]:
    """msgspec's typed decode of a whole file: the floor issue 19 measures
    open against."""
    return msgspec.json.Decoder(Typed).decode


def child_memory(path: str) -> None:
    """In a fresh process: resident memory added by opening ``path``, and
    the peak, in bytes (printed as JSON)."""
    before = rss_bytes()
    Timeline.open(path)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) * 1024 for line in status if "VmHWM" in line)
    print(json.dumps({"memory": rss_bytes() - before, "peak": peak - before}))


def memory(path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_store", "--memory", str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    found: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def bench(size: int, folder: Path) -> dict[str, float]:
    decode_typed = typed_decoder()
    path = build(folder / f"t{size}.json", size)
    tiny_copy = folder / f"tiny{size}.json"
    shutil.copy(path, tiny_copy)
    raw = path.read_bytes()
    r: dict[str, float] = {"file": len(raw)}
    r["json.loads"] = median_of(3, _paused(lambda: json.loads(raw)))
    r["msgspec typed"] = median_of(3, _paused(lambda: decode_typed(raw)))
    r["msgspec untyped"] = median_of(3, _paused(lambda: msgspec.json.decode(raw)))

    r.update(memory(path))
    opened: list[Timeline] = []
    r["open"] = timed(lambda: opened.append(Timeline.open(path)))
    timeline = opened[0]
    actor = EventFilter(actors=(FOCUS_ACTOR,))
    r["actor filter"] = median_of(5, lambda: timeline.events(actor))
    r["found"] = len(timeline.events(actor))
    focus = timeline.actor(FOCUS_ACTOR).name
    saves = []
    last = None
    for n in range(25):
        draft = EventDraft(when=DAY, title=f"Call {n}", actor_names=(focus, "Petro"))
        started = time.perf_counter()
        last = save_draft(timeline, draft)
        saves.append(time.perf_counter() - started)
    assert last is not None
    r["save"] = statistics.median(saves)
    r["save max"] = max(saves)
    r["quit"] = timed(lambda: timeline.close(quick=True))
    r["snapshot"] = timed(timeline.snapshot)
    timeline.close()
    opened.clear()
    gc.unfreeze()
    gc.collect()

    doc = last.to_doc()
    q = Query()
    by_actor = q.actors.any(q.actor == FOCUS_ACTOR)
    inserts = []
    with TinyDB(tiny_copy, storage=JSONStorage) as db:  # TinyDB's defaults
        table = db.table("events")
        r["tinydb all"] = timed(
            lambda: [db.table(t).all() for t in ("events", "quotes", "sources")]
        )
        for n in range(3):
            inserts.append(timed(lambda n=n: table.insert({**doc, "id": f"t-{n}"})))
    r["tinydb insert"] = statistics.median(inserts)
    with TinyDB(tiny_copy, storage=CachingMiddleware(JSONStorage)) as db:
        table = db.table("events")
        table.all()  # parsed once; searches then run in memory

        def search() -> None:
            table.clear_cache()  # TinyDB's query cache would answer otherwise
            table.search(by_actor)

        r["tinydb search"] = median_of(3, search)
    return r


def _row(label: str, seconds: float, floor: float, floor_name: str) -> str:
    return (
        f"| {label} | {seconds * 1000:,.1f} ms | {floor_name} {floor * 1000:,.1f} ms "
        f"| {seconds / floor:,.2f}x |"
    )


def report(size: int, r: dict[str, float]) -> list[str]:
    mb = r["file"] / 1e6
    lines = [
        f"\n### {size:,} events ({mb:,.1f} MB file)\n",
        "| measure | dateline | floor, same run | ratio |",
        "|---|---|---|---|",
        _row("open (`Timeline.open`)", r["open"], r["msgspec typed"], "msgspec typed"),
        _row("open", r["open"], r["json.loads"], "`json.loads`, GC paused"),
        _row("open", r["open"], r["tinydb all"], "TinyDB `all()`"),
        _row("durable save, median", r["save"], r["tinydb insert"], "TinyDB insert"),
        _row("durable save, worst of 25", r["save max"], r["tinydb insert"], "insert"),
        _row("snapshot rewrite", r["snapshot"], r["tinydb insert"], "TinyDB insert"),
        _row("quit, journal pending", r["quit"], r["tinydb insert"], "TinyDB insert"),
        _row(
            f"actor filter ({int(r['found']):,} events)",
            r["actor filter"],
            r["tinydb search"],
            "TinyDB `search()`, cached",
        ),
        f"| memory after open (fresh process) | {r['memory'] / 1e6:,.0f} MB "
        f"| file {mb:,.1f} MB | {r['memory'] / r['file']:,.1f}x |",
        f"| peak memory while opening | {r['peak'] / 1e6:,.0f} MB "
        f"| file {mb:,.1f} MB | {r['peak'] / r['file']:,.1f}x |",
    ]
    return lines


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        for size in sizes:
            print("\n".join(report(size, bench(size, Path(tmp)))), flush=True)
            for leftover in Path(tmp).iterdir():
                leftover.unlink()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--memory"]:
        child_memory(sys.argv[2])
    else:
        main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
