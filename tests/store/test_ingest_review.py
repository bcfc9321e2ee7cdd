"""Review decisions in the store: each one durable, each one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from dateline.store.changes.review import (
    ReviewError,
    accept_event,
    evidence,
    merge_event,
    pending_events,
    reject_event,
)
from dateline.store.ingest.pipeline import ingest
from dateline.store.model import touched
from dateline.store.timeline import Timeline

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"


@pytest.fixture
def timeline(db_path: Path) -> Timeline:
    timeline = Timeline.open(db_path)
    ingest(timeline, SEED.read_text(encoding="utf-8"))
    return timeline


def by_text(timeline: Timeline, text: str):  # type: ignore[no-untyped-def]
    return next(e for e in pending_events(timeline) if e.when.text == text)


def test_pending_events_of_a_source_in_date_order(timeline: Timeline) -> None:
    (source,) = timeline.sources()
    pending = pending_events(timeline, source.id)
    assert len(pending) == 8
    starts = [e.when.start for e in pending]
    assert starts == sorted(starts)
    assert pending_events(timeline, "so-elsewhere") == []


def test_accept_is_durable_and_undoable(timeline: Timeline, db_path: Path) -> None:
    event = by_text(timeline, "on Friday")
    accept_event(timeline, event.id)
    assert Timeline.open(db_path).event(event.id).review == "accepted"
    timeline.undo()
    assert timeline.event(event.id).pending


def test_reject_keeps_the_quotes_and_undo_brings_it_back(timeline: Timeline) -> None:
    friday = by_text(timeline, "on Friday")
    assert len(friday.quotes) == 3
    reject_event(timeline, friday.id)
    assert friday.id not in timeline.events_by_id
    assert all(timeline.quote(q).event is None for q in friday.quotes)
    timeline.undo()
    assert timeline.event(friday.id) == friday
    assert all(timeline.quote(q).event == friday.id for q in friday.quotes)


def test_merge_moves_quotes_sources_actors(timeline: Timeline) -> None:
    friday = by_text(timeline, "on Friday")
    week = by_text(timeline, "during the first week of February")
    merged = merge_event(timeline, friday.id, week.id)
    assert friday.id not in timeline.events_by_id
    assert set(merged.quotes) == set(friday.quotes) | set(week.quotes)
    assert set(merged.actor_ids) == set(friday.actor_ids) | set(week.actor_ids)
    assert all(timeline.quote(q).event == week.id for q in friday.quotes)
    assert merged.when == week.when
    timeline.undo()
    assert timeline.event(friday.id) == friday and timeline.event(week.id) == week


def test_merge_into_itself_is_refused(timeline: Timeline) -> None:
    friday = by_text(timeline, "on Friday")
    with pytest.raises(ReviewError):
        merge_event(timeline, friday.id, friday.id)


def test_a_decision_builds_on_edits_made_in_another_window(
    db_path: Path, timeline: Timeline
) -> None:
    friday = by_text(timeline, "on Friday")
    other = Timeline.open(db_path)
    other.put(touched(other.event(friday.id), title="Edited elsewhere"))
    accepted = accept_event(timeline, friday.id)
    assert (accepted.title, accepted.review) == ("Edited elsewhere", "accepted")
    assert Timeline.open(db_path).event(friday.id).title == "Edited elsewhere"


def test_evidence_marks_the_date_words_in_the_sentence(timeline: Timeline) -> None:
    friday = by_text(timeline, "on Friday")
    found = evidence(timeline, friday)
    assert found.sentence.startswith("President Donald Trump announced on Friday")
    start, end = found.highlight
    assert found.sentence[start:end] == "on Friday"
    assert found.source_title.startswith("U.S. President Donald Trump invited")
