"""Actor edit, merge and removal reached by keys from the explorer (issue 16)."""

from __future__ import annotations

from dateline.store.changes.actors import delete_actor
from dateline.store.model import Actor, ActorRef, Event, FuzzyDate, Quote
from dateline.store.timeline import Timeline
from dateline.tui.screens.actor_edit import ActorEditScreen, ActorMergePickerScreen
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.widgets.panes import ActorsPane
from textual.widgets import Input

from tests.tui.explorer_helpers import (
    SIZE,
    TODAY,
    goto,
    main_screen,
    make_app,
    pane_ids,
    type_text,
)
from tests.tui.waits import settle


def with_junk(timeline: Timeline) -> tuple[Actor, Event, Quote]:
    """An actor an extraction made of a weekday, on one event, with a quote."""
    junk = Actor(name="Monday", kind="other")
    event = Event(
        when=FuzzyDate(TODAY, TODAY, "day"),
        title="Talks resume",
        actors=(ActorRef("ac-petro"), ActorRef(junk.id)),
        id="ev-talks",
    )
    quote = Quote(text="We are back.", speaker=junk.id, event=event.id)
    event = Event(
        when=event.when,
        title=event.title,
        actors=event.actors,
        quotes=(quote.id,),
        id=event.id,
    )
    timeline.put(junk, event, quote)
    return junk, event, quote


async def test_e_in_the_actors_pane_opens_the_editor_and_saves(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-un-lula")
        await pilot.press("tab")  # the Actors pane
        pane = main_screen(app).query_one(ActorsPane)
        assert pane.has_focus
        pane.highlighted = pane.record_ids.index("ac-lula")
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActorEditScreen) and screen.actor.id == "ac-lula"
        name = screen.query_one("#name", Input)
        name.value = ""
        await type_text(pilot, "Lula da Silva")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert demo.actor("ac-lula").name == "Lula da Silva"
        await pilot.press("u")
        await pilot.pause()
        assert demo.actor("ac-lula").name == "Luiz Inácio Lula da Silva"


async def test_d_in_the_actors_pane_removes_a_junk_actor_and_u_restores_it(
    demo: Timeline,
) -> None:
    junk, event, quote = with_junk(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, event.id)
        await pilot.press("tab")
        pane = main_screen(app).query_one(ActorsPane)
        pane.highlighted = pane.record_ids.index(junk.id)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Remove Monday?" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert junk.id not in demo.actors_by_id
        assert demo.event(event.id).actor_ids == ("ac-petro",)
        assert demo.quote(quote.id).speaker is None
        assert pane_ids(app)["actors"] == ["ac-petro"]
        await pilot.press("escape", "u")  # back to the timeline, then undo
        await pilot.pause()
        assert demo.actor(junk.id).name == "Monday"
        assert junk.id in demo.event(event.id).actor_ids
        assert demo.quote(quote.id).speaker == junk.id


async def test_n_answer_removes_nothing(demo: Timeline) -> None:
    junk, event, _ = with_junk(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, event.id)
        await pilot.press("tab")
        pane = main_screen(app).query_one(ActorsPane)
        pane.highlighted = pane.record_ids.index(junk.id)
        await pilot.press("d", "n")
        await pilot.pause()
        assert junk.id in demo.actors_by_id


async def test_capital_a_picks_an_actor_by_name_then_merges_it(
    demo: Timeline,
) -> None:
    dup = Actor(name="G. Petro")
    demo.put(dup)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ActorMergePickerScreen)
        await type_text(pilot, "g. petro")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActorEditScreen) and screen.actor.id == dup.id
        screen.action_merge()  # the "Merge into…" button
        await pilot.pause()
        await type_text(pilot, "gustavo")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert dup.id not in demo.actors_by_id
        assert "G. Petro" in demo.actor("ac-petro").aliases


async def test_the_palette_opens_the_actor_editor(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "edit an actor")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActorMergePickerScreen)


async def test_the_editor_removes_an_actor_with_its_button(demo: Timeline) -> None:
    junk, event, _ = with_junk(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, event.id)
        await pilot.press("tab")
        pane = main_screen(app).query_one(ActorsPane)
        pane.highlighted = pane.record_ids.index(junk.id)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#actor-remove")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert junk.id not in demo.actors_by_id
        assert main_screen(app).view.event is not None


def test_delete_actor_is_one_undo_step(demo: Timeline) -> None:
    junk, event, quote = with_junk(demo)
    delete_actor(demo, junk.id)
    assert junk.id not in demo.actors_by_id
    demo.undo()
    assert demo.actor(junk.id) == junk
    assert demo.event(event.id).actor_ids == ("ac-petro", junk.id)
    assert demo.quote(quote.id).speaker == junk.id
