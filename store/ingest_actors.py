"""People and organisations named in an article, and every mention of each.

Precision over recall: a wrong actor is worse than a missing one, because
the user must notice and delete it. So a new person is proposed only when
the text says it is one: a title before the name ("President Donald Trump",
"Secretary of State Marco Rubio", "Venezuelan leader Nicolás Maduro") or the
name as subject of a speech verb ("Maria Lopez said"). An organisation needs
a head word ("Defence Ministry", "Kurdistan Democratic Party"). Known actors
of the timeline are matched first, by name and aliases.

Mentions are then tied together the way a reader does it: a surname alone
("Trump", "Petro") is the full name seen elsewhere in the article, and a
role phrase ("the U.S. president") is the person introduced with that
qualifier and title ("U.S. President Donald Trump").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from store.ingest_text import Span, word_set
from store.model import Actor, ActorKind
from store.names import fold
from store.timeline import AmbiguousActorError, Timeline

_CONNECTORS = word_set(
    "da de do dos das del della di du van der den von bin ibn al el la le y"
)
#: Capitalised words that start sentences or headings, never names.
_STOP = word_set(
    """the a an this that these those his her its their our my your he she it they
    we i you however but and or so yet also furthermore moreover meanwhile
    although though despite after before since while when where why how what who
    which whose according in on at by for from of to with without as if then
    there here such some many most several both all each every other another
    observers officials analysts critics experts sources residents witnesses
    writing speaking asked asked earlier later today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    mr mrs ms dr"""
)
_OUTLETS = frozenset(
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
_PLACES = frozenset(
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
_TITLES_CAPITAL = (
    "Vice President|President|Deputy Prime Minister|Prime Minister|Foreign Minister"
    "|Defence Minister|Defense Minister|Finance Minister|Interior Minister|Minister"
    "|Secretary of State|Secretary of Defense|Secretary-General|Secretary General"
    "|Defense Secretary|Defence Secretary|Home Secretary|Foreign Secretary"
    "|Treasury Secretary|Secretary|Chancellor|Senator|Sen\\.|Rep\\.|Representative"
    "|Congressman|Congresswoman|Governor|Gov\\.|Mayor|King|Queen|Prince|Princess"
    "|Pope|Emir|Sheikh|Ayatollah|General|Gen\\.|Admiral|Colonel|Col\\.|Commander"
    "|Captain|Capt\\.|Chief Justice|Chief Executive|Chief|Director-General"
    "|Director General|Director|Chairman"
    "|Chairwoman|CEO|Ambassador|Judge|Justice|Speaker|Premier|Mr\\.?|Mrs\\.?|Ms\\.?"
    "|Dr\\.?|Professor|Prof\\.|Coach|Archbishop|Bishop|Rabbi|Imam|Spokesman"
    "|Spokeswoman|Spokesperson|Inspector|Commissioner|Detective|Officer"
)
_TITLES_LOWER = (
    "leader|president|prime minister|foreign minister|minister|secretary"
    "|spokesman|spokeswoman|spokesperson|envoy|ambassador|senator|governor|mayor"
    "|chancellor|general|coach|chief executive|founder|analyst|economist"
    "|professor|researcher|lawyer|attorney|judge|commissioner|chair|chairman"
    "|chairwoman|striker|midfielder|goalkeeper|manager|captain|director|official"
)
# Dots only in initials ("U.S.", "W."), so a run stops at a full stop.
_NAME_WORD = r"(?:(?:[A-Z]\.){1,3}|[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*)"
#: Space inside a name: never a line break, since names do not run over
#: paragraphs in plain-text news.
_GAP = r"[ \t\u00a0]+"
_JOIN = rf"{_GAP}(?:(?:{'|'.join(sorted(_CONNECTORS))}){_GAP})*"
_NAME_RUN = rf"{_NAME_WORD}(?:{_JOIN}{_NAME_WORD})*"
_QUALIFIER = r"(?P<qual>(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|[A-Z][\w-]*(?:['’]s)?)\s+)?"
_TITLED = re.compile(
    rf"{_QUALIFIER}(?:[a-z]+-[a-z]+\s+)?"
    rf"(?P<title>(?:{_TITLES_CAPITAL})|(?:{_TITLES_LOWER}))(?:,\s+|\s+)"
    rf"(?P<name>{_NAME_RUN})"
)
_CAP_RUN = re.compile(_NAME_RUN)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|across|outside|inside)\s+(?:the\s+)?$")
#: "in Trump's diplomacy", "in Paris said": a name, not a place.
_NOT_PLACE_AFTER = re.compile(r"['’]|\s*(?:said|says|told)\b")
_TITLE_IN_RUN = re.compile(rf"(?:^|(?<=\s))(?:{_TITLES_CAPITAL})(?=\s)")
#: A run of names joined by "and"/"of": "Independent Electoral and Boundaries
#: Commission", "Ministry of Foreign Affairs".
_ORG_RUN = re.compile(
    rf"{_NAME_RUN}(?:{_GAP}(?:and|of|for|of{_GAP}the){_GAP}{_NAME_RUN})*"
)
_TITLE_WORDS = frozenset(
    fold(t) for t in re.split(r"\|", _TITLES_CAPITAL + "|" + _TITLES_LOWER)
) | frozenset(fold(t.replace("\\", "")) for t in _TITLES_CAPITAL.split("|"))
_ORG_HEADS = word_set(
    """ministry department party council commission agency bank court parliament
    congress senate army police union organisation organization association
    institute university committee front movement company corporation group
    forces office authority federation fund coalition league board foundation
    assembly cabinet government service services guard brigade"""
)
_SPEECH = (
    r"said|says|say|told|tells|added|adds|warned|warns|wrote|writes|stated|states"
    r"|announced|announces|insisted|insists|claimed|claims|argued|argues|noted"
    r"|notes|posted|tweeted|urged|urges|predicted|vowed|promised|declared|replied"
    r"|responded|explained|explains|accused|called|calls|described|denied|denies"
    r"|confirmed|confirms|admitted|admits|acknowledged|asked|asks"
)
_SPEAKS_AFTER = re.compile(rf",?\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:{_SPEECH})\b")
_NATIONALITY = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][a-z]+(?:an|ian|ese|ish|i|ch|ic)")
_HEAD_TITLES = frozenset({"president", "leader", "prime minister", "premier"})


@dataclass
class Entity:
    """One actor of the article, new or known, and the names it goes by."""

    key: str
    name: str
    kind: ActorKind = "person"
    aliases: list[str] = field(default_factory=list)
    known: Actor | None = None
    title: str = ""
    qualifier: str = ""

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if fold(alias) != fold(self.name) and all(
            fold(alias) != fold(a) for a in self.aliases
        ):
            self.aliases.append(alias)

    @property
    def tokens(self) -> set[str]:
        return {
            t for t in fold(self.name).split() if t not in _CONNECTORS and len(t) > 1
        }


@dataclass(frozen=True)
class Mention:
    """``text[span]`` refers to the entity ``key``; ``role`` for "the U.S.
    president"-style references rather than names."""

    span: Span
    key: str
    role: bool = False


