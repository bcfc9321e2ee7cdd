"""What makes opening a big timeline fast, asserted as structure (issue 19):
the snapshot is decoded straight into records, equal parts are shared, the
collector is kept out of the load, and damaged files still fail clearly."""

from __future__ import annotations

import gc
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dateline.store import timeline as timeline_module
from dateline.store.changes.views import save_view
from dateline.store.disk.datafile import DataFile
from dateline.store.disk.schema import RECORD_TABLES
from dateline.store.errors import TimelineFileError
from dateline.store.model import Actor, Event, FuzzyDate, Quote, Source
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from tinydb import TinyDB


def _snapshotted(path: Path) -> Path:
    """``path`` with everything in the TinyDB file and an empty journal."""
    timeline = Timeline.open(path)
    timeline.snapshot()
    return path


def _edit_events(path: Path, edit: Any) -> None:
    """Change the raw event documents of the file at ``path``."""
    data = json.loads(path.read_text())
    for doc in data["events"].values():
        edit(doc)
    path.write_text(json.dumps(data))


def test_open_makes_no_record_through_from_doc(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _snapshotted(demo_path)
    expected = Timeline.open(path).all_docs()

    def refused(doc: dict[str, Any]) -> None:
        raise AssertionError("the typed decoder should have made this record")

    for cls in (Event, Actor, Quote, Source):
        monkeypatch.setattr(cls, "from_doc", refused)
    assert Timeline.open(path).all_docs() == expected


def test_events_on_one_date_share_one_fuzzy_date(db_path: Path) -> None:
    day = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day", "last Friday")
    with Timeline.open(db_path) as timeline:
        timeline.put(Event(day, "One", id="ev-1"), Event(day, "Two", id="ev-2"))
    reopened = Timeline.open(_snapshotted(db_path))
    one, two = reopened.event("ev-1"), reopened.event("ev-2")
    assert one.when == two.when == day
    assert one.when is two.when


def test_a_record_the_typed_decoder_refuses_is_judged_by_from_doc(
    demo_path: Path,
) -> None:
    """``approximate: 1`` is not a JSON bool: the typed decoder gives up and
    the slow path's checks name the record and the field."""
    path = _snapshotted(demo_path)
    _edit_events(path, lambda doc: doc["when"].update(approximate=1))
    with pytest.raises(TimelineFileError, match=r"ev-\S+ is damaged.*approximate"):
        Timeline.open(path)


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc["when"].update(end="1999-01-01"),
        lambda doc: doc["when"].update(precision="fortnight"),
        lambda doc: doc.pop("title"),
        lambda doc: doc["when"].update(start="the day after"),
        # Sound JSON types the slow path's rules still refuse: the typed
        # decoder must refuse them too, or a file opens that `check` calls
        # damaged.
        lambda doc: doc.update(id=" "),
        lambda doc: doc.update(actors=[{"actor": "", "role": ""}]),
        lambda doc: doc.update(sources=[""]),
    ],
    ids=[
        "end-before-start",
        "unknown-precision",
        "no-title",
        "unreadable-date",
        "blank-id",
        "blank-actor-ref",
        "blank-source-ref",
    ],
)
def test_a_damaged_record_is_a_clear_error_naming_it(
    demo_path: Path, damage: Any
) -> None:
    path = _snapshotted(demo_path)
    _edit_events(path, damage)
    before = path.read_bytes()
    with pytest.raises(TimelineFileError, match=r"the event .* is damaged"):
        Timeline.open(path)
    assert path.read_bytes() == before


def test_the_journal_is_replayed_over_decoded_records(demo_path: Path) -> None:
    path = _snapshotted(demo_path)
    timeline = Timeline.open(path)
    event = timeline.event("ev-maduro-op")
    gone = timeline.delete_event("ev-phone-call")
    added = Event(event.when, "Added after the snapshot", id="ev-added")
    timeline.put(added)
    assert timeline.pending_journal == 2
    reopened = Timeline.open(path)
    assert reopened.event("ev-added") == added
    assert gone.id not in reopened.events_by_id
    assert reopened.all_docs() == timeline.all_docs()


