"""Round trips of the demo timeline through every format, into an empty file.

Each test says what the format carries and what it cannot: native JSON keeps
everything; TimelineJS and iCalendar keep each event's dates, precision,
words, actors with roles, quotes and sources (not what belongs to no event,
nor article texts); CSV keeps one row per event; Markdown is for reading only.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from dateline.store.formats.native import ImportFormatError
from dateline.store.formats.registry import read_import, render_export
from dateline.store.model import Source
from dateline.store.timeline import Timeline

from tests.store.formats.helpers import actor_names, quote_view, round_trip, source_view


def test_native_json_is_lossless(demo: Timeline, tmp_path: Path) -> None:
    back = round_trip(demo, "json", tmp_path)
    assert back.all_docs() == demo.all_docs()  # ids, timestamps, bodies, spans


@pytest.mark.parametrize("fmt", ["timelinejs", "ics"])
def test_rich_formats_keep_every_event_in_full(
    demo: Timeline, tmp_path: Path, fmt: str
) -> None:
    back = round_trip(demo, fmt, tmp_path)
    assert [e.id for e in back.events()] == [e.id for e in demo.events()]
    for event in demo.events():
        got = back.event(event.id)
        # The date: interval, precision (week, year...), words and "about".
        assert got.when == replace(event.when, anchor=None)
        assert (got.title, got.summary, got.tags) == (
            event.title,
            event.summary,
            event.tags,
        )
        assert (got.status, got.place) == (event.status, event.place)
        assert actor_names(back, got.id) == actor_names(demo, event.id)
        assert sorted(quote_view(back, got.id)) == sorted(quote_view(demo, event.id))
        assert [s[:2] for s in source_view(back, got.id)] == [
            s[:2] for s in source_view(demo, event.id)
        ]
        assert got.origin == "imported"


@pytest.mark.parametrize("fmt", ["timelinejs", "ics"])
def test_rich_formats_lose_what_belongs_to_no_event(
    demo: Timeline, tmp_path: Path, fmt: str
) -> None:
    back = round_trip(demo, fmt, tmp_path)
    # Rubio only speaks in a quote tied to no event: neither he nor it travels.
    assert {a.name for a in demo.actors()} - {a.name for a in back.actors()} == {
        "Marco Rubio"
    }
    assert len(demo.quotes()) == 5 and len(back.quotes()) == 4
    # Articles keep title and outlet, not their text, date or dateline.
    k24 = next(s for s in back.sources() if s.outlet == "Kurdistan24")
    assert (k24.body, k24.published, k24.dateline) == ("", None, "")
    # Actors keep their names, not aliases, kinds or descriptions.
    trump = next(a for a in back.actors() if a.name == "Donald Trump")
    assert trump.aliases == () and trump.description == ""
    # Quotes keep speaker and source, not when they were said or where.
    assert all(q.said is None and q.span is None for q in back.quotes())


def test_csv_keeps_a_row_per_event(demo: Timeline, tmp_path: Path) -> None:
    back = round_trip(demo, "csv", tmp_path)
    assert [e.id for e in back.events()] == [e.id for e in demo.events()]
    for event in demo.events():
        got = back.event(event.id)
        assert got.when == replace(event.when, anchor=None)
        assert (got.title, got.summary, got.tags, got.status, got.place) == (
            event.title,
            event.summary,
            event.tags,
            event.status,
            event.place,
        )
        # Actors by name only: roles do not fit a cell.
        assert [n for n, _ in actor_names(back, got.id)] == [
            n for n, _ in actor_names(demo, event.id)
        ]
        assert all(role == "" for _, role in actor_names(back, got.id))
    # Quotes do not fit a row; sources travel as URLs and the demo's have none.
    assert back.quotes() == [] and back.sources() == []


def test_csv_carries_source_urls(demo: Timeline, tmp_path: Path) -> None:
    event = demo.event("ev-phone-call")
    article = Source(title="Call readout", url="https://example.org/call")
    demo.put(article, replace(event, sources=(*event.sources, article.id)))
    back = round_trip(demo, "csv", tmp_path)
    assert source_view(back, "ev-phone-call") == [("", "", "https://example.org/call")]


def test_markdown_is_a_report_not_an_import_format(
    demo: Timeline, tmp_path: Path
) -> None:
    path = tmp_path / "report.md"
    path.write_text(render_export(demo, None, "md"), encoding="utf-8")
    with pytest.raises(ImportFormatError, match="Cannot import format"):
        read_import(path, "md")
    with pytest.raises(ImportFormatError, match="Cannot tell what format"):
        read_import(path)


def test_a_filtered_native_export_takes_what_its_events_need(
    demo: Timeline, tmp_path: Path
) -> None:
    chosen = [demo.event("ev-maduro-op")]
    path = tmp_path / "one.json"
    path.write_text(render_export(demo, chosen, "json"), encoding="utf-8")
    back = Timeline.open(tmp_path / "one-back.json")
    from dateline.store.formats.registry import import_file

    import_file(back, path)
    assert [e.id for e in back.events()] == ["ev-maduro-op"]
    assert {a.name for a in back.actors()} == {
        "Nicolás Maduro",
        "Gustavo Petro",
        "Donald Trump",
    }
    assert [q.id for q in back.quotes()] == ["qu-watch"]
    assert back.source("so-k24").body == demo.source("so-k24").body
