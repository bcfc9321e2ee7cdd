"""Benchmark: the store's open, save, snapshot and quit, next to their floors.

    python -m tests.benchmarks.bench_store            # 1k, 10k, 100k events
    python -m tests.benchmarks.bench_store 1000 10000  # chosen sizes
    python -m tests.benchmarks.bench_store --memory FILE  # one open's memory
    python -m tests.benchmarks.bench_store --phases FILE  # where an open's time goes
    python -m tests.benchmarks.bench_store --synth-dir D 1000000  # reuse D/synth-N.json

For each size it builds a synthetic timeline (tests/benchmarks/synth.py) in a
temporary folder (removed afterwards) and measures, in the same run:

- open (``Timeline.open``), next to ``json.loads`` of the same bytes with the
  collector paused, msgspec's typed decode of them (the floor issue 19 sets:
  open within 2x of it), and TinyDB's own ``all()`` of every table;
- a durable save (journal append + fdatasync; median, p99 and worst of
  1,000), next to TinyDB's own ``insert`` of the same document into a copy
  of the file (its JSONStorage rewrites the whole file; the median of 3);
- ``dateline add`` and ``dateline list --actor`` as whole processes (what a
  script pays), next to a process that only imports ``dateline``;
- a snapshot rewrite, and quitting (``close(quick=True)``, what the explorer
  does on q with a journal pending);
- an actor filter (``Timeline.events``), next to TinyDB's own ``search()``
  for the same actor on a warm (cached) table;
- resident memory added by the open and its peak, in a fresh process, as
  multiples of the file's size.

Each figure is printed with its ratio to the floor. Above 100k events
TinyDB's own operations are not run (each takes minutes). Not a test:
nothing here asserts a time.
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
from dateline.store import decode, partial
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


def phases(path: str) -> None:
    """Where an open's time goes, phase by phase, in CPU seconds (less
    moved by the machine's load than wall time), beside the typed floor."""
    from dateline.store.index import EventIndex

    gc.disable()

    def cpu(label: str, work: Callable[[], Any]) -> Any:
        started = time.process_time()
        result = work()
        print(f"| {label} | {time.process_time() - started:.3f} s |")
        return result

    print("| phase (CPU time) | seconds |\n|---|---|")
    raw = cpu("read the file", Path(path).read_bytes)
    cpu("floor: msgspec typed decode of the whole file", lambda: typed_decoder()(raw))
    cpu("whole file into raw documents per table", lambda: decode._DECODER.decode(raw))
    decoded = cpu(
        "documents decoded and built into records", lambda: decode.decode_records(raw)
    )
    files = decode._DECODER.decode(raw)
    cpu(
        "  of which: event documents decoded (one msgspec call each)",
        lambda: [decode._EVENT.decode(r) for r in files.events.values()],
    )
    events = cpu(
        "  of which: the same, and events made in part",
        lambda: decode._Builder().events(files.events),
    )
    cpu(
        "finishing every event (what a first read of a detail does, per event)",
        lambda: [partial.finish(e) for e in list(events.values())],
    )
    index = EventIndex()
    cpu("index: date order (at open)", lambda: index.rebuild(decoded.events))
    cpu("index: actor and tag links (on first use, or in a worker)", index.prepare)
    gc.enable()


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


#: TinyDB's own operations take minutes above this size; they are skipped.
TINYDB_MAX = 100_000
SAVES = 1_000


