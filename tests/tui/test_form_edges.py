"""The event form's rough edges, driven by keys (issue 16): enter in the
summary, the status key, every problem at once, the re-anchoring note, the
edit form's re-reading, and taking quotes and sources off an event."""

from __future__ import annotations

from datetime import date

from dateline.store.timeline import Timeline
from dateline.tui.screens.event_form import EventFormScreen
from dateline.tui.widgets.date_field import DateField
from dateline.tui.widgets.form_held import HeldRecords
from textual.widgets import Input, RadioSet, Select, Static, TextArea

from tests.tui.form_host import FormHost

SIZE = (100, 34)


def error_shown(app: FormHost, name: str) -> str:
    line = app.screen.query_one(f"#error-{name}", Static)
    return str(line.render()) if line.has_class("-shown") else ""


def reading(app: FormHost) -> str:
    return str(app.screen.query_one("#date-reading", Static).render())


async def test_enter_in_the_summary_moves_on_shift_enter_adds_a_line(
    demo: Timeline,
) -> None:
    app = FormHost(EventFormScreen(demo, anchor=date(2026, 1, 10)))
    async with app.run_test(size=SIZE) as pilot:
        summary = app.screen.query_one("#summary", TextArea)
        summary.focus()
        await pilot.press(*"one", "shift+enter", *"two", "ctrl+j", *"three")
        assert summary.text == "one\ntwo\nthree"
        await pilot.press("enter")
        await pilot.pause()
        assert summary.text == "one\ntwo\nthree"
        assert app.focused is not None and app.focused.id == "actors"


async def test_ctrl_t_flips_the_status_from_any_field(demo: Timeline) -> None:
    app = FormHost(EventFormScreen(demo, anchor=date(2026, 1, 10)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Friday")
        assert reading(app) == "Fri 9 Jan 2026 · day"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.query_one("#status", RadioSet).pressed_index == 1
        # Expected: "Friday" is the coming one.
        assert reading(app) == "Fri 16 Jan 2026 · day"
        assert app.focused is not None and app.focused.id == "date-input"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.query_one("#status", RadioSet).pressed_index == 0


async def test_every_problem_is_shown_at_once(demo: Timeline) -> None:
    count = len(demo)
    app = FormHost(EventFormScreen(demo, anchor=date(2026, 1, 10)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"blurgday")
        app.screen.query_one("#quote-text", Input).value = "We will talk."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one(DateField).has_class("-invalid")
        assert "blurgday" in reading(app)
        assert error_shown(app, "title") == "The title is empty; type what happened."
        assert error_shown(app, "quote_speaker").startswith("Say who is quoted")
        # The cursor goes to the topmost problem: the date.
        assert app.focused is not None and app.focused.id == "date-input"
        assert len(demo) == count  # nothing was saved


async def test_picking_a_source_that_rereads_the_date_says_so(demo: Timeline) -> None:
    # Today is in March; the article was published on Sat 10 Jan 2026.
    app = FormHost(EventFormScreen(demo, anchor=date(2026, 3, 4), anchor_label="today"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"last Friday")
        assert reading(app) == "Fri 27 Feb 2026 · day"
        note = app.screen.query_one("#source-anchor-note", Static)
        assert not note.display
        pick = app.screen.query_one("#source-pick", Select)
        pick.focus()
        await pilot.press("enter")  # open the list
        await pilot.pause()
        labels = [str(o.prompt) for o in app.screen.query_one("SelectOverlay").options]  # type: ignore[attr-defined]
        down = next(i for i, label in enumerate(labels) if "Kurdistan24" in label)
        await pilot.press(*["down"] * down, "enter")
        await pilot.pause()
        assert pick.value == "so-k24"
        assert reading(app) == "Fri 9 Jan 2026 · day"
        assert note.display
        shown = str(note.render())
        assert "read against Kurdistan24's date, Sat 10 Jan 2026" in shown
        assert "“last Friday” is Fri 9 Jan 2026 · day" in shown


async def test_edit_form_rereads_the_date_when_the_status_changes(
    demo: Timeline,
) -> None:
    event = demo.event("ev-phone-call")
    app = FormHost(EventFormScreen(demo, editing=event))
    async with app.run_test(size=SIZE) as pilot:
        before = reading(app)
        assert before.endswith("· day")
        field = app.screen.query_one(DateField)
        field.input.value = "Friday"
        await pilot.pause()
        friday_past = reading(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert reading(app) != friday_past  # the coming Friday now
        # Put back the stored words: read again for "expected", not kept.
        field.input.value = event.when.text
        await pilot.pause()
        assert field.kept is None


async def test_editing_takes_a_quote_and_a_source_off_the_event(
    demo: Timeline,
) -> None:
    event = demo.event("ev-announcement")
    assert event.sources and event.quotes
    quote_id = event.quotes[0]
    source_id = event.sources[0]
    app = FormHost(EventFormScreen(demo, editing=event))
    async with app.run_test(size=SIZE) as pilot:
        held = app.screen.query_one(HeldRecords)
        values = [str(o.value) for o in held.options]
        assert f"source:{source_id}" in values and f"quote:{quote_id}" in values
        held.focus()
        held.highlighted = values.index(f"source:{source_id}")
        await pilot.press("space")
        held.highlighted = values.index(f"quote:{quote_id}")
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = app.result
    assert source_id not in saved.sources and quote_id not in saved.quotes
    assert quote_id not in demo.quotes_by_id  # it belonged to this event alone
    assert source_id in demo.sources_by_id  # the article stays in the timeline
    demo.undo()
    assert demo.event(event.id).quotes == event.quotes
    assert quote_id in demo.quotes_by_id
