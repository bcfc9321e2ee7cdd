"""iCalendar: all-day, timed, floating and UTC VEVENTs in; all-day spans out."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from dateline.store.formats.registry import import_file, render_export
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from icalendar import Calendar

from tests.store.formats.helpers import FIXTURES, actor_names, source_view

SAMPLE = FIXTURES / "calendar.ics"


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Timeline, object]:
    timeline = Timeline.open(tmp_path / "t.json")
    return timeline, import_file(timeline, SAMPLE)


def _by_title(timeline: Timeline, title: str) -> Event:
    return next(e for e in timeline.events() if e.title == title)


def test_all_day_event_spans_to_the_day_before_dtend(imported: tuple) -> None:
    timeline, _ = imported
    visit = _by_title(timeline, "Petro visits Washington")
    assert (visit.when.start, visit.when.end, visit.when.precision) == (
        date(2026, 2, 1),
        date(2026, 2, 7),
        "day",
    )
    assert visit.summary == "The first week of February, as announced."
    assert visit.tags == ("diplomacy", "visits")
    assert visit.place == "White House, Washington"
    assert visit.status == "expected"  # STATUS:TENTATIVE


def test_timed_event_keeps_its_wall_clock_and_names_its_zone(imported: tuple) -> None:
    timeline, _ = imported
    meeting = _by_title(timeline, "Oval Office meeting")
    assert meeting.when.start == datetime(2026, 2, 3, 15, 0)
    assert meeting.when.end == datetime(2026, 2, 3, 16, 30)
    assert meeting.when.precision == "minute"
    assert meeting.when.text == "2026-02-03 15:00 America/New_York"
    # ORGANIZER and ATTENDEE names are the actors; URL is the source.
    assert actor_names(timeline, meeting.id) == [
        ("Donald Trump", ""),
        ("Gustavo Petro", ""),
    ]
    assert source_view(timeline, meeting.id) == [
        ("", "", "https://example.org/news/oval-office")
    ]


def test_floating_and_utc_times_stay_as_written(imported: tuple) -> None:
    timeline, _ = imported
    post = _by_title(timeline, "Truth Social post")
    assert post.when.start == post.when.end == datetime(2026, 1, 9, 9, 30)
    assert (post.when.precision, post.when.text) == ("minute", "")
    call = _by_title(timeline, "Phone call")
    assert (call.when.start, call.when.end) == (
        datetime(2026, 1, 7, 20, 0),
        datetime(2026, 1, 7, 20, 45),  # DTSTART + DURATION
    )
    assert call.when.text == "2026-01-07 20:00 UTC"


def test_repeats_are_imported_once_and_broken_events_reported(imported: tuple) -> None:
    timeline, report = imported
    weekly = _by_title(timeline, "Weekly briefing")
    assert weekly.when.start == date(2026, 1, 12)
    assert report.notes == [
        f'{SAMPLE} line 55: "Weekly briefing" repeats; only its first '
        "occurrence was imported."
    ]
    [problem] = report.problems
    assert problem.startswith(f'{SAMPLE} line 65 ("Unreadable start"): DTSTART')
    assert SAMPLE.read_text().splitlines()[64] == "DTSTART:yesterday"
    assert report.events == 5 and len(timeline) == 5


def test_import_matches_known_actors(demo: Timeline) -> None:
    report = import_file(demo, SAMPLE)
    assert report.actors == 0 and report.matched_actors == 2
    meeting = _by_title(demo, "Oval Office meeting")
    assert [r.actor for r in meeting.actors] == ["ac-trump", "ac-petro"]


def _calendar(timeline: Timeline) -> Calendar:
    return Calendar.from_ical(render_export(timeline, None, "ics"))


def test_export_is_all_day_with_exclusive_dtend(demo: Timeline) -> None:
    vevents = {str(v["UID"]): v for v in _calendar(demo).walk("VEVENT")}
    assert len(vevents) == 8
    sanctions = vevents["ev-sanctions@dateline"]
    assert sanctions.decoded("DTSTART") == date(2025, 10, 1)
    assert sanctions.decoded("DTEND") == date(2025, 11, 1)
    week = vevents["ev-february-meeting@dateline"]
    assert (week.decoded("DTSTART"), week.decoded("DTEND")) == (
        date(2026, 2, 1),
        date(2026, 2, 8),
    )
    assert str(week["STATUS"]) == "TENTATIVE"
    announcement = vevents["ev-announcement@dateline"]
    assert [str(c) for c in announcement.categories] == ["diplomacy", "drugs"]
    description = str(announcement["DESCRIPTION"])
    assert "Actors: Donald Trump (author); Gustavo Petro (invited)" in description
    assert "Trump invites Colombia's Petro to the White House" in description
    assert "“cocaine and other drugs must be STOPPED" in description
    assert str(announcement["LOCATION"]) == "Truth Social"


def test_export_is_stable(demo: Timeline) -> None:
    """Same timeline, same bytes: a subscribed calendar updates, not duplicates."""
    assert render_export(demo, None, "ics") == render_export(demo, None, "ics")
    assert "DTSTAMP:20261124T000000Z" in render_export(demo, None, "ics")


def test_timed_events_export_with_clock_times() -> None:
    timeline = Timeline.memory()
    timeline.put(
        Event(
            id="ev-t",
            when=FuzzyDate(
                datetime(2026, 1, 9, 14, 30), datetime(2026, 1, 9, 15, 0), "minute"
            ),
            title="Call",
        )
    )
    [vevent] = _calendar(timeline).walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime(2026, 1, 9, 14, 30)
    assert vevent.decoded("DTEND") == datetime(2026, 1, 9, 15, 0)
