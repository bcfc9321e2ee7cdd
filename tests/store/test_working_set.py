"""The working set (issue 17): exclusion filters, saved views, bulk tags and
the order of events within a day, in the store and its formats."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes import (
    TagEdit,
    UnknownViewError,
    delete_view,
    find_view,
    move_in_day,
    save_view,
    saved_views,
    tag_events,
)
from dateline.store.errors import DatelineError
from dateline.store.formats.csvfmt import dumps_csv, read_csv
from dateline.store.formats.native import (
    ImportFormatError,
    dumps_native,
    import_native,
)
from dateline.store.model import Event, FuzzyDate, ShapeError
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline

JAN_9 = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")


def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def same_day(timeline: Timeline) -> list[Event]:
    """Three events on 9 Jan 2026 whose titles' alphabet is A, B, C."""
    events = [
        Event(JAN_9, title, id=f"ev-{title[0].lower()}")
        for title in ("Alpha", "Bravo", "Charlie")
    ]
    with timeline.change() as tx:
        tx.put(*events)
    return events


# -- exclusion filters -------------------------------------------------------
def test_not_actor_leaves_out_every_event_with_that_actor(demo: Timeline) -> None:
    shown = demo.events(EventFilter(not_actors=("ac-trump",)))
    assert ids(shown) == ["ev-sanctions", "ev-petro-leaves-office"]
    assert all("ac-trump" not in e.actor_ids for e in shown)


def test_not_tag_is_folded_and_combines_with_wanted_actors(demo: Timeline) -> None:
    flt = EventFilter(actors=("ac-petro",), not_tags=("DIPLOMACY",))
    assert ids(demo.events(flt)) == [
        "ev-visa-suspension",
        "ev-sanctions",
        "ev-maduro-op",
        "ev-petro-leaves-office",
    ]


def test_filter_doc_round_trips_and_leaves_out_the_selection() -> None:
    flt = EventFilter(
        actors=("ac-petro", "ac-trump"),
        match="any",
        start=date(2025, 1, 1),
        end=date(2026, 1, 31),
        text="visit",
        tags=("diplomacy",),
        status="expected",
        ids=frozenset({"ev-x"}),
        not_actors=("ac-lula",),
        not_tags=("drugs",),
    )
    doc = flt.to_doc()
    assert "ids" not in doc
    assert EventFilter.from_doc(json.loads(json.dumps(doc))) == EventFilter(
        **{**flt.__dict__, "ids": None}
    )
    assert EventFilter().to_doc() == {}


@pytest.mark.parametrize(
    ("doc", "named"),
    [
        ({"tags": "drugs"}, '"tags"'),
        ({"not_actors": [1]}, '"not_actors"'),
        ({"start": "2026-13-01"}, '"start"'),
        ({"match": "some"}, '"match"'),
        ({"status": "rumoured"}, '"status"'),
        ({"colour": "red"}, '"colour"'),
        ([], "object"),
    ],
)
def test_a_hostile_filter_doc_is_refused_naming_the_field(
    doc: object, named: str
) -> None:
    with pytest.raises(ShapeError, match=named):
        EventFilter.from_doc(doc)


# -- saved views ---------------------------------------------------------------
def test_a_saved_view_survives_reopening_and_names_are_case_blind(
    demo_path: Path,
) -> None:
    flt = EventFilter(actors=("ac-petro",), not_tags=("diplomacy",))
    with Timeline.open(demo_path) as timeline:
        save_view(timeline, "Petro  without diplomacy", flt)
    with Timeline.open(demo_path) as timeline:
        view = find_view(timeline, "petro without DIPLOMACY")
        assert view.name == "Petro without diplomacy"
        assert view.event_filter == flt
        assert len(timeline.events(view.event_filter)) == 4


def test_saving_a_name_again_replaces_the_view(demo: Timeline) -> None:
    save_view(demo, "mine", EventFilter(tags=("drugs",)))
    save_view(demo, "Mine", EventFilter(tags=("visas",)))
    assert [(v.name, v.event_filter.tags) for v in saved_views(demo)] == [
        ("Mine", ("visas",))
    ]


def test_an_unknown_view_lists_the_views_there_are(demo: Timeline) -> None:
    with pytest.raises(UnknownViewError, match="has no saved views"):
        find_view(demo, "kurds")
    save_view(demo, "Drugs", EventFilter(tags=("drugs",)))
    save_view(demo, "Brazil", EventFilter(tags=("brazil",)))
    with pytest.raises(UnknownViewError) as caught:
        find_view(demo, "kurds")
    assert 'No view called "kurds"' in str(caught.value)
    assert 'Views here: "Brazil", "Drugs".' in str(caught.value)


