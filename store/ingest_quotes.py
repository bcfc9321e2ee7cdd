"""Quotations and who said them.

A quotation counts when its sentence says someone spoke: a speech verb
("said", "stating", "writing", "warned", "call him a ...") outside the
quotation marks. The speaker is, in order of trust:

1. a name right around the quotation: `"...," Trump said` / `said Trump`;
2. a name just before a speech verb: "Trump responded ..., warning ...";
3. the first name of the sentence, its subject: "Writing on his Truth Social
   platform, President Trump ... stating, "..."", "Rubio has publicly
   disparaged Petro, going so far as to call him a "lunatic."";
4. for "He said" or "The president added ... predicting that ...", the
   previous speaker, when the previous quotation is at most two sentences back.

A quotation with no speech verb or no clear speaker is left out: a scare
quote attributed to the wrong person is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest_actors import ActorFinding, Mention
from store.ingest_text import Span, quote_spans

_SPEECH_WORDS = (
    "said|says|say|saying|told|tells|telling|added|adds|adding|warned|warns"
    "|warning|wrote|writes|writing|stated|states|stating|announced|announcing"
    "|insisted|insisting|claimed|claiming|argued|arguing|noted|noting|posted"
    "|tweeted|urged|urging|predicted|predicting|vowed|promised|declared|declaring"
    "|replied|responded|explained|accused|called|calling|call|calls|described"
    "|describing|denied|confirmed|admitted|acknowledged|asked|asking|dubbed"
    "|branded|labelled|labeled|dismissed|denounced|quipped|joked|remarked"
)
_SPEECH = re.compile(rf"(?i)\b(?:{_SPEECH_WORDS})\b")
_SPEECH_AFTER_NAME = re.compile(
    rf"\s+(?:\w+ly\s+|has\s+|had\s+|also\s+|then\s+){{0,2}}(?:{_SPEECH_WORDS})\b"
)
#: Up to four words of a title ("opposition leader", "the Commission
#: spokesperson"), never words that lead away ("a source close to").
_TITLE = (
    r"(?:(?!(?:to|of|for|with|from|by|about|near|close|who|that|an?)\s)"
    r"[\w’'.-]+\s+){0,4}"
)
_NAME_THEN_VERB = re.compile(rf"\s*,?\s*(?:{_SPEECH_WORDS})\s+{_TITLE}")
_PRONOUN_AROUND = re.compile(
    rf"\s*,?\s*(?:(?:he|she|they)\s+(?:{_SPEECH_WORDS})|(?:{_SPEECH_WORDS})\s+(?:he|she))\b",
    re.IGNORECASE,
)
_CONTINUES = re.compile(
    r"\s*(?:He|She|They|The\s+(?:president|prime minister|minister|leader|secretary"
    r"|spokesman|spokeswoman|spokesperson|official|chancellor|governor|mayor"
    r"|senator|envoy|ambassador|coach|chief|chief executive|company|ministry))\b"
)
#: What may stand between a quotation and the name saying it: a title.
_TITLE_WORDS = re.compile(rf"\s*,?\s*{_TITLE}")
#: How many sentences back a "he said" may reach for its speaker.
_CARRY = 2


@dataclass(frozen=True)
class FoundQuote:
    """``text[span]`` is the quoted words (inside the marks); ``speaker`` an
    entity key of the ActorFinding; ``sentence`` the sentence it sits in."""

    span: Span
    text: str
    speaker: str
    sentence: Span
    sentence_index: int


def find_quotes(
    text: str, sentences: list[Span], actors: ActorFinding
) -> list[FoundQuote]:
    """Attributed quotations of ``sentences`` (spans into ``text``)."""
    found: list[FoundQuote] = []
    last: tuple[str, int] | None = None  # (speaker, sentence index)
    named: tuple[str, int] | None = None  # last name opening a sentence
    for index, sentence in enumerate(sentences):
        quotes = quote_spans(text, *sentence)
        if not quotes:
            first = _first_person(actors.in_span(sentence), actors)
            if first is not None:
                named = (first, index)
            continue
        outside = _outside(text, sentence, quotes)
        if not _SPEECH.search(outside):
            continue
        mentions = [
            m
            for m in actors.in_span(sentence)
            if not any(q[0] <= m.span[0] < q[3] for q in quotes)
        ]
        for quote in quotes:
            inner = text[quote[1] : quote[2]]
            if not inner.strip():
                continue
            speaker = _speaker(text, sentence, quote, mentions)
            if speaker is None and _continues(text, sentence, quote, mentions):
                # "..., she said": the last speaker, else the person the
                # sentence before was about.
                near = [e for e in (last, named) if e and index - e[1] <= _CARRY]
                if near:
                    speaker = max(near, key=lambda e: e[1])[0]
            if speaker is None:
                continue
            last = (speaker, index)
            # "We are ready," he said: the comma belongs to the sentence.
            end = quote[2] - 1 if inner.endswith(",") else quote[2]
            span = (quote[1], end)
            found.append(
                FoundQuote(span, text[quote[1] : end], speaker, sentence, index)
            )
    return found


def _first_person(mentions: list[Mention], actors: ActorFinding) -> str | None:
    """The first person named (not by role) in a sentence."""
    for mention in mentions:
        entity = actors.entities.get(mention.key)
        if not mention.role and entity is not None and entity.kind == "person":
            return mention.key
    return None


def _outside(text: str, sentence: Span, quotes: list[tuple[int, int, int, int]]) -> str:
    """The sentence with its quotations blanked out."""
    chars = list(text[sentence[0] : sentence[1]])
    for q in quotes:
        for i in range(q[0] - sentence[0], q[3] - sentence[0]):
            chars[i] = " "
    return "".join(chars)


def _speaker(
    text: str,
    sentence: Span,
    quote: tuple[int, int, int, int],
    mentions: list[Mention],
) -> str | None:
    # 1. `"...," Trump said` or `"...," said Trump` right after the quote.
    for mention in mentions:
        if mention.span[0] < quote[3] or mention.span[0] - quote[3] > 40:
            continue
        between = text[quote[3] : mention.span[0]]
        if _NAME_THEN_VERB.fullmatch(between):
            return mention.key  # "...," said Trump
        if _TITLE_WORDS.fullmatch(between) and _SPEECH_AFTER_NAME.match(
            text, mention.span[1]
        ):
            return mention.key  # "...," (Commission spokesperson) Podestà said
    if _PRONOUN_AROUND.match(text, quote[3]):
        return None  # "..., he said": the caller carries the last speaker
    before = [m for m in mentions if m.span[1] <= quote[0]]
    if not before:
        return None
    # 2. A name just before a speech verb.
    for mention in before:
        if _SPEECH_AFTER_NAME.match(text, mention.span[1]) and not mention.role:
            return mention.key
    # 3. The subject: the first name of the sentence, unless a pronoun or
    # "The president" opens it and so refers back.
    if _CONTINUES.match(text, sentence[0]) and before[0].span[0] > sentence[0] + 20:
        return None
    return before[0].key


def _continues(
    text: str,
    sentence: Span,
    quote: tuple[int, int, int, int],
    mentions: list[Mention],
) -> bool:
    """Whether the sentence refers back to the last speaker ("He added")."""
    if _PRONOUN_AROUND.match(text, quote[3]):
        return True
    return bool(_CONTINUES.match(text, sentence[0])) or not mentions
