"""Actors and quote speakers read from news text of our own."""

from __future__ import annotations

from datetime import date

from store.ingest import extract
from store.timeline import Timeline

PUBLISHED = date(2026, 1, 10)


def read(text: str, timeline: Timeline | None = None):  # type: ignore[no-untyped-def]
    return extract(text, published=PUBLISHED, timeline=timeline)


def actor_names(text: str) -> set[str]:
    return {a.name for a in read(text).new_actors}


def speakers(text: str, timeline: Timeline | None = None) -> list[tuple[str, str]]:
    extraction = read(text, timeline)
    names = {a.id: a.name for a in (*extraction.new_actors, *extraction.matched_actors)}
    return [(names[q.speaker or ""], q.text) for q in extraction.quotes]


def test_a_title_and_its_qualifier_are_not_part_of_the_name() -> None:
    text = (
        "Energy Minister Terje Aasland told parliament on Wednesday that the "
        'delay was "regrettable." Aasland said more on Thursday.'
    )
    extraction = read(text)
    (aasland,) = extraction.new_actors
    assert aasland.name == "Terje Aasland"
    assert "Aasland" in aasland.aliases
    assert speakers(text) == [("Terje Aasland", "regrettable.")]


def test_names_hidden_in_a_title_run_are_found() -> None:
    text = (
        "The project manager, Dr. Lena Ortiz, told reporters on Friday that the "
        "fault was found. Brazil's left-wing president, Luiz Inácio Lula da Silva, "
        "met her on Monday."
    )
    assert actor_names(text) == {"Lena Ortiz", "Luiz Inácio Lula da Silva"}


def test_places_outlets_and_sentence_starts_are_not_actors() -> None:
    text = (
        "WASHINGTON (Wire) - The White House said on Friday that talks with "
        "Bogotá would resume in March. According to Agence France-Presse (AFP), "
        "Washington and Bogotá agreed. AFP reports that Observers Note nothing. "
        "However, Theresa May said little. Furthermore, Secretary of State Marco "
        "Rubio said nothing on Monday."
    )
    # Theresa May is a person who spoke; "May" is no date here.
    assert actor_names(text) == {"Marco Rubio", "Theresa May"}


def test_organisations_need_a_head_word_and_keep_their_full_name() -> None:
    text = (
        "Kenya's Independent Electoral and Boundaries Commission announced on "
        "Saturday that the vote will be held in August. The Commission said the "
        "Defence Ministry would help."
    )
    extraction = read(text)
    kinds = {a.name: a.kind for a in extraction.new_actors}
    assert kinds == {
        "Independent Electoral and Boundaries Commission": "organisation",
        "Defence Ministry": "organisation",
    }


def test_speaker_after_the_quote_with_a_title_between() -> None:
    text = (
        "“The court has confirmed what we said,” Commission spokesperson "
        "Arianna Podestà said on Thursday."
    )
    assert speakers(text) == [
        ("Arianna Podestà", "The court has confirmed what we said")
    ]


def test_said_before_a_name_and_pronouns_carry_the_speaker() -> None:
    text = (
        '"We will appeal," said opposition leader Kalonzo Musyoka on Monday. '
        '"The vote was stolen," he added.\n\n'
        "Health Minister Sabin Nsanzimana spoke on Tuesday. "
        '"We learned a great deal," she said.'
    )
    assert speakers(text) == [
        ("Kalonzo Musyoka", "We will appeal"),
        ("Kalonzo Musyoka", "The vote was stolen"),
        ("Sabin Nsanzimana", "We learned a great deal"),
    ]


def test_quotes_without_a_speech_verb_or_speaker_are_left_out() -> None:
    text = (
        'The operation, dubbed "Southern Spear", began on Monday. Officials '
        'said it was "routine," according to reports.'
    )
    assert speakers(text) == []


def test_known_actors_and_their_role_aliases_are_matched(demo: Timeline) -> None:
    text = (
        "The U.S. president spoke with Petro on Tuesday, the White House said. "
        'U.S. officials said "talks went well."'
    )
    extraction = read(text, demo)
    assert extraction.new_actors == []
    (event,) = extraction.events
    assert set(event.actor_ids) == {"ac-trump", "ac-petro"}
