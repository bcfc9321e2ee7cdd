"""Short forms of actor names for rows and chips: "Trump", "Lula", "DT"."""

from __future__ import annotations

from dateline.store.model import Actor


def short_name(actor: Actor) -> str:
    """The shortest one-word alias ("Lula", "Trump"), else the last word of
    the name: what a reader calls them on second mention."""
    single = [a for a in actor.aliases if a.strip() and len(a.split()) == 1]
    if single:
        return min(single, key=len)
    words = actor.name.split()
    return words[-1] if words else actor.name


def initials(actor: Actor) -> str:
    """Initials of the name's capitalised words ("Luiz Inácio Lula da Silva"
    is "LILS"), at most four letters."""
    words = [w for w in actor.name.split() if w[:1].isupper()] or actor.name.split()
    return "".join(w[0] for w in words)[:4] or "?"
