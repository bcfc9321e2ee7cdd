"""The explorer driven by keys on the demo timeline (issue 3)."""

from __future__ import annotations

from datetime import date

from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.article import ArticleScreen
from dateline.tui.screens.event_view import EventScreen
from dateline.tui.screens.help import HelpScreen
from dateline.tui.widgets.article_body import ArticleBody
from dateline.tui.widgets.detail import DetailStrip
from dateline.tui.widgets.prompt import PromptBar
from textual.widgets import Input

from tests.tui.explorer_helpers import (
    SIZE,
    TODAY,
    goto,
    header,
    highlighted,
    main_screen,
    make_app,
    pane_ids,
    shown_ids,
    type_text,
)
from tests.tui.waits import settle

DATE_ORDER = [
    "ev-visa-suspension",
    "ev-un-lula",
    "ev-sanctions",
    "ev-maduro-op",
    "ev-phone-call",
    "ev-announcement",
    "ev-petro-leaves-office",
    "ev-february-meeting",
]
DISPLAY_ORDER = [
    *DATE_ORDER[:3],
    "ev-petro-leaves-office",
    *DATE_ORDER[3:6],
    DATE_ORDER[7],
]


def view_lines(app: DatelineApp) -> list[str]:
    """The timeline's lines on screen, as plain text."""
    view = main_screen(app).view
    rows = range(view.scrollable_content_region.height)
    return ["".join(seg.text for seg in view.render_line(y)) for y in rows]


async def test_opens_on_the_event_nearest_today(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE):
        # The year-long "Petro leaves office" heads 2026, above its months.
        assert shown_ids(app) == DISPLAY_ORDER
        assert highlighted(app) == "ev-petro-leaves-office"
        assert "demo-timeline.json" in header(app)
        assert "8 of 8 events" in header(app)
        assert main_screen(app).view.has_focus


