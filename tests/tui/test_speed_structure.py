"""What keeps filter keys fast on a big timeline, checked on the demo with the
"big" threshold lowered: no test here measures a time (issue 19)."""

from __future__ import annotations

import threading

import pytest
from dateline.store.model import Event
from dateline.store.timeline import Timeline
from dateline.tui.screens.main import host
from dateline.tui.screens.main.screen import MainScreen
from dateline.tui.view.layout import Layout, build_layout

from tests.tui.explorer_helpers import SIZE, make_app, shown_ids, type_text
from tests.tui.waits import settle


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every layout the main screen builds, in order; and every
    timeline counts as big (its whole layout is built in a worker)."""
    built: list[int] = []

    def counted(events: list[Event], today: object) -> Layout:
        built.append(len(events))
        return build_layout(events, today)  # type: ignore[arg-type]

    monkeypatch.setattr(host, "build_layout", counted)
    monkeypatch.setattr(MainScreen, "SYNC_LIMIT", 2)
    return built


async def test_clearing_a_filter_reuses_the_whole_layout(
    demo: Timeline, layouts: list[int]
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everything = shown_ids(app)
        assert layouts == [len(demo)]
        await pilot.press("f")
        await type_text(pilot, "maduro")
        await pilot.press("enter")
        # A filter matching few events is laid out at once, not in a worker.
        assert shown_ids(app) == ["ev-maduro-op"]
        assert not [w for w in app.workers if w.group == "refill"]
        await pilot.press("escape")
        assert shown_ids(app) == everything
        assert layouts == [len(demo), 1]


async def test_a_change_lays_the_whole_timeline_out_again(
    demo: Timeline, layouts: list[int]
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        gone = demo.delete_event("ev-maduro-op")
        app.main.after_change()
        await settle(pilot)
        assert gone.id not in shown_ids(app)
        assert layouts == [len(demo) + 1, len(demo)]


async def test_an_idle_timeline_folds_its_journal_in_a_worker(
    demo: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So quitting has nothing left to rewrite in the foreground."""
    threads: list[threading.Thread] = []
    snapshot = Timeline.snapshot

    def watched(timeline: Timeline) -> None:
        threads.append(threading.current_thread())
        snapshot(timeline)

    monkeypatch.setattr(Timeline, "snapshot", watched)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo.delete_event("ev-maduro-op")
        app.fold_when_idle()  # the period in which the change was made
        await settle(pilot)
        assert threads == [] and demo.pending_journal == 1
        app.fold_when_idle()  # a whole period with no change
        await settle(pilot)
        assert demo.pending_journal == 0
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
