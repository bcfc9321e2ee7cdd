"""Dates in Spanish, Portuguese and French news, read with their precision.

The words come from dateparser's own locale data (month and weekday names,
and its fixed relative phrases: "ayer", "la semana pasada", "l'année
prochaine", "mês passado"), so spelling variants live in one well-kept
place; the shapes around them are a small grammar of news prose:

- "9 de enero de 2026", "1.º de março", "le 9 janvier 2026" -> day
- "marzo de 2025", "em março de 2025", "janvier 2026" -> month
- "en octubre", "em março", "en janvier" (no year) -> month, the nearer one
  in the direction the sentence points
- "en 2025", "em 2025", "en 2025" -> year
- "el viernes pasado", "na próxima sexta-feira", "vendredi dernier" and a
  bare weekday -> day
- "hace tres días", "há duas semanas", "il y a deux mois" -> at that precision
- "la semana próxima", "na semana que vem", "le mois prochain" -> week, month
- "a principios de marzo", "em meados de fevereiro", "fin janvier", "début
  2025" -> the first, middle or last third, approximate
- "del 3 al 5 de marzo", "de 3 a 5 de março", "du 3 au 5 mars" -> days
- "09/01/2026" -> day (these languages write the day first)

Each expression becomes a ``FoundDate`` like the English finder's, so events
are built from them the same way. Past or future comes from the words ("pasado",
"próximo", "dernier") or else from future verb forms in the sentence.
"""

from __future__ import annotations

import bisect
import functools
import re
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.store.dates.parts import add_months
from dateline.store.ingest.find_dates import FoundDate
from dateline.store.ingest.tense import Tense
from dateline.store.ingest.text import Span, quote_spans, split_sentences
from dateline.store.model import FuzzyDate, Precision

__all__ = ["FOREIGN_LANGUAGES", "find_foreign_dates"]

FOREIGN_LANGUAGES = ("es", "pt", "fr")

_MONTH_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DAY_KEYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]

#: Small numbers written out, as "hace tres días" writes them.
_NUMBERS = {
    "es": "un:1 una:1 uno:1 dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 "
    "nueve:9 diez:10",
    "pt": "um:1 uma:1 dois:2 duas:2 três:3 quatro:4 cinco:5 seis:6 sete:7 oito:8 "
    "nove:9 dez:10",
    "fr": "un:1 une:1 deux:2 trois:3 quatre:4 cinq:5 six:6 sept:7 huit:8 neuf:9 dix:10",
}
#: Words before a date, kept in its span as the English finder keeps "in"
#: and "on" (an event title must not be left with a dangling "en"); before a
#: bare month or year they are what makes it a date ("en octubre").
_LEADS = {
    "es": r"el|en|del?|desde|hasta|para|durante|a\s+partir\s+del?"
    r"|a\s+(?:principios|mediados|finales|fines)\s+de",
    "pt": r"em|n[oa]|de|desde|até|para|durante|a\s+partir\s+de"
    r"|no\s+(?:início|final|fim)\s+de|em\s+meados\s+de",
    "fr": r"le|en|depuis|jusqu['’](?:en|au)|dès|pour|au|du|début|fin|courant"
    r"|d['’]ici",
}
#: Day-of-month connectors: "9 de enero", "9 janvier".
_DE = {"es": r"\s+de\s+", "pt": r"\s+de\s+", "fr": r"\s+"}
_OF_YEAR = {"es": r"\s+(?:de|del)\s+", "pt": r"\s+de\s+", "fr": r"\s+"}
#: Cues that make a weekday or a bare month point back or forward.
_PAST_WORDS = {
    "es": r"pasad[oa]|anterior",
    "pt": r"passad[oa]|anterior",
    "fr": r"derni(?:er|ère)|passée?",
}
_NEXT_WORDS = {
    "es": r"próxim[oa]|que\s+viene|siguiente",
    "pt": r"próxim[oa]|que\s+vem|seguinte",
    "fr": r"prochaine?|suivante?",
}
#: Future verb forms and "going to": a sentence that announces.
_FUTURE = {
    "es": r"\b\w+(?:rá|rán|remos)\b|\b(?:va|van|vamos)\s+a\s+\w+r\b"
    r"|\bprevist[oa]s?\b",
    "pt": r"\b\w+(?:rá|rão|remos)\b|\b(?:vai|vão|vamos)\s+\w+r\b"
    r"|\bprevist[oa]s?\b",
    "fr": r"\b\w+(?:era|eront|erons|ira|iront|ra|ront)\b"
    r"|\b(?:va|vont)\s+\w+(?:er|ir|re)\b|\bprévue?s?\b",
}
#: "a principios de", "no fim de", "mi-": which third of a month or year.
_PARTS = {
    "es": r"a\s+(?:principios|comienzos|inicios|mediados|finales|fines)\s+de",
    "pt": r"(?:no\s+(?:início|começo|final|fim)|em\s+meados)\s+de",
    "fr": r"(?:au\s+)?(?:début|milieu|fin)(?:\s+d[eu]|\s+d['’])?|mi-",
}
#: Day ranges: "del 3 al 5 de marzo", "de 3 a 5 de março", "du 3 au 5 mars".
_RANGE_OPEN = {
    "es": r"(?:del|entre\s+el)",
    "pt": r"(?:de|entre)",
    "fr": r"(?:du|entre\s+le)",
}
_RANGE_JOIN = {
    "es": r"(?:al|y\s+el)",
    "pt": r"(?:a|e)",
    "fr": r"(?:au|et\s+le)",
}
#: Relative phrases dateparser's tables lack, in its own "N unit ago" form.
_EXTRA_RELATIVE = {
    "es": {
        "in 1 week": ["la semana próxima", "la semana que viene"],
        "in 1 month": ["el mes próximo", "el mes que viene"],
        "in 1 year": ["el año próximo", "el año que viene"],
        "0 week ago": ["esta semana"],
    },
    "pt": {
        "in 1 week": ["a semana que vem", "na semana que vem", "na próxima semana"],
        "in 1 month": ["o mês que vem", "no próximo mês", "no mês que vem"],
        "in 1 year": ["o ano que vem", "no próximo ano", "no ano que vem"],
        "1 week ago": ["na semana passada"],
        "1 month ago": ["no mês passado"],
        "1 year ago": ["no ano passado"],
    },
    "fr": {
        "1 year ago": ["l'an dernier", "l’an dernier", "l’année dernière"],
        "in 1 year": ["l'an prochain", "l’an prochain", "l’année prochaine"],
    },
}
_RELATIVE_KEY = re.compile(r"(?:in\s+)?(\d+)\s+(day|week|month|year)(?:\s+ago)?")


