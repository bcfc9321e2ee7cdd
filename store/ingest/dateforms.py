"""The shapes of date phrases in news prose, for ``dateline.store.ingest.find_dates``.

Each form is a kind and a pattern: month names capitalised as news writes
them, weekdays spelled out, clock times, seasons, "the first quarter of
2026", "two weeks ago". Finding a match is only a candidate: datefind guards
it against names and counts, and ``store.dates.parse.parse_date`` has the last word.
"""

from __future__ import annotations

from typing import Literal

from dateline.store.dates.holidays import written_names

Kind = Literal[
    "day",
    "month",
    "year",
    "season",
    "window",
    "relative",
    "range",
    "present",
    "anaphor",
]

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October"
    "|November|December"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{MONTHS}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: "Nov. 4:" opens a list item; "4:30" is a clock time.
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?<![\d$€£/.,-])(?:1[5-9]\d\d|20\d\d|21\d\d)(?![\d%/]|,\d|\.\d)"
#: A year right after "mid-" ("mid-1996"), where a lone year's guard
#: against a dash before it does not apply.
_YEAR_AFTER_DASH = r"(?:1[5-9]\d\d|20\d\d|21\d\d)(?![\d%/]|,\d|\.\d)"
_NUMW = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve)"
)
CLOCK = (
    r"(?i:\d{1,2}(?::\d{2})?\s?[ap]\.m\.|\d{1,2}(?::\d{2})?\s?[ap]m\b"
    r"|[012]?\d:[0-5]\d\b|noon|midnight)"
)
PART_OF_DAY = r"(?i:morning|afternoon|evening|night)"
_ORDINAL = r"(?:first|second|third|fourth|last)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen)"
)
#: Spoken years: "nineteen ninety-six", "nineteen oh five", "two thousand
#: and one". A bare "two thousand" needs "the year" before it: it is a count
#: far more often than a year.
SPOKEN_YEAR = (
    rf"(?:(?:eighteen|nineteen)[-\s](?:{_TENS}(?:[-\s]{_UNITS})?|{_TEENS}"
    rf"|(?:oh|o)[-\s]{_UNITS})|two\s+thousand(?:\s+and)?[-\s](?:{_TEENS}|{_UNITS})"
    rf"|(?<=year\s)two\s+thousand)\b"
)

#: Between two days of one month: "3-5 May", "April 24 and 25", "May 2 to 4".
_DAY_GAP = r"(?:\s*[-–]\s*|\s+(?:and|to|through)\s+)"

