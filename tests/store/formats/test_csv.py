"""CSV import: forgiving headers, dates in words, bad rows reported by line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateline.store.formats.csvfmt import COLUMNS, read_csv
from dateline.store.formats.native import ImportFormatError
from dateline.store.formats.registry import import_file
from dateline.store.timeline import Timeline

from tests.store.formats.helpers import FIXTURES, source_view

SAMPLE = FIXTURES / "events.csv"
ANCHOR = date(2026, 1, 10)


def test_sample_imports_good_rows_and_reports_bad_ones_by_line(tmp_path: Path) -> None:
    timeline = Timeline.open(tmp_path / "t.json")
    report = import_file(timeline, SAMPLE, anchor=ANCHOR)
    assert report.events == 4
    # Line numbers are the file's: the quoted summary spans lines 2 and 3.
    assert report.problems == [
        f'{SAMPLE} line 6: could not read the date "sometime next blursday". '
        'Try forms like "2026-01-09", "9 Jan 2026", "last Friday", "first week of '
        'February", "March 2025", "Q3 2025", "summer 2024", "the 1990s", '
        '"3-5 Jan 2026".',
        f"{SAMPLE} line 7: the title is empty",
    ]
    titles = [e.title for e in timeline.events()]
    assert titles == [
        "Visa suspension",
        "Sanctions on Petro",
        "Trump announces the visit",
        "Petro leaves office",
    ]


def test_headers_match_case_insensitively_and_cells_keep_their_text() -> None:
    batch = read_csv(SAMPLE.read_text(), "events.csv", ANCHOR)
    visit = batch.events[0]
    assert visit.summary == "Posted on Truth Social.\nTwo lines."
    assert visit.tags == ("diplomacy",)
    assert visit.when.text == "on Friday" and visit.when.precision == "day"
    names = {a.id: a.name for a in batch.actors}
    assert [names[r.actor] for r in visit.actors] == ["Trump", "Gustavo Petro"]


def test_date_text_is_read_in_words_when_start_is_missing() -> None:
    batch = read_csv(SAMPLE.read_text(), "events.csv", ANCHOR)
    visas = next(e for e in batch.events if e.title == "Visa suspension")
    assert (visas.when.start, visas.when.end, visas.when.precision) == (
        date(2025, 1, 1),
        date(2025, 1, 31),
        "month",
    )
    assert visas.when.anchor == ANCHOR


def test_names_match_actors_already_in_the_timeline(demo: Timeline) -> None:
    report = import_file(demo, SAMPLE, anchor=ANCHOR)
    # "Trump", "Gustavo Petro" and "Petro" are all known (name or alias).
    assert report.actors == 0
    visit = next(e for e in demo.events() if e.title == "Trump announces the visit")
    assert [r.actor for r in visit.actors] == ["ac-trump", "ac-petro"]
    assert source_view(demo, visit.id) == [("", "", "https://example.org/news/visit")]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("x,2026-01-09,2026-01-10,fortnight", 'precision "fortnight" is not one of'),
        ("x,2026-01-09,2026-01-01,day", "the end 2026-01-01 is before the start"),
        ("x,9/1/2026,,", 'start "9/1/2026" is not a date; write YYYY-MM-DD'),
        ("x,,2026-01-09,", "there is an end date but no start date"),
    ],
)
def test_bad_cells_name_the_problem(row: str, reason: str) -> None:
    text = "title,start,end,precision\n" + row + "\n"
    batch = read_csv(text, "f.csv", ANCHOR)
    assert batch.events == []
    [problem] = batch.problems
    assert problem.startswith("f.csv line 2: ") and reason in problem


def test_status_must_be_known() -> None:
    batch = read_csv("title,start,status\nx,2026-01-09,rumoured\n", "f.csv", ANCHOR)
    assert batch.problems == [
        'f.csv line 2: status "rumoured" is not one of: occurred, expected'
    ]


def test_wrong_columns_are_fatal_and_name_the_expected_ones() -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_csv((FIXTURES / "wrong_columns.csv").read_text(), "w.csv", ANCHOR)
    message = str(caught.value)
    assert message.startswith('w.csv line 1: the columns ("when", "what", "who")')
    assert ", ".join(COLUMNS) in message and "Nothing was imported" in message


def test_blank_lines_are_skipped_without_losing_count() -> None:
    text = "title,start\n\nA,2026-01-09\n\nB,not a date\n"
    batch = read_csv(text, "f.csv", ANCHOR)
    assert [e.title for e in batch.events] == ["A"]
    assert batch.problems[0].startswith('f.csv line 5: start "not a date"')