def test_an_empty_view_name_is_refused(demo: Timeline) -> None:
    with pytest.raises(DatelineError, match="needs a name"):
        save_view(demo, "   ", EventFilter(tags=("drugs",)))
    assert saved_views(demo) == []


def test_deleting_a_view_is_one_undo_step_and_durable(demo_path: Path) -> None:
    with Timeline.open(demo_path) as timeline:
        save_view(timeline, "Drugs", EventFilter(tags=("drugs",)))
        delete_view(timeline, "drugs")
        assert saved_views(timeline) == []
        timeline.undo()
        assert [v.name for v in saved_views(timeline)] == ["Drugs"]
        timeline.redo()
    with Timeline.open(demo_path) as timeline:
        assert saved_views(timeline) == []


def test_a_view_saved_by_another_process_arrives_through_the_journal(
    demo_path: Path,
) -> None:
    reader = Timeline.open(demo_path)
    try:
        with Timeline.open(demo_path) as writer:
            save_view(writer, "Drugs", EventFilter(tags=("drugs",)))
        assert reader.refresh()
        assert [v.name for v in saved_views(reader)] == ["Drugs"]
    finally:
        reader.close()


def test_a_file_from_before_views_opens_with_none(demo_path: Path) -> None:
    data = json.loads(demo_path.read_text())
    data.pop("views", None)
    for doc in data["events"].values():
        doc.pop("order", None)
    demo_path.write_text(json.dumps(data))
    with Timeline.open(demo_path) as timeline:
        assert saved_views(timeline) == []
        assert {e.order for e in timeline.events()} == {0}
        save_view(timeline, "Drugs", EventFilter(tags=("drugs",)))
    with Timeline.open(demo_path) as timeline:
        assert [v.name for v in saved_views(timeline)] == ["Drugs"]


def test_a_damaged_view_in_the_file_is_named_not_a_traceback(demo_path: Path) -> None:
    from dateline.store.errors import TimelineFileError

    data = json.loads(demo_path.read_text())
    data["views"] = {"1": {"id": "view:x", "name": "x", "filter": {"tags": 3}}}
    demo_path.write_text(json.dumps(data))
    with pytest.raises(TimelineFileError, match='"tags" must be a list'):
        Timeline.open(demo_path)


# -- bulk tags -------------------------------------------------------------------
def test_tag_edit_reads_adds_and_removals() -> None:
    edit = TagEdit.read("checked, #kurds, -Draft, checked")
    assert edit == TagEdit(("checked", "kurds"), ("Draft",))
    with pytest.raises(DatelineError, match="-tag"):
        TagEdit.read(" , - ")


def test_bulk_tag_is_one_undo_step(demo: Timeline) -> None:
    events = [demo.event("ev-sanctions"), demo.event("ev-announcement")]
    changed = tag_events(demo, events, TagEdit(("checked",), ("DRUGS",)))
    assert [e.tags for e in changed] == [
        ("sanctions", "checked"),
        ("diplomacy", "checked"),
    ]
    assert demo.event("ev-sanctions").tags == ("sanctions", "checked")
    demo.undo()
    assert demo.event("ev-sanctions").tags == ("sanctions", "drugs")
    assert demo.event("ev-announcement").tags == ("diplomacy", "drugs")


def test_bulk_tag_leaves_events_that_have_the_tags_alone(demo: Timeline) -> None:
    event = demo.event("ev-phone-call")
    assert tag_events(demo, [event], TagEdit(("Diplomacy",))) == []
    assert demo.event("ev-phone-call").rev == event.rev


# -- order within a day ------------------------------------------------------------
def test_same_day_events_follow_their_order_not_the_alphabet(db_path: Path) -> None:
    with Timeline.open(db_path) as timeline:
        c = same_day(timeline)[2]
        assert ids(timeline.events()) == ["ev-a", "ev-b", "ev-c"]
        assert move_in_day(timeline, c, -1) == "moved"
        assert ids(timeline.events()) == ["ev-a", "ev-c", "ev-b"]
        assert move_in_day(timeline, timeline.event("ev-c"), -1) == "moved"
        assert ids(timeline.events()) == ["ev-c", "ev-a", "ev-b"]
        assert move_in_day(timeline, timeline.event("ev-c"), -1) == "first"
        assert move_in_day(timeline, timeline.event("ev-b"), 1) == "last"
        # One undo step per move.
        timeline.undo()
        assert ids(timeline.events()) == ["ev-a", "ev-c", "ev-b"]
    with Timeline.open(db_path) as timeline:
        assert ids(timeline.events()) == ["ev-a", "ev-c", "ev-b"]
        assert [timeline.event(i).order for i in ("ev-a", "ev-c", "ev-b")] == [1, 2, 3]


