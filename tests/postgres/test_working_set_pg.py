"""The working set on a shared timeline: saved views and the order within a
day are stored in PostgreSQL like any change, and `list --view` /
`--not-actor` answer as the file store does."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes import move_in_day, save_view, saved_views
from dateline.store.changes.copying import copy_into
from dateline.store.model import Event, FuzzyDate
from dateline.store.postgres import PgLocation
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from dateline.tui.cli import main


def test_views_and_day_order_live_in_postgres(
    pg_location: PgLocation, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")
    with Timeline.open(demo_path) as source, Timeline.open(pg_location) as shared:
        copy_into(source, shared)
        with shared.change() as tx:
            tx.put(Event(day, "Alpha", id="ev-a"), Event(day, "Bravo", id="ev-b"))
        move_in_day(shared, shared.event("ev-b"), -1)
        save_view(shared, "No Trump", EventFilter(not_actors=("ac-trump",)))
    with Timeline.open(pg_location) as shared:
        assert [v.name for v in saved_views(shared)] == ["No Trump"]
        on_day = [e.id for e in shared.events() if e.when.start_day == day.start]
        assert on_day == ["ev-b", "ev-a", "ev-announcement"]
    db = str(pg_location)
    assert main(["--db", db, "list", "--format", "json", "--view", "no trump"]) == 0
    listed = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert listed == ["ev-sanctions", "ev-b", "ev-a", "ev-petro-leaves-office"]
    assert main(["--db", db, "list", "--format", "json", "--not-tag", "diplomacy",
                 "--actor", "Trump"]) == 0  # fmt: skip
    listed = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert listed == ["ev-visa-suspension", "ev-maduro-op"]
