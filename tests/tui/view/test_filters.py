"""FilterState: the explorer's filter as parts added in order, and its chips."""

from __future__ import annotations

from datetime import date

import pytest
from dateline.store.model import Actor
from dateline.store.timeline import Timeline
from dateline.tui.view.filters import FilterState, Part


@pytest.fixture
def people() -> Timeline:
    timeline = Timeline.memory()
    timeline.put(
        Actor("Gustavo Petro", ("Petro",), id="ac-petro"),
        Actor("Donald Trump", ("Trump",), id="ac-trump"),
    )
    return timeline


def test_a_new_state_is_empty_and_filters_nothing() -> None:
    state = FilterState()
    assert state.is_empty
    wanted = state.to_filter()
    assert wanted.actors == () and wanted.tags == () and wanted.text == ""
    assert wanted.start is None and wanted.status is None


def test_ranges_statuses_and_texts_replace_their_kind_tags_add_up() -> None:
    state = (
        FilterState()
        .add(Part("text", "visit"))
        .add(Part("tag", "drugs"))
        .add(Part("text", "tariff"))
        .add(Part("tag", "trade"))
        .add(Part("tag", "drugs"))
    )
    assert [(p.kind, p.value) for p in state.parts] == [
        ("text", "tariff"),
        ("tag", "trade"),
        ("tag", "drugs"),
    ]
    assert state.to_filter().tags == ("trade", "drugs")
    assert state.to_filter().text == "tariff"


def test_to_filter_carries_the_range_bounds_and_the_status() -> None:
    jan = Part("range", "January", date(2026, 1, 1), date(2026, 1, 31))
    state = FilterState().add(jan).add(Part("status", "expected"))
    wanted = state.to_filter()
    assert (wanted.start, wanted.end) == (date(2026, 1, 1), date(2026, 1, 31))
    assert wanted.status == "expected"


def test_toggle_actor_adds_then_removes_and_without_last_drops_the_newest() -> None:
    state = FilterState().toggle_actor("ac-petro").add(Part("tag", "drugs"))
    assert state.actors == ("ac-petro",)
    assert state.toggle_actor("ac-petro").actors == ()
    assert state.without_last().parts == (Part("actor", "ac-petro"),)
    assert state.remove("tag").actors == ("ac-petro",)


def test_with_actors_keeps_the_old_order_and_sets_the_match() -> None:
    state = FilterState().toggle_actor("ac-petro").add(Part("tag", "x"))
    state = state.with_actors(("ac-trump", "ac-petro"), "any")
    assert state.actors == ("ac-petro", "ac-trump")
    assert state.match == "any"
    assert [p.kind for p in state.parts] == ["actor", "tag", "actor"]
    assert state.with_actors((), "all").actors == ()


def test_chips_follow_the_order_added_with_actors_as_one_chip(
    people: Timeline,
) -> None:
    state = (
        FilterState()
        .add(Part("tag", "drugs"))
        .toggle_actor("ac-petro")
        .add(Part("status", "expected"))
        .toggle_actor("ac-trump")
        .add(Part("text", "visit"))
    )
    assert state.chips(people) == [
        "#drugs",
        "Petro + Trump, all of",
        "expected only",
        "“visit”",
    ]
    any_of = state.with_actors(state.actors, "any")
    assert any_of.chips(people)[1] == "Petro + Trump, any of"


def test_chips_name_an_unknown_actor_by_id_and_show_controls_inert(
    people: Timeline,
) -> None:
    state = FilterState().toggle_actor("ac-gone").add(Part("text", "a\x1b[2Jb"))
    chips = state.chips(people)
    assert chips[0] == "ac-gone"
    assert "\x1b" not in chips[1] and "[2J" in chips[1]
