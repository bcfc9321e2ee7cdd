"""Time zones in the explorer (issue 17): rows show zoned times in the
user's zone, the detail strip and event view the original with the user's
beside it, and the event form reads "14:30 EST" live."""

from __future__ import annotations

from datetime import date

from dateline.store.dates import parse_date
from dateline.store.model import Event
from dateline.store.timeline import Timeline
from dateline.tui.screens.event_form import EventFormScreen
from dateline.tui.screens.event_view import EventScreen
from dateline.tui.settings import Settings
from dateline.tui.widgets.detail import DetailStrip
from textual.pilot import Pilot
from textual.widgets import Static

from tests.tui.explorer_helpers import SIZE, goto, main_screen, make_app
from tests.tui.form_host import PENDING, FormHost
from tests.tui.test_event_form import text_of, type_into
from tests.tui.test_explorer_keys import view_lines

ANCHOR = date(2026, 1, 10)


class ZonedHost(FormHost):
    """The form's host app, showing times in Paris as the explorer would."""

    display_zone = "Europe/Paris"


def zoned_timeline() -> Timeline:
    timeline = Timeline.memory()
    for eid, title, text in (
        ("ev-dc", "Washington call", "9 Jan 2026 14:30 EST"),
        ("ev-paris", "Paris statement", "9 Jan 2026 15:00 CET"),
        ("ev-plain", "Unzoned note", "9 Jan 2026 13:00"),
    ):
        timeline.put(Event(parse_date(text, ANCHOR), title, id=eid))
    return timeline


async def test_the_form_reads_a_zone_live_and_saves_it() -> None:
    timeline = zoned_timeline()
    screen = EventFormScreen(timeline, anchor=ANCHOR, anchor_label="today")
    app = ZonedHost(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_into(pilot, "#date-input", "9 Jan 2026 14:30 EST")
        await pilot.pause()
        assert text_of(app, "#date-reading") == (
            "Fri 9 Jan 2026 14:30 EST (20:30 CET) · minute"
        )
        await type_into(pilot, "#title", "Statement from the White House")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    assert isinstance(saved, Event)
    assert (saved.when.zone, saved.when.text) == ("EST", "9 Jan 2026 14:30 EST")
    assert timeline.event(saved.id).when.zone == "EST"


async def test_a_hostile_zone_in_the_form_is_named_and_nothing_saved() -> None:
    timeline = zoned_timeline()
    count = len(timeline)
    screen = EventFormScreen(timeline, anchor=ANCHOR, anchor_label="today")
    app = ZonedHost(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_into(pilot, "#title", "On Mars")
        for written, words in (
            ("14:30 Mars/Olympus", '"Mars/Olympus" is no time zone'),
            ("14:30 +99:00", "+99:00 is no offset in use"),
        ):
            await type_into(pilot, "#date-input", written)
            await pilot.pause()
            assert words in text_of(app, "#date-reading")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.result is PENDING
            assert isinstance(app.screen, EventFormScreen)
    assert len(timeline) == count


async def test_rows_use_the_users_zone_and_the_detail_shows_the_original() -> None:
    app = make_app(zoned_timeline(), settings=Settings(zone="Europe/Paris"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = [line for line in view_lines(app) if "9 Jan" in line]
        # In instant order, each zoned time in Paris time; the unzoned as written.
        assert [line.split()[3] for line in lines] == ["Unzoned", "Paris", "Washington"]
        assert "9 Jan 20:30" in lines[2] and "9 Jan 15:00" in lines[1]
        await goto(pilot, "ev-dc")
        detail = str(main_screen(app).query_one(DetailStrip).render())
        assert "Fri 9 Jan 2026 14:30 EST (20:30 CET) · minute" in detail
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        shown = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Fri 9 Jan 2026 14:30 EST (20:30 CET) · minute" in shown


def test_zoned_rows_and_detail_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def on_washington(pilot: Pilot) -> None:
        await pilot.pause()
        main_screen(pilot.app).view.select_id("ev-dc")  # type: ignore[arg-type]
        await pilot.pause()

    app = make_app(zoned_timeline(), settings=Settings(zone="Europe/Paris"))
    assert snap_compare(app, terminal_size=SIZE, run_before=on_washington)
