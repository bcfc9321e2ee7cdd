"""The goto and date-range prompts say live how the words are read (issue 16)."""

from __future__ import annotations

from dateline.store.timeline import Timeline
from dateline.tui.widgets.prompt import PromptBar
from textual.widgets import Static

from tests.tui.explorer_helpers import (
    SIZE,
    goto,
    highlighted,
    main_screen,
    make_app,
    type_text,
)


def reading(prompt: PromptBar) -> str:
    line = prompt.query_one("#prompt-reading", Static)
    return str(line.render()) if line.display and prompt.has_class("-reading") else ""


async def test_goto_shows_the_reading_as_words_are_typed(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        prompt = main_screen(app).prompt
        assert "enter on nothing closes" in reading(prompt)
        await type_text(pilot, "first week of feb")
        assert reading(prompt) == "goes to 1-7 Feb 2026 · week"
        assert not prompt.has_class("-unreadable")
        await type_text(pilot, "blarg")
        assert prompt.has_class("-unreadable")
        assert reading(prompt).startswith('Could not read the date "first week')
        await pilot.press(*["backspace"] * 5, "enter")
        await pilot.pause()
        assert highlighted(app) == "ev-february-meeting"
        assert not prompt.is_open


async def test_enter_on_an_empty_goto_closes_without_an_error(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-sanctions")
        await pilot.press("colon", "enter")
        await pilot.pause()
        prompt = main_screen(app).prompt
        assert not prompt.is_open and prompt.error == ""
        assert highlighted(app) == "ev-sanctions"
        assert main_screen(app).view.has_focus


async def test_range_prompt_reads_open_and_closed_periods(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        prompt = main_screen(app).prompt
        await type_text(pilot, "since october 2025")
        assert reading(prompt) == "shows events from Wed 1 Oct 2025 on"
        field = prompt.query_one("#prompt-input")
        field.value = ""  # type: ignore[attr-defined]
        await type_text(pilot, "from sep 2025 to dec 2025")
        assert reading(prompt) == (
            "shows events from Mon 1 Sep 2025 to Wed 31 Dec 2025"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert not prompt.has_class("-reading")
        # The search prompt has no reader: no reading line.
        await pilot.press("slash")
        assert reading(prompt) == ""
