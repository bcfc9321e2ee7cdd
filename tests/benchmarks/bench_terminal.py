"""Key to paint in a real terminal: the ``dateline`` command on a pty.

A script, not a test (timings are facts to read, not to assert):

    python -m tests.benchmarks.bench_terminal                  # 100 and 100,000
    python -m tests.benchmarks.bench_terminal --sizes 100 100000 1000000 \\
        --synth-dir DIR

Each size runs the real ``dateline --db FILE`` process on a pseudo-terminal of
120x35 that this script plays the terminal for. It answers the app's question
whether the terminal supports synchronized output, so every frame the app
writes is bracketed (``ESC[?2026h`` ... ``ESC[?2026l``) and its end can be
timed to the byte. For each kind of key it writes the key's bytes, waits for
the app to go quiet, and records:

- **key to paint**: from the key's bytes written to the end of the first frame
  after them (for filter, clear and search: the first frame whose bytes show
  the expected ``N of M events`` or hit count, i.e. the rows on screen);
- **settled**: to the end of the last frame the key caused (panes, detail);
- **CPU per key**: the process's user+system time over the batch, divided by
  the keys (``/proc/PID/stat``; 10 ms ticks, so only a batch mean is honest).

It also times process start to first paint and to rows shown, the longest gap
between frames while the loading screen's spinner should be turning (a frozen
UI), frames written in two idle seconds after everything settled (should be
none), and ``q`` to the process's exit, after all that and (in a second
process) a moment after the first rows, when background work has just
begun. Each figure is printed beside the first size's (the 100-event
figure) as a ratio. Synthetic timelines come from
``synth.py``, built in a temporary folder that is removed afterwards (or
copied from ``--synth-dir``).
"""

from __future__ import annotations

import argparse
import fcntl
import itertools
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks.bench_store import synthetic

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
COLUMNS, LINES = 120, 35
#: The header's count: " 3,060 of 100,000 events ".
COUNT = re.compile(rb" ([\d,]+) of ([\d,]+) events ")
#: Quiet this long after a key's last frame: the key's work is done.
QUIET = 0.25
TICK = os.sysconf("SC_CLK_TCK")

KEY_BYTES = {
    "j": b"j",
    "k": b"k",
    "pagedown": b"\x1b[6~",
    "pageup": b"\x1b[5~",
    "g": b"g",
    "G": b"G",
    "]": b"]",
    "[": b"[",
    "}": b"}",
    "{": b"{",
    "p": b"p",
    "O": b"O",
    "L": b"L",
    "enter": b"\r",
    "c": b"c",
    "q": b"q",
    "ctrl+u": b"\x15",
}


@dataclass
class Frame:
    end: float
    data: bytes


@dataclass
class Terminal:
    """The pty's far side: reads the app's output on a thread, splits it into
    frames, and answers the synchronized-output query."""

    argv: list[str]
    env: dict[str, str]
    frames: list[Frame] = field(default_factory=list)
    last_byte: float = 0.0
    started: float = 0.0

    def start(self) -> None:
        master, slave = os.openpty()
        size = struct.pack("HHHH", LINES, COLUMNS, 0, 0)
        fcntl.ioctl(slave, termios.TIOCSWINSZ, size)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=self.env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        pending = b""
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if not ready:
                if self.process.poll() is not None:
                    return
                continue
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:  # the app exited: the pty is gone
                return
            if not chunk:
                return
            now = time.perf_counter()
            if SYNC_QUERY in chunk:
                os.write(self.master, SYNC_REPLY)
            pending += chunk
            with self._lock:
                self.last_byte = now
                while (end := pending.find(SYNC_END)) >= 0:
                    body = pending[: end + len(SYNC_END)]
                    pending = pending[end + len(SYNC_END) :]
                    self.frames.append(Frame(now, body))

    def send(self, key: str) -> float:
        data = KEY_BYTES.get(key, key.encode())
        sent = time.perf_counter()
        os.write(self.master, data)
        return sent

    def frames_after(self, index: int) -> list[Frame]:
        with self._lock:
            return self.frames[index:]

    def wait_for(
        self, since: int, found: Callable[[bytes], bool], timeout: float
    ) -> Frame | None:
        """The first frame from index ``since`` on whose bytes satisfy ``found``."""
        deadline = time.perf_counter() + timeout
        seen = since
        while time.perf_counter() < deadline:
            for frame in self.frames_after(seen):
                seen += 1
                if found(frame.data):
                    return frame
            time.sleep(0.001)
        return None

    def quiet(self, period: float = QUIET, timeout: float = 30.0) -> None:
        """Wait until no byte has come for ``period`` seconds (counting from
        now at the earliest)."""
        since = time.perf_counter()
        deadline = since + timeout
        while time.perf_counter() < deadline:
            with self._lock:
                last = max(self.last_byte, since)
            if time.perf_counter() - last >= period:
                return
            time.sleep(0.005)

    def cpu(self) -> float:
        """User + system seconds of the app process (every thread)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1]
        utime, stime = fields.split()[11:13]
        return (int(utime) + int(stime)) / TICK

    def idle(self, period: float = 1.0, timeout: float = 120.0) -> None:
        """Wait until the app has used no CPU for ``period`` seconds (its
        background workers, such as the search text, are done)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            before = self.cpu()
            time.sleep(period)
            if self.cpu() - before < 0.02:
                return

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)


