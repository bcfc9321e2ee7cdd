"""What keeps a durable save near the cost of one fdatasync (issue 19),
asserted as structure: the only write a save makes besides the journal line
is none at all once this process has marked the lock file as its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from dateline.store.disk.datafile import lock_path
from dateline.store.model import Actor
from dateline.store.timeline import Timeline


def test_saves_leave_the_lock_file_alone_once_it_names_this_process(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(Actor("First", id="ac-1"))
    lock = lock_path(db_path.resolve())
    assert lock.read_text() == str(os.getpid())
    truncated: list[int] = []
    real = os.ftruncate
    monkeypatch.setattr(
        os, "ftruncate", lambda fd, n: (truncated.append(fd), real(fd, n))[1]
    )
    before = lock.stat().st_mtime_ns
    for n in range(5):
        timeline.put(Actor(f"Actor {n}", id=f"ac-x{n}"))
    assert truncated == []
    assert lock.stat().st_mtime_ns == before
    assert len(Timeline.open(db_path).actors()) == 6


def test_a_lock_file_left_by_another_process_is_marked_anew(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(Actor("First", id="ac-1"))
    lock = lock_path(db_path.resolve())
    lock.write_text("999999999")
    timeline.put(Actor("Second", id="ac-2"))
    assert lock.read_text() == str(os.getpid())
