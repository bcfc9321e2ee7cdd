"""Issue 12 items 4, 6, 11 and 16 through `dateline` itself: bad input gets
one `dateline:` line naming the problem and the fix, exit 2, and nothing
saved is lost."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main

from tests.store.formats.helpers import file_state


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("dateline: ")
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


# -- item 4: a native import is checked whole before anything is written ------
def test_a_refused_native_import_leaves_the_timeline_byte_for_byte(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "--db", str(demo_path), "export", "-", "--format", "json"
    )
    data = json.loads(out)
    data["events"][0]["id"] = 7
    incoming = tmp_path / "in.json"
    incoming.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "t.json"
    run(capsys, "--db", str(target), "add", "--date", "2026-01-09", "--title", "x")
    before = file_state(target)
    code, out, err = run(capsys, "--db", str(target), "import", str(incoming))
    assert code == 2
    _one_line_error(err, "events item 1", '"id"', "Nothing was imported")
    assert file_state(target) == before
    for verb in (["list"], ["actors"], ["check"]):
        code, _out, err = run(capsys, "--db", str(target), *verb)
        assert code == 0 and "Traceback" not in err


def test_a_source_url_that_is_not_a_web_link_refuses_a_native_import(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    _code, out, _ = run(
        capsys, "--db", str(demo_path), "export", "-", "--format", "json"
    )
    data = json.loads(out)
    data["sources"][0]["url"] = "javascript:alert(1)"
    incoming = tmp_path / "in.json"
    incoming.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = run(
        capsys, "--db", str(tmp_path / "t.json"), "import", str(incoming)
    )
    assert code == 2
    _one_line_error(err, "sources item 1", "http://")


# -- item 16: importing only duplicates is "nothing imported": exit 2 ---------
def test_importing_only_records_already_there_exits_2(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.json"
    run(capsys, "--db", str(demo_path), "export", str(again))
    code, out, _err = run(capsys, "--db", str(demo_path), "import", str(again))
    # The same records by id: nothing to add, and nothing duplicated.
    assert code == 2
    assert out.startswith("Imported 0 events") and "already up to date" in out
    assert "skipped" not in out


# -- item 6: export never replaces a timeline, nor another file unasked -------
def test_export_refuses_to_overwrite_another_timeline(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    run(capsys, "--db", str(other), "add", "--date", "2026-01-09", "--title", "mine")
    before = file_state(other)
    for extra in ([], ["--force"]):
        code, _out, err = run(
            capsys, "--db", str(demo_path), "export", str(other), *extra
        )
        assert code == 2
        _one_line_error(err, str(other), "timeline")
        assert file_state(other) == before


def test_export_onto_an_existing_file_needs_force(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("my notes\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(demo_path), "export", str(notes))
    assert code == 2
    _one_line_error(err, str(notes), "--force")
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    code, _out, err = run(
        capsys, "--db", str(demo_path), "export", str(notes), "--force"
    )
    assert (code, err) == (0, "")
    assert notes.read_text(encoding="utf-8").startswith("# ")


# -- item 11: URLs are checked on the way in; CSV formulas on the way out -----
@pytest.mark.parametrize(
    "url", ["javascript://alert(1)", "https://ex.org/a\nb", "https://ex.org/\x1b[2J"]
)
def test_add_refuses_a_source_url_that_is_not_a_clean_web_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, url: str
) -> None:
    db = tmp_path / "t.json"
    code, _out, err = run(
        capsys, "--db", str(db), "add", "--date", "2026-01-09", "--title", "x",
        "--source", url,
    )  # fmt: skip
    assert code == 2
    _one_line_error(err, "--source")
    assert "\x1b" not in err and "\n" not in err.strip()
    assert not db.exists() or len(Timeline.open(db)) == 0


def test_csv_export_neutralises_formulas_unless_raw_formulas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "t.json"
    run(capsys, "--db", str(db), "add", "--date", "2026-01-09", "--title", "=1+2")
    for extra, title in (([], "'=1+2"), (["--raw-formulas"], "=1+2")):
        code, out, _ = run(
            capsys, "--db", str(db), "export", "-", "--format", "csv", *extra
        )
        assert code == 0
        assert next(csv.DictReader(io.StringIO(out)))["title"] == title
    code, out, _ = run(capsys, "--db", str(db), "list", "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["title"] == "'=1+2"


# -- item 16: the smaller ones --------------------------------------------------
def test_the_date_error_quotes_a_long_argument_cut_short(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    long = "x" * 100_000
    code, _out, err = run(
        capsys, "--db", str(tmp_path / "t.json"), "add", "--date", long, "--title", "t"
    )
    assert code == 2
    _one_line_error(err, "Could not read the date", "…")
    assert len(err) < 800


def test_json_output_escapes_c1_controls_and_bidi_overrides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "t.json"
    title = "Evil \x9b31m \u202egnp.exe \u2066x\u2069 \u2028 café"
    run(capsys, "--db", str(db), "add", "--date", "2026-01-09", "--title", title)
    code, out, _ = run(capsys, "--db", str(db), "list", "--format", "json")
    assert code == 0
    for raw in ("\x9b", "\u202e", "\u2066", "\u2069", "\u2028"):
        assert raw not in out
    assert "\\u202e" in out and "\\u009b" in out
    assert "café" in out  # ordinary letters stay readable
    assert json.loads(out)[0]["title"] == title


def test_schema_true_in_a_timeline_file_is_not_schema_1(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    raw = json.loads(demo_path.read_text(encoding="utf-8"))
    next(iter(raw["meta"].values()))["schema"] = True
    demo_path.write_text(json.dumps(raw), encoding="utf-8")
    before = file_state(demo_path)
    code, _out, err = run(capsys, "--db", str(demo_path), "list")
    assert code == 2
    _one_line_error(err, "schema", "true")
    assert file_state(demo_path) == before
