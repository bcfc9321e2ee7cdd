"""Typing actor names: completion from known names, and what each name means.

The actors field takes comma-separated names. While typing, the last name is
completed from the timeline's actor names and aliases (right arrow or end
accepts). Under the field a line says, for each name, which actor it will
link to ("→ Donald Trump"), that it will create a new actor, or that it fits
several actors and needs more of the name; ``dateline.tui.view.typed_names``
reads them, here and again at save time.
"""

from __future__ import annotations

from dateline.store.names import fold
from dateline.store.timeline import Timeline
from dateline.tui.view.inert import inert
from dateline.tui.view.typed_names import NameReading
from dateline.tui.widgets.completion import ListSuggester
from dateline.tui.widgets.form_inert import InertInput
from textual.content import Content
from textual.widgets import Static


def describe_names(readings: list[NameReading]) -> Content:
    """One line: "trump → Donald Trump · Jane Doe + new actor"."""
    parts: list[str | tuple[str, str]] = []
    for number, reading in enumerate(readings):
        if number:
            parts.append((" · ", "dim"))
        shown = inert(reading.name, single_line=True)
        if reading.actor is not None:
            target = inert(reading.actor.name, single_line=True)
            if fold(reading.name) != fold(reading.actor.name):
                parts.append(f"{shown} ")
            parts.append((f"→ {target}", "bold $text-success"))
        elif reading.ambiguous:
            parts.append((f"{shown} ", "bold"))
            count = len(reading.candidates)
            parts.append((f"fits {count} actors, type more", "bold $text-error"))
        else:
            parts.append((f"{shown} ", "bold"))
            parts.append(("+ new actor", "bold $text-warning"))
    return Content.assemble(*parts)


class ActorSuggester(ListSuggester):
    """Completes the last name of a comma-separated list from every actor's
    names and aliases."""

    def __init__(self, timeline: Timeline) -> None:
        super().__init__([name for actor in timeline.actors() for name in actor.names])


class ActorNamesInput(InertInput):
    """An input for comma-separated actor names, with completion."""

    def __init__(self, timeline: Timeline, value: str = "", **kwargs: object) -> None:
        super().__init__(value, suggester=ActorSuggester(timeline), **kwargs)  # type: ignore[arg-type]


class NamesReadout(Static):
    """The line under an actor input saying what each name means."""

    DEFAULT_CSS = """
    NamesReadout {
        height: auto;
        color: $text-muted;
    }
    """

    def show(self, readings: list[NameReading]) -> None:
        self.update(describe_names(readings) if readings else "")
        # An empty line would only push the next field down.
        self.display = bool(readings)