@dataclass
class Timed:
    """One kind of key's measurements."""

    paint: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)
    cpu: float = 0.0
    keys: int = 0

    def row(self) -> tuple[float, float, float, float]:
        ordered = sorted(self.paint) or [float("nan")]
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        return (
            statistics.median(ordered),
            p95,
            statistics.median(self.settled or ordered),
            self.cpu / max(self.keys, 1),
        )


def _count(data: bytes) -> tuple[int, int] | None:
    found = COUNT.search(data)
    if found is None:
        return None
    return int(found[1].replace(b",", b"")), int(found[2].replace(b",", b""))


class Session:
    """One ``dateline`` process on one file."""

    def __init__(self, path: Path, home: Path) -> None:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "DATELINE_AUTHOR": "bench",
            "PYTHONPATH": str(Path(__file__).parents[2]),
        }
        env.pop("DATELINE_DB", None)
        env.pop("TEXTUAL", None)
        self.term = Terminal([sys.executable, "-m", "dateline", "--db", str(path)], env)
        self.results: dict[str, Timed] = {}
        self.total = 0

    def open(self) -> dict[str, float]:
        """Start the app; time its first paint, its first rows and the
        longest gap between frames while it loads."""
        term = self.term
        term.start()
        first = term.wait_for(0, lambda data: True, 120)
        shown = term.wait_for(0, lambda data: _count(data) is not None, 600)
        if first is None or shown is None:
            tail = b"".join(f.data for f in term.frames_after(0))[-2000:]
            raise RuntimeError(f"the explorer showed no rows; it wrote: {tail!r}")
        counted = _count(shown.data)
        assert counted is not None
        self.total = counted[1]
        ends = [f.end for f in term.frames_after(0) if f.end <= shown.end]
        gaps = [b - a for a, b in itertools.pairwise(ends)]
        term.quiet()
        term.idle()
        # Frames in two idle seconds: a spinner left turning would show here.
        before = len(term.frames_after(0))
        time.sleep(2.0)
        idle_frames = len(term.frames_after(0)) - before
        return {
            "paint": first.end - term.started,
            "rows": shown.end - term.started,
            "gap": max(gaps, default=0.0),
            "idle frames": float(idle_frames),
        }

    def press(
        self,
        kind: str,
        key: str,
        expect: Callable[[bytes], bool] | None = None,
        *,
        before: tuple[str, ...] = (),
    ) -> None:
        """Press ``before`` (untimed), then ``key``; time it under ``kind``."""
        term = self.term
        for typed in before:
            # Each key's echo waits for the one before: what is typed before
            # a prompt has the focus goes to the screen under it.
            term.send(typed)
            term.quiet(0.1)
        timed = self.results.setdefault(kind, Timed())
        index = len(term.frames_after(0))
        cpu = term.cpu()
        sent = term.send(key)
        frame = term.wait_for(index, expect or (lambda data: True), 30.0)
        term.quiet()
        timed.cpu += term.cpu() - cpu
        timed.keys += 1
        if frame is None:
            if expect is not None:
                print(f"  {kind}: no frame showed what {key!r} should", file=sys.stderr)
                if os.environ.get("BENCH_DEBUG"):
                    shown = b"".join(f.data for f in term.frames_after(index - 3))
                    print(re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"|", shown)[-3000:])
            return  # the key changed nothing on screen (an end of the list)
        timed.paint.append(frame.end - sent)
        last = term.frames_after(index)[-1]
        timed.settled.append(last.end - sent)

    def keys(self, rounds: int) -> None:
        total = self.total

        def filtered(data: bytes) -> bool:
            counted = _count(data)
            return counted is not None and counted[0] < total

        def everything(data: bytes) -> bool:
            counted = _count(data)
            return counted is not None and counted[0] == total

        self.press("jump g/G", "G")
        self.press("jump g/G", "g")
        for _ in range(3):
            self.press("month ]", "]")
        for r in range(rounds):
            for _ in range(10):
                self.press("move j/k", "j" if r % 2 == 0 else "k")
            self.press("page down/up", "pagedown" if r % 2 == 0 else "pageup")
            self.press("month [ ]", "]" if r % 2 == 0 else "[")
            self.press("year { }", "}" if r % 2 == 0 else "{")
            if r % 3 == 0:
                self.press("jump g/G", "G" if r % 2 == 0 else "g")
        for word in ("nowhere", "badly", "nowhere", "well"):
            quoted = f"“{word}”".encode()
            self.press(
                "search / word enter",
                "enter",
                lambda data, q=quoted: q in data,
                before=("/", "ctrl+u", *word),
            )
        for _ in range(max(2, rounds // 4)):
            self.press(
                "actor filter (enter)",
                "enter",
                filtered,
                before=("f", *"Rosa Focus"),
            )
            self.press("clear filter (c)", "c", everything)
        for _ in range(max(2, rounds // 4)):
            for key, name in (("p", "time to scale p"), ("O", "overview O")):
                self.press(name, key)
                self.press(name, key)
            self.press("lanes L", "L")
            self.press("lanes L", "L")

    def quit(self) -> float:
        term = self.term
        started = time.perf_counter()
        term.send("q")
        try:
            term.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            return float("inf")
        return time.perf_counter() - started

    def close(self) -> None:
        self.term.stop()


@contextmanager
def session(path: Path, home: Path) -> Iterator[Session]:
    s = Session(path, home)
    try:
        yield s
    finally:
        s.close()


def quit_early(path: Path, home: Path) -> float:
    """``q`` a moment after the first rows: background work just started
    (the search text) must not hold the process up."""
    with session(path, home) as s:
        term = s.term
        term.start()
        if term.wait_for(0, lambda data: _count(data) is not None, 600) is None:
            raise RuntimeError("the explorer showed no rows")
        time.sleep(0.3)
        return s.quit()


def measure(path: Path, home: Path, rounds: int) -> dict[str, object]:
    with session(path, home) as s:
        opened = s.open()
        s.keys(rounds)
        quit_time = s.quit()
    early = quit_early(path, home)
    return {"open": opened, "keys": s.results, "quit": quit_time, "early": early}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def report(sizes: list[int], measured: list[dict[str, object]]) -> None:
    load = os.getloadavg()
    print(
        f"\nReal terminal ({COLUMNS}x{LINES} pty), load average "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"
    )
    head = "".join(f"{n:>26,}" for n in sizes)
    print(f"{'key to paint, ms: median / p95':<34}{head}  ratio to {sizes[0]:,}")
    first = measured[0]["keys"]
    assert isinstance(first, dict)
    for kind in first:
        cells, ratios = [], []
        for m in measured:
            keys = m["keys"]
            assert isinstance(keys, dict)
            median, p95, _, _ = keys[kind].row()
            cells.append(f"{_ms(median)} / {_ms(p95)}")
            ratios.append(median / first[kind].row()[0])
        ratio = " ".join(f"{r:.2f}x" for r in ratios[1:])
        print(f"{kind:<34}{''.join(f'{c:>26}' for c in cells)}  {ratio}")
    print(f"\n{'settled (median ms) / CPU per key (ms)':<34}{head}")
    for kind in first:
        cells = []
        for m in measured:
            keys = m["keys"]
            assert isinstance(keys, dict)
            _, _, settled, cpu = keys[kind].row()
            cells.append(f"{_ms(settled)} / {_ms(cpu)}")
        print(f"{kind:<34}{''.join(f'{c:>26}' for c in cells)}")
    print()
    for label, key in (
        ("start -> first paint, ms", "paint"),
        ("start -> rows shown, ms", "rows"),
        ("longest gap between frames, ms", "gap"),
    ):
        cells = []
        for m in measured:
            opened = m["open"]
            assert isinstance(opened, dict)
            cells.append(_ms(opened[key]))
        print(f"{label:<34}{''.join(f'{c:>26}' for c in cells)}")
    idle = [str(int(m["open"]["idle frames"])) for m in measured]  # type: ignore[index]
    print(f"{'frames in 2 s idle':<34}{''.join(f'{c:>26}' for c in idle)}")
    for label, key in (
        ("q -> process gone, ms", "quit"),
        ("q 0.3 s after rows -> gone, ms", "early"),
    ):
        cells = [_ms(m[key]) for m in measured]  # type: ignore[arg-type]
        print(f"{label:<34}{''.join(f'{c:>26}' for c in cells)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 100_000])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--synth-dir",
        type=Path,
        help="copy synth-N.json from here when it was built before",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        folder = Path(tmp)
        measured = []
        for n in args.sizes:
            path = synthetic(folder, n, args.synth_dir)
            home = folder / f"home-{n}"
            home.mkdir()
            print(f"measuring {n:,} events", file=sys.stderr)
            measured.append(measure(path, home, args.rounds))
            for leftover in folder.glob(f"synth-{n}.json*"):
                leftover.unlink()  # the file, its journal, lock and backup
            shutil.rmtree(home, ignore_errors=True)
        report(args.sizes, measured)


if __name__ == "__main__":
    main()
