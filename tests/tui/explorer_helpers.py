"""Shared helpers for the explorer's pilot tests: build the app, read state."""

from __future__ import annotations

from datetime import date

from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.main.screen import MainScreen
from dateline.tui.widgets.filterbar import FilterBar
from dateline.tui.widgets.panes import ActorsPane, QuotesPane, SourcesPane
from textual.pilot import Pilot

#: "Today" for every explorer test: the seed article's date.
TODAY = date(2026, 1, 10)
SIZE = (120, 35)


def make_app(timeline: Timeline, **kwargs: object) -> DatelineApp:
    return DatelineApp(timeline, today=TODAY, **kwargs)  # type: ignore[arg-type]


def main_screen(app: DatelineApp) -> MainScreen:
    return app.main


def highlighted(app: DatelineApp) -> str | None:
    event = main_screen(app).view.event
    return event.id if event else None


def shown_ids(app: DatelineApp) -> list[str]:
    return [e.id for e in main_screen(app).view.layout_data.events]


def pane_ids(app: DatelineApp) -> dict[str, list[str]]:
    screen = main_screen(app)
    return {
        "actors": screen.query_one(ActorsPane).record_ids,
        "quotes": screen.query_one(QuotesPane).record_ids,
        "sources": screen.query_one(SourcesPane).record_ids,
    }


def header(app: DatelineApp) -> str:
    return main_screen(app).query_one(FilterBar).plain


async def goto(pilot: Pilot, event_id: str) -> None:
    """Highlight ``event_id`` the way a test can't do by keys alone."""
    screen = main_screen(pilot.app)  # type: ignore[arg-type]
    assert screen.view.select_id(event_id)
    await pilot.pause()
    # The panes fill in the frame after the cursor's (see ``sync_panes``).
    for _ in range(20):
        if not screen._panes_due:
            break
        await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` key by key into whatever has focus."""
    keys = ["space" if ch == " " else ch for ch in text]
    await pilot.press(*keys)
