"""Search highlights fold characters exactly as the store's search does."""

from __future__ import annotations

from dateline.store.names import fold
from dateline.tui.view.textmatch import match_spans
from hypothesis import given
from hypothesis import strategies as st


def test_letters_that_do_not_decompose_are_highlighted() -> None:
    assert match_spans("Talks in Łódź end", "lodz") == [(9, 13)]
    assert match_spans("Søren Kierkegaard", "Soren") == [(0, 5)]
    assert match_spans("Straße", "strasse") == [(0, 6)]
    assert match_spans("Æsop's fables", "aesop") == [(0, 4)]


def test_a_spelt_out_letter_highlights_whole() -> None:
    # "ß" folds to "ss": a query ending half-way through it still marks it.
    assert match_spans("Straße", "stras") == [(0, 5)]


@given(st.text(), st.text(min_size=1))
def test_every_highlight_is_a_store_match(text: str, query: str) -> None:
    for start, end in match_spans(text, query):
        assert fold(query) in fold(text[start:end])


@given(st.text(), st.text(min_size=1))
def test_a_store_match_is_highlighted(text: str, query: str) -> None:
    if fold(query) and fold(query) in fold(text):
        assert match_spans(text, query)
