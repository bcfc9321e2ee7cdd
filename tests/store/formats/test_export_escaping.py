"""Issue 12 item 11 and 16: exports never carry an injection out, and CSV
lists keep names holding their separator."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from dateline.store.formats.csvfmt import read_csv
from dateline.store.formats.registry import import_file, render_export
from dateline.store.model import Actor, ActorRef, Event, FuzzyDate, Source
from dateline.store.timeline import Timeline
from icalendar import Calendar

DAY = FuzzyDate(date(2026, 1, 10), date(2026, 1, 10), "day")
HOSTILE_URL = 'https://example.org/a\n<script>alert(1)</script>"onerror=x'


def _with_source(url: str, *, title: str = "An article") -> Timeline:
    timeline = Timeline.memory()
    source = Source(title=title, outlet="Outlet", url=url)
    event = Event(when=DAY, title="Visit", sources=(source.id,))
    timeline.put(source, event)
    return timeline


def test_markdown_keeps_a_hostile_url_and_text_inert() -> None:
    timeline = _with_source(HOSTILE_URL, title="T\n<img src=x onerror=alert(1)>")
    timeline.put(
        Event(when=DAY, title="Line one\n<script>x</script>", summary="<b>bold</b>")
    )
    text = render_export(timeline, None, "md")
    # Markdown shows a backslash-escaped "<" as itself: no tag can open.
    assert not re.search(r"(?<!\\)<", text)
    assert "\\<b\\>bold\\</b\\>" in text
    # The link still goes where it said, every unsafe character encoded.
    assert "(https://example.org/a%0A%3Cscript%3Ealert%281%29%3C/script%3E%22" in text
    assert "#### Sat 10 Jan 2026 — Line one \\<script\\>x\\</script\\>" in text
    assert "Sources: [T \\<img src=x onerror=alert(1)\\>](https://" in text


@pytest.mark.parametrize(
    "url",
    [
        HOSTILE_URL,
        "javascript:alert(1)",
        'https://example.org/"><iframe src=javascript:alert(1)>',
        " https://example.org/x",
    ],
)
def test_timelinejs_media_url_is_only_ever_a_safe_web_link(url: str) -> None:
    doc = json.loads(render_export(_with_source(url), None, "timelinejs"))
    media = doc["events"][0].get("media")
    if media is not None:
        assert media["url"] == "https://example.org/x"


def test_ics_export_survives_cr_and_lf_in_a_url() -> None:
    text = render_export(_with_source("https://example.org/a\r\nX-EVIL:1"), None, "ics")
    calendar = Calendar.from_ical(text)
    vevent = next(iter(calendar.walk("VEVENT")))
    assert "X-EVIL" not in vevent
    assert "\r\nX-EVIL" not in text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(start: str) -> None:
    timeline = Timeline.memory()
    timeline.put(Event(when=DAY, title=f'{start}HYPERLINK("http://x")', place="@x"))
    text = render_export(timeline, None, "csv")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["title"] == f'\'{start}HYPERLINK("http://x")'
    assert row["place"] == "'@x"


def test_csv_raw_formulas_is_the_documented_way_to_keep_them() -> None:
    from dateline.store.formats.csvfmt import dumps_csv

    timeline = Timeline.memory()
    timeline.put(Event(when=DAY, title="=1+1"))
    text = dumps_csv(timeline, timeline.events(), raw_formulas=True)
    assert next(csv.DictReader(io.StringIO(text)))["title"] == "=1+1"


def test_neutralised_cells_read_back_as_they_were(tmp_path: Path) -> None:
    timeline = Timeline.memory()
    titles = ["=SUM(A1)", "'=quoted already", "-5 degrees", "plain"]
    for title in titles:
        timeline.put(Event(when=DAY, title=title))
    batch = read_csv(render_export(timeline, None, "csv"), "x.csv", date(2026, 1, 1))
    assert sorted(e.title for e in batch.events) == sorted(titles)


def test_csv_actor_names_with_a_semicolon_round_trip(tmp_path: Path) -> None:
    source = Timeline.memory()
    odd, plain = Actor(name="Smith; Jones LLP"), Actor(name="Back\\slash")
    source.put(odd, plain)
    source.put(
        Event(
            when=DAY,
            title="Merger",
            actors=(ActorRef(odd.id), ActorRef(plain.id)),
            tags=("a;b", "c"),
        )
    )
    exported = tmp_path / "x.csv"
    exported.write_text(render_export(source, None, "csv"), encoding="utf-8")
    target = Timeline.open(tmp_path / "t.json")
    import_file(target, exported, "csv")
    event = target.events()[0]
    assert target.actor_names(event) == ["Smith; Jones LLP", "Back\\slash"]
    assert event.tags == ("a;b", "c")
