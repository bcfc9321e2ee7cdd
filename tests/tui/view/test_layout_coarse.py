"""The explorer's layout and the Markdown report group events alike."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.store.formats.markdown import dumps_markdown
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.view.layout import EVENT, MONTH, YEAR, build_layout

D = date

EVENTS = [
    Event(when=FuzzyDate(D(2026, 1, 1), D(2026, 3, 31), "quarter"), title="Q1"),
    Event(when=FuzzyDate(D(2026, 1, 5), D(2026, 3, 20), "day"), title="Strike"),
    Event(when=FuzzyDate(D(2026, 1, 9), D(2026, 1, 9), "day"), title="Call"),
    Event(when=FuzzyDate(D(2026, 1, 25), D(2026, 2, 3), "day"), title="Talks"),
    Event(when=FuzzyDate(D(2026, 2, 10), D(2026, 2, 10), "day"), title="Visit"),
]


def _screen_groups(events: list[Event]) -> list[tuple[str, list[str]]]:
    """(heading, titles under it) as the timeline shows them."""
    layout = build_layout(events, None)
    groups: list[tuple[str, list[str]]] = []
    for number in range(layout.line_count):
        kind, payload = layout.line(number)
        if kind == YEAR:
            groups.append((str(payload), []))
        elif kind == MONTH:
            groups.append((f"{payload // 12}-{payload % 12 + 1:02d}", []))
        elif kind == EVENT:
            groups[-1][1].append(layout.events[payload].title)
    return groups


def _report_groups(timeline: Timeline) -> list[tuple[str, list[str]]]:
    months = {"January": "01", "February": "02"}
    groups: list[tuple[str, list[str]]] = []
    text = dumps_markdown(timeline, timeline.events(), title="T")
    for line in text.splitlines():
        if line.startswith("## "):
            groups.append((line[3:], []))
        elif line.startswith("### "):
            month, year = line[4:].split()
            groups.append((f"{year}-{months[month]}", []))
        elif line.startswith("#### "):
            groups[-1][1].append(line.split(" — ", 1)[1])
    return groups


def test_a_short_span_across_months_sits_under_its_first_month() -> None:
    assert _screen_groups(EVENTS) == [
        ("2026", ["Q1", "Strike"]),
        ("2026-01", ["Call", "Talks"]),
        ("2026-02", ["Visit"]),
    ]


def test_the_report_groups_events_as_the_screen_does(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    timeline.put(*EVENTS)
    assert _report_groups(timeline) == _screen_groups(timeline.events())
    timeline.close()