def test_loaded_records_are_frozen_out_of_the_collector(demo_path: Path) -> None:
    gc.unfreeze()
    was_enabled = gc.isenabled()
    Timeline.open(demo_path)
    assert gc.get_freeze_count() > 0
    assert gc.isenabled() == was_enabled
    gc.unfreeze()


def test_snapshots_stay_plain_tinydb_files(demo_path: Path) -> None:
    timeline = Timeline.open(_snapshotted(demo_path))
    with TinyDB(demo_path) as db:
        titles = {doc["title"] for doc in db.table("events").all()}
    assert titles == {event.title for event in timeline.events()}


def test_documents_are_made_from_the_records(demo: Timeline) -> None:
    """One copy of the data: a document is the record's own ``to_doc``."""
    event = demo.event("ev-maduro-op")
    doc = demo.doc("events", event.id)
    assert doc == event.to_doc()
    assert doc is not demo.doc("events", event.id)


@pytest.fixture
def rewrites(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sequence number of every snapshot rewrite, in order."""
    seen: list[int] = []
    write = DataFile.snapshot

    def counted(file: DataFile, tables: Any, seq: int) -> None:
        seen.append(seq)
        write(file, tables, seq)

    monkeypatch.setattr(DataFile, "snapshot", counted)
    return seen


def test_a_quick_close_of_a_big_timeline_leaves_the_journal(
    demo_path: Path, rewrites: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting never waits on a full rewrite: the journal already holds
    every change, and the next open replays it."""
    monkeypatch.setattr(timeline_module, "FOLD_ON_CLOSE", 2)
    timeline = Timeline.open(demo_path)
    added = Event(timeline.event("ev-maduro-op").when, "Late", id="ev-late")
    timeline.put(added)
    rewrites.clear()
    timeline.close(quick=True)
    assert rewrites == []
    assert demo_path.with_name(demo_path.name + ".journal").stat().st_size > 0
    assert Timeline.open(demo_path).event("ev-late") == added


def test_a_close_folds_a_small_timeline_or_a_due_journal(
    demo_path: Path, rewrites: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = Timeline.open(demo_path)
    timeline.put(Event(timeline.event("ev-maduro-op").when, "One", id="ev-one"))
    rewrites.clear()
    timeline.close(quick=True)
    assert len(rewrites) == 1  # 8 events: a rewrite costs nothing

    monkeypatch.setattr(timeline_module, "FOLD_ON_CLOSE", 2)
    monkeypatch.setattr(timeline_module, "SNAPSHOT_AFTER", 2)
    timeline = Timeline.open(demo_path)
    timeline.put(Event(timeline.event("ev-maduro-op").when, "Two", id="ev-two"))
    timeline.close()
    assert len(rewrites) == 1  # one entry: not due yet, left in the journal
    timeline.put(Event(timeline.event("ev-maduro-op").when, "Three", id="ev-3"))
    timeline.close()
    assert len(rewrites) == 2
    assert timeline.pending_journal == 0


def test_a_snapshot_writes_each_record_as_its_document(demo_path: Path) -> None:
    """Snapshots encode the records themselves (no 100k ``to_doc`` calls
    first); what lands in the file must still be each record's document."""
    timeline = Timeline.open(demo_path)
    timeline.put(Event(FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day"), "New"))
    save_view(timeline, "Drugs", EventFilter(tags=("drugs",), start=date(2026, 1, 1)))
    timeline.snapshot()
    data = json.loads(demo_path.read_text())
    written = {
        table: {doc["id"]: doc for doc in data[table].values()}
        for table in (*RECORD_TABLES, "tombstones", "conflicts", "views")
    }
    assert written == timeline.all_docs()
