"""`dateline ingest` and `dateline dates --in`: summaries, JSON, clear errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def summary_numbers(out: str) -> dict[str, int]:
    numbers = {}
    for line in out.splitlines():
        label, _, rest = line.strip().partition(":")
        if rest.strip()[:1].isdigit():
            numbers[label] = int(rest.split()[0])
    return numbers


def test_ingest_seed_with_yes_prints_a_summary(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "ingest", str(SEED), "--yes")
    assert code == 0, err
    assert summary_numbers(out) == {
        "events found": 8,
        "quotes": 5,
        "actors new": 5,
        "actors matched": 0,
        "pending review": 0,
    }
    assert "Kurdistan24" in out
    timeline = Timeline.open(db_path)
    assert len(timeline) == 8
    assert not any(e.pending for e in timeline.events())


def test_ingest_without_yes_leaves_events_pending(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "ingest", str(SEED))
    assert code == 0
    assert summary_numbers(out)["pending review"] == 8
    assert all(e.pending for e in Timeline.open(db_path).events())


def test_ingest_into_the_demo_matches_known_actors(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "follow-up.txt"
    article.write_text(
        "date 2026-02-04\n\nWASHINGTON (Wire) - President Trump received "
        "Colombian President Petro at the White House on Tuesday. Petro said the "
        '"talks were frank."\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(demo_path), "ingest", str(article))
    assert code == 0, err
    numbers = summary_numbers(out)
    assert numbers["actors new"] == 0 and numbers["actors matched"] == 2
    timeline = Timeline.open(demo_path)
    (event,) = [e for e in timeline.events() if e.pending]
    assert set(event.actor_ids) == {"ac-trump", "ac-petro"}
    (quote,) = timeline.quotes(event=event.id)
    assert quote.speaker == "ac-petro"


def test_ingest_from_stdin_with_flags(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "The council met on Tuesday. It will vote again next month."
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code, _, err = run(
        capsys, "--db", str(db_path), "ingest", "-", "--published", "2026-01-10",
        "--outlet", "Town Crier", "--title", "Council vote",
    )  # fmt: skip
    assert code == 0, err
    (source,) = Timeline.open(db_path).sources()
    assert (source.title, source.outlet, source.body) == (
        "Council vote",
        "Town Crier",
        text,
    )


@pytest.mark.parametrize(
    ("content", "flags", "message"),
    [
        (None, (), "No file"),
        ("It rained on Friday.", (), "pass --published YYYY-MM-DD"),
        ("  \n", (), "empty"),
        ("It rained on Friday.", ("--published", "10/01/2026"), "YYYY-MM-DD"),
        ("GIF89a\x00\x01\x00 on Friday", ("--published", "2026-01-10"), "binary"),
        ("date 2026-13-45\n\nIt rained on Friday.", (), '"2026-13-45"'),
        ("By Jane Doe, BBC News\nPosted Feb. 12, 2026\n", (), "only a header"),
    ],
)
def test_ingest_errors_are_one_clear_line(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    content: str | None,
    flags: tuple[str, ...],
    message: str,
) -> None:
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), "ingest", str(article), *flags)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not db_path.exists() or len(Timeline.open(db_path)) == 0


def test_ingesting_twice_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    run(capsys, "--db", str(db_path), "ingest", str(SEED))
    before = Timeline.open(db_path).all_docs()
    code, _, err = run(capsys, "--db", str(db_path), "ingest", str(SEED))
    assert code == 2 and "already in" in err
    assert Timeline.open(db_path).all_docs() == before


def test_binary_file_is_refused_without_traceback(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "photo.jpg"
    article.write_bytes(bytes(range(256)) * 4)
    code, _, err = run(capsys, "--db", str(db_path), "ingest", str(article))
    assert code == 2 and "not UTF-8 text" in err
    assert len(err.strip().splitlines()) == 1


def test_crlf_text_without_dates_is_saved_and_says_so(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(
        b"\xef\xbb\xbfdate 2026-01-10\r\n\r\nThe lake froze and nobody skated.\r\n"
    )
    code, out, _ = run(capsys, "--db", str(db_path), "ingest", str(article), "--yes")
    assert code == 0
    assert "events found:   0" in out and "no event was proposed" in out
    (source,) = Timeline.open(db_path).sources()
    assert source.published is not None and source.published.isoformat() == "2026-01-10"
    assert source.body == "The lake froze and nobody skated."


def test_missing_file_has_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "--db", str(tmp_path / "t.json"), "ingest",
         str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "No file" in result.stderr


# --- dates --in ---------------------------------------------------------------


def test_dates_in_lists_every_expression_as_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "dates", "--in", str(SEED), "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    text = SEED.read_text(encoding="utf-8")
    keys = {"text", "span", "start", "end", "precision", "approximate", "tense"}
    for record in records:
        # A bounded date ("before Friday's announcement") adds its bound and
        # the days it leaves.
        bounded = {"bound", "window"} if "bound" in record else set()
        assert set(record) == keys | bounded
        start, end = record["span"]
        assert text[start:end] == record["text"]
        assert record["tense"] in ("past", "future")
    by_text = {r["text"]: r for r in records}
    assert by_text["on Friday"]["start"] == "2026-01-09"
    assert by_text["on Friday"]["tense"] == "past"
    first_week = by_text["during the first week of February"]
    assert (first_week["start"], first_week["end"], first_week["precision"]) == (
        "2026-02-01",
        "2026-02-07",
        "week",
    )
    assert first_week["tense"] == "future"
    assert by_text["later this year"]["approximate"] is True
    assert not any("ago" in r["text"] for r in records)


def test_dates_in_published_flag_moves_the_anchor(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(
        capsys, "dates", "--in", str(SEED), "--published", "2026-01-17",
        "--format", "json",
    )  # fmt: skip
    by_text = {r["text"]: r for r in json.loads(out)}
    assert by_text["on Friday"]["start"] == "2026-01-16"


def test_dates_in_needs_a_publication_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("It rained on Friday.", encoding="utf-8")
    code, _, err = run(capsys, "dates", "--in", str(article))
    assert code == 2 and "--published YYYY-MM-DD" in err


def test_dates_table_lists_readings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dates", "--in", str(SEED))
    assert code == 0
    assert "Fri 9 Jan 2026 · day" in out
    assert "1-7 Feb 2026 · week" in out


def test_dates_without_text_or_file_is_a_clear_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "dates")
    assert code == 2 and "--in FILE" in err
