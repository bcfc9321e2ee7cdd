"""The folder format: one stable file per record, deletions carried, hostile
folders refused with a message naming the file."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from dateline.store.formats.folder import (
    FILE_LIMIT,
    FolderError,
    file_name,
    write_folder,
)
from dateline.store.formats.native import ImportFormatError
from dateline.store.formats.registry import import_file
from dateline.store.revision import content
from dateline.store.timeline import Timeline


def contents(timeline: Timeline) -> dict[str, dict[str, dict]]:
    docs = timeline.all_docs()
    return {
        table: {rid: content(doc) for rid, doc in docs[table].items()}
        for table in ("events", "actors", "quotes", "sources")
    }


def test_layout_is_one_sorted_file_per_record(demo: Timeline, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    write_folder(demo, folder)
    assert json.loads((folder / "dateline.json").read_text()) == {
        "format": "dateline-folder",
        "schema": 3,
    }
    names = {p.name for p in (folder / "events").iterdir()}
    assert names == {f"{rid}.json" for rid in demo.events_by_id}
    text = (folder / "events" / "ev-phone-call.json").read_text("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    doc = json.loads(text)
    assert list(doc) == sorted(doc) and doc == demo.doc("events", "ev-phone-call")
    # Written the same way every time: a second export changes no file.
    assert write_folder(demo, folder) == 0


def test_round_trip_keeps_everything(demo: Timeline, tmp_path: Path) -> None:
    write_folder(demo, tmp_path / "share")
    copy = Timeline.open(tmp_path / "copy.json")
    report = import_file(copy, tmp_path / "share")
    assert report.events == 8 and copy.all_docs() == demo.all_docs()
    again = import_file(copy, tmp_path / "share")
    assert again.nothing_new


def test_deletions_carry_as_tombstones(demo: Timeline, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    write_folder(demo, folder)
    copy = Timeline.open(tmp_path / "copy.json")
    import_file(copy, folder)
    demo.delete_event("ev-phone-call")
    write_folder(demo, folder)
    assert not (folder / "events" / "ev-phone-call.json").exists()
    tomb = folder / "deleted" / "events" / "ev-phone-call.json"
    assert json.loads(tomb.read_text())["record"] == "ev-phone-call"
    report = import_file(copy, folder)
    assert report.deleted == 1 and "ev-phone-call" not in copy.events_by_id
    # The copy's own folder no longer brings it back either.
    write_folder(copy, tmp_path / "theirs")
    import_file(demo, tmp_path / "theirs")
    assert "ev-phone-call" not in demo.events_by_id


def test_odd_ids_get_safe_file_names() -> None:
    assert file_name("ev-3f9a1c2b7d01") == "ev-3f9a1c2b7d01.json"
    for hostile in ("../../etc/passwd", "..", "a/b", "", "x" * 300, "é"):
        name = file_name(hostile)
        assert "/" not in name and name.startswith("id-") and name.endswith(".json")


def test_refuses_to_write_into_a_folder_that_is_not_ours(
    demo: Timeline, tmp_path: Path
) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"...")
    with pytest.raises(FolderError, match="not a dateline folder export"):
        write_folder(demo, folder)
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]


@pytest.fixture
def share(demo: Timeline, tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    write_folder(demo, folder)
    return folder


def _refused(tmp_path: Path, folder: Path, match: str) -> None:
    target = Timeline.open(tmp_path / "target.json")
    with pytest.raises(ImportFormatError, match=match):
        import_file(target, folder)
    assert len(target) == 0 and not target.actors()


def test_refuses_bad_json_naming_the_file(share: Path, tmp_path: Path) -> None:
    (share / "events" / "ev-phone-call.json").write_text('{"id": ', "utf-8")
    _refused(tmp_path, share, r"ev-phone-call\.json line 1: not valid JSON")


def test_refuses_git_conflict_markers(share: Path, tmp_path: Path) -> None:
    path = share / "events" / "ev-phone-call.json"
    path.write_text("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> b\n", "utf-8")
    _refused(tmp_path, share, "Git conflict markers")


def test_refuses_symlinks_that_escape(share: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text("{}", "utf-8")
    os.symlink(secret, share / "events" / "ev-escape.json")
    _refused(tmp_path, share, "is a symbolic link")


def test_refuses_a_linked_record_folder(share: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (share / "quotes").rename(elsewhere)
    os.symlink(elsewhere, share / "quotes")
    _refused(tmp_path, share, "must be a plain folder")


def test_refuses_huge_files(share: Path, tmp_path: Path) -> None:
    with (share / "sources" / "so-huge.json").open("wb") as handle:
        handle.truncate(FILE_LIMIT + 1)  # sparse: no real disk used
    _refused(tmp_path, share, "more than any one record")


def test_refuses_a_folder_that_is_not_an_export(tmp_path: Path) -> None:
    folder = tmp_path / "random"
    folder.mkdir()
    _refused(tmp_path, folder, "not a dateline folder export")
    (folder / "dateline.json").write_text('{"format": "other"}', "utf-8")
    _refused(tmp_path, folder, "is not a dateline folder export")


def test_refuses_a_record_of_the_wrong_shape(share: Path, tmp_path: Path) -> None:
    path = share / "events" / "ev-phone-call.json"
    doc = json.loads(path.read_text())
    doc["rev"] = "seven"
    path.write_text(json.dumps(doc), "utf-8")
    _refused(tmp_path, share, '"rev" must be a whole number')


# -- real Git ------------------------------------------------------------------
def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr + done.stdout
    return done.stdout


def _clone(origin: Path, where: Path, name: str) -> Path:
    _git(where.parent, "clone", "-q", str(origin), where.name)
    _git(where, "config", "user.name", name)
    _git(where, "config", "user.email", f"{name}@example.org")
    return where


def test_git_merges_concurrent_edits_of_different_records(
    demo: Timeline, tmp_path: Path
) -> None:
    """Two editors with clones of one folder export add, edit and delete
    different records; Git merges with no conflict, and the merged folder
    imports to the union of both."""
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "-q", "--bare", str(origin))
    alice_repo = _clone(origin, tmp_path / "alice", "alice")
    demo.author = "alice"
    write_folder(demo, alice_repo)
    _git(alice_repo, "add", "-A")
    _git(alice_repo, "commit", "-q", "-m", "the demo timeline")
    _git(alice_repo, "push", "-q", "origin", "HEAD:main")
    bob_repo = _clone(origin, tmp_path / "bob", "bob")
    _git(bob_repo, "checkout", "-q", "main")
    bob = Timeline.open(tmp_path / "bob.json", author="bob")
    import_file(bob, bob_repo)

    # Alice: retitles one event, deletes another, adds a third.
    event = demo.event("ev-announcement")
    with demo.change() as tx:
        tx.update(event, replace(event, title="Alice's title"))
        tx.put(replace(event, id="ev-by-alice", title="Added by Alice"))
    demo.delete_event("ev-un-lula")
    # Bob: edits a different event's summary and adds his own.
    other = bob.event("ev-phone-call")
    with bob.change() as tx:
        tx.update(other, replace(other, summary="Bob's summary"))
        tx.put(replace(other, id="ev-by-bob", title="Added by Bob"))

    write_folder(demo, alice_repo)
    _git(alice_repo, "add", "-A")
    _git(alice_repo, "commit", "-q", "-m", "alice's edits")
    _git(alice_repo, "push", "-q", "origin", "HEAD:main")
    write_folder(bob, bob_repo)
    _git(bob_repo, "add", "-A")
    _git(bob_repo, "commit", "-q", "-m", "bob's edits")
    _git(bob_repo, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert not _git(bob_repo, "diff", "--name-only", "--diff-filter=U")

    report = import_file(bob, bob_repo)
    assert not report.conflicts and not report.problems
    titles = {ev.title for ev in bob.events()}
    assert {"Alice's title", "Added by Alice", "Added by Bob"} <= titles
    assert "ev-un-lula" not in bob.events_by_id
    assert bob.event("ev-phone-call").summary == "Bob's summary"
    assert len(bob) == 9  # 8, one deleted, two added
    # Alice takes the merged folder too: both hold the union.
    import_file(demo, bob_repo)
    assert contents(demo) == contents(bob)


def test_git_conflicts_only_in_the_one_record_both_edited(
    demo: Timeline, tmp_path: Path
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.name", "alice")
    _git(repo, "config", "user.email", "alice@example.org")
    write_folder(demo, repo)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "bob")
    copy = Timeline.open(tmp_path / "bob.json")
    import_file(copy, repo)
    for timeline, title, branch in ((copy, "Bob's", "bob"), (demo, "Alice's", "main")):
        _git(repo, "checkout", "-q", branch)
        event = timeline.event("ev-announcement")
        with timeline.change() as tx:
            tx.update(event, replace(event, title=title))
        write_folder(timeline, repo)
        _git(repo, "commit", "-q", "-am", title)
    done = subprocess.run(
        ["git", "merge", "-q", "bob"], cwd=repo, capture_output=True, text=True
    )
    assert done.returncode != 0
    conflicted = _git(repo, "diff", "--name-only", "--diff-filter=U").split()
    assert conflicted == ["events/ev-announcement.json"]
