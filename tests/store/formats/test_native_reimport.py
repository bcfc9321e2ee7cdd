"""Importing the same native export twice adds nothing the second time."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.store.formats.native import import_native
from dateline.store.timeline import Timeline

GOLD = Path(__file__).resolve().parents[3] / "fixtures" / "seed_timeline.json"


def test_reimport_adds_no_second_copy_of_anything(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    data = json.loads(GOLD.read_text())
    import_native(timeline, data)
    before = timeline.all_docs()
    report = import_native(timeline, data)
    assert report.events == report.quotes == report.actors == report.sources == 0
    assert timeline.all_docs() == before
    assert len(timeline.quotes(speakers=["ac-rubio"])) == 1