@dataclass(frozen=True)
class _Words:
    """One language's vocabulary and the compiled grammar over it."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[int, str]]
    numbers: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    future: re.Pattern[str]


def find_foreign_dates(
    text: str,
    anchor: date,
    language: str,
    *,
    start: int = 0,
    end: int | None = None,
    masked: tuple[Span, ...] = (),
    sentences: list[Span] | None = None,
) -> list[FoundDate]:
    """Date expressions of ``text[start:end]`` in ``language``, in text order,
    none overlapping; ``masked`` spans (a dateline) are never searched."""
    end = len(text) if end is None else end
    if language not in FOREIGN_LANGUAGES:
        return []
    words = _words(language)
    if sentences is None:
        sentences = split_sentences(text, start, end)
    starts = [s[0] for s in sentences]
    quotes = quote_spans(text, start, end)
    found: list[FoundDate] = []
    # Sorted and not overlapping, so one look at the neighbours tells whether
    # a span is free: a text of nothing but dates stays linear-ish.
    taken: list[Span] = []
    for span in sorted(masked):
        if not taken or span[0] >= taken[-1][1]:
            taken.append(span)
        else:
            taken[-1] = (taken[-1][0], max(taken[-1][1], span[1]))
    announcing: dict[int, bool] = {}
    for kind, match in _matches(words, text, start, end):
        span = match.span()
        if kind == "relative" and _morning(language, text, match):
            continue
        if _overlaps(taken, span):
            continue
        at = bisect.bisect_right(starts, span[0]) - 1
        if at < 0 or span[0] >= sentences[at][1]:
            continue
        sentence = sentences[at]
        ahead = announcing.get(at)
        if ahead is None:  # once per sentence, however many dates it holds
            ahead = words.future.search(text, *sentence) is not None
            announcing[at] = ahead
        reading = _read(kind, match, words, anchor, ahead)
        if reading is None:
            continue
        when, tense = reading
        bisect.insort(taken, span)
        quoted = any(q[1] <= span[0] and span[1] <= q[2] for q in quotes)
        found.append(FoundDate(span, when, tense, sentence, quoted=quoted))
    found.sort(key=lambda f: f.span)
    return found


def _overlaps(taken: list[Span], span: Span) -> bool:
    at = bisect.bisect_left(taken, span)
    before = taken[at - 1] if at > 0 else None
    after = taken[at] if at < len(taken) else None
    return (before is not None and before[1] > span[0]) or (
        after is not None and after[0] < span[1]
    )


def _matches(
    words: _Words, text: str, start: int, end: int
) -> Iterator[tuple[str, re.Match[str]]]:
    """Every candidate, longest forms first (the order of ``patterns``)."""
    for kind, pattern in words.patterns:
        for match in pattern.finditer(text, start, end):
            yield kind, match


def _read(
    kind: str, match: re.Match[str], words: _Words, anchor: date, ahead: bool
) -> tuple[FuzzyDate, Tense] | None:
    phrase = " ".join(match.group().split())
    groups = match.groupdict()
    try:
        if kind == "relative":
            amount, unit = words.relative[_fold(groups["rel"])]
            return _shifted(amount, unit, anchor, phrase)
        if kind == "ago":
            count = _amount(groups["n"] or groups.get("n2"), words)
            unit_of = _unit(groups["unit"] or groups.get("unit2"))
            if count is None or unit_of is None:
                return None
            return _shifted(-count, unit_of, anchor, phrase)
        if kind == "weekday":
            return _weekday(groups, words, anchor, ahead, phrase)
        month = words.months[_fold(groups["month"])] if groups.get("month") else 0
        year = int(groups["year"]) if groups.get("year") else None
        if kind == "numeric":
            # Spanish, Portuguese and French write the day first: 09/01/2026.
            when = date(
                int(groups["year"] or 0), int(groups["mon"] or 0), _day_of(groups)
            )
            return _fuzzy(when, when, "day", phrase, anchor), _tense_of(when, anchor)
        if kind == "part":
            return _part(groups, words, anchor, ahead, phrase)
        if kind in ("day", "range"):
            day = _day_of(groups)
            year = year or _nearer_year(anchor, month, day, ahead)
            when = date(year, month, day)
            last = (
                date(year, month, int(groups["day2"] or 0)) if kind == "range" else when
            )
            if last < when:
                return None
            return _fuzzy(when, last, "day", phrase, anchor), _tense_of(when, anchor)
        if kind == "month":
            year = year or _nearer_year(anchor, month, 1, ahead, whole_month=True)
            first = date(year, month, 1)
            last = date(year, month, monthrange(year, month)[1])
            tense: Tense = "future" if first > anchor else "past"
            return _fuzzy(first, last, "month", phrase, anchor), tense
        if kind == "year" and year is not None:
            first, last = date(year, 1, 1), date(year, 12, 31)
            tense = "future" if first > anchor else "past"
            return _fuzzy(first, last, "year", phrase, anchor), tense
    except (ValueError, KeyError, OverflowError):
        return None  # "31 de febrero", a year past 9999
    return None


def _day_of(groups: dict[str, str | None]) -> int:
    return int(re.sub(r"\D", "", groups["day"] or "") or 0)


#: Thirds of a month or a year: what "early", "mid" and "late" cover, as the
#: English grammar reads "early March" and "late 2025".
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def _part(
    groups: dict[str, str | None],
    words: _Words,
    anchor: date,
    ahead: bool,
    phrase: str,
) -> tuple[FuzzyDate, Tense]:
    which = _part_of(groups["part"] or "")
    if groups.get("whole"):
        year = int(groups["whole"] or 0)
        first_month, last_month = _YEAR_THIRDS[which]
        first = date(year, first_month, 1)
        last = date(year, last_month, monthrange(year, last_month)[1])
        precision: Precision = "year"
    else:
        month = words.months[_fold(groups["month"] or "")]
        written = groups.get("year")
        year = (
            int(written)
            if written
            else _nearer_year(anchor, month, 1, ahead, whole_month=True)
        )
        low, high = _THIRDS[which]
        first = date(year, month, low)
        last = date(year, month, min(high, monthrange(year, month)[1]))
        precision = "month"
    when = FuzzyDate(
        first, last, precision, text=phrase, anchor=anchor, approximate=True
    )
    return when, _tense_of(first, anchor)


def _part_of(written: str) -> str:
    folded = _fold(written)
    if any(w in folded for w in ("mediados", "meados", "mi-", "milieu")):
        return "mid"
    if any(w in folded for w in ("final", "fin", "fim")):
        return "late"
    return "early"


def _weekday(
    groups: dict[str, str | None],
    words: _Words,
    anchor: date,
    ahead: bool,
    phrase: str,
) -> tuple[FuzzyDate, Tense] | None:
    weekday = words.weekdays[_fold(groups["weekday"] or "")]
    if groups.get("past") or groups.get("last"):
        forward = False
    elif groups.get("next") or groups.get("next2"):
        forward = True
    else:
        forward = ahead
    if forward:
        days = (weekday - anchor.weekday()) % 7 or 7
        when = anchor + timedelta(days=days)
    else:
        days = (anchor.weekday() - weekday) % 7 or 7
        when = anchor - timedelta(days=days)
    tense: Tense = "future" if forward else "past"
    return _fuzzy(when, when, "day", phrase, anchor), tense


def _shifted(
    amount: int, unit: str, anchor: date, phrase: str
) -> tuple[FuzzyDate, Tense]:
    """``amount`` units from the anchor, at the unit's precision."""
    tense: Tense = "future" if amount > 0 else "past"
    precision: Precision
    if unit == "day":
        when = anchor + timedelta(days=amount)
        first, last, precision = when, when, "day"
    elif unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=amount)
        first, last, precision = monday, monday + timedelta(days=6), "week"
    elif unit == "month":
        first = add_months(anchor.replace(day=1), amount)
        last = first.replace(day=monthrange(first.year, first.month)[1])
        precision = "month"
    else:
        year = anchor.year + amount
        first, last, precision = date(year, 1, 1), date(year, 12, 31), "year"
    return _fuzzy(first, last, precision, phrase, anchor), tense


