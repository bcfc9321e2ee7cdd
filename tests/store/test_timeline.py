"""Timeline queries, actor matching, undo and concurrent writers, on the demo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes.actors import ActorEditError, merge_actors, update_actor
from dateline.store.changes.drafts import DraftError, EventDraft, save_draft
from dateline.store.errors import ConflictError
from dateline.store.model import Event, FuzzyDate
from dateline.store.query import EventFilter
from dateline.store.timeline import AmbiguousActorError, Timeline

FRIDAY = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day", "last Friday")


def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_demo_is_sorted_by_start_then_coarser_first(demo: Timeline) -> None:
    assert ids(demo.events()) == [
        "ev-visa-suspension",
        "ev-un-lula",
        "ev-sanctions",
        "ev-maduro-op",
        "ev-phone-call",
        "ev-announcement",
        "ev-petro-leaves-office",
        "ev-february-meeting",
    ]


@pytest.mark.parametrize(
    ("typed", "actor_id"),
    [
        ("trump", "ac-trump"),
        ("Donald Trump", "ac-trump"),
        ("the U.S. president", "ac-trump"),
        ("petro", "ac-petro"),
        ("lula", "ac-lula"),
        ("da silva", "ac-lula"),
        ("LUIZ INACIO LULA DA SILVA", "ac-lula"),
        ("nicolas maduro", "ac-maduro"),
    ],
)
def test_actor_names_match_case_accent_and_alias_insensitively(
    demo: Timeline, typed: str, actor_id: str
) -> None:
    actor = demo.find_actor(typed)
    assert actor is not None and actor.id == actor_id


def test_unknown_and_ambiguous_actor_names(demo: Timeline) -> None:
    assert demo.find_actor("Angela Merkel") is None
    names = ("Ivanka Trump", "Marco Polo")
    save_draft(demo, EventDraft(when=FRIDAY, title="x", actor_names=names))
    # An exact alias wins over a word of another name...
    assert demo.find_actor("trump").id == "ac-trump"
    # ...but a bare word shared by two names is refused, naming both.
    with pytest.raises(AmbiguousActorError, match="Marco Polo, Marco Rubio"):
        demo.find_actor("marco")


def test_filter_by_actors_all_of_and_any_of(demo: Timeline) -> None:
    maduro = EventFilter(actors=("ac-maduro",))
    assert ids(demo.events(maduro)) == ["ev-maduro-op"]
    both = EventFilter(actors=("ac-trump", "ac-lula"), match="all")
    assert ids(demo.events(both)) == ["ev-un-lula"]
    either = EventFilter(actors=("ac-maduro", "ac-lula"), match="any")
    assert ids(demo.events(either)) == ["ev-un-lula", "ev-maduro-op"]
    assert demo.events(EventFilter(actors=("ac-rubio",))) == []


def test_filter_by_text_tag_status_and_dates(demo: Timeline) -> None:
    assert ids(demo.events(EventFilter(text="cocaine"))) == ["ev-announcement"]
    assert ids(demo.events(EventFilter(text="LULA"))) == ["ev-un-lula"]
    assert ids(demo.events(EventFilter(tags=("sanctions",)))) == ["ev-sanctions"]
    expected = demo.events(EventFilter(status="expected"))
    assert ids(expected) == ["ev-petro-leaves-office", "ev-february-meeting"]
    january = EventFilter(start=date(2026, 1, 1), end=date(2026, 1, 8))
    assert ids(demo.events(january)) == ["ev-maduro-op", "ev-phone-call"]


def test_rubio_has_an_undated_quote_and_no_events(demo: Timeline) -> None:
    assert demo.actor_event_count("ac-rubio") == 0
    [quote] = demo.quotes(speakers=["ac-rubio"])
    assert quote.said is None and quote.event is None
    source = demo.source(quote.source or "")
    assert quote.span is not None
    assert source.body[quote.span[0] : quote.span[1]] == quote.text


def test_add_links_existing_actors_without_duplicates(demo: Timeline) -> None:
    before = len(demo.actors())
    event = save_draft(
        demo, EventDraft(when=FRIDAY, title="Call", actor_names=("trump", "Petro"))
    )
    assert event.actor_ids == ("ac-trump", "ac-petro")
    assert len(demo.actors()) == before
    assert demo.actor_event_count("ac-trump") == 7


def test_new_names_create_one_actor_each(demo: Timeline) -> None:
    draft = EventDraft(
        when=FRIDAY,
        title="Talks",
        actor_names=("Delcy Rodríguez", "delcy rodriguez"),
        quote_text="We will talk.",
        quote_speaker="Rodríguez",
    )
    event = save_draft(demo, draft)
    [new] = [a for a in demo.actors() if a.name == "Delcy Rodríguez"]
    assert event.actor_ids == (new.id,)
    [quote] = demo.quotes(event=event.id)
    assert quote.speaker == new.id


def test_draft_errors_name_the_field(demo: Timeline) -> None:
    with pytest.raises(DraftError) as info:
        save_draft(demo, EventDraft(when=FRIDAY, title="  "))
    assert info.value.field == "title"
    with pytest.raises(DraftError) as info:
        save_draft(demo, EventDraft(when=FRIDAY, title="t", quote_text="words"))
    assert info.value.field == "quote_speaker"


def test_undo_and_redo_of_add_edit_delete(demo_path: Path) -> None:
    timeline = Timeline.open(demo_path)
    added = save_draft(timeline, EventDraft(when=FRIDAY, title="Added"))
    edited = save_draft(
        timeline, EventDraft(when=FRIDAY, title="Edited"), editing=added
    )
    timeline.delete_event(added.id)
    assert added.id not in timeline.events_by_id
    timeline.undo()
    assert timeline.event(added.id).title == "Edited"
    timeline.undo()
    assert timeline.event(added.id).title == "Added"
    timeline.redo()
    assert timeline.event(added.id) == edited
    reopened = Timeline.open(demo_path)
    assert reopened.event(added.id).title == "Edited"


def test_delete_removes_the_events_own_quotes(demo: Timeline) -> None:
    demo.delete_event("ev-announcement")
    assert demo.quotes(speakers=["ac-trump"]) == [demo.quote("qu-watch")]
    demo.undo()
    assert len(demo.quotes(event="ev-announcement")) == 3


def test_second_process_sees_changes_and_conflicts_are_refused(
    demo_path: Path,
) -> None:
    first = Timeline.open(demo_path)
    second = Timeline.open(demo_path)
    event = first.event("ev-phone-call")
    first.put(replace(event, title="Phone call (first)"))
    assert second.changed_outside()
    stale = second.event("ev-phone-call")
    with pytest.raises(ConflictError, match="changed elsewhere"):
        save_draft(second, EventDraft(when=stale.when, title="second"), editing=stale)
    assert second.event("ev-phone-call").title == "Phone call (first)"
    # A change to another record goes through and both end up in the file.
    second.put(replace(second.event("ev-sanctions"), title="Sanctions (second)"))
    final = Timeline.open(demo_path)
    assert final.event("ev-phone-call").title == "Phone call (first)"
    assert final.event("ev-sanctions").title == "Sanctions (second)"


def test_snapshot_by_another_process_is_picked_up(demo_path: Path) -> None:
    first = Timeline.open(demo_path)
    second = Timeline.open(demo_path)
    first.put(replace(first.event("ev-sanctions"), title="S1"))
    first.snapshot()
    assert second.refresh()
    assert second.event("ev-sanctions").title == "S1"


def test_rename_alias_and_merge_actors(demo: Timeline) -> None:
    update_actor(demo, "ac-petro", aliases=["Petro", "Colombia's president"])
    assert demo.find_actor("colombias president").id == "ac-petro"
    with pytest.raises(ActorEditError, match="already names Donald Trump"):
        update_actor(demo, "ac-petro", name="Trump")
    dup = save_draft(
        demo, EventDraft(when=FRIDAY, title="x", actor_names=("G. Petro",))
    )
    save_draft(
        demo,
        EventDraft(when=FRIDAY, title="y", quote_text="hi", quote_speaker="G. Petro"),
    )
    other = dup.actor_ids[0]
    merged = merge_actors(demo, "ac-petro", other)
    assert "G. Petro" in merged.aliases
    assert other not in demo.actors_by_id
    assert demo.event(dup.id).actor_ids == ("ac-petro",)
    assert all(q.speaker != other for q in demo.quotes())
    demo.undo()
    assert other in demo.actors_by_id


def test_actor_edit_from_a_stale_view_is_refused(demo_path: Path) -> None:
    first = Timeline.open(demo_path)
    second = Timeline.open(demo_path)
    loaded = first.actor("ac-rubio")
    update_actor(second, "ac-rubio", aliases=["Rubio", "Little Marco"])
    with pytest.raises(ConflictError, match="changed elsewhere"):
        update_actor(
            first, "ac-rubio", aliases=[*loaded.aliases, "Senator"], loaded=loaded
        )
    assert "Little Marco" in Timeline.open(demo_path).actor("ac-rubio").aliases


def test_ambiguous_names_in_a_draft_name_the_field(demo: Timeline) -> None:
    names = ("Marco Polo",)
    save_draft(demo, EventDraft(when=FRIDAY, title="x", actor_names=names))
    with pytest.raises(DraftError) as info:
        save_draft(demo, EventDraft(when=FRIDAY, title="y", actor_names=("marco",)))
    assert info.value.field == "actors" and "Marco Rubio" in str(info.value)


def test_deleting_an_event_changed_elsewhere_is_refused(demo_path: Path) -> None:
    first = Timeline.open(demo_path)
    second = Timeline.open(demo_path)
    shown = first.event("ev-sanctions")
    second.put(replace(second.event("ev-sanctions"), title="Sanctions, updated"))
    with pytest.raises(ConflictError):
        first.delete_event("ev-sanctions", loaded=shown)
    assert Timeline.open(demo_path).event("ev-sanctions").title == "Sanctions, updated"


def test_an_undo_step_that_conflicts_is_dropped_not_stuck(demo_path: Path) -> None:
    first = Timeline.open(demo_path)
    second = Timeline.open(demo_path)
    first.put(replace(first.event("ev-sanctions"), title="S1"))
    first.put(replace(first.event("ev-phone-call"), title="P1"))
    second.put(replace(second.event("ev-phone-call"), title="P2"))
    with pytest.raises(ConflictError, match="dropped from the history"):
        first.undo()
    first.undo()  # the step before it still undoes
    assert first.event("ev-sanctions").title == "U.S. imposes sanctions on Petro"
    assert first.event("ev-phone-call").title == "P2"
