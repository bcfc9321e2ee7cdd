"""The shape of a pasted article: header, dateline, body, sentences, quotes.

News text copied from a web page comes with furniture around the story: a
"date 2026-01-10" tag with a standfirst, "1 hour ago" or "Posted Feb. 12,
2026, 5:47 p.m." stamps, a paper's name in capitals, a title line, a "By Jane
Doe, BBC News" byline. None of it is the story, so the body stored with the
Source (and every quote span into it) starts after it, at the dateline
"ERBIL (Kurdistan24) - ...".
Sentences are split here too, never inside a quotation, so a quote and the
words that attribute it stay in one sentence.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from dateline.store.dates.parse import parse_date
from dateline.store.dates.zone_words import ZONE_WORD_IN_PROSE
from dateline.store.errors import DateParseError

#: Offsets into a text, end exclusive.
Span = tuple[int, int]


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_DATE_TAG = re.compile(
    r"[ \t]*(?i:date|published|posted)[: \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)"
)
_AMOUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few)"
_STAMP = re.compile(
    rf"[ \t]*(?i:(?:updated|posted|published)?:?[ \t]*(?:{_AMOUNT}[ \t]+"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)[ \t]+ago|just now))"
    r"[ \t]*"
)
#: "Posted Feb. 12, 2026, 5:47 p.m.", "Updated: Wednesday 11 February 2026".
_DATED_STAMP = re.compile(
    r"[ \t]*(?i:(?:last[ \t]+)?(?:updated|posted|published))(?:[ \t]+on)?[: \t]+"
    r"(?P<when>[^\n]*\d{4}[^\n]*?)[ \t]*"
)
#: "By Jane Doe, BBC News", "By OKSANA HRYTSENKO and MARK DALTON Associated
#: Press": a capitalised name after "By", on a line of its own without a full
#: stop ("By Friday, the army had left." is a sentence).
#: Trailing blanks are left to ``_byline``: a pattern ending in ``[ \t]*``
#: after a run that may hold blanks tries every split of a long blank tail.
_BYLINE = re.compile(r"[ \t]*By[ \t]+[A-Z](?P<rest>[^\n.!?]{0,120})")
_CALENDAR_START = re.compile(
    r"[ \t]*By[ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February"
    r"|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\b|Feb\b|Mar\b|Apr\b|Jun\b|Jul\b|Aug\b|Sept?\b|Oct\b|Nov\b|Dec\b"
    r"|Christmas|Easter|Then|Now|Noon|Midnight)"
)
# "ERBIL (Kurdistan24) - ", "WASHINGTON, Jan 9 (Reuters) -", "LONDON — ".
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])"
    r"(?:,[ \t]*(?P<extra>[^()\n]{1,40}?))?"
    r"(?:[ \t]*\((?P<outlet>[^()\n]{2,40})\))?"
    r"[ \t]*[-–—]+[ \t]+"
)
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st jr sr gen col lt sgt capt gov sen rep prof inc corp ltd co "
    "no vs etc approx jan feb mar apr jun jul aug sep sept oct nov dec mt ft "
    "rev hon fr maj adm brig cmdr supt insp det "
    "a.m p.m"
)
_OPENERS = "\"“‘«('"
_SENTENCE_END = re.compile(r"[.!?]+[\"”’»)']*(?=\s)")


@dataclass(frozen=True)
class Article:
    """An article split into what is story and what is furniture.

    ``text`` is the whole input with line endings made ``\\n``; ``body`` is
    the story from its first word (the dateline) to its last, and
    ``body_start`` its offset in ``text``. ``masked`` lists spans of ``text``
    that are metadata (the date tag, "1 hour ago" stamps, the dateline),
    never temporal expressions of the story.
    """

    text: str
    body: str
    body_start: int
    published: date | None = None
    standfirst: str = ""
    standfirst_start: int = 0
    title: str = ""
    dateline: str = ""
    outlet: str = ""
    #: Where the story proper starts in ``body``, after the dateline.
    lead_start: int = 0
    masked: tuple[Span, ...] = ()
    #: A date line's value that is no date ("date 2026-13-45"), to name it.
    bad_date: str = ""


def parse_article(raw: str) -> Article:
    """Find the header, dateline and body of ``raw`` (any plain text)."""
    # A byte-order mark (Windows editors) would hide the date line.
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    masked: list[Span] = []
    pos = _skip_blank(text, 0)
    published = None
    standfirst, standfirst_start, title, paper = "", 0, "", ""
    bad_date = ""
    line_end = _line_end(text, pos)
    tag = _DATE_TAG.fullmatch(text, pos, line_end)
    if tag is not None:
        try:
            published = date.fromisoformat(tag.group(1))
        except ValueError:
            bad_date = tag.group(1)
        masked.append((pos, tag.start(2)))
        standfirst, standfirst_start = tag.group(2).strip(), tag.start(2)
        pos = _skip_blank(text, line_end)
    else:
        if _masthead(text, pos, line_end):
            paper = string.capwords(text[pos:line_end].strip())
            pos = _skip_blank(text, line_end)
            line_end = _line_end(text, pos)
        if _looks_like_title(text, pos, line_end):
            title = text[pos:line_end].strip()
            pos = _skip_blank(text, line_end)
    while pos < len(text):
        line_end = _line_end(text, pos)
        if _STAMP.fullmatch(text, pos, line_end) is not None or _byline(
            text, pos, line_end
        ):
            pass
        elif (stamp := _DATED_STAMP.fullmatch(text, pos, line_end)) is not None:
            published = published or _stamp_date(stamp["when"])
        else:
            break
        masked.append((pos, line_end))
        pos = _skip_blank(text, line_end)
    headed = _header_before_dateline(text, pos)
    if headed is not None:
        # "Trump invites Petro ...\n\nERBIL (Kurdistan24) - ...": a headline
        # (and a standfirst) the rules above did not take for one.
        lines, start, pos = headed
        spans = _spans_of(text, lines, start, pos)
        if not title:
            title, lines, spans = lines[0], lines[1:], spans[1:]
        if lines and not standfirst:
            standfirst, standfirst_start = lines[0], spans[0][0]
        masked.extend(spans)
    body = text[pos:].rstrip()
    place, outlet = "", paper
    lead = 0
    dateline = _DATELINE.match(body)
    if dateline is not None and len(dateline["place"].replace(" ", "")) >= 2:
        place = dateline["place"].strip()
        outlet = (dateline["outlet"] or "").strip() or paper
        lead = dateline.end()
        masked.append((pos, pos + lead))
    return Article(
        text=text,
        body=body,
        body_start=pos,
        published=published,
        standfirst=standfirst,
        standfirst_start=standfirst_start,
        title=title,
        dateline=place,
        outlet=outlet,
        lead_start=lead,
        masked=tuple(masked),
        bad_date=bad_date,
    )


#: How many short lines may stand above a dateline as headline and standfirst.
_HEADER_LINES = 3
#: The most words a headline or standfirst line has.
_HEADER_WORDS = 40


def _header_before_dateline(text: str, pos: int) -> tuple[list[str], int, int] | None:
    """The short one-sentence lines above a dateline when the body does not
    start with one, with where they and the dateline start; None when there
    is no such dateline (a story paragraph is never taken for a headline)."""
    if _has_dateline(text, pos):
        return None
    lines: list[str] = []
    at = pos
    while at < len(text) and len(lines) < _HEADER_LINES:
        end = _line_end(text, at)
        line = text[at:end].strip()
        if len(line.split()) > _HEADER_WORDS or len(split_sentences(line)) != 1:
            return None
        lines.append(line)
        at = _skip_blank(text, end)
        if _has_dateline(text, at):
            return lines, pos, at
    return None


def _has_dateline(text: str, pos: int) -> bool:
    found = _DATELINE.match(text, pos)
    return found is not None and len(found["place"].replace(" ", "")) >= 2


def _spans_of(text: str, lines: list[str], start: int, stop: int) -> list[Span]:
    """Where each of ``lines``, found in order between ``start`` and
    ``stop``, lies in ``text``."""
    spans: list[Span] = []
    for line in lines:
        at = text.find(line, start, stop)
        spans.append((at, at + len(line)))
        start = at + len(line)
    return spans


def guess_title(article: Article, limit: int = 100) -> str:
    """A title line, else the standfirst's first clause, else the lead."""
    if article.title:
        return article.title
    basis = article.standfirst or article.body[article.lead_start :]
    first = split_sentences(basis)
    text = basis[first[0][0] : first[0][1]] if first else basis
    clause = re.split(r",\s+(?=[a-z])|;\s+", text, maxsplit=1)[0]
    return shorten(clause.rstrip(" ."), limit)


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _masthead(text: str, start: int, end: int) -> bool:
    """A paper's name in capitals ("THE MILLBROOK COURIER") above a title."""
    line = text[start:end].strip()
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters) or len(line.split()) > 6:
        return False
    if _DATELINE.match(line) or not text[end:].startswith("\n\n"):
        return False
    after = _skip_blank(text, end)
    return _looks_like_title(text, after, _line_end(text, after))


