"""`dateline ingest` on a saved page, RSS and Atom feeds and a Spanish article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main

PAGES = Path(__file__).resolve().parents[1] / "store" / "pages"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_saved_page(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    page = str(PAGES / "harbour_strike.html")
    code, out, err = run(capsys, "--db", str(db_path), "ingest", page, "--yes")
    assert code == 0, err
    assert "Dock workers in Valmont vote to strike" in out and "Coastal Ledger" in out
    timeline = Timeline.open(db_path)
    (source,) = timeline.sources_by_id.values()
    assert source.published == date(2026, 3, 12) and source.byline == "Marta Oyelaran"
    titles = " ".join(e.title for e in timeline.events())
    assert "Subscribe" not in titles and "sale" not in titles and "<" not in titles
    # Again: the same page is refused, nothing doubled.
    code, _, err = run(capsys, "--db", str(db_path), "ingest", page)
    assert code == 2 and "already in" in err


@pytest.mark.parametrize("name", ["desk.rss", "desk.atom"])
def test_ingest_feed_items(
    capsys: pytest.CaptureFixture[str], db_path: Path, name: str
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "ingest", str(PAGES / name))
    assert code == 0, err
    assert "Feed: 2 items ingested, 0 skipped, of 2." in out
    sources = sorted(Timeline.open(db_path).sources_by_id.values(), key=lambda s: s.url)
    assert len(sources) == 2 and all(s.url.startswith("https://") for s in sources)
    assert all(s.published is not None for s in sources)
    # Again: every item is already there, so nothing came in (exit 2).
    code, out, err = run(capsys, "--db", str(db_path), "ingest", str(PAGES / name))
    assert code == 2 and err.count("skipped") == 2
    assert len(Timeline.open(db_path).sources_by_id) == 2


def test_feed_refuses_single_article_flags(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, _, err = run(
        capsys,
        "--db",
        str(db_path),
        "ingest",
        str(PAGES / "desk.rss"),
        "--url",
        "https://x.example/a",
    )
    assert code == 2 and "--url and --title" in err


def test_ingest_spanish_article(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    article = str(PAGES / "es_article.txt")
    code, _, err = run(
        capsys, "--db", str(db_path), "ingest", article, "--published", "2026-02-06"
    )
    assert code == 0, err
    timeline = Timeline.open(db_path)
    (source,) = timeline.sources_by_id.values()
    assert source.language == "es" and source.dateline == "MONTEVIDEO"
    starts = {(e.when.start, e.when.precision, e.status) for e in timeline.events()}
    assert (date(2026, 2, 19), "day", "expected") in starts
    assert (date(2026, 1, 30), "day", "occurred") in starts
    assert (date(2025, 10, 1), "month", "occurred") in starts


def test_languages_setting_limits_detection(
    capsys: pytest.CaptureFixture[str], db_path: Path, config_home: Path
) -> None:
    settings = config_home / "dateline" / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text('languages = ["en"]\n', encoding="utf-8")
    article = str(PAGES / "es_article.txt")
    code, _, err = run(
        capsys, "--db", str(db_path), "ingest", article, "--published", "2026-02-06"
    )
    assert code == 0, err
    (source,) = Timeline.open(db_path).sources_by_id.values()
    assert source.language == "en"


def test_hostile_page_is_one_line_no_traceback(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    page = tmp_path / "app.html"
    page.write_bytes(
        b"<html><head><script>var x=1;</script></head><body></body></html>"
    )
    code, _, err = run(capsys, "--db", str(db_path), "ingest", str(page))
    assert code == 2 and "Traceback" not in err
    assert err.startswith("dateline: ") and "no article text" in err


def test_settings_default_languages_match_the_ingester() -> None:
    from dateline.store.ingest import READ_LANGUAGES
    from dateline.tui.settings import Settings

    assert Settings().languages == READ_LANGUAGES
