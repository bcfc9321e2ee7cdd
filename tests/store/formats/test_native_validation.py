"""Issue 12 item 4 and 16: a native import is checked whole before anything
is written, and ``check`` finds every shape problem loading would trip on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dateline.store.disk.check import check_file
from dateline.store.formats.native import ImportFormatError, export_native
from dateline.store.formats.registry import import_file
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline

from tests.store.formats.helpers import file_state


def _export(demo: Timeline) -> dict[str, Any]:
    return json.loads(json.dumps(export_native(demo)))


def _import_refused(
    db_path: Path, tmp_path: Path, data: dict[str, Any], *words: str
) -> None:
    """Importing ``data`` raises naming ``words``; the file is as it was."""
    with Timeline.open(db_path) as timeline:
        timeline.put(Event(when=FuzzyDate(date(2020, 1, 1), date(2020, 1, 1), "day"),
                           title="already here"))  # fmt: skip
    before = file_state(db_path)
    incoming = tmp_path / "incoming.json"
    incoming.write_text(json.dumps(data), encoding="utf-8")
    with Timeline.open(db_path) as timeline:
        with pytest.raises(ImportFormatError) as caught:
            import_file(timeline, incoming, "json")
        assert len(timeline) == 1
    for word in words:
        assert word in str(caught.value)
    assert file_state(db_path) == before
    # Every later verb still reads the file.
    with Timeline.open(db_path) as timeline:
        assert [e.title for e in timeline.events()] == ["already here"]
        assert check_file(db_path) == []


def test_a_non_string_id_is_refused(
    demo: Timeline, db_path: Path, tmp_path: Path
) -> None:
    data = _export(demo)
    data["events"][0]["id"] = 12345
    _import_refused(db_path, tmp_path, data, "events item 1", "id")


def test_an_empty_id_is_refused(demo: Timeline, db_path: Path, tmp_path: Path) -> None:
    data = _export(demo)
    data["actors"][0]["id"] = ""
    _import_refused(db_path, tmp_path, data, "actors item 1", "id")


def test_a_number_among_the_tags_is_refused_before_the_commit(
    demo: Timeline, db_path: Path, tmp_path: Path
) -> None:
    data = _export(demo)
    data["events"][2]["tags"] = [1]
    _import_refused(db_path, tmp_path, data, "events item 3", "tags")


def test_tags_as_one_string_are_refused_not_split_into_letters(
    demo: Timeline, db_path: Path, tmp_path: Path
) -> None:
    data = _export(demo)
    data["events"][0]["tags"] = "abc"
    _import_refused(db_path, tmp_path, data, "tags", "list")


def test_duplicate_ids_are_refused(
    demo: Timeline, db_path: Path, tmp_path: Path
) -> None:
    data = _export(demo)
    data["events"][1]["id"] = data["events"][0]["id"]
    _import_refused(db_path, tmp_path, data, "events item 2", "twice")


def test_a_reference_to_nothing_is_refused(
    demo: Timeline, db_path: Path, tmp_path: Path
) -> None:
    data = _export(demo)
    data["events"][0]["actors"] = [{"actor": "ac-nowhere", "role": ""}]
    _import_refused(db_path, tmp_path, data, "ac-nowhere")


def test_schema_true_is_not_schema_1(
    demo: Timeline, db_path: Path, tmp_path: Path
) -> None:
    data = _export(demo)
    data["schema"] = True
    _import_refused(db_path, tmp_path, data, "schema")


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("events", "title", None),
        ("events", "summary", 3),
        ("events", "status", "maybe"),
        ("events", "review", 1),
        ("events", "when", {"start": 2026, "end": "2026-01-01", "precision": "day"}),
        (
            "events",
            "when",
            {
                "start": "2026-01-01",
                "end": "2026-01-01",
                "precision": "day",
                "approximate": "yes",
            },
        ),
        (
            "events",
            "when",
            {
                "start": "2026-01-01T10:00+02:00",
                "end": "2026-01-01T10:00+02:00",
                "precision": "minute",
            },
        ),
        ("events", "actors", [{"actor": 5}]),
        ("events", "sources", "so-1"),
        ("actors", "aliases", [None]),
        ("actors", "kind", "robot"),
        ("quotes", "span", [1, "2"]),
        ("quotes", "span", [True, 2]),
        ("quotes", "said", "yesterday"),
        ("sources", "published", 2026),
        ("sources", "body", ["text"]),
    ],
)
def test_wrong_types_in_any_field_are_refused(
    demo: Timeline, db_path: Path, tmp_path: Path, table: str, field: str, value: Any
) -> None:
    data = _export(demo)
    data[table][0][field] = value
    _import_refused(db_path, tmp_path, data, f"{table} item 1", field)


def _tamper(path: Path, table: str, field: str, value: Any) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(raw[table].values()))
    first[field] = value
    path.write_text(json.dumps(raw), encoding="utf-8")


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("events", "tags", [1]),
        ("events", "tags", "abc"),
        ("events", "title", 7),
        ("actors", "name", None),
        ("quotes", "speaker", 3),
        ("sources", "url", ["x"]),
    ],
)
def test_check_finds_every_shape_problem_loading_trips_on(
    demo_path: Path, table: str, field: str, value: Any
) -> None:
    _tamper(demo_path, table, field, value)
    problems = [str(p) for p in check_file(demo_path)]
    assert any(field in p for p in problems), problems


def test_a_commit_that_fails_part_way_is_not_saved(db_path: Path) -> None:
    day = FuzzyDate(date(2026, 1, 1), date(2026, 1, 1), "day")
    with Timeline.open(db_path) as timeline:
        timeline.put(Event(when=day, title="kept"))
    before = file_state(db_path)
    timeline = Timeline.open(db_path)
    bad = Event(when=day, title="bad", tags=(1,))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="tags"), timeline.change() as tx:
        tx.put(Event(when=day, title="good, in the same change"), bad)
    assert [e.title for e in timeline.events()] == ["kept"]
    timeline.close()
    assert file_state(db_path) == before
    assert [e.title for e in Timeline.open(db_path).events()] == ["kept"]


def test_a_quote_span_outside_its_article_is_refused(
    demo: Timeline, tmp_path: Path
) -> None:
    # Found by the fuzz test: an emptied article left its quotes' spans
    # pointing past its end, and `check` then called the timeline damaged.
    data = export_native(demo)
    data["sources"][0]["body"] = ""
    path = tmp_path / "short.json"
    path.write_text(json.dumps(data), "utf-8")
    with Timeline.open(tmp_path / "fresh.json") as fresh:
        with pytest.raises(ImportFormatError, match="lies outside its article"):
            import_file(fresh, path, "json")
        assert len(fresh) == 0
