"""The event form, driven by keys the way a user drives it (issue 5)."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import dateline.store.disk.journal
import pytest
from dateline.store.model import Event, FuzzyDate, touched
from dateline.store.timeline import Timeline
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.screens.event_form import EventFormScreen
from dateline.tui.widgets.actor_input import ActorSuggester
from dateline.tui.widgets.date_field import DateField
from textual.widgets import Input, Static, TextArea

from tests.tui.form_host import PENDING, FormHost

ANCHOR = date(2026, 1, 10)
SIZE = (100, 30)


def form(timeline: Timeline, **kwargs: object) -> FormHost:
    screen = EventFormScreen(timeline, anchor=ANCHOR, anchor_label="today", **kwargs)  # type: ignore[arg-type]
    return FormHost(screen)


async def type_into(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Put the cursor in a field, clear it, and type ``text`` key by key."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    if isinstance(widget, Input):
        widget.value = ""
    await pilot.pause()
    await pilot.press(*text)


def text_of(app: FormHost, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def error_shown(app: FormHost, name: str) -> str:
    line = app.screen.query_one(f"#error-{name}", Static)
    return str(line.render()) if line.has_class("-shown") else ""


async def test_add_last_friday_links_existing_actors(demo_path: Path) -> None:
    timeline = Timeline.open(demo_path)
    actors_before = len(timeline.actors_by_id)
    app = form(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"last Friday")
        assert text_of(app, "#date-reading") == "Fri 9 Jan 2026 · day"
        assert "read against Sat 10 Jan 2026 (today)" in text_of(app, "#date-anchor")
        await type_into(pilot, "#title", "Trump and Petro talk again")
        await type_into(pilot, "#actors", "trump, Petro")
        readout = text_of(app, "#actors-readout")
        assert "→ Donald Trump" in readout and "→ Gustavo Petro" in readout
        assert "new actor" not in readout
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    assert isinstance(saved, Event)
    assert saved.when.start == saved.when.end == date(2026, 1, 9)
    assert saved.when.precision == "day" and saved.when.text == "last Friday"
    assert saved.actor_ids == ("ac-trump", "ac-petro")
    assert len(timeline.actors_by_id) == actors_before

    # Its title edited through the same form: same id, date and actors.
    editor = form(timeline, editing=timeline.event(saved.id))
    async with editor.run_test(size=SIZE) as pilot:
        assert editor.screen.query_one("#date-input", Input).value == "last Friday"
        await type_into(pilot, "#title", "Trump and Petro talk by phone")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert editor.result.id == saved.id
    timeline.close()
    reopened = Timeline.open(demo_path)
    again = reopened.event(saved.id)
    assert again.title == "Trump and Petro talk by phone"
    assert again.actor_ids == ("ac-trump", "ac-petro")
    assert again.when == saved.when
    assert len(reopened.actors_by_id) == actors_before


async def test_edit_title_keeps_id_date_and_actors(demo: Timeline) -> None:
    original = demo.event("ev-phone-call")
    app = form(demo, editing=original)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one("#title", Input).value == original.title
        assert "Donald Trump" in app.screen.query_one("#actors", Input).value
        await type_into(pilot, "#title", "Trump and Petro speak by phone")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    assert saved.id == original.id
    assert demo.event(original.id).title == "Trump and Petro speak by phone"
    assert demo.event(original.id).when == original.when
    assert demo.event(original.id).actor_ids == original.actor_ids
    assert demo.event(original.id).quotes == original.quotes


async def test_unreadable_date_keeps_form_and_input(demo: Timeline) -> None:
    count = len(demo)
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#title", "Something happened")
        await type_into(pilot, "#date-input", "blorp")
        assert 'Could not read the date "blorp"' in text_of(app, "#date-reading")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is PENDING
        assert isinstance(app.screen, EventFormScreen)
        assert 'Could not read the date "blorp"' in text_of(app, "#date-reading")
        assert app.screen.query_one("#title", Input).value == "Something happened"
        assert app.screen.focused is app.screen.query_one("#date-input")
    assert len(demo) == count


async def test_end_before_start_is_shown_under_the_date(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"5 Mar 2026 - 3 Jan 2026")
        reading = text_of(app, "#date-reading")
        assert "end (2026-01-03) is before the start (2026-03-05)" in reading
        assert app.screen.query_one(DateField).has_class("-invalid")


async def test_empty_title_is_refused_under_the_title(demo: Timeline) -> None:
    count = len(demo)
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"yesterday")
        await type_into(pilot, "#actors", "Rubio")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is PENDING
        assert "title is empty" in error_shown(app, "title")
        assert app.screen.focused is app.screen.query_one("#title")
        assert app.screen.query_one("#actors", Input).value == "Rubio"
        await pilot.press(*"Rubio speaks")
        assert error_shown(app, "title") == ""
    assert len(demo) == count


async def test_quote_without_speaker_is_refused(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"yesterday")
        await type_into(pilot, "#title", "A remark")
        await type_into(pilot, "#quote-text", "We will see")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is PENDING
        assert "Say who is quoted" in error_shown(app, "quote_speaker")
        await type_into(pilot, "#quote-speaker", "rubio")
        assert "→ Marco Rubio" in text_of(app, "#speaker-readout")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    (quote,) = demo.quotes(event=saved.id)
    assert quote.text == "We will see" and quote.speaker == "ac-rubio"


async def test_ambiguous_name_is_refused_until_made_clear(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"yesterday")
        await type_into(pilot, "#title", "A meeting")
        await type_into(pilot, "#actors", "President")
        assert "fits 2 actors" in text_of(app, "#actors-readout")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is PENDING
        assert "fits several actors" in error_shown(app, "actors")
        await pilot.press(*" Petro")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result.actor_ids == ("ac-petro",)


async def test_new_actor_is_marked_then_created_once(demo: Timeline) -> None:
    before = set(demo.actors_by_id)
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"yesterday")
        await type_into(pilot, "#title", "Ambassador arrives")
        await type_into(pilot, "#actors", "Jane Doe, trump, jane doe")
        readout = text_of(app, "#actors-readout")
        assert "Jane Doe + new actor" in readout
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    (new_id,) = set(demo.actors_by_id) - before
    assert demo.actor(new_id).name == "Jane Doe"
    assert saved.actor_ids == (new_id, "ac-trump")


async def test_expected_status_reads_forward(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Friday")
        assert text_of(app, "#date-reading") == "Fri 9 Jan 2026 · day"
        status = app.screen.query_one("#status")
        status.focus()
        await pilot.press("right", "enter")
        assert text_of(app, "#date-reading") == "Fri 16 Jan 2026 · day"
        await type_into(pilot, "#date-input", "first week of February")
        assert text_of(app, "#date-reading") == "1-7 Feb 2026 · week"
        await type_into(pilot, "#title", "Petro visits")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    assert saved.status == "expected"
    assert (saved.when.start, saved.when.end) == (date(2026, 2, 1), date(2026, 2, 7))


async def test_edit_to_expected_reads_the_stored_words_forward(demo: Timeline) -> None:
    """The issue's rule for the edit form, as the add form does it: a stored
    "Friday" read as last Friday is the coming one once the event is expected;
    unchanged, it keeps the date it was saved with."""
    stored = Event(
        when=FuzzyDate(
            date(2026, 1, 9), date(2026, 1, 9), "day", "Friday", date(2026, 1, 10)
        ),
        title="Vote on the budget",
    )
    demo.put(stored)
    app = form(demo, editing=stored)
    async with app.run_test(size=SIZE) as pilot:
        assert text_of(app, "#date-reading") == "Fri 9 Jan 2026 · day"
        status = app.screen.query_one("#status")
        status.focus()
        await pilot.press("right", "enter")
        assert text_of(app, "#date-reading") == "Fri 16 Jan 2026 · day"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = demo.event(stored.id)
    assert saved.status == "expected"
    assert saved.when.start == date(2026, 1, 16)


async def test_escape_on_changed_form_asks_first(demo: Timeline) -> None:
    count = len(demo)
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#title", "Half typed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the safe answer: keep the form
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)
        assert app.screen.query_one("#title", Input).value == "Half typed"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.result is None
    assert len(demo) == count


async def test_escape_on_untouched_form_closes_at_once(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None
        assert not isinstance(app.screen, ConfirmScreen)


async def test_enter_moves_to_the_next_field(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"today", "enter")
        # Straight on to the title: typing there must not land on the radios.
        assert app.screen.focused is app.screen.query_one("#title")
        await pilot.press("x", "enter")
        assert app.screen.query_one("#title", Input).value == "x"
        assert app.screen.focused is app.screen.query_one("#summary", TextArea)
        await type_into(pilot, "#actors", "Rubio")
        await pilot.press("enter")
        assert app.screen.focused is app.screen.query_one("#place")
        assert app.result is PENDING


async def test_failing_save_keeps_form_and_input(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = Timeline.open(demo_path)
    count = len(timeline)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = form(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"last Friday")
        await type_into(pilot, "#title", "Kept through a full disk")
        await type_into(pilot, "#actors", "Trump, Nobody Yet")
        with monkeypatch.context() as patch:
            patch.setattr(dateline.store.disk.journal, "_datasync", disk_full)
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert app.result is PENDING
        message = error_shown(app, "form")
        assert "No space left on device" in message and "Nothing was saved" in message
        assert app.screen.query_one("#title", Input).value == "Kept through a full disk"
        assert app.screen.query_one("#actors", Input).value == "Trump, Nobody Yet"
        assert len(timeline) == count
        assert timeline.find_actor("Nobody Yet") is None
        await pilot.press("ctrl+s")  # the disk has room again
        await pilot.pause()
    assert isinstance(app.result, Event)
    timeline.close()
    assert Timeline.open(demo_path).event(app.result.id).title == (
        "Kept through a full disk"
    )


async def test_edit_changed_elsewhere_is_a_conflict_not_an_overwrite(
    demo_path: Path,
) -> None:
    mine = Timeline.open(demo_path)
    theirs = Timeline.open(demo_path)
    loaded = mine.event("ev-sanctions")
    app = form(mine, editing=loaded)
    async with app.run_test(size=SIZE) as pilot:
        theirs.put(touched(theirs.event("ev-sanctions"), title="Their title"))
        await type_into(pilot, "#title", "My title")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is PENDING
        assert "changed elsewhere" in error_shown(app, "form")
        assert app.screen.query_one("#title", Input).value == "My title"
    assert mine.event("ev-sanctions").title == "Their title"


async def test_picked_article_anchors_the_words_and_is_cited(demo: Timeline) -> None:
    app = FormHost(EventFormScreen(demo, source_id="so-k24"))
    async with app.run_test(size=SIZE) as pilot:
        assert "(Kurdistan24)" in text_of(app, "#date-anchor")
        await pilot.press(*"last Friday")
        assert text_of(app, "#date-reading") == "Fri 9 Jan 2026 · day"
        await type_into(pilot, "#title", "Call reported")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    assert saved.sources == ("so-k24",)
    assert saved.when.anchor == date(2026, 1, 10)


async def test_typed_article_becomes_a_new_source(demo: Timeline) -> None:
    before = set(demo.sources_by_id)
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"yesterday")
        await type_into(pilot, "#title", "Reported elsewhere")
        await type_into(pilot, "#source-outlet", "El Tiempo")
        await type_into(pilot, "#source-url", "https://example.org/a")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (new_id,) = set(demo.sources_by_id) - before
    assert app.result.sources == (new_id,)
    assert demo.source(new_id).outlet == "El Tiempo"
    assert demo.source(new_id).url == "https://example.org/a"


async def test_actor_suggestion_completes_the_last_name(demo: Timeline) -> None:
    suggester = ActorSuggester(demo)
    assert await suggester.get_suggestion("trump, gus") == "trump, Gustavo Petro"
    assert await suggester.get_suggestion("Ma") in {"Marco Rubio", "Maduro"}
    assert await suggester.get_suggestion("trump, ") is None
    assert await suggester.get_suggestion("zz") is None


async def test_right_arrow_accepts_the_suggestion(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#actors", "trump, gus")
        await pilot.pause()
        await pilot.press("right")
        value = app.screen.query_one("#actors", Input).value
        assert value == "trump, Gustavo Petro"


async def test_every_problem_the_form_sees_is_shown_at_once(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"blorp")
        await type_into(pilot, "#title", "Two mistakes")
        await type_into(pilot, "#actors", "President")
        await type_into(pilot, "#quote-text", "Words")
        await type_into(pilot, "#quote-speaker", "Trump, Petro")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is PENDING
        assert 'Could not read the date "blorp"' in text_of(app, "#date-reading")
        assert "fits several actors" in error_shown(app, "actors")
        assert "One speaker per quote" in error_shown(app, "quote_speaker")
        assert app.screen.focused is app.screen.query_one("#date-input")


async def test_mouse_save_and_confirm_buttons(demo: Timeline) -> None:
    app = form(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"yesterday")
        await type_into(pilot, "#title", "Clicked")
        await pilot.click("#form-cancel")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#confirm-no")
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)
        await pilot.click("#form-save")
        await pilot.pause()
    assert app.result.title == "Clicked"


async def test_control_characters_are_drawn_not_sent_and_kept(demo: Timeline) -> None:
    hostile = "\x1b[2J\x1b]0;owned\x07 Sanctions"
    demo.put(touched(demo.event("ev-sanctions"), title=hostile, summary="a\x1b[31mb"))
    app = form(demo, editing=demo.event("ev-sanctions"))
    async with app.run_test(size=SIZE) as pilot:
        for selector in ("#title", "#summary"):
            widget = app.screen.query_one(selector)
            drawn = "".join(
                segment.text
                for y in range(widget.size.height)
                for segment in widget.render_line(y)
            )
            assert "\x1b" not in drawn and "\x07" not in drawn
            assert "␛[" in drawn
        await type_into(pilot, "#place", "Bogotá")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = demo.event("ev-sanctions")
    assert saved.title == hostile  # the value itself is never rewritten
    assert saved.summary == "a\x1b[31mb"
    assert saved.place == "Bogotá"
