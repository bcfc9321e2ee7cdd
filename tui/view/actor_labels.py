"""Short forms of actor names for rows and chips: "Trump", "Lula", "NATO".

A row names its actors the way a reader does on second mention: the alias
the user gave (the shortest one-word one), else a person's surname, else an
organisation's name or, when long, its initials. Rows with more actors than
room show the first few and "+N", never a string of initials ("NM GP DT").
"""

from __future__ import annotations

from dateline.store.model import Actor

#: Longer organisation or country names give way to their initials.
LONG_NAME = 16


def short_name(actor: Actor) -> str:
    """The shortest one-word alias ("Lula", "Trump"), else a person's last
    word, else the name of an organisation or country (initials if long)."""
    single = [a for a in actor.aliases if a.strip() and len(a.split()) == 1]
    if single:
        return min(single, key=len)
    words = actor.name.split()
    if not words:
        return actor.name
    if actor.kind == "person" or len(words) == 1:
        return words[-1]
    if len(actor.name) <= LONG_NAME:
        return " ".join(words)
    return initials(actor)


def initials(actor: Actor) -> str:
    """Initials of the name's capitalised words ("Luiz Inácio Lula da Silva"
    is "LILS"), at most four letters."""
    words = [w for w in actor.name.split() if w[:1].isupper()] or actor.name.split()
    return "".join(w[0] for w in words)[:4] or "?"


def fit_labels(labels: list[str], width: int) -> str:
    """As many ``labels`` as fit in ``width`` cells, then "+N" for the rest
    ("Maduro Petro +1"); the first label always shows (the row cuts it)."""
    shown: list[str] = []
    for number, label in enumerate(labels):
        rest = len(labels) - number - 1
        more = f" +{rest}" if rest else ""
        candidate = " ".join([*shown, label]) + more
        if shown and len(candidate) > width:
            return " ".join(shown) + f" +{len(labels) - number}"
        shown.append(label)
    return " ".join(shown)
