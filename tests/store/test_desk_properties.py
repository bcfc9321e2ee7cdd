"""Random edits on two copies of a timeline, exchanged both ways, checked
against a plain model of what each side did."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateline.store.changes.conflicts import keep_mine, open_conflicts
from dateline.store.formats.native import export_native, import_native
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from hypothesis import given, settings
from hypothesis import strategies as st

BASE = 4
TITLES = st.sampled_from(["Alpha", "Beta", "Gamma", "Delta"])
#: (side, what, which base event or added number, new title)
OPS = st.lists(
    st.tuples(
        st.integers(0, 1),
        st.sampled_from(["edit", "delete", "add", "edit-added"]),
        st.integers(0, BASE - 1),
        TITLES,
    ),
    max_size=14,
)


def _day(n: int) -> FuzzyDate:
    return FuzzyDate(date(2026, 1, 1 + n), date(2026, 1, 1 + n), "day")


def _pair() -> tuple[Timeline, Timeline]:
    a, b = Timeline.memory("alice"), Timeline.memory("bob")
    with a.change() as tx:
        for n in range(BASE):
            tx.put(Event(_day(n), f"Base {n}", id=f"ev-base-{n}"))
    import_native(b, export_native(a))
    return a, b


def _send(src: Timeline, dst: Timeline) -> None:
    import_native(dst, export_native(src))


def _titles(timeline: Timeline) -> dict[str, str]:
    return {rid: ev.title for rid, ev in timeline.events_by_id.items()}


@settings(max_examples=60, deadline=None)
@given(OPS)
def test_two_copies_exchange_both_ways_like_the_model(ops) -> None:
    a, b = _pair()
    sides = (a, b)
    base = {f"ev-base-{n}": f"Base {n}" for n in range(BASE)}
    state: list[dict[str, str | None]] = [dict(base), dict(base)]
    changed: list[set[str]] = [set(), set()]
    added = [0, 0]
    for side, what, which, title in ops:
        timeline, mine = sides[side], state[side]
        if what == "add":
            rid = f"ev-{side}-{added[side]}"
            day = 10 + side * 10 + added[side]
            added[side] += 1
            timeline.put(Event(_day(day), f"{title} {rid}", id=rid))
            mine[rid] = f"{title} {rid}"
            changed[side].add(rid)
            continue
        rid = f"ev-base-{which}"
        if what == "edit-added":
            rid = f"ev-{side}-{which}"
        if mine.get(rid) is None:
            continue  # not there on this side (deleted, or never added)
        if what == "delete":
            timeline.delete_event(rid)
            mine[rid] = None
        else:
            event = timeline.event(rid)
            with timeline.change() as tx:
                tx.update(event, replace(event, title=title))
            mine[rid] = title
        changed[side].add(rid)

    _send(a, b)
    _send(b, a)

    for rid in set(state[0]) | set(state[1]):
        by = [rid in changed[0], rid in changed[1]]
        here = [_titles(t).get(rid) for t in sides]
        conflicted = [f"events/{rid}" in t.conflicts_by_id for t in sides]
        if not any(by):
            assert here == [base[rid]] * 2
            assert conflicted == [False, False]
        elif by == [True, False] or by == [False, True]:
            winner = state[0 if by[0] else 1][rid]
            assert here == [winner, winner], rid
            assert conflicted == [False, False]
        elif state[0][rid] == state[1][rid]:
            assert here == [state[0][rid]] * 2
            assert conflicted == [False, False]
        else:
            # Changed on both sides: each keeps its own, nothing lost.
            assert here == [state[0][rid], state[1][rid]], rid
            assert conflicted == [True, True], rid
            for mine, other in ((a, 1), (b, 0)):
                theirs = mine.conflicts_by_id[f"events/{rid}"].theirs
                if state[other][rid] is not None:
                    assert theirs["title"] == state[other][rid]
    # Nothing duplicated: one event per id, no copies under new ids.
    assert set(_titles(a)) <= set(state[0]) | set(state[1])

    # A settles every conflict keeping its own; the exchange converges.
    for conflict in open_conflicts(a):
        keep_mine(a, conflict.id)
    _send(a, b)
    _send(b, a)
    assert _titles(a) == _titles(b)
    assert not a.conflicts_by_id and not b.conflicts_by_id
    # Importing again changes nothing: the exchange is idempotent.
    before = (a.all_docs(), b.all_docs())
    _send(a, b)
    _send(b, a)
    assert (a.all_docs(), b.all_docs()) == before
