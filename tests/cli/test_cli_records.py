"""The scriptable verbs: add, list, dates, actors, quotes, sources, check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from dateline.tui.cli.command import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("text", "prefer", "start", "end", "precision"),
    [
        ("last Saturday", "auto", "2026-01-03", "2026-01-03", "day"),
        ("on Wednesday", "auto", "2026-01-07", "2026-01-07", "day"),
        ("Friday", "past", "2026-01-09", "2026-01-09", "day"),
        ("In October", "auto", "2025-10-01", "2025-10-31", "month"),
        ("first week of February", "future", "2026-02-01", "2026-02-07", "week"),
        ("September", "past", "2025-09-01", "2025-09-30", "month"),
        ("3-5 Jan 2026", "auto", "2026-01-03", "2026-01-05", "day"),
        ("the 1990s", "auto", "1990-01-01", "1999-12-31", "decade"),
    ],
)
def test_dates_json(
    capsys: pytest.CaptureFixture[str],
    text: str,
    prefer: str,
    start: str,
    end: str,
    precision: str,
) -> None:
    code, out, _ = run(
        capsys, "dates", text, "--anchor", "2026-01-10", "--prefer", prefer,
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    record = json.loads(out)
    assert (record["start"], record["end"], record["precision"]) == (
        start,
        end,
        precision,
    )
    assert record["text"] == text


def test_later_this_year_is_approximate_within_2026(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(
        capsys, "dates", "later this year", "--anchor", "2026-01-10", "--format",
        "json",
    )  # fmt: skip
    record = json.loads(out)
    assert record["approximate"] is True
    assert record["start"] >= "2026-01-10" and record["end"] == "2026-12-31"


def test_unreadable_date_is_one_clear_line_and_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "dates", "blorp"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert 'Could not read the date "blorp"' in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_add_then_list_resolves_actor(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, _ = run(
        capsys, "--db", str(db_path), "add", "--date", "last Friday",
        "--title", "Call with Bogotá", "--actor", "Gustavo Petro",
        "--quote", "Gustavo Petro: We spoke.", "--anchor", "2026-01-10",
        "--tag", "diplomacy",
    )  # fmt: skip
    assert code == 0
    event_id = out.splitlines()[0]
    assert "Fri 9 Jan 2026" in out
    code, out, _ = run(
        capsys, "--db", str(db_path), "list", "--actor", "petro", "--format", "json"
    )
    [event] = json.loads(out)
    assert event["id"] == event_id
    assert event["actors"] == ["Gustavo Petro"]
    assert event["start"] == event["end"] == "2026-01-09"
    assert event["quotes"] == [{"speaker": "Gustavo Petro", "text": "We spoke."}]
    assert event["tags"] == ["diplomacy"]
    for key in ("title", "summary", "date_text", "precision", "approximate", "status"):
        assert key in event


def test_list_by_actor_on_the_demo_is_accent_insensitive(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    _, out, _ = run(
        capsys, "--db", str(demo_path), "list", "--actor", "lula", "--format", "json"
    )
    events = json.loads(out)
    assert [e["id"] for e in events] == ["ev-un-lula"]
    assert events[0]["actors"] == ["Donald Trump", "Luiz Inácio Lula da Silva"]


def test_actors_json_lists_rubio_with_no_events(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    _, out, _ = run(capsys, "--db", str(demo_path), "actors", "--format", "json")
    actors = {a["name"]: a for a in json.loads(out)}
    assert actors["Marco Rubio"]["events"] == 0
    assert actors["Donald Trump"]["events"] == 6
    assert set(actors["Donald Trump"]) >= {"id", "name", "aliases", "kind", "events"}


def test_unknown_actor_filter_is_an_error(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(demo_path), "list", "--actor", "Merkel")
    assert code == 2 and 'No actor called "Merkel"' in err


def test_list_table_shows_escape_sequences_inert(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    run(
        capsys, "--db", str(db_path), "add", "--date", "2026-01-09",
        "--title", "evil \x1b[2J\x1b[31m title",
    )  # fmt: skip
    _, out, _ = run(capsys, "--db", str(db_path), "list")
    assert "\x1b" not in out
    assert "evil ␛[2J␛[31m title" in out


def test_quotes_and_sources_verbs(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    _, out, _ = run(capsys, "--db", str(demo_path), "quotes", "--format", "json")
    quotes = json.loads(out)
    lunatic = next(q for q in quotes if q["text"] == "lunatic.")
    assert lunatic["speaker"] == "Marco Rubio" and lunatic["said"] == ""
    _, out, _ = run(capsys, "--db", str(demo_path), "sources")
    assert "Kurdistan24" in out


def test_quotes_and_sources_tables(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    _, out, _ = run(capsys, "--db", str(demo_path), "quotes")
    rows = [line.split("  ") for line in out.splitlines()]
    cells = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    assert cells[0] == ["SAID", "SPEAKER", "QUOTE"]
    assert ["undated", "Marco Rubio", "“lunatic.”"] in cells
    _, out, _ = run(capsys, "--db", str(demo_path), "sources")
    kurdistan = next(line for line in out.splitlines() if "Kurdistan24" in line)
    assert kurdistan.startswith("2026-01-10  Kurdistan24")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b'{"meta": {"1": {"app": "dateline", "sch', "not valid JSON"),
        (b'{"people": {"1": {"name": "x"}}}', "not a dateline timeline"),
        (b'{"meta": {"1": {"app": "dateline", "schema": 99}}}', "newer dateline"),
        (b"\xff\xfe\x00\x01binary", "not a text file"),
    ],
)
def test_bad_files_one_line_error_nonzero_unchanged(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    if not content:
        # Empty beside a backup may be a truncated timeline: still refused. An
        # empty file with nothing beside it is set up as new (test_new_files).
        path.with_name(path.name + ".bak").write_bytes(b"{}")
    for verb in (["list"], ["add", "--date", "today", "--title", "x"]):
        result = subprocess.run(
            [sys.executable, "-m", "dateline", "--db", str(path), *verb],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        [line] = result.stderr.strip().splitlines()
        assert message in line and str(path) in line
        assert path.read_bytes() == content


def test_check_reports_dangling_references(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    assert run(capsys, "--db", str(demo_path), "check")[0] == 0
    data = json.loads(demo_path.read_text())
    first = next(iter(data["events"].values()))
    first["actors"].append({"actor": "ac-ghost", "role": ""})
    demo_path.write_text(json.dumps(data))
    code, out, _ = run(capsys, "--db", str(demo_path), "check")
    assert code == 1 and "missing actor ac-ghost" in out


def test_restore_puts_the_backup_back(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    run(capsys, "--db", str(demo_path), "add", "--date", "today", "--title", "new")
    demo_path.write_bytes(b"")  # the file is wiped by accident
    code, out, _ = run(capsys, "--db", str(demo_path), "restore")
    assert code == 0 and "Restored" in out
    _, out, _ = run(capsys, "--db", str(demo_path), "list", "--format", "json")
    assert len(json.loads(out)) == 8


def test_unreviewed_extractions_are_marked_in_every_output(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    seed = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"
    assert run(capsys, "--db", str(db_path), "ingest", str(seed))[0] == 0
    _, table, _ = run(capsys, "--db", str(db_path), "list")
    header, *rows = table.splitlines()
    title_at = header.index("TITLE")
    assert rows and all("?" in row[:title_at] for row in rows)
    _, md, _ = run(capsys, "--db", str(db_path), "export", "-", "--format", "md")
    assert md.count("unreviewed extraction") == len(rows)
    _, csv_text, _ = run(capsys, "--db", str(db_path), "list", "--format", "csv")
    assert csv_text.splitlines()[0].endswith(
        ",review,bound,zone,order,starred,verification"
    )
    assert all(
        line.endswith(",pending,,,,no,unverified") for line in csv_text.splitlines()[1:]
    )
