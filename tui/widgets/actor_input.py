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
from dateline.tui.view.ranking import rank
from dateline.tui.view.typed_names import NameReading
from dateline.tui.widgets.form_inert import InertInput
from textual.content import Content
from textual.suggester import Suggester
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


class ActorSuggester(Suggester):
    """Completes the last name of a comma-separated list.

    The suggestion keeps everything before the last name and puts the known
    name after it, so accepting it also fixes the name's capitals and accents.
    """

    def __init__(self, timeline: Timeline) -> None:
        # Case matters in the suggestion itself, so folding is done here.
        super().__init__(use_cache=True, case_sensitive=True)
        self._names: list[str] = []
        for actor in timeline.actors():
            self._names.extend(actor.names)

    async def get_suggestion(self, value: str) -> str | None:
        _, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed.strip():
            return None
        key = fold(typed)
        fits = [
            name
            for name in self._names
            if len(name) > len(typed) and fold(name[: len(typed)]) == key
        ]
        ranked = rank(typed, fits, lambda name: (name,))
        if not ranked:
            return None
        best, _ = ranked[0]
        prefix = value[: len(value) - len(typed)]
        return prefix + best


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
