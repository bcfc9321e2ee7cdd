"""One contract, two stores: the TinyDB file and PostgreSQL pass the same
tests (as TinyDB runs its storage tests against every backend)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from dateline.store import Actor, ActorRef, Event, parse_date
from dateline.store.changes.copying import copy_into
from dateline.store.errors import ConflictError, DatelineError
from dateline.store.postgres import PgLocation
from dateline.store.timeline import Timeline

Opener = Callable[[], Timeline]
ANCHOR = date(2026, 1, 10)


@pytest.fixture(params=["file", "postgres"])
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Opener:
    """Opens the same timeline afresh on each call, as another process would."""
    where: Path | PgLocation
    if request.param == "file":
        where = tmp_path / "timeline.json"
    else:
        where = request.getfixturevalue("pg_location")
    opened: list[Timeline] = []

    def open_it() -> Timeline:
        timeline = Timeline.open(where, author="ana")
        opened.append(timeline)
        return timeline

    yield open_it
    for timeline in opened:
        timeline.close()


def event(title: str, when: str = "9 January 2026", **kw: object) -> Event:
    return Event(when=parse_date(when, anchor=ANCHOR), title=title, **kw)  # type: ignore[arg-type]


def test_a_change_is_there_on_the_next_open(opener: Opener) -> None:
    first = opener()
    assert len(first) == 0
    with first.change() as tx:
        tx.put(event("Talks open"), event("Talks close", "12 January 2026"))
    again = opener()
    assert sorted(e.title for e in again.events()) == ["Talks close", "Talks open"]
    assert [e.title for e in again.events()] == [e.title for e in first.events()]


def test_another_clients_change_is_caught_up(opener: Opener) -> None:
    a, b = opener(), opener()
    with a.change() as tx:
        tx.put(event("Ceasefire"))
    assert b.changed_outside()
    assert b.refresh()
    assert [e.title for e in b.events()] == ["Ceasefire"]
    assert not b.changed_outside()
    # A change block catches up by itself, too.
    with a.change() as tx:
        tx.put(event("Second round", "20 January 2026"))
    with b.change() as tx:
        tx.put(event("Third round", "30 January 2026"))
    assert len(b) == 3
    assert a.refresh() and len(a) == 3


def test_a_stale_edit_is_refused_and_nothing_is_lost(opener: Opener) -> None:
    a = opener()
    original = event("Summit")
    with a.change() as tx:
        tx.put(original)
    b = opener()
    seen_by_b = b.event(original.id)
    with a.change() as tx:
        tx.update(original, replace(original, title="Summit postponed"))
    # Named: the file store's author setting, the shared store's role.
    who = a.author
    assert who == ("ana" if a.shared is None else a.shared.role)
    with (
        pytest.raises(ConflictError, match=f"was changed by {who} at 20"),
        b.change() as tx,
    ):
        tx.update(seen_by_b, replace(seen_by_b, title="Summit cancelled"))
    assert opener().event(original.id).title == "Summit postponed"


def test_undo_does_not_undo_over_someone_elses_newer_change(opener: Opener) -> None:
    a, b = opener(), opener()
    mine = event("Vote")
    with a.change() as tx:
        tx.put(mine)
    b.refresh()
    theirs = b.event(mine.id)
    with b.change() as tx:
        tx.update(theirs, replace(theirs, title="Vote delayed"))
    with pytest.raises(ConflictError):
        a.undo()
    assert opener().event(mine.id).title == "Vote delayed"


def test_undo_and_redo_are_saved(opener: Opener) -> None:
    a = opener()
    with a.change() as tx:
        tx.put(event("Strike"))
    a.undo()
    assert len(opener()) == 0
    a.redo()
    assert [e.title for e in opener().events()] == ["Strike"]


def test_delete_and_references(opener: Opener) -> None:
    a = opener()
    actor = Actor(name="Ana Ruiz")
    ev = event("Ruiz resigns", actors=(ActorRef(actor.id, "subject"),))
    with a.change() as tx:
        tx.put(actor, ev)
    a.delete_event(ev.id)
    b = opener()
    assert len(b) == 0
    assert [x.name for x in b.actors()] == ["Ana Ruiz"]


def test_a_big_change_is_one_step(opener: Opener) -> None:
    a = opener()
    events = [event(f"Item {n}", f"{1 + n % 28} February 2026") for n in range(1500)]
    with a.change() as tx:
        tx.put(*events)
    assert len(opener()) == 1500
    a.undo()
    assert len(opener()) == 0


def test_copy_keeps_ids_between_the_stores(
    opener: Opener, tmp_path: Path, pg_location: PgLocation
) -> None:
    source = opener()
    actor = Actor(name="Port of Rotterdam Authority", kind="organisation")
    with source.change() as tx:
        tx.put(actor, event("Port closes", actors=(ActorRef(actor.id, ""),)))
    there = Timeline.open(
        pg_location if source.shared is None else tmp_path / "copy.json"
    )
    back = Timeline.open(tmp_path / "back.json")
    try:
        copied = copy_into(source, there)
        assert copied.events == 1 and copied.actors == 1
        copy_into(there, back)
        # Revisions and authors travel too: the copies are the same records.
        assert back.all_docs() == source.all_docs()
        assert back.events()[0].rev == source.events()[0].rev >= 1
        with pytest.raises(DatelineError, match="already holds"):
            copy_into(source, back)
    finally:
        there.close()
        back.close()
