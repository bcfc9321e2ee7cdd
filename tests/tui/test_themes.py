"""Rows stay readable in light and dark themes: the muted parts of a row (its
date and actors) must contrast with the timeline's background."""

from __future__ import annotations

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.widgets.timeline_view import TimelineView
from rich.color import Color

from tests.tui.explorer_helpers import SIZE, TODAY


def _luminance(color: Color) -> float:
    red, green, blue = color.get_truecolor()
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark", "nord"])
async def test_dates_and_actors_contrast_with_the_timeline(
    demo: Timeline, theme: str
) -> None:
    app = DatelineApp(demo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.pause()
        view = app.screen.query_one(TimelineView)
        background = view.rich_style.bgcolor
        assert background is not None
        for part in ("timeline--date", "timeline--actors"):
            color = view._style(part).color
            assert color is not None, part
            # White on light grey (the old bug) differs by about 0.12.
            gap = abs(_luminance(color) - _luminance(background))
            assert gap > 0.3, (theme, part, color, background)
