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
from dateline.store.errors import TimelineFileError
from dateline.store.model import Actor, Event, FuzzyDate, Quote, Source
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


def test_a_record_the_typed_decoder_refuses_is_read_by_from_doc(
    demo_path: Path,
) -> None:
    """``approximate: 1`` is not a JSON bool, but from_doc has always taken
    it: the file opens as before, through the slow path."""
    path = _snapshotted(demo_path)
    _edit_events(path, lambda doc: doc["when"].update(approximate=1))
    timeline = Timeline.open(path)
    assert all(event.when.approximate for event in timeline.events())


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc["when"].update(end="1999-01-01"),
        lambda doc: doc["when"].update(precision="fortnight"),
        lambda doc: doc.pop("title"),
        lambda doc: doc["when"].update(start="the day after"),
    ],
    ids=["end-before-start", "unknown-precision", "no-title", "unreadable-date"],
)
def test_a_damaged_record_is_a_clear_error_naming_it(
    demo_path: Path, damage: Any
) -> None:
    path = _snapshotted(demo_path)
    _edit_events(path, damage)
    before = path.read_bytes()
    with pytest.raises(TimelineFileError, match=r"the event ev-\S+ is damaged"):
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
