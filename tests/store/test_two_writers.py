"""Two processes writing one file: every save lands or is refused, none is lost."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes.drafts import EventDraft, save_draft
from dateline.store.errors import ConflictError
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline

DAY = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")
SAVES = 150


def _writer(path: Path, name: str, out_fd: int) -> None:
    timeline = Timeline.open(path)
    for n in range(SAVES):
        if n % 3 == 0:
            # An edit made from a view that may be stale by the time it saves.
            seen = timeline.event("ev-shared")
            time.sleep(0.0005)
            title = f"{name} edit {n}"
            try:
                save_draft(timeline, EventDraft(when=DAY, title=title), editing=seen)
                os.write(out_fd, f"L {title}\n".encode())
            except ConflictError:
                os.write(out_fd, f"R {title}\n".encode())
                timeline.refresh()
        else:
            title = f"{name} new {n}"
            timeline.put(Event(id=f"ev-{name}-{n}", when=DAY, title=title))
            os.write(out_fd, f"L {title}\n".encode())
        if n % 40 == 39:
            timeline.snapshot()  # compactions interleave with the other's saves


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_interleaved_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    with Timeline.open(path) as timeline:
        timeline.put(Event(id="ev-shared", when=DAY, title="original"))
    pipes = []
    for name in ("a", "b"):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            os.close(read_fd)
            code = 0
            try:
                _writer(path, name, write_fd)
            except BaseException:
                code = 1
            os._exit(code)
        os.close(write_fd)
        pipes.append((pid, read_fd))
    reports: list[str] = []
    for pid, read_fd in pipes:
        with os.fdopen(read_fd, "rb") as pipe:
            reports += pipe.read().decode().splitlines()
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    assert len(reports) == 2 * SAVES, "every save must be reported landed or refused"
    landed = {line[2:] for line in reports if line.startswith("L ")}
    refused = {line[2:] for line in reports if line.startswith("R ")}
    final = Timeline.open(path)
    titles = {e.title for e in final.events()}
    for title in landed:
        if " new " in title:
            assert title in titles, f"landed save lost: {title}"
    assert final.event("ev-shared").title in landed | {"original"}
    assert not ({e.title for e in final.events()} & refused)
    assert len(final) == 1 + sum(" new " in t for t in landed)


def test_snapshot_thread_beside_saves_loses_nothing(tmp_path: Path) -> None:
    """The explorer snapshots in a worker thread while the UI thread saves."""
    import threading

    path = tmp_path / "threads.json"
    timeline = Timeline.open(path)
    stop = threading.Event()
    errors: list[BaseException] = []

    def snapshots() -> None:
        try:
            while not stop.is_set():
                timeline.snapshot()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=snapshots)
    worker.start()
    try:
        for n in range(300):
            timeline.put(Event(id=f"ev-{n:04d}", when=DAY, title=f"save {n}"))
    finally:
        stop.set()
        worker.join(timeout=30)
    assert not worker.is_alive(), "snapshot and save deadlocked"
    assert not errors
    reopened = Timeline.open(path)
    assert len(reopened) == 300
