"""One routine replaces files whole or not at all: snapshots and exports."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from dateline.store.disk.atomic import write_atomic
from dateline.store.errors import TimelineFileError
from dateline.store.formats.registry import ExportError, write_export
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    yield
    os.umask(old)


def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every fsync fail as on a full disk: the write must not land."""

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)


def test_writes_the_bytes_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_new_file_follows_the_umask(tmp_path: Path, umask_027: None) -> None:
    target = tmp_path / "new.md"
    write_atomic(target, b"x")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "private.csv"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o600


def test_backup_keeps_the_replaced_version(tmp_path: Path) -> None:
    target, backup = tmp_path / "t.json", tmp_path / "t.json.bak"
    write_atomic(target, b"one", backup=backup)
    assert not backup.exists()  # nothing was replaced yet
    write_atomic(target, b"two", backup=backup)
    assert (target.read_bytes(), backup.read_bytes()) == (b"two", b"one")


def test_a_failed_write_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk_full(monkeypatch)
    target = tmp_path / "t.json"
    target.write_bytes(b"kept")
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"lost", backup=tmp_path / "t.json.bak")
    assert target.read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.json"]


def test_an_export_that_fails_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = Timeline.memory()
    day = date(2026, 1, 9)
    timeline.put(Event(when=FuzzyDate(day, day, "day"), title="Call", id="ev-call"))
    target = tmp_path / "report.md"
    write_export(timeline, None, "md", target)
    before = target.read_text("utf-8")
    assert "Call" in before
    timeline.put(Event(when=FuzzyDate(day, day, "day"), title="Later", id="ev-2"))
    disk_full(monkeypatch)
    with pytest.raises(ExportError, match=r"Cannot write .*report\.md: No space"):
        write_export(timeline, None, "md", target, force=True)
    assert target.read_text("utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_snapshot_that_fails_names_the_file_and_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.json"
    timeline = Timeline.open(path)
    day = date(2026, 1, 9)
    timeline.put(Event(when=FuzzyDate(day, day, "day"), title="Call", id="ev-call"))
    timeline.snapshot()
    before = path.read_bytes()
    timeline.put(Event(when=FuzzyDate(day, day, "day"), title="Later", id="ev-2"))
    disk_full(monkeypatch)
    with pytest.raises(
        TimelineFileError, match=r"Could not save .*t\.json.*left as it"
    ):
        timeline.snapshot()
    assert path.read_bytes() == before
