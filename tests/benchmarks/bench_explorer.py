"""How fast the explorer opens, scrolls and filters, at 100 and 100,000 events.

A script, not a test (timings are facts to read, not to assert):

    python -m tests.benchmarks.bench_explorer            # 100 and 100,000
    python -m tests.benchmarks.bench_explorer --big 20000
    python -m tests.benchmarks.bench_explorer --sizes 100 100000 1000000 \\
        --synth-dir DIR     # DIR/synth-N.json built before (1M takes minutes)

It builds synthetic timelines (``synth.py``) in a temporary folder (removed
afterwards) and prints: the open next to its floors measured in the same run
(msgspec's typed decode and ``json.loads`` of the same file, TinyDB's own
``all()``), process start to first paint and to the first rows shown (a child
process running the app headless) with the longest frozen gap before the rows,
key to paint (median, p95 and worst of 400 keys, from the key reaching the
app to the next frame), 1,000 cursor moves through the pilot (keys, pane
updates and rendering included) and their ratio, an actor filter and its
clearing from the call to the frame that shows the rows, and the store's
filters and search next to TinyDB's own ``search()`` on the same file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from tests.benchmarks.bench_store import synthetic
from tests.benchmarks.synth import FOCUS_ACTOR

TODAY = date(2026, 1, 10)
MOVES = 1000
WORD = "nowhere"  # in about a third of the quotes of the synthetic data


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def best_of(runs: int, work: Callable[[], Any]) -> float:
    """Median wall time of ``runs`` calls of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# -- process start to first paint (runs in a child process) -----------------
def child_paint(path: str) -> None:
    """Open ``path``, start the app headless, report when it painted."""
    from dateline.store.timeline import Timeline
    from dateline.tui.app import DatelineApp
    from dateline.tui.cli.launch import OPEN_IN_WORKER_BYTES
    from dateline.tui.screens.main.screen import MainScreen

    marks: dict[str, float] = {}

    def timed_open(progress: Callable[[str], None] | None = None) -> Timeline:
        started = time.perf_counter()
        timeline = Timeline.open(path, progress=progress)
        marks["open"] = time.perf_counter() - started
        return timeline

    class Timed(DatelineApp):
        def on_mount(self) -> None:
            super().on_mount()
            # Every 20 ms: a faster timer competes for the GIL with the
            # opening worker whose time it measures.
            self.set_interval(0.02, self._rows_yet)

        def _display(self, screen: Any, renderable: Any) -> None:
            # The first frame handed to the terminal driver is the first paint.
            marks.setdefault("paint", time.time())
            if marks.get("rows_due") and "rows" not in marks:
                marks["rows"] = time.time()
                self.exit()
            super()._display(screen, renderable)

        def _rows_yet(self) -> None:
            # The longest the event loop went without this 20 ms tick: a
            # frozen gap the user would see while the file loads.
            now = time.perf_counter()
            last = marks.get("tick")
            if last is not None and "rows" not in marks:
                marks["gap"] = max(marks.get("gap", 0.0), now - last - 0.02)
            marks["tick"] = now
            screen = self.screen
            if not self.loaded or not isinstance(screen, MainScreen):
                return  # still behind the loading screen
            if not screen.is_mounted:
                return  # pushed, not yet composed: its widgets are not there
            if len(self.main.view.layout_data):
                marks["rows_due"] = 1.0
                self.main.view.refresh()

    # As `dateline` does it: a big file is read in a worker behind a loading
    # screen, a small one before the app starts.
    if Path(path).stat().st_size > OPEN_IN_WORKER_BYTES:
        app = Timed(opener=lambda progress: (timed_open(progress), ()), today=TODAY)
    else:
        app = Timed(timed_open(), today=TODAY)
    app.run(headless=True)
    print(json.dumps(marks))


def first_paint(path: Path) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_explorer", "--child", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    lines = out.stdout.strip().splitlines()
    marks = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    if out.returncode or "rows" not in marks:
        # Say what the child said, rather than a KeyError on its marks.
        raise RuntimeError(
            f"the headless explorer ended before showing rows (exit "
            f"{out.returncode}, marks {marks}):\n{out.stderr[-3000:]}"
        )
    return {
        "open": marks["open"],
        "paint": marks["paint"] - started,
        "rows": marks["rows"] - started,
        "gap": marks.get("gap", 0.0),
    }


