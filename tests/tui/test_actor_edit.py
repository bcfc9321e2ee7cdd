"""Editing actors from the keyboard: rename, aliases, kind, merge (issue 5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.store.model import Actor, ActorRef, Event, FuzzyDate, Quote
from dateline.store.timeline import Timeline
from dateline.tui.screens.actor_edit import ActorEditScreen, ActorMergePickerScreen
from dateline.tui.screens.confirm import ConfirmScreen
from textual.widgets import Input, OptionList, Static

from tests.tui.form_host import PENDING, FormHost

SIZE = (100, 30)


async def retype(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)


def error_shown(app: FormHost, name: str) -> str:
    line = app.screen.query_one(f"#error-{name}", Static)
    return str(line.render()) if line.has_class("-shown") else ""


def with_duplicate(timeline: Timeline) -> tuple[Actor, Event, Quote]:
    """A second Petro record, as an import would leave one, with an event
    that names both records and a quote."""
    dup = Actor(name="G. Petro", aliases=("Gustavo P.",), kind="person")
    day = date(2026, 1, 3)
    event = Event(
        when=FuzzyDate(day, day, "day", "3 Jan 2026"),
        title="Petro answers",
        actors=(ActorRef(dup.id, "speaker"), ActorRef("ac-trump")),
    )
    quote = Quote(text="We will talk.", speaker=dup.id, event=event.id)
    event = Event(
        when=event.when,
        title=event.title,
        actors=event.actors,
        quotes=(quote.id,),
        id=event.id,
    )
    timeline.put(dup, event, quote)
    return dup, event, quote


async def test_rename_and_add_alias_are_saved_and_found(demo_path: Path) -> None:
    timeline = Timeline.open(demo_path)
    events = timeline.actor_event_count("ac-rubio")
    app = FormHost(ActorEditScreen(timeline, "ac-rubio"))
    async with app.run_test(size=SIZE) as pilot:
        await retype(pilot, "#name", "Marco Antonio Rubio")
        aliases = app.screen.query_one("#aliases", Input)
        aliases.focus()
        aliases.action_end()
        await pilot.press(*", the secretary of state")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    assert isinstance(saved, Actor) and saved.id == "ac-rubio"
    assert saved.name == "Marco Antonio Rubio"
    found = timeline.find_actor("The Secretary of State")
    assert found is not None and found.id == "ac-rubio"
    assert timeline.actor_event_count("ac-rubio") == events
    timeline.close()
    reopened = Timeline.open(demo_path)
    assert reopened.actor("ac-rubio").name == "Marco Antonio Rubio"
    assert reopened.find_actor("the secretary of state").id == "ac-rubio"  # type: ignore[union-attr]


async def test_kind_and_description_change(demo: Timeline) -> None:
    app = FormHost(ActorEditScreen(demo, "ac-lula"))
    async with app.run_test(size=SIZE) as pilot:
        kind = app.screen.query_one("#kind")
        kind.focus()
        await pilot.press("right", "right", "enter")  # person -> country
        description = app.screen.query_one("#description")
        description.focus()
        await pilot.press("ctrl+a")
        await pilot.press(*"Brazil's president")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert demo.actor("ac-lula").kind == "country"
    assert "Brazil's president" in demo.actor("ac-lula").description


async def test_name_clash_is_shown_inline_and_keeps_input(demo: Timeline) -> None:
    app = FormHost(ActorEditScreen(demo, "ac-rubio"))
    async with app.run_test(size=SIZE) as pilot:
        await retype(pilot, "#name", "Petro")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is PENDING
        message = error_shown(app, "names")
        assert '"Petro" already names Gustavo Petro' in message
        assert app.screen.query_one("#name", Input).value == "Petro"
        await pilot.press("backspace")
        assert error_shown(app, "names") == ""
    assert demo.actor("ac-rubio").name == "Marco Rubio"


async def test_merge_moves_events_and_quotes(demo_path: Path) -> None:
    timeline = Timeline.open(demo_path)
    dup, event, quote = with_duplicate(timeline)
    petro_events = timeline.actor_event_count("ac-petro")
    app = FormHost(ActorEditScreen(timeline, dup.id))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#actor-merge").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActorMergePickerScreen)
        await pilot.press(*"gus pet")
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(0).id == "ac-petro"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert "Merge G. Petro into Gustavo Petro?" in question
        assert "1 event and 1 quote" in question
        await pilot.press("y")
        await pilot.pause()
    kept = app.result
    assert isinstance(kept, Actor) and kept.id == "ac-petro"
    assert dup.id not in timeline.actors_by_id
    assert timeline.event(event.id).actor_ids == ("ac-petro", "ac-trump")
    assert timeline.event(event.id).actors[0].role == "speaker"
    assert timeline.quote(quote.id).speaker == "ac-petro"
    assert timeline.actor_event_count("ac-petro") == petro_events + 1
    assert timeline.find_actor("Gustavo P.").id == "ac-petro"  # type: ignore[union-attr]
    timeline.close()
    reopened = Timeline.open(demo_path)
    assert reopened.quote(quote.id).speaker == "ac-petro"
    assert dup.id not in reopened.actors_by_id


async def test_merge_declined_changes_nothing(demo: Timeline) -> None:
    dup, event, _ = with_duplicate(demo)
    app = FormHost(ActorEditScreen(demo, dup.id))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#actor-merge").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"petro", "enter")
        await pilot.pause()
        await pilot.press("enter")  # enter is the safe answer: no
        await pilot.pause()
        assert isinstance(app.screen, ActorEditScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert demo.actor(dup.id).name == "G. Petro"
    assert dup.id in demo.event(event.id).actor_ids


async def test_picker_ranks_by_any_name_and_cancels(demo: Timeline) -> None:
    picker = ActorMergePickerScreen(demo, exclude="ac-trump")
    assert [a.id for a in picker.ranked("lula")][:1] == ["ac-lula"]
    assert "ac-trump" not in [a.id for a in picker.ranked("")]
    assert picker.ranked("zzzz") == []
    app = FormHost(picker)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"mad")
        assert app.screen.query_one(OptionList).option_count >= 1
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_escape_on_changed_actor_asks(demo: Timeline) -> None:
    app = FormHost(ActorEditScreen(demo, "ac-maduro"))
    async with app.run_test(size=SIZE) as pilot:
        await retype(pilot, "#name", "Nicolas Maduro Moros")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "Nicolas Maduro Moros"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.result is None
    assert demo.actor("ac-maduro").name == "Nicolás Maduro"
