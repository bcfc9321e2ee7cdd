"""An event's title from the clause its date belongs to.

A title reads like a short headline: the clause that holds the date, with
its subject and verb, without the date words and what tied them in ("on",
"since", "starting"). News hangs its dates on many kinds of clause, so:

- a date standing alone between commas ("..., later this year, ...") or
  opening the sentence ("On Tuesday, Hale said ...", "In a video address on
  Wednesday night, Zelenskiy said ...") dates the main clause, which is
  taken instead;
- a clause that starts on its verb ("..., who has led the union since
  2023", "..., will travel to Washington on Oct. 2") takes its subject from
  before the relative clauses and appositions: "Dana Whitfield has led the
  union", "Taras Melnyk will travel to Washington";
- a date inside a quotation is titled from the quoted sentence it is in,
  and a date outside one never splits a quotation.

The title is cut at a word, never with a literal "…", and carries no
",,", stray leading comma or unpaired quote mark.
"""

from __future__ import annotations

import bisect
import functools
import re

from dateline.store.ingest.text import Span, quote_spans, word_set

TITLE_LENGTH = 100

# The blanks before "that" are matched from the first one only: tried from
# every blank of a long run, the pattern was quadratic in the run.
_CLAUSE_BREAK = re.compile(
    r",\s+|;\s+|:\s+|(?<!\s)\s+(?=(?:that|which|who|while|whereas)\s)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘']?[A-Z])")
_LEAD_WORDS = re.compile(
    r"^(?:(?:however|furthermore|moreover|meanwhile|also|but|and|so|then|that|which"
    r"|who|while|whereas)\b[,\s]*)+",
    re.IGNORECASE,
)
#: Words a title must not end on; dropped one by one from its end (a regex
#: anchored at the end was tried from every word, quadratic in the clause).
_DANGLING = word_set(
    "as recently on in at by during since until of the from to for and before "
    "after just only earlier later a an his her its their that which who with "
    "starting beginning effective than more about around nearly almost"
)
#: A word tied to the removed date: "planned for [12-14 May] in Nairobi",
#: "talks resume starting [next week]".
_PREPOSITION_BEFORE = re.compile(
    r"\s(?:for|by|since|until|till|before|after|from|starting|beginning|effective"
    r"|as\s+of|ahead\s+of|in\s+time\s+for|no\s+later\s+than"
    r"|as\s+(?:early|recently|late)\s+as)$",
    re.IGNORECASE,
)
#: How far back from the date a preposition may start: searching the whole
#: clause from every blank made a run of spaces quadratic.
_PREPOSITION_REACH = 40
#: A piece that only sets the scene: "In a video address", "During the talks".
_SCENE = re.compile(
    r"(?i)^(?!at\s+least\b)(?:in|on|at|during|after|before|since|by|with|under"
    r"|over|following|earlier|later|late|early|last|this|next)\b"
)
#: A scene is short; "At least 16 people died in clashes" is a statement.
_SCENE_WORDS = 6
_CITING = re.compile(r"(?i)according\b")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.])")
_REPEATED_MARKS = re.compile(r"\s*([,;])(?:\s*[,;])+")
_QUOTE_MARKS = '"“”'
_DETERMINERS = word_set(
    "the a an his her its their this these those some many several most our"
)
#: Pieces that describe a name before its verb: ", a shop steward,", ",
#: who ...,", ", which ...,": skipped when looking for the subject.
_DESCRIBING = re.compile(r"(?i)^(?:a|an|who|which|whose|where|one)\b")
#: How many pieces back a subject is looked for: a name and two describing
#: pieces ("X, who ..., a ..., met"); a bound keeps a long sentence linear.
_SUBJECT_REACH = 4
#: Words that open a clause, before which a long title may stop.
_CLAUSE_WORDS = word_set("when while because who which where whose and but")
_RESTRICTIVE = re.compile(r"that\s")
_REPORTED = re.compile(r"\b(?:announced|said|says|reported|confirmed|added)$")


