"""The pure pictures of time: scales, the overview ribbon, time to scale,
folding and lanes (no Textual here)."""

from __future__ import annotations

from datetime import date

from dateline.store.model import ActorRef, Event, FuzzyDate, Precision
from dateline.tui.view.folding import FoldedLayout, fold, groups_of, innermost
from dateline.tui.view.lanes import (
    EMPTY,
    choose,
    lane_count,
    most_frequent,
    next_in_lane,
)
from dateline.tui.view.layout import EVENT, MONTH, TODAY, YEAR, build_layout
from dateline.tui.view.overview import build_ribbon, extent_of, ticks
from dateline.tui.view.proportional import GAP, MAX_GAP, build_time_layout
from dateline.tui.view.timescale import (
    gap_words,
    step_label,
    step_of,
    step_start,
    zoom,
)


def ev(
    title: str,
    start: date,
    end: date | None = None,
    precision: Precision = "day",
    actors: tuple[str, ...] = (),
    approximate: bool = False,
) -> Event:
    when = FuzzyDate(start, end or start, precision, approximate=approximate)
    return Event(
        when=when, title=title, id=title, actors=tuple(ActorRef(a) for a in actors)
    )


def o(y: int, m: int, d: int) -> int:
    return date(y, m, d).toordinal()


# -- scales ----------------------------------------
def test_steps_round_trip_at_every_scale() -> None:
    day = o(2026, 1, 10)  # a Saturday
    assert step_start(step_of(day, "day"), "day") == day
    assert date.fromordinal(step_start(step_of(day, "week"), "week")) == date(
        2026, 1, 5
    )  # the Monday before
    assert step_start(step_of(day, "month"), "month") == o(2026, 1, 1)
    assert step_start(step_of(day, "year"), "year") == o(2026, 1, 1)
    assert step_start(step_of(day, "decade"), "decade") == o(2020, 1, 1)
    assert step_label(step_of(day, "month"), "month") == "Jan 2026"
    assert step_label(step_of(day, "decade"), "decade") == "2020s"
    assert step_label(step_of(day, "week"), "week") == "5 Jan 26"


def test_zoom_is_clamped_and_gaps_are_worded() -> None:
    assert zoom("month", 1) == "week"
    assert zoom("month", -1) == "year"
    assert zoom("day", 1) == "day"
    assert zoom("decade", -1) == "decade"
    assert gap_words(3, "month") == "3 months"
    assert gap_words(1, "week") == "1 week"
    assert gap_words(2, "decade") == "20 years"


# -- overview ribbon ----------------------------------------
def test_ribbon_counts_points_and_spreads_coarse_events() -> None:
    events = [
        ev("y", date(2020, 1, 1), date(2020, 12, 31), "year"),
        ev("a", date(2020, 1, 5)),
        ev("b", date(2020, 1, 6)),
        ev("c", date(2020, 12, 30)),
    ]
    layout = build_layout(events, None)
    ribbon = build_ribbon(extent_of(layout), 12)
    # The two January days fall in the first cell, the December one in the last.
    assert ribbon.points[0] == 2
    assert ribbon.points[-1] == 1
    assert sum(ribbon.points) == 3  # the year event is no point
    # ... but covers every cell, as a span, and adds a twelfth to each.
    assert ribbon.cover == [1] * 12
    assert abs(sum(ribbon.density) - 4) < 1e-9
    assert ribbon.spans() == "─" * 12 or ribbon.spans() == "━" * 12
    bars = ribbon.bars()
    assert bars[0] == "█" and all(c != " " for c in bars)


def test_ribbon_cells_and_days_agree() -> None:
    layout = build_layout(
        [ev("a", date(2000, 1, 1)), ev("b", date(2019, 12, 31))], None
    )
    ribbon = build_ribbon(extent_of(layout), 40)
    for cell in (0, 7, 39):
        first, last = ribbon.days_of(cell)
        assert ribbon.cell_of(first) == cell == ribbon.cell_of(last)
    assert ribbon.first == o(2000, 1, 1) and ribbon.last >= o(2019, 12, 31)


