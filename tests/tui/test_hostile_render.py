"""Hostile text reaches the terminal only as inert text (issue 12, item 10).

A timeline imported from someone else's file can hold an OSC 52 clipboard
write, a clear-screen, bidi overrides, zero-width characters, U+2028 and C1
controls in any field. The explorer is walked through every pane, row, chip,
toast, screen and message that shows a record, and each time every segment
it would send to the terminal is checked for a raw control character.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from dateline.store.model import Actor, ActorRef, Event, FuzzyDate, Quote, Source
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.actor_edit import ActorEditScreen
from dateline.tui.screens.actor_picker import ActorPickerScreen
from dateline.tui.screens.article import ArticleScreen
from dateline.tui.screens.confirm import ConfirmScreen
from dateline.tui.screens.event_form import EventFormScreen
from dateline.tui.screens.event_view import EventScreen
from dateline.tui.screens.export import ExportScreen
from dateline.tui.screens.review import ReviewScreen
from dateline.tui.view.filters import FilterState, Part
from textual.pilot import Pilot

from tests.tui.explorer_helpers import SIZE, goto, make_app

#: OSC 52 (write "PWNED" to the clipboard), clear screen, a C1 CSI, bidi
#: override and isolate, zero-width space and joiner, BOM, line separator.
HOSTILE = "\x1b]52;c;UFdORUQ=\x07\x1b[2J\x9b31m\u202e\u2066\u200b\u200d\ufeff\u2028\x85"
#: What must never be drawn raw.
RAW = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def hostile_timeline(path: Path) -> Timeline:
    timeline = Timeline.open(path)
    actor = Actor(
        name=f"Gustavo Petro{HOSTILE}",
        aliases=(f"Petro{HOSTILE}",),
        description=f"President{HOSTILE}",
    )
    # Rows show short names: the surname, hostile tail and all.
    other = Actor(name=f"Marco Rubio{HOSTILE}")
    body = f"Intro {HOSTILE} paragraph.\n\n“We will talk{HOSTILE},” Petro said."
    source = Source(
        title=f"Title{HOSTILE}",
        outlet=f"Wire{HOSTILE}",
        url=f"https://example.org/{HOSTILE}",
        body=body,
    )
    empty = Source(title=f"No body{HOSTILE}", outlet=f"Paper{HOSTILE}")
    at = body.index("We will")
    quote = Quote(
        text=body[at : body.index("”")],
        source=source.id,
        speaker=actor.id,
        event="ev-hostile",
        span=(at, body.index("”")),
    )
    day = date(2026, 1, 9)
    event = Event(
        id="ev-hostile",
        when=FuzzyDate(day, day, "day", text=f"Friday{HOSTILE}"),
        title=f"Talks{HOSTILE} end",
        summary=f"Summary{HOSTILE}\nline two{HOSTILE}",
        actors=(ActorRef(actor.id, f"host{HOSTILE}"), ActorRef(other.id)),
        sources=(source.id, empty.id),
        quotes=(quote.id,),
        tags=(f"tag{HOSTILE}",),
        place=f"Bogotá{HOSTILE}",
    )
    pending = Event(
        id="ev-pending",
        when=FuzzyDate(day, day, "day", text=f"Friday{HOSTILE}"),
        title=f"Pending{HOSTILE} visit",
        actors=(ActorRef(actor.id),),
        sources=(source.id,),
        origin="extracted",
        review="pending",
    )
    # A short name that fits the row, so it is drawn rather than initials.
    short = Actor(name="Ana Ruiz\x1b[2J\x9b1m")
    brief = Event(
        id="ev-brief",
        when=FuzzyDate(day, day, "day"),
        title="Brief",
        actors=(ActorRef(short.id),),
    )
    timeline.put(actor, other, short, source, empty, quote, event, pending, brief)
    return timeline


def raw_in_screen(app: DatelineApp) -> list[str]:
    """Every drawn line that holds a raw control, shown escaped."""
    bad = []
    for strip in app.screen._compositor.render_strips():
        line = "".join(segment.text for segment in strip)
        if RAW.search(line):
            bad.append(ascii(line.strip()))
    return bad


async def assert_inert(pilot: Pilot[None], where: str) -> None:
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, DatelineApp)
    bad = raw_in_screen(app)
    assert not bad, f"{where}: {bad}"


async def test_every_surface_of_the_explorer_draws_hostile_text_inertly(
    tmp_path: Path,
) -> None:
    timeline = hostile_timeline(tmp_path / "hostile.json")
    petro = next(a for a in timeline.actors() if a.name.startswith("Gustavo"))
    app = make_app(timeline)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        main = app.main
        await goto(pilot, "ev-hostile")
        # The row with actor short names, the panes, the detail strip.
        await assert_inert(pilot, "timeline rows, panes and detail")
        drawn = "".join(
            s.text for strip in app.screen._compositor.render_strips() for s in strip
        )
        assert "Talks" in drawn and "Ruiz␛[2J" in drawn

        # Chips: an actor, a tag, a search, and a text filter.
        main.set_filters(
            FilterState()
            .toggle_actor(petro.id)
            .add(Part("tag", f"tag{HOSTILE}"))
            .add(Part("text", f"Talks{HOSTILE}"))
        )
        await assert_inert(pilot, "filter chips")
        main.set_filters(FilterState())
        main.run_search(f"nothing{HOSTILE}")
        await pilot.pause()
        main.action_next_hit(True)  # a toast quoting the search
        await assert_inert(pilot, "search bar and its toast")
        main.set_search("", [])

        # The prompt's answer to an unknown tag lists the tags there are.
        main.prompt.ask("tag", "Tag:", "")
        main.prompt.fail(main._answer_tag(f"none{HOSTILE}") or "")
        await assert_inert(pilot, "prompt error")
        main.prompt.close()

        # A source with no text: the toast names its title.
        await goto(pilot, "ev-hostile")
        main.open_article(next(s.id for s in timeline.sources() if not s.body))
        await assert_inert(pilot, "toast naming a source")

        screens = [
            EventScreen(timeline, "ev-hostile"),
            ArticleScreen(timeline, timeline.sources()[0].id),
            ActorPickerScreen(timeline, (), "all"),
            ActorEditScreen(timeline, petro.id),
            EventFormScreen(
                timeline,
                anchor=date(2026, 1, 10),
                anchor_label="today",
                editing=timeline.event("ev-hostile"),
            ),
            ReviewScreen(timeline),
            ExportScreen(timeline, timeline.events(), path=f"out{HOSTILE}.md"),
            ConfirmScreen(f"Delete “Talks{HOSTILE} end”?"),
        ]
        for screen in screens:
            app.push_screen(screen)
            await assert_inert(pilot, type(screen).__name__)
            app.pop_screen()
            await pilot.pause()

        # Toasts from anywhere: a message and a title both come from records.
        app.notify(f"Saved “Talks{HOSTILE}”", title=f"Title{HOSTILE}")
        await assert_inert(pilot, "toast")
        await pilot.press("question_mark")
        await assert_inert(pilot, "help")
