"""Any event a user could enter survives the TimelineJS sheet and Timesketch
round trips: dates at every precision, words with the characters that break
CSV, HTML and spreadsheets (commas, quotes, ``;``, ``<``, a leading ``=``)."""

from __future__ import annotations

from dateline.store.formats.batch import merge_batch
from dateline.store.formats.registry import render_export
from dateline.store.formats.timesketch import (
    read_timesketch_csv,
    read_timesketch_jsonl,
)
from dateline.store.formats.tljs_sheet import read_sheet
from dateline.store.model import Actor, ActorRef, Event, FuzzyDate
from dateline.store.timeline import Timeline
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.formats.test_properties import NAME, PHRASE, fuzzy_dates

#: A phrase a spreadsheet would run as a formula, or a plain one.
CELL = st.one_of(PHRASE, st.tuples(st.sampled_from("=+-@"), PHRASE).map("".join))


def _one(
    when: FuzzyDate, title: str, summary: str, name: str, role: str
) -> tuple[Timeline, Event]:
    actor = Actor(name=name)
    event = Event(when=when, title=title, summary=summary, place=summary,
                  actors=(ActorRef(actor.id, role),), tags=(title,))  # fmt: skip
    source = Timeline.memory()
    source.put(actor, event)
    return source, event


@settings(max_examples=60, deadline=None)
@given(when=fuzzy_dates(), title=CELL, summary=CELL, name=NAME, role=PHRASE)
def test_the_sheet_keeps_dates_words_and_actors(
    when: FuzzyDate, title: str, summary: str, name: str, role: str
) -> None:
    source, _event = _one(when, title, summary, name, role)
    back = Timeline.memory()
    merge_batch(back, read_sheet(render_export(source, None, "timelinejs-sheet"), "x"))
    [got] = back.events()
    assert got.when == when
    assert (got.title, got.summary, got.place, got.tags) == (
        title,
        summary,
        summary,
        (title,),
    )
    [ref] = got.actors
    assert (back.actor(ref.actor).name, ref.role) == (name, role)


@settings(max_examples=60, deadline=None)
@given(when=fuzzy_dates(), title=CELL, summary=CELL, name=NAME, role=PHRASE)
def test_timesketch_keeps_dates_words_and_actor_names(
    when: FuzzyDate, title: str, summary: str, name: str, role: str
) -> None:
    source, event = _one(when, title, summary, name, role)
    for fmt, read in (
        ("timesketch", read_timesketch_csv),
        ("timesketch-jsonl", read_timesketch_jsonl),
    ):
        back = Timeline.memory()
        text = render_export(source, None, fmt)
        merge_batch(back, read(text, "x", when.start_day))
        got = back.event(event.id)
        assert got.when == when, fmt
        assert (got.title, got.summary, got.place, got.tags) == (
            title,
            summary,
            summary,
            (title,),
        ), fmt
        # Roles have no column: the name comes back, the role does not.
        [ref] = got.actors
        assert (back.actor(ref.actor).name, ref.role) == (name, ""), fmt