def test_ribbon_ticks_follow_the_span() -> None:
    decades = [
        o(1900, 1, 1) + (o(2000, 1, 1) - o(1900, 1, 1)) * i // 80 for i in range(81)
    ]
    scale, found = ticks(decades, 80)
    assert scale == "decade" and found[0][1] == "1900s"
    years = [
        o(2010, 1, 1) + (o(2020, 1, 1) - o(2010, 1, 1)) * i // 80 for i in range(81)
    ]
    scale, found = ticks(years, 80)
    assert scale == "year" and [label for _, label in found][:2] == ["2010", "2011"]
    months = [o(2025, 1, 1) + 365 * i // 80 for i in range(81)]
    scale, found = ticks(months, 80)
    assert scale == "month"
    labels = [label for _, label in found]
    assert labels[0] == "2025" and labels[1] == "Feb"
    cells = [cell for cell, _ in found]
    assert cells == sorted(cells)


def test_ribbon_marks_today_inside_or_at_an_end() -> None:
    layout = build_layout(
        [ev("a", date(2025, 1, 1)), ev("b", date(2025, 12, 31))], None
    )
    extent = extent_of(layout)
    inside = build_ribbon(extent, 24, o(2025, 7, 1))
    assert inside.tick_row()[inside.today or 0] == "▲"
    assert 10 <= (inside.today or 0) <= 13
    # A little after the span: the span stretches to hold it.
    near = build_ribbon(extent, 24, o(2026, 1, 20))
    assert near.today == 23
    # Far after: an arrow at the right end.
    far = build_ribbon(extent, 24, o(2040, 1, 1))
    assert far.today == 24 and far.tick_row()[-1] == "▶"


# -- time to scale ----------------------------------------
def lines(layout: object) -> list[str]:
    from dateline.tui.view.proportional import TimeLayout

    assert isinstance(layout, TimeLayout)
    words = []
    for number in range(layout.line_count):
        kind, payload = layout.line(number)
        if kind == EVENT:
            words.append(layout.events[payload].title)
        elif kind == GAP:
            words.append(f"gap:{layout.gap_text[payload]}")
        else:
            assert kind == TODAY
            words.append("today")
    return words


def test_empty_steps_take_lines_and_long_gaps_are_cut_with_a_label() -> None:
    events = [
        ev("jan", date(2025, 1, 10)),
        ev("jan2", date(2025, 1, 20)),
        ev("apr", date(2025, 4, 2)),  # Feb and Mar empty: two blank lines
        ev("late", date(2026, 6, 1)),  # 13 empty months: cut to MAX_GAP
    ]
    base = build_layout(events, None)
    layout = build_time_layout(base, "month", None)
    shown = lines(layout)
    assert shown[:2] == ["jan", "jan2"]
    assert shown[2:4] == ["gap:", "gap:⋯ 2 months without events"]
    assert shown[4] == "apr"
    gap = shown[5:-1]
    assert len(gap) == MAX_GAP
    assert "gap:⋯ 13 months without events" in gap
    assert shown[-1] == "late"
    assert layout.step_name(0) == "Jan 2025" and layout.step_name(1) == ""
    assert layout.step_name(2) == "Apr 2025"
    # The same events a scale coarser: no gaps between 2025 and 2026.
    assert "gap:" not in "".join(lines(build_time_layout(base, "year", None)))


def test_time_layout_keeps_the_cursor_lookups() -> None:
    events = [ev(f"e{i}", date(2025, 1 + i, 1)) for i in range(0, 12, 3)]
    layout = build_time_layout(build_layout(events, None), "month", None)
    for index in range(len(events)):
        line = layout.event_line(index)
        assert layout.line(line) == (EVENT, index)
        assert layout.event_at(line) == index
        assert layout.find(events[index]) == index
    assert layout.group_step(0, True, year=False) == 1
    assert layout.group_step(2, False, year=False) == 1
    assert layout.group_step(0, False, year=True) is None


def test_today_falls_in_its_gap() -> None:
    events = [ev("a", date(2025, 1, 1)), ev("b", date(2025, 12, 1))]
    layout = build_time_layout(build_layout(events, None), "month", date(2025, 3, 15))
    shown = lines(layout)
    assert shown[0] == "a" and shown[-1] == "b"
    # Feb is the first empty month, March (today's) the second.
    assert shown.index("today") == 2


def test_events_longer_than_a_step_are_spans_with_their_style() -> None:
    events = [
        ev("season", date(2025, 3, 1), date(2025, 5, 31), "season", approximate=True),
        ev("mar", date(2025, 3, 10)),
        ev("apr", date(2025, 4, 10)),
        ev("may", date(2025, 5, 10)),
        ev("jun", date(2025, 6, 10)),
    ]
    layout = build_time_layout(build_layout(events, None), "month", None)
    first = layout.event_line(0)
    last = layout.event_line(3)  # the May event: the season ends in May
    assert layout.spans_at(first)[0] == ("╥", True)
    assert layout.spans_at(first + 1)[0] == ("┊", True)
    assert layout.spans_at(last)[0] == ("╨", True)
    assert layout.spans_at(layout.event_line(4))[0] == " "
    # At year scale the season is one step: no span.
    year = build_time_layout(build_layout(events, None), "year", None)
    assert all(cell == " " for cell in year.spans_at(0))


# -- folding ----------------------------------------
FOLD_EVENTS = [
    ev("y25", date(2025, 1, 1), date(2025, 12, 31), "year"),
    ev("jan", date(2025, 1, 5)),
    ev("jan2", date(2025, 1, 6)),
    ev("mar", date(2025, 3, 5)),
    ev("feb26", date(2026, 2, 1)),
]


def titles(layout: object) -> list[str]:
    from dateline.tui.view.layout import Layout

    assert isinstance(layout, Layout)
    words = []
    heads = layout.heads if isinstance(layout, FoldedLayout) else {}
    for number in range(layout.line_count):
        kind, payload = layout.line(number)
        if kind == EVENT and payload in heads:
            (k, p), count = heads[payload]
            words.append(f"[{'Y' if k == YEAR else 'M'}{p} x{count}]")
        elif kind == EVENT:
            words.append(layout.events[payload].title)
        elif kind == YEAR:
            words.append(f"=={payload}")
        elif kind == MONTH:
            words.append(f"--{payload % 12 + 1}")
        else:
            words.append("today")
    return words


def test_a_folded_month_is_one_line_with_its_count() -> None:
    base = build_layout(FOLD_EVENTS, None)
    groups = groups_of(base)
    jan = (MONTH, 2025 * 12)
    assert titles(fold(base, frozenset({jan}), groups)) == [
        "==2025",
        "y25",
        f"[M{2025 * 12} x2]",
        "--3",
        "mar",
        "==2026",
        "--2",
        "feb26",
    ]


def test_a_folded_year_hides_its_months_and_counts_everything() -> None:
    base = build_layout(FOLD_EVENTS, date(2025, 2, 1))
    folded = fold(base, frozenset({(YEAR, 2025)}), groups_of(base))
    assert titles(folded) == ["[Y2025 x4]", "today", "==2026", "--2", "feb26"]
    assert isinstance(folded, FoldedLayout)
    # Every hidden event leads to the folded line; the header still counts 5.
    assert {folded.find(e) for e in FOLD_EVENTS[:4]} == {0}
    assert len(folded) == 5


def test_innermost_group_is_the_month_else_the_year() -> None:
    base = build_layout(FOLD_EVENTS, None)
    groups = groups_of(base)
    at_coarse = innermost(groups, base.find(FOLD_EVENTS[0]) or 0)
    at_jan = innermost(groups, base.find(FOLD_EVENTS[1]) or 0)
    assert at_coarse is not None and at_coarse.key == (YEAR, 2025)
    assert at_jan is not None and at_jan.key == (MONTH, 2025 * 12)
    assert fold(base, frozenset(), groups) is base


# -- lanes ----------------------------------------
LANE_EVENTS = [
    ev("1", date(2025, 1, 1), actors=("a", "b")),
    ev("2", date(2025, 1, 2), actors=("b",)),
    ev("3", date(2025, 1, 3), actors=("c",)),
    ev("4", date(2025, 1, 4), actors=("b", "c")),
]


def test_lanes_are_the_filtered_actors_else_the_most_frequent() -> None:
    def ranked(n: int) -> list[str]:
        return most_frequent(LANE_EVENTS, n)

    assert ranked(2) == ["b", "c"]
    lanes = choose((), ranked, 2, str.upper)
    assert lanes.actor_ids == ("b", "c") and lanes.names == ("B", "C")
    assert lanes.cells(LANE_EVENTS[0]) == ["A", EMPTY]
    assert lanes.cells(LANE_EVENTS[3]) == ["A", "B"]
    assert lanes.legend() == "A B  B C"
    assert lanes.legend(1) == "A B  [B C]"
    chosen = choose(("c", "a"), ranked, 5, str)
    assert chosen.actor_ids == ("c", "a")
    assert lanes.lane_at(0) == 0 and lanes.lane_at(3) == 1 and lanes.lane_at(4) is None
    assert 1 <= lane_count(20) <= lane_count(200) <= 8


def test_next_mark_in_a_lane() -> None:
    assert next_in_lane(LANE_EVENTS, 0, True, "c") == 2
    assert next_in_lane(LANE_EVENTS, 2, True, "c") == 3
    assert next_in_lane(LANE_EVENTS, 3, True, "c") is None
    assert next_in_lane(LANE_EVENTS, 3, False, "a") == 0


def test_the_calendars_ends_draw_at_every_scale() -> None:
    # A hostile or odd file: the first and last days Python knows, and a
    # decade event at the very end.
    events = [
        ev("first", date(1, 1, 1)),
        ev("late", date(9990, 1, 1), date(9999, 12, 31), "decade"),
        ev("last", date(9999, 12, 31)),
    ]
    base = build_layout(events, date(2026, 1, 10))
    for scale in ("decade", "year", "month", "week", "day"):
        layout = build_time_layout(base, scale, date(2026, 1, 10))  # type: ignore[arg-type]
        shown = lines(layout)
        assert [w for w in shown if not w.startswith("gap")] == [
            "first",
            "today",
            "late",
            "last",
        ]
        assert len(shown) <= 3 + 1 + 2 * MAX_GAP
        for number in range(layout.line_count):
            layout.spans_at(number)
    for width in (1, 2, 80):
        ribbon = build_ribbon(extent_of(base), width, date(2026, 1, 10).toordinal())
        assert len(ribbon.bars()) == len(ribbon.tick_row()) == width
        assert sum(ribbon.points) == 2
