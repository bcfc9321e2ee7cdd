"""SVG snapshots of every modal and secondary screen, over the real app.

Each screen is opened inside ``DatelineApp`` (not a bare host app) so the app
stylesheet applies too: a rule that leaks from one screen into another shows
up here. Regenerate with
``pytest tests/tui/test_screen_snapshots.py --snapshot-update`` only after
looking at the new pictures as PNGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from dateline.store.ingest.pipeline import ingest
from dateline.store.model import Actor
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.actor_edit import ActorEditScreen, ActorMergePickerScreen
from dateline.tui.screens.event_form import EventFormScreen
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from tests.tui.explorer_helpers import SIZE, goto, make_app

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_article.txt"
SMALL = (80, 24)

Steps = Callable[[Pilot], Awaitable[None]]


def keys(*pressed: str, on: str | None = "ev-announcement") -> Steps:
    """Highlight the event ``on`` (if any), then press ``pressed``."""

    async def run(pilot: Pilot) -> None:
        await pilot.pause()
        if on is not None:
            await goto(pilot, on)
        await pilot.press(*pressed)
        await pilot.pause()

    return run


def actor_editor(actor_id: str) -> Steps:
    """Open the actor editor on ``actor_id`` over the main screen."""

    async def run(pilot: Pilot) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, DatelineApp)
        await app.push_screen(ActorEditScreen(app.main.timeline, actor_id))
        await pilot.pause()

    return run


async def merge_picker(pilot: Pilot) -> None:
    await actor_editor("ac-rubio")(pilot)
    editor = pilot.app.screen
    assert isinstance(editor, ActorEditScreen)
    editor.action_merge()
    await pilot.pause()


async def help_over_form(pilot: Pilot) -> None:
    # The help for the form's keys (the main screen's help is in
    # test_explorer_snapshots). Called directly: f1 does not reach the app's
    # binding while a modal screen has focus.
    await keys("a")(pilot)
    app = pilot.app
    assert isinstance(app, DatelineApp)
    app.action_help()
    await pilot.pause()


async def confirm_delete(pilot: Pilot) -> None:
    await keys("d")(pilot)


async def article_from_event(pilot: Pilot) -> None:
    # enter opens the event; its sources pane has focus, so enter reads it.
    await keys("enter", "enter")(pilot)


# name -> (steps, terminal size)
SCREENS: dict[str, tuple[Steps, tuple[int, int]]] = {
    "add_form": (keys("a"), SIZE),
    "add_form_small": (keys("a"), SMALL),
    "edit_form": (keys("e"), SIZE),
    "edit_form_small": (keys("e"), SMALL),
    "actor_picker": (keys("f", *"ru"), SIZE),
    "actor_editor": (actor_editor("ac-petro"), SIZE),
    "actor_editor_small": (actor_editor("ac-petro"), SMALL),
    "merge_picker": (merge_picker, SIZE),
    "merge_picker_small": (merge_picker, SMALL),
    "ingest_dialog": (keys("i"), SIZE),
    "export_dialog": (keys("x"), SIZE),
    "export_formats": (keys("x", "tab", "enter"), SIZE),
    "help_over_form": (help_over_form, SIZE),
    "confirm_dialog": (confirm_delete, SIZE),
    "confirm_dialog_small": (confirm_delete, SMALL),
    "event_view": (keys("enter"), SIZE),
    "article_view": (article_from_event, SIZE),
}


def steady(steps: Steps) -> Steps:
    """``steps``, then every cursor held visible: a blinking one is caught
    on or off depending on the moment the picture is taken."""

    async def run(pilot: Pilot) -> None:
        await steps(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
            field.refresh()
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
            area.refresh()
        await pilot.pause()

    return run


@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(name: str, demo: Timeline, snap_compare) -> None:  # type: ignore[no-untyped-def]
    steps, size = SCREENS[name]
    assert snap_compare(make_app(demo), terminal_size=size, run_before=steady(steps))


def test_review_screen(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    # The demo's events are all reviewed; the seed article freshly extracted
    # leaves its events pending.
    timeline = Timeline.open(db_path)
    ingest(timeline, SEED.read_text(encoding="utf-8"))
    try:
        steps = steady(keys("v", on=None))
        assert snap_compare(make_app(timeline), terminal_size=SIZE, run_before=steps)
    finally:
        timeline.close()


# -- sizes that once leaked from another screen's rules ---------------------


async def test_form_actors_field_is_one_line(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await keys("a")(pilot)
        form = app.screen
        assert isinstance(form, EventFormScreen)
        # The main screen's actors pane is also #actors, and 6 rows tall.
        assert app.main.query_one("#actors").outer_size.height == 6
        assert form.query_one("#actors", Input).outer_size.height == 1


async def test_merge_picker_list_fits_its_actors(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await merge_picker(pilot)
        assert isinstance(app.screen, ActorMergePickerScreen)
        options = app.screen.query_one("#picker-list", OptionList)
        assert options.option_count == len(demo.actors()) - 1
        rows = options.option_count + options.styles.gutter.height
        assert options.outer_size.height == rows


async def test_merge_picker_with_many_actors_scrolls_inside_the_screen(
    demo: Timeline,
) -> None:
    demo.put(*(Actor(name=f"Minister {n:02}", kind="person") for n in range(40)))
    app = make_app(demo)
    async with app.run_test(size=SMALL) as pilot:
        await merge_picker(pilot)
        picker = app.screen
        assert isinstance(picker, ActorMergePickerScreen)
        options = picker.query_one("#picker-list", OptionList)
        assert 3 <= options.outer_size.height < options.option_count
        box = options.parent
        assert isinstance(box, Widget)
        # The whole box is on the screen, and the whole list inside the box:
        # a list taller than the room left would hide its last rows.
        assert picker.region.contains_region(box.region)
        assert box.content_region.contains_region(options.region)