async def test_up_down_and_vim_keys_move_one_event(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        # Starts on the year-long event that heads 2026, above January.
        await pilot.press("k")
        assert highlighted(app) == "ev-sanctions"
        await pilot.press("j", "down")
        assert highlighted(app) == "ev-maduro-op"
        await pilot.press("j", "down", "up")
        assert highlighted(app) == "ev-phone-call"
        await pilot.press("j", "j", "j")  # the last press stays on the last event
        assert highlighted(app) == "ev-february-meeting"


async def test_first_last_and_paging(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert highlighted(app) == "ev-visa-suspension"
        await pilot.press("G")
        assert highlighted(app) == "ev-february-meeting"
        await pilot.press("home")
        assert highlighted(app) == "ev-visa-suspension"
        await pilot.press("end")
        assert highlighted(app) == "ev-february-meeting"
        # The whole demo fits on one page: a page jumps to the far end.
        await pilot.press("pageup")
        assert highlighted(app) == "ev-visa-suspension"
        await pilot.press("pagedown")
        assert highlighted(app) == "ev-february-meeting"
        await pilot.press("ctrl+u")
        assert highlighted(app) == "ev-visa-suspension"
        await pilot.press("ctrl+d")
        assert highlighted(app) == "ev-february-meeting"


async def test_paging_moves_by_a_screenful_on_a_small_terminal(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=(100, 16)) as pilot:
        await pilot.press("g", "pagedown")
        index = DATE_ORDER.index(highlighted(app) or "")
        assert 0 < index < len(DATE_ORDER) - 1
        await pilot.press("pageup")
        assert highlighted(app) == "ev-visa-suspension"


async def test_brackets_step_by_month_and_braces_by_year(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        seen = []
        for _ in range(6):
            await pilot.press("right_square_bracket")
            seen.append(highlighted(app))
        # Sep, Oct, 2026's year-long event, Jan 2026, Feb 2026, then nothing
        # later: stays put.
        assert seen == [
            "ev-un-lula",
            "ev-sanctions",
            "ev-petro-leaves-office",
            "ev-maduro-op",
            "ev-february-meeting",
            "ev-february-meeting",
        ]
        await pilot.press("left_square_bracket")
        assert highlighted(app) == "ev-maduro-op"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert highlighted(app) == "ev-sanctions"
        await pilot.press("right_curly_bracket")
        assert highlighted(app) == "ev-petro-leaves-office"
        await pilot.press("left_curly_bracket")
        assert highlighted(app) == "ev-visa-suspension"


async def test_t_goes_to_the_event_nearest_today(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.press("t")
        assert highlighted(app) == "ev-petro-leaves-office"
        lines = view_lines(app)
        # The rule sits among the month groups: after the 9 Jan announcement,
        # before the February heading (the year-long event is at the top).
        at = next(i for i, line in enumerate(lines) if "today · Sat 10 Jan" in line)
        assert "Trump announces Petro" in lines[at - 1]
        assert lines[at + 1].strip() == "February"


def _app_on(timeline: Timeline, today: date) -> DatelineApp:
    return DatelineApp(timeline, today=today)


async def test_t_prefers_the_narrowest_event_running_today(demo: Timeline) -> None:
    # 1 June 2026: the meeting (1-7 Feb) starts nearer, but only "Petro leaves
    # office" (10 Jan-31 Dec) is running.
    app = _app_on(demo, date(2026, 6, 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "t")
        assert highlighted(app) == "ev-petro-leaves-office"
    june = Event(
        when=FuzzyDate(date(2026, 6, 1), date(2026, 6, 30), "month"),
        title="June talks",
        id="ev-june",
    )
    later = Event(
        when=FuzzyDate(date(2026, 6, 20), date(2026, 6, 20), "day"),
        title="Summit",
        id="ev-summit",
    )
    demo.put(june, later)
    # 15 June: the summit starts nearest, but June (not the year) holds today.
    app = _app_on(demo, date(2026, 6, 15))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "t")
        assert highlighted(app) == "ev-june"


async def test_coarse_events_sit_under_their_year_not_a_month(
    demo: Timeline,
) -> None:
    def year_event(year: int) -> Event:
        return Event(
            when=FuzzyDate(date(year, 1, 1), date(year, 12, 31), "year"),
            title=f"Whole of {year}",
            id=f"ev-{year}",
        )

    march = Event(
        when=FuzzyDate(date(2022, 3, 4), date(2022, 3, 4), "day"),
        title="A March day",
        id="ev-march",
    )
    demo.put(year_event(2022), year_event(2023), march)
    app = make_app(demo)
    async with app.run_test(size=(120, 45)):
        lines = [line.strip() for line in view_lines(app)]
        heading = [line.split(" ")[0] for line in lines]

        def after(text: str) -> str:
            return heading[next(i for i, s in enumerate(lines) if text in s) - 1]

        assert after("Whole of 2022") == "2022"
        assert after("A March day") == "March"
        assert after("Whole of 2023") == "2023"
        assert after("Petro leaves office") == "2026"
        assert after("Maduro") == "January"
        assert lines.count("January") == 2  # 2025 and 2026, none for the years


async def test_goto_first_week_of_february_lands_on_the_meeting(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "colon")
        prompt = main_screen(app).query_one(PromptBar)
        assert prompt.is_open
        await type_text(pilot, "first week of February")
        await pilot.press("enter")
        assert highlighted(app) == "ev-february-meeting"
        assert not prompt.is_open
        assert main_screen(app).view.has_focus


async def test_goto_reads_months_in_words_and_iso(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        for phrase, expected in [
            ("last October", "ev-sanctions"),
            ("2025-09", "ev-un-lula"),
            ("January 2025", "ev-visa-suspension"),
            # No event starts in March 2026; the one still running is shown.
            ("March 2026", "ev-petro-leaves-office"),
        ]:
            await pilot.press("colon")
            await type_text(pilot, phrase)
            await pilot.press("enter")
            assert highlighted(app) == expected, phrase


async def test_goto_unreadable_phrase_keeps_the_input_and_explains(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        before = highlighted(app)
        await pilot.press("colon")
        await type_text(pilot, "blorp")
        await pilot.press("enter")
        prompt = main_screen(app).query_one(PromptBar)
        assert prompt.is_open
        assert 'Could not read the date "blorp"' in prompt.error
        assert "first week of February" in prompt.error  # says what works
        assert prompt.query_one(Input).value == "blorp"
        assert highlighted(app) == before
        await pilot.press("escape")
        assert not prompt.is_open
        assert main_screen(app).view.has_focus


async def test_panes_follow_the_highlighted_event(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        panes = pane_ids(app)
        assert panes["actors"] == ["ac-trump", "ac-petro"]
        assert panes["quotes"] == ["qu-look-forward", "qu-work-out", "qu-cocaine"]
        assert panes["sources"] == ["so-k24"]
        detail = main_screen(app).query_one(DetailStrip)
        assert "Truth Social" in str(detail.render())
        await pilot.press("k")  # the phone call: two sources, no quotes
        panes = pane_ids(app)
        assert panes["quotes"] == []
        assert panes["sources"] == ["so-k24", "so-afp"]


async def test_tab_cycles_focus_across_the_panes(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        focused = []
        for _ in range(4):
            await pilot.press("tab")
            focused.append(app.focused.id if app.focused else None)
        assert focused == ["actors", "quotes", "sources", "timeline"]
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "sources"


async def test_enter_opens_the_event_and_esc_returns_to_it(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-maduro-op")
        await pilot.press("enter")
        assert isinstance(app.screen, EventScreen)
        assert app.screen.record.id == "ev-maduro-op"
        await pilot.press("escape")
        assert highlighted(app) == "ev-maduro-op"
        assert app.screen is main_screen(app)


async def test_enter_on_a_source_opens_the_article_with_quotes(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        await pilot.press("tab", "tab", "tab")  # actors, quotes, sources
        assert app.focused is not None and app.focused.id == "sources"
        await pilot.press("enter")
        assert isinstance(app.screen, ArticleScreen)
        article = app.screen
        assert article.source.id == "so-k24"
        # Every quote of the source with a span, in reading order.
        assert [q.id for q in article.quotes] == [
            "qu-look-forward",
            "qu-work-out",
            "qu-cocaine",
            "qu-watch",
            "qu-lunatic",
        ]
        body = article.query_one(ArticleBody)
        assert body.current == -1
        await pilot.press("n")
        assert body.current == 0
        await pilot.press("n", "n")
        assert body.current == 2
        await pilot.press("N")
        assert body.current == 1
        await pilot.press("N", "N")  # wraps to the last quote
        assert body.current == 4
        line = body.line_of(body.spans[4][0])
        assert (
            body.scroll_y
            <= line
            < body.scroll_y + body.scrollable_content_region.height
        )
        await pilot.press("escape")
        assert app.screen is main_screen(app)
        assert highlighted(app) == "ev-announcement"


async def test_enter_on_a_quote_opens_the_article_at_that_quote(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        await pilot.press("tab", "tab", "down", "down", "enter")
        assert isinstance(app.screen, ArticleScreen)
        await pilot.pause()
        body = app.screen.query_one(ArticleBody)
        assert body.current == 2
        start, end = body.spans[2]
        assert body.body[start:end].startswith("cocaine and other drugs")


async def test_a_source_without_text_says_so(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-phone-call")
        await pilot.press("tab", "tab", "tab", "down", "enter")
        assert app.screen is main_screen(app)
        assert any("No text is stored" in m for _, m, _ in app.messages)


async def test_mouse_click_highlights_a_row(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        view = main_screen(app).view
        line = view.layout_data.event_line(1)  # the UN meeting
        await pilot.click("#timeline", offset=(10, 1 + line - int(view.scroll_y)))
        assert highlighted(app) == "ev-un-lula"


async def test_help_lists_the_real_bindings(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(f"{keys} {words}" for _, keys, words in app.screen.lines)
        for words in (
            "Go to date",
            "Next month",
            "Nearest today",
            "Actors",
            "Undo",
            "Quit",
        ):
            assert words in text, words
        await pilot.press("escape")
        assert app.screen is main_screen(app)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_help_words_textual_built_in_keys_plainly(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        words = {keys: words for _, keys, words in app.screen.lines}
        assert words["tab"] == "Next pane"
        assert words["shift+tab"] == "Previous pane"
        assert words["^c, super+c"] == "Copy text selected with the mouse"
        assert words["^p"] == "Command palette"
        shown = " ".join(words.values())
        assert "Focus Next" not in shown and "palette" in shown


async def test_command_palette_runs_an_explorer_action(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "go to date")
        await settle(pilot)  # the palette searches its providers in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).query_one(PromptBar).kind == "goto"


async def test_control_characters_in_a_title_are_shown_not_obeyed(
    demo: Timeline,
) -> None:
    hostile = Event(
        when=FuzzyDate(TODAY, TODAY, "day"),
        title="\x1b[2J\x1b[31mScreen wiper",
        id="ev-hostile",
    )
    demo.put(hostile)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-hostile")
        view = main_screen(app).view
        line = view.layout_data.event_line(view.cursor) - int(view.scroll_y)
        rendered = "".join(seg.text for seg in view.render_line(line))
        assert "␛[2J␛[31mScreen wiper" in rendered
        assert "\x1b" not in rendered
        detail = str(main_screen(app).query_one(DetailStrip).render())
        assert "\x1b" not in detail and "␛[2J" in detail


async def test_q_quits(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        assert app.return_code == 0
        assert not app.is_running
