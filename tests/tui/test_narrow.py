"""Narrow terminals: the side panes fold away behind p, and rows name actors
readably (issue 16)."""

from __future__ import annotations

from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp

from tests.tui.explorer_helpers import SIZE, goto, main_screen, make_app


def side_shown(app: DatelineApp) -> bool:
    return bool(main_screen(app).query_one("#side").display) and not main_screen(
        app
    ).has_class("-no-side")


def row_of(app: DatelineApp) -> str:
    view = main_screen(app).view
    line = view.layout_data.event_line(view.cursor) - int(view.scroll_y)
    return "".join(seg.text for seg in view.render_line(line))


async def test_at_80_columns_the_panes_fold_and_p_brings_them_back(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert not side_shown(app)
        assert screen.view.size.width >= 78  # the titles get the width
        await pilot.press("tab")
        assert app.focused is screen.view  # no hidden pane takes the focus
        await pilot.press("backslash")
        await pilot.pause()
        assert side_shown(app)
        assert screen.view.size.width < 60
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "actors"
        await pilot.press("backslash")
        await pilot.pause()
        assert not side_shown(app)
        assert app.focused is screen.view


async def test_wide_terminals_show_the_panes_and_p_hides_them(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert side_shown(app)
        await pilot.press("backslash")
        await pilot.pause()
        assert not side_shown(app)


async def test_a_narrow_row_names_actors_not_initials(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "ev-maduro-op")
        row = row_of(app)
        assert "NM" not in row and "GP" not in row and "DT" not in row
        assert "Maduro +2" in row or "Maduro Petro +1" in row
