"""The crash-safe snapshot storage and the refusal of files that are not ours."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from dateline.store.disk.snapshot import backup_path
from dateline.store.errors import TimelineFileError
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline


def _event(title: str) -> Event:
    day = date(2026, 1, 9)
    return Event(when=FuzzyDate(day, day, "day", "Friday"), title=title)


def test_new_file_is_created_on_first_save(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    assert not db_path.exists(), "opening alone must not create a file"
    timeline.put(_event("first"))
    assert db_path.exists()
    reopened = Timeline.open(db_path)
    assert [e.title for e in reopened.events()] == ["first"]


def test_snapshot_is_a_tinydb_file_with_meta(db_path: Path) -> None:
    from tinydb import TinyDB

    with Timeline.open(db_path) as timeline:
        timeline.put(_event("one"), _event("two"))
    with TinyDB(db_path, access_mode="r") as db:
        titles = sorted(doc["title"] for doc in db.table("events").all())
        meta = db.table("meta").all()[0]
    assert titles == ["one", "two"]
    assert meta["app"] == "dateline" and meta["schema"] == 3


def test_snapshot_keeps_previous_version_as_backup(db_path: Path) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("one"))
    first = db_path.read_bytes()
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("two"))
    assert backup_path(db_path).read_bytes() == first
    assert db_path.read_bytes() != first


def test_saves_are_in_the_journal_before_close(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(_event("one"))
    timeline.put(_event("two"))
    # Not closed: a second reader still sees both saves (journal replay).
    other = Timeline.open(db_path)
    assert sorted(e.title for e in other.events()) == ["one", "two"]


def _corrupt_cases(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = tmp_path / "good.json"
    with Timeline.open(good) as timeline:
        timeline.put(_event("kept"))
    raw = good.read_bytes()
    cases = {
        "empty": (b"", "is empty"),
        "truncated": (raw[: len(raw) // 2], "not valid JSON"),
        "not a timeline": (json.dumps({"users": [1, 2]}).encode(), "not a dateline"),
        "other app": (
            json.dumps({"meta": {"1": {"app": "other"}}}).encode(),
            "not a dateline",
        ),
        "newer schema": (
            json.dumps({"meta": {"1": {"app": "dateline", "schema": 99}}}).encode(),
            "newer dateline",
        ),
        "binary": (b"\xff\xfe\x00garbage", "not a text file"),
    }
    out = {}
    for name, (content, message) in cases.items():
        path = tmp_path / f"{name.replace(' ', '_')}.json"
        path.write_bytes(content)
        out[name] = (path, message)
    return out


@pytest.mark.parametrize(
    "case",
    ["empty", "truncated", "not a timeline", "other app", "newer schema", "binary"],
)
def test_bad_files_are_refused_and_left_alone(tmp_path: Path, case: str) -> None:
    path, message = _corrupt_cases(tmp_path)[case]
    before = path.read_bytes()
    with pytest.raises(TimelineFileError) as info:
        Timeline.open(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_damaged_journal_line_in_the_middle_is_reported(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    for title in ("a", "b", "c"):
        timeline.put(_event(title))
    journal = db_path.with_name(db_path.name + ".journal")
    lines = journal.read_bytes().split(b"\n")
    lines[1] = b'{"seq": 2, "ops": [BROKEN'
    journal.write_bytes(b"\n".join(lines))
    before = journal.read_bytes()
    with pytest.raises(TimelineFileError, match="damaged"):
        Timeline.open(db_path)
    assert journal.read_bytes() == before


def test_torn_last_journal_line_is_ignored_then_dropped(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(_event("acknowledged"))
    journal = db_path.with_name(db_path.name + ".journal")
    with open(journal, "ab") as handle:
        handle.write(b'{"seq": 9, "ops": [{"op": "put", "tab')  # a crash mid-write
    reopened = Timeline.open(db_path)
    assert [e.title for e in reopened.events()] == ["acknowledged"]
    reopened.put(_event("after"))
    again = Timeline.open(db_path)
    assert sorted(e.title for e in again.events()) == ["acknowledged", "after"]


def test_failed_save_keeps_memory_and_disk_as_they_were(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(_event("saved"))

    def disk_full(*_: object, **__: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("dateline.store.disk.journal.os.write", disk_full)
    with pytest.raises(TimelineFileError, match="No space left"):
        timeline.put(_event("lost"))
    monkeypatch.undo()
    assert [e.title for e in timeline.events()] == ["saved"]
    assert [e.title for e in Timeline.open(db_path).events()] == ["saved"]


def test_a_symlinked_path_saves_to_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    with Timeline.open(real) as timeline:
        timeline.put(_event("first"))
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with Timeline.open(link) as timeline:
        timeline.put(_event("second"))
    assert link.is_symlink()
    titles = sorted(e.title for e in Timeline.open(real).events())
    assert titles == ["first", "second"]


@pytest.mark.parametrize(
    "line",
    [
        b'{"seq": 99, "ops": [{"op": "put", "doc": {"id": "zz"}}]}',
        b'{"seq": 99, "ops": "notalist"}',
        b'{"seq": 99, "ops": [{"op": "drop", "table": "events", "id": "x"}]}',
        b'{"seq": 99, "ops": [{"op": "put", "table": "events", "doc": 7}]}',
    ],
)
def test_journal_entries_of_the_wrong_shape_are_damage(
    db_path: Path, line: bytes
) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(_event("kept"))
    journal = db_path.with_name(db_path.name + ".journal")
    good = json.dumps(
        {"seq": 100, "ops": [{"op": "put", "table": "events", "doc": {"id": "x"}}]}
    ).encode()
    with open(journal, "ab") as handle:
        handle.write(line + b"\n" + good + b"\n")  # the bad line is not the last
    with pytest.raises(TimelineFileError, match="damaged"):
        Timeline.open(db_path)


def test_damaged_meta_is_a_clear_error(db_path: Path) -> None:
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("kept"))
    data = json.loads(db_path.read_text())
    data["meta"]["1"]["journal_seq"] = "x"
    db_path.write_text(json.dumps(data))
    with pytest.raises(TimelineFileError, match="damaged meta"):
        Timeline.open(db_path)


def test_restore_sets_the_journal_aside_with_the_replaced_file(
    db_path: Path,
) -> None:
    from dateline.store.disk.check import restore_backup

    with Timeline.open(db_path) as timeline:
        timeline.put(_event("A"))
    with Timeline.open(db_path) as timeline:
        timeline.put(_event("B"))
    unclosed = Timeline.open(db_path)
    unclosed.put(_event("C"))  # only in the journal
    aside = restore_backup(db_path).aside
    assert aside is not None
    assert [e.title for e in Timeline.open(db_path).events()] == ["A"]
    # Nothing is lost: the replaced file and its journal together hold A, B, C.
    replaced = Timeline.open(aside)
    assert sorted(e.title for e in replaced.events()) == ["A", "B", "C"]


def test_plain_tinydb_reads_every_record_the_timeline_holds(demo_path: Path) -> None:
    """The README's promise: the file is a TinyDB database, read as-is."""
    from tinydb import TinyDB

    with Timeline.open(demo_path) as timeline:
        held = timeline.all_docs()
    before = demo_path.read_bytes()
    with TinyDB(demo_path, access_mode="r") as db:
        # The tables README names; each record under its stable id.
        assert db.tables() == {
            *("events", "actors", "quotes", "sources", "meta"),
            *("tombstones", "conflicts", "views"),
        }
        read = {
            name: {doc["id"]: dict(doc) for doc in db.table(name)}
            for name in ("events", "actors", "quotes", "sources")
        }
    assert read == {name: held[name] for name in read}
    assert len(read["events"]) == 8 and read["quotes"] and read["sources"]
    assert demo_path.read_bytes() == before, "reading must leave the file alone"
