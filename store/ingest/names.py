"""The vocabulary of names in news text: titles, stop words, outlets, places.

Word lists and patterns for ``dateline.store.ingest.actors``, kept apart so that
module holds only the reasoning. Lists are short on purpose: each entry is a
word that, in English news, reliably marks (or rules out) a name.
"""

from __future__ import annotations

import re

from dateline.store.ingest.text import Span, word_set
from dateline.store.model import ActorKind
from dateline.store.names import fold

CONNECTORS = word_set(
    "da de do dos das del della di du van der den von bin ibn al el la le y"
)
#: Capitalised words that start sentences or headings, never names.
STOP_WORDS = word_set(
    """the a an this that these those his her its their our my your he she it they
    we i you however but and or so yet also furthermore moreover meanwhile
    although though despite after before since while when where why how what who
    which whose according in on at by for from of to with without as if then
    there here such some many most several both all each every other another
    observers officials analysts critics experts sources residents witnesses
    writing speaking asked earlier later today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    mr mrs ms dr"""
)
OUTLETS = frozenset(
    fold(name)
    for name in (
        "AFP",
        "Agence France-Presse",
        "Reuters",
        "AP",
        "Associated Press",
        "BBC",
        "CNN",
        "Al Jazeera",
        "Bloomberg",
        "Xinhua",
        "TASS",
        "Kurdistan24",
        "Rudaw",
        "New York Times",
        "Washington Post",
        "Guardian",
        "Le Monde",
        "Der Spiegel",
        "Fox News",
        "NPR",
        "dpa",
        "EFE",
        "Kyodo",
        "Yonhap",
        "Anadolu",
    )
)
#: Well-known places a title-less capitalised run often is.
PLACES = frozenset(
    fold(name)
    for name in (
        "White House",
        "Kremlin",
        "Pentagon",
        "Downing Street",
        "Capitol Hill",
        "Washington",
        "United States",
        "United Nations",
        "European Union",
        "Latin America",
        "Middle East",
    )
)
TITLES_CAPITAL = (
    "Vice President|President|Deputy Prime Minister|Prime Minister|Foreign Minister"
    "|Defence Minister|Defense Minister|Finance Minister|Interior Minister|Minister"
    "|Secretary of State|Secretary of Defense|Secretary-General|Secretary General"
    "|Defense Secretary|Defence Secretary|Home Secretary|Foreign Secretary"
    "|Treasury Secretary|Secretary|Chancellor|Senator|Sen\\.|Rep\\.|Representative"
    "|Congressman|Congresswoman|Governor|Gov\\.|Mayor|King|Queen|Prince|Princess"
    "|Pope|Emir|Sheikh|Ayatollah|General|Gen\\.|Admiral|Colonel|Col\\.|Commander"
    "|Captain|Capt\\.|Chief Justice|Chief Executive|Chief|Director-General"
    "|Director General|Director|Chairman|Assistant District Attorney"
    "|District Attorney|Attorney General|Attorney|Prosecutor|Councilman|Councilwoman"
    "|Councillor|Rev\\.|Reverend"
    "|Chairwoman|CEO|Ambassador|Judge|Justice|Speaker|Premier|Mr\\.?|Mrs\\.?|Ms\\.?"
    "|Dr\\.?|Professor|Prof\\.|Coach|Archbishop|Bishop|Rabbi|Imam|Spokesman"
    "|Spokeswoman|Spokesperson|Inspector|Commissioner|Detective|Officer|Mediator"
)
TITLES_LOWER = (
    "leader|president|prime minister|foreign minister|minister|secretary"
    "|spokesman|spokeswoman|spokesperson|envoy|ambassador|senator|governor|mayor"
    "|chancellor|general|coach|chief executive|founder|analyst|economist"
    "|professor|researcher|lawyer|attorney|judge|commissioner|chair|chairman"
    "|chairwoman|striker|midfielder|goalkeeper|manager|captain|director|official"
    "|chief|mediator"
)
# Dots only in initials ("U.S.", "W."), so a run stops at a full stop.
_NAME_WORD = r"(?:(?:[A-Z]\.){1,3}|[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*)"
#: Space inside a name: never a line break, since names do not run over
#: paragraphs in plain-text news.
GAP = r"[ \t\u00a0]+"
_JOIN = rf"{GAP}(?:(?:{'|'.join(sorted(CONNECTORS))}){GAP})*"
NAME_RUN = rf"{_NAME_WORD}(?:{_JOIN}{_NAME_WORD})*"
_QUALIFIER = r"(?P<qual>(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|[A-Z][\w-]*(?:['’]s)?)\s+)?"
TITLED = re.compile(
    rf"{_QUALIFIER}(?:[a-z]+-[a-z]+\s+)?"
    rf"(?P<title>(?:{TITLES_CAPITAL})|(?:{TITLES_LOWER}))(?:,\s+|\s+)"
    rf"(?P<name>{NAME_RUN})"
)
CAP_RUN = re.compile(NAME_RUN)
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|across|outside|inside)\s+(?:the\s+)?$")
#: "in Trump's diplomacy", "in Paris said": a name, not a place.
NOT_PLACE_AFTER = re.compile(r"['’]|\s*(?:said|says|told)\b")
_TITLE_IN_RUN = re.compile(rf"(?:^|(?<=\s))(?:{TITLES_CAPITAL})(?=\s)")
#: A run of names joined by "and"/"of": "Independent Electoral and Boundaries
#: Commission", "Ministry of Foreign Affairs".
ORG_RUN = re.compile(rf"{NAME_RUN}(?:{GAP}(?:and|of|for|of{GAP}the){GAP}{NAME_RUN})*")
TITLE_WORDS = frozenset(
    fold(t) for t in re.split(r"\|", TITLES_CAPITAL + "|" + TITLES_LOWER)
) | frozenset(fold(t.replace("\\", "")) for t in TITLES_CAPITAL.split("|"))
_PUBLIC_HEADS = word_set(
    """ministry department party council commission agency bank court parliament
    congress senate army police union organisation organization association
    institute university committee front movement company corporation group
    forces office authority federation fund coalition league board foundation
    assembly cabinet government service services guard brigade confederation
    alliance bureau administration tribunal society chamber democrats
    republicans conservatives liberals socialists greens"""
)
#: A company's name ends in what it does or how it is registered.
COMPANY_HEADS = word_set(
    """motors motor pharma pharmaceuticals chemicals energy petroleum oil gas
    steel mining airlines airways line lines shipping logistics holdings
    industries technologies systems capital securities research partners
    insurance media telecom foods inc corp ltd plc llc ag sa nv company
    corporation group bank"""
)
ORG_HEADS = _PUBLIC_HEADS | COMPANY_HEADS
#: A lower-case noun that says what the name after it is: "British oil major
#: Corvane Energy", "payments startup Quillpay", "the port operators'
#: association ZDS". The same nouns name it later: "the carmaker said".
ORG_NOUNS = (
    "carmaker|automaker|drugmaker|chipmaker|planemaker|steelmaker|company|firm"
    "|startup|start-up|lender|insurer|airline|carrier|retailer|miner|conglomerate"
    "|shipping line|oil major|major|producer|manufacturer|supplier|operator"
    "|association|union|agency|regulator|watchdog|broadcaster|utility|developer"
    "|alliance|ministry|group"
)
ORG_DESCRIBED = re.compile(
    rf"(?<![\w’'-])(?P<noun>{ORG_NOUNS})(?P<comma>,)?[ \t\u00a0]+(?=[A-ZÀ-ÖØ-Þ])"
)
#: Nouns that stand for a business, which "the company" may also mean.
COMPANY_NOUNS = word_set(
    """carmaker automaker drugmaker chipmaker planemaker steelmaker company firm
    startup start-up lender insurer airline carrier retailer miner conglomerate
    major producer manufacturer supplier operator broadcaster utility developer
    group"""
) | {"shipping line", "oil major"}
#: "the company said", "the carmaker's plant": a later mention of a business
#: or body introduced before.
ORG_ROLE = re.compile(
    rf"\b[Tt]he[ \t\u00a0]+(?P<noun>{ORG_NOUNS})\b(?![ \t]+(?:of|for)\b)"
)
#: Words a person is described by after their name: "Kevin Ostrowski, a
#: shop steward", "Rolf Baumann, a German diplomat", "Andriy Sydorenko,
#: Zelenskyy's deputy chief of staff".
PERSON_NOUNS = (
    f"{TITLES_LOWER}|steward|diplomat|lawyer|worker|nurse|resident|founder"
    "|executive|officer|engineer|farmer|teacher|doctor|student|activist|witness"
    "|defendant|owner|employee|adviser|advisor|aide|deputy|head|banker|trader"
    "|staff|citizen|mother|father|son|daughter|wife|husband|veteran|pilot"
    "|driver|scientist|expert|candidate|politician|lawmaker|legislator|MP"
)
#: "Dana Whitfield, who ...", "Kevin Ostrowski, a shop steward who ...":
#: a name, a comma, then who the person is.
PERSON_AFTER = re.compile(
    r",[ \t\u00a0]+(?:who\b|whose\b|(?:an?|the|[A-Z][\w’'-]*['’]s?)[ \t\u00a0]+"
    rf"(?:[\w’'-]+[ \t\u00a0]+){{0,4}}?(?:{PERSON_NOUNS})\b)"
)
#: Before a mention of a body that is only cited, or employs someone:
#: "according to the Federal Statistical Office", "an analyst at Halden
#: Capital", "a lawyer for Ellery". Such a body is not an actor.
CITED_BEFORE = re.compile(
    r"\b(?:at|for|of|according[ \t]+to(?:[ \t]+(?:the[ \t]+)?(?:data|figures"
    r"|statistics)[ \t]+from)?)[ \t\u00a0]+(?:the[ \t\u00a0]+)?$"
)
SPEECH = (
    r"said|says|say|told|tells|added|adds|warned|warns|wrote|writes|stated|states"
    r"|announced|announces|insisted|insists|claimed|claims|argued|argues|noted"
    r"|notes|posted|tweeted|urged|urges|predicted|vowed|promised|declared|replied"
    r"|responded|explained|explains|accused|called|calls|described|denied|denies"
    r"|confirmed|confirms|admitted|admits|acknowledged|asked|asks"
)
SPEAKS_AFTER = re.compile(rf",?\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:{SPEECH})\b")
#: "Tony Alvarez, a line supervisor at the plant, told", "Lockheed Martin,
#: which builds the F-16, said": a name, a clause set off by commas, a speech
#: verb. "which" makes it an organisation.
APPOSITIVE_SPEAKS = re.compile(
    r",\s+(?P<opener>who|which|a|an|the|one)\s+[^,;\"“”\n]{1,100},\s+"
    rf"(?:has\s+|had\s+|also\s+|later\s+)?(?:{SPEECH})\b"
)
#: "a unit of Northline", "the world's biggest copper producer": the head
#: noun of a description (its last word before "of", "for", "at"...) says a
#: business, where "a lawyer for the company" says a person.
_BUSINESS_HEAD = re.compile(
    r"(?:an?|the|one)\s+(?:(?!(?:of|for|at|in|with)\s)[\w’'-]+\s+){0,4}?"
    rf"(?:unit|subsidiary|division|arm|affiliate|{ORG_NOUNS})"
    r"(?=\s+(?:of|for|at|in|with|that|which|based|owned)\b|\s*,)"
)
#: "Sarah Jenkins, 58, from Leeds": a name with an age is a person.
AGE_AFTER = re.compile(r",\s+\d{1,3},")
#: '"...," said Oleh Marchenko': a name right after a quotation and "said".
SAID_BEFORE = re.compile(
    rf"[,.!?]?[\"”’]\s+(?:{SPEECH})\s+(?:(?:{TITLES_CAPITAL})\s+)?$"
)
#: "the Western Hemisphere", "a New Yorker": a name takes no article.
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
NATIONALITY = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][a-z]+(?:an|ian|ese|ish|i|ch|ic)")
HEAD_TITLES = frozenset({"president", "leader", "prime minister", "premier"})


