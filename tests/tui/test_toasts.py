"""Toasts stay small, collapse repeats and keep off the prompt (issue 16)."""

from __future__ import annotations

from dateline.store.timeline import Timeline
from textual.widgets import Static
from textual.widgets._toast import Toast

from tests.tui.explorer_helpers import SIZE, main_screen, make_app


async def test_a_repeated_message_shows_once(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("n", "n", "n")  # "Search first with /." three times
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages.count("Search first with /.") == 1
        await pilot.pause()
        await pilot.pause()
        shown = list(app.screen.query(Toast))
        assert len(shown) == 1


async def test_at_most_three_toasts_at_once(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for number in range(6):
            app.notify(f"message {number}")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages == ["message 3", "message 4", "message 5"]


async def test_a_short_toast_is_one_line_above_the_prompt(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("colon")
        app.notify("Search first with /.")
        await pilot.pause()
        await pilot.pause()
        toast = app.screen.query_one(Toast)
        prompt = main_screen(app).prompt
        assert toast.region.height == 1
        # Toasts sit at the top, clear of the prompt bar at the bottom.
        assert toast.region.bottom <= prompt.region.y
        assert toast.region.y >= 1  # under the header line


async def test_a_long_message_is_two_lines_and_whole_under_m(demo: Timeline) -> None:
    app = make_app(demo)
    long = " ".join(f"word{n}" for n in range(120))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.notify(long, title="Long")
        await pilot.pause()
        await pilot.pause()
        toast = app.screen.query_one(Toast)
        shown = list(app._notifications)[-1].message
        assert shown.endswith("(M: whole message)") and shown.count("\n") == 1
        # Title, two lines of message: nothing more on screen.
        assert toast.region.height <= 3
        await pilot.press("M")
        await pilot.pause()
        texts = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "word119" in texts and "Long" in texts
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main_screen(app)
