"""Notes, star and links in the explorer: ; notes, s stars, * filters, &
links (picker, kind), the event view shows both ends and jumps, same as
merges on request."""

from __future__ import annotations

import pytest
from dateline.store.changes.annotations import add_note
from dateline.store.model import Event, Link, touched
from dateline.store.timeline import Timeline
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.screens.event_view import EventScreen
from dateline.tui.screens.link_picker import LinkPickerScreen, link_candidates
from dateline.tui.widgets.annotation_panes import LinksPane, NotesPane
from dateline.tui.widgets.detail import DetailStrip
from dateline.tui.widgets.timeline_view import TimelineView
from textual.widgets import OptionList

from tests.tui.explorer_helpers import (
    SIZE,
    goto,
    header,
    highlighted,
    main_screen,
    make_app,
    shown_ids,
    type_text,
)


def _detail(app: object) -> str:
    return str(main_screen(app).query_one(DetailStrip).render())  # type: ignore[arg-type]


async def test_semicolon_adds_a_note_shown_in_the_strip_and_undone(
    demo: Timeline,
) -> None:
    demo.author = "ana"
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-phone-call")
        await pilot.press("semicolon")
        assert main_screen(app).prompt.is_open
        await pilot.press("enter")  # nothing typed: asked again, nothing saved
        assert main_screen(app).prompt.is_open
        await type_text(pilot, "AFP gives Wednesday")
        await pilot.press("enter")
        await pilot.pause()
        (note,) = demo.event("ev-phone-call").notes
        assert (note.text, note.author) == ("AFP gives Wednesday", "ana")
        assert "1 note, latest: AFP gives Wednesday" in _detail(app)
        await pilot.press("u")
        await pilot.pause()
        assert demo.event("ev-phone-call").notes == ()


async def test_s_stars_and_star_filters(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-sanctions")
        await pilot.press("s")
        await pilot.pause()
        assert demo.event("ev-sanctions").starred
        view = main_screen(app).view
        row = view.layout_data.event_line(view.cursor)
        assert "*" in "".join(
            s.text for s in view.render_line(row - view.scroll_offset.y)
        )
        await pilot.press("asterisk")
        await pilot.pause()
        assert shown_ids(app) == ["ev-sanctions"]
        assert "* starred only" in header(app)
        await pilot.press("asterisk")
        await pilot.pause()
        assert len(shown_ids(app)) == 8
        await pilot.press("s")  # off again
        await pilot.pause()
        assert not demo.event("ev-sanctions").starred


async def _link(pilot, app, words: str, kind_steps: int) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ampersand")
    await pilot.pause()
    assert isinstance(app.screen, LinkPickerScreen)
    await type_text(pilot, words)
    await pilot.press("enter")  # the best-ranked event
    await pilot.pause()
    for _ in range(kind_steps):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_ampersand_links_and_the_event_view_shows_both_ends_and_jumps(
    demo: Timeline,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        await _link(pilot, app, "telephone", 0)  # follows
        assert demo.event("ev-announcement").links == (
            Link("follows", "ev-phone-call"),
        )
        assert "1 link" in _detail(app)
        # The other end reads it backwards, and enter there jumps back.
        await goto(pilot, "ev-phone-call")
        main_screen(app).query_one(TimelineView).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        links = app.screen.query_one(LinksPane)
        assert "followed by" in str(links.get_option_at_index(0).prompt)
        links.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert highlighted(app) == "ev-announcement"


async def test_a_jump_clears_a_filter_that_hides_the_target(demo: Timeline) -> None:
    sanctions = demo.event("ev-sanctions")
    demo.put(touched(sanctions, starred=True, links=(Link("causes", "ev-un-lula"),)))
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("asterisk")
        await pilot.pause()
        assert shown_ids(app) == ["ev-sanctions"]
        main_screen(app).jump_to("ev-un-lula")
        await pilot.pause()
        assert highlighted(app) == "ev-un-lula"
        assert "starred only" not in header(app)


async def test_event_view_deletes_notes_and_links_and_shows_missing(
    demo: Timeline,
) -> None:
    add_note(demo, "ev-phone-call", "first")
    event = demo.event("ev-phone-call")
    demo.put(touched(event, links=(Link("causes", "ev-gone"),)))
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(EventScreen(demo, "ev-phone-call"))
        await pilot.pause()
        links = app.screen.query_one(LinksPane)
        assert "missing" in str(links.get_option_at_index(0).prompt)
        links.focus()
        await pilot.press("enter")  # a missing event: told, no jump
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        await pilot.press("d")
        await pilot.pause()
        assert demo.event("ev-phone-call").links == ()
        notes = app.screen.query_one(NotesPane)
        notes.focus()
        await pilot.press("d")
        await pilot.pause()
        assert demo.event("ev-phone-call").notes == ()
        assert "No notes" in str(notes.get_option_at_index(0).prompt)


async def test_same_as_offers_the_merge(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-announcement")
        await pilot.press("s")  # a star on the one folded in comes along
        await goto(pilot, "ev-february-meeting")
        await _link(pilot, app, "truth social", 4)  # same as
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert "ev-announcement" not in demo.events_by_id
        kept = demo.event("ev-february-meeting")
        assert kept.starred and kept.links == ()
        assert highlighted(app) == "ev-february-meeting"
        await pilot.press("u")
        await pilot.pause()
        assert "ev-announcement" in demo.events_by_id


async def test_same_as_declined_keeps_both(demo: Timeline) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-february-meeting")
        await _link(pilot, app, "truth social", 4)
        await pilot.press("n")
        await pilot.pause()
        assert demo.event("ev-february-meeting").links == (
            Link("same as", "ev-announcement"),
        )


def test_link_candidates_rank_titles_and_leave_out_the_event(demo: Timeline) -> None:
    event = demo.event("ev-phone-call")
    ranked = link_candidates(demo, event, "white house")
    assert ranked[0].id in ("ev-february-meeting", "ev-announcement")
    assert event not in link_candidates(demo, event, "")
    nearest = link_candidates(demo, event, "")
    assert nearest[0].id == "ev-announcement"  # 2 days off; Maduro's is 4


async def test_a_big_timeline_ranks_titles_in_a_worker(
    demo: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from dateline.tui.screens import link_picker

    threads: list[bool] = []

    def ranked(*args: object) -> list[Event]:
        threads.append(threading.current_thread() is threading.main_thread())
        return link_candidates(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(link_picker, "link_candidates", ranked)
    monkeypatch.setattr(LinkPickerScreen, "SYNC_LIMIT", 0)  # as if huge
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ev-phone-call")
        await pilot.press("ampersand")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, LinkPickerScreen)
        await type_text(pilot, "lula")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert threads and not any(threads)  # never on the key path
        options = picker.query_one("#link-list", OptionList)
        assert options.get_option_at_index(0).id == "ev-un-lula"
