"""Reading typed actor names: known, new, or fitting several actors."""

from __future__ import annotations

import pytest
from dateline.store.model import Actor
from dateline.store.timeline import Timeline
from dateline.tui.view.typed_names import (
    NameReading,
    ambiguity_message,
    read_names,
    split_names,
)

TRUMP = Actor("Donald Trump", ("Trump",), id="ac-trump")
DON_JR = Actor("Donald Trump Jr.", ("Don Jr.",), id="ac-don")
PETRO = Actor("Gustavo Petro", ("Petro",), id="ac-petro")


@pytest.fixture
def people() -> Timeline:
    timeline = Timeline.memory()
    timeline.put(TRUMP, PETRO)
    return timeline


def test_split_names_drops_empties_and_tidies_spaces() -> None:
    assert split_names(" Petro ,, Donald   Trump ,") == ["Petro", "Donald Trump"]
    assert split_names("") == []


def test_known_names_and_aliases_link_to_their_actor(people: Timeline) -> None:
    first, second = read_names(people, ["petro", "DONALD TRUMP"])
    assert first.actor == PETRO and second.actor == TRUMP
    assert not first.is_new and not first.ambiguous


def test_an_unknown_name_reads_as_a_new_actor(people: Timeline) -> None:
    (reading,) = read_names(people, ["Jane Doe"])
    assert reading.is_new and reading.actor is None
    assert ambiguity_message([reading]) == ""


def test_a_name_that_fits_several_actors_says_so(people: Timeline) -> None:
    people.put(DON_JR)
    (reading,) = read_names(people, ["Donald"])
    assert reading.ambiguous and not reading.is_new
    assert {a.id for a in reading.candidates} == {"ac-trump", "ac-don"}
    message = ambiguity_message([NameReading("Petro", PETRO), reading])
    assert message.startswith('"Donald" fits several actors (')
    assert "Donald Trump Jr." in message and message.endswith("type more of the name.")
