"""The tag filter completes, matches starts of tags, takes several (issue 16)."""

from __future__ import annotations

from dateline.store.timeline import Timeline
from dateline.tui.view.tag_words import read_tags
from dateline.tui.widgets.prompt import PromptBar
from textual.widgets import Input, Static

from tests.tui.explorer_helpers import (
    SIZE,
    header,
    main_screen,
    make_app,
    shown_ids,
    type_text,
)
from tests.tui.waits import settle

TAGS = ["brazil", "colombia", "diplomacy", "drugs", "migration", "military"]


def test_read_tags_full_prefix_several_and_ambiguous() -> None:
    assert read_tags("Diplomacy", TAGS).tags == ("diplomacy",)
    assert read_tags("dip, dru", TAGS).tags == ("diplomacy", "drugs")
    assert read_tags("#dip #col", TAGS).tags == ("diplomacy", "colombia")
    ambiguous = read_tags("mi", TAGS)
    assert ambiguous.problem == "“mi” starts migration, military: type more of the tag."
    assert "No tag starts with “sport”" in read_tags("dip, sport", TAGS).problem
    assert read_tags("", TAGS).tags == ()


async def test_a_prefix_filters_by_the_one_tag_it_starts(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await type_text(pilot, "diplo")
        prompt = main_screen(app).query_one(PromptBar)
        line = str(prompt.query_one("#prompt-reading", Static).render())
        assert line == "shows events tagged #diplomacy"
        await pilot.press("enter")
        await pilot.pause()
        assert len(shown_ids(app)) == 4 and "#diplomacy" in header(app)


async def test_several_tags_at_once_each_get_a_chip(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await type_text(pilot, "diplomacy, drugs")
        await pilot.press("enter")
        await pilot.pause()
        assert shown_ids(app) == ["ev-announcement"]
        assert "#diplomacy" in header(app) and "#drugs" in header(app)
        await pilot.press("backspace")  # the last chip goes: diplomacy stays
        assert len(shown_ids(app)) == 4


async def test_the_tag_prompt_completes_from_known_tags(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await type_text(pilot, "sanctions, ven")
        await settle(pilot)  # the suggester answers in a worker
        field = main_screen(app).query_one("#prompt-input", Input)
        assert field._suggestion == "sanctions, venezuela"
        await pilot.press("right", "enter")
        await pilot.pause()
        assert shown_ids(app) == []  # no event is tagged both
        assert "#venezuela" in header(app)


async def test_an_ambiguous_start_is_asked_about_not_guessed(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await type_text(pilot, "m")
        await pilot.press("enter")
        await pilot.pause()
        prompt = main_screen(app).query_one(PromptBar)
        assert prompt.is_open
        assert prompt.error == "“m” starts migration, military: type more of the tag."
