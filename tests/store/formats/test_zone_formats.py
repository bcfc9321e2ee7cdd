"""Time zones through every format (issue 17): each keeps a zoned time's
wall clock and zone, or (Timesketch) writes its UTC instant."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from dateline.store.dates import parse_date
from dateline.store.formats.native import ImportFormatError
from dateline.store.formats.registry import import_file, render_export
from dateline.store.model import Event
from dateline.store.timeline import Timeline
from icalendar import Calendar

from tests.store.formats.helpers import round_trip

ANCHOR = date(2026, 1, 10)
#: One of each kind of zone, a daylight-saving one in summer, a zone-free
#: time, an hour and a range of clock times.
WRITTEN = (
    "9 Jan 2026 14:30 EST",
    "9 Jan 2026 14:30 Europe/Paris",
    "9 Jul 2026 5pm ET",
    "2026-01-09T19:30Z",
    "2026-01-09T14:30-05:00",
    "9 Jan 2026 14:30 +05:30",
    "10 Jan 2026 14:30-16:00 PT",
    "9 Jan 2026 14:30",
)


@pytest.fixture
def zoned() -> Timeline:
    timeline = Timeline.memory()
    for number, text in enumerate(WRITTEN):
        timeline.put(Event(parse_date(text, ANCHOR), text, id=f"ev-{number}"))
    return timeline


def test_native_json_keeps_the_zone_losslessly(zoned: Timeline, tmp_path: Path) -> None:
    back = round_trip(zoned, "json", tmp_path)
    assert back.all_docs() == zoned.all_docs()
    assert back.event("ev-0").when.zone == "EST"


@pytest.mark.parametrize("fmt", ["ics", "csv", "timelinejs", "timesketch"])
def test_every_format_brings_the_zone_back(
    zoned: Timeline, tmp_path: Path, fmt: str
) -> None:
    back = round_trip(zoned, fmt, tmp_path)
    for event in zoned.events():
        assert back.event(event.id).when == replace(event.when, anchor=None), fmt
    # Still in instant order: Paris 13:30 UTC before New York 19:30 UTC.
    assert [e.id for e in back.events()] == [e.id for e in zoned.events()]


def test_ics_writes_a_tzid_for_a_named_zone_and_utc_for_the_rest(
    zoned: Timeline,
) -> None:
    text = render_export(zoned, None, "ics")
    lines = text.splitlines()
    # An IANA zone: its TZID, and the VTIMEZONE that defines it.
    assert "DTSTART;TZID=Europe/Paris:20260109T143000" in lines
    assert "TZID:Europe/Paris" in lines
    # "ET" is New York's zone, daylight saving and all.
    assert "DTSTART;TZID=America/New_York:20260709T170000" in lines
    # An abbreviation or offset: the instant in UTC; the zone as written.
    assert "DTSTART:20260109T193000Z" in lines and "X-DATELINE-ZONE:EST" in lines
    assert "DTSTART:20260109T090000Z" in lines  # 14:30 +05:30
    # A zone-free time stays floating.
    assert "DTSTART:20260109T143000" in lines
    calendar = Calendar.from_ical(text)
    starts = {
        str(ve.get("UID")): ve.decoded("DTSTART") for ve in calendar.walk("VEVENT")
    }
    assert starts["ev-1@dateline"].utcoffset().total_seconds() == 3600


def test_another_calendars_zoned_times_keep_their_zone(tmp_path: Path) -> None:
    ics = tmp_path / "other.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART;TZID=America/New_York:20260709T143000\r\nSUMMARY:NY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART:20260709T143000Z\r\nSUMMARY:UTC\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    timeline = Timeline.memory()
    import_file(timeline, ics, "ics")
    by_title = {e.title: e.when for e in timeline.events()}
    assert (by_title["NY"].start, by_title["NY"].zone) == (
        datetime(2026, 7, 9, 14, 30),
        "America/New_York",
    )
    assert by_title["NY"].instant == datetime(2026, 7, 9, 18, 30)
    assert (by_title["UTC"].start.hour, by_title["UTC"].zone) == (14, "UTC")


def test_csv_has_a_zone_column_and_reads_an_offset_in_the_start(
    zoned: Timeline, tmp_path: Path
) -> None:
    rows = list(csv.DictReader(io.StringIO(render_export(zoned, None, "csv"))))
    row = next(r for r in rows if r["id"] == "ev-0")
    assert (row["start"], row["zone"]) == ("2026-01-09T14:30:00", "EST")
    assert next(r for r in rows if r["id"] == "ev-7")["zone"] == ""
    # Someone else's sheet: an ISO start with its offset and no zone column.
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,start\nCall,2026-01-09T14:30-05:00\n", encoding="utf-8")
    timeline = Timeline.memory()
    import_file(timeline, sheet, "csv")
    [event] = timeline.events()
    assert (event.when.start, event.when.zone) == (
        datetime(2026, 1, 9, 14, 30),
        "-05:00",
    )


def test_a_csv_row_with_a_hostile_zone_is_reported_not_imported(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "title,start,zone\nBad,2026-01-09T14:30,Mars/Olympus\nGood,2026-01-09T14:30,CET\n",
        encoding="utf-8",
    )
    timeline = Timeline.memory()
    report = import_file(timeline, sheet, "csv")
    assert [e.title for e in timeline.events()] == ["Good"]
    assert any("Mars/Olympus" in problem for problem in report.problems)


def test_timesketch_gets_the_utc_instant(zoned: Timeline) -> None:
    rows = list(csv.DictReader(io.StringIO(render_export(zoned, None, "timesketch"))))
    by_id = {r["id"]: r for r in rows}
    assert by_id["ev-0"]["datetime"] == "2026-01-09T19:30:00+00:00"  # 14:30 EST
    assert by_id["ev-1"]["datetime"] == "2026-01-09T13:30:00+00:00"  # 14:30 Paris
    assert by_id["ev-7"]["datetime"] == "2026-01-09T14:30:00+00:00"  # as written


def test_timelinejs_shows_the_zone_and_keeps_it(zoned: Timeline) -> None:
    slides = json.loads(render_export(zoned, None, "timelinejs"))["events"]
    slide = next(s for s in slides if s["unique_id"] == "ev-0")
    assert slide["display_date"] == "Fri 9 Jan 2026 14:30 EST"
    assert slide["start_date"]["hour"] in (14, "14")
    assert 'data-zone="EST"' in slide["text"]["text"]


def test_a_native_file_with_a_hostile_zone_imports_nothing(
    zoned: Timeline, tmp_path: Path
) -> None:
    text = render_export(zoned, None, "json").replace('"EST"', '"Mars/Olympus"')
    hostile = tmp_path / "hostile.json"
    hostile.write_text(text, encoding="utf-8")
    target = Timeline.memory()
    with pytest.raises(ImportFormatError) as refused:
        import_file(target, hostile, "json")
    assert '"zone": "Mars/Olympus" is no time zone' in str(refused.value)
    assert "Nothing was imported" in str(refused.value)
    assert len(target) == 0


@pytest.mark.parametrize("fmt", ["json", "dir", "ics", "timelinejs"])
def test_a_zone_changed_by_another_editor_lands_in_place(
    tmp_path: Path, fmt: str
) -> None:
    from tests.store.test_desk_exchange import send

    folder = tmp_path / "mail"
    folder.mkdir()
    mine = Timeline.open(tmp_path / "alice.json", author="alice")
    with mine.change() as tx:
        tx.put(Event(parse_date("9 Jul 2026 14:30 EST", ANCHOR), "Call", id="ev-c"))
    theirs = Timeline.open(tmp_path / "bob.json", author="bob")
    send(mine, theirs, "json", folder)
    # Bob reads the source again: Eastern time, daylight saving and all.
    call = theirs.event("ev-c")
    with theirs.change() as tx:
        tx.update(call, replace(call, when=parse_date("9 Jul 2026 14:30 ET", ANCHOR)))
    report = send(theirs, mine, fmt, folder)
    assert report.updated == 1 and not report.conflicts and len(mine) == 1
    got = mine.event("ev-c").when
    assert (got.zone, got.instant) == ("ET", datetime(2026, 7, 9, 18, 30))
