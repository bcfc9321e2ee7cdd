"""Filtering by actor, searching and narrowing the timeline (issue 4)."""

from __future__ import annotations

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.screens.actor_picker import ActorPickerScreen, rank_actors
from dateline.tui.screens.main.screen import MainScreen
from dateline.tui.view.filters import FilterState, Part
from dateline.tui.view.textmatch import match_spans
from dateline.tui.widgets.filterbar import FilterBar
from dateline.tui.widgets.prompt import PromptBar
from textual.geometry import Region
from textual.widgets import Input

from tests.tui.explorer_helpers import (
    SIZE,
    goto,
    header,
    highlighted,
    main_screen,
    make_app,
    pane_ids,
    shown_ids,
    type_text,
)
from tests.tui.waits import settle

PETRO_EVENTS = {
    "ev-announcement",
    "ev-phone-call",
    "ev-maduro-op",
    "ev-sanctions",
    "ev-visa-suspension",
    "ev-february-meeting",
    "ev-petro-leaves-office",
}


async def pick(pilot, *names: str, any_of: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Open the picker, tick each name with tab, and apply with enter."""
    await pilot.press("f")
    assert isinstance(pilot.app.screen, ActorPickerScreen)
    for name in names:
        await pilot.press("ctrl+u")
        await type_text(pilot, name)
        await pilot.press("tab")
    if any_of != (pilot.app.screen.match == "any"):
        await pilot.press("ctrl+o")
    await pilot.press("ctrl+u", "enter")


async def test_filter_by_maduro_shows_only_his_events(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await type_text(pilot, "maduro")
        await pilot.press("enter")
        assert shown_ids(app) == ["ev-maduro-op"]
        assert highlighted(app) == "ev-maduro-op"
        assert "Maduro" in header(app)
        assert "1 of 8 events" in header(app)


async def test_filter_by_rubio_shows_no_events_but_his_undated_quote(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pick(pilot, "rubio")
        assert shown_ids(app) == []
        assert highlighted(app) is None
        assert pane_ids(app)["quotes"] == ["qu-lunatic"]
        assert "0 of 8 events" in header(app)


async def test_all_of_narrows_and_any_of_widens(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pick(pilot, "petro")
        petro = set(shown_ids(app))
        assert petro == PETRO_EVENTS
        await pick(pilot, "trump")  # Petro stays ticked: Petro + Trump
        both = set(shown_ids(app))
        assert both < petro
        assert "ev-sanctions" not in both and "ev-phone-call" in both
        assert "Petro + Trump, all of" in header(app)
        await pilot.press("f", "ctrl+o", "enter")
        either = set(shown_ids(app))
        assert either > petro
        assert "ev-un-lula" in either
        assert "Petro + Trump, any of" in header(app)


async def test_clearing_restores_everything_with_the_same_event(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pick(pilot, "maduro")
        assert highlighted(app) == "ev-maduro-op"
        await pilot.press("c")
        assert len(shown_ids(app)) == 8
        assert highlighted(app) == "ev-maduro-op"
        assert "filter:" not in header(app)


async def test_esc_and_backspace_drop_the_last_chip(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pick(pilot, "petro", "trump")
        await pilot.press("S")  # occurred only
        assert "occurred only" in header(app)
        await pilot.press("escape")
        assert "occurred only" not in header(app)
        assert "Petro + Trump" in header(app)
        await pilot.press("backspace")
        assert "Petro" in header(app) and "Trump" not in header(app)
        assert set(shown_ids(app)) == PETRO_EVENTS


async def test_a_filter_that_drops_the_event_highlights_the_nearest(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-un-lula")  # Sep 2025, Petro is not in it
        await pick(pilot, "petro")
        assert highlighted(app) == "ev-sanctions"  # Oct 2025, the nearest


async def test_actors_pane_toggles_an_actor_into_the_filter(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-un-lula")
        await pilot.press("tab")  # the actors pane: Trump, Lula
        await pilot.press("down", "enter")
        assert shown_ids(app) == ["ev-un-lula"]
        assert "Lula" in header(app)
        await pilot.press("space")  # toggles Lula off again
        assert len(shown_ids(app)) == 8


async def test_quotes_pane_toggles_to_all_quotes_of_the_filtered_actors(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pick(pilot, "trump")
        await goto(pilot, "ev-maduro-op")
        assert pane_ids(app)["quotes"] == ["qu-watch"]
        await pilot.press("Q")
        assert pane_ids(app)["quotes"] == [
            "qu-watch",
            "qu-look-forward",
            "qu-work-out",
            "qu-cocaine",
        ]
        await pilot.press("Q")
        assert pane_ids(app)["quotes"] == ["qu-watch"]


async def test_search_cocaine_lands_on_the_friday_announcement(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "slash")
        await type_text(pilot, "cocaine")
        await pilot.press("enter")
        assert highlighted(app) == "ev-announcement"
        assert "1 hit" in header(app)
        await pilot.press("n")
        assert highlighted(app) == "ev-announcement"


async def test_n_and_shift_n_step_through_hits_and_rows_show_matches(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "slash")
        await type_text(pilot, "white house")
        await pilot.press("enter")
        # Titles, summaries and quotes that say "White House".
        assert highlighted(app) == "ev-visa-suspension"
        await pilot.press("n")
        assert highlighted(app) == "ev-announcement"
        await pilot.press("n")
        assert highlighted(app) == "ev-february-meeting"
        await pilot.press("n")  # wraps
        assert highlighted(app) == "ev-visa-suspension"
        await pilot.press("N")
        assert highlighted(app) == "ev-february-meeting"
        view = main_screen(app).view
        line = view.layout_data.event_line(view.cursor) - int(view.scroll_y)
        strip = view.render_line(line)
        match_style = view.get_component_rich_style("timeline--match")
        marked = "".join(
            s.text for s in strip if s.style and s.style.bgcolor == match_style.bgcolor
        )
        assert marked == "White House"


async def test_search_can_become_a_filter(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "white house")
        await pilot.press("enter", "F")
        assert shown_ids(app) == [
            "ev-visa-suspension",
            "ev-announcement",
            "ev-february-meeting",
        ]
        assert "“white house”" in header(app)


async def test_a_search_without_hits_says_so_and_keeps_the_input(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "zebra")
        await pilot.press("enter")
        prompt = main_screen(app).query_one(PromptBar)
        assert prompt.is_open and "Nothing matches “zebra”" in prompt.error
        assert prompt.query_one(Input).value == "zebra"


async def test_date_range_in_words(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await type_text(pilot, "from last October to now")
        await pilot.press("enter")
        assert shown_ids(app) == [
            "ev-sanctions",
            "ev-petro-leaves-office",  # coarse: heads 2026, above January
            "ev-maduro-op",
            "ev-phone-call",
            "ev-announcement",
        ]
        assert "when: from last October to now" in header(app)
        await pilot.press("r")
        await type_text(pilot, "since January")
        await pilot.press("enter")
        assert shown_ids(app)[:2] == ["ev-petro-leaves-office", "ev-maduro-op"]
        assert shown_ids(app)[-1] == "ev-february-meeting"


async def test_an_unreadable_range_is_explained(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await type_text(pilot, "whenever")
        await pilot.press("enter")
        prompt = main_screen(app).query_one(PromptBar)
        assert 'Could not read the date "whenever"' in prompt.error
        assert len(shown_ids(app)) == 8


async def test_tag_and_status_filters_combine_with_actors(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await type_text(pilot, "diplomacy")
        await pilot.press("enter")
        assert set(shown_ids(app)) == {
            "ev-un-lula",
            "ev-phone-call",
            "ev-announcement",
            "ev-february-meeting",
        }
        await pick(pilot, "petro")
        assert set(shown_ids(app)) == {
            "ev-phone-call",
            "ev-announcement",
            "ev-february-meeting",
        }
        await pilot.press("S", "S")  # occurred only, then expected only
        assert shown_ids(app) == ["ev-february-meeting"]
        assert "expected only" in header(app)
        await pilot.press("S")
        assert len(shown_ids(app)) == 3


async def test_an_unknown_tag_lists_the_known_ones(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await type_text(pilot, "sports")
        await pilot.press("enter")
        error = main_screen(app).query_one(PromptBar).error
        assert "No tag starts with “sports”" in error and "diplomacy" in error


async def test_opens_filtered_from_the_command_line(demo: Timeline) -> None:
    app = make_app(demo, actor_filter=("ac-petro", "ac-trump"), match_any=True)
    async with app.run_test(size=SIZE):
        assert len(shown_ids(app)) == 8
        assert "Petro + Trump, any of" in header(app)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lula", "ac-lula"),
        ("da silva", "ac-lula"),
        ("luiz inacio", "ac-lula"),
        ("the U.S. president", "ac-trump"),
        ("secretary of state", "ac-rubio"),
        ("nicolas", "ac-maduro"),
    ],
)
def test_fuzzy_picker_ranks_names_and_aliases(
    demo: Timeline, typed: str, expected: str
) -> None:
    ranked = rank_actors(demo, typed)
    assert ranked and ranked[0][0].id == expected


async def test_picker_shows_counts_and_the_alias_that_matched(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await type_text(pilot, "the u.s. president")
        picker = app.screen
        assert isinstance(picker, ActorPickerScreen)
        first = picker.options.get_option_at_index(0)
        prompt = str(first.prompt)
        assert "Donald Trump" in prompt and "the U.S. president" in prompt
        assert "6 events" in prompt
        await pilot.press("escape")
        assert len(shown_ids(app)) == 8  # cancelled: nothing changed


async def test_large_timelines_filter_in_a_worker(
    demo: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MainScreen, "SYNC_LIMIT", 0)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(shown_ids(app)) == 8
        await pick(pilot, "maduro")
        await settle(pilot)
        assert shown_ids(app) == ["ev-maduro-op"]
        await pilot.press("slash")
        await type_text(pilot, "watch")
        await pilot.press("enter")
        await settle(pilot)
        assert highlighted(app) == "ev-maduro-op"
        assert "1 hit" in header(app)


def test_filter_state_chips_keep_the_order_they_were_added(demo: Timeline) -> None:
    state = FilterState().add(Part("tag", "drugs")).toggle_actor("ac-petro")
    state = state.toggle_actor("ac-trump")
    assert state.chips(demo) == ["#drugs", "Petro + Trump, all of"]
    assert state.without_last().chips(demo) == ["#drugs", "Petro"]
    assert state.to_filter().actors == ("ac-petro", "ac-trump")
    assert (
        state.add(Part("status", "expected"))
        .add(Part("status", "occurred"))
        .to_filter()
        .status
        == "occurred"
    )


def test_match_spans_fold_case_accents_and_punctuation() -> None:
    assert match_spans("Nicolás Maduro", "nicolas") == [(0, 7)]
    assert match_spans("U.S. imposes", "us imposes") == [(0, 12)]
    assert match_spans("White House, white  house", "white house") == [
        (0, 11),
        (13, 25),
    ]
    assert match_spans("anything", "") == []


async def test_a_crowded_header_crops_the_filter_with_an_ellipsis_not_the_count(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f", *"petro", "enter", "slash", *"cocaine", "enter")
        await pilot.pause()
        bar = main_screen(app).query_one(FilterBar)
        shown = "".join(
            "".join(
                seg.text
                for seg in part.render_lines(Region(0, 0, part.size.width, 1))[0]
            )
            for part in bar.children
        )
        assert shown.rstrip().endswith("… 7 of 8 events"), shown
        assert "search “cocaine”" in shown


@pytest.mark.parametrize("key", ["colon", "r", "number_sign", "slash"])
async def test_an_open_prompt_shows_its_own_keys_in_the_footer(
    demo: Timeline, key: str
) -> None:
    app = make_app(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        shown = {
            binding.key: binding.description
            for _, binding, enabled, _ in app.screen.active_bindings.values()
            if binding.show and enabled
        }
        assert shown == {"enter": "Apply", "escape": "Cancel"}
        await pilot.press("escape")
        await pilot.pause()
        assert "slash" in app.screen.active_bindings  # "/ Search" is back
