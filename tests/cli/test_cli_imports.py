"""Verbs load only what they use (issue 19): `dateline --help` and `dateline
dates` never import TinyDB, msgspec or Textual, and `list` never Textual.

Each case runs in a fresh interpreter, because this test process has long
since imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("tinydb", "msgspec", "textual", "rich")

PROBE = """
import contextlib, io, json, sys
from dateline.tui.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(json.loads(sys.argv[1]))
    except SystemExit as exc:
        code = exc.code
heavy = json.loads(sys.argv[2])
print(json.dumps({"code": code, "out": out.getvalue(),
                  "loaded": [m for m in heavy if m in sys.modules]}))
"""


def loaded_by(argv: list[str], tmp_path: Path) -> dict[str, object]:
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "DATELINE_DB": str(tmp_path / "timeline.json"),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["list", "--help"],
        ["dates", "first week of February", "--anchor", "2026-01-10"],
        ["dates", "last Friday", "--anchor", "2026-01-10", "--format", "json"],
    ],
    ids=["help", "list-help", "dates", "dates-json"],
)
def test_help_and_dates_load_no_storage_or_terminal(
    argv: list[str], tmp_path: Path
) -> None:
    found = loaded_by(argv, tmp_path)
    assert found["code"] in (0, None)
    assert found["out"], "the verb printed nothing: the probe did not run it"
    assert found["loaded"] == []


def test_dates_in_a_text_loads_no_storage(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("date 2026-01-10\n\nThe talks resume next Tuesday.\n")
    found = loaded_by(["dates", "--in", str(article)], tmp_path)
    assert found["code"] == 0
    assert "next Tuesday" in str(found["out"])
    assert found["loaded"] == []


def test_list_loads_storage_but_no_terminal(tmp_path: Path) -> None:
    """The probe sees the storage libraries when a verb does open a timeline,
    so the empty lists above are not a probe that sees nothing."""
    found = loaded_by(["add", "--date", "2026-01-09", "--title", "Talks"], tmp_path)
    assert found["code"] == 0
    found = loaded_by(["list"], tmp_path)
    assert found["code"] == 0
    assert "Talks" in str(found["out"])
    assert "tinydb" in found["loaded"] or "msgspec" in found["loaded"]
    assert "textual" not in found["loaded"]
