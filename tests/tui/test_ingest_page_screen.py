"""The `i` dialog reads saved pages and feeds the way `dateline ingest` does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.store.timeline import Timeline
from dateline.tui.screens.ingest import IngestResult, IngestScreen
from textual.widgets import Input, Static, TextArea

from tests.tui.form_host import FormHost
from tests.tui.waits import settle

PAGES = Path(__file__).resolve().parents[1] / "store" / "pages"
SIZE = (110, 40)


def shown(app: FormHost, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def test_saved_page_path_takes_the_pages_metadata(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#ingest-file", Input).value = str(
            PAGES / "harbour_strike.html"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Dock workers in Valmont" in shown(app, "#ingest-summary")
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.result, IngestResult)
    (source,) = timeline.sources()
    assert source.published == date(2026, 3, 12)
    assert source.outlet == "The Coastal Ledger" and source.language == "en"


async def test_pasted_html_is_read_as_a_page(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#ingest-text", TextArea).text = (
            PAGES / "harbour_strike.html"
        ).read_text("utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
    (source,) = timeline.sources()
    assert source.title == "Dock workers in Valmont vote to strike from next month"
    assert "cookies" not in source.body and "<p>" not in source.body


async def test_feed_path_ingests_every_item_and_reviews_them_all(
    db_path: Path,
) -> None:
    timeline = Timeline.open(db_path)
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#ingest-file", Input).value = str(PAGES / "desk.atom")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Feed: 2 items ingested, 0 skipped." in shown(app, "#ingest-summary")
        await pilot.press("r")
        await pilot.pause()
    result = app.result
    assert isinstance(result, IngestResult) and result.review
    assert result.source_id is None  # review everything pending
    assert {s.published for s in timeline.sources()} == {
        date(2026, 4, 9),
        date(2026, 4, 2),
    }
