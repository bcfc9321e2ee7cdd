"""Every command-line verb prints hostile text inert (issue 12, item 10).

Titles, names, import warnings, the ingest summary and echoed arguments all
come from someone else's text. Each verb runs on a timeline (and files)
holding an OSC 52 clipboard write, a clear-screen, C1 controls, bidi
overrides, zero-width characters and U+2028; nothing it writes to stdout or
stderr may hold one raw. Data formats stay parseable: JSON printed to the
terminal still reads back to the same values.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from dateline.store.model import Actor, ActorRef, Event, FuzzyDate, Quote, Source
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main

HOSTILE = "\x1b]52;c;UFdORUQ=\x07\x1b[2J\x9b31m\u202e\u200b\ufeff\u2028\x85"
RAW = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e"
    r"\u2060-\u2064\u2066-\u2069\ufeff]"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own errors and --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(out: str, err: str) -> None:
    for name, stream in (("stdout", out), ("stderr", err)):
        # CRLF ends CSV and iCalendar lines; a lone CR would move the cursor.
        found = RAW.search(stream.replace("\r\n", "\n"))
        assert found is None, f"raw {found.group()!r} on {name}: {stream[:300]!r}"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.json"
    with Timeline.open(path) as timeline:
        actor = Actor(name=f"Gustavo Petro{HOSTILE}", aliases=(f"Petro{HOSTILE}",))
        source = Source(
            title=f"Title{HOSTILE}",
            outlet=f"Wire{HOSTILE}",
            url="https://example.org/a",
            body=f"“We talk{HOSTILE}.”",
        )
        quote = Quote(
            text=f"We talk{HOSTILE}.", source=source.id, speaker=actor.id, span=(1, 9)
        )
        day = date(2026, 1, 9)
        event = Event(
            when=FuzzyDate(day, day, "day", text=f"Friday{HOSTILE}"),
            title=f"Talks{HOSTILE}",
            summary=f"Summary{HOSTILE}",
            actors=(ActorRef(actor.id, f"host{HOSTILE}"),),
            sources=(source.id,),
            quotes=(quote.id,),
            tags=(f"tag{HOSTILE}",),
            place=f"Bogotá{HOSTILE}",
        )
        timeline.put(actor, source, quote, event)
    return path


@pytest.mark.parametrize(
    "verb",
    [
        ["list"],
        ["list", "--format", "csv"],
        ["list", "--search", f"Talks{HOSTILE}"],
        ["actors"],
        ["quotes"],
        ["sources"],
        ["check"],
        ["export", "-", "--format", "md"],
        ["export", "-", "--format", "csv"],
        ["export", "-", "--format", "ics"],
        ["export", "-", "--format", "timelinejs"],
        ["list", "--actor", f"Nobody{HOSTILE}"],
        ["list", "--from", f"when{HOSTILE}"],
        ["dates", f"soon{HOSTILE}"],
        ["add", "--date", "2026-01-09", "--title", f"New{HOSTILE}", "--actor", HOSTILE],
        ["list", "--format", f"x{HOSTILE}"],
        [f"lisst{HOSTILE}"],
        ["help", "list"],
    ],
)
def test_each_verb_prints_inert(
    capsys: pytest.CaptureFixture[str], db: Path, verb: list[str]
) -> None:
    _, out, err = run(capsys, "--db", str(db), *verb)
    assert out or err
    assert_inert(out, err)


@pytest.mark.parametrize("format", ["json", "table"])
def test_json_on_the_terminal_still_reads_back(
    capsys: pytest.CaptureFixture[str], db: Path, format: str
) -> None:
    code, out, err = run(capsys, "--db", str(db), "list", "--format", format)
    assert code == 0
    assert_inert(out, err)
    if format == "json":
        assert json.loads(out)[0]["title"] == f"Talks{HOSTILE}"
    else:
        assert "Talks␛]52;c;UFdORUQ=␇␛[2J\\u009b31m\\u202e" in out


def test_import_warnings_and_summary_are_inert(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "in.csv"
    csv.write_text(
        "Title,Date_Text,Start,End,Precision,Actors,Tags,Summary,Source_URLs\n"
        f'"Good{HOSTILE}",on Friday,2026-01-08,2026-01-08,day,"A{HOSTILE}",,,\n'
        f'"Bad{HOSTILE}",when{HOSTILE},,,,,,,\n',
        encoding="utf-8",
    )
    ics = tmp_path / "in.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
        f"SUMMARY:Meet{HOSTILE}\r\nDTSTART:bad{HOSTILE}\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    slides = {
        "events": [
            {"start_date": {"year": f"y{HOSTILE}"}, "text": {"headline": HOSTILE}},
            {"start_date": {"year": 2026}, "text": {"headline": f"Ok{HOSTILE}"}},
        ]
    }
    tl = tmp_path / "in.timeline.json"
    tl.write_text(json.dumps(slides), encoding="utf-8")
    for path in (csv, ics, tl):
        _, out, err = run(capsys, "--db", str(db), "import", str(path))
        assert "dateline: " in err, (path, out, err)  # a warning was printed
        assert_inert(out, err)


def test_ingest_summary_is_inert(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        f"Talks{HOSTILE} headline\n\nBOGOTA (Wire{HOSTILE}) - President Ana Ruiz"
        f"{HOSTILE} met on Friday. She will visit in March.",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "--db", str(db), "ingest", str(article), "--published", "2026-01-10",
        "--outlet", f"Wire{HOSTILE}", "--title", f"Talks{HOSTILE}",
    )  # fmt: skip
    assert code == 0, err
    assert "event" in out
    assert_inert(out, err)
