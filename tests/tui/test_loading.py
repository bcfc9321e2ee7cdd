"""Big files open behind a loading screen; errors end the app with a message."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from dateline.store.errors import TimelineFileError
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.loading import LoadingScreen
from dateline.tui.screens.main.screen import MainScreen
from textual.pilot import Pilot
from textual.widgets import LoadingIndicator

from tests.tui.explorer_helpers import header, shown_ids


async def opened(pilot: Pilot[int]) -> None:
    """Wait for the opening worker however it ends, then for the app to act on
    its result: no guess at how long a loaded machine takes."""
    opening = [w for w in pilot.app.workers if w.group == "open"]
    # A failed open is the app's to report (it exits with the message).
    await asyncio.gather(*(w.wait() for w in opening), return_exceptions=True)
    await pilot.pause()


async def test_opener_runs_in_a_worker_then_shows_the_timeline(
    demo_path: Path,
) -> None:
    heard: list[str] = []

    def opener(progress: Callable[[str], None]) -> tuple[Timeline, tuple[str, ...]]:
        def tell(text: str) -> None:
            heard.append(text)
            progress(text)

        timeline = Timeline.open(demo_path, progress=tell)
        return timeline, ("ac-maduro",)

    app = DatelineApp(opener=opener, label=str(demo_path), today=date(2026, 1, 10))
    async with app.run_test(size=(120, 35)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.timeline.path == demo_path
        assert "1 of 8 events" in header(app)
        assert shown_ids(app) == ["ev-maduro-op"]
    assert any("Building 8 events" in text for text in heard)


async def test_a_bad_file_ends_the_app_with_the_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("")

    def opener(progress: Callable[[str], None]) -> tuple[Timeline, tuple[str, ...]]:
        return Timeline.open(bad, progress=progress), ()

    app = DatelineApp(opener=opener, label=str(bad))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LoadingScreen) or app.return_code == 2
        await opened(pilot)
    assert app.return_code == 2
    assert not app.loaded
    assert bad.read_text() == ""
    # The message names the file (TimelineFileError's text).
    with pytest.raises(TimelineFileError, match=re.escape(str(bad))):
        Timeline.open(bad)


async def test_no_spinner_keeps_running_under_the_opened_timeline(
    demo_path: Path,
) -> None:
    """A spinner left under the main screen redrew the idle explorer about
    32 times a second after a big file opened."""

    def opener(progress: Callable[[str], None]) -> tuple[Timeline, tuple[str, ...]]:
        return Timeline.open(demo_path, progress=progress), ()

    app = DatelineApp(opener=opener, label=str(demo_path), today=date(2026, 1, 10))
    async with app.run_test(size=(120, 35)) as pilot:
        # The default screen: the main one may already be pushed over it.
        loading = app.screen_stack[0]
        assert isinstance(loading, LoadingScreen)
        await opened(pilot)
        assert isinstance(app.screen, MainScreen)
        assert loading in app.screen_stack
        for screen in app.screen_stack:
            assert not screen.query(LoadingIndicator), screen
        assert not loading.query(LoadingIndicator)


async def test_search_text_is_folded_in_a_worker_once_open(demo_path: Path) -> None:
    """The first `/` must not fold every event's text on the UI thread."""
    threads: list[threading.Thread] = []
    prepare = Timeline.prepare_search

    def watched(timeline: Timeline) -> None:
        threads.append(threading.current_thread())
        prepare(timeline)

    def opener(progress: Callable[[str], None]) -> tuple[Timeline, tuple[str, ...]]:
        return Timeline.open(demo_path, progress=progress), ()

    app = DatelineApp(opener=opener, label=str(demo_path), today=date(2026, 1, 10))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Timeline, "prepare_search", watched)
        async with app.run_test(size=(120, 35)) as pilot:
            await opened(pilot)
            # It starts once the first rows are shown, a message or two
            # later, in a thread of its own (see test_quit_structure).
            for _ in range(100):
                if app.timeline.search_prepared:
                    break
                await pilot.pause(0.01)
            assert app.timeline.search_prepared
    assert threads and threading.main_thread() not in threads