FORMS: tuple[tuple[Kind, str], ...] = (
    ("range", rf"{_DAY}{_DAY_GAP}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{YEAR})?"),
    ("range", rf"{_MONTH}\s+{_DAY}{_DAY_GAP}{_DAY}(?:,?\s+{YEAR})?"),
    (
        "day",
        rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{YEAR})?",
    ),
    ("day", rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?:the\s+)?{_DAY}(?:,?\s+{YEAR})?"),
    ("day", r"(?<![\d/-])\d{4}-\d{2}-\d{2}(?![\d-])"),
    ("day", r"(?<![\d/.])\d{1,2}/\d{1,2}/\d{4}(?![\d/])"),
    ("month", rf"(?:{MONTHS}|{_MONTH_ABBR}),?\s+(?:{YEAR}|(?i:{SPOKEN_YEAR}))"),
    (
        "month",
        rf"(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[-\s]+"
        rf"(?:{MONTHS})(?:,?\s+{YEAR})?",
    ),
    (
        "month",
        rf"(?i:(?:the\s+)?{_ORDINAL}\s+week\s+(?:of|in)\s+)(?:{MONTHS})"
        rf"(?:,?\s+{YEAR})?",
    ),
    ("month", rf"(?:{MONTHS})\s+(?i:this|last|next)\s+year"),
    (
        "year",
        rf"(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[-\s]+"
        rf"{_YEAR_AFTER_DASH}",
    ),
    # "the third quarter", "third-quarter profit", "fiscal first-quarter",
    # "the 1988 third quarter", "fiscal 1990".
    (
        "year",
        rf"(?i:(?:the\s+)?(?:{YEAR}\s+)?(?:fiscal\s+)?{_ORDINAL}[-\s]quarter)"
        rf"(?:\s+of\s+(?:fiscal\s+)?{YEAR})?",
    ),
    ("year", rf"(?i:fiscal\s+){YEAR}"),
    # "this year's third quarter", "next year's first quarter".
    (
        "year",
        rf"(?i:(?:this|last|next)\s+year['’]s\s+(?:fiscal\s+)?{_ORDINAL}[-\s]quarter)",
    ),
    # "nineteen ninety-six", "the year two thousand": years as a broadcast
    # transcript spells them.
    ("year", rf"(?i:(?:the\s+year\s+)?{SPOKEN_YEAR})"),
    ("year", rf"(?i:(?:the\s+)?(?:first|second|last)\s+half\s+of\s+){YEAR}"),
    # "profit for the first half": of the year being reported (a guard in
    # ``find_dates`` wants company-results words nearby: a match has halves).
    ("year", r"(?i:the\s+(?:first|second)\s+half)\b(?!\s+of\b|-)"),
    # "the second half of the year", "the end of the month", "the start of
    # next year": parts of a period named relative to the article's date.
    (
        "relative",
        rf"(?i:(?:the\s+)?(?:(?:first|second)\s+half|{_ORDINAL}\s+quarter"
        r"|(?:beginning|start|middle|end)|turn)\s+of\s+(?:the|this|next|last)\s+"
        r"(?:year|month|week))\b",
    ),
    # "the week of March 2", "the week of 2 March".
    (
        "month",
        rf"(?i:the\s+week\s+of\s+)(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})"
        rf"(?:,?\s+{YEAR})?",
    ),
    ("year", rf"\bQ[1-4](?:\s+{YEAR})?\b"),
    ("year", rf"\bH[12]\s+{YEAR}"),
    (
        "year",
        r"(?i:(?:the\s+)?(?:(?:early|mid|late)[-\s])?(?:the\s+)?"
        r"(?:1[5-9]\d0s|20\d0s|'\d0s|\d0s|twenties|thirties|forties|fifties"
        r"|sixties|seventies|eighties|nineties))\b",
    ),
    (
        "season",
        rf"(?i:(?:(?:this\s+past|this\s+coming|this|last|next|coming|past)\s+)?"
        r"(?:spring|summer|autumn|winter|fall))"
        rf"(?:,?\s+(?:of\s+)?(?:{YEAR}|(?i:{SPOKEN_YEAR})))?(?!-)",
    ),
    (
        "relative",
        rf"(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
        rf"|(?:yesterday|today|tomorrow|tonight)(?:\s+{PART_OF_DAY})?"
        r"|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
    ),
    (
        "day",
        rf"(?i:(?:this\s+past|this\s+coming|last|next|this|coming|past)\s+)?{_WEEKDAY}"
        rf"(?:\s+{PART_OF_DAY})?"
        r"(?:\s+(?i:last|next|this)\s+week)?",
    ),
    (
        "day",
        rf"(?:{written_names()})(?:,?\s+{YEAR})?",
    ),
    (
        "relative",
        r"(?i:(?:this|next|last|coming|previous)\s+"
        r"(?:week|weekend|month|year|quarter|decade))\b",
    ),
    ("relative", r"(?i:(?:later|earlier)\s+(?:this|in\s+the)\s+(?:year|month|week))\b"),
    (
        "window",
        rf"(?i:(?:the\s+)?(?:past|last)\s+(?:(?:{_NUMW}|few|several|couple\s+of)\s+)?"
        r"(?:days|weeks|months|quarters|years|fortnights)"
        r"|(?:the\s+)?past\s+(?:week|month|year|fortnight)|recent\s+(?:days|weeks|months|years))\b",
    ),
    (
        "relative",
        rf"(?i:{_NUMW}\s+(?:days?|weeks?|fortnights?|months?|years?|decades?)\s+ago)\b",
    ),
    ("relative", rf"(?i:in\s+{_NUMW}\s+(?:days?|weeks?|months?|years?))\b"),
    # Readings of the present ("now", "currently", "recently", "in the
    # past"): kept as readings against the article's date, never events.
    (
        "present",
        r"(?i:(?:right\s+)?now|currently|presently|at\s+present|nowadays|these\s+days"
        r"|recently"
        # "the current crisis": the adjective too.
        r"|current(?=\s+[a-z])(?!\s+(?:fiscal|year|quarter|month|week|period|account"
        r"|dollars?|prices?)\b)"
        r"|lately|(?:in\s+)?the\s+(?:recent\s+|distant\s+)?past"
        # "for the foreseeable future" says how long, not when: left out.
        r"|(?:in\s+)?the\s+(?:near\s+|distant\s+)?future"
        r"|(?:in\s+)?the\s+(?:near|short)\s+term)\b",
    ),
    # Counted from another date the text gave ("a year earlier", "the
    # year-ago quarter", "the next day", "later that year", "the quarter"):
    # ``store.ingest.reference`` reads them.
    (
        "anaphor",
        rf"(?i:{_NUMW}\s+(?:days?|weeks?|months?|quarters?|years?)"
        r"\s+(?:earlier|later|before|after)"
        r"|(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?"
        r"(?:year-ago|year-earlier|year-before|prior-year)"
        r"(?:\s+(?:(?:first|second|third|fourth)[-\s])?(?:quarter|period))?"
        r"|(?:the\s+)?(?:following|previous|preceding|prior|same)\s+"
        r"(?:day|morning|afternoon|evening|night|week|month|quarter|year)"
        # "the next year" is a stretch from the article's date; "the next
        # day" counts from the date before it.
        r"|(?:the\s+)?next\s+(?:day|morning|afternoon|evening|night)"
        r"|(?:the\s+)?day\s+(?:before|after)"
        r"|(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon"
        r"|evening|night|week|month|quarter|year)"
        r"|(?:the|that)\s+(?:latest\s+|current\s+|most\s+recent\s+|same\s+)?"
        r"(?:fiscal\s+)?(?:quarter|period)"
        rf"|(?:the\s+)?{YEAR}\s+(?:fiscal\s+)?(?:quarter|period)"
        r"|the\s+(?:current\s+|full\s+|latest\s+|fiscal\s+|current\s+fiscal\s+"
        r"|latest\s+fiscal\s+)?year)\b(?!-)",
    ),
    ("relative", r"(?i:(?:the\s+)?year[-\s]end)\b"),
    ("day", r"(?i:the\s+weekend)\b"),
    # "the 19th century", "this century".
    (
        "year",
        r"(?i:(?:the\s+)?(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)[-\s]century"
        r"|(?:this|last|next|the\s+(?:last|previous|next|current))\s+century)\b",
    ),
    # "2014-2016", "1987-88": a span of years. The second year is written
    # after a dash, which a lone year never follows.
    ("range", rf"{YEAR}[-–](?:1[5-9]\d\d|20\d\d|\d\d)(?![\d%/-])"),
    ("month", rf"(?:(?i:last|next|this)\s+)?(?:{MONTHS})"),
    ("year", rf"(?i:(?:early|mid|late)[-\s]+)?(?:the\s+year\s+)?{YEAR}"),
    ("year", rf"(?i:(?:early|mid|late)-){_YEAR_AFTER_DASH}"),
    # "post-1959 politics", "pre-2008 levels": the year, bounded
    # (``store.dates.bounds``).
    ("year", rf"(?:(?<=[Pp]re-)|(?<=[Pp]ost-)){_YEAR_AFTER_DASH}"),
    # "the coming months", "the next few quarters": a stretch from now on.
    (
        "window",
        r"(?i:(?:the\s+)?(?:coming|next\s+few|next\s+several)\s+"
        r"(?:days|weeks|months|years|quarters))\b",
    ),
)
