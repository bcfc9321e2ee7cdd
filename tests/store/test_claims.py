"""Claims, agreement, verification proposals, as-of and the second-article
match (issue 17), in the store."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes.review import merge_event
from dateline.store.changes.verification import verify_event
from dateline.store.decode import decode_records
from dateline.store.errors import DatelineError
from dateline.store.evidence import (
    independent_sources,
    is_disputed,
    known_then,
    listed_as_of,
    overlap,
    proposal,
)
from dateline.store.formats.registry import import_file
from dateline.store.ingest.pipeline import ingest
from dateline.store.model import (
    Claim,
    Event,
    FuzzyDate,
    ShapeError,
    Source,
    check_event_doc,
)
from dateline.store.timeline import Timeline

from tests.store.formats.helpers import round_trip

ARTICLES = Path(__file__).resolve().parents[1] / "claims_articles"


def day(d: int, month: int = 1) -> FuzzyDate:
    return FuzzyDate(date(2026, month, d), date(2026, month, d), "day")


def read(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


# -- agreement ---------------------------------------------------------------
def test_agreement_is_computed_from_the_intervals() -> None:
    january = FuzzyDate(date(2026, 1, 1), date(2026, 1, 31), "month", "in January")
    assert overlap(day(7), january) and overlap(january, day(8))
    assert not overlap(day(7), day(8))
    # "before 8 January" leaves every day up to the 7th: it meets the 7th,
    # not the 8th; "after 7 January" the other way round.
    before = replace(day(8), bound="before")
    after = replace(day(7), bound="after")
    assert overlap(before, day(7)) and not overlap(before, day(8))
    assert overlap(after, day(8)) and not overlap(after, day(7))
    assert not overlap(before, after)


def test_disputed_needs_two_claims_that_cannot_both_hold() -> None:
    base = Event(when=day(7), title="Call")
    one = replace(base, claims=(Claim("so-a", day(7)),))
    agree = replace(one, claims=(*one.claims, Claim("so-b", day(7))))
    differ = replace(one, claims=(*one.claims, Claim("so-b", day(8))))
    assert not is_disputed(base) and not is_disputed(one) and not is_disputed(agree)
    assert is_disputed(differ)


def test_a_relay_counts_once_with_the_outlet_it_relays() -> None:
    sources = {
        "so-afp": Source("Call", outlet="AFP", id="so-afp"),
        "so-k24": Source("Call", outlet="Kurdistan24", via="AFP", id="so-k24"),
        "so-rtr": Source("Call", outlet="Reuters", id="so-rtr"),
    }
    relayed = (Claim("so-afp", day(7)), Claim("so-k24", day(7)))
    assert independent_sources(relayed, sources) == 1
    event = Event(when=day(7), title="Call", claims=relayed)
    assert proposal(event, sources).status == "unverified"
    event = replace(event, claims=(*relayed, Claim("so-rtr", day(7))))
    assert independent_sources(event.claims, sources) == 2
    assert proposal(event, sources).status == "confirmed"
    event = replace(event, claims=(*relayed, Claim("so-rtr", day(9))))
    assert proposal(event, sources).status == "disputed"
    assert proposal(Event(when=day(7), title="Hand"), sources).status == "unverified"


# -- the record ------------------------------------------------------------------
def test_claims_and_verification_check_their_shape() -> None:
    good = Event(
        when=day(7),
        title="Call",
        claims=(Claim("so-a", day(7), (3, 15)),),
        verification="confirmed",
    ).to_doc()
    assert Event.from_doc(good).claims[0].span == (3, 15)
    older = {k: v for k, v in good.items() if k not in ("claims", "verification")}
    assert Event.from_doc(older).claims == ()
    assert Event.from_doc(older).verification == "unverified"
    for bad, words in (
        ({"verification": "maybe"}, '"verification" must be one of'),
        ({"claims": "so-a"}, '"claims" must be a list'),
        ({"claims": [{"when": good["when"]}]}, '"claims": "source" is missing'),
        ({"claims": [{**good["claims"][0], "span": [9, 2]}]}, '"span" must be'),
        (
            {"claims": [{**good["claims"][0], "when": {"start": "2026-02-30"}}]},
            '"claims": "when"',
        ),
    ):
        with pytest.raises(ShapeError, match=words):
            check_event_doc({**good, **bad})


def test_the_native_file_carries_claims_and_verification(
    db_path: Path, tmp_path: Path
) -> None:
    timeline = Timeline.open(db_path)
    ingest(timeline, read("afp_call.txt"), accept=True)
    report = ingest(timeline, read("k24_call.txt"), accept=True)
    (call_id,) = report.joined_ids
    verify_event(timeline, timeline.event(call_id), "disputed")
    back = round_trip(timeline, "json", tmp_path)
    assert back.all_docs() == timeline.all_docs()
    assert back.event(call_id).claims == timeline.event(call_id).claims
    assert back.event(call_id).verification == "disputed"
    # Opened again (the fast decoder), the records are the same.
    assert Timeline.open(db_path).event(call_id) == timeline.event(call_id)
    exported = tmp_path / "export.json"
    again = import_file(back, exported, "json")
    assert again.nothing_new


def test_a_claim_saved_in_a_file_reads_the_same_both_ways(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    ingest(timeline, read("afp_call.txt"), accept=True)
    ingest(timeline, read("k24_call.txt"), accept=True)
    timeline.close()
    raw = json.loads(db_path.read_text(encoding="utf-8"))
    slow = [Event.from_doc(doc) for doc in raw["events"].values()]
    assert any(len(e.claims) == 2 for e in slow)
    decoded = decode_records(db_path.read_bytes())
    assert decoded is not None  # the fast path took the claims
    assert sorted(slow, key=lambda e: e.id) == sorted(
        decoded.events.values(), key=lambda e: e.id
    )
    assert [e.claims for e in sorted(slow, key=lambda e: e.id)] == [
        e.claims for e in sorted(decoded.events.values(), key=lambda e: e.id)
    ]


# -- matching a second article ---------------------------------------------
def test_another_story_about_the_same_leaders_stays_its_own_event(
    db_path: Path,
) -> None:
    timeline = Timeline.open(db_path)
    call = ingest(timeline, read("afp_call.txt"), accept=True)
    criticism = ingest(timeline, read("afp_criticism.txt"), accept=True)
    assert criticism.joined_ids == [] and len(criticism.event_ids) == 1
    (call_id,) = call.event_ids
    assert len(timeline.event(call_id).claims) == 1
    # Same actors, day before, but it is another happening.
    (other,) = criticism.event_ids
    assert set(timeline.event(other).actor_ids) == set(
        timeline.event(call_id).actor_ids
    )


def test_a_second_report_joins_and_one_undo_takes_it_back(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    call = ingest(timeline, read("afp_call.txt"), accept=True)
    (call_id,) = call.event_ids
    before = timeline.event(call_id)
    joined = ingest(timeline, read("k24_call.txt"), accept=True)
    assert joined.joined_ids == [call_id]
    assert "claims added:   1" in joined.summary()
    assert len(timeline.event(call_id).sources) == 2
    timeline.undo()
    assert timeline.event(call_id) == before
    assert len(timeline.sources()) == 1


def test_merging_in_review_adds_the_pending_events_claim(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    with timeline.change() as tx:
        hand = Event(when=day(7), title="The two presidents talk", id="ev-hand")
        tx.put(hand)
    report = ingest(timeline, read("afp_call.txt"))
    (pending_id,) = report.event_ids
    pending = timeline.event(pending_id)
    merged = merge_event(timeline, pending_id, "ev-hand")
    assert merged.claims == pending.claims and merged.when == hand.when
    assert merged.sources == pending.sources
    assert pending_id not in timeline.events_by_id


# -- as of ---------------------------------------------------------------------------
def test_as_of_takes_the_working_date_back_to_a_claim_then_known() -> None:
    sources = {
        "so-a": Source("A", outlet="AFP", published=date(2026, 1, 8), id="so-a"),
        "so-b": Source("B", outlet="K24", published=date(2026, 1, 10), id="so-b"),
    }
    event = Event(
        when=day(8),  # the later, corrected date became the working one
        title="Call",
        sources=("so-a", "so-b"),
        claims=(Claim("so-a", day(7)), Claim("so-b", day(8))),
    )
    then = known_then(event, sources, date(2026, 1, 9))
    assert then is not None
    assert then.claims == (Claim("so-a", day(7)),) and then.when == day(7)
    assert then.sources == ("so-a",)
    assert known_then(event, sources, date(2026, 1, 10)) == event
    assert known_then(event, sources, date(2026, 1, 7)) is None
    hand = Event(when=day(1), title="Hand", created="2026-01-09T10:00:00+00:00")
    assert known_then(hand, sources, date(2026, 1, 8)) is None
    assert known_then(hand, sources, date(2026, 1, 9)) == hand


def test_an_unknown_status_is_refused_with_the_choices(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    with timeline.change() as tx:
        tx.put(Event(when=day(7), title="Call", id="ev-call"))
    with pytest.raises(DatelineError, match="use one of unverified, confirmed"):
        verify_event(timeline, timeline.event("ev-call"), "sure")
    assert timeline.event("ev-call").verification == "unverified"


def test_a_row_whose_date_goes_back_moves_to_its_place() -> None:
    sources = {
        "so-a": Source("A", published=date(2026, 1, 8), id="so-a"),
        "so-b": Source("B", published=date(2026, 1, 20), id="so-b"),
    }
    corrected = Event(
        when=day(15),  # the later source's date became the working one
        title="Corrected",
        claims=(Claim("so-a", day(2)), Claim("so-b", day(15))),
        created="2026-01-01T00:00:00+00:00",
    )
    others = [
        Event(when=day(d), title=f"On {d}", created="2026-01-01T00:00:00+00:00")
        for d in (1, 5, 10)
    ]
    listed = sorted([*others, corrected], key=lambda e: e.when.sort_key)
    then = listed_as_of(listed, sources, date(2026, 1, 9))
    assert [e.title for e in then] == ["On 1", "Corrected", "On 5", "On 10"]
    assert listed_as_of(listed, sources, None) == listed


def test_check_names_a_claim_whose_source_is_gone_or_too_short() -> None:
    from dateline.store.disk.check import check_tables

    source = Source("A", body="on Wednesday", id="so-a")
    event = Event(
        when=day(7),
        title="Call",
        id="ev-call",
        claims=(Claim("so-a", day(7), (0, 99)), Claim("so-gone", day(7))),
    )
    problems = check_tables(
        {"events": {"ev-call": event.to_doc()}, "sources": {"so-a": source.to_doc()}}
    )
    said = [p.message for p in problems if p.record_id == "ev-call"]
    assert said == [
        "a claim's span lies outside its article",
        "claims from missing source so-gone",
    ]


def test_the_folder_export_carries_claims_too(db_path: Path, tmp_path: Path) -> None:
    from dateline.store.formats.folder import write_folder

    timeline = Timeline.open(db_path)
    ingest(timeline, read("afp_call.txt"), accept=True)
    (call_id,) = ingest(timeline, read("k24_call.txt"), accept=True).joined_ids
    verify_event(timeline, timeline.event(call_id), "confirmed")
    write_folder(timeline, tmp_path / "folder")
    back = Timeline.open(tmp_path / "back.json")
    import_file(back, tmp_path / "folder", "dir")
    assert back.event(call_id).claims == timeline.event(call_id).claims
    assert back.event(call_id).verification == "confirmed"
