"""Knight Lab TimelineJS: import of the published shape, export TimelineJS loads."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from dateline.store.formats.batch import merge_batch
from dateline.store.formats.native import ImportFormatError
from dateline.store.formats.registry import import_file, render_export
from dateline.store.formats.timelinejs import export_timelinejs, read_timelinejs
from dateline.store.model import Actor, ActorRef, Event, FuzzyDate, Quote, Source
from dateline.store.timeline import Timeline

from tests.store.formats.helpers import FIXTURES, round_trip

SAMPLE = FIXTURES / "timelinejs_eras.json"


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Timeline, object]:
    timeline = Timeline.open(tmp_path / "t.json")
    report = import_file(timeline, SAMPLE)
    return timeline, report


def _by_title(timeline: Timeline, title: str) -> Event:
    return next(e for e in timeline.events() if e.title == title)


def test_year_only_slide_is_the_whole_year(imported: tuple) -> None:
    timeline, _ = imported
    plan = _by_title(timeline, "Plan Colombia is signed")
    assert (plan.when.start, plan.when.end) == (date(1999, 1, 1), date(1999, 12, 31))
    assert plan.when.precision == "year"
    # HTML entities and tags are gone; a foreign group is a tag, not an actor.
    assert (
        plan.summary == "A U.S.-backed aid package against drug cartels & insurgents."
    )
    assert plan.tags == ("Policy",) and plan.actors == ()


def test_end_date_widens_and_display_date_is_the_date_text(imported: tuple) -> None:
    timeline, _ = imported
    flights = timeline.event("deportation-flights")  # unique_id kept as the id
    assert (flights.when.start, flights.when.end) == (
        date(2025, 1, 1),
        date(2025, 3, 15),
    )
    assert flights.when.precision == "month"  # the coarser of month and day
    assert flights.when.text == "Early 2025"
    # The media link is the source; a foreign blockquote stays in the summary.
    [source] = timeline.sources(event=flights.id)
    assert (source.url, source.title, source.outlet) == (
        "https://example.org/news/deportation-flights",
        "Colombia turns back flights",
        "Example News",
    )
    assert "We will not receive them in chains." in flights.summary


def test_hour_and_minute_parts_give_minute_precision(imported: tuple) -> None:
    timeline, _ = imported
    call = _by_title(timeline, "Trump and Petro speak by phone")
    assert call.when.start == call.when.end == datetime(2026, 1, 7, 14, 30)
    assert call.when.precision == "minute"


def test_bce_and_impossible_dates_are_reported_and_skipped(imported: tuple) -> None:
    timeline, report = imported
    problems = "\n".join(report.problems)
    assert re.search(r"event 4 \(\"Battle of Marathon\"\): .*-490 is BCE", problems)
    assert re.search(
        r"event 5 \(\"A day that does not exist\"\): .*not a real", problems
    )
    assert re.search(r"era 2 \(\"Greco-Persian Wars\"\): .*-500 is BCE", problems)
    assert all(str(SAMPLE) in p for p in report.problems)
    # The rest came in: 3 readable slides and 1 readable era; no title slide.
    assert report.events == 4 and len(timeline) == 4


def test_eras_become_spans_tagged_era(imported: tuple) -> None:
    timeline, report = imported
    era = _by_title(timeline, "Petro presidency")
    assert era.tags == ("era",)
    assert (era.when.start, era.when.end, era.when.precision) == (
        date(2022, 8, 7),
        date(2026, 8, 7),
        "day",
    )
    assert report.notes == [
        f'{SAMPLE}: 1 era was imported as events tagged "era" spanning their dates.'
    ]


def test_years_after_9999_are_reported() -> None:
    doc = {
        "events": [
            {"start_date": {"year": 12000}, "text": {"headline": "Far future"}},
            {"start_date": {"year": "2020"}, "text": {"headline": "Fine"}},
        ]
    }
    batch = read_timelinejs(doc, "far.json")
    assert [e.title for e in batch.events] == ["Fine"]
    assert batch.problems == [
        'far.json event 1 ("Far future"): start_date year 12000 is after 9999, '
        "which dateline cannot hold; skipped"
    ]


def test_not_a_timeline_is_refused() -> None:
    with pytest.raises(ImportFormatError, match=r"x\.json is not a TimelineJS"):
        read_timelinejs({"slides": []}, "x.json")


def _one_event_timeline(event: Event, *records: object) -> Timeline:
    timeline = Timeline.memory()
    timeline.put(*records, event)  # type: ignore[arg-type]
    return timeline


def _export_one(when: FuzzyDate) -> dict:
    timeline = _one_event_timeline(Event(when=when, title="x"))
    return export_timelinejs(timeline, timeline.events())["events"][0]


@pytest.mark.parametrize(
    ("when", "start", "end"),
    [
        (FuzzyDate(date(2025, 10, 1), date(2025, 10, 31), "month"),
         {"year": 2025, "month": 10}, None),
        (FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day"),
         {"year": 2026, "month": 1, "day": 9}, None),
        (FuzzyDate(date(2026, 2, 1), date(2026, 2, 7), "week"),
         {"year": 2026, "month": 2, "day": 1}, {"year": 2026, "month": 2, "day": 7}),
        (FuzzyDate(date(2025, 7, 1), date(2025, 9, 30), "quarter"),
         {"year": 2025, "month": 7}, {"year": 2025, "month": 9}),
        (FuzzyDate(date(1990, 1, 1), date(1999, 12, 31), "decade"),
         {"year": 1990}, {"year": 1999}),
        # "later this year" does not start on 1 Jan: its days are stated.
        (FuzzyDate(date(2026, 1, 10), date(2026, 12, 31), "year"),
         {"year": 2026, "month": 1, "day": 10}, {"year": 2026, "month": 12, "day": 31}),
        (FuzzyDate(datetime(2026, 1, 9, 17), datetime(2026, 1, 9, 17, 59), "hour"),
         {"year": 2026, "month": 1, "day": 9, "hour": 17}, None),
        (FuzzyDate(datetime(2026, 1, 9, 14, 30), datetime(2026, 1, 9, 14, 30),
                   "minute"),
         {"year": 2026, "month": 1, "day": 9, "hour": 14, "minute": 30}, None),
    ],
)  # fmt: skip
def test_export_states_each_precision_with_date_parts(
    when: FuzzyDate, start: dict, end: dict | None
) -> None:
    slide = _export_one(when)
    assert slide["start_date"] == start
    assert slide.get("end_date") == end


def test_without_dateline_markup_precision_is_what_the_parts_say(
    demo: Timeline,
) -> None:
    doc = export_timelinejs(demo, demo.events())
    for slide in doc["events"]:
        slide["text"]["text"] = ""  # as if written by another tool
    timeline = Timeline.memory()
    merge_batch(timeline, read_timelinejs(doc, "plain.json"))
    week = timeline.event("ev-february-meeting").when
    assert (week.start, week.end, week.precision) == (
        date(2026, 2, 1),
        date(2026, 2, 7),
        "day",
    )
    later = timeline.event("ev-petro-leaves-office").when
    assert (later.start, later.end, later.precision) == (
        date(2026, 1, 10),
        date(2026, 12, 31),
        "day",
    )
    # The display date (dateline's own short form) becomes the date text.
    assert timeline.event("ev-sanctions").when.text == "Oct 2025"


def test_timed_events_round_trip(tmp_path: Path) -> None:
    hour = Event(
        id="ev-hour",
        when=FuzzyDate(datetime(2026, 1, 9, 17), datetime(2026, 1, 9, 17, 59), "hour"),
        title="Statement at 5pm",
    )
    minute = Event(
        id="ev-minute",
        when=FuzzyDate(
            datetime(2026, 1, 9, 14, 30), datetime(2026, 1, 9, 15, 10), "minute"
        ),
        title="Call",
    )
    source = Timeline.open(tmp_path / "timed.json")
    source.put(hour, minute)
    for fmt in ("timelinejs", "ics", "csv"):
        back = round_trip(source, fmt, tmp_path)
        for event in (hour, minute):
            assert back.event(event.id).when == event.when, fmt


def test_export_escapes_html_and_links_only_the_web(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script> & <b>co</b>"
    actor = Actor(name="Ann <img src=x onerror=alert(1)>")
    bad_link = Source(title="Click", url="javascript:alert(1)")
    good_link = Source(
        title="Report <i>", outlet="AP & co", url="https://ex.org/a?b=1&c=2"
    )
    quote = Quote(text='"Hi" <b>there</b>', speaker=actor.id, event="ev-x")
    event = Event(
        id="ev-x",
        when=FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day", text="on <Friday>"),
        title=evil,
        summary=evil,
        actors=(ActorRef(actor.id, "host<"),),
        sources=(bad_link.id, good_link.id),
        quotes=(quote.id,),
        tags=("<t>",),
        place="<p>",
    )
    timeline = _one_event_timeline(event, actor, bad_link, good_link, quote)
    text = render_export(timeline, None, "timelinejs")
    slide = json.loads(text)["events"][0]
    assert slide["text"]["headline"] == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;"
    )
    body = slide["text"]["text"]
    for raw in ("<script", "<img", "<b>", "<i>", "<t>", "Place: <p>", "<Friday>"):
        assert raw not in body
    assert 'href="javascript' not in text
    assert slide["group"] == "Ann &lt;img src=x onerror=alert(1)&gt;"
    assert slide["media"] == {
        "url": "https://ex.org/a?b=1&c=2",
        "caption": "Report &lt;i&gt;",
        "credit": "AP &amp; co",
    }
    # And the escaped text reads back as the original words.
    back = Timeline.memory()
    merge_batch(back, read_timelinejs(json.loads(text), "x.json"))
    got = back.event("ev-x")
    assert (got.title, got.summary, got.place, got.tags) == (
        evil,
        evil,
        "<p>",
        ("<t>",),
    )
    assert got.when.text == "on <Friday>"
    [(name, role)] = [(back.actor(r.actor).name, r.role) for r in got.actors]
    assert (name, role) == (actor.name, "host<")
    assert [q.text for q in back.quotes()] == [quote.text]
    assert {s.url for s in back.sources()} == {"", good_link.url}


def test_events_tagged_era_export_as_eras_and_come_back(demo: Timeline) -> None:
    event = demo.event("ev-petro-leaves-office")
    demo.put(replace(event, tags=("era",)))
    doc = export_timelinejs(demo, demo.events())
    assert [e["text"]["headline"] for e in doc["eras"]] == ["Petro leaves office"]
    assert "ev-petro-leaves-office" not in {s["unique_id"] for s in doc["events"]}
    assert set(doc["eras"][0]) == {"start_date", "end_date", "text"}
    back = Timeline.memory()
    merge_batch(back, read_timelinejs(doc, "x.json"))
    era = next(e for e in back.events() if e.title == "Petro leaves office")
    assert era.tags == ("era",) and era.when.end == date(2026, 12, 31)


def test_export_is_a_loadable_timelinejs_document(demo: Timeline) -> None:
    doc = json.loads(render_export(demo, None, "timelinejs"))
    assert doc["title"]["text"]["headline"] == "demo-timeline"
    assert len(doc["events"]) == 8 and "eras" not in doc
    for slide in doc["events"]:
        assert isinstance(slide["start_date"]["year"], int)
        assert slide["text"]["headline"] and slide["unique_id"].startswith("ev-")
    announcement = next(s for s in doc["events"] if s["unique_id"] == "ev-announcement")
    assert announcement["group"] == "Donald Trump"
    assert announcement["display_date"] == "Fri 9 Jan 2026"
    assert announcement["text"]["text"].count("<blockquote") == 3
    assert "<cite>— Donald Trump</cite>" in announcement["text"]["text"]