def title_for(text: str, sentence: Span, span: Span, *, quoted: bool) -> str:
    """The title of the statement dated by ``text[span]`` in ``sentence``."""
    if quoted:
        sentence = _quoted_sentence(text, sentence, span)
    start = sentence[0]
    body, pieces, starts = _layout(text, sentence, quoted)
    at = span[0] - start
    k = max(bisect.bisect_right(starts, at) - 1, 0)
    own = _without_date(body, pieces[k], (at, span[1] - start))
    scene = (
        k == 0
        and len(pieces) > 1
        and _words(own) <= _SCENE_WORDS
        and _SCENE.match(own) is not None
        and not _CITING.match(_piece(body, pieces, 1))
    )
    if _words(own) == 0 or scene:
        # "On Tuesday, Hale said", "..., later this year, ...": the date is
        # the main clause's; "In a video address on ..., Zelenskiy said".
        k = _main_piece(body, pieces, k)
        own = _piece(body, pieces, k)
    clause = own
    first, last = k, k + 1
    while _headless(clause) and first > 0:
        subject = _subject(body, pieces, first)
        if subject is None:
            break
        if subject == first - 1 and _RESTRICTIVE.match(body, pieces[first][0]):
            clause = f"that {clause}"  # "the acrimony that defined ..."
        first = subject
        clause = f"{_piece(body, pieces, subject)} {clause}"
    while (_words(clause) < 4 or _reported(clause)) and last < len(pieces):
        # "Hale said on Tuesday that the strike ...": what was said.
        joint = " " if _RESTRICTIVE.match(body, pieces[last][0]) else ", "
        clause = f"{clause}{joint}{_piece(body, pieces, last)}"
        last += 1
    if _reported(clause) and first > 0 and _words(clause) <= _SCENE_WORDS:
        # "Sales rose 29% ..., the State Department said in January": what
        # was said is the statement.
        clause = f"{_piece(body, pieces, 0)}, {clause}"
    elif _words(clause) < 4 and first > 0:
        # "..., the last in January 2028": what came before says what.
        clause = f"{_piece(body, pieces, first - 1)}, {clause}"
    return _finish(clause)


@functools.lru_cache(maxsize=8)
def _layout(
    text: str, sentence: Span, quoted: bool
) -> tuple[str, list[Span], list[int]]:
    """The sentence's text and its clause pieces (with their starts), read
    once however many dates the sentence holds: a sentence of dates stays
    linear. (A ``str`` keeps its hash, so the key costs nothing per call.)"""
    start, end = sentence
    body = text[start:end].rstrip(" .")
    masked = body if quoted else _mask_quotes(text, sentence, body)
    breaks = [0]
    breaks += [m.end() for m in _CLAUSE_BREAK.finditer(masked)]
    breaks.append(len(body) + 1)
    pieces = [(breaks[i], breaks[i + 1]) for i in range(len(breaks) - 1)]
    return body, pieces, [p[0] for p in pieces]


def _quoted_sentence(text: str, sentence: Span, span: Span) -> Span:
    """The sentence of the quotation that holds ``span``."""
    inner = next(
        ((q[1], q[2]) for q in quote_spans(text, *sentence) if q[1] <= span[0] < q[2]),
        sentence,
    )
    start = inner[0]
    for match in _SENTENCE_END.finditer(text, inner[0], inner[1]):
        if match.start() > span[0]:
            return start, match.start()
        start = match.end()
    return start, inner[1]


def _mask_quotes(text: str, sentence: Span, body: str) -> str:
    """``body`` with the inside of its quotations blanked to letters, so no
    clause break is found in them."""
    chars = list(body)
    for q in quote_spans(text, *sentence):
        for i in range(q[1] - sentence[0], min(q[2] - sentence[0], len(chars))):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)


def _without_date(body: str, piece: Span, date: Span) -> str:
    head = _without_preposition(body[piece[0] : date[0]])
    return _clean(head + " " + body[date[1] : piece[1]])