def _fuzzy(
    first: date, last: date, precision: Precision, phrase: str, anchor: date
) -> FuzzyDate:
    return FuzzyDate(first, last, precision, text=phrase, anchor=anchor)


def _tense_of(when: date, anchor: date) -> Tense:
    return "future" if when > anchor else "past"


def _nearer_year(
    anchor: date, month: int, day: int, ahead: bool, whole_month: bool = False
) -> int:
    """The year of a month (and day) written without one: this year's if it
    lies on the side the sentence points to, else the nearest such."""
    this = date(anchor.year, month, day)
    if whole_month and (anchor.year, anchor.month) == (this.year, this.month):
        return anchor.year
    if ahead:
        return anchor.year if this >= anchor else anchor.year + 1
    return anchor.year if this <= anchor else anchor.year - 1


def _amount(written: str | None, words: _Words) -> int | None:
    if written is None:
        return None
    if written.isdigit():
        return int(written)
    return words.numbers.get(_fold(written))


def _unit(written: str | None) -> str | None:
    """The unit of "días", "semanas", "meses", "anos", "jours", "mois"...:
    the grammar lets only those through, and their first letters differ."""
    first = _fold(written or "")[:1]
    return {"d": "day", "j": "day", "s": "week", "m": "month", "a": "year"}.get(first)


