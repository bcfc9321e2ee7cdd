"""Quotations and who said them.

A quotation counts when its sentence says someone spoke: a speech verb
("said", "stating", "writing", "warned", "call him a ...") outside the
quotation marks. The speaker is, in order of trust:

1. a name right around the quotation: `"...," Trump said` / `said Trump`;
2. a name just before a speech verb: "Trump responded ..., warning ...";
3. the first name of the sentence, its subject: "Writing on his Truth Social
   platform, President Trump ... stating, "..."", "Rubio has publicly
   disparaged Petro, going so far as to call him a "lunatic."";
4. for "He said", "the health secretary added" or "The president added ...
   predicting that ...", the previous speaker, when the previous quotation is
   at most two sentences back.

Two news conventions carry a speaker without a speech verb: a sentence that
is only a quotation, right after an attributed one in the same paragraph
(`"...," Holloway said. "..."`), and a quotation that runs over paragraphs,
where each paragraph opens with a quote mark and only the last one closes
it: one quote, whose speaker is named where it closes or just before it
opened. ``speech_dated`` tells whether a date in the sentence is when the
speaking happened ("Hale said on Tuesday"), which becomes the quote's
"said" date.

A quotation with no speech verb or no clear speaker is left out: a scare
quote attributed to the wrong person is worse than none. Attribution words
are read inside the quotation's own sentence only.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from dateline.store.ingest.actors import ActorFinding, Mention
from dateline.store.ingest.text import QuoteSpan, Span, quote_spans

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
#: "..., said the minister", "the 45-year-old added": a definite role, which
#: refers back to someone already named; "a spokesperson said" does not.
#: Read right after the quotation: in "Analysts called the deal "late"",
#: "the deal" is what was called, not who spoke.
_ROLE_SPEAKS = re.compile(
    rf"\s*,?\s*(?:the(?:\s+[a-z][\w’'-]*){{1,3}}\s+(?:{_SPEECH_WORDS})"
    rf"|(?:{_SPEECH_WORDS})\s+the(?:\s+[a-z][\w’'-]*){{1,3}}\s*(?:[.,;:!?]|$))"
)
#: "A State Department spokesman, Victor Anand, said": a name set off by
#: commas right before the speech verb.
_APPOSITIVE_SPEAKS = re.compile(rf",\s+(?:{_SPEECH_WORDS})\b")
_OPENING_MARKS = '“"'
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
            going_on = _goes_on(text, sentences, index, outside, last)
            if going_on is None:
                continue
            for quote in quotes:
                if text[quote[1] : quote[2]].strip():
                    found.append(_found(text, quote, going_on, sentence, index))
            last = (going_on, index)
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
            found.append(_found(text, quote, speaker, sentence, index))
    return _over_paragraphs(text, sentences, found)


#: What may stand between a speech verb and the date of the speaking: "said
#: on a call with analysts on Feb. 12", "said in a statement on Monday".
_SAID_GAP = re.compile(r"[^,;:]{0,50}")
#: A gap that leads into what was said, or into someone else's clause.
_OTHER_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose|and|but|as|after|before)\b")


def speech_dated(text: str, sentence: Span, span: Span) -> bool:
    """Whether the date words at ``span`` say when the sentence's speaking
    happened: "Hale said on Tuesday that ...", "In a video address on
    Wednesday night, Zelenskiy said ...". Not "Whitfield, who has led the
    union since 2023, told a rally": that date is another clause's."""
    quotes, outside, verbs = _speaking(text, sentence)
    if any(q[0] <= span[0] < q[3] for q in quotes):
        return False
    begin, end = span[0] - sentence[0], span[1] - sentence[0]
    # The nearest verb before the date, and the first after it when the
    # date opens the sentence ("On Tuesday, the minister said").
    before = bisect.bisect_right([v[1] for v in verbs], begin) - 1
    gaps = [outside[verbs[before][1] : begin]] if before >= 0 else []
    after = bisect.bisect_left([v[0] for v in verbs], end)
    if after < len(verbs) and begin <= 30:
        gaps.append(outside[end : verbs[after][0]].replace(",", " ", 1))
    return any(
        _SAID_GAP.fullmatch(gap) is not None and not _OTHER_CLAUSE.search(gap)
        for gap in gaps
    )


@functools.lru_cache(maxsize=8)
def _speaking(text: str, sentence: Span) -> tuple[list[QuoteSpan], str, list[Span]]:
    """A sentence's quotations, its text outside them and its speech verbs,
    read once however many dates it holds."""
    quotes = quote_spans(text, *sentence)
    outside = _outside(text, sentence, quotes)
    return quotes, outside, [m.span() for m in _SPEECH.finditer(outside)]


def _found(
    text: str,
    quote: tuple[int, int, int, int],
    speaker: str,
    sentence: Span,
    index: int,
) -> FoundQuote:
    # "We are ready," he said: the comma belongs to the sentence.
    end = quote[2] - 1 if text[quote[1] : quote[2]].endswith(",") else quote[2]
    return FoundQuote((quote[1], end), text[quote[1] : end], speaker, sentence, index)


