"""The edges of one timeline on disk (issue 12): a file that vanishes, restore,
a snapshot that fails at close, modes and owners, orphan temp files, the
journal tied to its snapshot, odd paths and the lock."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from dateline.store.disk.check import restore_backup
from dateline.store.disk.snapshot import backup_path
from dateline.store.errors import TimelineFileError
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline


def _event(title: str) -> Event:
    day = date(2026, 1, 9)
    return Event(when=FuzzyDate(day, day, "day", "Friday"), title=title)


def _journal(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def _titles(path: Path) -> list[str]:
    return sorted(e.title for e in Timeline.open(path).events())


def _disk_full(*_: object, **__: object) -> None:
    raise OSError(28, "No space left on device")


# -- 1: the file moved or deleted under an open timeline ----------------------
def test_a_deleted_file_is_noticed_and_never_silently_recreated(
    db_path: Path,
) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("kept"))
    timeline = Timeline.open(db_path)
    db_path.unlink()
    assert timeline.file_gone()
    with pytest.raises(TimelineFileError, match="moved or deleted"):
        timeline.put(_event("typed after"))
    assert not db_path.exists(), "a save must not start a new, empty file"
    assert [e.title for e in timeline.events()] == ["kept"], "memory keeps all"
    with pytest.raises(TimelineFileError, match="moved or deleted"):
        timeline.refresh()
    assert [e.title for e in timeline.events()] == ["kept"]


def test_what_memory_holds_can_be_written_back_to_the_old_or_a_new_path(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.json"
    timeline = Timeline.open(path)
    timeline.put(_event("one"), _event("two"))
    moved = tmp_path / "moved.json"
    os.replace(path, moved)
    assert timeline.write_back(path) == path
    assert _titles(path) == ["one", "two"]
    # Saving works again, onto the file just written.
    timeline.put(_event("three"))
    assert _titles(path) == ["one", "three", "two"]
    fresh = tmp_path / "elsewhere.json"
    path.unlink()
    timeline.write_back(fresh)
    assert timeline.path == fresh.resolve()
    assert _titles(fresh) == ["one", "three", "two"]
    with pytest.raises(TimelineFileError, match="already exists"):
        timeline.write_back(moved)


# -- 2: restore ----------------------------------------------------------------
def _two_versions(path: Path) -> None:
    with Timeline.open(path) as timeline:
        timeline.put(_event("A"))
    with Timeline.open(path) as timeline:
        timeline.put(_event("B"))


def test_two_restores_in_one_second_keep_both_replaced_files(db_path: Path) -> None:
    _two_versions(db_path)
    newest = db_path.read_bytes()
    first = restore_backup(db_path)
    assert first.aside is not None
    # Make the backup differ again, so the second restore has work to do.
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("C"))
    second = restore_backup(db_path)
    assert second.aside is not None and second.aside != first.aside
    assert first.aside.read_bytes() == newest
    assert second.aside.exists()


def test_a_restore_that_changes_nothing_says_so_and_does_nothing(
    db_path: Path,
) -> None:
    _two_versions(db_path)
    backup_path(db_path).write_bytes(db_path.read_bytes())
    before = sorted(p.name for p in db_path.parent.iterdir())
    result = restore_backup(db_path)
    assert result.aside is None and not result.changed
    assert sorted(p.name for p in db_path.parent.iterdir()) == before


def test_restore_on_a_full_disk_leaves_the_live_file_whole(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_versions(db_path)
    live = db_path.read_bytes()
    monkeypatch.setattr("dateline.store.disk.atomic.os.write", _disk_full)
    with pytest.raises(TimelineFileError, match=r"replaced-") as info:
        restore_backup(db_path)
    monkeypatch.undo()
    assert db_path.read_bytes() == live
    named = [w for w in str(info.value).split() if ".replaced-" in w]
    assert named and Path(named[0].rstrip(".")).exists()


# -- 5: a snapshot that fails at close ------------------------------------------
def test_a_failed_close_snapshot_keeps_the_change_and_says_where(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("first"))
    heard: list[str] = []
    timeline = Timeline.open(db_path)
    timeline.notice = heard.append
    timeline.put(_event("second"))
    monkeypatch.setattr("dateline.store.disk.atomic.os.write", _disk_full)
    timeline.close()  # no exception: the change is durable in the journal
    monkeypatch.undo()
    assert heard and "journal" in heard[0] and "No space left" in heard[0]
    assert _titles(db_path) == ["first", "second"]


# -- 7: mode and owner ------------------------------------------------------------
def test_snapshots_and_the_journal_keep_a_private_mode(db_path: Path) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("one"))
    db_path.chmod(0o600)
    timeline = Timeline.open(db_path)
    timeline.put(_event("two"))
    assert stat.S_IMODE(_journal(db_path).stat().st_mode) == 0o600
    timeline.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_snapshots_keep_the_owner(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("one"))
    owner = db_path.stat()
    given: list[tuple[int, int]] = []

    def fchown(fd: int, uid: int, gid: int) -> None:
        given.append((uid, gid))

    # Saved by someone who is not the owner (root, say): the new file must
    # be handed back. Only root may chown, so watch the call.
    monkeypatch.setattr("dateline.store.disk.atomic.os.geteuid", lambda: 4321)
    monkeypatch.setattr("dateline.store.disk.atomic.os.fchown", fchown)
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("two"))
    assert (owner.st_uid, owner.st_gid) in given


def test_a_read_only_timeline_is_refused_not_replaced(db_path: Path) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("one"))
    db_path.chmod(0o444)
    before = db_path.read_bytes()
    timeline = Timeline.open(db_path)
    assert [e.title for e in timeline.events()] == ["one"], "reads still work"
    with pytest.raises(TimelineFileError, match="read-only"):
        timeline.put(_event("two"))
    timeline.close()
    assert db_path.read_bytes() == before
    assert not _journal(db_path).exists() or not _journal(db_path).read_bytes()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o444


# -- 8: orphan temp files ---------------------------------------------------------
def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_orphan_temp_files_of_dead_processes_are_removed_on_open(
    db_path: Path,
) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("one"))
    dead = _dead_pid()
    folder = db_path.parent
    orphan = folder / f".{db_path.name}.{dead}.deadbeef.tmp"
    staging = folder / f".{db_path.name}.bak.{dead}.tmp"
    live = folder / f".{db_path.name}.{os.getpid()}.cafef00d.tmp"
    other = folder / f".other.json.{dead}.deadbeef.tmp"
    for path in (orphan, staging, live, other):
        path.write_bytes(b"x" * 100)
    Timeline.open(db_path)
    assert not orphan.exists() and not staging.exists()
    assert live.exists(), "a running process may still be writing it"
    assert other.exists(), "another file's leftovers are not ours to remove"


# -- 9: the journal ------------------------------------------------------------------
def test_a_damaged_but_complete_last_line_is_an_error_naming_the_offset(
    db_path: Path,
) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(_event("a"))
    timeline.put(_event("b"))
    journal = _journal(db_path)
    raw = journal.read_bytes()
    start = raw.rstrip(b"\n").rfind(b"\n") + 1
    damaged = raw[:start] + b'{"seq": 2, "ops": [garbage]}\n'
    journal.write_bytes(damaged)
    with pytest.raises(TimelineFileError, match=f"byte {start}"):
        Timeline.open(db_path)
    assert journal.read_bytes() == damaged


def test_a_journal_from_another_file_is_not_replayed(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine.json", tmp_path / "theirs.json"
    with Timeline.open(mine) as timeline:
        timeline.put(_event("mine"))
    with Timeline.open(theirs) as timeline:
        timeline.put(_event("theirs"))
    other = Timeline.open(theirs)
    other.put(_event("theirs, journal only"))
    os.replace(_journal(theirs), _journal(mine))
    with pytest.raises(TimelineFileError, match="journal") as info:
        Timeline.open(mine)
    assert str(_journal(mine)) in str(info.value)


def test_a_stale_journal_is_not_replayed_onto_an_older_snapshot(
    db_path: Path,
) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("A"))
    older = db_path.read_bytes()
    timeline = Timeline.open(db_path)
    timeline.put(_event("B"))  # journal only, tied to the newer snapshot
    timeline.close()
    timeline = Timeline.open(db_path)
    timeline.put(_event("C"))
    db_path.write_bytes(older)  # someone copies an old version back by hand
    with pytest.raises(TimelineFileError, match="journal"):
        Timeline.open(db_path)


def test_a_journal_left_by_a_crash_after_a_snapshot_is_harmless(
    db_path: Path,
) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(_event("A"))
    timeline.put(_event("B"))
    kept = _journal(db_path).read_bytes()
    timeline.close()
    # A crash between the snapshot's rename and the journal's clearing.
    _journal(db_path).write_bytes(kept)
    reopened = Timeline.open(db_path)
    assert sorted(e.title for e in reopened.events()) == ["A", "B"]
    reopened.put(_event("C"))
    assert _titles(db_path) == ["A", "B", "C"]


def test_header_less_journals_are_still_replayed(db_path: Path) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("A"))
    doc = _event("legacy").to_doc()
    line = {"seq": 2, "ops": [{"op": "put", "table": "events", "doc": doc}]}
    _journal(db_path).write_text(json.dumps(line) + "\n")
    assert _titles(db_path) == ["A", "legacy"]


# -- 13: a FIFO, and a lock someone else holds -------------------------------------
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(TimelineFileError, match="not a regular file"):
        Timeline.open(fifo)


HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.write(fd, str(os.getpid()).encode())
print("held", flush=True)
time.sleep(60)
"""