def initials(name: str) -> str:
    """ "United Auto and Machine Workers" -> "UAMW": the capitals of its words."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def clean_name(name: str) -> str:
    """A run without a possessive or a sentence's full stop."""
    name = re.sub(r"['’]s?$", "", name.strip())
    if name.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr)\.$", name):
        name = name[:-1]
    return name


def strip_stop(run: str) -> str:
    """Drop leading words that only start a sentence ("However Trump")."""
    words = run.split()
    while words and fold(words[0]) in STOP_WORDS:
        words.pop(0)
    return " ".join(words)


def strip_titles(name: str) -> str:
    """ "U.S. President Donald Trump", "Energy Minister Terje Aasland" ->
    the words after the last title."""
    ends = [m.end() for m in _TITLE_IN_RUN.finditer(name)]
    return name[ends[-1] :].strip() if ends else name


def locate(text: str, within: Span, name: str, *, last: bool = False) -> Span | None:
    """Where the words of ``name`` stand in ``text[within]``, whatever the
    spaces between them; the last such place if ``last``."""
    words = r"[ \t\u00a0]+".join(re.escape(w) for w in name.split())
    found = list(re.finditer(words, text[within[0] : within[1]]))
    if not found:
        return None
    match = found[-1] if last else found[0]
    return within[0] + match.start(), within[0] + match.end()