def _same_paragraph(text: str, first: Span, second: Span) -> bool:
    return "\n" not in text[first[1] : second[0]]


def _goes_on(
    text: str,
    sentences: list[Span],
    index: int,
    outside: str,
    last: tuple[str, int] | None,
) -> str | None:
    """The speaker of a sentence that is nothing but a quotation, when the
    sentence before, in the same paragraph, ended an attributed one."""
    if any(ch.isalnum() for ch in outside) or last is None or last[1] != index - 1:
        return None
    if not _same_paragraph(text, sentences[index - 1], sentences[index]):
        return None
    return last[0]


def _over_paragraphs(
    text: str, sentences: list[Span], found: list[FoundQuote]
) -> list[FoundQuote]:
    """One quotation for one that runs over paragraphs: a paragraph leaves a
    quotation open, the next ones open again, the last one closes it. The
    speaker is the one named where it closes (`... prices," Ruhl said`),
    else the one of the quotation just before it opened (`"...," Whitfield
    said. "We will stay out ...`). The pieces found alone make way for it."""
    paragraphs: list[tuple[int, int]] = []  # first and last sentence index
    for i in range(len(sentences)):
        if i and _same_paragraph(text, sentences[i - 1], sentences[i]):
            paragraphs[-1] = (paragraphs[-1][0], i)
        else:
            paragraphs.append((i, i))
    spans = [(sentences[a][0], sentences[b][1]) for a, b in paragraphs]
    quotes = sorted(found, key=lambda q: q.span)
    k = 0
    while k < len(paragraphs):
        opening = _left_open(text, *spans[k])
        j = k + 1
        closing: int | None = None
        while opening is not None and j < len(spans):
            start, end = spans[j]
            if text[start] not in _OPENING_MARKS:
                break
            closing = _closing_mark(text, start, end)
            if closing is not None:
                break
            j += 1
        if opening is None or closing is None:
            k = max(j, k + 1) if opening is not None else k + 1
            continue
        speaker = _speaker_of_run(quotes, opening, closing, spans[j][0])
        if speaker is not None:
            first = next(
                i for i in range(*_sentence_range(paragraphs[k]))
                if sentences[i][0] <= opening < sentences[i][1]
            )  # fmt: skip
            quotes = [q for q in quotes if not opening < q.span[0] < closing]
            end = closing - 1 if text[closing - 1] == "," else closing
            quotes.append(
                FoundQuote(
                    (opening + 1, end),
                    text[opening + 1 : end],
                    speaker,
                    sentences[first],
                    first,
                )
            )
        k = j + 1
    return sorted(quotes, key=lambda q: q.span)


def _sentence_range(paragraph: tuple[int, int]) -> tuple[int, int]:
    return paragraph[0], paragraph[1] + 1


def _left_open(text: str, start: int, end: int) -> int | None:
    """Where the quotation a paragraph leaves open starts, if it does."""
    paragraph = text[start:end]
    if paragraph.count("“") > paragraph.count("”"):
        return start + paragraph.rfind("“")
    if paragraph.count('"') % 2 == 1:
        return start + paragraph.rfind('"')
    return None


def _closing_mark(text: str, start: int, end: int) -> int | None:
    """Where the quotation opening a paragraph closes in it, if it does."""
    mark = "”" if text[start] == "“" else '"'
    at = text.find(mark, start + 1, end)
    return at if at >= 0 else None


def _speaker_of_run(
    quotes: list[FoundQuote], opening: int, closing: int, last_start: int
) -> str | None:
    ends = [q for q in quotes if q.span[0] == last_start + 1]
    if ends:
        return ends[0].speaker
    before = [q for q in quotes if q.span[1] <= opening]
    if before and before[-1].sentence[1] >= opening - 2:
        return before[-1].speaker  # the quotation closed just before it opened
    return None


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
    if _PRONOUN_AROUND.match(text, quote[3], sentence[1]):
        return None  # "..., he said": the caller carries the last speaker
    before = [m for m in mentions if m.span[1] <= quote[0]]
    if not before:
        return None
    # 2. A name just before a speech verb, or set off by commas before it.
    for mention in before:
        if mention.role:
            continue
        if _SPEECH_AFTER_NAME.match(text, mention.span[1]):
            return mention.key
        set_off = text[max(sentence[0], mention.span[0] - 2) : mention.span[0]]
        if set_off == ", " and _APPOSITIVE_SPEAKS.match(text, mention.span[1]):
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
    """Whether the sentence refers back to the last speaker: "He added",
    "..., she said", "..., the minister added". A sentence naming no one we
    know ("..., the Confederation said", "a spokesperson said") does not."""
    if _PRONOUN_AROUND.match(text, quote[3], sentence[1]):
        return True
    if _CONTINUES.match(text, sentence[0]):
        return True
    return not mentions and _ROLE_SPEAKS.match(text, quote[3], sentence[1]) is not None
