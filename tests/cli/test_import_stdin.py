"""``dateline import -``: a timeline piped in, told apart by its content.

The real command runs in a subprocess with the file on its standard input:
what it prints, its exit status and the timeline file afterwards are what a
user (or a script) sees.
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from dateline.store.formats import registry
from dateline.store.formats.native import ImportFormatError
from dateline.store.timeline import Timeline
from dateline.tui.cli.demo import make_demo

from tests.cli.test_hostile_errors import dateline, one_clear_line
from tests.store.formats.helpers import file_state

FORENSIC = (
    '{"message": "Visited example.org", "datetime": "2015-07-24T19:01:01+00:00",'
    ' "timestamp_desc": "Last Visited Time", "url": "https://example.org/x"}\n'
    '{"message": "File created", "datetime": "2015-07-24T19:05:00+00:00",'
    ' "timestamp_desc": "Creation Time"}\n'
)


@pytest.mark.parametrize("fmt", ["timelinejs-sheet", "timesketch", "timesketch-jsonl"])
def test_an_export_piped_into_import_comes_in_whole(tmp_path: Path, fmt: str) -> None:
    demo = make_demo(tmp_path)
    exported = dateline("--db", str(demo), "export", "-", "--format", fmt, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh.json"
    # No --format: standard input has no name, its content says what it is.
    result = dateline(
        "--db", str(fresh), "import", "-", cwd=tmp_path, stdin=exported.stdout
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("Imported 8 events")
    with Timeline.open(demo) as source, Timeline.open(fresh) as back:
        assert sorted(e.title for e in back.events()) == sorted(
            e.title for e in source.events()
        )


def test_a_forensic_jsonl_from_stdin_keeps_what_it_can(tmp_path: Path) -> None:
    fresh = tmp_path / "case.json"
    result = dateline(
        "--db", str(fresh), "import", "-", cwd=tmp_path, stdin=FORENSIC.encode()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("Imported 2 events, 0 new actors")
    with Timeline.open(fresh) as timeline:
        visit = next(e for e in timeline.events() if e.title == "Visited example.org")
        assert visit.tags == ("Last Visited Time",)
        assert [s.url for s in timeline.sources(event=visit.id)] == [
            "https://example.org/x"
        ]


def test_format_forces_the_reader_and_problems_name_standard_input(
    tmp_path: Path,
) -> None:
    sheet = b"Year,Month,Day,Headline\n2026,1,9,Call\n2026,13,1,Bad month\n"
    fresh = tmp_path / "t.json"
    result = dateline(
        "--db", str(fresh), "import", "-", "--format", "timelinejs-sheet",
        cwd=tmp_path, stdin=sheet,
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 1, err  # one row in, one reported
    assert (
        'dateline: standard input line 3 ("Bad month"): the date (Year, Month, Day, '
        "Time) is not a real date" in err
    )
    assert "Traceback" not in err


def test_an_unknown_header_on_stdin_is_one_line_and_changes_nothing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "t.json"
    done = dateline(
        "--db", str(db), "add", "--date", "2026-01-09", "--title", "x", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    before = file_state(db)
    result = dateline(
        "--db", str(db), "import", "-", cwd=tmp_path,
        stdin=b"When,What,Who\n2026-01-09,Call,Petro\n",
    )  # fmt: skip
    line = one_clear_line(result)
    # A pipe has no name: only a comma says CSV, so both readings are given.
    assert line.startswith(
        "dateline: Cannot tell what format standard input is in; say it with "
        "--format (json, csv, timelinejs, ics, timelinejs-sheet, timesketch, "
        "timesketch-jsonl). Read as CSV: standard input line 1: the columns "
        '("When", "What", "Who") fit no CSV layout dateline reads.'
    )
    assert line.endswith("read it with `dateline ingest -`.")
    assert (
        "TimelineJS sheet (--format timelinejs-sheet) needs Year and Headline" in line
    )
    assert file_state(db) == before


def test_stdin_that_is_no_format_says_how_to_name_one(tmp_path: Path) -> None:
    result = dateline(
        "--db", str(tmp_path / "t.json"), "import", "-", cwd=tmp_path,
        stdin=b"Just some words from an article.\nMore words.\n",
    )  # fmt: skip
    line = one_clear_line(result)
    assert "Cannot tell what format standard input is in" in line
    assert "--format" in line and "dateline ingest -" in line
    assert not (tmp_path / "t.json").exists()


def test_stdin_is_capped_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "IMPORT_LIMIT", 1000)
    endless = io.BytesIO(json.dumps({"message": "x" * 5000}).encode())
    with pytest.raises(ImportFormatError) as caught:
        registry.read_import(registry.STDIN, stdin=endless)
    assert str(caught.value).startswith("standard input is larger than")
    # Only the cap and one byte more were read, never the whole stream.
    assert endless.tell() == 1001


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "formats"


def test_a_newsroom_sheet_from_stdin(tmp_path: Path) -> None:
    fresh = tmp_path / "t.json"
    sheet = (FIXTURES / "knightlab_sheet.csv").read_bytes()
    result = dateline("--db", str(fresh), "import", "-", cwd=tmp_path, stdin=sheet)
    err = result.stderr.decode().splitlines()
    assert result.returncode == 1  # two rows reported, the rest imported
    assert result.stdout.decode().startswith(
        "Imported 7 events, 0 new actors, 0 quotes, 1 source; could not read 2"
    )
    assert err == [
        'dateline: standard input line 10 ("Battle of Marathon"): the date (Year, '
        "Month, Day, Time) year -490 is BCE (before year 1), which dateline cannot "
        "hold; skipped",
        'dateline: standard input line 11 ("A day that does not exist"): the date '
        "(Year, Month, Day, Time) is not a real date (day is out of range for "
        "month); skipped",
        'dateline: standard input: 1 era was imported as events tagged "era" '
        "spanning their dates.",
    ]
    with Timeline.open(fresh) as timeline:
        by_title = {e.title: e for e in timeline.events()}
        # The title row names the timeline; it is not an event.
        assert "Colombia and the U.S., 1999-2026" not in by_title
        call = by_title["Trump and Petro speak by phone"].when
        assert (call.start, call.precision) == (datetime(2026, 1, 7, 14, 30), "minute")
        posted = by_title["Invitation posted at 5pm"].when
        assert (posted.start, posted.end, posted.precision) == (
            datetime(2026, 1, 9, 17),
            datetime(2026, 1, 9, 17, 59),
            "hour",
        )
        term = by_title["Petro's term"]
        assert term.tags == ("era",) and term.when.end == date(2026, 8, 7)
        flights = by_title["Colombia turns back deportation flights"]
        assert flights.tags == ("Migration",)
        assert "We will not receive them in chains." in flights.summary
        [source] = timeline.sources(event=flights.id)
        assert source.url == "https://example.org/news/deportation-flights"
        assert by_title["U.S. imposes sanctions on Petro"].when.text == "October 2025"


def test_a_forensic_case_from_stdin(tmp_path: Path) -> None:
    fresh = tmp_path / "t.json"
    case = (FIXTURES / "timesketch_case.jsonl").read_bytes()
    result = dateline("--db", str(fresh), "import", "-", cwd=tmp_path, stdin=case)
    err = result.stderr.decode().splitlines()
    assert result.returncode == 1
    assert err == [
        'dateline: standard input line 4: datetime "not a time" is not an ISO 8601 '
        "date and time; write e.g. 2015-07-24T19:01:01+00:00; skipped",
        "dateline: standard input: these columns have no place in a dateline event "
        'and were not kept: "data_type", "display_name".',
    ]
    with Timeline.open(fresh) as timeline:
        by_title = {e.title: e for e in timeline.events()}
        visit = by_title["Visited https://example.org/news/deportation-flights"]
        assert visit.tags == ("browser", "Last Visited Time")
        assert visit.when.start == datetime(2025, 1, 26, 14, 3)
        download = by_title["Downloaded visa-list.pdf"].when
        # 16:20 in New York is 21:20 UTC; the time as written stays in words.
        assert (download.start, download.text) == (
            datetime(2025, 1, 26, 21, 20),
            "2025-01-26T16:20:00-05:00",
        )
        memo = by_title["Document created: sanctions-memo.docx"]
        assert memo.when.start == datetime(2025, 10, 1, 12, 0)
        assert memo.tags == ("Creation Time",)


def test_control_characters_in_a_reported_row_are_shown_not_obeyed(
    tmp_path: Path,
) -> None:
    sheet = "Year,Headline\ntwenty,\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202eevil\n2026,ok\n"
    result = dateline(
        "--db", str(tmp_path / "t.json"), "import", "-", cwd=tmp_path,
        stdin=sheet.encode(),
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert 'Year "twenty" is not a whole number; skipped' in err