def org_name(run: str) -> str:
    """An organisation's name from a run: no "The", no "Kenya's" before it."""
    name = clean_name(strip_stop(run))
    words = name.split()
    if len(words) > 2 and re.search(r"['’]s$", words[0]):
        name = " ".join(words[1:])
    return name


def has_org_head(name: str) -> bool:
    """ "Defence Ministry", and "Department of Health", "Bank of England"."""
    words = fold(name).split()
    if len(words) > 2 and words[0] in ORG_HEADS and words[1] in ("of", "for"):
        return True
    return any(word in ORG_HEADS for word in words[1:])


def has_public_head(name: str) -> bool:
    """ "Port of Hamburg Authority", "Energy Ministry": a public body."""
    return any(word in _PUBLIC_HEADS for word in fold(name).split())


def has_company_head(name: str) -> bool:
    """ "Velden Motors", "Halvard Pharma": a business by its last words."""
    return any(word in COMPANY_HEADS for word in fold(name).split()[1:])


def speaking_kind(text: str, start: int, end: int) -> ActorKind | None:
    """What the name at ``text[start:end]`` is, when the words around it say
    it speaks or has an age; None when they say nothing."""
    if SPEAKS_AFTER.match(text, end) or AGE_AFTER.match(text, end):
        return "person"
    appositive = APPOSITIVE_SPEAKS.match(text, end)
    if appositive is not None:
        if appositive["opener"] == "which" or _BUSINESS_HEAD.match(
            text, appositive.start("opener")
        ):
            return "organisation"  # "Andina Copper, a unit of ..., said"
        return "person"
    if SAID_BEFORE.search(text, max(0, start - 40), start):
        return "person"
    return None
