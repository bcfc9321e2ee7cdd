"""The explorer's working set (issue 17): marks and bulk tags, exclusion
filters, saved views and the order of events within a day."""

from __future__ import annotations

from dateline.store.changes import save_view, saved_views
from dateline.store.model import Event, FuzzyDate
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from dateline.tui.screens.actor_picker import ActorPickerScreen
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.widgets.prompt import PromptBar

from tests.tui.explorer_helpers import (
    SIZE,
    TODAY,
    goto,
    header,
    highlighted,
    main_screen,
    make_app,
    shown_ids,
    type_text,
)
from tests.tui.waits import settle


def last_message(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.messages[-1][1])


def row_text(app, event_id: str) -> str:  # type: ignore[no-untyped-def]
    """The rendered row of ``event_id`` (it must be on screen)."""
    view = main_screen(app).view
    index = next(i for i, e in enumerate(view.layout_data.events) if e.id == event_id)
    line = view.layout_data.event_line(index) - int(view.scroll_y)
    return "".join(seg.text for seg in view.render_line(line))


# -- marks and bulk tags ---------------------------------------------------------
async def test_m_marks_rows_and_t_tags_every_marked_event_in_one_undo(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-sanctions")
        await pilot.press("m")  # marks and moves on, as in a mail reader
        assert highlighted(app) == "ev-petro-leaves-office"
        await goto(pilot, "ev-maduro-op")
        await pilot.press("m")
        assert main_screen(app).marked == {"ev-sanctions", "ev-maduro-op"}
        assert "2 marked · 8 of 8 events" in header(app)
        assert row_text(app, "ev-sanctions")[1] == "•"
        assert row_text(app, "ev-phone-call")[1] == " "
        await pilot.press("T")
        prompt = main_screen(app).query_one(PromptBar)
        assert prompt.kind == "bulk-tag"
        await type_text(pilot, "checked, -drugs")
        await pilot.press("enter")
        assert demo.event("ev-sanctions").tags == ("sanctions", "checked")
        assert demo.event("ev-maduro-op").tags == ("venezuela", "military", "checked")
        assert demo.event("ev-phone-call").tags == ("diplomacy",)
        await pilot.press("u")  # one step puts both back
        assert demo.event("ev-sanctions").tags == ("sanctions", "drugs")
        assert demo.event("ev-maduro-op").tags == ("venezuela", "military")


async def test_t_without_marks_tags_the_highlighted_event(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-phone-call")
        await pilot.press("T")
        assert "the highlighted event" in str(
            main_screen(app).query_one("#prompt-label").render()
        )
        await type_text(pilot, "kurds")
        await pilot.press("enter")
        assert demo.event("ev-phone-call").tags == ("diplomacy", "kurds")
        assert demo.event("ev-announcement").tags == ("diplomacy", "drugs")


async def test_esc_asks_before_clearing_the_marks(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-sanctions")
        await pilot.press("m", "m")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Clear the marks of 2 marked events?" in app.screen.question
        await pilot.press("n")
        assert len(main_screen(app).marked) == 2
        await pilot.press("escape", "y")
        assert main_screen(app).marked == frozenset()
        assert "marked" not in header(app)
        assert row_text(app, "ev-sanctions")[1] == " "


# -- exclusion filters -------------------------------------------------------------
async def test_minus_name_in_the_actor_picker_leaves_that_actor_out(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await type_text(pilot, "-trump")
        await pilot.press("enter")
        assert set(shown_ids(app)) == {"ev-sanctions", "ev-petro-leaves-office"}
        assert "not Trump" in header(app)
        # The picker shows who is left out, and ctrl+x takes them back in.
        await pilot.press("f")
        picker = app.screen
        assert isinstance(picker, ActorPickerScreen)
        await type_text(pilot, "trump")
        assert str(picker.options.get_option_at_index(0).prompt).startswith("not ")
        await pilot.press("ctrl+x", "ctrl+u", "enter")
        assert len(shown_ids(app)) == 8
        assert "not" not in header(app)


async def test_ctrl_x_excludes_beside_actors_wanted(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await type_text(pilot, "petro")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "maduro")
        await pilot.press("ctrl+x", "ctrl+u", "enter")
        shown = shown_ids(app)
        assert "ev-maduro-op" not in shown and "ev-sanctions" in shown
        assert len(shown) == 6
        assert "Petro" in header(app) and "not Maduro" in header(app)


async def test_minus_tag_in_the_tag_filter_leaves_it_out(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await type_text(pilot, "-diplo")
        prompt = main_screen(app).query_one(PromptBar)
        assert "not #diplomacy" in str(prompt.query_one("#prompt-reading").render())
        await pilot.press("enter")
        assert set(shown_ids(app)) == {
            "ev-visa-suspension",
            "ev-sanctions",
            "ev-maduro-op",
            "ev-petro-leaves-office",
        }
        assert "not #diplomacy" in header(app)
        await pilot.press("escape")  # the last chip goes, as for any filter
        assert len(shown_ids(app)) == 8


# -- saved views -----------------------------------------------------------------
async def test_w_saves_the_filters_and_the_palette_applies_them(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await type_text(pilot, "-diplomacy")
        await pilot.press("enter", "w")
        assert main_screen(app).query_one(PromptBar).kind == "save-view"
        await type_text(pilot, "No diplomacy")
        await pilot.press("enter")
        [view] = saved_views(demo)
        assert view.name == "No diplomacy"
        assert view.event_filter == EventFilter(not_tags=("diplomacy",))
        await pilot.press("c")
        assert len(shown_ids(app)) == 8
        await pilot.press("ctrl+p")
        await type_text(pilot, "view: no diplomacy")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert len(shown_ids(app)) == 4
        assert "not #diplomacy" in header(app)


async def test_w_without_a_filter_says_what_to_do(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert main_screen(app).query_one(PromptBar).display is False
        assert "Filter first" in last_message(app)
        assert saved_views(demo) == []


async def test_the_palette_deletes_a_view_after_asking(demo: Timeline) -> None:
    save_view(demo, "Drugs", EventFilter(tags=("drugs",)))
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "delete view: drugs")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert saved_views(demo) == []


# -- order within a day ------------------------------------------------------------
async def test_parentheses_move_an_event_within_its_day(demo: Timeline) -> None:
    day = FuzzyDate(TODAY, TODAY, "day")
    with demo.change() as tx:
        tx.put(Event(day, "Alpha", id="ev-a"), Event(day, "Bravo", id="ev-b"))
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        order = shown_ids(app)
        assert order.index("ev-a") + 1 == order.index("ev-b")
        await goto(pilot, "ev-b")
        await pilot.press("left_parenthesis")
        order = shown_ids(app)
        assert order.index("ev-b") + 1 == order.index("ev-a")
        assert highlighted(app) == "ev-b"  # the cursor goes with it
        assert [e.id for e in demo.events() if e.when == day] == ["ev-b", "ev-a"]
        await pilot.press("left_parenthesis")
        assert "Already the first of its day" in last_message(app)
        await pilot.press("u")  # one move, one undo step
        order = shown_ids(app)
        assert order.index("ev-a") + 1 == order.index("ev-b")
        await goto(pilot, "ev-sanctions")
        await pilot.press("right_parenthesis")
        assert "No other event shares its day" in last_message(app)


def test_no_two_explorer_bindings_share_a_key() -> None:
    from collections import Counter

    from dateline.tui.screens.main.screen import MainScreen
    from dateline.tui.widgets.timeline_view import TimelineView

    keys = Counter(
        key.strip()
        for binding in (*MainScreen.BINDINGS, *TimelineView.BINDINGS)
        for key in binding.key.split(",")  # type: ignore[union-attr]
    )
    assert [key for key, count in keys.items() if count > 1] == []


def test_marks_and_exclusions_snapshot(demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Two marked rows, "2 marked" and the "not …" chips in the header."""

    async def mark_and_exclude(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("number_sign", *"-drugs", "enter")
        await pilot.press("f", *"-maduro", "enter")
        await goto(pilot, "ev-phone-call")
        await pilot.press("m", "m")
        await pilot.pause()

    assert snap_compare(make_app(demo), terminal_size=SIZE, run_before=mark_and_exclude)


async def test_undo_after_saving_a_view_names_the_view(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign", *"drugs", "enter", "w")
        await type_text(pilot, "Drugs")
        await pilot.press("enter", "u")
        assert saved_views(demo) == []
        assert last_message(app) == "Undo: the saved view “Drugs” removed."
