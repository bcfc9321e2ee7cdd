"""Two editors on the command line: authors, the folder format, conflicts
listed on import and settled by the ``conflicts`` verb."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _retitle(path: Path, title: str, **more: str) -> None:
    with Timeline.open(path) as timeline:
        event = timeline.event("ev-announcement")
        with timeline.change() as tx:
            tx.update(event, replace(event, title=title, **more))


@pytest.fixture
def pair(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Path, Path]:
    """Alice's timeline (the demo) and Bob's, made from her folder export."""
    share = tmp_path / "share"
    monkeypatch.setenv("DATELINE_AUTHOR", "alice")
    assert (
        run(capsys, "--db", str(demo_path), "export", str(share), "--format", "dir")[0]
        == 0
    )
    bob = tmp_path / "bob.json"
    monkeypatch.setenv("DATELINE_AUTHOR", "bob")
    code, out, _ = run(capsys, "--db", str(bob), "import", str(share))
    assert code == 0 and out.startswith("Imported 8 events")
    return demo_path, bob


def test_author_comes_from_the_environment_and_shows_in_json(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_AUTHOR", "carol")
    run(capsys, "--db", str(db_path), "add", "--date", "2026-01-09", "--title", "Call")
    _code, out, _ = run(capsys, "--db", str(db_path), "list", "--format", "json")
    [event] = json.loads(out)
    assert (event["created_by"], event["updated_by"], event["rev"]) == (
        "carol",
        "carol",
        1,
    )


def test_author_setting_wins_over_the_environment(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    config_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (config_home / "dateline").mkdir(parents=True)
    (config_home / "dateline" / "config.toml").write_text('author = "Dana"\n')
    monkeypatch.setenv("DATELINE_AUTHOR", "carol")
    run(capsys, "--db", str(db_path), "add", "--date", "2026-01-09", "--title", "Call")
    _code, out, _ = run(capsys, "--db", str(db_path), "list", "--format", "json")
    assert json.loads(out)[0]["created_by"] == "Dana"


def test_a_conflict_is_listed_and_settled_from_the_command_line(
    capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path
) -> None:
    alice, bob = pair
    _retitle(alice, "Alice's title")
    _retitle(bob, "Bob's title", summary="Bob's summary")
    sent = tmp_path / "from-bob.json"
    run(capsys, "--db", str(bob), "export", str(sent))
    code, out, err = run(capsys, "--db", str(alice), "import", str(sent))
    assert code == 0 and "1 conflict kept to settle" in out
    assert 'conflict, ours kept and theirs saved to settle: event "Bob\'s title"' in err
    code, out, _ = run(capsys, "--db", str(alice), "conflicts", "--format", "json")
    [row] = json.loads(out)
    assert row["id"] == "events/ev-announcement"
    assert [f["name"] for f in row["fields"]] == ["title", "summary"]
    code, _out, err = run(
        capsys, "--db", str(alice), "conflicts", row["id"], "--take", "colour"
    )
    assert code == 2 and "colour: not a field of the event" in err
    code, out, _ = run(
        capsys, "--db", str(alice), "conflicts", row["id"], "--take", "summary"
    )
    assert code == 0 and out.startswith("Settled event “Alice's title”")
    with Timeline.open(alice) as timeline:
        event = timeline.event("ev-announcement")
        assert (event.title, event.summary) == ("Alice's title", "Bob's summary")
        assert not timeline.conflicts_by_id
    _code, out, _ = run(capsys, "--db", str(alice), "conflicts")
    assert out.startswith("No conflicts")


def test_folder_round_trip_carries_a_deletion(
    capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path], tmp_path: Path
) -> None:
    alice, bob = pair
    with Timeline.open(alice) as timeline:
        timeline.delete_event("ev-phone-call")
    share = tmp_path / "share"
    run(capsys, "--db", str(alice), "export", str(share), "--format", "dir")
    code, out, _ = run(capsys, "--db", str(bob), "import", str(share))
    assert code == 0 and "deleted" in out
    with Timeline.open(bob) as timeline:
        assert "ev-phone-call" not in timeline.events_by_id
    # Again: every record is already there, so nothing came in (exit 2).
    code, out, _ = run(capsys, "--db", str(bob), "import", str(share))
    assert code == 2 and "already up to date" in out


def test_dir_export_refuses_filters_and_stdout(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys, "--db", str(demo_path), "export", str(tmp_path / "d"), "--format",
        "dir", "--actor", "Petro",
    )  # fmt: skip
    assert code == 2 and "holds the whole timeline" in err
    code, _out, err = run(
        capsys, "--db", str(demo_path), "export", "-", "--format", "dir"
    )
    assert code == 2 and "writes a folder" in err
