"""Quitting returns to the shell without rewriting the timeline (issue 19):
the journal already holds every change, so the explorer closes its timeline
``quick`` (a big one keeps its journal for the next open). No time is
measured here."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.cli.command import build_parser
from dateline.tui.cli.launch import run_explorer
from dateline.tui.settings import Settings

from tests.tui.explorer_helpers import SIZE, TODAY


def test_quitting_the_explorer_closes_the_timeline_quick(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closes: list[bool] = []

    def close(timeline: Timeline, *, quick: bool = False) -> None:
        closes.append(quick)

    def quit_at_once(app: DatelineApp, *args: Any, **kwargs: Any) -> None:
        assert app.loaded  # a small file opens before the app starts

    monkeypatch.setattr(Timeline, "close", close)
    monkeypatch.setattr(DatelineApp, "run", quit_at_once)
    args = build_parser().parse_args(["--db", str(demo_path)])
    args.settings = Settings()
    args.settings_problem = ""
    assert run_explorer(args) == 0
    assert closes == [True]


async def test_the_search_text_fold_never_holds_up_the_exit(demo: Timeline) -> None:
    """The interpreter waits for a worker's thread before the process ends:
    `q` right after a 100k file's rows appeared waited 2 s for the search
    text. That fold only fills a cache, so it runs in a daemon thread."""
    threads: list[threading.Thread] = []
    prepare = Timeline.prepare_search

    def watched(timeline: Timeline) -> None:
        threads.append(threading.current_thread())
        prepare(timeline)

    app = DatelineApp(demo, today=TODAY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Timeline, "prepare_search", watched)
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(100):
                if demo.search_prepared:
                    break
                await pilot.pause(0.01)
    assert demo.search_prepared
    assert len(threads) == 1
    assert threads[0].daemon and threads[0] is not threading.main_thread()


async def test_the_date_reader_warm_up_never_holds_up_the_exit(
    demo: Timeline,
) -> None:
    """dateparser's warm-up (a second of loading its data) only fills a
    cache too: `q` a moment after a 100k file's rows appeared waited for it
    while it ran in a worker's thread."""
    from dateline.store import dates

    threads: list[threading.Thread] = []
    warm = dates.warm

    def watched() -> None:
        threads.append(threading.current_thread())
        warm()

    app = DatelineApp(demo, today=TODAY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "warm", watched)
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(100):
                if threads:
                    break
                await pilot.pause(0.01)
    assert len(threads) == 1
    assert threads[0].daemon and threads[0] is not threading.main_thread()
