"""The import and export verbs, through `dateline` itself."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main

from tests.store.formats.helpers import FIXTURES, file_state


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("t.json", "json"),
        ("t.csv", "csv"),
        ("t.ics", "ics"),
        ("t.md", "md"),
        ("t.timeline.json", "timelinejs"),
    ],
)
def test_export_picks_the_format_from_the_name(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    tmp_path: Path,
    name: str,
    fmt: str,
) -> None:
    target = tmp_path / name
    code, out, err = run(capsys, "--db", str(demo_path), "export", str(target))
    assert (code, err) == (0, "")
    assert out == f"Exported 8 events to {target} ({fmt}).\n"
    assert target.stat().st_size > 0


def test_export_to_stdout_with_the_list_filters(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, out, _ = run(
        capsys, "--db", str(demo_path), "export", "-", "--format", "csv",
        "--actor", "Petro", "--status", "expected",
    )  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["title"] for r in rows] == [
        "Petro leaves office",
        "Petro to visit the White House",
    ]


def test_export_needs_a_format_it_can_tell(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(demo_path), "export", "-")
    assert (code, out) == (2, "")
    assert "Cannot tell which format to write to standard output; add --format" in err
    code, _, err = run(
        capsys, "--db", str(demo_path), "export", str(tmp_path / "x.txt")
    )
    assert (
        code == 2
        and "--format (json, csv, timelinejs, ics, md, timelinejs-sheet" in err
    )


def test_export_refuses_to_overwrite_the_timeline(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    before = file_state(demo_path)
    code, _, err = run(
        capsys, "--db", str(demo_path), "export", str(demo_path), "--format", "csv"
    )
    assert code == 2 and "is the timeline file itself" in err
    assert file_state(demo_path) == before


def test_json_export_then_import_into_an_empty_file_is_the_same_timeline(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "all.json"
    run(capsys, "--db", str(demo_path), "export", str(exported))
    fresh = tmp_path / "fresh.json"
    code, out, err = run(capsys, "--db", str(fresh), "import", str(exported))
    assert (code, err) == (0, "")
    summary, *created = out.splitlines()
    assert summary == "Imported 8 events, 5 new actors, 5 quotes, 2 sources."
    # Each created actor is named (issue 18), so a misspelt one shows.
    assert len(created) == 5 and "new actor: Gustavo Petro" in created
    with Timeline.open(demo_path) as a, Timeline.open(fresh) as b:
        assert a.all_docs() == b.all_docs()


def test_import_reports_bad_rows_and_exits_1(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, out, err = run(
        capsys, "--db", str(demo_path), "import", str(FIXTURES / "events.csv"),
        "--anchor", "2026-01-10",
    )  # fmt: skip
    assert code == 1
    assert out == (
        "Imported 3 events, 0 new actors, 0 quotes, 1 source; 3 actors matched "
        "existing ones; skipped 1 duplicate; could not read 2 records.\n"
    )
    lines = err.splitlines()
    assert lines[0].startswith(f"dateline: {FIXTURES / 'events.csv'} line 6: could")
    assert lines[1] == f"dateline: {FIXTURES / 'events.csv'} line 7: the title is empty"
    # Same dates and title as the demo's own event.
    assert lines[2] == "dateline: already in the timeline, skipped: Petro leaves office"


def test_import_tells_about_duplicates_and_eras(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    sample = str(FIXTURES / "timelinejs_eras.json")
    run(capsys, "--db", str(demo_path), "import", sample)
    code, out, err = run(capsys, "--db", str(demo_path), "import", sample)
    # Nothing came in (duplicates, and BCE slides that cannot be read): 2, as
    # README's exit codes say for an import that brings nothing.
    assert code == 2
    # The slide with a unique_id is that same event, merged by id; the three
    # without one are duplicates by date and title.
    assert "1 record already up to date; skipped 3 duplicates" in out
    assert "dateline: already in the timeline, skipped: Plan Colombia is signed" in err
    assert "use --allow-duplicates to import them anyway" in err
    assert 'imported as events tagged "era"' in err
    code, out, _ = run(
        capsys, "--db", str(demo_path), "import", sample, "--allow-duplicates"
    )
    assert out.startswith("Imported 3 events")


@pytest.mark.parametrize(
    ("name", "fmt", "where"),
    [
        ("bad.json", "auto", "bad.json line 3, column 31"),
        ("broken.ics", "auto", "broken.ics line 4"),
        ("wrong_columns.csv", "csv", "wrong_columns.csv line 1"),
        ("calendar.ics", "timelinejs", "calendar.ics line 1, column 1: not valid JSON"),
    ],
)
def test_malformed_file_exits_2_and_leaves_the_timeline_byte_for_byte(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    name: str,
    fmt: str,
    where: str,
) -> None:
    before = file_state(demo_path)
    code, out, err = run(
        capsys, "--db", str(demo_path), "import", str(FIXTURES / name), "--format", fmt
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"dateline: {FIXTURES}/{where}")
    assert "Traceback" not in err
    assert file_state(demo_path) == before


def test_a_broken_file_does_not_create_a_timeline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "new.json"
    code, _, _ = run(capsys, "--db", str(db), "import", str(FIXTURES / "bad.json"))
    assert code == 2 and list(tmp_path.iterdir()) == []


def test_export_then_import_ics_through_the_cli(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "cal.ics"
    run(capsys, "--db", str(demo_path), "export", str(ics), "--search", "Petro")
    assert ics.read_bytes().count(b"BEGIN:VEVENT\r\n") == 7
    fresh = tmp_path / "fresh.json"
    code, out, _ = run(capsys, "--db", str(fresh), "import", str(ics))
    assert code == 0 and out.startswith("Imported 7 events, 3 new actors, 4 quotes")
    code, out, _ = run(capsys, "--db", str(fresh), "list", "--format", "json")
    listed = json.loads(out)
    assert listed[0]["date_text"] == "shortly after Trump returned to the White House"
