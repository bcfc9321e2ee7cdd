"""Short names and initials of actors for rows and chips."""

from __future__ import annotations

from dateline.store.model import Actor
from dateline.tui.view.actor_labels import fit_labels, initials, short_name


def test_short_name_is_the_shortest_one_word_alias() -> None:
    lula = Actor("Luiz Inácio Lula da Silva", ("President Lula", "Lula", "Luiz"))
    assert short_name(lula) == "Lula"


def test_without_a_one_word_alias_short_name_is_the_last_word() -> None:
    assert short_name(Actor("Marco Rubio", ("Secretary Rubio", " "))) == "Rubio"
    assert short_name(Actor("")) == ""


def test_initials_take_the_capitalised_words_up_to_four_letters() -> None:
    assert initials(Actor("Luiz Inácio Lula da Silva")) == "LILS"
    assert initials(Actor("Donald Trump")) == "DT"
    assert initials(Actor("North Atlantic Treaty Organisation Council")) == "NATO"


def test_initials_of_a_lower_case_or_empty_name() -> None:
    assert initials(Actor("la nación")) == "ln"
    assert initials(Actor("")) == "?"


def test_an_organisation_keeps_its_name_or_long_its_initials() -> None:
    assert short_name(Actor("United Nations", kind="organisation")) == "United Nations"
    long = Actor("North Atlantic Treaty Organization", kind="organisation")
    assert short_name(long) == "NATO"
    assert short_name(Actor("Colombia", kind="country")) == "Colombia"


def test_fit_labels_shows_names_then_a_count_never_initials() -> None:
    names = ["Maduro", "Petro", "Trump"]
    assert fit_labels(names, 30) == "Maduro Petro Trump"
    assert fit_labels(names, 15) == "Maduro Petro +1"
    assert fit_labels(names, 9) == "Maduro +2"
    assert fit_labels(names, 3) == "Maduro +2"  # the row cuts what won't fit
    assert fit_labels([], 10) == ""
