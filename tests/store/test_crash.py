"""SIGKILL a writer in the middle of a stream of saves, many times.

The writer is a forked child (cheap, so hundreds of kills fit in seconds). It
reports each save on a pipe only after ``put`` returned; the parent kills it at
a random moment, reopens the file and checks that every reported save is
there. Snapshots run inside the stream too, so kills also land mid-snapshot.
"""

from __future__ import annotations

import os
import random
import signal
import time
from datetime import date
from pathlib import Path

import pytest
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline

DAY = date(2026, 1, 9)


def _writer(path: Path, ack_fd: int, start: int, snapshot_every: int) -> None:
    timeline = Timeline.open(path)
    n = start
    while True:
        event = Event(
            id=f"ev-{n:06d}", when=FuzzyDate(DAY, DAY, "day"), title=f"save {n}"
        )
        timeline.put(event)
        os.write(ack_fd, f"{n}\n".encode())
        n += 1
        if n % snapshot_every == 0:
            timeline.snapshot()


def _run_and_kill(path: Path, start: int, rng: random.Random) -> set[int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_fd)
        try:
            _writer(path, write_fd, start, snapshot_every=rng.choice((3, 7, 20)))
        finally:
            os._exit(0)
    os.close(write_fd)
    time.sleep(rng.uniform(0.0, 0.03))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    acked = set()
    with os.fdopen(read_fd, "rb") as pipe:
        for line in pipe.read().split(b"\n"):
            if line:
                acked.add(int(line))
    return acked


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_every_acknowledged_save_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.json"
    rng = random.Random(20260110)
    acknowledged: set[int] = set()
    next_id = 0
    kills = 200
    for _ in range(kills):
        acknowledged |= _run_and_kill(path, next_id, rng)
        next_id += 100_000  # each run writes its own id range
        timeline = Timeline.open(path)  # must always open
        present = {int(e.id[3:]) for e in timeline.events()}
        missing = acknowledged - present
        assert not missing, f"acknowledged saves lost: {sorted(missing)[:5]}"
    assert len(acknowledged) > kills, "the writer hardly ever got a save done"
