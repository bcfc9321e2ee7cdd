"""Shared fixtures: timelines on temporary files, the demo timeline, the anchor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.cli.demo import make_demo

#: The seed article's publication date; every date test reads against it.
SEED_ANCHOR = date(2026, 1, 10)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A fresh TinyDB copy of the gold demo timeline."""
    return make_demo(tmp_path)


@pytest.fixture
def demo(demo_path: Path) -> Timeline:
    timeline = Timeline.open(demo_path)
    yield timeline
    timeline.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new, empty timeline file."""
    return tmp_path / "timeline.json"