def _byline(text: str, start: int, end: int) -> bool:
    if _CALENDAR_START.match(text, start, end):
        return False
    stop = end
    while stop > start and text[stop - 1] in " \t":
        stop -= 1
    found = _BYLINE.fullmatch(text, start, stop)
    # At least one character after the capital, blank or not, as before.
    return found is not None and (bool(found["rest"]) or stop < end)


def _stamp_date(when: str) -> date | None:
    """The day a "Posted ..." stamp gives, when it writes the year out."""
    try:
        reading = parse_date(when, date.today())
    except DateParseError:
        return None
    if reading.precision not in ("minute", "hour", "day"):
        return None
    return reading.start_day


def _looks_like_title(text: str, start: int, end: int) -> bool:
    """A short first line without a full stop, followed by a blank line."""
    line = text[start:end].strip()
    # "... every school.”" ends a sentence, quotation marks or not.
    if (
        not line
        or len(line.split()) > 20
        or line.rstrip("\"”’')").endswith((".", ":", ","))
    ):
        return False
    if _DATELINE.match(line) or _STAMP.fullmatch(line):
        return False
    rest = text[end:]
    return rest.startswith("\n\n") and bool(rest.strip())


# --- paragraphs and sentences ---------------------------------------------


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Non-blank lines of ``text[start:end]``: plain-text news puts one
    paragraph on a line, and a quote rarely runs over a line break."""
    end = len(text) if end is None else end
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        line = match.group()
        if line.strip():
            left = len(line) - len(line.lstrip())
            right = len(line.rstrip())
            spans.append((start + match.start() + left, start + match.start() + right))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, each inside one paragraph."""
    sentences: list[Span] = []
    for p_start, p_end in paragraphs(text, start, end):
        for sentence in _sentences_of(text, p_start, p_end):
            sentences.extend(_bounded(text, sentence))
    return sentences


