"""How a claim reads beside the others: who says it, and which date."""

from __future__ import annotations

from collections.abc import Mapping

from dateline.store.dates.labels import format_when
from dateline.store.model import Claim, Source


def claim_outlet(claim: Claim, sources: Mapping[str, Source]) -> str:
    """The outlet that makes the claim ("Kurdistan24 via AFP"), else the
    article's title, else its id."""
    source = sources.get(claim.source)
    if source is None:
        return claim.source
    name = source.outlet or source.title or source.id
    return f"{name} via {source.via}" if source.via else name


def claim_label(claim: Claim, sources: Mapping[str, Source]) -> str:
    """One line for a claim, the same in the explorer and every export:
    ``AFP (2026-01-08): Wed 7 Jan 2026 “on Wednesday”``."""
    source = sources.get(claim.source)
    published = source.published if source is not None else None
    when = f" ({published.isoformat()})" if published else ""
    words = f" “{claim.when.text}”" if claim.when.text else ""
    return f"{claim_outlet(claim, sources)}{when}: {format_when(claim.when)}{words}"
