"""Odd input ends in one ``dateline:`` line and exit 2, never a traceback or a hang.

Each case runs the real command in a subprocess: a traceback, a second error
printed at exit, or a read that never ends is only visible from outside.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Long enough for a cold start, far shorter than an unbounded read of /dev/zero.
TIMEOUT = 60


def dateline(
    *args: str | bytes, cwd: Path, stdin: bytes | None = None, stdout: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(cwd / "config")}
    env.pop("DATELINE_DB", None)
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"dateline", *map(os.fsencode, args)],
        input=stdin,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
        timeout=TIMEOUT,
    )


def one_clear_line(result: subprocess.CompletedProcess[bytes]) -> str:
    """The single error line, after checking there is nothing else wrong."""
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dateline: "), err
    assert result.returncode == 2, err
    return lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.json"
    done = dateline(
        "--db", str(path), "add", "--date", "2026-01-09", "--title", "x", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    return path


def test_a_huge_integer_in_an_import(tmp_path: Path, db: Path) -> None:
    bad = tmp_path / "huge.json"
    bad.write_text('{"version": 1, "events": [{"id": ' + "9" * 5000 + "}]}")
    before = db.read_bytes()
    line = one_clear_line(dateline("--db", str(db), "import", str(bad), cwd=tmp_path))
    assert "number too long" in line and "Nothing was imported" in line
    assert db.read_bytes() == before


def test_json_nested_100k_deep_as_import_and_as_timeline(
    tmp_path: Path, db: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    line = one_clear_line(dateline("--db", str(db), "import", str(deep), cwd=tmp_path))
    assert "nesting too deep" in line
    line = one_clear_line(dateline("--db", str(deep), "list", cwd=tmp_path))
    assert "nesting too deep" in line and "not a dateline timeline" in line


def test_a_huge_integer_in_the_timeline_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text('{"meta": {"1": {"schema": ' + "9" * 5000 + "}}}")
    line = one_clear_line(dateline("--db", str(huge), "list", cwd=tmp_path))
    assert "number too long" in line


def test_a_lone_surrogate_in_an_argument(tmp_path: Path, db: Path) -> None:
    before = db.read_bytes()
    result = dateline(
        "--db", str(db), "add", "--date", "2026-01-09", "--title", b"bad \xed\xa0\x80",
        cwd=tmp_path,
    )  # fmt: skip
    line = one_clear_line(result)
    assert "argument 7 is not valid UTF-8" in line and "0xed" in line
    assert db.read_bytes() == before


def test_a_lone_surrogate_escaped_in_an_import(tmp_path: Path, db: Path) -> None:
    headline = '"text": {"headline": "a \\ud800"}'
    slides = '{"events": [{"start_date": {"year": 2026}, ' + headline + "}]}"
    (tmp_path / "half.json").write_text(slides, encoding="utf-8")
    before = db.read_bytes()
    line = one_clear_line(
        dateline("--db", str(db), "import", "half.json", cwd=tmp_path)
    )
    assert "lone surrogate \\ud800" in line and "Nothing was imported" in line
    assert db.read_bytes() == before


def test_invalid_utf8_on_stdin(tmp_path: Path, db: Path) -> None:
    result = dateline(
        "--db", str(db), "ingest", "-", "--published", "2026-01-10",
        cwd=tmp_path, stdin=b"The council met on \xff\xfe Tuesday.",
    )  # fmt: skip
    assert "standard input is not UTF-8" in one_clear_line(result)


def test_symlink_loops_as_db_and_as_import(tmp_path: Path, db: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    line = one_clear_line(dateline("--db", str(tmp_path / "a"), "list", cwd=tmp_path))
    assert "symbolic link that leads back to itself" in line
    line = one_clear_line(dateline("--db", str(db), "import", "a", cwd=tmp_path))
    assert "symbolic links" in line


def test_a_timelinejs_hour_of_1e30(tmp_path: Path, db: Path) -> None:
    slide = {"start_date": {"year": 2026, "month": 1, "day": 1, "hour": 10**30}}
    doc = {"events": [{**slide, "text": {"headline": "h"}}]}
    (tmp_path / "tl.json").write_text(json.dumps(doc))
    result = dateline("--db", str(db), "import", "tl.json", cwd=tmp_path)
    err = result.stderr.decode()
    assert "Traceback" not in err and result.returncode == 2
    assert err.count("dateline: ") == 1 and "start_date is not a real date" in err


def test_list_onto_a_full_disk(tmp_path: Path, db: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = dateline("--db", str(db), "list", cwd=tmp_path, stdout=full.fileno())
    assert "could not write the output: No space left" in one_clear_line(result)


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        (("import", "/dev/zero"), "/dev/zero is larger than 256 MB"),
        (("ingest", "/dev/zero", "--published", "2026-01-10"), "longer than 10 MB"),
        (("dates", "--in", "/dev/zero"), "longer than 10 MB"),
    ],
)
def test_endless_input_is_refused_with_a_reason(
    tmp_path: Path, db: Path, verb: tuple[str, ...], expected: str
) -> None:
    before = db.read_bytes()
    assert expected in one_clear_line(dateline("--db", str(db), *verb, cwd=tmp_path))
    assert db.read_bytes() == before


def test_endless_stdin_is_refused(tmp_path: Path, db: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "dateline", "--db", str(db), "ingest", "-"],
            stdin=zero, capture_output=True, timeout=TIMEOUT, cwd=tmp_path,
        )  # fmt: skip
    assert "standard input is longer than 10 MB" in one_clear_line(result)
