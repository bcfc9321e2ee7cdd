"""Files that cannot be read at all: a clear error, and the timeline untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from dateline.store.formats.native import ImportFormatError
from dateline.store.formats.registry import import_file
from dateline.store.timeline import Timeline

from tests.store.formats.helpers import FIXTURES, file_state

CRLF = "\r\n"
GARBAGE_ICS = CRLF.join(
    ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "this is not a property",
     "END:VEVENT", "END:VCALENDAR", ""]
)  # fmt: skip
MISMATCHED_ICS = CRLF.join(
    ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260101", "END:VTODO",
     "END:VCALENDAR", ""]
)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "fmt", "message"),
    [
        ("bad.json", None, "auto", r"bad\.json line 3, column 31: not valid JSON"),
        ("broken.ics", None, "auto", r"broken\.ics line 4: BEGIN:VEVENT is never "),
        ("wrong_columns.csv", None, "auto", r"wrong_columns\.csv line 1: the colum"),
        ("garbage.ics", GARBAGE_ICS, "auto", r"garbage\.ics line 4: not valid iCal"),
        ("mismatch.ics", MISMATCHED_ICS, "ics", r"mismatch\.ics line 4: END:VTODO "),
        ("notcal.ics", "hello\n", "ics", r"notcal\.ics line 1: not an iCalendar"),
        ("quote.csv", 'title,start\n"unclosed,2026-01-09\n', "csv", r"quote\.csv"),
        ("empty.csv", "", "csv", r"empty\.csv is empty or has no header"),
        ("slides.json", '{"slides": []}', "auto", r"slides\.json is JSON but neit"),
        ("tl.json", '{"format": "dateline"}', "timelinejs", r"tl\.json is not a Time"),
        ("other.json", '{"events": []}', "json", r"other\.json is not a dateline"),
        ("item.json", '{"format": "dateline", "schema": 1, "events": [{"id": 1}]}',
         "json", r"item\.json: events item 1 is not valid"),
        ("latin1.csv", b"title,start\ncaf\xe9,2026-01-09\n", "csv",
         r"latin1\.csv line 2: not UTF-8 text"),
        ("whatever.txt", "just some words\n", "auto", r"Cannot tell what format"),
    ],
)  # fmt: skip
def test_unreadable_file_names_the_problem_and_changes_nothing(
    demo_path: Path,
    tmp_path: Path,
    name: str,
    content: str | bytes | None,
    fmt: str,
    message: str,
) -> None:
    if content is None:
        path = FIXTURES / name
    else:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    before = file_state(demo_path)
    with Timeline.open(demo_path) as timeline:
        version = timeline.version
        with pytest.raises(ImportFormatError, match=message) as caught:
            import_file(timeline, path, fmt)
        assert len(timeline) == 8 and timeline.version == version
        assert not timeline.can_undo
    assert file_state(demo_path) == before
    assert str(path) in str(caught.value) or "Cannot tell" in str(caught.value)


def test_missing_file_is_a_clear_error(demo: Timeline, tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"Cannot read .*nope\.csv: No such"):
        import_file(demo, tmp_path / "nope.csv")
