"""Odd and hostile records must render inertly and never crash the explorer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.store.model import Event, FuzzyDate, Quote, Source
from dateline.store.timeline import Timeline
from dateline.tui.screens.article import ArticleScreen

from tests.tui.explorer_helpers import SIZE, make_app, shown_ids

ESCAPES = "\x1b[2J\x1b[31m\x9b1m\x07"
ODD = [
    ("ev-long", date(2026, 1, 5), "A very long title " * 300),
    ("ev-ansi", date(2026, 1, 6), f"evil {ESCAPES} title"),
    ("ev-rtl", date(2026, 1, 7), "\u202eمرحبا بالعالم\u202c and e\u0301\u0301\u0301"),
    ("ev-emoji", date(2026, 1, 8), "🎉 summit 👩‍👩‍👧 ends 🇨🇴"),
    ("ev-first", date(1, 1, 1), "The first day dateline can hold"),
    ("ev-last", date(9999, 12, 31), "The last day dateline can hold"),
]


def _hostile_timeline(path: Path) -> Timeline:
    timeline = Timeline.open(path)
    body = ("Paragraph with a \x1b]0;pwned\x07 title change. " * 4000) + '"Hi."'
    source = Source(title=f"Source {ESCAPES}", outlet="Wire", body=body)
    quote = Quote(
        text="Hi.",
        source=source.id,
        event="ev-ansi",
        span=(len(body) - 4, len(body) - 1),
    )
    events = [
        Event(
            id=eid,
            when=FuzzyDate(day, day, "day"),
            title=title,
            summary=title,
            sources=(source.id,),
            quotes=(quote.id,) if eid == "ev-ansi" else (),
        )
        for eid, day, title in ODD
    ]
    timeline.put(source, quote, *events)
    return timeline


async def test_odd_records_render_inertly_and_every_key_works(tmp_path: Path) -> None:
    timeline = _hostile_timeline(tmp_path / "odd.json")
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        assert set(shown_ids(app)) == {eid for eid, _, _ in ODD}
        for key in ("g", *["j"] * 6, "G", "]", "[", "}", "{", "t"):
            await pilot.press(key)
        await pilot.pause()
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x9b" not in svg and "\x07" not in svg
        # Walk onto the escape-laden event and open its article.
        app.main.view.select_id("ev-ansi")
        await pilot.pause()
        svg = app.export_screenshot()
        assert "␛[2J␛[31m" in svg.replace("&#160;", " ")
        app.main.open_article(timeline.sources()[0].id)
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("n", "N", "pagedown", "end", "escape")
        await pilot.pause()
        assert "\x1b" not in app.export_screenshot()
