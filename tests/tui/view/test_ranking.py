"""The one fuzzy ranker: whole names and word starts beat scattered letters."""

from __future__ import annotations

from dateline.store.model import Actor
from dateline.tui.view.ranking import rank, score

LULA = Actor("Luiz Inácio Lula da Silva", ("Lula",), id="ac-lula")
# Every letter of "da silva" appears in order in these, scattered.
SCATTERED = [
    Actor("Donatella Sisley Valverde", id="ac-dona"),
    Actor("Dan Aslund Silvestri Valdez", id="ac-dan"),
]


def names(actor: Actor) -> tuple[str, ...]:
    return actor.names


def test_score_orders_exact_then_prefix_then_word_starts_then_inside_then_letters() -> (
    None
):
    exact = score("lula", "Lula")
    prefix = score("lu", "Lula")
    words = score("da silva", "Luiz Inácio Lula da Silva")
    inside = score("ula", "Lula")
    letters = score("lla", "Lula")
    assert exact > prefix > words > inside > letters > 0


def test_score_folds_case_and_accents_and_refuses_what_is_not_there() -> None:
    assert score("NICOLAS", "Nicolás") == 1000
    assert score("xyz", "Nicolás") == 0
    assert score("", "anything") == 1
    assert score("a", "") == 0


def test_da_silva_ranks_lula_above_scattered_letter_matches() -> None:
    ranked = rank("da silva", [*SCATTERED, LULA], names)
    assert ranked[0][0] is LULA
    assert {actor.id for actor, _ in ranked} == {"ac-lula", "ac-dona", "ac-dan"}


def test_rank_names_the_best_matching_name_and_drops_non_matches() -> None:
    trump = Actor("Donald Trump", ("Trump", "the U.S. president"), id="ac-trump")
    ranked = rank("u.s. pres", [trump, LULA], names)
    assert ranked == [(trump, "the U.S. president")]


def test_equal_scores_fall_back_to_the_folded_first_name_not_input_order() -> None:
    zed = Actor("Zed Ames", id="ac-zed")
    abe = Actor("Ábe Ames", id="ac-abe")
    first = rank("ames", [zed, abe], names)
    second = rank("ames", [abe, zed], names)
    assert [a.id for a, _ in first] == [a.id for a, _ in second] == ["ac-abe", "ac-zed"]


def test_an_empty_query_keeps_everything() -> None:
    assert len(rank("", [*SCATTERED, LULA], names)) == 3


def test_rank_takes_plain_strings_too() -> None:
    ranked = rank("pet", ["Peter Pan", "Petro", "Gustavo Petro"], lambda n: (n,))
    assert [name for name, _ in ranked] == ["Petro", "Peter Pan", "Gustavo Petro"]


def test_another_spelling_of_a_name_is_found_last() -> None:
    ranked = rank("zelenskiy", ["Volodymyr Zelenskyy", "Zelda Skinner"], lambda n: (n,))
    assert [name for name, _ in ranked] == ["Volodymyr Zelenskyy"]
    assert 0 < score("zelenskiy", "Zelenskyy") < score("zel", "Zelenskyy")
    assert score("marsh", "March") == 0  # short words: one letter is a name
