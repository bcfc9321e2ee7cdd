"""SVG snapshots of notes, stars and links: the event view with both, the
link picker's two steps, and a starred row with its detail strip.
Regenerate with ``--snapshot-update`` only after looking at the PNGs."""

from __future__ import annotations

import pytest
from dateline.store.model import Link, Note, touched
from dateline.store.timeline import Timeline
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.explorer_helpers import SIZE, goto, make_app, type_text


def annotate(demo: Timeline) -> None:
    """Fixed notes (their times too) and links, so the pictures are stable."""
    call = demo.event("ev-phone-call")
    demo.put(
        touched(
            call,
            starred=True,
            notes=(
                Note("AFP gives Wednesday 7 Jan", "ana", "2026-01-10T09:15:00+00:00"),
                Note("Kurdistan24 says Thursday", "ben", "2026-01-10T11:40:00+00:00"),
            ),
            links=(Link("follows", "ev-maduro-op"), Link("causes", "ev-gone")),
        ),
        touched(
            demo.event("ev-announcement"),
            links=(Link("responds to", "ev-phone-call"),),
        ),
    )


def steps(*pressed: str, typed: str = "") -> object:
    async def run(pilot: Pilot) -> None:
        await pilot.pause()
        await goto(pilot, "ev-phone-call")
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        if typed:
            await type_text(pilot, typed)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
            field.refresh()
        await pilot.pause()

    return run


SHOTS = {
    "starred_row_and_strip": steps(),
    "event_view_notes_links": steps("enter"),
    "link_picker_events": steps("ampersand", typed="white house"),
    "link_picker_kinds": steps("ampersand", "enter"),
}


@pytest.mark.parametrize("name", list(SHOTS))
def test_annotation_snapshot(name: str, demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    annotate(demo)
    assert snap_compare(make_app(demo), terminal_size=SIZE, run_before=SHOTS[name])