#: The longest span read as one sentence. News sentences run to a few hundred
#: characters; one of 100 KB is a list, a log or an attack, and each step that
#: works per sentence (tense cues, speakers, titles) would pay its whole
#: length again for every date or quotation in it.
MAX_SENTENCE = 2000


def _bounded(text: str, sentence: Span) -> list[Span]:
    """``sentence`` cut at blanks into pieces of at most ``MAX_SENTENCE``."""
    begin, stop = sentence
    pieces = []
    while stop - begin > MAX_SENTENCE:
        cut = text.rfind(" ", begin + MAX_SENTENCE // 2, begin + MAX_SENTENCE)
        cut = begin + MAX_SENTENCE if cut < 0 else cut
        pieces.append((begin, cut))
        begin = _skip_blank(text, cut)
    if begin < stop:
        pieces.append((begin, stop))
    return pieces


def _sentences_of(text: str, start: int, end: int) -> list[Span]:
    quoted = quote_spans(text, start, end)
    spans = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if stop >= end:
            break
        if any(q[1] <= match.start() and stop < q[3] for q in quoted):
            continue  # a full stop inside a quotation, not closing it
        if not _starts_sentence(text, stop, end):
            continue
        dot = match.start()
        if (
            text[dot] == "."
            and _abbreviation(text, begin, dot)
            and not _clock_ends_sentence(text, begin, dot, stop)
        ):
            continue
        spans.append((begin, stop))
        begin = _skip_blank(text, stop)
    if begin < end:
        spans.append((begin, end))
    return spans


def _starts_sentence(text: str, pos: int, end: int) -> bool:
    pos = _skip_blank(text, pos)
    if pos >= end:
        return False
    char = text[pos]
    return char.isupper() or char.isdigit() or char in _OPENERS


_CALENDAR_WORD = re.compile(
    r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\b"
)


def _clock_ends_sentence(text: str, begin: int, dot: int, stop: int) -> bool:
    """ "at 10 a.m. A new date ...": a clock time can end a sentence, but
    "at 10 a.m. Monday" and "at 10 a.m. ET" go on."""
    if not text[max(begin, dot - 3) : dot].lower().endswith(("a.m", "p.m")):
        return False
    after = _skip_blank(text, stop)
    return (
        _CALENDAR_WORD.match(text, after) is None
        and ZONE_WORD_IN_PROSE.match(text, after) is None
    )


def _abbreviation(text: str, begin: int, dot: int) -> bool:
    """Whether the word before the full stop at ``dot`` is "Mr", "U.S" ..."""
    word_start = dot
    while word_start > begin and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip(_OPENERS)
    if re.fullmatch(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True  # an initial ("J.") or dotted letters ("U.S.")
    return word.lower() in _ABBREVIATIONS


# --- quotations --------------------------------------------------------------

#: (outer start, inner start, inner end, outer end) of one quotation.
QuoteSpan = tuple[int, int, int, int]

_CURLY = re.compile(r"“([^“”\n]+)”")
_STRAIGHT = re.compile(r'"([^"\n]+)"')
_GUILLEMETS = re.compile(r"«\s*([^«»\n]+?)\s*»")


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Quotations in straight, curly or angle quotes within ``text[start:end]``."""
    end = len(text) if end is None else end
    found: list[QuoteSpan] = []
    for pattern in (_CURLY, _STRAIGHT, _GUILLEMETS):
        for match in pattern.finditer(text, start, end):
            inner_start, inner_end = match.span(1)
            # Straight quotes pair left to right; a stray one can pair the
            # closing mark of one quotation with the opening of the next.
            if pattern is _STRAIGHT and _is_gap(text, inner_start, inner_end):
                continue
            found.append((match.start(), inner_start, inner_end, match.end()))
    found.sort()
    return found


def _is_gap(text: str, inner_start: int, inner_end: int) -> bool:
    """True when the text between two straight quotes is between quotations:
    it starts with a space after the opening mark and ends before a word."""
    opens_on_space = text[inner_start : inner_start + 1].isspace()
    after = text[inner_end + 1 : inner_end + 2]
    return opens_on_space and after.isalnum()
