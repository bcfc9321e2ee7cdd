"""People and organisations named in an article, and every mention of each.

Precision over recall: a wrong actor is worse than a missing one, because
the user must notice and delete it. So a new person is proposed only when
the text says it is one: a title before the name ("President Donald Trump",
"Secretary of State Marco Rubio", "Venezuelan leader Nicolás Maduro"), the
name as subject of a speech verb ("Maria Lopez said"), or a description
after it ("Kevin Ostrowski, a shop steward", "Dana Whitfield, who ...").
An organisation needs a head word ("Defence Ministry", "Velden Motors"), a
noun saying what it is ("oil major Corvane Energy"), or its acronym right
after its long form ("United Auto and Machine Workers (UAMW)"). A body
every mention of which only cites or employs ("according to ...", "an
analyst at ...") is dropped, as is a paper that only reports. Known actors
of the timeline are matched first, by name and aliases.

Mentions are then tied together the way a reader does it: a surname alone
("Trump", "Petro") is the full name seen elsewhere in the article, or a
spelling of it ("Zelenskiy" for Zelenskyy); an acronym is the body whose
initials it is ("NATO"); a role phrase ("the U.S. president") is the person
introduced with that qualifier and title ("U.S. President Donald Trump"),
and "the carmaker" or "the company" the business being talked about.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from dateline.store.errors import AmbiguousActorError
from dateline.store.ingest.entities import ActorFinding, Entity, Mention
from dateline.store.ingest.names import (
    ARTICLE_BEFORE,
    CAP_RUN,
    CITED_BEFORE,
    COMPANY_HEADS,
    COMPANY_NOUNS,
    HEAD_TITLES,
    NATIONALITY,
    NOT_PLACE_AFTER,
    ORG_DESCRIBED,
    ORG_ROLE,
    ORG_RUN,
    OUTLETS,
    PERSON_AFTER,
    PLACE_BEFORE,
    PLACES,
    STOP_WORDS,
    TITLE_WORDS,
    TITLED,
    TITLES_CAPITAL,
    TITLES_LOWER,
    clean_name,
    has_company_head,
    has_org_head,
    has_public_head,
    initials,
    locate,
    org_name,
    speaking_kind,
    strip_stop,
    strip_titles,
)
from dateline.store.ingest.text import Span
from dateline.store.model import Actor
from dateline.store.names import alike_among, fold

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

#: "The Detroit Free Press reported": a paper telling the news, not making it.
_REPORTS_AFTER = re.compile(r"\s+(?:newspaper\s+|daily\s+)?(?:reported|reports)\b")


def _named_after(entity: Entity, word: str) -> bool:
    """ "Velsen" in "Port of Velsen Authority": the place a body is named
    after, which alone names the place, not the body."""
    if entity.kind != "organisation":
        return False
    words = fold(entity.name).split()
    return any(words[i - 1] == "of" for i in range(1, len(words)) if words[i] == word)


#: Where a sentence ends inside a region, roughly: enough to find "this
#: sentence or the one before" for "the company said".
_SENTENCE_GAP = re.compile(r"(?<![A-Z])[.!?][\"”’]?\s+(?=[\"“]?[A-Z])")


class _Finder:
    def __init__(self, text: str, regions: list[Span], timeline: Timeline | None):
        self.text = text
        self.regions = regions
        self.timeline = timeline
        self.entities: dict[str, Entity] = {}
        self.mentions: dict[Span, Mention] = {}
        self.outlets = set(OUTLETS)
        self.places = set(PLACES)
        self._known_cache: dict[str, Actor | None] = {}
        self._resolved: dict[str, Entity | None] = {}
        #: (folded word, person) of every person's name, for spellings:
        #: built once the people are known (no entity is made after that).
        self._tokens: list[tuple[str, Entity]] | None = None
        self._known_people: list[tuple[str, Actor]] | None = None

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
            return self._known_spelling(name)
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

    def _known_spelling(self, name: str) -> Actor | None:
        """A known person whose full name is ``name`` spelt another way
        ("Volodymyr Zelenskiy" for Volodymyr Zelenskyy)."""
        if self.timeline is None or len(name.split()) < 2:
            return None
        if self._known_people is None:
            self._known_people = [
                (fold(n), actor)
                for actor in self.timeline.actors_by_id.values()
                if actor.kind == "person"
                for n in actor.names
                if len(n.split()) >= 2
            ]
        keys = [key for key, _actor in self._known_people]
        found = {self._known_people[i][1].id: self._known_people[i][1]
                 for i in alike_among(name, keys)}  # fmt: skip
        return next(iter(found.values())) if len(found) == 1 else None

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
            yield from CAP_RUN.finditer(self.text, start, end)

    def _org_runs(self) -> Iterable[re.Match[str]]:
        for start, end in self.regions:
            yield from ORG_RUN.finditer(self.text, start, end)

    # -- passes ----------------------------------------------------------
    def note_places_and_outlets(self) -> None:
        """Runs after "in"/"at"/"from" are places; "(AFP)" marks an outlet."""
        for match in self._runs():
            name = clean_name(match.group())
            before = self.text[max(0, match.start() - 20) : match.start()]
            after = self.text[match.end() : match.end() + 12]
            if (
                PLACE_BEFORE.search(before)
                and not NOT_PLACE_AFTER.match(after)
                and not has_org_head(name)  # "in Pike County Circuit Court"
            ):
                self.places.add(fold(name))
            if _REPORTS_AFTER.match(self.text, match.end()) or re.search(
                r"\bnewspaper\s+$", before
            ):
                self.outlets.add(fold(name))  # a paper that reports is no actor
            acronym = re.match(r"\s*\(([A-Z][A-Za-z0-9.]{1,9})\)", after)
            if acronym and (
                re.search(r"(?i)according to\s+$", before) or fold(name) in self.outlets
            ):
                self.outlets.update({fold(name), fold(acronym.group(1))})

    def described(self) -> None:
        """ "British oil major Corvane Energy", "payments startup Quillpay":
        a name after a noun saying what business or body it is."""
        for start, end in self.regions:
            for noun in ORG_DESCRIBED.finditer(self.text, start, end):
                run = CAP_RUN.match(self.text, noun.end(), end)
                if run is None:
                    continue
                if noun["comma"] and self.text[run.end() : run.end() + 1] != ",":
                    continue  # "the grid operator, Ukrenergo, said": set off both sides
                name = clean_name(run.group())
                key = fold(name)
                if not key or key in STOP_WORDS or key in self.outlets:
                    continue
                if self._known(name) is not None:
                    continue
                # "assets at QazNeftegaz" looked like a place; the noun says not.
                self.places.discard(key)
                entity = self.entities.setdefault(key, Entity(key, name))
                entity.kind = "organisation"
                entity.descriptor = entity.descriptor or noun["noun"]

    def titled(self) -> None:
        """Names after titles. The scan resumes at each name, since a name
        may hold the next title ("project manager, Dr. Lena Ortiz")."""
        for start, end in self.regions:
            pos = start
            while (match := TITLED.search(self.text, pos, end)) is not None:
                self._titled_match(match)
                pos = match.start("name")

    def _titled_match(self, match: re.Match[str]) -> None:
        name = clean_name(match["name"])
        title = match["title"]
        words = name.split()
        if not words or fold(words[0]) in STOP_WORDS or fold(name) in self.places:
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
        if qual and fold(qual) not in STOP_WORDS and NATIONALITY.fullmatch(qual):
            entity.qualifier = entity.qualifier or qual
        entity.title = entity.title or title.rstrip(".")
        self._mention(name_start, name_start + len(name), entity)

    def speech_subjects(self) -> None:
        """A full name that speaks is a person: "Maria Lopez said", "Maria
        Lopez, a nurse, said", '"...," said Maria Lopez'; so is one given an
        age ("Maria Lopez, 58,"). "Name, which ..., said" is an organisation."""
        org_spans: list[Span] | None = None
        for match in self._runs():
            name = strip_titles(clean_name(strip_stop(match.group())))
            if len(name.split()) < 2:
                continue
            kind = speaking_kind(self.text, *match.span())
            if kind is None and PERSON_AFTER.match(self.text, match.end()):
                kind = "person"  # "Kevin Ostrowski, a shop steward"
            if kind is None:
                continue
            if fold(name) in self.places or fold(name) in self.outlets:
                continue
            if has_org_head(name) or fold(name) in self.entities:
                continue
            if ARTICLE_BEFORE.search(
                self.text, max(0, match.start() - 5), match.start()
            ):
                continue
            if org_spans is None:
                org_spans = [
                    m.span()
                    for m in self._org_runs()
                    if has_org_head(org_name(m.group()))
                ]
            if any(
                s <= match.start() and match.end() <= e and (s, e) != match.span()
                for s, e in org_spans
            ):
                continue  # "Social Care" of "Department of Health and Social Care"
            if self._resolve_tail(name) is not None:
                continue  # "State Marco Rubio": the end of a known name
            if self._known(name) is None:
                self.entities[fold(name)] = Entity(fold(name), name, kind)

    def organisations(self) -> None:
        for match in self._org_runs():
            name = org_name(match.group())
            if " and " in name and fold(name).split()[-1] in COMPANY_HEADS:
                # "Thyssenkrupp and Tata Steel": two businesses, not one
                # (a public body may be "Electoral and Boundaries Commission").
                continue
            window = self.text[match.end() : match.end() + 14]
            after = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", window)
            # "United Auto and Machine Workers (UAMW)": a long form spelt out
            # before its acronym is a body, whatever its last word.
            spelt_out = after is not None and initials(name) == after.group(1)
            if len(name.split()) < 2 or not (has_org_head(name) or spelt_out):
                continue
            if fold(name) in self.places or fold(name) in self.outlets:
                continue
            if self._known(name) is None and fold(name) not in self.entities:
                self.entities[fold(name)] = Entity(fold(name), name, "organisation")
            if after and fold(name) in self.entities:
                self.entities[fold(name)].add_alias(after.group(1))

    def link_runs(self) -> None:
        """Every capitalised run that names an entity, known or new."""
        self._resolved.clear()
        self._tokens = None
        for joined in self._org_runs():
            name = org_name(joined.group())
            entity = self.entities.get(fold(name))
            where = locate(self.text, joined.span(), name)
            if entity is not None and entity.kind == "organisation" and where:
                self._mention(where[0], where[1], entity)
                continue
            for match in CAP_RUN.finditer(self.text, *joined.span()):
                self._link_run(match)

    def _link_run(self, match: re.Match[str]) -> None:
        name = clean_name(strip_stop(match.group()))
        if not name:
            return
        entity = self._resolve(name)
        if entity is None:
            tail = self._resolve_tail(name)
            if tail is None:
                return
            entity, name = tail
        where = locate(self.text, match.span(), name, last=True)
        if where is not None:
            self._mention(where[0], where[1], entity)
            self._alias_from(entity, where[0], name)

    def _resolve(self, name: str) -> Entity | None:
        """The entity ``name`` refers to. Memoised: while runs are linked no
        entity is created, so an answer stays right for the whole pass."""
        if name not in self._resolved:
            self._resolved[name] = self._resolve_now(name)
        return self._resolved[name]

    def _resolve_now(self, name: str) -> Entity | None:
        key = fold(name)
        if not key or key in self.outlets or key in STOP_WORDS or key in TITLE_WORDS:
            return None
        if key in self.entities:
            return self.entities[key]
        for entity in self.entities.values():
            if key == fold(entity.name) or any(key == fold(a) for a in entity.aliases):
                return entity
        words = key.split()
        if len(words) == 1:
            holders = [
                e
                for e in self.entities.values()
                if words[0] in e.tokens and not _named_after(e, words[0])
            ]
            if len(holders) == 1:
                return holders[0]
        if key in self.places:
            return None
        if len(words) == 1 and (found := self._variant_of(name)) is not None:
            return found
        known = self._known(name)
        return self._entity_for_known(known) if known is not None else None

    def _variant_of(self, name: str) -> Entity | None:
        """ "NATO" for the North Atlantic Treaty Organization named before;
        "Zelenskiy" for Zelenskyy: one entity, the name kept as an alias."""
        if name.isupper() and 2 <= len(name) <= 6:
            bodies = [
                e
                for e in self.entities.values()
                if e.kind == "organisation" and initials(e.name) == name
            ]
        else:
            if self._tokens is None:
                self._tokens = [
                    (t, e)
                    for e in self.entities.values()
                    if e.kind == "person"
                    for t in sorted(e.tokens)
                ]
            keys = [t for t, _e in self._tokens]
            alike = {
                id(self._tokens[i][1]): self._tokens[i][1]
                for i in alike_among(name, keys)
            }
            bodies = list(alike.values())
        if len(bodies) != 1:
            return None
        bodies[0].add_alias(name)
        return bodies[0]

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
            before = re.search(rf"\b({TITLES_CAPITAL})\s+$", window)
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
                    said in HEAD_TITLES and title in HEAD_TITLES
                ):
                    continue
                self._mention(match.start(), match.end(), entity, role=True)
                if title == fold(said) and entity.known is None:
                    entity.add_alias(f"the {match['qual']} {said}")
        self._bare_roles()
        self._org_roles()
        self._known_role_aliases()

    def _bare_roles(self) -> None:
        """ "the mayor" is the one person introduced as Mayor, when only one
        was; "the president of the club" is someone else."""
        by_title: dict[str, list[Entity]] = {}
        for entity in self.entities.values():
            if entity.title and entity.kind == "person":
                by_title.setdefault(fold(entity.title), []).append(entity)
        pattern = re.compile(rf"\b[Tt]he\s+(?P<title>{TITLES_LOWER})\b(?!\s+of\b)")
        for start, end in self.regions:
            for match in pattern.finditer(self.text, start, end):
                holders = by_title.get(fold(match["title"]), [])
                if len(holders) == 1:
                    self._mention(match.start(), match.end(), holders[0], role=True)

    def _org_roles(self) -> None:
        """ "the carmaker said": for a business word, the business that is
        the subject of this sentence or the one before ("Andina Copper, a
        unit of miner Northline, said ... "...," the miner said" is
        Andina); else the body introduced with that word, or the one whose
        name holds it ("the union"); else the business named last."""
        named = sorted(
            (m.span[0], m.key)
            for m in self.mentions.values()
            if not m.role and self.entities[m.key].kind == "organisation"
        )
        for start, end in self.regions:
            bounds = [
                start,
                *(m.end() for m in _SENTENCE_GAP.finditer(self.text, start, end)),
            ]
            for match in ORG_ROLE.finditer(self.text, start, end):
                at = match.start()
                here = bisect.bisect_right(bounds, at) - 1
                topic = self._first_business(named, bounds[here], at) or (
                    self._first_business(named, bounds[here - 1], bounds[here])
                    if here > 0
                    else None
                )
                noun = match["noun"]
                entity = topic if noun in COMPANY_NOUNS else None
                entity = entity or self._org_for(noun, at, named)
                if entity is not None:
                    self._mention(match.start(), match.end(), entity, role=True)

    def _first_business(
        self, named: list[tuple[int, str]], start: int, end: int
    ) -> Entity | None:
        low = bisect.bisect_left(named, (start, ""))
        for pos, key in named[low:]:
            if pos >= end:
                break
            entity = self.entities[key]
            if not has_public_head(entity.name):
                return entity
            return None  # "The Port Authority said ...": not a business
        return None

    def _org_for(
        self, noun: str, at: int, named: list[tuple[int, str]]
    ) -> Entity | None:
        bodies = [e for e in self.entities.values() if e.kind == "organisation"]
        described = [e for e in bodies if e.descriptor == noun]
        if len(described) == 1:
            return described[0]
        titled = [e for e in bodies if noun in fold(e.name).split()]
        if len(titled) == 1:
            return titled[0]
        if noun not in COMPANY_NOUNS:
            return None
        for _pos, key in reversed([n for n in named if n[0] < at]):
            entity = self.entities[key]
            if entity.descriptor in COMPANY_NOUNS or has_company_head(entity.name):
                return entity
        return None

    def drop_cited(self) -> None:
        """A new body every mention of which follows "at", "for",
        "according to"... is an employer or a source, not an actor."""
        acting: set[str] = set()
        for mention in self.mentions.values():
            before = self.text[max(0, mention.span[0] - 30) : mention.span[0]]
            if mention.role or not CITED_BEFORE.search(before):
                acting.add(mention.key)
        for key, entity in list(self.entities.items()):
            if (
                entity.kind == "organisation"
                and entity.known is None
                and key not in acting
            ):
                del self.entities[key]
        self.mentions = {
            span: m for span, m in self.mentions.items() if m.key in self.entities
        }

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
    finder.described()
    finder.titled()
    finder.speech_subjects()
    finder.organisations()
    finder.link_runs()
    finder.roles()
    finder.drop_cited()
    mentions = sorted(finder.mentions.values(), key=lambda m: m.span)
    used = {m.key for m in mentions}
    entities = {k: e for k, e in finder.entities.items() if k in used}
    return ActorFinding(entities, mentions)
