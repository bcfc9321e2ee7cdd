"""Search hits stand out wherever the words are shown; n/N say when they wrap
(issue 16)."""

from __future__ import annotations

from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.article import ArticleScreen
from dateline.tui.view.textmatch import MATCH_STYLE
from dateline.tui.widgets.article_body import ArticleBody
from dateline.tui.widgets.detail import DetailStrip
from dateline.tui.widgets.panes import QuotesPane
from rich.text import Text
from textual.content import Content

from tests.tui.explorer_helpers import (
    SIZE,
    goto,
    highlighted,
    main_screen,
    make_app,
    type_text,
)
from tests.tui.waits import settle


def styled(text: Text | Content, style: object) -> list[str]:
    """The pieces of ``text`` (Rich's or Textual's) carrying ``style``; Textual
    converts a Rich style to its own, so the two are compared by look."""

    def same(other: object) -> bool:
        if other == style:
            return True
        look = ("bold", "reverse", "italic", "underline", "dim")
        return all(
            bool(getattr(other, a, None)) == bool(getattr(style, a, None)) for a in look
        ) and any(getattr(other, a, None) for a in look)

    return [text.plain[s.start : s.end] for s in text.spans if same(s.style)]


def toasts(app: DatelineApp) -> list[str]:
    return [m for _, m, _ in app.messages]


async def search(pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await type_text(pilot, words)
    await pilot.press("enter")
    await settle(pilot)


async def test_hits_stand_out_in_the_summary_and_the_quotes(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "cocaine")
        assert highlighted(app) == "ev-announcement"
        detail = main_screen(app).query_one(DetailStrip)
        text = detail.render()
        assert isinstance(text, Content)
        assert styled(text, MATCH_STYLE) and all(
            piece.casefold() == "cocaine" for piece in styled(text, MATCH_STYLE)
        )
        pane = main_screen(app).query_one(QuotesPane)
        lines = [o.prompt for o in pane.options if o.id == "qu-cocaine"]
        assert lines and isinstance(lines[0], Text)
        assert styled(lines[0], MATCH_STYLE) == ["cocaine"]
        # Clearing the search clears the highlight.
        await pilot.press("escape")
        await pilot.pause()
        text = detail.render()
        assert isinstance(text, Content) and not styled(text, MATCH_STYLE)


async def test_hits_stand_out_in_the_article(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "cocaine")
        await pilot.press("tab", "tab", "tab", "enter")  # the source pane
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.search == "cocaine"
        body = article.query_one(ArticleBody)
        match = body.get_component_rich_style("article--match")
        found = []
        for start, end in body._lines:
            found += styled(body._line_text(start, end), match)
        assert found and all(piece.casefold() == "cocaine" for piece in found)


async def test_n_and_capital_n_say_when_they_wrap(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "petro")
        view = main_screen(app).view
        hits = view._hit_indices
        assert len(hits) > 2
        view.select(hits[-1])
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert view.cursor == hits[0]
        assert "Search hit the bottom; back at the first hit." in toasts(app)
        await pilot.press("n")
        assert view.cursor == hits[1]
        await pilot.press("N", "N")
        await pilot.pause()
        assert view.cursor == hits[-1]
        assert "Search hit the top; back at the last hit." in toasts(app)


async def test_no_wrap_message_while_moving_inside_the_hits(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-visa-suspension")
        await search(pilot, "petro")
        before = len(toasts(app))
        view = main_screen(app).view
        view.select(view._hit_indices[0])
        await pilot.press("n")
        await pilot.pause()
        assert len(toasts(app)) == before