@dataclass
class ActorFinding:
    entities: dict[str, Entity]
    mentions: list[Mention]

    def in_span(self, span: Span) -> list[Mention]:
        return [m for m in self.mentions if span[0] <= m.span[0] < span[1]]


class _Finder:
    def __init__(self, text: str, regions: list[Span], timeline: Timeline | None):
        self.text = text
        self.regions = regions
        self.timeline = timeline
        self.entities: dict[str, Entity] = {}
        self.mentions: dict[Span, Mention] = {}
        self.outlets = set(_OUTLETS)
        self.places = set(_PLACES)
        self._known_cache: dict[str, Actor | None] = {}
        self._resolved: dict[str, Entity | None] = {}

    # -- helpers ---------------------------------------------------------
    def _known(self, name: str) -> Actor | None:
        key = fold(name)
        if key not in self._known_cache:
            self._known_cache[key] = self._lookup(name)
        return self._known_cache[key]

    def _lookup(self, name: str) -> Actor | None:
        if self.timeline is None or fold(name) in self.places:
            return None
        try:
            actor = self.timeline.find_actor(name)
        except AmbiguousActorError:
            return None
        if actor is None:
            return None
        key = fold(name)
        if any(fold(n) == key for n in actor.names):
            return actor
        # A part of a name ("Petro" of "Gustavo Petro") is a person's surname
        # or given name; a word of a role alias ("U.S." of "the U.S.
        # president") is not a name at all.
        proper = [n for n in actor.names if n[:1].isupper()]
        wanted = key.split()
        for known in proper:
            words = fold(known).split()
            n = len(wanted)
            if any(words[i : i + n] == wanted for i in range(len(words) - n + 1)):
                return actor if actor.kind == "person" else None
        return None

    def _entity_for_known(self, actor: Actor) -> Entity:
        key = f"known:{actor.id}"
        if key not in self.entities:
            self.entities[key] = Entity(key, actor.name, actor.kind, [], actor)
        return self.entities[key]

    def _mention(
        self, start: int, end: int, entity: Entity, role: bool = False
    ) -> None:
        span = (start, end)
        self.mentions.setdefault(span, Mention(span, entity.key, role))

    def _runs(self) -> Iterable[re.Match[str]]:
        for start, end in self.regions:
            yield from _CAP_RUN.finditer(self.text, start, end)

    def _org_runs(self) -> Iterable[re.Match[str]]:
        for start, end in self.regions:
            yield from _ORG_RUN.finditer(self.text, start, end)

    # -- passes ----------------------------------------------------------
    def note_places_and_outlets(self) -> None:
        """Runs after "in"/"at"/"from" are places; "(AFP)" marks an outlet."""
        for match in self._runs():
            name = _clean(match.group())
            before = self.text[max(0, match.start() - 20) : match.start()]
            after = self.text[match.end() : match.end() + 12]
            if _PLACE_BEFORE.search(before) and not _NOT_PLACE_AFTER.match(after):
                self.places.add(fold(name))
            acronym = re.match(r"\s*\(([A-Z][A-Za-z0-9.]{1,9})\)", after)
            if acronym and (
                re.search(r"(?i)according to\s+$", before) or fold(name) in self.outlets
            ):
                self.outlets.update({fold(name), fold(acronym.group(1))})

    def titled(self) -> None:
        """Names after titles. The scan resumes at each name, since a name
        may hold the next title ("project manager, Dr. Lena Ortiz")."""
        for start, end in self.regions:
            pos = start
            while (match := _TITLED.search(self.text, pos, end)) is not None:
                self._titled_match(match)
                pos = match.start("name")

    def _titled_match(self, match: re.Match[str]) -> None:
        name = _clean(match["name"])
        title = match["title"]
        words = name.split()
        if not words or fold(words[0]) in _STOP or fold(name) in self.places:
            return
        if fold(name) in self.outlets:
            return
        lower_title = title[0].islower()
        if lower_title and len(words) < 2:
            return  # "the leader Trump": too weak without a full name
        name_start = match.start("name")
        known = self._known(name)
        if known is not None:
            entity = self._entity_for_known(known)
        elif len(words) >= 2:
            entity = self.entities.setdefault(fold(name), Entity(fold(name), name))
        else:
            return  # "President Trump": resolved once full names are known
        qual = (match["qual"] or "").strip()
        if qual and fold(qual) not in _STOP and _NATIONALITY.fullmatch(qual):
            entity.qualifier = entity.qualifier or qual
        entity.title = entity.title or title.rstrip(".")
        self._mention(name_start, name_start + len(name), entity)

    def speech_subjects(self) -> None:
        """ "Maria Lopez said": a full name before a speech verb is a person."""
        for match in self._runs():
            name = _strip_titles(_clean(_strip_stop(match.group())))
            if len(name.split()) < 2 or not _SPEAKS_AFTER.match(self.text, match.end()):
                continue
            if fold(name) in self.places or fold(name) in self.outlets:
                continue
            if _org_head(name) or fold(name) in self.entities:
                continue
            if self._resolve_tail(name) is not None:
                continue  # "State Marco Rubio": the end of a known name
            if self._known(name) is None:
                self.entities[fold(name)] = Entity(fold(name), name)

    def organisations(self) -> None:
        for match in self._org_runs():
            name = _org_name(match.group())
            if len(name.split()) < 2 or not _org_head(name):
                continue
            if fold(name) in self.places or fold(name) in self.outlets:
                continue
            if self._known(name) is None and fold(name) not in self.entities:
                self.entities[fold(name)] = Entity(fold(name), name, "organisation")
            window = self.text[match.end() : match.end() + 14]
            after = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", window)
            if after and fold(name) in self.entities:
                self.entities[fold(name)].add_alias(after.group(1))

    def link_runs(self) -> None:
        """Every capitalised run that names an entity, known or new."""
        self._resolved.clear()
        for joined in self._org_runs():
            name = _org_name(joined.group())
            entity = self.entities.get(fold(name))
            where = _locate(self.text, joined.span(), name)
            if entity is not None and entity.kind == "organisation" and where:
                self._mention(*where, entity)
                continue
            for match in _CAP_RUN.finditer(self.text, *joined.span()):
                self._link_run(match)

    def _link_run(self, match: re.Match[str]) -> None:
        name = _clean(_strip_stop(match.group()))
        if not name:
            return
        entity = self._resolve(name)
        if entity is None:
            tail = self._resolve_tail(name)
            if tail is None:
                return
            entity, name = tail
        where = _locate(self.text, match.span(), name, last=True)
        if where is not None:
            self._mention(*where, entity)
            self._alias_from(entity, where[0], name)

    def _resolve(self, name: str) -> Entity | None:
        """The entity ``name`` refers to. Memoised: while runs are linked no
        entity is created, so an answer stays right for the whole pass."""
        if name not in self._resolved:
            self._resolved[name] = self._resolve_now(name)
        return self._resolved[name]

    def _resolve_now(self, name: str) -> Entity | None:
        key = fold(name)
        if not key or key in self.outlets or key in _STOP or key in _TITLE_WORDS:
            return None
        if key in self.entities:
            return self.entities[key]
        for entity in self.entities.values():
            if key == fold(entity.name) or any(key == fold(a) for a in entity.aliases):
                return entity
        words = key.split()
        if len(words) == 1:
            holders = [e for e in self.entities.values() if words[0] in e.tokens]
            if len(holders) == 1:
                return holders[0]
        if key in self.places:
            return None
        known = self._known(name)
        return self._entity_for_known(known) if known is not None else None

    def _resolve_tail(self, name: str) -> tuple[Entity, str] | None:
        """ "Colombian President Petro": the words after a title word."""
        words = name.split()
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            entity = self._resolve(tail)
            if entity is not None:
                return entity, tail
        return None

    def _alias_from(self, entity: Entity, start: int, name: str) -> None:
        """Keep the surname and "Title Surname" forms the article uses."""
        if entity.known is not None or entity.kind != "person":
            return
        if len(name.split()) == 1:
            entity.add_alias(name)
            window = self.text[max(0, start - 30) : start]
            before = re.search(rf"\b({_TITLES_CAPITAL})\s+$", window)
            if before:
                entity.add_alias(f"{before.group(1)} {name}")

    def roles(self) -> None:
        """ "the U.S. president" is whoever was introduced as U.S. President."""
        by_qual: dict[str, list[Entity]] = {}
        for entity in self.entities.values():
            if entity.qualifier:
                by_qual.setdefault(fold(entity.qualifier), []).append(entity)
        pattern = re.compile(
            r"\b[Tt]he\s+(?P<qual>(?:[A-Z]\.){2,}|[A-Z][a-z]+)\s+"
            r"(?P<title>president|leader|prime minister|premier|[a-z]+ minister"
            r"|secretary of state|chancellor)\b"
        )
        for start, end in self.regions:
            for match in pattern.finditer(self.text, start, end):
                holders = by_qual.get(fold(match["qual"]), [])
                if len(holders) != 1:
                    continue
                entity = holders[0]
                title = fold(entity.title)
                said = match["title"]
                if title != fold(said) and not (
                    said in _HEAD_TITLES and title in _HEAD_TITLES
                ):
                    continue
                self._mention(match.start(), match.end(), entity, role=True)
                if title == fold(said) and entity.known is None:
                    entity.add_alias(f"the {match['qual']} {said}")
        self._known_role_aliases()

    def _known_role_aliases(self) -> None:
        """Aliases of known actors that are not names ("the U.S. president")."""
        if self.timeline is None:
            return
        for actor in self.timeline.actors_by_id.values():
            for alias in actor.aliases:
                if not alias[:1].islower():
                    continue
                pattern = re.compile(rf"(?i)\b{re.escape(alias)}\b")
                for start, end in self.regions:
                    for match in pattern.finditer(self.text, start, end):
                        entity = self._entity_for_known(actor)
                        self._mention(match.start(), match.end(), entity, role=True)