def process_time(*argv: str, runs: int = 3) -> float:
    """Wall time of one fresh process (the median of ``runs``)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}

    def run() -> None:
        subprocess.run(argv, check=True, capture_output=True, env=env)

    return median_of(runs, run)


def open_cpu(path: Path, raw: bytes, runs: int) -> tuple[float, float]:
    """CPU seconds of an open and of the typed decode floor, medians of
    ``runs`` taken in turn: on a shared machine CPU time moves less with the
    load than wall time, and taking them in turn exposes both to it alike."""
    decode_typed = typed_decoder()
    opens, floors = [], []
    for _ in range(runs):
        gc.disable()
        started = time.process_time()
        decode_typed(raw)
        floors.append(time.process_time() - started)
        gc.enable()
        started = time.process_time()
        Timeline.open(path)
        opens.append(time.process_time() - started)
        gc.unfreeze()
        gc.collect()
    return statistics.median(opens), statistics.median(floors)


def fdatasync_floor(folder: Path, line: bytes) -> list[float]:
    """The disk's own cost: ``line`` appended with ``fdatasync``, SAVES times
    (what a save cannot go below on this disk)."""
    path = folder / "fdatasync-floor"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    times = []
    try:
        for _ in range(SAVES):
            started = time.perf_counter()
            os.write(fd, line)
            os.fdatasync(fd)
            times.append(time.perf_counter() - started)
    finally:
        os.close(fd)
        path.unlink()
    return times


def synthetic(folder: Path, size: int, synth_dir: Path | None) -> Path:
    """A fresh synthetic timeline of ``size`` events in ``folder`` (copied
    from ``synth_dir/synth-N.json`` when that was built before: 1M events
    take minutes to build)."""
    path = folder / f"synth-{size}.json"
    built = synth_dir / f"synth-{size}.json" if synth_dir else None
    if built is not None and built.exists():
        shutil.copy(built, path)
        return path
    return build(path, size)


def bench(size: int, folder: Path, synth_dir: Path | None = None) -> dict[str, float]:
    decode_typed = typed_decoder()
    path = synthetic(folder, size, synth_dir)
    tiny_copy = folder / f"tiny{size}.json"
    shutil.copy(path, tiny_copy)
    raw = path.read_bytes()
    r: dict[str, float] = {"file": len(raw)}
    # Each run of these takes seconds at 1M events: one is enough there.
    runs = 3 if size <= TINYDB_MAX else 1
    r["json.loads"] = median_of(runs, _paused(lambda: json.loads(raw)))
    r["msgspec typed"] = median_of(runs, _paused(lambda: decode_typed(raw)))

    r.update(memory(path))
    r["open cpu"], r["typed cpu"] = open_cpu(path, raw, runs)
    opened: list[Timeline] = []
    r["open"] = timed(lambda: opened.append(Timeline.open(path)))
    timeline = opened[0]
    actor = EventFilter(actors=(FOCUS_ACTOR,))
    # The actor and tag links are built on first use (or by the explorer's
    # worker right after load): the first filter pays for them.
    r["first filter"] = timed(lambda: timeline.events(actor))
    r["actor filter"] = median_of(5, lambda: timeline.events(actor))
    r["found"] = len(timeline.events(actor))
    focus = timeline.actor(FOCUS_ACTOR).name
    saves = []
    last = None
    for n in range(SAVES):
        draft = EventDraft(when=DAY, title=f"Call {n}", actor_names=(focus, "Petro"))
        started = time.perf_counter()
        last = save_draft(timeline, draft)
        saves.append(time.perf_counter() - started)
    assert last is not None
    r["save"] = statistics.median(saves)
    r["save p99"] = statistics.quantiles(saves, n=100)[98]
    r["save max"] = max(saves)
    floor = fdatasync_floor(folder, json.dumps(last.to_doc()).encode() + b"\n")
    r["fdatasync"] = statistics.median(floor)
    r["fdatasync p99"] = statistics.quantiles(floor, n=100)[98]
    r["fdatasync max"] = max(floor)
    r["quit"] = timed(lambda: timeline.close(quick=True))
    r["snapshot"] = timed(timeline.snapshot)
    timeline.close()
    opened.clear()
    gc.unfreeze()
    gc.collect()

    cli = [sys.executable, "-m", "dateline", "--db", str(path)]
    r["process floor"] = process_time(sys.executable, "-c", "import dateline")
    add = ("add", "--date", "2026-01-09", "--title", "X")
    r["cli add"] = process_time(*cli, *add, runs=runs)
    r["cli list actor"] = process_time(*cli, "list", "--actor", focus, runs=runs)
    r["open to add"] = timed(lambda: Timeline.open_to_add(path))
    if size > TINYDB_MAX:
        return r
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
    tiny = "tinydb insert" in r
    insert = r.get("tinydb insert", 0.0)

    def vs_insert(label: str, seconds: float) -> str:
        if tiny:
            return _row(label, seconds, insert, "TinyDB `insert()`")
        return f"| {label} | {seconds * 1000:,.1f} ms | (TinyDB not run) | |"

    lines = [
        f"\n### {size:,} events ({mb:,.1f} MB file; load average "
        f"{os.getloadavg()[0]:.1f})\n",
        "| measure | dateline | floor, same run | ratio |",
        "|---|---|---|---|",
        _row("open (`Timeline.open`)", r["open"], r["msgspec typed"], "msgspec typed"),
        _row("open, CPU time", r["open cpu"], r["typed cpu"], "msgspec typed, CPU"),
        _row("open", r["open"], r["json.loads"], "`json.loads`, GC paused"),
    ]
    if tiny:
        lines.append(_row("open", r["open"], r["tinydb all"], "TinyDB `all()`"))
    lines += [
        _row("open to add (actors, sources)", r["open to add"], r["open"], "open"),
        vs_insert(f"durable save, median of {SAVES:,}", r["save"]),
        _row("durable save, median", r["save"], r["fdatasync"], "one fdatasync"),
        _row("durable save, p99", r["save p99"], r["fdatasync p99"], "fdatasync p99"),
        _row("durable save, worst", r["save max"], r["fdatasync max"], "its worst"),
        vs_insert("snapshot rewrite", r["snapshot"]),
        vs_insert("quit, journal pending", r["quit"]),
        _row(
            "`dateline add`, whole process",
            r["cli add"],
            r["process floor"],
            "`python -c 'import dateline'`",
        ),
        _row(
            "`dateline list --actor`, whole process",
            r["cli list actor"],
            r["process floor"],
            "same",
        ),
    ]
    if tiny:
        lines.append(
            _row(
                f"actor filter ({int(r['found']):,} events)",
                r["actor filter"],
                r["tinydb search"],
                "TinyDB `search()`, cached",
            )
        )
    else:
        lines.append(
            f"| actor filter ({int(r['found']):,} events) | "
            f"{r['actor filter'] * 1000:,.1f} ms | (TinyDB not run) | |"
        )
    lines.append(
        f"| first actor filter (builds the links) | {r['first filter'] * 1000:,.1f} ms "
        f"| later ones {r['actor filter'] * 1000:,.1f} ms | |"
    )
    lines += [
        f"| memory after open (fresh process) | {r['memory'] / 1e6:,.0f} MB "
        f"| file {mb:,.1f} MB | {r['memory'] / r['file']:,.1f}x |",
        f"| peak memory while opening | {r['peak'] / 1e6:,.0f} MB "
        f"| file {mb:,.1f} MB | {r['peak'] / r['file']:,.1f}x |",
    ]
    return lines


def main(sizes: list[int], synth_dir: Path | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        for size in sizes:
            result = bench(size, Path(tmp), synth_dir)
            print("\n".join(report(size, result)), flush=True)
            for leftover in Path(tmp).iterdir():
                leftover.unlink()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--memory"]:
        child_memory(sys.argv[2])
    elif sys.argv[1:2] == ["--phases"]:
        phases(sys.argv[2])
    else:
        args = sys.argv[1:]
        synth_dir = None
        if args[:1] == ["--synth-dir"]:
            synth_dir, args = Path(args[1]), args[2:]
        main([int(a) for a in args] or [1_000, 10_000, 100_000], synth_dir)
