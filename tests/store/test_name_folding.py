"""Names compare on one folded key: no case, accents, punctuation or strokes."""

from __future__ import annotations

import pytest
from dateline.store.model import Actor
from dateline.store.names import fold, fold_char
from dateline.store.timeline import Timeline
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Luiz Inácio Lula da Silva", "luiz inacio lula da silva"),
        # Letters with strokes or ligatures do not decompose under NFKD.
        ("Łódź", "Lodz"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Straße", "strasse"),
        ("Æsop", "aesop"),
        ("Đorđe Balašević", "Dorde Balasevic"),
        ("Þóra", "thora"),
        ("U.S.", "US"),
        ("Jean-Luc  “Picard”", "jean luc picard"),
    ],
)
def test_fold_matches_what_a_reader_matches(written: str, typed: str) -> None:
    assert fold(written) == fold(typed)


def test_fold_keeps_the_ascii_key_unchanged() -> None:
    assert fold("  The U.S. (and) Colombia - again ") == "the us and colombia again"
    assert fold("snake_case") == "snake_case"


def test_punctuation_and_symbols_are_not_spelt_out() -> None:
    # anyascii would spell "©" as "(C)" and "€" as "EUR": they are not letters.
    assert fold("Acme© Corp — “news” €5") == "acme corp news 5"


def test_control_characters_fold_away_on_both_paths() -> None:
    assert fold("x\x00y\x1b") == "xy"
    assert fold("x\x00y\x1bé") == "xye"


@given(st.text())
def test_fold_is_fold_char_by_char_with_spaces_collapsed(text: str) -> None:
    # The highlighter relies on this to map a match back to the row's text.
    assert fold(text) == " ".join("".join(map(fold_char, text)).split())


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_find_actor_ignores_strokes() -> None:
    timeline = Timeline.memory()
    timeline.put(Actor(name="Søren Østergaard", kind="person", id="ac-soren"))
    found = timeline.find_actor("Soren Ostergaard")
    assert found is not None and found.id == "ac-soren"
    assert timeline.find_actor("Łódź city council") is None