def _morning(language: str, text: str, match: re.Match[str]) -> bool:
    """ "esta mañana", "por la mañana": the morning, not tomorrow."""
    if language != "es" or _fold(match.group()) != "mañana":
        return False
    before = text[max(0, match.start() - 12) : match.start()].casefold()
    return re.search(r"(?:la|esta|esa|cada|una|de)\s+$", before) is not None


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def _alternation(names: list[str]) -> str:
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


@functools.cache
def _words(language: str) -> _Words:
    from dateparser.languages.loader import default_loader  # lazy: slow import

    info = default_loader.get_locale(language).info
    months = {
        _fold(name): number
        for number, key in enumerate(_MONTH_KEYS, 1)
        for name in _full_names(info[key])
    }
    weekdays = {
        _fold(name): number
        for number, key in enumerate(_DAY_KEYS)
        for name in _full_names(info[key])
    }
    table: dict[str, list[str]] = {}
    for key, phrases in (info.get("relative-type") or {}).items():
        table.setdefault(key, []).extend(phrases)
    for key, phrases in _EXTRA_RELATIVE[language].items():
        table.setdefault(key, []).extend(phrases)
    relative: dict[str, tuple[int, str]] = {}
    for key, phrases in table.items():
        parsed = _RELATIVE_KEY.fullmatch(key)
        if parsed is None or parsed[2] not in ("day", "week", "month", "year"):
            continue
        amount = int(parsed[1]) * (1 if key.startswith("in ") else -1)
        for phrase in phrases:
            # "sem ant", "próx sem": abbreviations for tables, not prose.
            if not {"sem", "ant", "próx"} & set(_fold(phrase).split()):
                relative[_fold(phrase)] = (amount, parsed[2])
    numbers = {
        word: int(n) for word, n in (p.split(":") for p in _NUMBERS[language].split())
    }
    month = _alternation(list(months))
    weekday = _alternation(list(weekdays))
    number = r"\d{1,2}|" + _alternation(list(numbers))
    lead, de, of_year = _LEADS[language], _DE[language], _OF_YEAR[language]
    past, nxt = _PAST_WORDS[language], _NEXT_WORDS[language]
    day = (
        r"(?P<day>[0-3]?\d)(?:\.?\s?[º°])?"
        if language != "fr"
        else (r"(?P<day>1er|[0-3]?\d)")
    )
    units = {
        "es": r"días?|semanas?|mes(?:es)?|años?",
        "pt": r"dias?|semanas?|m[eê]s(?:es)?|anos?",
        "fr": r"jours?|semaines?|mois|ans?|années?",
    }[language]
    ago = {
        "es": rf"hace\s+(?P<n>{number})\s+(?P<unit>{units})",
        "pt": rf"(?:há|faz)\s+(?P<n>{number})\s+(?P<unit>{units})"
        rf"|(?P<n2>{number})\s+(?P<unit2>{units})\s+atrás",
        "fr": rf"il\s+y\s+a\s+(?P<n>{number})\s+(?P<unit>{units})",
    }[language]
    weekday_form = {
        "es": rf"(?:el\s+)?(?:(?P<last>pasado)\s+|(?P<next>{nxt})\s+)?",
        "pt": rf"(?:n?[oa]\s+)?(?:(?P<last>última|último)\s+|(?P<next>{nxt})\s+)?",
        "fr": r"(?:ce\s+)?",
    }[language] + (
        # "el viernes 9 de enero" is the day the number gives, read once.
        rf"(?P<weekday>{weekday})(?!,?\s+\d)"
        rf"(?:\s+(?P<past>{past})|\s+(?P<next2>{nxt}))?"
    )
    relative_form = _alternation(list(relative))
    edge = r"(?<![\w-])", r"(?![\w-])"
    part = _PARTS[language]
    forms = (
        (
            "range",
            rf"{_RANGE_OPEN[language]}\s+{day}\s+{_RANGE_JOIN[language]}\s+"
            rf"(?P<day2>[0-3]?\d){de}(?P<month>{month})"
            rf"(?:{of_year}(?P<year>\d{{4}}))?",
        ),
        (
            "part",
            rf"(?P<part>{part})\s*(?:(?P<month>{month})(?:{of_year}(?P<year>\d{{4}}))?"
            rf"|(?P<whole>(?:1[89]|20)\d\d)(?!\d|[.,]\d))",
        ),
        ("numeric", r"(?P<day>[0-3]?\d)/(?P<mon>[01]?\d)/(?P<year>\d{4})(?![\d/])"),
        (
            "day",
            rf"(?:(?:{lead})\s+)?{day}{de}(?P<month>{month})"
            rf"(?:{of_year}(?P<year>\d{{4}}))?",
        ),
        ("month", rf"(?:(?:{lead})\s+)?(?P<month>{month}){of_year}(?P<year>\d{{4}})"),
        ("month", rf"(?:{lead})\s+(?P<month>{month})"),
        ("year", rf"(?:{lead})\s+(?P<year>(?:1[89]|20)\d\d)(?!\d|[.,]\d)"),
        ("ago", ago),
        ("relative", rf"(?P<rel>{relative_form})"),
        ("weekday", weekday_form),
    )
    patterns = tuple(
        (kind, re.compile(f"{edge[0]}(?:{form}){edge[1]}", re.IGNORECASE))
        for kind, form in forms
    )
    return _Words(
        months,
        weekdays,
        relative,
        numbers,
        patterns,
        re.compile(_FUTURE[language], re.IGNORECASE),
    )


def _full_names(names: list[str]) -> list[str]:
    """Month and weekday names without abbreviations ("ene", "sex", "Lu"),
    which are words of their own; the full name always stays ("mai")."""
    longest = max(names, key=len)
    return [n for n in names if n == longest or (len(n) >= 5 and n.islower())]
