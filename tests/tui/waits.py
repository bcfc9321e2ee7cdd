"""Deterministic waits for pilot tests: on the work itself, never on a clock."""

from __future__ import annotations

from textual.pilot import Pilot


async def settle(pilot: Pilot) -> None:
    """Wait for the workers still meant to finish, then for what they posted.

    Cancelled ones are left out: a newer search replaced them, and waiting on
    one raises instead of returning.
    """
    live = [w for w in pilot.app.workers if not w.is_cancelled]
    if live:  # an empty list would mean "every worker" to wait_for_complete
        await pilot.app.workers.wait_for_complete(live)
    await pilot.pause()
