"""An open explorer on a shared timeline follows other editors live: their
change appears without a key, the cursor stays on its event, the header
names who else is there, and a lost server is told and survived."""

from __future__ import annotations

import asyncio
from datetime import date

import psycopg
from dateline.store.model import Event, FuzzyDate
from dateline.store.postgres import PgLocation
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.widgets.filterbar import FilterBar

TODAY = date(2026, 1, 10)


def _event(title: str, day: int) -> Event:
    when = date(2026, 1, day)
    return Event(when=FuzzyDate(when, when, "day", f"{day} January"), title=title)


async def _watch(location: PgLocation) -> None:
    with Timeline.open(location) as seed, seed.change() as tx:
        tx.put(_event("first", 2), _event("second", 5), _event("third", 8))
    app = DatelineApp(Timeline.open(location), today=TODAY)
    other = Timeline.open(location)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        view = app.main.view
        assert view.event is not None
        kept = view.event.title
        with other.change() as tx:
            tx.put(_event("from another editor", 1))
        for _ in range(40):  # up to 2 s; the poll runs every 0.5 s
            await pilot.pause(0.05)
            if len(app.timeline) == 4:
                break
        assert sorted(e.title for e in app.timeline.events())[0] == "first"
        assert "from another editor" in {e.title for e in app.timeline.events()}
        assert view.event is not None and view.event.title == kept
        header = app.main.query_one(FilterBar).plain
        assert "(shared)" in header and "also here: postgres" in header
        assert "4 of 4 events" in header
        shared = app.timeline.shared
        assert shared is not None and shared._listening()
        # The server drops every session of this timeline (the listener's
        # too): told once, then back by itself.
        with psycopg.connect(location.conninfo, autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name LIKE %s AND pid <> pg_backend_pid()",
                (f"dateline%:{location.timeline}",),
            )
        other = Timeline.open(location)
        told: list[str] = []
        for _ in range(40):
            await pilot.pause(0.05)
            told = [m for _, m, _ in app.messages]
            if any("Connected to PostgreSQL again" in m for m in told):
                break
        assert any("Connection to PostgreSQL lost" in m for m in told)
        assert any("Connected to PostgreSQL again" in m for m in told)
        with other.change() as tx:
            tx.put(_event("after the outage", 20))
        for _ in range(40):
            await pilot.pause(0.05)
            if len(app.timeline) == 5:
                break
        assert len(app.timeline) == 5
    other.close()
    app.timeline.close()


def test_the_explorer_follows_other_editors_live(pg_location: PgLocation) -> None:
    asyncio.run(_watch(pg_location))
