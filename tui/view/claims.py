"""How an event's claims and verification read in the explorer's rows,
detail strip and event view (the words of each claim are the store's:
``dateline.store.evidence.claim_label``)."""

from __future__ import annotations

from collections.abc import Mapping

from dateline.store.dates.labels import format_when
from dateline.store.evidence import claim_outlet, is_disputed
from dateline.store.model import Event, Source

#: What each verification status means, for the chooser and help.
VERIFICATION_MEANINGS = {
    "unverified": "not checked yet",
    "confirmed": "independent sources agree",
    "disputed": "the sources disagree",
    "false": "it did not happen as reported",
}


def claims_line(event: Event, sources: Mapping[str, Source]) -> str:
    """The claims side by side on one line ("" when fewer than two):
    ``Claims: AFP: Wed 7 Jan 2026 │ Kurdistan24: Thu 8 Jan 2026 · disputed``."""
    if len(event.claims) < 2:
        return ""
    parts = [f"{claim_outlet(c, sources)}: {format_when(c.when)}" for c in event.claims]
    verdict = "disputed" if is_disputed(event) else "agree"
    return "Claims: " + " │ ".join(parts) + f" · {verdict}"
