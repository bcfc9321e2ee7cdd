"""The full event view: e edits the event, and the focused pane shows it
(issue 16)."""

from __future__ import annotations

from dateline.store.timeline import Timeline
from dateline.tui.screens.event_form import EventFormScreen
from dateline.tui.screens.event_view import EventScreen
from textual.widgets import Input, Static

from tests.tui.explorer_helpers import SIZE, goto, main_screen, make_app, type_text


async def test_e_in_the_event_view_edits_and_shows_the_saved_event(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-phone-call")
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, EventScreen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)
        title = app.screen.query_one("#title", Input)
        title.focus()
        title.value = ""
        await type_text(pilot, "Trump and Petro talk by phone")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is view
        text = str(view.query_one("#event-text", Static).render())
        assert text.startswith("Trump and Petro talk by phone")
        assert demo.event("ev-phone-call").title == "Trump and Petro talk by phone"
        await pilot.press("escape")
        await pilot.pause()
        # The explorer shows the new title too.
        assert main_screen(app).view.event is not None
        assert main_screen(app).view.event.title == "Trump and Petro talk by phone"


async def test_the_focused_pane_of_the_event_view_has_the_accent_border(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        box = screen.query_one("#event-box")
        sources = screen.query_one("#event-sources")
        assert sources.has_focus
        focused = sources.styles.border_top[1]
        blurred = box.styles.border_top[1]
        assert focused != blurred
        await pilot.press("shift+tab")
        await pilot.pause()
        assert box.has_focus
        assert box.styles.border_top[1] == focused
        assert sources.styles.border_top[1] == blurred
