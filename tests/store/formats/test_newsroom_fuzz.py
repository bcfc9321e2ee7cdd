"""Hostile sheets and Timesketch files: whatever the cells hold, reading ends
in a Batch (bad rows reported) or one ImportFormatError, never another
exception, and what is read merges and saves."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from dateline.store.formats.batch import merge_batch
from dateline.store.formats.csvtable import SHEET_COLUMNS
from dateline.store.formats.native import ImportFormatError
from dateline.store.formats.registry import render_export
from dateline.store.formats.timesketch import (
    read_timesketch_csv,
    read_timesketch_jsonl,
)
from dateline.store.formats.tljs_sheet import read_sheet
from dateline.store.timeline import Timeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ANCHOR = date(2026, 1, 10)
#: Numbers near every edge, words, markup, controls and formula starts.
CELL = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["", "0", "13", "24:00", "2:30 PM", "12 am", "-1", "2026.0",
                     "9999", "10000", "1e5", "=1+1", "<b>x</b>", "-", "[]",
                     "[\"a\", 1, null]", "2015-07-24T19:01:01+14:00",
                     "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
)  # fmt: skip
TIMESKETCH_KEYS = (
    *("message", "datetime", "timestamp", "timestamp_desc", "tag", "url"),
    *("title", "start", "end", "precision", "tags", "extra"),
)


def _csv(header: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _merges(batch: object, tmp_path: Path) -> None:
    timeline = Timeline.open(tmp_path / "t.json")
    try:
        merge_batch(timeline, batch)  # type: ignore[arg-type]
        # Everything that came in can be written out again.
        for fmt in ("json", "timelinejs-sheet", "timesketch", "timesketch-jsonl"):
            render_export(timeline, None, fmt)
    finally:
        timeline.close()
    (tmp_path / "t.json").unlink(missing_ok=True)
    for leftover in tmp_path.glob("t.json*"):
        leftover.unlink()


SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(rows=st.lists(st.fixed_dictionaries({c: CELL for c in SHEET_COLUMNS}),
                     max_size=4))  # fmt: skip
def test_any_sheet_is_read_or_refused_cleanly(
    rows: list[dict[str, str]], tmp_path: Path
) -> None:
    try:
        batch = read_sheet(_csv(SHEET_COLUMNS, rows), "s.csv")
    except ImportFormatError:
        return
    _merges(batch, tmp_path)


@SETTINGS
@given(rows=st.lists(st.dictionaries(st.sampled_from(TIMESKETCH_KEYS), CELL),
                     max_size=4))  # fmt: skip
def test_any_timesketch_file_is_read_or_refused_cleanly(
    rows: list[dict[str, str]], tmp_path: Path
) -> None:
    header = ("message", "datetime", *TIMESKETCH_KEYS[2:])
    for text, read in (
        (_csv(header, rows), read_timesketch_csv),
        ("".join(json.dumps(r) + "\n" for r in rows), read_timesketch_jsonl),
    ):
        try:
            batch = read(text, "ts", ANCHOR)
        except ImportFormatError:
            continue
        _merges(batch, tmp_path)
