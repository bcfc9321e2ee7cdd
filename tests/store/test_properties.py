"""Property tests: round trips and random edit sequences against a plain model."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from dateline.store.dates.parse import parse_date
from dateline.store.errors import DateParseError
from dateline.store.formats.native import dumps_native, import_native
from dateline.store.model import BOUNDS, PRECISIONS, Event, FuzzyDate
from dateline.store.timeline import Timeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
)

ANCHOR = date(2026, 1, 10)
PHRASES = [
    "last Saturday", "on Wednesday", "Friday", "In October", "first week of February",
    "later this year", "September", "3-5 Jan 2026", "the 1990s", "Q3 2025",
    "summer 2024", "early March", "2025-09", "yesterday", "next week", "2026",
    "mid-2025", "from March to May 2025", "about 12 June 2024", "last month",
]  # fmt: skip

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40
)


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    start = draw(st.dates(min_value=date(1, 1, 1), max_value=date(9980, 1, 1)))
    length = draw(st.integers(min_value=0, max_value=3650))
    end = start + timedelta(days=length)
    return FuzzyDate(
        start=start,
        end=end,
        precision=draw(st.sampled_from(PRECISIONS)),
        text=draw(texts),
        anchor=draw(st.none() | st.dates()),
        approximate=draw(st.booleans()),
        bound=draw(st.sampled_from((None, *BOUNDS))),
    )


@given(
    phrase=st.sampled_from(PHRASES),
    prefer=st.sampled_from(["past", "future", "auto"]),
    shift=st.integers(min_value=-4000, max_value=4000),
)
@settings(max_examples=150, deadline=None)
def test_parsed_dates_survive_store_and_load(
    phrase: str, prefer: str, shift: int
) -> None:
    anchor = ANCHOR + timedelta(days=shift)
    try:
        when = parse_date(phrase, anchor, prefer=prefer)  # type: ignore[arg-type]
    except DateParseError:
        return
    timeline = Timeline.memory()
    event = Event(when=when, title=phrase)
    timeline.put(event)
    doc = json.loads(json.dumps(timeline.doc("events", event.id)))
    assert Event.from_doc(doc).when == when
    assert when.start_day <= when.end_day


@given(fd=fuzzy_dates())
@settings(max_examples=200, deadline=None)
def test_fuzzy_date_document_round_trip(fd: FuzzyDate) -> None:
    assert FuzzyDate.from_doc(json.loads(json.dumps(fd.to_doc()))) == fd


@given(
    items=st.lists(
        st.tuples(fuzzy_dates(), texts.filter(str.strip), texts), max_size=12
    )
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_native_json_round_trip(items: list[tuple[FuzzyDate, str, str]]) -> None:
    source = Timeline.memory()
    for when, title, summary in items:
        source.put(Event(when=when, title=title, summary=summary))
    exported = json.loads(dumps_native(source))
    target = Timeline.memory()
    import_native(target, exported, allow_duplicates=True)
    assert target.all_docs() == source.all_docs()


class EditSequences(RuleBasedStateMachine):
    """Random add/edit/delete/undo/redo/reopen against a dict of titles."""

    events = Bundle("events")

    @initialize()
    def open_file(self) -> None:
        self.folder = TemporaryDirectory()
        self.path = Path(self.folder.name) / "t.json"
        self.timeline = Timeline.open(self.path)
        self.model: dict[str, str] = {}
        self.undo: list[dict[str, str]] = []
        self.redo: list[dict[str, str]] = []

    def _change(self) -> None:
        self.undo.append(dict(self.model))
        self.redo.clear()

    @rule(target=events, title=texts.filter(str.strip), day=st.integers(0, 400))
    def add(self, title: str, day: int) -> str:
        when = date(2025, 1, 1) + timedelta(days=day)
        event = Event(when=FuzzyDate(when, when, "day"), title=title)
        self._change()
        self.timeline.put(event)
        self.model[event.id] = title
        return event.id

    @rule(event_id=events, title=texts.filter(str.strip))
    def edit(self, event_id: str, title: str) -> None:
        if event_id not in self.model:
            return
        from dataclasses import replace

        current = self.timeline.event(event_id)
        if current.title == title:
            return
        self._change()
        self.timeline.put(replace(current, title=title))
        self.model[event_id] = title

    @rule(event_id=consumes(events))
    def delete(self, event_id: str) -> None:
        if event_id not in self.model:
            return
        self._change()
        self.timeline.delete_event(event_id)
        del self.model[event_id]

    @rule()
    def undo_last(self) -> None:
        done = self.timeline.undo()
        assert (done is not None) == bool(self.undo)
        if done is not None:
            self.redo.append(dict(self.model))
            self.model = self.undo.pop()

    @rule()
    def redo_last(self) -> None:
        done = self.timeline.redo()
        assert (done is not None) == bool(self.redo)
        if done is not None:
            self.undo.append(dict(self.model))
            self.model = self.redo.pop()

    @rule()
    def reopen(self) -> None:
        # Undo history belongs to one session; reopening starts a new one.
        self.timeline.close()
        self.timeline = Timeline.open(self.path)
        self.undo.clear()
        self.redo.clear()

    @invariant()
    def matches_model(self) -> None:
        got = {e.id: e.title for e in self.timeline.events()}
        assert got == self.model
        on_disk = {e.id: e.title for e in Timeline.open(self.path).events()}
        assert on_disk == self.model

    def teardown(self) -> None:
        self.folder.cleanup()


EditSequences.TestCase.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None
)
test_edit_sequences = EditSequences.TestCase
