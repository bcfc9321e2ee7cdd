"""Quitting returns to the shell without rewriting the timeline (issue 19):
the journal already holds every change, so the explorer closes its timeline
``quick`` (a big one keeps its journal for the next open). No time is
measured here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.cli.command import build_parser
from dateline.tui.cli.launch import run_explorer
from dateline.tui.settings import Settings


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
