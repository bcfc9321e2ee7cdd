"""The formats newsrooms and forensic analysts exchange: Knight Lab's
TimelineJS Google-Sheet CSV and Timesketch CSV/JSONL.

Round trips compare field by field what each format can carry; foreign
files (a sheet filled by hand, a Timesketch export) are read by the rules
their own tools use.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from dateline.store.formats.batch import merge_batch
from dateline.store.formats.csvtable import SHEET_COLUMNS
from dateline.store.formats.native import ImportFormatError
from dateline.store.formats.registry import import_file, render_export
from dateline.store.formats.timesketch import (
    read_timesketch_csv,
    read_timesketch_jsonl,
)
from dateline.store.formats.tljs_sheet import read_sheet
from dateline.store.model import Event, FuzzyDate, Source
from dateline.store.timeline import Timeline

from tests.store.formats.helpers import actor_names, quote_view, round_trip, source_view

ANCHOR = date(2026, 1, 10)
SHEET_HEADER = ",".join(SHEET_COLUMNS) + "\n"


def _by_title(timeline: Timeline) -> dict[str, Event]:
    return {event.title: event for event in timeline.events()}


def _sheet(*rows: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SHEET_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def _timed(demo: Timeline) -> Timeline:
    """The demo plus an hour, a minute interval with seconds, and an era."""
    demo.put(
        Event(
            id="ev-hour",
            when=FuzzyDate(
                datetime(2026, 1, 9, 17), datetime(2026, 1, 9, 17, 59), "hour"
            ),
            title="Statement at 5pm",
        ),
        Event(
            id="ev-minute",
            when=FuzzyDate(
                datetime(2026, 1, 9, 14, 30), datetime(2026, 1, 9, 15, 10), "minute"
            ),
            title="Call",
        ),
    )
    leaves = demo.event("ev-petro-leaves-office")
    demo.put(replace(leaves, tags=(*leaves.tags, "era")))
    return demo


# -- TimelineJS sheet: round trip ---------------------------------------------
def test_sheet_round_trip_keeps_what_timelinejs_carries(
    demo: Timeline, tmp_path: Path
) -> None:
    source = _timed(demo)
    back = round_trip(source, "timelinejs-sheet", tmp_path)
    got_by_title = _by_title(back)
    assert set(got_by_title) == {e.title for e in source.events()}
    for event in source.events():
        got = got_by_title[event.title]
        # The sheet has no id column: ids are new, everything else comes back.
        assert got.id != event.id
        assert got.when == replace(event.when, anchor=None), event.title
        assert (got.summary, got.tags, got.status, got.place) == (
            event.summary,
            event.tags,
            event.status,
            event.place,
        )
        assert actor_names(back, got.id) == actor_names(source, event.id)
        assert sorted(quote_view(back, got.id)) == sorted(quote_view(source, event.id))
        assert [s[:2] for s in source_view(back, got.id)] == [
            s[:2] for s in source_view(source, event.id)
        ]


def test_sheet_export_is_the_template_with_a_title_row_and_eras(
    demo: Timeline,
) -> None:
    source = _timed(demo)
    rows = list(
        csv.reader(io.StringIO(render_export(source, None, "timelinejs-sheet")))
    )
    assert tuple(rows[0]) == SHEET_COLUMNS
    records = [dict(zip(SHEET_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert records[0]["Type"] == "title"
    assert records[0]["Headline"] == "demo-timeline"
    eras = [r for r in records if r["Type"] == "era"]
    assert [r["Headline"] for r in eras] == ["Petro leaves office"]
    assert (eras[0]["End Year"], eras[0]["End Month"], eras[0]["End Day"]) == (
        "2026",
        "12",
        "31",
    )
    call = next(r for r in records if r["Headline"] == "Call")
    assert (call["Year"], call["Month"], call["Day"], call["Time"]) == (
        "2026",
        "1",
        "9",
        "14:30",
    )
    assert call["End Time"] == "15:10"
    # A month is Year and Month with Day empty: the template's own way.
    sanctions = next(r for r in records if r["Display Date"] == "Oct 2025")
    assert (sanctions["Month"], sanctions["Day"]) == ("10", "")


# -- TimelineJS sheet: a sheet filled by hand ---------------------------------
def test_sheet_precision_comes_from_the_columns_filled() -> None:
    text = _sheet(
        {"Headline": "My timeline", "Text": "Intro", "Type": "title"},
        {"Year": "1999", "Headline": "A year"},
        {"Year": "2025", "Month": "10", "Headline": "A month"},
        {"Year": "2026", "Month": "1", "Day": "9", "Headline": "A day"},
        {"Year": "2026", "Month": "1", "Day": "9", "Time": "2:30 PM",
         "Headline": "A minute"},
        {"Year": "2026", "Month": "1", "Day": "9", "Time": "17",
         "Headline": "An hour"},
        {"Year": "2025", "Month": "1", "End Year": "2025", "End Month": "3",
         "End Day": "15", "Headline": "An interval", "Display Date": "Early 2025"},
        {"Year": "2000", "End Year": "2010", "Headline": "Plan years",
         "Type": "era"},
    )  # fmt: skip
    batch = read_sheet(text, "s.csv")
    assert batch.problems == []
    whens = {e.title: e.when for e in batch.events}
    assert "My timeline" not in whens  # the title row names the timeline
    assert whens["A year"] == FuzzyDate(date(1999, 1, 1), date(1999, 12, 31), "year")
    assert whens["A month"] == FuzzyDate(date(2025, 10, 1), date(2025, 10, 31), "month")
    assert whens["A day"] == FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")
    assert whens["A minute"] == FuzzyDate(
        datetime(2026, 1, 9, 14, 30), datetime(2026, 1, 9, 14, 30), "minute"
    )
    assert whens["An hour"] == FuzzyDate(
        datetime(2026, 1, 9, 17), datetime(2026, 1, 9, 17, 59), "hour"
    )
    interval = whens["An interval"]
    assert (interval.start, interval.end, interval.precision, interval.text) == (
        date(2025, 1, 1),
        date(2025, 3, 15),
        "month",
        "Early 2025",
    )
    era = next(e for e in batch.events if e.title == "Plan years")
    assert era.tags == ("era",)
    assert (era.when.start, era.when.end) == (date(2000, 1, 1), date(2010, 12, 31))
    # The same note as TimelineJS JSON: one rule for eras in both shapes.
    assert batch.notes == [
        's.csv: 1 era was imported as events tagged "era" spanning their dates.'
    ]


def test_sheet_group_media_and_html_text_become_tags_sources_and_words() -> None:
    text = _sheet(
        {"Year": "2025", "Month": "1", "Day": "26",
         "Headline": "Flights <b>turned</b> back",
         "Text": "<p>Colombia &amp; the U.S.</p>", "Media": "https://ex.org/a",
         "Media Credit": "Example News", "Media Caption": "Turned back",
         "Media Thumbnail": "https://ex.org/t.png", "Group": "Migration",
         "Background": "#ff0000"},
    )  # fmt: skip
    timeline = Timeline.memory()
    merge_batch(timeline, read_sheet(text, "s.csv"))
    [event] = timeline.events()
    assert (event.title, event.summary, event.tags) == (
        "Flights turned back",
        "Colombia & the U.S.",
        ("Migration",),
    )
    [source] = timeline.sources(event=event.id)
    assert (source.url, source.title, source.outlet) == (
        "https://ex.org/a",
        "Turned back",
        "Example News",
    )


def test_sheet_rows_that_cannot_be_read_are_named_and_skipped() -> None:
    text = _sheet(
        {"Year": "", "Headline": "No year at all"},
        {"Year": "-490", "Headline": "Battle of Marathon"},
        {"Year": "twenty", "Headline": "Words"},
        {"Year": "2026", "Month": "2", "Day": "30", "Headline": "No such day"},
        {"Year": "2026", "Month": "1", "Day": "9", "Time": "noonish",
         "Headline": "Bad time"},
        {"Year": "2026", "Month": "3", "End Year": "2026", "End Month": "1",
         "Headline": "Backwards"},
        {"Year": "2026", "Headline": "Fine"},
    )  # fmt: skip
    batch = read_sheet(text, "s.csv")
    assert [e.title for e in batch.events] == ["Fine"]
    assert batch.problems == [
        's.csv line 2 ("No year at all"): the Year column is empty; every row '
        "needs a year; skipped",
        's.csv line 3 ("Battle of Marathon"): the date (Year, Month, Day, Time) '
        "year -490 is BCE (before year 1), which dateline cannot hold; skipped",
        's.csv line 4 ("Words"): Year "twenty" is not a whole number; skipped',
        's.csv line 5 ("No such day"): the date (Year, Month, Day, Time) is not a '
        "real date (day is out of range for month); skipped",
        's.csv line 6 ("Bad time"): Time "noonish" is not a time; write HH:MM '
        "(24-hour) or H:MM PM; skipped",
        's.csv line 7 ("Backwards"): the End date is before the date; skipped',
    ]


def test_sheet_export_neutralises_formulas_and_import_restores_them(
    tmp_path: Path,
) -> None:
    timeline = Timeline.open(tmp_path / "t.json")
    day = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")
    timeline.put(Event(id="ev-f", when=day, title='=HYPERLINK("http://x","y")'))
    text = render_export(timeline, None, "timelinejs-sheet")
    row = list(csv.DictReader(io.StringIO(text)))[1]
    assert row["Headline"].startswith("'=HYPERLINK")
    raw = render_export(timeline, None, "timelinejs-sheet", raw_formulas=True)
    assert list(csv.DictReader(io.StringIO(raw)))[1]["Headline"].startswith("=")
    back = round_trip(timeline, "timelinejs-sheet", tmp_path)
    # The headline is HTML in TimelineJS; it comes back as the words typed.
    assert [e.title for e in back.events()] == ['=HYPERLINK("http://x","y")']


# -- Timesketch: round trips --------------------------------------------------
@pytest.mark.parametrize("fmt", ["timesketch", "timesketch-jsonl"])
def test_timesketch_round_trip_keeps_events_in_full(
    demo: Timeline, tmp_path: Path, fmt: str
) -> None:
    source = _timed(demo)
    first = source.events()[0]
    link = Source(title="Report", url="https://ex.org/report")
    source.put(link)
    source.put(replace(first, sources=(*first.sources, link.id)))
    back = round_trip(source, fmt, tmp_path)
    assert [e.id for e in back.events()] == [e.id for e in source.events()]
    for event in source.events():
        got = back.event(event.id)
        assert got.when == replace(event.when, anchor=None), event.id
        assert (got.title, got.summary, got.tags, got.status, got.place) == (
            event.title,
            event.summary,
            event.tags,
            event.status,
            event.place,
        )
        # Actors by name (roles are lost), sources by URL only.
        assert [n for n, _r in actor_names(back, got.id)] == [
            n for n, _r in actor_names(source, event.id)
        ]
        assert [s[2] for s in source_view(back, got.id)] == [
            s[2] for s in source_view(source, event.id) if s[2]
        ]
    # What a row cannot hold: quotes, and sources with no link.
    assert back.quotes() == []


def test_timesketch_export_has_the_fields_timesketch_needs(demo: Timeline) -> None:
    rows = list(csv.DictReader(io.StringIO(render_export(demo, None, "timesketch"))))
    lines = render_export(demo, None, "timesketch-jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(rows) == len(records) == len(demo)
    for row, record in zip(rows, records, strict=True):
        for field in ("message", "datetime", "timestamp_desc", "timestamp"):
            assert row[field] and str(record[field]) == row[field]
        when = datetime.fromisoformat(record["datetime"])
        assert when.utcoffset() is not None  # an explicit zone: UTC
        assert record["timestamp"] == int(when.timestamp()) * 1_000_000
    expected = next(r for r in records if r["id"] == "ev-february-meeting")
    assert expected["timestamp_desc"] == "Expected date"
    assert expected["datetime"] == "2026-02-01T00:00:00+00:00"
    # Tags as Timesketch's own "tag" list: JSON in a CSV cell, "[]" for none
    # (an empty cell would become the tag "nan" in Timesketch).
    for row, record, event in zip(rows, records, demo.events(), strict=True):
        assert record["tag"] == list(event.tags)
        assert json.loads(row["tag"]) == list(event.tags)


# -- Timesketch: a forensic export --------------------------------------------
FORENSIC_CSV = (
    "message,timestamp,datetime,timestamp_desc,data_type,url,tag\n"
    "Visited example.org,1437764461000000,2015-07-24T19:01:01+00:00,"
    'Last Visited Time,chrome:history,https://example.org/x,"[suspicious, web]"\n'
    "File created,,2015-07-24T21:01:01.123456+02:00,Creation Time,fs:stat,,\n"
    "Only a stamp,1437764462000000,,Write time,fs:stat,,\n"
    "A day,,2015-07-25,Date,note,,\n"
)


def test_a_forensic_timesketch_csv_keeps_time_kind_tags_and_links() -> None:
    timeline = Timeline.memory()
    batch = read_timesketch_csv(FORENSIC_CSV, "ts.csv", ANCHOR)
    assert batch.problems == []
    assert batch.notes == [
        "ts.csv: these columns have no place in a dateline event and were not "
        'kept: "data_type".'
    ]
    merge_batch(timeline, batch)
    events = _by_title(timeline)
    visit = events["Visited example.org"]
    # To the minute (dateline's finest), the time as written kept in words,
    # and zoned UTC: the moment, not a wall clock somewhere unknown.
    at = datetime(2015, 7, 24, 19, 1)
    written = "2015-07-24T19:01:01+00:00"
    assert visit.when == FuzzyDate(at, at, "minute", written, zone="UTC")
    assert visit.tags == ("suspicious", "web", "Last Visited Time")
    [source] = timeline.sources(event=visit.id)
    assert source.url == "https://example.org/x"
    # Another zone is read as the same moment in UTC.
    created = events["File created"].when
    assert (created.start, created.text) == (
        datetime(2015, 7, 24, 19, 1),
        "2015-07-24T21:01:01.123456+02:00",
    )
    # No datetime: the timestamp (microseconds since 1970, UTC) says when.
    stamp = events["Only a stamp"].when
    assert (stamp.start, stamp.text) == (
        datetime(2015, 7, 24, 19, 1),
        "2015-07-24T19:01:02+00:00",
    )
    # A date alone is that day, not its midnight.
    assert events["A day"].when == FuzzyDate(
        date(2015, 7, 25), date(2015, 7, 25), "day", "2015-07-25"
    )


def test_tags_are_read_as_timesketch_reads_them() -> None:
    lines = [
        {"message": "a", "datetime": "2015-07-24", "tag": ["Smith, Jones", "web"]},
        {"message": "b", "datetime": "2015-07-24", "tag": '["x", "y"]'},
        {"message": "c", "datetime": "2015-07-24", "tag": "one,two"},
        {"message": "d", "datetime": "2015-07-24", "tag": "-"},
    ]
    text = "".join(json.dumps(line) + "\n" for line in lines)
    batch = read_timesketch_jsonl(text, "ts.jsonl", ANCHOR)
    assert [e.tags for e in batch.events] == [
        ("Smith, Jones", "web"),
        ("x", "y"),
        ("one", "two"),
        (),
    ]


def test_a_long_message_is_a_short_title_and_the_whole_summary() -> None:
    message = "Line one of a long log entry " * 20 + "\nsecond line"
    text = json.dumps(
        {"message": message, "datetime": "2015-07-24T19:01:01Z", "timestamp_desc": "x"}
    )
    [event] = read_timesketch_jsonl(text + "\n", "ts.jsonl", ANCHOR).events
    assert len(event.title) == 200 and event.title.endswith("…")
    assert event.summary == message


def test_timesketch_rows_that_cannot_be_read_are_named_and_skipped() -> None:
    lines = [
        '{"message": "ok", "datetime": "2015-07-24T19:01:01Z", "timestamp_desc": "t"}',
        '{"message": "bad date", "datetime": "yesterday-ish", "timestamp_desc": "t"}',
        '{"message": "huge stamp", "timestamp": 1' + "0" * 40 + "}",
        '{"message": "", "datetime": "2015-07-24T19:01:01Z"}',
        "[1, 2]",
        "{not json",
        '{"message": "half \\ud800 char", "datetime": "2015-07-24"}',
        '{"message": "no time at all"}',
        '{"message": "too early", "datetime": "0001-01-01T00:00:00+01:00"}',
    ]
    batch = read_timesketch_jsonl("\n".join(lines), "ts.jsonl", ANCHOR)
    assert [e.title for e in batch.events] == ["ok"]
    assert batch.problems == [
        'ts.jsonl line 2: datetime "yesterday-ish" is not an ISO 8601 date and '
        "time; write e.g. 2015-07-24T19:01:01+00:00; skipped",
        'ts.jsonl line 3: timestamp "1' + "0" * 38 + '…" is not microseconds since '
        "1970 that dateline can hold; skipped",
        "ts.jsonl line 4: the message is empty; skipped",
        "ts.jsonl line 5: not a JSON object; skipped",
        "ts.jsonl line 6: not a JSON object; skipped",
        "ts.jsonl line 7: text that is not valid Unicode (a lone surrogate); skipped",
        "ts.jsonl line 8: no datetime and no timestamp; skipped",
        'ts.jsonl line 9: datetime "0001-01-01T00:00:00+01:00" is in UTC outside '
        "the years 1 to 9999 that dateline can hold; skipped",
    ]


def test_timesketch_csv_export_neutralises_formulas(tmp_path: Path) -> None:
    timeline = Timeline.open(tmp_path / "t.json")
    day = FuzzyDate(date(1960, 1, 9), date(1960, 1, 9), "day")
    timeline.put(Event(id="ev-f", when=day, title="=cmd|' /C calc'!A0"))
    [row] = csv.DictReader(io.StringIO(render_export(timeline, None, "timesketch")))
    assert row["message"].startswith("'=cmd") and row["title"].startswith("'=cmd")
    # Our own number before 1970 is negative, and stays a number.
    assert int(row["timestamp"]) < 0
    back = round_trip(timeline, "timesketch", tmp_path)
    assert [e.title for e in back.events()] == ["=cmd|' /C calc'!A0"]
    # JSONL is not opened by spreadsheets: written as it is.
    jsonl = render_export(timeline, None, "timesketch-jsonl")
    assert json.loads(jsonl)["message"] == "=cmd|' /C calc'!A0"


def test_control_characters_and_huge_fields_come_in_as_text(tmp_path: Path) -> None:
    title = "\x1b[2J\u202eevil" + "x" * 100_000
    text = json.dumps({"message": title, "datetime": "2015-07-24T19:01:01Z"}) + "\n"
    path = tmp_path / "big.jsonl"
    path.write_text(text, encoding="utf-8")
    timeline = Timeline.open(tmp_path / "t.json")
    report = import_file(timeline, path)
    assert report.events == 1
    [event] = timeline.events()
    assert event.summary == title and event.title.startswith("\x1b[2J")


# -- detection ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("events.csv", "timesketch"),
        ("events.csv", "timelinejs-sheet"),
        ("events.csv", "csv"),
        # The header wins over a name that says otherwise.
        ("misnamed.sheet.csv", "timesketch"),
        ("misnamed.timesketch.csv", "timelinejs-sheet"),
        ("records.jsonl", "timesketch-jsonl"),
        ("no-extension", "timesketch-jsonl"),
        ("no-extension", "timesketch"),
        ("no-extension", "timelinejs-sheet"),
    ],
)
def test_detection_reads_the_header_or_first_line(
    demo: Timeline, tmp_path: Path, name: str, fmt: str
) -> None:
    from dateline.store.formats.registry import read_import

    path = tmp_path / name
    path.write_text(render_export(demo, None, fmt), encoding="utf-8")
    got, batch = read_import(path)
    assert got == fmt
    assert not isinstance(batch, dict) and len(batch.events) == len(demo)


def test_export_names_pick_the_new_formats() -> None:
    from dateline.store.formats.detect import SUFFIX, export_format_for

    assert export_format_for("x.sheet.csv") == "timelinejs-sheet"
    assert export_format_for("x.TIMESKETCH.csv") == "timesketch"
    assert export_format_for("x.jsonl") == "timesketch-jsonl"
    assert export_format_for("x.csv") == "csv"
    assert export_format_for("story.timeline.csv") == "csv"  # a name, not a layout
    for fmt in ("timelinejs-sheet", "timesketch", "timesketch-jsonl"):
        assert export_format_for("x" + SUFFIX[fmt]) == fmt


@pytest.mark.parametrize("fmt", ["auto", "csv", "timelinejs-sheet", "timesketch"])
def test_an_unknown_header_names_what_each_csv_layout_needs(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("When,What happened,Who\n2026-01-09,Call,Petro\n", "utf-8")
    timeline = Timeline.open(tmp_path / "t.json")
    with pytest.raises(ImportFormatError) as caught:
        import_file(timeline, path, fmt)
    message = str(caught.value)
    assert message.startswith(
        f'{path} line 1: the columns ("When", "What happened", "Who") fit no CSV '
        "layout dateline reads."
    )
    for needs in (
        "dateline CSV (--format csv) needs title and a date (start or date_text)",
        "TimelineJS sheet (--format timelinejs-sheet) needs Year and Headline",
        "Timesketch (--format timesketch) needs message and datetime (or timestamp)",
        "Year, Month, Day, Time, End Year",
        "message, datetime, timestamp_desc",
    ):
        assert needs in message
    assert message.endswith("Nothing was imported.") and "\n" not in message
    assert len(timeline) == 0


def test_a_hostile_header_is_quoted_and_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    header = ",".join(["\x1b[31m" + "a" * 500] + [f"c{i}" for i in range(40)])
    path.write_text(header + "\n", "utf-8")
    with pytest.raises(ImportFormatError) as caught:
        import_file(Timeline.memory(), path)
    message = str(caught.value)
    assert "\x1b" not in message and "\\x1b[31m" in message
    assert "a" * 60 not in message and "and 21 more" in message


def test_a_cell_past_the_csv_limit_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "big.sheet.csv"
    path.write_text(SHEET_HEADER + "2026" + "," * 9 + "x" * 200_000 + "\n", "utf-8")
    timeline = Timeline.open(tmp_path / "t.json")
    with pytest.raises(ImportFormatError) as caught:
        import_file(timeline, path)
    assert str(caught.value) == (
        f"{path} line 2: not readable CSV (a cell is longer than 131,072 "
        "characters, the most dateline reads from one CSV cell; often a quote "
        "left open). Nothing was imported; fix that line."
    )
    assert len(timeline) == 0
