"""build_layout: year and month headings, coarse events first, the today rule."""

from __future__ import annotations

from datetime import date

from dateline.store.model import Event, FuzzyDate, Precision
from dateline.tui.view.layout import EVENT, MONTH, TODAY, YEAR, Layout, build_layout


def event(title: str, start: date, end: date, precision: Precision) -> Event:
    return Event(when=FuzzyDate(start, end, precision), title=title, id=title)


def day(title: str, when: date) -> Event:
    return event(title, when, when, "day")


OCT = event("oct", date(2025, 10, 1), date(2025, 10, 31), "month")
YEAR_2026 = event("year", date(2026, 1, 1), date(2026, 12, 31), "year")
LONG = event("long", date(2026, 1, 25), date(2026, 3, 3), "day")
JAN = day("jan", date(2026, 1, 9))
FEB = day("feb", date(2026, 2, 2))
#: Date order, as the timeline gives them.
EVENTS = [OCT, YEAR_2026, JAN, LONG, FEB]


def shown(layout: Layout) -> list[str]:
    """Every line as a word: headings by name, events by title."""
    words = []
    for number in range(layout.line_count):
        kind, payload = layout.line(number)
        if kind == EVENT:
            words.append(layout.events[payload].title)
        elif kind == YEAR:
            words.append(f"== {payload}")
        elif kind == MONTH:
            words.append(f"-- {payload // 12}-{payload % 12 + 1:02}")
        else:
            assert kind == TODAY
            words.append("today")
    return words


def test_years_and_months_head_their_events_with_coarse_ones_first() -> None:
    layout = build_layout(EVENTS, None)
    assert shown(layout) == [
        "== 2025",
        "-- 2025-10",
        "oct",
        "== 2026",
        "year",
        "long",
        "-- 2026-01",
        "jan",
        "-- 2026-02",
        "feb",
    ]


def test_display_order_links_back_to_date_order() -> None:
    layout = build_layout(EVENTS, None)
    assert [e.title for e in layout.events] == ["oct", "year", "long", "jan", "feb"]
    for dated_index, shown_index in enumerate(layout.display_of):
        assert layout.events[shown_index] is EVENTS[dated_index]
    assert layout.find(LONG) == 2
    assert layout.event_line(3) == 7  # "jan", under two years and a month


def test_the_today_rule_sits_before_the_first_finer_event_from_today() -> None:
    layout = build_layout(EVENTS, date(2026, 1, 20))
    words = shown(layout)
    assert words[words.index("jan") + 1 :] == ["today", "-- 2026-02", "feb"]
    assert layout.today_line == words.index("today")


def test_a_today_before_every_event_leads_and_after_every_event_trails() -> None:
    assert shown(build_layout(EVENTS, date(2020, 1, 1)))[0] == "today"
    assert shown(build_layout(EVENTS, date(2030, 1, 1)))[-1] == "today"


def test_an_empty_timeline_has_no_lines_and_no_today_rule() -> None:
    layout = build_layout([], date(2026, 1, 10))
    assert layout.line_count == 0 and layout.today_line is None
    assert layout.event_at(0) is None


def test_a_heading_line_answers_the_event_after_it() -> None:
    layout = build_layout(EVENTS, None)
    assert layout.event_at(0) == 0  # "== 2025" -> "oct"
    assert layout.event_at(6) == 3  # "-- 2026-01" -> "jan"


def test_find_all_gives_display_indices_ascending_by_either_way() -> None:
    """Few hits are looked up one by one, many by one walk; both agree with
    ``find`` (coarse events are shown before finer ones of their year)."""
    many = [day(f"d{i:03}", date(2026, 1, 1 + i % 28)) for i in range(200)]
    layout = build_layout(sorted([*EVENTS, *many], key=lambda e: e.when.start), None)
    stranger = day("not-shown", date(2026, 1, 9))
    for hits in ([FEB, OCT, stranger], [*many, YEAR_2026, stranger]):
        expected = sorted(i for i in map(layout.find, hits) if i is not None)
        assert layout.find_all(hits) == expected
        assert len(expected) == len(hits) - 1
    assert layout.find_all([YEAR_2026, JAN]) == [
        layout.find(YEAR_2026),
        layout.find(JAN),
    ]