def find_actors(
    text: str, regions: list[Span], timeline: Timeline | None = None
) -> ActorFinding:
    """Entities and mentions in ``text[region]`` for each region."""
    finder = _Finder(text, regions, timeline)
    finder.note_places_and_outlets()
    finder.titled()
    finder.speech_subjects()
    finder.organisations()
    finder.link_runs()
    finder.roles()
    mentions = sorted(finder.mentions.values(), key=lambda m: m.span)
    used = {m.key for m in mentions}
    entities = {k: e for k, e in finder.entities.items() if k in used}
    for entity in entities.values():
        if entity.kind == "person" and not entity.title and entity.known is None:
            entity.title = ""
    return ActorFinding(entities, mentions)


def _clean(name: str) -> str:
    """A run without a possessive or a sentence's full stop."""
    name = re.sub(r"['’]s?$", "", name.strip())
    if name.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr)\.$", name):
        name = name[:-1]
    return name


def _strip_stop(run: str) -> str:
    """Drop leading words that only start a sentence ("However Trump")."""
    words = run.split()
    while words and fold(words[0]) in _STOP:
        words.pop(0)
    return " ".join(words)


def _strip_titles(name: str) -> str:
    """ "U.S. President Donald Trump", "Energy Minister Terje Aasland" ->
    the words after the last title."""
    ends = [m.end() for m in _TITLE_IN_RUN.finditer(name)]
    return name[ends[-1] :].strip() if ends else name


def _locate(text: str, within: Span, name: str, *, last: bool = False) -> Span | None:
    """Where the words of ``name`` stand in ``text[within]``, whatever the
    spaces between them; the last such place if ``last``."""
    words = r"[ \t\u00a0]+".join(re.escape(w) for w in name.split())
    found = list(re.finditer(words, text[within[0] : within[1]]))
    if not found:
        return None
    match = found[-1] if last else found[0]
    return within[0] + match.start(), within[0] + match.end()


def _org_name(run: str) -> str:
    """An organisation's name from a run: no "The", no "Kenya's" before it."""
    name = _clean(_strip_stop(run))
    words = name.split()
    if len(words) > 2 and re.search(r"['’]s$", words[0]):
        name = " ".join(words[1:])
    return name


def _org_head(name: str) -> bool:
    return any(word in _ORG_HEADS for word in fold(name).split()[1:])
