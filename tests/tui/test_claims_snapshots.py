"""SVG snapshots of the evidence (issue 17): a disputed event's row and
detail strip, its event view with the claims, and the verification chooser.
Regenerate with ``--snapshot-update`` only after looking at the PNGs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from dateline.store.ingest.pipeline import ingest
from dateline.store.timeline import Timeline
from textual.pilot import Pilot

from tests.tui.explorer_helpers import SIZE, goto, make_app

ARTICLES = Path(__file__).resolve().parents[1] / "claims_articles"
Steps = Callable[[Pilot], Awaitable[None]]


def on_the_call(call: str, *pressed: str) -> Steps:
    async def run(pilot: Pilot) -> None:
        await pilot.pause()
        await goto(pilot, call)
        await pilot.press(*pressed)
        await pilot.pause()

    return run


@pytest.mark.parametrize(
    "pressed", [(), ("enter",), ("V",)], ids=["row-and-strip", "event-view", "verify"]
)
def test_evidence_snapshot(
    db_path: Path, pressed: tuple[str, ...], snap_compare
) -> None:  # type: ignore[no-untyped-def]
    timeline = Timeline.open(db_path)
    try:
        ingest(timeline, (ARTICLES / "afp_call.txt").read_text(), accept=True)
        report = ingest(timeline, (ARTICLES / "k24_call.txt").read_text(), accept=True)
        steps = on_the_call(report.joined_ids[0], *pressed)
        assert snap_compare(make_app(timeline), terminal_size=SIZE, run_before=steps)
    finally:
        timeline.close()
