"""The `i` dialog: paste or pick an article, extract in a worker, save, review."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import dateline.tui.screens.ingest as ingest_screen
import pytest
from dateline.store.timeline import Timeline
from dateline.tui.screens.ingest import IngestResult, IngestScreen
from textual.widgets import Input, Static, TextArea

from tests.tui.form_host import PENDING, FormHost
from tests.tui.waits import settle

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"
SIZE = (110, 40)


def shown(app: FormHost, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def error_shown(app: FormHost) -> str:
    line = app.screen.query_one("#error-ingest", Static)
    return str(line.render()) if line.has_class("-shown") else ""


async def test_pasted_seed_is_extracted_saved_and_offers_review(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#ingest-text", TextArea).text = SEED.read_text(
            encoding="utf-8"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        summary = shown(app, "#ingest-summary")
        assert "events found:   8" in summary
        assert "pending review: 8" in summary
        assert app.result is PENDING  # still open, offering review
        await pilot.press("r")
        await pilot.pause()
    result = app.result
    assert isinstance(result, IngestResult) and result.review
    (source,) = timeline.sources()
    assert result.source_id == source.id
    assert source.outlet == "Kurdistan24"
    assert len(timeline) == 8 and all(e.pending for e in timeline.events())
    assert Timeline.open(db_path).all_docs() == timeline.all_docs()


async def test_file_path_and_flags_then_close(db_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "The council met on Tuesday. It will vote again next month.", encoding="utf-8"
    )
    timeline = Timeline.open(db_path)
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#ingest-file", Input).value = str(article)
        screen.query_one("#ingest-published", Input).value = "2026-01-10"
        screen.query_one("#ingest-outlet", Input).value = "Town Crier"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "events found:   2" in shown(app, "#ingest-summary")
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.result, IngestResult) and not app.result.review
    (source,) = timeline.sources()
    assert source.outlet == "Town Crier"


@pytest.mark.parametrize(
    ("text", "file", "published", "message"),
    [
        ("", "", "", "Paste the article"),
        ("It rained on Friday.", "", "", "type it in Published"),
        ("It rained on Friday.", "", "10/01/2026", "YYYY-MM-DD"),
        ("", "/no/such/article.txt", "", "No file"),
        ("It rained on Friday.", "/a.txt", "2026-01-10", "not both"),
    ],
)
async def test_mistakes_are_shown_and_everything_typed_stays(
    db_path: Path, text: str, file: str, published: str, message: str
) -> None:
    timeline = Timeline.open(db_path)
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#ingest-text", TextArea).text = text
        screen.query_one("#ingest-file", Input).value = file
        screen.query_one("#ingest-published", Input).value = published
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert message in error_shown(app)
        assert screen.query_one("#ingest-text", TextArea).text == text
        assert isinstance(app.screen, IngestScreen)
    assert len(timeline) == 0 and not timeline.sources()


async def test_ui_answers_keys_while_extracting_and_esc_stops_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker is held at its start, so the check does not depend on how
    fast the machine is: the dialog shows progress and takes esc meanwhile."""
    started, release = threading.Event(), threading.Event()
    real_extract = ingest_screen.extract

    def held_extract(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(timeout=30)
        return real_extract(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_screen, "extract", held_extract)
    timeline = Timeline.open(db_path)
    big = SEED.read_text(encoding="utf-8") + "\n\n" + "It rained on Friday. " * 5000
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#ingest-text", TextArea).text = big
        await pilot.press("ctrl+s")
        assert started.wait(timeout=30)
        await pilot.pause()
        assert app.screen.running
        assert "Extracting" in shown(app, "#ingest-stage")
        await pilot.press("escape")
        assert "Stopping" in shown(app, "#ingest-stage")
        release.set()
        await settle(pilot)
        assert "nothing was saved" in error_shown(app)
        assert isinstance(app.screen, IngestScreen)
    assert len(timeline) == 0 and not timeline.sources()


async def test_esc_before_extracting_closes_with_nothing(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert len(timeline) == 0


async def test_published_takes_a_day_in_words(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    app = FormHost(IngestScreen(timeline))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#ingest-text", TextArea).text = "It rained on Friday."
        published = screen.query_one("#ingest-published", Input)
        published.value = "last month"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert 'Published "last month" reads as' in error_shown(app)
        assert "not one day" in error_shown(app)
        published.value = "yesterday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "events found:" in shown(app, "#ingest-summary")
    (source,) = timeline.sources()
    assert source.published == date.today() - timedelta(days=1)