def test_a_held_lock_names_its_holder_and_times_out(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("one"))
    lock = db_path.with_name(db_path.name + ".lock")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.setenv("DATELINE_LOCK_TIMEOUT", "0.5")
        heard: list[str] = []
        started = time.monotonic()
        with pytest.raises(TimelineFileError, match=str(holder.pid)):
            Timeline.open(db_path, notice=heard.append)
        assert time.monotonic() - started < 5
        assert any(str(holder.pid) in line for line in heard), "say who, at once"
    finally:
        holder.kill()
        holder.wait()


# -- 15: no side effects on other programs' files ----------------------------------
def test_reading_a_file_that_is_not_a_timeline_leaves_no_lock(
    tmp_path: Path,
) -> None:
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n")
    with pytest.raises(TimelineFileError):
        Timeline.open(passwd)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["passwd"]


def test_a_missing_folder_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "t.json"
    timeline = Timeline.open(path)
    with pytest.raises(TimelineFileError, match="does not exist"):
        timeline.put(_event("one"))
    assert not (tmp_path / "no").exists()


def test_reads_work_where_no_lock_can_be_made(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("one"))
    db_path.with_name(db_path.name + ".lock").unlink()
    real_open = os.open

    def read_only_media(path: object, flags: int, *args: int) -> int:
        if str(path).endswith(".lock"):
            raise OSError(30, "Read-only file system")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("dateline.store.disk.datafile.os.open", read_only_media)
    assert [e.title for e in Timeline.open(db_path).events()] == ["one"]
