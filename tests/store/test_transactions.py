"""`with timeline.change() as tx:` is the only way to change a timeline.

One block is one journal entry and one undo step; a block that raises leaves
memory, journal and file as they were; a change outside a block, or a block
inside another, is refused; the record maps callers see cannot be written.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dateline.store.errors import ConflictError
from dateline.store.model import Actor, Event, FuzzyDate, Quote, Source
from dateline.store.timeline import Timeline, Transaction, TransactionError

FRIDAY = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day", "last Friday")


class Boom(Exception):
    """Raised inside a block, as any caller's bug or validation might."""


def on_disk(folder: Path) -> dict[str, bytes]:
    """Every file the timeline keeps, but the lock (locking creates it)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


def test_a_block_that_raises_changes_nothing(demo_path: Path) -> None:
    timeline = Timeline.open(demo_path)
    timeline.put(replace(timeline.event("ev-sanctions"), title="journalled"))
    memory = timeline.all_docs()
    files = on_disk(demo_path.parent)
    version, journal = timeline.version, timeline.pending_journal
    with pytest.raises(Boom), timeline.change() as tx:
        tx.put(Event(id="ev-new", when=FRIDAY, title="Never saved"))
        tx.put(replace(timeline.event("ev-phone-call"), title="Nor this"))
        tx.delete(timeline.event("ev-announcement"))
        raise Boom
    assert timeline.all_docs() == memory
    assert "ev-new" not in timeline.events_by_id
    assert timeline.event("ev-phone-call").title != "Nor this"
    assert timeline.events(), "the index still answers"
    assert (timeline.version, timeline.pending_journal) == (version, journal)
    assert on_disk(demo_path.parent) == files
    assert Timeline.open(demo_path).all_docs() == memory
    # The one undo step is still the put before the failed block.
    assert timeline.undo() is not None and not timeline.can_undo


def test_a_block_is_one_journal_entry_and_one_undo_step(demo_path: Path) -> None:
    timeline = Timeline.open(demo_path)
    before = timeline.all_docs()
    journal = timeline.pending_journal
    actor = Actor(name="Delcy Rodríguez")
    source = Source(title="Statement", outlet="Gaceta")
    event = Event(when=FRIDAY, title="Talks", actors=(), sources=(source.id,))
    quote = Quote(text="We will talk.", speaker=actor.id, event=event.id)
    shown = timeline.event("ev-phone-call")
    with timeline.change() as tx:
        tx.put(actor, source, replace(event, quotes=(quote.id,)), quote)
        tx.update(shown, replace(shown, title="Phone call, edited"))
        tx.delete(timeline.event("ev-visa-suspension"))
        # Reads inside the block still see the timeline as it was.
        assert actor.id not in timeline.actors_by_id
    assert timeline.pending_journal == journal + 1
    assert timeline.quotes(event=event.id) == [quote]
    assert timeline.event("ev-phone-call").title == "Phone call, edited"
    reopened = Timeline.open(demo_path)
    assert reopened.all_docs() == timeline.all_docs()
    assert "ev-visa-suspension" not in reopened.events_by_id

    undone = timeline.undo()
    assert undone is not None and len(undone) == 6
    assert timeline.all_docs() == before and not timeline.can_undo
    assert Timeline.open(demo_path).all_docs() == before
    timeline.redo()
    assert timeline.all_docs() == reopened.all_docs()


def test_a_record_touched_twice_in_a_block_is_one_change(demo: Timeline) -> None:
    original = demo.event("ev-sanctions")
    temporary = Event(when=FRIDAY, title="Put, then deleted")
    with demo.change() as tx:
        tx.put(replace(original, title="first"))
        tx.put(replace(original, title="second"))
        tx.put(temporary)
        tx.delete(temporary)
        assert len(tx.changes) == 1
    assert demo.event("ev-sanctions").title == "second"
    assert temporary.id not in demo.events_by_id
    demo.undo()
    assert demo.event("ev-sanctions") == original


def test_a_stale_update_refuses_the_whole_block(demo_path: Path) -> None:
    first = Timeline.open(demo_path)
    second = Timeline.open(demo_path)
    shown = first.event("ev-sanctions")
    second.put(replace(shown, title="Changed by the other window"))
    with pytest.raises(ConflictError, match="changed elsewhere"), first.change() as tx:
        tx.put(Event(id="ev-mine", when=FRIDAY, title="Mine"))
        tx.update(shown, replace(shown, title="Mine too"))
    assert "ev-mine" not in first.events_by_id
    assert first.event("ev-sanctions").title == "Changed by the other window"
    assert "ev-mine" not in Timeline.open(demo_path).events_by_id
    assert not first.can_undo


def test_update_of_two_different_records_is_refused(demo: Timeline) -> None:
    refused = pytest.raises(TransactionError, match="new version of itself")
    with refused, demo.change() as tx:
        tx.update(demo.event("ev-sanctions"), demo.event("ev-phone-call"))


def test_a_change_outside_a_block_is_refused(demo: Timeline) -> None:
    before = demo.all_docs()
    with demo.change() as kept:
        pass
    with pytest.raises(TransactionError, match=r"timeline\.change\(\)"):
        kept.put(Event(when=FRIDAY, title="Too late"))
    with pytest.raises(TransactionError, match=r"timeline\.change\(\)"):
        kept.delete(demo.event("ev-sanctions"))
    loose = Transaction(demo.doc)
    loose.put(Event(when=FRIDAY, title="Never in a block"))
    with pytest.raises(TransactionError, match=r"timeline\.change\(\)"):
        demo._commit(loose, undoable=True)
    assert not hasattr(demo, "commit")
    assert demo.all_docs() == before and not demo.can_undo


def test_nested_blocks_are_refused_and_the_outer_one_still_commits(
    demo: Timeline,
) -> None:
    outer_event = Event(when=FRIDAY, title="Outer")
    with demo.change() as tx:
        tx.put(outer_event)
        nested = pytest.raises(TransactionError, match="do not nest")
        with nested, demo.change() as inner:
            inner.put(Event(when=FRIDAY, title="Inner"))
        with pytest.raises(TransactionError, match="do not nest"):
            demo.put(Event(when=FRIDAY, title="Inner put"))
        with pytest.raises(TransactionError, match="do not nest"):
            demo.delete_event("ev-sanctions")
    assert [e.title for e in demo.events() if e.when == FRIDAY] == ["Outer"]
    assert "ev-sanctions" in demo.events_by_id
    demo.undo()
    assert outer_event.id not in demo.events_by_id and not demo.can_undo


def test_another_threads_block_waits_instead_of_failing(demo: Timeline) -> None:
    theirs = Event(when=FRIDAY, title="From a worker")
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            demo.put(theirs)
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)

    with demo.change() as tx:
        tx.put(Event(when=FRIDAY, title="From the main thread"))
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join(timeout=0.2)
        assert thread.is_alive(), "the worker must wait for the open block"
        assert theirs.id not in demo.events_by_id
    thread.join()
    assert errors == []
    assert theirs.id in demo.events_by_id


@pytest.mark.parametrize(
    "name", ["events_by_id", "actors_by_id", "quotes_by_id", "sources_by_id"]
)
def test_record_maps_are_read_only_views(demo: Timeline, name: str) -> None:
    view: Any = getattr(demo, name)
    some_id = next(iter(view))
    with pytest.raises(TypeError):
        view[some_id] = None
    with pytest.raises(TypeError):
        del view[some_id]
    with pytest.raises(AttributeError):
        view.pop(some_id)
    with pytest.raises(AttributeError):
        setattr(demo, name, {})
    assert some_id in getattr(demo, name)


def test_views_follow_changes_and_reloads(demo_path: Path) -> None:
    first = Timeline.open(demo_path)
    second = Timeline.open(demo_path)
    added = Event(when=FRIDAY, title="Added")
    first.put(added)
    assert added.id in first.events_by_id
    second.put(replace(second.event("ev-sanctions"), title="S2"))
    second.snapshot()  # the first must reload, replacing its maps
    assert first.refresh()
    assert first.events_by_id["ev-sanctions"].title == "S2"
    assert added.id in first.events_by_id
