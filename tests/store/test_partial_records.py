"""Events and quotes made in part at open and finished on first use (issue
19): what makes the open cheaper than building every record, asserted as
structure, and that a partial record behaves as the whole one in every way
the API and the file can tell."""

from __future__ import annotations

import dataclasses
import json
import threading
from datetime import date
from pathlib import Path

import pytest
from dateline.store import partial
from dateline.store.model import ActorRef, Event, FuzzyDate, Quote
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline


def _snapshotted(path: Path) -> Path:
    Timeline.open(path).snapshot()
    return path


def _whole(timeline: Timeline, event_id: str) -> Event:
    """The same event made whole, straight from its document."""
    doc = timeline.doc("events", event_id)
    assert doc is not None
    return Event.from_doc(doc)


def test_an_open_makes_every_event_and_quote_in_part(demo_path: Path) -> None:
    timeline = Timeline.open(_snapshotted(demo_path))
    events = list(timeline.events_by_id.values())
    quotes = list(timeline.quotes_by_id.values())
    assert events and quotes
    assert all(partial.is_partial(e) for e in events)
    assert all(partial.is_partial(q) for q in quotes)
    # What the list, its layout and marks read leaves them partial.
    read = [
        (e.when, e.title, e.id, e.status, e.origin, e.actors, e.quotes, e.tags)
        for e in timeline.events()
    ]
    assert len(read) == len(events)
    assert all(partial.is_partial(e) for e in events)


def test_reading_another_field_finishes_the_record_once(demo_path: Path) -> None:
    timeline = Timeline.open(_snapshotted(demo_path))
    event = timeline.event("ev-maduro-op")
    summary = event.summary
    assert not partial.is_partial(event)
    assert summary == _whole(timeline, event.id).summary
    assert event.summary is summary
    assert "_doc" not in vars(event) and "_finish" not in vars(event)


def test_a_partial_event_is_the_whole_event(demo_path: Path) -> None:
    path = _snapshotted(demo_path)
    for event_id in Timeline.open(path).events_by_id:
        # A fresh open for each side, so each record starts partial.
        left = Timeline.open(path).event(event_id)
        right = Timeline.open(path).event(event_id)
        whole = Event.from_doc(left.to_doc())
        assert partial.is_partial(right)
        assert right == whole and whole == right
        assert hash(Timeline.open(path).event(event_id)) == hash(whole)
        assert repr(right) == repr(whole)
        assert type(right) is Event
        for spec in dataclasses.fields(Event):
            assert getattr(right, spec.name) == getattr(whole, spec.name)


def test_a_partial_record_stays_frozen(demo_path: Path) -> None:
    timeline = Timeline.open(_snapshotted(demo_path))
    event = timeline.event("ev-maduro-op")
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.summary = "changed"  # type: ignore[misc]  # the point: refused
    assert partial.is_partial(event)


def test_replace_of_a_partial_event_is_whole(demo_path: Path) -> None:
    timeline = Timeline.open(_snapshotted(demo_path))
    event = timeline.event("ev-maduro-op")
    changed = dataclasses.replace(event, title="Renamed")
    assert not partial.is_partial(changed)
    assert changed.to_doc() == {**event.to_doc(), "title": "Renamed"}
    timeline.put(changed)
    assert Timeline.open(demo_path).event(event.id).title == "Renamed"


def test_a_snapshot_of_partial_records_keeps_every_field(demo_path: Path) -> None:
    """msgspec writes a dataclass from its ``__dict__``: a partial record
    must be written from its document, or the fields not made would go."""
    path = _snapshotted(demo_path)
    expected = Timeline.open(path).all_docs()
    timeline = Timeline.open(path)
    assert all(partial.is_partial(e) for e in timeline.events_by_id.values())
    timeline.snapshot()
    # Written from their slices: no record was finished to be saved.
    assert all(partial.is_partial(e) for e in timeline.events_by_id.values())
    data = json.loads(path.read_text("utf-8"))
    for table in ("events", "quotes"):
        written = {doc["id"]: doc for doc in data[table].values()}
        assert written == expected[table]


def test_an_open_builds_the_actor_and_tag_links_on_first_use(
    demo_path: Path,
) -> None:
    timeline = Timeline.open(_snapshotted(demo_path))
    index = timeline._records._index
    assert not index.linked
    assert timeline.events()  # the list needs only the order
    assert not index.linked
    actor = timeline.event("ev-maduro-op").actors[0].actor
    found = timeline.events(EventFilter(actors=(actor,)))
    assert index.linked
    assert {e.id for e in found} == {
        e.id for e in Timeline.open(demo_path).events() if actor in e.actor_ids
    }


