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


def test_feed_item_without_a_date_is_named_and_skipped(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    feed = tmp_path / "mixed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        "<item><title>Dated</title><link>https://d.example/1</link>"
        "<pubDate>Mon, 05 Jan 2026 10:00:00 +0000</pubDate>"
        "<description>The mayor resigned on Friday.</description></item>"
        "<item><title>Undated</title><link>https://d.example/2</link>"
        "<description>The council met on Tuesday.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(db_path), "ingest", str(feed))
    assert code == 1
    assert "item 2 “Undated”: skipped" in err and "No publication date" in err
    assert "Feed: 1 item ingested, 1 skipped, of 2." in out
    # --published dates the undated item; the dated one is already there.
    code, out, err = run(
        capsys, "--db", str(db_path), "ingest", str(feed), "--published", "2026-01-06"
    )
    assert code == 1 and "Feed: 1 item ingested" in out
    published = {s.url: s.published for s in Timeline.open(db_path).sources()}
    assert published == {
        "https://d.example/1": date(2026, 1, 5),
        "https://d.example/2": date(2026, 1, 6),
    }


def test_sources_json_shows_language_and_byline(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    import json

    page = str(PAGES / "harbour_strike.html")
    assert run(capsys, "--db", str(db_path), "ingest", page)[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "sources", "--format", "json")
    (source,) = json.loads(out)
    assert code == 0
    assert (source["language"], source["byline"]) == ("en", "Marta Oyelaran")


def test_language_survives_native_export_and_import(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    article = str(PAGES / "fr_article.txt")
    argv = ("--db", str(db_path), "ingest", article, "--published", "2026-02-06")
    assert run(capsys, *argv)[0] == 0
    exported = tmp_path / "out.json"
    assert run(capsys, "--db", str(db_path), "export", str(exported))[0] == 0
    copy = tmp_path / "copy.json"
    code, _, err = run(capsys, "--db", str(copy), "import", str(exported))
    assert code == 0, err
    (source,) = Timeline.open(copy).sources_by_id.values()
    assert source.language == "fr"
