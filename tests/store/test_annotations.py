"""Notes, star and links on events: saved, undone, carried and merged."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes.annotations import (
    AnnotationError,
    add_link,
    add_note,
    delete_link,
    delete_note,
    links_of,
    set_star,
)
from dateline.store.changes.review import merge_event
from dateline.store.disk.check import check_file
from dateline.store.errors import ConflictError
from dateline.store.formats.merge import merge_records
from dateline.store.formats.native import dumps_native, parse_native
from dateline.store.linking import LinkKindError, link_kind
from dateline.store.model import Event, FuzzyDate, Link, Note, ShapeError
from dateline.store.timeline import Timeline


def _day(n: int) -> FuzzyDate:
    return FuzzyDate(date(2026, 1, n), date(2026, 1, n), "day")


@pytest.fixture
def timeline(tmp_path: Path) -> Timeline:
    tl = Timeline.open(tmp_path / "t.json", author="ana")
    tl.put(
        Event(_day(7), "Strike on Caracas", id="ev-a"),
        Event(_day(8), "Petro condemns the strike", id="ev-b"),
        Event(_day(9), "Call between Trump and Petro", id="ev-c"),
    )
    return tl


def test_notes_are_added_by_the_author_listed_and_deleted(timeline: Timeline) -> None:
    add_note(timeline, "ev-a", "  check the hour with AFP ")
    saved = add_note(timeline, "ev-a", "Reuters says 2 am")
    assert [n.text for n in saved.notes] == [
        "check the hour with AFP",
        "Reuters says 2 am",
    ]
    assert {n.author for n in saved.notes} == {"ana"}
    assert all(n.at.endswith("+00:00") for n in saved.notes)
    event, gone = delete_note(timeline, "ev-a", 1)
    assert gone.text == "check the hour with AFP"
    assert [n.text for n in event.notes] == ["Reuters says 2 am"]
    with pytest.raises(AnnotationError, match="numbered 1 to 1"):
        delete_note(timeline, "ev-a", 5)
    with pytest.raises(AnnotationError, match="needs some text"):
        add_note(timeline, "ev-a", "   ")


def test_each_annotation_is_one_undo_step(timeline: Timeline) -> None:
    add_note(timeline, "ev-a", "one")
    set_star(timeline, "ev-a", True)
    add_link(timeline, "ev-b", "responds to", "ev-a")
    timeline.undo()
    assert timeline.event("ev-b").links == ()
    timeline.undo()
    assert not timeline.event("ev-a").starred
    timeline.undo()
    assert timeline.event("ev-a").notes == ()


def test_a_stale_copy_is_refused(timeline: Timeline) -> None:
    shown = timeline.event("ev-a")
    add_note(timeline, "ev-a", "first")
    with pytest.raises(ConflictError):
        add_note(timeline, "ev-a", "second", loaded=shown)
    assert [n.text for n in timeline.event("ev-a").notes] == ["first"]


def test_links_read_both_ways_and_deleting_an_end_drops_them(
    timeline: Timeline,
) -> None:
    add_link(timeline, "ev-a", "causes", "ev-b")
    add_link(timeline, "ev-c", "follows", "ev-b")
    seen = links_of(timeline, timeline.event("ev-b"))
    assert sorted((s.label, s.other_id, s.outgoing) for s in seen) == [
        ("caused by", "ev-a", False),
        ("followed by", "ev-c", False),
    ]
    timeline.delete_event("ev-b")
    assert timeline.event("ev-a").links == ()
    assert timeline.event("ev-c").links == ()
    timeline.undo()  # one step: the event and the links come back together
    assert timeline.event("ev-a").links == (Link("causes", "ev-b"),)
    with pytest.raises(AnnotationError, match="itself"):
        add_link(timeline, "ev-a", "causes", "ev-a")
    with pytest.raises(AnnotationError, match="No event"):
        add_link(timeline, "ev-a", "causes", "ev-zz")
    event, gone = delete_link(timeline, "ev-a", 1)
    assert gone == Link("causes", "ev-b") and event.links == ()


def test_link_kinds_are_read_from_words() -> None:
    assert link_kind("Responds-To") == "responds to"
    assert link_kind("same_as") == "same as"
    with pytest.raises(LinkKindError, match="follows, causes"):
        link_kind("blames")


def test_same_as_merge_carries_notes_star_and_links(timeline: Timeline) -> None:
    add_note(timeline, "ev-b", "on b")
    set_star(timeline, "ev-b", True)
    add_link(timeline, "ev-c", "responds to", "ev-b")
    add_link(timeline, "ev-a", "same as", "ev-b")
    merged = merge_event(timeline, "ev-b", "ev-a")
    assert "ev-b" not in timeline.events_by_id
    assert merged.starred and [n.text for n in merged.notes] == ["on b"]
    assert merged.links == ()  # "same as" itself would point at itself
    assert timeline.event("ev-c").links == (Link("responds to", "ev-a"),)


def test_a_dangling_link_opens_and_shows_as_missing(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Timeline.open(path) as tl:
        tl.put(Event(_day(7), "A", id="ev-a", links=(Link("causes", "ev-gone"),)))
        tl.snapshot()
    with Timeline.open(path) as tl:
        (shown,) = links_of(tl, tl.event("ev-a"))
        assert shown.other is None and shown.other_id == "ev-gone"
    (problem,) = check_file(path)
    assert "links (causes) to missing event ev-gone" in str(problem)


def test_native_round_trip_and_older_files(timeline: Timeline, tmp_path: Path) -> None:
    add_note(timeline, "ev-a", "note")
    set_star(timeline, "ev-a", True)
    add_link(timeline, "ev-a", "contradicts", "ev-b")
    data = json.loads(dumps_native(timeline))
    records = parse_native(data, "x")
    by_id = {e.id: e for e in records["events"]}
    assert by_id["ev-a"] == timeline.event("ev-a")
    assert by_id["ev-a"].notes[0].author == "ana"
    old = {k: v for k, v in timeline.event("ev-b").to_doc().items()}
    for name in ("starred", "notes", "links"):
        del old[name]
    assert Event.from_doc(old) == timeline.event("ev-b")


def test_snapshot_and_fast_path_keep_them(timeline: Timeline, tmp_path: Path) -> None:
    add_note(timeline, "ev-a", "note")
    set_star(timeline, "ev-a", True)
    add_link(timeline, "ev-a", "same as", "ev-b")
    expected = timeline.event("ev-a")
    timeline.snapshot()
    timeline.close()
    with Timeline.open(tmp_path / "t.json") as again:
        assert again.event("ev-a") == expected
        assert again.event("ev-a").notes == expected.notes


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("starred", "yes", "starred"),
        ("notes", [{"author": "x"}], "text"),
        ("links", [{"kind": "blames", "event": "ev-b"}], "kind"),
        ("links", [{"kind": "causes", "event": ""}], "event"),
        ("notes", "a note", "list"),
    ],
)
def test_damaged_annotations_are_named(field: str, value: object, message: str) -> None:
    doc = Event(_day(7), "A").to_doc()
    doc[field] = value
    with pytest.raises(ShapeError, match=message):
        Event.from_doc(doc)


def test_a_note_added_on_each_copy_keeps_both(tmp_path: Path) -> None:
    base = Timeline.memory(author="ana")
    base.put(Event(_day(7), "A", id="ev-a"))
    theirs_file = tmp_path / "theirs.json"
    theirs = Timeline.memory(author="bo")
    merge_records(theirs, events=list(base.events_by_id.values()), actors=[])
    add_note(base, "ev-a", "ours")
    add_note(theirs, "ev-a", "theirs")
    set_star(theirs, "ev-a", True)
    theirs_file.write_text(dumps_native(theirs))
    records = parse_native(json.loads(theirs_file.read_text()), "theirs")
    report = merge_records(base, events=records["events"], actors=[])
    assert not report.conflicts
    event = base.event("ev-a")
    assert sorted(n.text for n in event.notes) == ["ours", "theirs"]
    assert event.starred
    # And back: their side takes ours as the newer copy, no conflict.
    back = merge_records(theirs, events=[event], actors=[])
    assert not back.conflicts and theirs.event("ev-a").notes == event.notes


def test_a_real_conflict_is_still_one(tmp_path: Path) -> None:
    base = Timeline.memory(author="ana")
    base.put(Event(_day(7), "A", id="ev-a"))
    theirs = Timeline.memory(author="bo")
    merge_records(theirs, events=list(base.events_by_id.values()), actors=[])
    add_note(base, "ev-a", "ours")
    changed = replace(theirs.event("ev-a"), title="B", notes=(Note("x"),))
    theirs.put(changed)
    report = merge_records(base, events=[theirs.event("ev-a")], actors=[])
    assert report.conflicts


def test_csv_carries_the_star_for_new_events_and_keeps_ours_on_update(
    timeline: Timeline,
) -> None:
    from dateline.store.formats.csvfmt import dumps_csv, read_csv

    set_star(timeline, "ev-a", True)
    text = dumps_csv(timeline, timeline.events())
    assert "starred" in text.splitlines()[0].split(",")
    batch = read_csv(text, "x.csv", date(2026, 1, 10))
    assert {e.id: e.starred for e in batch.events} == {
        "ev-a": True,
        "ev-b": False,
        "ev-c": False,
    }
    bad = read_csv(text.replace(",yes,", ",maybe,", 1), "x.csv", date(2026, 1, 10))
    assert any('starred "maybe" should be yes or no' in p for p in bad.problems)


def test_rejecting_extracted_events_drops_links_to_them(timeline: Timeline) -> None:
    from dateline.store.changes.review import reject_events

    add_link(timeline, "ev-c", "follows", "ev-a")
    add_link(timeline, "ev-c", "responds to", "ev-b")
    add_link(timeline, "ev-a", "causes", "ev-b")
    reject_events(timeline, ["ev-a", "ev-b"])
    assert timeline.event("ev-c").links == ()
