"""o opens a source's link in the browser, y copies a citation (issue 16).

The browser is never started: the screen's opener is replaced."""

from __future__ import annotations

from dataclasses import replace

from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.event_view import EventScreen
from dateline.tui.widgets.panes import SourcesPane

from tests.tui.explorer_helpers import SIZE, goto, main_screen, make_app

K24 = "https://www.kurdistan24.net/en/story/trump-petro"


def toasts(app: DatelineApp) -> list[str]:
    return [m for _, m, _ in app.messages]


def with_links(timeline: Timeline, afp: str = "") -> None:
    timeline.put(replace(timeline.source("so-k24"), url=K24))
    if afp:
        timeline.put(replace(timeline.source("so-afp"), url=afp))


def opener_into(app: DatelineApp, opened: list[str], works: bool = True) -> None:
    def fake(url: str) -> bool:
        opened.append(url)
        return works

    main_screen(app).opener = fake  # type: ignore[method-assign]


async def test_o_opens_the_events_source_link(demo: Timeline) -> None:
    with_links(demo)
    app = make_app(demo)
    opened: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        opener_into(app, opened)
        await goto(pilot, "ev-announcement")
        await pilot.press("o")
        await pilot.pause()
        assert opened == [K24]
        assert any("in the browser" in t for t in toasts(app))


async def test_o_in_the_sources_pane_opens_the_highlighted_one(demo: Timeline) -> None:
    afp = "https://www.afp.com/en/news/thaw"
    with_links(demo, afp)
    app = make_app(demo)
    opened: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        opener_into(app, opened)
        await goto(pilot, "ev-phone-call")
        await pilot.press("tab", "tab", "tab")  # the Sources pane
        pane = main_screen(app).query_one(SourcesPane)
        pane.highlighted = pane.record_ids.index("so-afp")
        await pilot.press("o")
        await pilot.pause()
        assert opened == [afp]


async def test_o_refuses_a_link_that_is_not_http(demo: Timeline) -> None:
    app = make_app(demo)
    opened: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        opener_into(app, opened)
        # Stored by an older version or another program, not by dateline.
        demo.put(replace(demo.source("so-k24"), url="file:///etc/passwd"))
        await goto(pilot, "ev-announcement")
        await pilot.press("o")
        await pilot.pause()
        assert opened == []
        assert any(
            "Not opened" in t and "only http:// and https://" in t for t in toasts(app)
        )


async def test_o_says_when_no_link_is_stored(demo: Timeline) -> None:
    app = make_app(demo)
    opened: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        opener_into(app, opened)
        await goto(pilot, "ev-announcement")
        await pilot.press("o")
        await pilot.pause()
        assert opened == []
        assert any(t.startswith("No link is stored for") for t in toasts(app))


async def test_o_says_when_no_browser_starts(demo: Timeline) -> None:
    with_links(demo)
    app = make_app(demo)
    opened: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        opener_into(app, opened, works=False)
        await goto(pilot, "ev-announcement")
        await pilot.press("o")
        await pilot.pause()
        assert any(t.startswith("No browser could be started") for t in toasts(app))


async def test_y_copies_a_citation_with_title_date_source_and_url(
    demo: Timeline,
) -> None:
    with_links(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-phone-call")
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == (
            "“Trump and Petro speak by telephone” — Wed 7 Jan 2026."
            " Sources: Kurdistan24, “Trump invites Colombia's Petro to the White "
            "House for February talks”, Sat 10 Jan 2026, "
            + K24
            + "; Agence France-Presse (AFP), “AFP reporting on the Trump-Petro "
            "thaw, as cited by Kurdistan24”."
        )
        assert "Citation copied to the clipboard." in toasts(app)


async def test_the_event_view_opens_and_cites_too(demo: Timeline) -> None:
    with_links(demo)
    app = make_app(demo)
    opened: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, EventScreen)

        def fake(url: str) -> bool:
            opened.append(url)
            return True

        view.opener = fake  # type: ignore[method-assign]
        await pilot.press("o", "y")
        await pilot.pause()
        assert opened == [K24]
        assert app.clipboard.startswith("“Trump announces Petro's White House")
        assert K24 in app.clipboard
