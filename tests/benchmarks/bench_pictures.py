"""Key to paint in the explorer's pictures of time, at 100 and 100,000 events.

A script, not a test (timings are facts to read, not to assert):

    python -m tests.benchmarks.bench_pictures            # 100 and 100,000
    python -m tests.benchmarks.bench_pictures --big 20000

For each view (the list with the overview ribbon, time to scale at month and
at day scale, actor lanes, folded years) it presses ``j``/``k`` in runs of 25
through the pilot and measures, per key, the process's CPU time from the key
to the first frame handed to the (headless) terminal after it; it prints the
median and the 95th percentile, and the median's ratio between the sizes.
CPU time, not wall time: the pilot's own waits would hide the app's cost.
It also reports the one-off CPU cost of switching into each view at each size
(building the view's picture of the whole filter happens there, not on keys).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from tests.benchmarks.synth import build

TODAY = date(2026, 1, 10)
KEYS = 200
RUN = 25

#: (view name, keys that switch into it from the plain list with the ribbon)
VIEWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("the list, no ribbon (before)", ("O",)),
    ("overview ribbon (list)", ()),
    ("time to scale, month", ("p",)),
    ("time to scale, day", ("p", "plus", "plus")),
    ("actor lanes", ("L",)),
    ("folded years (zM, one open)", ("z", "M", "space")),
)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def _measure(path: Path) -> dict[str, dict[str, float]]:
    from dateline.store.timeline import Timeline
    from dateline.tui.app import DatelineApp
    from dateline.tui.settings import Settings
    from textual import events

    class Painted(DatelineApp):
        """Counts the frames handed to the (headless) terminal driver."""

        frames = 0

        def _display(self, screen: Any, renderable: Any) -> None:
            self.frames += 1
            super()._display(screen, renderable)

    results: dict[str, dict[str, float]] = {}
    timeline = Timeline.open(path)
    for name, switch in VIEWS:
        app = Painted(timeline, today=TODAY, settings=Settings(overview=True))
        async with app.run_test(size=(120, 35)) as pilot:
            # The first rows start workers of their own (the search text at
            # 100k events takes seconds): let them finish before timing.
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            view = app.main.view
            view.select(len(view.layout_data.events) // 2)
            await pilot.pause()
            started = time.process_time()
            await pilot.press(*switch)
            await app.workers.wait_for_complete()
            await pilot.pause()
            switch_cpu = time.process_time() - started
            times = []
            driver = app._driver
            assert driver is not None
            for i in range(KEYS):
                key = "j" if (i // RUN) % 2 == 0 else "k"
                frames = app.frames
                # As the terminal driver delivers a key; the pilot's own
                # waits (idle checks of every widget) would be counted too.
                event = events.Key(key, key)
                event.set_sender(app)
                started = time.process_time()
                driver.send_message(event)
                waited = 0
                while app.frames == frames and waited < 400:
                    await asyncio.sleep(0.0005)
                    waited += 1
                if app.frames != frames:
                    # A key at either end of the view paints nothing: its
                    # time is the wait, not the app's, so it is left out.
                    times.append(time.process_time() - started)
                await pilot.pause()
            assert len(times) > KEYS // 2, f"{name}: most keys painted nothing"
            results[name] = {
                "median": statistics.median(times),
                "p95": _percentile(times, 0.95),
                "switch": switch_cpu,
            }
    timeline.close()
    return results


def run(folder: Path, sizes: tuple[int, int]) -> None:
    measured = []
    for n in sizes:
        started = time.perf_counter()
        path = build(folder / f"synth-{n}.json", n)
        print(
            f"built {n:,} events in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        measured.append(asyncio.run(_measure(path)))
    small, big = sizes
    print(f"\nCPU per key (j/k), key to paint: median / 95th percentile, {KEYS} keys")
    print(f"{'view':<30}{small:>18,}{big:>18,}  ratio  (target < 16 ms, < 1.5x)")
    for name, _ in VIEWS:
        a, b = measured[0][name], measured[1][name]
        cells = [f"{m['median'] * 1000:.1f} / {m['p95'] * 1000:.1f} ms" for m in (a, b)]
        ratio = b["median"] / a["median"]
        print(f"{name:<30}{cells[0]:>18}{cells[1]:>18}  {ratio:.2f}x")
    print("\nCPU to switch into the view (once, builds its picture)")
    for name, _ in VIEWS:
        a, b = measured[0][name], measured[1][name]
        print(f"{name:<30}{a['switch'] * 1000:>15.1f} ms{b['switch'] * 1000:>15.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--big", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        run(Path(tmp), (args.small, args.big))


if __name__ == "__main__":
    main()
