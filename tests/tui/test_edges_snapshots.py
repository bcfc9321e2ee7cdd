"""SVG snapshots of issue 16's rough edges smoothed: the explorer at 80x24
with its side panes folded, the goto and tag prompts reading as you type,
and the review list with rows ticked. Regenerate with ``--snapshot-update``
only after looking at the new pictures as PNGs."""

from __future__ import annotations

from pathlib import Path

from dateline.store.ingest.pipeline import ingest
from dateline.store.timeline import Timeline
from textual.pilot import Pilot

from tests.tui.explorer_helpers import SIZE, goto, make_app
from tests.tui.test_screen_snapshots import keys, steady
from tests.tui.waits import settle

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"
SMALL = (80, 24)


def test_narrow_explorer_folds_its_panes(demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    steps = steady(keys(on="ev-maduro-op"))
    assert snap_compare(make_app(demo), terminal_size=SMALL, run_before=steps)


def test_goto_prompt_reads_as_you_type(demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys_typed = ["colon", *"first", "space", *"week", "space", *"of", "space"]
    steps = steady(keys(*keys_typed, *"feb"))
    assert snap_compare(make_app(demo), terminal_size=SIZE, run_before=steps)


def test_tag_prompt_completes_and_reads(demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def typed(pilot: Pilot) -> None:
        await pilot.pause()
        await goto(pilot, "ev-announcement")
        await pilot.press("number_sign", *"diplomacy,", "space", *"dr")
        await settle(pilot)

    assert snap_compare(make_app(demo), terminal_size=SIZE, run_before=steady(typed))


def test_review_with_ticked_rows(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    timeline = Timeline.open(db_path)
    ingest(timeline, SEED.read_text(encoding="utf-8"))
    try:
        steps = steady(keys("v", "space", "space", on=None))
        assert snap_compare(make_app(timeline), terminal_size=SIZE, run_before=steps)
    finally:
        timeline.close()
