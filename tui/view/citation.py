"""A citation of one event, for pasting into a story or a fact-check note:
title, date, and each source's outlet, headline, publication date and URL."""

from __future__ import annotations

from dateline.store.dates.labels import day_label, format_when
from dateline.store.model import Event, Source
from dateline.tui.view.inert import inert


def citation(event: Event, sources: list[Source]) -> str:
    """ "Title" — Fri 9 Jan 2026. Source: Outlet, “Headline”, Sat 10 Jan 2026,
    https://… (sources joined by "; "). One line, control characters shown."""
    text = f"“{event.title}” — {format_when(event.when)}."
    cited = []
    for source in sources:
        parts = [source.outlet or source.via or "unknown outlet"]
        if source.title:
            parts.append(f"“{source.title}”")
        if source.published:
            parts.append(day_label(source.published))
        if source.url:
            parts.append(source.url)
        cited.append(", ".join(parts))
    if cited:
        label = "Source" if len(cited) == 1 else "Sources"
        text += f" {label}: " + "; ".join(cited) + "."
    return inert(text, single_line=True)
