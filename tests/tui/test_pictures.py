"""The explorer's pictures of time through the keys: overview ribbon, time to
scale, actor lanes and folded years and months."""

from __future__ import annotations

from pathlib import Path

from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.settings import load_settings
from dateline.tui.view.folding import FoldedLayout
from dateline.tui.view.layout import MONTH, YEAR
from dateline.tui.view.marks import MARKS_WIDTH
from dateline.tui.view.proportional import GAP, TimeLayout
from dateline.tui.widgets.detail import DetailStrip
from dateline.tui.widgets.overview import OverviewRibbon

from tests.tui.explorer_helpers import (
    SIZE,
    TODAY,
    goto,
    header,
    highlighted,
    main_screen,
    make_app,
)


def ribbon(app: DatelineApp) -> OverviewRibbon:
    return main_screen(app).query_one(OverviewRibbon)


def _app(timeline: Timeline, config: Path) -> DatelineApp:
    return DatelineApp(
        timeline, today=TODAY, settings=load_settings(config).settings, config=config
    )


# -- overview ribbon ----------------------------------------
async def test_overview_toggles_and_is_remembered_across_runs(
    demo: Timeline, tmp_path: Path
) -> None:
    config = tmp_path / "dateline" / "config.toml"
    app = _app(demo, config)
    async with app.run_test(size=SIZE) as pilot:
        assert not ribbon(app).display
        await pilot.press("O")
        await pilot.pause()
        assert ribbon(app).display
        assert ribbon(app).region.height == 3
    assert "overview = true" in config.read_text("utf-8")
    again = _app(demo, config)
    async with again.run_test(size=SIZE) as pilot:
        assert ribbon(again).display
        await pilot.press("O")
        await pilot.pause()
        assert not ribbon(again).display
    assert "overview = false" in config.read_text("utf-8")