# -- key to paint ------------------------------------------------------------
KEYS = 400


async def _key_to_paint(path: Path) -> list[float]:
    """Wall time from each key reaching the app to the next frame handed to
    the (headless) driver: what the user waits for, bar the terminal's own
    drawing. Moves in runs of 20 down and up, a page now and then."""
    from dateline.store.timeline import Timeline
    from dateline.tui.app import DatelineApp

    class Painted(DatelineApp):
        frames = 0

        def _display(self, screen: Any, renderable: Any) -> None:
            self.frames += 1
            super()._display(screen, renderable)

    timeline = Timeline.open(path)
    app = Painted(timeline, today=TODAY)
    times: list[float] = []
    async with app.run_test(size=(120, 35)) as pilot:
        await app.workers.wait_for_complete()
        for _ in range(1200):  # the search-text worker after the first rows
            if timeline.search_prepared:
                break
            await asyncio.sleep(0.05)
        view = app.main.view
        view.select(len(view.layout_data) // 2)
        await pilot.pause()
        for i in range(KEYS):
            key = "j" if (i // 20) % 2 == 0 else "k"
            if i % 50 == 49:
                key = "pagedown" if (i // 50) % 2 == 0 else "pageup"
            frame = app.frames
            started = time.perf_counter()
            app.simulate_key(key)
            while app.frames == frame and time.perf_counter() - started < 1:
                await asyncio.sleep(0.0005)
            if app.frames != frame:  # else the key changed nothing on screen
                times.append(time.perf_counter() - started)
            await asyncio.sleep(0.02)  # a fast typist, not a flood
    timeline.close()
    return times


def key_to_paint(path: Path) -> dict[str, float]:
    times = asyncio.run(_key_to_paint(path))
    return {
        "median": statistics.median(times),
        "p95": statistics.quantiles(times, n=20)[18],
        "max": max(times),
    }


# -- cursor moves ------------------------------------------------------------
async def _moves(path: Path) -> float:
    from dateline.store.timeline import Timeline
    from dateline.tui.app import DatelineApp

    timeline = Timeline.open(path)
    app = DatelineApp(timeline, today=TODAY)
    async with app.run_test(size=(120, 35)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.main.view
        view.select(len(view.layout_data) // 2)
        await pilot.pause()
        # Runs of 50 down and 50 up: the same work at any size.
        keys = ["j" if (i // 50) % 2 == 0 else "k" for i in range(MOVES)]
        # CPU time, not wall time: the pilot sleeps ~40 ms after every key
        # to let the app settle, which would hide the app's own cost.
        started = time.process_time()
        await pilot.press(*keys)
        await pilot.pause()
        elapsed = time.process_time() - started
    timeline.close()
    return elapsed


def cursor_moves(path: Path) -> float:
    return asyncio.run(_moves(path))


# -- filter and clear: key to rows on screen -------------------------------
async def _filter_rows(path: Path, runs: int) -> dict[str, float]:
    from dateline.store.query import EventFilter
    from dateline.store.timeline import Timeline
    from dateline.tui.app import DatelineApp
    from dateline.tui.view.filters import FilterState, Part

    class Painted(DatelineApp):
        """Counts the frames handed to the (headless) terminal driver."""

        frames = 0

        def _display(self, screen: Any, renderable: Any) -> None:
            self.frames += 1
            super()._display(screen, renderable)

    timeline = Timeline.open(path)
    app = Painted(timeline, today=TODAY)
    focus = FilterState((Part("actor", FOCUS_ACTOR),), "all")
    expected = len(timeline.events(EventFilter(actors=(FOCUS_ACTOR,))))
    async with app.run_test(size=(120, 35)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        main, view = app.main, app.main.view
        everything = len(view.layout_data)

        async def rows_shown(filters: FilterState, rows: int) -> float:
            """From the filter's key (``set_filters``) to the frame showing
            its rows."""
            started = time.perf_counter()
            main.set_filters(filters)
            while len(view.layout_data) != rows or view.loading:
                await asyncio.sleep(0.0005)
            frame = app.frames
            while app.frames == frame:
                await asyncio.sleep(0.0005)
            return time.perf_counter() - started

        filtered, cleared = [], []
        for _ in range(runs):
            filtered.append(await rows_shown(focus, expected))
            cleared.append(await rows_shown(FilterState(), everything))
    timeline.close()
    return {
        "filter": statistics.median(filtered),
        "filter max": max(filtered),
        "clear": statistics.median(cleared),
        "clear max": max(cleared),
    }


def filter_rows(path: Path, runs: int = 7) -> dict[str, float]:
    return asyncio.run(_filter_rows(path, runs))


# -- filters: the store next to plain TinyDB --------------------------------
def filters(path: Path) -> dict[str, float]:
    from dateline.store.disk.snapshot import SafeJSONStorage
    from dateline.store.query import EventFilter
    from dateline.store.timeline import Timeline
    from dateline.tui.view.layout import build_layout
    from tinydb import Query, TinyDB
    from tinydb.middlewares import CachingMiddleware

    found: dict[str, int] = {}
    timeline = Timeline.open(path)
    by_actor = EventFilter(actors=(FOCUS_ACTOR,))
    found["actor"] = len(timeline.events(by_actor))
    result = {
        "actor": best_of(5, lambda: timeline.events(by_actor)),
        "actor+layout": best_of(
            5, lambda: build_layout(timeline.events(by_actor), TODAY)
        ),
        "all+layout": best_of(3, lambda: build_layout(timeline.events(), TODAY)),
    }
    by_text = EventFilter(text=WORD)
    result["text cold"] = best_of(1, lambda: timeline.events(by_text))
    result["text warm"] = best_of(3, lambda: timeline.events(by_text))
    found["text"] = len(timeline.events(by_text))
    timeline.close()

    q = Query()
    actor_query = q.actors.any(q.actor == FOCUS_ACTOR)
    pattern = re.escape(WORD)

    def tinydb_text(db: TinyDB) -> list[Any]:
        quoted = {
            d["event"]
            for d in db.table("quotes").search(q.text.search(pattern, flags=re.I))
        }
        return db.table("events").search(
            q.title.search(pattern, flags=re.I)
            | q.summary.search(pattern, flags=re.I)
            | q.id.one_of(sorted(quoted))
        )

    with TinyDB(path, storage=SafeJSONStorage) as db:
        # Plain TinyDB reads and parses the file on every search.
        def plain_actor() -> None:
            db.table("events").clear_cache()
            found["tinydb actor"] = len(db.table("events").search(actor_query))

        def plain_text() -> None:
            db.table("events").clear_cache()
            db.table("quotes").clear_cache()
            found["tinydb text"] = len(tinydb_text(db))

        result["tinydb actor"] = best_of(3, plain_actor)
        result["tinydb text"] = best_of(3, plain_text)
    with TinyDB(path, storage=CachingMiddleware(SafeJSONStorage)) as db:
        db.table("events").all()  # parse once; then queries run in memory

        def cached_actor() -> None:
            db.table("events").clear_cache()
            db.table("events").search(actor_query)

        result["tinydb actor cached"] = best_of(3, cached_actor)
    assert found["actor"] == found["tinydb actor"], found
    assert found["text"] == found["tinydb text"], found
    result["found actor"] = found["actor"]
    result["found text"] = found["text"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        help="timeline sizes to compare (default: --small and --big)",
    )
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument(
        "--synth-dir",
        type=Path,
        help="copy synth-N.json from here when it was built before",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_paint(args.child)
        return
    sizes = tuple(args.sizes or (args.small, args.big))
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        run(Path(tmp), sizes, args.synth_dir)


def _floor(path: Path) -> dict[str, float]:
    """What the same machine does with the same file in the same run."""
    import gc

    from tinydb import TinyDB
    from tinydb.storages import JSONStorage

    from tests.benchmarks.bench_store import typed_decoder

    raw = path.read_bytes()
    decode_typed = typed_decoder()
    gc.disable()
    try:
        floor = {
            "json.loads": best_of(3, lambda: json.loads(raw)),
            "msgspec typed": best_of(3, lambda: decode_typed(raw)),
        }
    finally:
        gc.enable()
    with TinyDB(path, storage=JSONStorage) as db:
        floor["tinydb all"] = best_of(1, lambda: db.table("events").all())
    return floor


def run(folder: Path, sizes: tuple[int, ...], synth_dir: Path | None = None) -> None:
    rows: dict[str, list[str]] = {}
    moves: list[float] = []
    floors: list[dict[str, float]] = []
    for n in sizes:
        started = time.perf_counter()
        path = synthetic(folder, n, synth_dir)
        print(
            f"built {n:,} events in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        floor = _floor(path)
        floors.append(floor)
        paint = first_paint(path)
        moved = cursor_moves(path)
        moves.append(moved)
        ratio = paint["open"] / floor["msgspec typed"]
        rows.setdefault("open the file (Timeline.open)", []).append(_ms(paint["open"]))
        rows.setdefault("  floor: msgspec typed decode", []).append(
            _ms(floor["msgspec typed"])
        )
        rows.setdefault("  open / typed decode", []).append(f"{ratio:.2f}x")
        rows.setdefault("  floor: json.loads, GC paused", []).append(
            _ms(floor["json.loads"])
        )
        rows.setdefault("  floor: TinyDB all() of events", []).append(
            _ms(floor["tinydb all"])
        )
        rows.setdefault("process start -> first paint", []).append(_ms(paint["paint"]))
        rows.setdefault("process start -> rows shown", []).append(_ms(paint["rows"]))
        rows.setdefault("  longest frozen gap before rows", []).append(
            _ms(paint["gap"])
        )
        keyed = key_to_paint(path)
        for name in ("median", "p95", "max"):
            rows.setdefault(f"key to paint, {name} of {KEYS}", []).append(
                _ms(keyed[name])
            )
        rows.setdefault(f"{MOVES:,} cursor moves (CPU time)", []).append(_ms(moved))
        rows.setdefault("  per move", []).append(_ms(moved / MOVES))
        for leftover in folder.glob("synth-*.json.*"):
            leftover.unlink()  # journal, lock and backup of the runs above
        if n != sizes[-1]:
            path.unlink()  # only the biggest is filtered below
    width = 34
    print(f"\n{'':<{width}}" + "".join(f"{n:>16,}" for n in sizes) + "  events")
    for label, cells in rows.items():
        print(f"{label:<{width}}" + "".join(f"{cell:>16}" for cell in cells))
    for n, moved in zip(sizes[1:], moves[1:], strict=True):
        label = f"cursor move ratio {n:,}/{sizes[0]:,}"
        print(f"{label:<{width}}{moved / moves[0]:>16.2f}x  (target <= 1.5x)")

    big = folder / f"synth-{sizes[-1]}.json"
    shown = filter_rows(big)
    print(f"\nKey to rows on screen at {sizes[-1]:,} events (median of 7, worst)")
    for label, key in (("actor filter", "filter"), ("clear the filter", "clear")):
        worst = shown[f"{key} max"]
        print(f"{label:<50}{_ms(shown[key]):>14}{_ms(worst):>14}  (target < 50 ms)")

    f = filters(big)
    print(f"\nFilters at {sizes[-1]:,} events (median wall time)")
    table = [
        (f"actor filter, Timeline.events ({f['found actor']:,} hits)", f["actor"]),
        ("  + timeline layout", f["actor+layout"]),
        ("no filter + layout (a rebuild; clearing reuses it)", f["all+layout"]),
        (f"text search '{WORD}', cold ({f['found text']:,} hits)", f["text cold"]),
        ("text search, warm", f["text warm"]),
        ("TinyDB Query, actor (reads the file)", f["tinydb actor"]),
        ("TinyDB Query, actor (CachingMiddleware)", f["tinydb actor cached"]),
        ("TinyDB Query, text (reads the file)", f["tinydb text"]),
    ]
    for label, seconds in table:
        print(f"{label:<50}{_ms(seconds):>14}")
    print(
        f"actor filter vs TinyDB search(): {f['actor'] / f['tinydb actor']:.4f}x "
        f"(file), {f['actor'] / f['tinydb actor cached']:.3f}x (cached)"
    )
    print(f"text search vs TinyDB search(): {f['text warm'] / f['tinydb text']:.4f}x")


if __name__ == "__main__":
    main()
