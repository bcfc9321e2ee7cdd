"""SVG snapshots of the pictures of time: the overview ribbon, time to scale,
actor lanes and folds, on the demo and on a 2,000-event synthetic timeline
(built from a fixed seed, read against a fixed today), at 120x35, and at
80x24 in a light theme.

Regenerate with ``pytest tests/tui/test_picture_snapshots.py --snapshot-update``
only after looking at the new pictures as PNGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.settings import Settings
from textual.pilot import Pilot

from tests.benchmarks.synth import build
from tests.tui.explorer_helpers import SIZE, TODAY, goto

SMALL = (80, 24)
Steps = Callable[[Pilot], Awaitable[None]]


@pytest.fixture
def synth(tmp_path: Path) -> Iterator[Timeline]:
    """2,000 events over 2006-2025, the same on every run (seed 7)."""
    timeline = Timeline.open(build(tmp_path / "synth-2000.json", 2000, seed=7))
    yield timeline
    timeline.close()


def app_of(timeline: Timeline) -> DatelineApp:
    return DatelineApp(timeline, today=TODAY, settings=Settings(overview=True))


def steps(*pressed: str, on: str | None = None, theme: str | None = None) -> Steps:
    async def run(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if theme is not None:
            pilot.app.theme = theme
        if on is not None:
            await goto(pilot, on)
        await pilot.press(*pressed)
        await pilot.pause()

    return run


DEMO = "ev-announcement"
#: A synthetic event in March 2016, mid-span.
SYNTH = "ev-0001000"


@pytest.mark.parametrize(
    ("name", "run"),
    [
        ("overview", steps(on=DEMO)),
        ("time_week", steps("p", "plus", on=DEMO)),
        ("lanes", steps("L", on=DEMO)),
        ("folded", steps("z", "a", on=DEMO)),
    ],
)
def test_demo_pictures(demo: Timeline, snap_compare, name: str, run: Steps) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_of(demo), terminal_size=SIZE, run_before=run)


@pytest.mark.parametrize(
    ("name", "run"),
    [
        ("overview", steps(on=SYNTH)),
        ("time_month", steps("p", on=SYNTH)),
        ("time_day", steps("p", "plus", "plus", on=SYNTH)),
        ("lanes", steps("L", "l", "J", on=SYNTH)),
        ("folded_years", steps("z", "M", on=SYNTH)),
    ],
)
def test_synthetic_pictures(  # type: ignore[no-untyped-def]
    synth: Timeline, snap_compare, name: str, run: Steps
) -> None:
    assert snap_compare(app_of(synth), terminal_size=SIZE, run_before=run)


@pytest.mark.parametrize(
    ("name", "run"),
    [
        ("time_light", steps("p", on=DEMO, theme="textual-light")),
        ("lanes_light", steps("L", on=DEMO, theme="textual-light")),
    ],
)
def test_small_light_pictures(
    demo: Timeline, snap_compare, name: str, run: Steps
) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_of(demo), terminal_size=SMALL, run_before=run)
