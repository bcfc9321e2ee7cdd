"""The working set on the command line: `list --not-actor/--not-tag/--view`,
`views` and `views --delete`, and the order within a day in `list`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes import move_in_day, save_view
from dateline.store.model import Event, FuzzyDate
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str], db: Path, *flags: str) -> list[str]:
    code, out, _ = run(capsys, "list", "--db", str(db), "--format", "json", *flags)
    assert code == 0
    return [record["id"] for record in json.loads(out)]


def test_not_actor_and_not_tag_leave_events_out(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert listed(capsys, demo_path, "--not-actor", "Trump") == [
        "ev-sanctions",
        "ev-petro-leaves-office",
    ]
    assert listed(
        capsys, demo_path, "--actor", "Petro", "--not-tag", "diplomacy",
        "--not-tag", "drugs",
    ) == ["ev-visa-suspension", "ev-maduro-op", "ev-petro-leaves-office"]  # fmt: skip


def test_an_unknown_not_actor_is_a_clear_error(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "list", "--db", str(demo_path), "--not-actor", "Zed")
    assert code != 0 and out == ""
    assert 'No actor called "Zed"' in err


def test_list_view_uses_the_saved_filters_and_flags_narrow_it(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Timeline.open(demo_path) as timeline:
        save_view(timeline, "No Trump", EventFilter(not_actors=("ac-trump",)))
    assert listed(capsys, demo_path, "--view", "no trump") == [
        "ev-sanctions",
        "ev-petro-leaves-office",
    ]
    assert listed(capsys, demo_path, "--view", "No Trump", "--tag", "drugs") == [
        "ev-sanctions"
    ]


def test_an_unknown_view_lists_the_views_there_are(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Timeline.open(demo_path) as timeline:
        save_view(timeline, "Drugs", EventFilter(tags=("drugs",)))
    code, out, err = run(capsys, "list", "--db", str(demo_path), "--view", "kurds")
    assert code != 0 and out == ""
    assert 'No view called "kurds"' in err and 'Views here: "Drugs".' in err
    assert "Traceback" not in err


def test_views_lists_and_deletes(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo_path)
    code, out, _ = run(capsys, "views", "--db", db)
    assert code == 0 and "No saved views yet" in out
    with Timeline.open(demo_path) as timeline:
        save_view(
            timeline,
            "Petro, no drugs",
            EventFilter(actors=("ac-petro",), not_tags=("drugs",)),
        )
    code, out, _ = run(capsys, "views", "--db", db)
    assert code == 0
    assert out.splitlines()[1].split() == [
        "Petro,", "no", "drugs", "Gustavo", "Petro,", "not", "#drugs",
    ]  # fmt: skip
    code, out, _ = run(capsys, "views", "--db", db, "--format", "json")
    assert json.loads(out) == [
        {
            "name": "Petro, no drugs",
            "filter": {"actors": ["ac-petro"], "not_tags": ["drugs"]},
            "described": ["Gustavo Petro", "not #drugs"],
            "created": json.loads(out)[0]["created"],
            "updated": json.loads(out)[0]["updated"],
        }
    ]
    code, out, _ = run(capsys, "views", "--db", db, "--delete", "PETRO, NO DRUGS")
    assert code == 0 and out == 'Deleted the view "Petro, no drugs".\n'
    code, out, err = run(capsys, "views", "--db", db, "--delete", "Petro, no drugs")
    assert code != 0 and "has no saved views" in err


def test_list_and_csv_keep_the_order_within_a_day(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")
    with Timeline.open(db_path) as timeline:
        with timeline.change() as tx:
            tx.put(Event(day, "Alpha", id="ev-a"), Event(day, "Bravo", id="ev-b"))
        move_in_day(timeline, timeline.event("ev-b"), -1)
    assert listed(capsys, db_path) == ["ev-b", "ev-a"]
    code, out, _ = run(capsys, "list", "--db", str(db_path), "--format", "json")
    assert code == 0 and [r["order"] for r in json.loads(out)] == [1, 2]
    code, out, _ = run(capsys, "list", "--db", str(db_path))
    assert code == 0
    titles = [line.split()[4] for line in out.splitlines()[1:]]
    assert titles == ["Bravo", "Alpha"]
    code, out, _ = run(capsys, "list", "--db", str(db_path), "--format", "csv")
    assert code == 0
    assert [row.split(",")[6] for row in out.splitlines()[1:]] == ["Bravo", "Alpha"]