def _main_piece(body: str, pieces: list[Span], k: int) -> int:
    """The piece that carries the sentence's subject and verb when piece
    ``k`` only holds the date or sets the scene."""
    if k > 0 and not _headless(_piece(body, pieces, 0)):
        return 0  # "Corvane plans to sell ..., later this year, ..."
    return k + 1 if k + 1 < len(pieces) else max(k - 1, 0)


def _piece(body: str, pieces: list[Span], i: int) -> str:
    return _clean(body[slice(*pieces[i])])


def _subject(body: str, pieces: list[Span], before: int) -> int | None:
    """The nearest piece before ``before`` that can be a clause's subject:
    not a description of it and not itself a clause without one."""
    for i in range(before - 1, max(before - _SUBJECT_REACH, 0) - 1, -1):
        piece = _piece(body, pieces, i)
        if not piece or _DESCRIBING.match(piece) or _headless(piece):
            continue
        if _SCENE.match(piece):
            return None  # "After a period of tensions, relations appeared ..."
        return i
    return None


def _clean(piece: str) -> str:
    piece = " ".join(piece.split()).strip(" ,;:")
    return _LEAD_WORDS.sub("", piece).strip(" ,;:")


def _reported(clause: str) -> bool:
    # Only the end is read: a clause of many "said" pieces stays linear.
    return _REPORTED.search(clause, max(0, len(clause) - 12)) is not None


def _words(clause: str) -> int:
    return len(clause.split())


def _headless(clause: str) -> bool:
    """A clause opening on a lower-case verb has its subject before it."""
    first = clause.split(maxsplit=1)[0] if clause.split() else ""
    return first[:1].islower() and first not in _DETERMINERS


def _without_preposition(head: str) -> str:
    """``head`` less a "since", "until"... (and the blanks) right before the date."""
    core = head.rstrip()
    found = _PREPOSITION_BEFORE.search(core, max(0, len(core) - _PREPOSITION_REACH))
    return core[: found.start()] if found else head


def _finish(clause: str) -> str:
    """One line, no doubled or stray marks, cut at a word, first letter up."""
    title = " ".join(clause.split())
    title = _REPEATED_MARKS.sub(r"\1", title)
    title = _SPACE_BEFORE_MARK.sub(r"\1", title)
    if not _paired(title):
        title = "".join(ch for ch in title if ch not in _QUOTE_MARKS)
    title = title.strip(" ,;:" + _QUOTE_MARKS)
    if not _paired(title):
        title = "".join(ch for ch in title if ch not in _QUOTE_MARKS)
    words = title.split(" ")
    if len(title) > TITLE_LENGTH:
        words = _clipped(words)
    title = _without_dangling(" ".join(words).rstrip(" ,;:")).rstrip(" ,;:")
    if not _paired(title):
        title = "".join(ch for ch in title if ch not in _QUOTE_MARKS).strip()
    return title[:1].upper() + title[1:]


def _clipped(words: list[str]) -> list[str]:
    """The words of a long title up to ``TITLE_LENGTH``, cut before a name
    would be split ("the White | House") and, when one is near, before a
    clause that would be left unfinished ("Trump and Lula | when they")."""
    kept = list(words)
    while len(kept) > 1 and len(" ".join(kept)) > TITLE_LENGTH:
        kept.pop()
    while len(kept) > 1 and kept[-1][:1].isupper() and words[len(kept)][:1].isupper():
        kept.pop()
    for i in range(len(kept) - 1, max(len(kept) - 5, 3), -1):
        if kept[i].lower() in _CLAUSE_WORDS:
            return kept[:i]
    return kept


def _without_dangling(clause: str) -> str:
    """``clause`` (one blank between words) less the "on", "the"... it ends on."""
    words = clause.split(" ")
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words)


def _paired(title: str) -> bool:
    return title.count('"') % 2 == 0 and title.count("“") == title.count("”")
