"""Ingest stays linear: the structure that keeps it so (issue 12, item 14).

Wall times are for ``tests/benchmarks/bench_ingest_speed.py``; these tests pin
down why they are linear. Tense cues are found once per sentence however many
dates it holds, no span read as a sentence is unbounded, and the fast forms of
the tense, byline and title rules give the same answers as their definitions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from dateline.store.ingest import tense, text, titles
from dateline.store.ingest.find_dates import find_dates
from dateline.store.ingest.text import MAX_SENTENCE, Span, split_sentences
from hypothesis import given, settings
from hypothesis import strategies as st

ANCHOR = date(2026, 1, 10)


class CountingPattern:
    """A compiled pattern that counts the scans made with it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scans = 0

    def finditer(self, *args: object) -> Iterator[re.Match[str]]:
        self.scans += 1
        return self.pattern.finditer(*args)  # type: ignore[arg-type]

    def search(self, *args: object) -> re.Match[str] | None:
        return self.pattern.search(*args)  # type: ignore[arg-type]


def test_tense_cues_are_found_once_per_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = CountingPattern(tense._FUTURE)
    monkeypatch.setattr(tense, "_FUTURE", counting)
    unit = "officials said they will meet on Friday and met on 3 March "
    sentence = unit * 40 + "."
    found = find_dates(sentence, ANCHOR)
    assert len(found) >= 40  # many dates, all in one sentence
    assert len(split_sentences(sentence)) == 2
    assert counting.scans <= 2


def test_no_sentence_is_longer_than_the_bound() -> None:
    run_on = ("the council said it will meet again on Friday and " * 3000).strip()
    spans = split_sentences(run_on)
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    # Cut at blanks: every word is still whole in exactly one piece.
    assert [w for s, e in spans for w in run_on[s:e].split()] == run_on.split()


def test_a_blank_run_is_cut_too() -> None:
    blank_run = "x" + " " * 10_000 + "y" * 5_000
    spans = split_sentences(blank_run)
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert (
        "".join(blank_run[s:e] for s, e in spans).replace(" ", "") == "x" + "y" * 5_000
    )


# -- the fast forms agree with the definitions ---------------------------------


def nearest_by_definition(cues: list[tuple[int, str]], span: Span) -> str | None:
    """The last cue before the expression, else the first after it."""
    before = [kind for pos, kind in cues if pos < span[0]]
    if before:
        return before[-1]
    after = [kind for pos, kind in cues if pos >= span[1]]
    return after[0] if after else None


WORDS = sorted(
    text.word_set(
        "will be held said announced planned to visit on Friday met next week was "
        "expected in March could meet should have is scheduled for talks ended begins "
        "need ago earlier re-elected ordered them to leave they'll would warned of "
        "the reduced is needed if unless that, agreed to"
    )
)
sentences = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "  ", " \t ", ", "])),
    min_size=1,
    max_size=40,
).map(lambda pairs: "".join(w + gap for w, gap in pairs))


@settings(max_examples=300, deadline=None)
@given(body=sentences, data=st.data())
def test_tense_matches_its_definition(body: str, data: st.DataObject) -> None:
    # The fast path (cues found once per region, then bisected) must say what
    # ``cues``, the plain definition, says for every expression.
    start = data.draw(st.integers(0, len(body)))
    span = (start, data.draw(st.integers(start, min(len(body), start + 20))))
    sentence = (0, len(body))
    for region in (tense.clause(body, sentence, span), sentence):
        expected = nearest_by_definition(tense.cues(body, region, span), span)
        assert tense._nearest(body, region, span) == expected


DEFINED_BYLINE = re.compile(r"[ \t]*By[ \t]+[A-Z][^\n.!?]{1,120}[ \t]*")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["By", " ", "\t", "A", "Jane", "Doe", ".", "x", "Friday"]),
        max_size=14,
    ).map("".join),
    st.integers(0, 130),
)
def test_byline_matches_its_definition(line: str, padding: int) -> None:
    line += "a" * padding if padding > 100 else ""
    expected = DEFINED_BYLINE.fullmatch(line) is not None
    if text._CALENDAR_START.match(line):
        expected = False
    assert text._byline(line, 0, len(line)) is expected


DEFINED_DANGLING = re.compile(
    r"(?:\s+(?:as|recently|on|in|at|by|during|since|until|of|the|from|to|for|and"
    r"|before|after|just|only|earlier|later|a|an|his|her|its|their|that|which|who"
    r"|with|starting|beginning|effective|than|more|about|around|nearly|almost))+$",
    re.IGNORECASE,
)


@given(
    st.lists(
        st.sampled_from(["met", "On", "the", "talks", "by", "Later", "x", "as"]),
        max_size=10,
    ).map(" ".join)
)
def test_dangling_words_match_their_definition(clause: str) -> None:
    assert titles._without_dangling(clause) == DEFINED_DANGLING.sub("", clause)
