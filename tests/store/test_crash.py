"""SIGKILL a writer in the middle of a stream of saves, many times.

The writer is a forked child (cheap, so hundreds of kills fit in seconds). It
reports each save on a pipe only after ``put`` returned; the parent waits for
a chosen number of those reports, lets a random sliver of time pass, kills it,
reopens the file and checks that every reported save is there. Snapshots run
inside the stream too, so kills also land mid-snapshot.

Where each kill lands is fixed by counting saves, not by a clock, so a loaded
machine makes the test slower, never weaker.
"""

from __future__ import annotations

import os
import random
import signal
import time
from dataclasses import dataclass
from datetime import date
from itertools import count
from pathlib import Path
from typing import BinaryIO

import pytest
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline

DAY = date(2026, 1, 9)
KILLS = 200
#: How many saves between two snapshots, chosen per run.
SNAPSHOT_PERIODS = (2, 3, 5)
#: The most saves a run acknowledges before its kill.
MOST_SAVES = 6


@dataclass(frozen=True)
class KillPoint:
    """Kill after ``saves`` acknowledged saves, in a stream that snapshots
    after every ``period`` saves."""

    saves: int
    period: int

    @property
    def next_is_snapshot(self) -> bool:
        return self.saves % self.period == 0


def _writer(path: Path, ack_fd: int, start: int, period: int) -> None:
    timeline = Timeline.open(path)
    for done in count(1):
        n = start + done
        event = Event(
            id=f"ev-{n:06d}", when=FuzzyDate(DAY, DAY, "day"), title=f"save {n}"
        )
        timeline.put(event)
        os.write(ack_fd, f"{n}\n".encode())
        if done % period == 0:
            timeline.snapshot()


def _acks(pipe: BinaryIO, wanted: int) -> set[int]:
    """Read ``wanted`` acknowledgements, however long the writer takes."""
    acked = set()
    for _ in range(wanted):
        line = pipe.readline()
        assert line, "the writer stopped before it was killed"
        acked.add(int(line))
    return acked


def _run_and_kill(
    path: Path, start: int, point: KillPoint, rng: random.Random
) -> set[int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_fd)
        code = 1  # only SIGKILL may end the writer
        try:
            _writer(path, write_fd, start, point.period)
        finally:
            os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        acked = _acks(pipe, point.saves)
        # Up to a save or two more: the kill lands inside the next put or
        # snapshot, or between them.
        time.sleep(rng.uniform(0.0, 0.004))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        acked |= {int(line) for line in pipe.read().split(b"\n") if line}
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
        "the writer ended before the kill"
    )
    return acked


def _kill_points(rng: random.Random) -> list[KillPoint]:
    return [
        KillPoint(rng.randint(0, MOST_SAVES), rng.choice(SNAPSHOT_PERIODS))
        for _ in range(KILLS)
    ]


def test_the_kill_points_cover_every_part_of_the_stream() -> None:
    """The seed gives kills before any save, right before a snapshot and
    between saves, at every snapshot period."""
    points = _kill_points(random.Random(20260110))
    assert any(p.saves == 0 for p in points)
    for period in SNAPSHOT_PERIODS:
        ours = [p for p in points if p.period == period and p.saves > 0]
        assert sum(p.next_is_snapshot for p in ours) >= 3, period
        assert sum(not p.next_is_snapshot for p in ours) >= 3, period


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_every_acknowledged_save_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.json"
    rng = random.Random(20260110)
    acknowledged: set[int] = set()
    for run, point in enumerate(_kill_points(rng)):
        acknowledged |= _run_and_kill(path, run * 100_000, point, rng)
        timeline = Timeline.open(path)  # must always open
        present = {int(e.id[3:]) for e in timeline.events()}
        timeline.close()
        missing = acknowledged - present
        assert not missing, f"acknowledged saves lost: {sorted(missing)[:5]}"
