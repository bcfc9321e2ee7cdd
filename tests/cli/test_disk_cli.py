"""The disk edges of issue 12 through `dateline` itself: exit codes and the
one `dateline:` line that names the problem and the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _event(title: str) -> Event:
    day = date(2026, 1, 9)
    return Event(when=FuzzyDate(day, day, "day", "Friday"), title=title)


def _one_event(path: Path) -> None:
    with Timeline.open(path) as timeline:
        timeline.put(_event("first"))


def _fold_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The close-time snapshot meets a full disk; the journal does not."""

    def disk_full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("dateline.store.disk.snapshot.write_atomic", disk_full)


def _titles(path: Path) -> list[str]:
    return sorted(e.title for e in Timeline.open(path).events())


# -- 2: restore ------------------------------------------------------------------
def test_a_restore_with_nothing_to_change_says_so(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _one_event(db_path)
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("second"))
    code, out, _ = run(capsys, "--db", str(db_path), "restore")
    assert code == 0 and "Restored" in out
    # A second restore in the same second: the backup is now the live file.
    code, out, _ = run(capsys, "--db", str(db_path), "restore")
    assert code == 0 and "nothing was restored" in out
    asides = [p for p in db_path.parent.iterdir() if ".replaced-" in p.name]
    assert len([p for p in asides if not p.name.endswith(".journal")]) == 1


# -- 5: a durable save reported as a failure -----------------------------------------
def test_add_whose_fold_fails_says_it_is_saved_and_exits_0(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _one_event(db_path)
    _fold_fails(monkeypatch)
    code, out, err = run(
        capsys, "--db", str(db_path), "add", "--date", "2026-01-02", "--title", "X"
    )
    assert code == 0, err
    assert out.startswith("ev-"), "the new id, for scripts"
    assert "Saved" in err and "journal" in err and "Do not repeat" in err
    monkeypatch.undo()
    assert _titles(db_path) == ["X", "first"]


def test_export_and_import_whose_fold_fails_exit_0(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _one_event(db_path)
    dump = tmp_path / "dump.json"
    assert run(capsys, "--db", str(db_path), "export", str(dump))[0] == 0
    other = tmp_path / "other.json"
    Timeline.open(other).put(_event("unfolded"))  # left in the journal
    _fold_fails(monkeypatch)
    code, out, err = run(capsys, "--db", str(other), "export", "-", "--format", "md")
    assert code == 0 and "unfolded" in out and "journal" in err
    code, out, err = run(capsys, "--db", str(other), "import", str(dump))
    assert code == 0 and "journal" in err
    monkeypatch.undo()
    assert _titles(other) == ["first", "unfolded"]


# -- 7: a read-only timeline --------------------------------------------------------
def test_add_to_a_read_only_timeline_is_refused_clearly(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _one_event(db_path)
    db_path.chmod(0o444)
    before = db_path.read_bytes()
    code, _, err = run(
        capsys, "--db", str(db_path), "add", "--date", "2026-01-02", "--title", "X"
    )
    assert code == 2
    assert err.startswith("dateline: ") and "read-only" in err and "chmod" in err
    assert db_path.read_bytes() == before
    code, out, _ = run(capsys, "--db", str(db_path), "list")
    assert code == 0 and "first" in out


# -- 9: the journal ------------------------------------------------------------------
def test_a_damaged_last_journal_line_is_exit_2_naming_the_offset(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _one_event(db_path)
    journal = db_path.with_name(db_path.name + ".journal")
    Timeline.open(db_path).put(_event("second"))
    size = journal.stat().st_size
    with open(journal, "ab") as handle:
        handle.write(b'{"seq": 99, "ops": "not a list"}\n')
    code, _, err = run(capsys, "--db", str(db_path), "list")
    assert code == 2 and f"byte {size}" in err and "Traceback" not in err


# -- 13: a FIFO, and a lock someone holds ---------------------------------------------
def _dateline(
    *argv: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_a_fifo_as_db_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    done = _dateline("--db", str(fifo), "list")
    assert done.returncode == 2
    assert done.stderr.startswith("dateline: ") and "not a regular file" in done.stderr
    assert "Traceback" not in done.stderr


HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.write(fd, str(os.getpid()).encode())
print("held", flush=True)
time.sleep(60)
"""


def test_a_held_lock_is_waited_for_then_named(db_path: Path) -> None:
    _one_event(db_path)
    lock = db_path.with_name(db_path.name + ".lock")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        done = _dateline(
            "--db",
            str(db_path),
            "add",
            "--date",
            "2026-01-02",
            "--title",
            "X",
            env={"DATELINE_LOCK_TIMEOUT": "0.5"},
        )
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert all(line.startswith("dateline: ") for line in lines)
    assert lines[0].startswith("dateline: Waiting for process")
    assert str(holder.pid) in lines[-1] and "waited 0.5 s" in lines[-1]
    assert _titles(db_path) == ["first"]


# -- 15: no side effects ---------------------------------------------------------------
def test_listing_another_programs_file_leaves_no_lock(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n")
    for verb in ("list", "check", "export"):
        argv = [verb, "-"] if verb == "export" else [verb]
        code, _, err = run(capsys, "--db", str(passwd), *argv)
        assert code == 2 and err.startswith("dateline: "), verb
    assert sorted(p.name for p in tmp_path.iterdir()) == ["passwd"]


@pytest.mark.parametrize("verb", ["list", "check", "export", "actors"])
def test_reading_verbs_refuse_a_missing_timeline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, verb: str
) -> None:
    missing = tmp_path / "nope.json"
    argv = [verb, "-", "--format", "md"] if verb == "export" else [verb]
    code, _, err = run(capsys, "--db", str(missing), *argv)
    assert code == 2 and "There is no timeline" in err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "no" / "such" / "t.json"
    code, _, err = run(
        capsys, "--db", str(path), "add", "--date", "2026-01-02", "--title", "X"
    )
    assert code == 2 and "does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_add_still_starts_a_new_timeline(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, _, _ = run(
        capsys, "--db", str(db_path), "add", "--date", "2026-01-02", "--title", "X"
    )
    assert code == 0 and _titles(db_path) == ["X"]