def test_changes_before_the_links_are_built_are_in_them(demo_path: Path) -> None:
    timeline = Timeline.open(_snapshotted(demo_path))
    event = timeline.event("ev-maduro-op")
    call = timeline.event("ev-phone-call")
    other = next(a for a in timeline.actors() if a.id not in call.actor_ids)
    timeline.put(dataclasses.replace(event, actors=(), tags=("fresh-tag",)))
    timeline.put(dataclasses.replace(call, actors=(*call.actors, ActorRef(other.id))))
    assert not timeline._records._index.linked
    by_tag = timeline.events(EventFilter(tags=("fresh-tag",)))
    assert [e.id for e in by_tag] == [event.id]
    for ref in event.actors:
        ids = {e.id for e in timeline.events(EventFilter(actors=(ref.actor,)))}
        assert event.id not in ids
    with_other = timeline.events(EventFilter(actors=(other.id,)))
    assert call.id in {e.id for e in with_other}
    assert timeline.actor_event_count(other.id) == len(
        [e for e in timeline.events() if other.id in e.actor_ids]
    )


def test_records_finished_on_two_threads_agree(demo_path: Path) -> None:
    timeline = Timeline.open(_snapshotted(demo_path))
    events = list(timeline.events_by_id.values())
    seen: list[list[str]] = []

    def read() -> None:
        seen.append([e.summary for e in events])

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(s == seen[0] for s in seen)
    assert not any(partial.is_partial(e) for e in events)


def test_prepared_search_finishes_no_record(demo_path: Path) -> None:
    """The search text of every event is folded from the partial records'
    slices: finishing them all would undo what they save in memory."""
    timeline = Timeline.open(_snapshotted(demo_path))
    whole = Timeline.open(demo_path)
    timeline.prepare_search()
    assert timeline._records._index.linked
    assert all(partial.is_partial(e) for e in timeline.events_by_id.values())
    assert all(partial.is_partial(q) for q in timeline.quotes_by_id.values())
    for event in whole.events():
        for word in (event.summary, event.place):
            if word:
                hits = timeline.events(EventFilter(text=word))
                assert event.id in {e.id for e in hits}


def test_whole_records_are_untouched_by_the_descriptors() -> None:
    """Class access keeps the dataclass default; a whole record reads its
    own fields (never a descriptor)."""
    assert Event.summary == ""
    assert Quote.speaker is None
    with pytest.raises(AttributeError):
        Event.created  # noqa: B018  # a default_factory field has no class value
    day = date(2026, 1, 9)
    event = Event(FuzzyDate(day, day, "day"), "T")
    assert not partial.is_partial(event)
    assert vars(event)["summary"] == ""


def test_a_partial_quote_is_the_whole_quote(demo_path: Path) -> None:
    path = _snapshotted(demo_path)
    timeline = Timeline.open(path)
    for quote in timeline.quotes_by_id.values():
        assert partial.is_partial(quote)
        whole = Quote.from_doc(Timeline.open(path).quotes_by_id[quote.id].to_doc())
        for spec in dataclasses.fields(Quote):
            assert getattr(quote, spec.name) == getattr(whole, spec.name)
        assert quote == whole and type(quote) is Quote


def test_a_partial_record_holds_exactly_its_eager_fields(demo_path: Path) -> None:
    """The builder's loop and the declared eager fields agree: a field in
    the loop but not declared would shadow nothing; one declared but not in
    the loop would read as missing."""
    from dateline.store.decode import EVENT_EAGER, QUOTE_EAGER

    timeline = Timeline.open(_snapshotted(demo_path))
    kept = {partial.DOC, partial.FINISH}
    for eager, records in (
        (EVENT_EAGER, timeline.events_by_id.values()),
        (QUOTE_EAGER, timeline.quotes_by_id.values()),
    ):
        for record in records:
            assert set(vars(record)) == {*eager, *kept}


def test_the_fact_checkers_filters_finish_no_record(demo_path: Path) -> None:
    """Starred, disputed, not disputed, a verification status and "as of"
    read the star, claims, verification, sources and creation stamp of
    every event: made at open, so the first such filter at 100k events does
    not finish every record."""
    from dateline.store.evidence import events_as_of

    timeline = Timeline.open(_snapshotted(demo_path))
    events = list(timeline.events_by_id.values())
    for flt in (
        EventFilter(starred_only=True),
        EventFilter(disputed_only=True),
        EventFilter(not_disputed=True),
        EventFilter(verification="confirmed"),
    ):
        timeline.events(flt)
    events_as_of(timeline, None, date(2026, 1, 9))
    assert all(partial.is_partial(e) for e in events)