async def test_overview_follows_the_filter(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("O")
        await pilot.pause()
        shown = ribbon(app)
        # Seven events are points; "Petro leaves office" (2026) is a span.
        assert sum(shown.ribbon.points) == 7
        assert max(shown.ribbon.cover) == 1
        await pilot.press("f", *"lula", "enter")
        await pilot.pause()
        assert header(app).count("1 of 8")
        assert sum(shown.ribbon.points) == 1
        assert max(shown.ribbon.cover) == 0
        await pilot.press("escape")
        await pilot.pause()
        assert sum(shown.ribbon.points) == 7


async def test_cursor_moves_move_the_window_mark(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("O")
        await pilot.press("g")
        await pilot.pause()
        shown = ribbon(app)
        first = shown.cursor_day
        assert first == demo.events_by_id["ev-visa-suspension"].when.start.toordinal()
        await pilot.press("G")
        await pilot.pause()
        assert shown.cursor_day is not None and shown.cursor_day > first
        picture = shown.ribbon
        assert picture.cell_of(shown.cursor_day) > picture.cell_of(first)
        assert shown.window is not None
        assert shown.window[0] <= shown.cursor_day <= shown.window[1]


async def test_a_click_on_the_ribbon_jumps_there(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("O", "G")
        await pilot.pause()
        shown = ribbon(app)
        # The cell of the visa suspension (January 2025), plus the margin.
        cell = shown.ribbon.cell_of(
            demo.events_by_id["ev-visa-suspension"].when.start.toordinal()
        )
        await pilot.click(OverviewRibbon, offset=(cell + 1, 0))
        await pilot.pause()
        assert highlighted(app) == "ev-visa-suspension"
        assert main_screen(app).view.has_focus


async def test_keys_step_through_the_ribbons_periods(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("O", "g")
        await pilot.pause()
        assert highlighted(app) == "ev-visa-suspension"
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert highlighted(app) == "ev-un-lula"
        await pilot.press("greater_than_sign")
        assert highlighted(app) == "ev-sanctions"
        await pilot.press("less_than_sign", "less_than_sign")
        assert highlighted(app) == "ev-visa-suspension"
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert highlighted(app) == "ev-visa-suspension"
        assert any("No earlier" in m for _, m, _ in app.messages)


# -- time to scale ----------------------------------------
async def test_time_to_scale_zooms_and_the_list_is_one_key_away(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        view = main_screen(app).view
        await pilot.press("p")
        layout = view.layout_data
        assert isinstance(layout, TimeLayout) and layout.scale == "month"
        assert highlighted(app) == "ev-announcement"
        assert "time to scale: month" in str(view.border_title)
        await pilot.press("plus")
        assert isinstance(view.layout_data, TimeLayout)
        assert view.layout_data.scale == "week"
        await pilot.press("minus", "minus", "minus", "minus", "minus")
        await pilot.pause()
        assert view.layout_data.scale == "decade"
        assert any("coarsest" in m for _, m, _ in app.messages)
        await pilot.press("p")
        assert not isinstance(view.layout_data, TimeLayout)
        assert highlighted(app) == "ev-announcement"
        assert "8 of 8" in header(app)


async def test_gaps_show_as_blank_lines_with_a_label(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        layout = main_screen(app).view.layout_data
        assert isinstance(layout, TimeLayout)
        gaps = [
            layout.gap_text[payload]
            for kind, payload in map(layout.line, range(layout.line_count))
            if kind == GAP
        ]
        # Feb-Aug 2025 (7 months, cut to 6 lines) and Nov-Dec 2025 (2 months).
        assert len(gaps) == 6 + 2
        assert "⋯ 7 months without events" in gaps
        assert "⋯ 2 months without events" in gaps
        # A year coarser the gaps close up.
        await pilot.press("minus")
        layout = main_screen(app).view.layout_data
        assert isinstance(layout, TimeLayout)
        assert not layout.gap_text


async def test_coarse_and_long_events_are_drawn_as_spans(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "plus")  # week scale: a month spans weeks
        await pilot.pause()
        layout = main_screen(app).view.layout_data
        assert isinstance(layout, TimeLayout)
        visa = layout.find(demo.events_by_id["ev-visa-suspension"])
        leaves = layout.find(demo.events_by_id["ev-petro-leaves-office"])
        sanctions = layout.find(demo.events_by_id["ev-sanctions"])
        assert visa is not None and leaves is not None and sanctions is not None
        # Approximate ones in their own style, exact ones in another.
        assert ("╥", True) in layout.spans_at(layout.event_line(visa))
        assert ("╥", True) in layout.spans_at(layout.event_line(leaves))
        assert ("┬", False) in layout.spans_at(layout.event_line(sanctions))


# -- lanes ----------------------------------------
async def test_lanes_show_the_most_frequent_actors_then_the_filtered_ones(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        view = main_screen(app).view
        await pilot.press("L")
        await pilot.pause()
        assert view.lanes.actor_ids[:2] == ("ac-petro", "ac-trump")
        # The chosen lane in brackets, shown as text rather than read as markup.
        subtitle = view._border_subtitle
        assert subtitle is not None and "[A Petro]" in subtitle.plain
        await pilot.press("f", *"lula", "enter")
        await pilot.pause()
        assert view.lanes.actor_ids == ("ac-lula",)
        await pilot.press("escape", "L")
        await pilot.pause()
        assert not view.lanes
        assert not view._border_subtitle


async def test_choosing_a_lane_mark_highlights_that_event(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        view = main_screen(app).view
        await pilot.press("L", "g")
        await pilot.pause()
        lane = view.lanes.actor_ids.index("ac-maduro")
        while view.lane_cursor != lane:
            await pilot.press("l")
        await pilot.press("J")
        await pilot.pause()
        assert highlighted(app) == "ev-maduro-op"
        await pilot.press("J")
        await pilot.pause()
        assert highlighted(app) == "ev-maduro-op"
        assert any("No later event with Maduro" in m for _, m, _ in app.messages)
        # A click on a mark picks its lane and highlights its event.
        await pilot.press("g")
        await pilot.pause()
        line = view.layout_data.event_line(
            view.layout_data.find(demo.events_by_id["ev-un-lula"]) or 0
        )
        lula = view.lanes.actor_ids.index("ac-lula")
        x = 1 + 2 + 13 + MARKS_WIDTH + 2 * lula  # border, hit column, date, marks
        await pilot.click(type(view), offset=(x, 1 + line - int(view.scroll_y)))
        await pilot.pause()
        assert highlighted(app) == "ev-un-lula"
        assert view.lane_cursor == lula


# -- folding ----------------------------------------
async def test_months_and_years_fold_with_counts_and_unfold(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        view = main_screen(app).view
        await goto(pilot, "ev-phone-call")  # January 2026, three day events
        await pilot.press("z", "a")
        layout = view.layout_data
        assert isinstance(layout, FoldedLayout)
        assert layout.heads[view.cursor] == ((MONTH, 2026 * 12), 3)
        assert "8 of 8" in header(app)
        text = view._line_text(
            layout.event_line(view.cursor), 0, view.cursor, 80, False
        ).plain
        assert "▸ January" in text and "3 events folded" in text
        await pilot.pause()
        detail = main_screen(app).query_one(DetailStrip)
        assert "Jan 2026: 3 events folded" in str(detail.render())
        # zc on a folded month closes its year: the year's 5 events.
        await pilot.press("z", "c")
        layout = view.layout_data
        assert isinstance(layout, FoldedLayout)
        assert layout.heads[view.cursor] == ((YEAR, 2026), 5)
        # space on the folded heading opens it again; the month stays folded.
        await pilot.press("space")
        layout = view.layout_data
        assert isinstance(layout, FoldedLayout)
        assert [head for head, _ in layout.heads.values()] == [(MONTH, 2026 * 12)]
        # The cursor stays on the year's first line (its coarse event); the
        # folded month is the next line.
        assert highlighted(app) == "ev-petro-leaves-office"
        await pilot.press("j", "z", "o")
        assert not isinstance(view.layout_data, FoldedLayout)
        assert highlighted(app) == "ev-maduro-op"  # the month's first event


async def test_fold_all_and_none_and_a_fold_survives_a_filter(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        view = main_screen(app).view
        await pilot.press("z", "M")
        layout = view.layout_data
        assert isinstance(layout, FoldedLayout)
        assert sorted(layout.heads.values()) == [((YEAR, 2025), 3), ((YEAR, 2026), 5)]
        assert len(layout.events) == 2
        await pilot.press("f", *"lula", "enter")
        await pilot.pause()
        layout = view.layout_data
        assert isinstance(layout, FoldedLayout)
        assert list(layout.heads.values()) == [((YEAR, 2025), 1)]
        await pilot.press("escape", "z", "R")
        assert not isinstance(view.layout_data, FoldedLayout)
        assert len(view.layout_data.events) == 8


async def test_z_then_another_key_is_that_key(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "z")
        assert "z: a toggle" in str(main_screen(app).view.border_title)
        await pilot.press("j")
        await pilot.pause()
        assert highlighted(app) == "ev-un-lula"
        assert not isinstance(main_screen(app).view.layout_data, FoldedLayout)
        assert "z:" not in str(main_screen(app).view.border_title)


async def test_new_keys_are_in_help_and_the_palette(demo: Timeline) -> None:
    from dateline.tui.palette import ExplorerCommands
    from dateline.tui.screens.help import HelpScreen

    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {description: keys for _, keys, description in help_screen.lines}
        assert described["Overview ribbon"] == "O"
        assert described["Time to scale / list"] == "p"
        assert "+" in described["Zoom in (finer scale)"]
        assert described["Actor lanes"] == "L"
        assert any(d.startswith("Fold: za") for d in described)
        await pilot.press("escape")
        await pilot.pause()
        provider = ExplorerCommands(app.screen)
        names = {name for name, _, _ in provider._commands()}
        assert {"Overview ribbon", "Time to scale / list", "Actor lanes"} <= names
        assert "Fold / unfold here" in names


async def test_every_picture_of_an_empty_timeline(db_path: Path) -> None:
    timeline = Timeline.open(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        keys = ["O", "greater_than_sign", "less_than_sign", "p", "plus", "minus"]
        keys += ["p", "L", "l", "J", "z", "a", "space", "z", "M", "z", "R", "j"]
        await pilot.press(*keys)
        await pilot.click(OverviewRibbon, offset=(5, 0))
        await pilot.pause()
        assert ribbon(app).display
        assert sum(ribbon(app).ribbon.points) == 0
        assert "0 of 0" in header(app)
    timeline.close()
