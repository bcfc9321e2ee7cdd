"""SVG snapshots of the explorer's key layouts at a fixed size and date.

Regenerate with ``pytest tests/tui/test_explorer_snapshots.py --snapshot-update``
only after looking at the new pictures.
"""

from __future__ import annotations

from dateline.store.timeline import Timeline
from textual.pilot import Pilot

from tests.tui.explorer_helpers import SIZE, main_screen, make_app


async def _on_announcement(pilot: Pilot) -> None:
    await pilot.pause()
    main_screen(pilot.app).view.select_id("ev-announcement")  # type: ignore[arg-type]
    await pilot.pause()


def test_main_screen(demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(demo), terminal_size=SIZE, run_before=_on_announcement)


def test_article_with_highlighted_quotes(demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_article(pilot: Pilot) -> None:
        await _on_announcement(pilot)
        await pilot.press("tab", "tab", "tab", "enter", "n", "n")
        await pilot.pause()

    assert snap_compare(make_app(demo), terminal_size=SIZE, run_before=open_article)


def test_help_screen(demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(demo), terminal_size=SIZE, press=["question_mark"])


def test_filtered_and_searched(demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def filter_and_search(pilot: Pilot) -> None:
        await pilot.press("f", *"petro", "enter", "slash", *"white", "space")
        await pilot.press(*"house", "enter")
        await pilot.pause()

    assert snap_compare(
        make_app(demo), terminal_size=SIZE, run_before=filter_and_search
    )
