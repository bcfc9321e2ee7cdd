"""match_spans: where a folded search phrase sits in the text as displayed."""

from __future__ import annotations

from dateline.tui.view.textmatch import match_spans


def test_finds_every_occurrence_case_insensitively() -> None:
    text = "Trump calls Petro; Petro calls TRUMP"
    assert match_spans(text, "trump") == [(0, 5), (31, 36)]


def test_an_accent_in_the_text_or_the_query_still_matches() -> None:
    text = "Nicolás Maduro and Nicolas Maduro"
    assert match_spans(text, "nicolas") == [(0, 7), (19, 26)]
    assert match_spans(text, "Nicolás") == [(0, 7), (19, 26)]


def test_a_decomposed_accent_maps_back_to_the_whole_letters() -> None:
    text = "Bogota\u0301 talks"  # a + combining acute: two code points
    assert match_spans(text, "bogota") == [(0, 6)]
    spans = match_spans(text, "bogota talks")
    assert [text[a:b] for a, b in spans] == ["Bogota\u0301 talks"]


def test_punctuation_and_runs_of_spaces_fold_away() -> None:
    text = "the U.S.  president, again"
    (span,) = match_spans(text, "us president")
    assert text[span[0] : span[1]] == "U.S.  president"


def test_hyphen_reads_as_a_space() -> None:
    text = "a cease-fire now"
    (span,) = match_spans(text, "cease fire")
    assert text[span[0] : span[1]] == "cease-fire"


def test_a_query_that_folds_to_nothing_matches_nothing() -> None:
    assert match_spans("anything at all", "...") == []
    assert match_spans("anything", "zebra") == []
