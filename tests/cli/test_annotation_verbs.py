"""note, star and link from the shell: stable JSON, a stale change refused
with --expect, clear errors, and list's new keys."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dateline.store.model import Event, FuzzyDate, touched
from dateline.store.timeline import Timeline

from tests.cli.test_cli_records import run


def _day(n: int) -> FuzzyDate:
    return FuzzyDate(date(2026, 1, n), date(2026, 1, n), "day")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.json"
    with Timeline.open(path) as timeline:
        timeline.put(
            Event(_day(7), "Strike on Caracas", id="ev-a"),
            Event(_day(8), "Petro condemns the strike", id="ev-b"),
        )
    return path


def _json(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> Any:
    code, out, err = run(capsys, "--db", str(db), *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_note_adds_lists_and_deletes(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = _json(capsys, db, "note", "ev-a", "check the hour with AFP")
    assert added["notes"][0]["text"] == "check the hour with AFP"
    assert added["notes"][0]["at"].endswith("+00:00")
    _json(capsys, db, "note", "ev-a", "second")
    listed = _json(capsys, db, "note", "ev-a", "--list")
    assert [(n["n"], n["text"]) for n in listed] == [
        (1, "check the hour with AFP"),
        (2, "second"),
    ]
    code, out, _ = run(capsys, "--db", str(db), "note", "ev-a", "--delete", "1")
    assert code == 0 and "check the hour with AFP" in out
    with Timeline.open(db) as timeline:
        assert [n.text for n in timeline.event("ev-a").notes] == ["second"]


def test_note_mistakes_are_named(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(db), "note", "ev-a", "--delete", "3")
    assert code != 0 and "no notes to delete" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", str(db), "note", "ev-a")
    assert code != 0 and "Give the note's text" in err
    code, _, err = run(capsys, "--db", str(db), "note", "ev-zz", "x")
    assert code != 0 and "No event with id 'ev-zz'" in err


def test_a_stale_note_or_star_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = _json(capsys, db, "show", "ev-a")
    with Timeline.open(db) as other, other.change() as tx:
        event = other.event("ev-a")
        tx.update(event, touched(event, title="Strike on Caracas, 2 am"))
    for argv in (
        ("note", "ev-a", "late"),
        ("star", "ev-a"),
        ("link", "ev-a", "causes", "ev-b"),
    ):
        code, _, err = run(capsys, "--db", str(db), *argv, "--expect", seen["version"])
        assert code != 0 and "nothing was saved" in err, argv
    with Timeline.open(db) as timeline:
        event = timeline.event("ev-a")
        assert event.notes == () and not event.starred and event.links == ()
    fresh = _json(capsys, db, "show", "ev-a")
    done = _json(capsys, db, "note", "ev-a", "late", "--expect", fresh["version"])
    assert [n["text"] for n in done["notes"]] == ["late"]


def test_star_and_list_starred(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, db, "star", "ev-b")["starred"] is True
    listed = _json(capsys, db, "list", "--starred")
    assert [e["id"] for e in listed] == ["ev-b"]
    assert listed[0]["starred"] is True and listed[0]["notes"] == []
    assert _json(capsys, db, "star", "ev-b", "--off")["starred"] is False
    assert _json(capsys, db, "list", "--starred") == []


def test_link_adds_lists_both_ways_and_deletes(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = _json(capsys, db, "link", "ev-b", "responds-to", "ev-a")
    assert done["links"] == [{"kind": "responds to", "event": "ev-a"}]
    every = {e["id"]: e for e in _json(capsys, db, "list")}
    assert every["ev-b"]["links"] == [{"kind": "responds to", "event": "ev-a"}]
    other_end = _json(capsys, db, "link", "ev-a", "--list")
    assert other_end == [
        {
            "n": None,
            "kind": "responds to",
            "reads": "answered by",
            "event": "ev-b",
            "title": "Petro condemns the strike",
            "direction": "to",
        }
    ]
    code, out, _ = run(capsys, "--db", str(db), "link", "ev-b", "--list")
    assert code == 0 and "responds to" in out and "Strike on Caracas" in out
    assert _json(capsys, db, "link", "ev-b", "--delete", "1")["links"] == []


def test_link_mistakes_are_named(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(db), "link", "ev-a", "blames", "ev-b")
    assert code != 0 and "not a kind of link" in err and "same as" in err
    code, _, err = run(capsys, "--db", str(db), "link", "ev-a", "causes", "ev-zz")
    assert code != 0 and "No event with id 'ev-zz' to link to" in err
    code, _, err = run(capsys, "--db", str(db), "link", "ev-a", "causes")
    assert code != 0 and "Give the kind and the other event" in err
    assert "Traceback" not in err


def test_deleting_an_event_drops_links_to_it(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _json(capsys, db, "link", "ev-b", "follows", "ev-a")
    _json(capsys, db, "delete", "ev-a")
    assert _json(capsys, db, "show", "ev-b")["links"] == []


def test_show_lists_star_notes_and_links(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _json(capsys, db, "star", "ev-a")
    _json(capsys, db, "note", "ev-a", "AFP says 2 am")
    _json(capsys, db, "link", "ev-a", "causes", "ev-b")
    code, out, _ = run(capsys, "--db", str(db), "show", "ev-a")
    assert code == 0
    assert "starred" in out and "AFP says 2 am" in out and "causes ev-b" in out


def test_same_as_merge_from_the_shell(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _json(capsys, db, "note", "ev-b", "on b")
    code, _, err = run(
        capsys, "--db", str(db), "link", "ev-a", "causes", "ev-b", "--merge"
    )
    assert code != 0 and "same-as OTHER_ID --merge" in err
    merged = _json(capsys, db, "link", "ev-a", "same-as", "ev-b", "--merge")
    assert [n["text"] for n in merged["notes"]] == ["on b"]
    assert [e["id"] for e in _json(capsys, db, "list")] == ["ev-a"]
