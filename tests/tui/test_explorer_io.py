"""`i`, `v` and `x` from the explorer: ingest, review what was found, export."""

from __future__ import annotations

from pathlib import Path

from dateline.store.timeline import Timeline
from dateline.tui.screens.export import ExportScreen
from dateline.tui.screens.ingest import IngestScreen
from dateline.tui.screens.main.screen import MainScreen
from dateline.tui.screens.review import ReviewScreen
from textual.widgets import Input, TextArea

from tests.tui.explorer_helpers import SIZE, header, make_app, shown_ids
from tests.tui.waits import settle

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"


async def test_ingest_then_review_from_the_explorer(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")  # nothing pending yet: a note, no screen
        assert isinstance(app.screen, MainScreen)
        await pilot.press("i")
        assert isinstance(app.screen, IngestScreen)
        app.screen.query_one("#ingest-text", TextArea).text = SEED.read_text()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("r")  # review now
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("a")  # accept the first pending event
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "8 of 8 events" in header(app)
        assert sum(not e.pending for e in timeline.events()) == 1
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_export_writes_exactly_the_filtered_view(
    demo: Timeline, tmp_path: Path
) -> None:
    app = make_app(demo)
    out = tmp_path / "maduro.md"
    async with app.run_test(size=SIZE) as pilot:
        app.main.set_filters(app.main.filters.toggle_actor("ac-maduro"))
        await settle(pilot)
        assert shown_ids(app) == ["ev-maduro-op"]
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path", Input)
        field.value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    text = out.read_text()
    assert "Maduro" in text and "Truth Social" not in text
