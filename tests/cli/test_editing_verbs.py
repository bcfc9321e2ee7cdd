"""show, edit, delete, tag and review from the shell: stable JSON, the
explorer's checks (a stale edit is refused), clear errors for bad ids."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes.drafts import EventDraft, save_draft
from dateline.store.dates.parse import parse_date
from dateline.store.model import touched
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main

from tests.cli.test_cli_records import run

ANCHOR = date(2026, 1, 10)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.json"
    with Timeline.open(path) as timeline:
        when = parse_date("on Friday", ANCHOR, prefer="past")
        save_draft(
            timeline,
            EventDraft(
                when=when,
                title="Talks open",
                actor_names=("Ana Ruiz",),
                tags=("trade",),
            ),
        )
        save_draft(
            timeline, EventDraft(when=when, title="Port strike", tags=("labour",))
        )
    return path


def _ids(db: Path) -> dict[str, str]:
    with Timeline.open(db) as timeline:
        return {e.title: e.id for e in timeline.events()}


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def test_show_prints_the_whole_event_as_text_and_json(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    talks = _ids(db)["Talks open"]
    code, out, _ = run(capsys, "--db", str(db), "show", talks)
    assert code == 0
    assert "Talks open" in out and "Ana Ruiz" in out and "Fri 9 Jan 2026" in out
    record = _json(capsys, "--db", str(db), "show", talks, "--format", "json")
    assert isinstance(record, dict)
    assert record["id"] == talks and record["actors"] == ["Ana Ruiz"]
    assert record["start"] == "2026-01-09" and record["updated"]


def test_edit_changes_only_what_is_given(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    talks = _ids(db)["Talks open"]
    record = _json(
        capsys,
        "--db",
        str(db),
        "edit",
        talks,
        "--title",
        "Talks resume",
        "--date",
        "12 January 2026",
        "--format",
        "json",
    )
    assert isinstance(record, dict)
    assert record["title"] == "Talks resume" and record["start"] == "2026-01-12"
    assert record["actors"] == ["Ana Ruiz"] and record["tags"] == ["trade"]


def test_flipping_the_status_reads_the_date_words_again(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    talks = _ids(db)["Talks open"]
    record = _json(
        capsys,
        "--db",
        str(db),
        "edit",
        talks,
        "--status",
        "expected",
        "--format",
        "json",
    )
    assert isinstance(record, dict)
    # "on Friday", read from 10 Jan 2026 as something expected: the 16th.
    assert record["status"] == "expected" and record["start"] == "2026-01-16"


def test_a_stale_edit_is_refused_and_nothing_is_saved(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    talks = _ids(db)["Talks open"]
    seen = _json(capsys, "--db", str(db), "show", talks, "--format", "json")
    assert isinstance(seen, dict)
    with Timeline.open(db) as other, other.change() as tx:
        event = other.event(talks)
        tx.update(event, touched(event, title="Talks collapse"))
    code, _, err = run(
        capsys,
        "--db",
        str(db),
        "edit",
        talks,
        "--title",
        "Talks resume",
        "--expect",
        seen["version"],
    )
    assert code != 0 and "was changed" in err and "nothing was saved" in err
    assert "Traceback" not in err
    code, _, err = run(
        capsys, "--db", str(db), "delete", talks, "--expect", seen["version"]
    )
    assert code != 0 and "nothing was saved" in err
    assert "Talks collapse" in _ids(db)


def test_delete_removes_the_event(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    strike = _ids(db)["Port strike"]
    result = _json(capsys, "--db", str(db), "delete", strike, "--format", "json")
    assert result == {"deleted": strike, "title": "Port strike"}
    assert list(_ids(db)) == ["Talks open"]


def test_tag_adds_and_removes_on_many_events_at_once(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _ids(db)
    result = _json(
        capsys,
        "--db",
        str(db),
        "tag",
        *ids.values(),
        "--add",
        "ports",
        "--remove",
        "TRADE",
        "--format",
        "json",
    )
    assert isinstance(result, list)
    assert {r["id"]: r["tags"] for r in result} == {
        ids["Talks open"]: ["ports"],
        ids["Port strike"]: ["labour", "ports"],
    }
    with Timeline.open(db) as timeline:
        timeline.undo()  # one step for all, in the explorer's history too
        # (a new process has no history: the tags are simply there)
        assert {e.title: e.tags for e in timeline.events()}["Port strike"] == (
            "labour",
            "ports",
        )


def test_review_lists_accepts_and_rejects(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Timeline.open(db) as timeline, timeline.change() as tx:
        for event in timeline.events():
            tx.put(touched(event, origin="extracted", review="pending"))
    ids = _ids(db)
    waiting = _json(capsys, "--db", str(db), "review", "--format", "json")
    assert isinstance(waiting, list) and {w["id"] for w in waiting} == set(ids.values())
    code, out, _ = run(capsys, "--db", str(db), "review", "--accept", ids["Talks open"])
    assert code == 0 and "Accepted" in out
    code, out, _ = run(
        capsys, "--db", str(db), "review", "--reject", ids["Port strike"]
    )
    assert code == 0 and "Rejected" in out
    assert _json(capsys, "--db", str(db), "review", "--format", "json") == []
    assert list(_ids(db)) == ["Talks open"]


@pytest.mark.parametrize("verb", ["show", "edit", "delete", "tag"])
def test_an_unknown_id_is_one_clear_line(
    db: Path, capsys: pytest.CaptureFixture[str], verb: str
) -> None:
    extra = ["--add", "x"] if verb == "tag" else []
    code, _, err = run(capsys, "--db", str(db), verb, "ev-nope", *extra)
    assert code == 2
    assert "No event with id 'ev-nope'" in err and "list --format json" in err
    assert "Traceback" not in err
    assert main(["--db", str(db), "list"]) == 0