def test_order_applies_within_one_precision_only(db_path: Path) -> None:
    month = FuzzyDate(date(2026, 1, 1), date(2026, 1, 31), "month")
    first = FuzzyDate(date(2026, 1, 1), date(2026, 1, 1), "day")
    with Timeline.open(db_path) as timeline, timeline.change() as tx:
        tx.put(Event(month, "Z month", id="ev-month", order=99))
        tx.put(Event(first, "A day", id="ev-day"))
    with Timeline.open(db_path) as timeline:
        # Coarser before finer on one start still comes first.
        assert ids(timeline.events()) == ["ev-month", "ev-day"]
        assert move_in_day(timeline, timeline.event("ev-day"), -1) == "alone"


def test_native_export_carries_order_and_views_losslessly(tmp_path: Path) -> None:
    source = Timeline.open(tmp_path / "a.json")
    same_day(source)
    move_in_day(source, source.event("ev-c"), -1)
    save_view(source, "Not Bravo", EventFilter(not_tags=("x",), text="a"))
    exported = json.loads(dumps_native(source))
    target = Timeline.open(tmp_path / "b.json")
    report = import_native(target, exported)
    assert report.views == 1
    assert ids(target.events()) == ids(source.events()) == ["ev-a", "ev-c", "ev-b"]
    assert {e.id: e.to_doc() for e in target.events()} == {
        e.id: e.to_doc() for e in source.events()
    }
    assert saved_views(target) == saved_views(source)
    # Importing the same file again adds nothing.
    assert import_native(target, exported).nothing_new
    source.close()
    target.close()


def test_native_import_refuses_a_hostile_view(demo: Timeline) -> None:
    data = {"format": "dateline", "schema": 2, "views": [{"id": "v", "name": ""}]}
    with pytest.raises(ImportFormatError, match="views item 1"):
        import_native(demo, data)


def test_an_imported_view_follows_the_actors_matched_here(tmp_path: Path) -> None:
    from dateline.store.model import Actor

    source = Timeline.open(tmp_path / "a.json")
    with source.change() as tx:
        tx.put(Actor("Gustavo Petro", id="ac-theirs"))
    save_view(source, "No Petro", EventFilter(not_actors=("ac-theirs",)))
    target = Timeline.open(tmp_path / "b.json")
    with target.change() as tx:
        tx.put(Actor("Gustavo Petro", id="ac-ours"))
    import_native(target, json.loads(dumps_native(source)))
    assert find_view(target, "no petro").event_filter.not_actors == ("ac-ours",)
    source.close()
    target.close()


def test_csv_carries_the_order_within_a_day(db_path: Path) -> None:
    with Timeline.open(db_path) as timeline:
        same_day(timeline)
        move_in_day(timeline, timeline.event("ev-c"), -1)
        text = dumps_csv(timeline, timeline.events())
    rows = list(csv.reader(io.StringIO(text)))
    column = rows[0].index("order")
    batch = read_csv(text, "t.csv", date(2026, 1, 10))
    assert [(e.title, e.order) for e in batch.events] == [
        ("Alpha", 1),
        ("Charlie", 2),
        ("Bravo", 3),
    ]
    first = next(row for row in rows[1:] if row[column] == "1")
    first[column] = "first"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    bad = out.getvalue()
    problems = read_csv(bad, "t.csv", date(2026, 1, 10)).problems
    assert problems and 'order "first" is not a whole number' in problems[0]


def test_the_folder_export_carries_views(tmp_path: Path) -> None:
    from dateline.store.formats.folder import read_folder, write_folder

    source = Timeline.open(tmp_path / "a.json")
    save_view(source, "Drugs", EventFilter(tags=("drugs",)))
    write_folder(source, tmp_path / "dir")
    target = Timeline.open(tmp_path / "b.json")
    import_native(target, read_folder(tmp_path / "dir"))
    assert saved_views(target) == saved_views(source)
    delete_view(source, "drugs")
    write_folder(source, tmp_path / "dir")
    assert not (tmp_path / "dir" / "views").exists() or not any(
        (tmp_path / "dir" / "views").iterdir()
    )
    source.close()
    target.close()
