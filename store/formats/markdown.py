"""Markdown report: the timeline as a journalist pastes it into a document.

Events sit under year (``##``) and month (``###``) headings in date order;
coarse events (``FuzzyDate.coarse``: a quarter, season, year or decade, or
longer than a month) come first under their year, as in the explorer. Each
event is a ``####`` heading with its date at its own precision ("Oct 2025",
never a made-up day) and title, then actors with roles, place, status and
verification, the summary, a disputed event's claims (who says which date),
quotes as ``>`` blockquotes with their speaker, and the sources as links.
Export only: a report is for reading, and its words cannot say ids,
roles or precision exactly enough to be read back. User text is escaped so a
title cannot break the layout.
"""

from __future__ import annotations

import re
from itertools import groupby
from urllib.parse import quote as percent

from dateline.store.dates.labels import MONTH_NAMES, format_when
from dateline.store.errors import counted
from dateline.store.evidence.agreement import is_disputed
from dateline.store.evidence.labels import claim_label
from dateline.store.model import Event, url_problem
from dateline.store.timeline import Timeline

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+(?=[.)]))", re.MULTILINE)


def dumps_markdown(
    timeline: Timeline, events: list[Event], *, title: str = "Timeline"
) -> str:
    out = [f"# {escape(title or 'Timeline', inline=True)}", ""]
    out += [f"{counted(len(events), 'event')}.", ""]
    for year, in_year in groupby(events, key=lambda ev: ev.when.start_day.year):
        out += [f"## {year}", ""]
        year_level: list[Event] = []
        by_month: list[Event] = []
        for event in in_year:
            (year_level if event.when.coarse else by_month).append(event)
        for event in year_level:
            out += _event(timeline, event)
        for month, in_month in groupby(by_month, key=lambda e: e.when.start.month):
            out += [f"### {MONTH_NAMES[month - 1]} {year}", ""]
            for event in in_month:
                out += _event(timeline, event)
    return "\n".join(out).rstrip() + "\n"


def _event(timeline: Timeline, event: Event) -> list[str]:
    when = escape(format_when(event.when), inline=True)
    out = [f"#### {when} — {escape(event.title, inline=True)}", ""]
    meta = []
    names = []
    for ref in event.actors:
        actor = timeline.actors_by_id.get(ref.actor)
        if actor is not None:
            role = f" ({ref.role})" if ref.role else ""
            names.append(escape(actor.name + role, inline=True))
    if names:
        meta.append(", ".join(names))
    if event.place:
        meta.append(escape(event.place, inline=True))
    if event.status == "expected":
        meta.append("expected")
    if event.pending:
        # A machine's reading of an article, not yet checked by a person.
        meta.append("unreviewed extraction")
    if event.verification != "unverified":
        meta.append(event.verification)
    if meta:
        out += ["*" + " · ".join(meta) + "*", ""]
    if event.summary:
        out += [escape(event.summary), ""]
    if is_disputed(event):
        # The reader sees who says what, not only that they disagree.
        sources = timeline.sources_by_id
        out += ["**Disputed date.** The sources say:", ""]
        out += [
            f"- {escape(claim_label(c, sources), inline=True)}" for c in event.claims
        ]
        out += [""]
    for quote in timeline.quotes(event=event.id):
        lines = [f"> {escape(line)}".rstrip() for line in quote.text.splitlines()]
        speaker = timeline.actors_by_id.get(quote.speaker or "")
        if speaker is not None:
            lines.append(f"> — {escape(speaker.name, inline=True)}")
        out += [*lines, ""]
    links = [
        _source(s.title, s.outlet, s.url) for s in timeline.sources(event=event.id)
    ]
    if links:
        out += ["Sources: " + "; ".join(links), ""]
    return out


def _source(title: str, outlet: str, url: str) -> str:
    shown = escape(title or url or "untitled", inline=True)
    link = _link(url)
    if link:
        shown = f"[{shown}]({link})"
    return f"{shown} ({escape(outlet, inline=True)})" if outlet else shown


def _link(url: str) -> str:
    """A web URL that cannot end the ``(...)`` of a Markdown link early or
    start raw HTML on a line of its own; "" for any other scheme.

    Everything a clean link may not hold (see ``url_problem``), and the
    parentheses, is percent-encoded, so the link still goes where it said.
    """
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return ""
    return "".join(
        percent(char, safe="")
        if char in "()" or url_problem(f"http://x/{char}")
        else char
        for char in url
    )


def escape(text: str, *, inline: bool = False) -> str:
    """``text`` shown literally: no accidental emphasis, links, headings or
    raw HTML (``<`` is escaped). ``inline`` text (a heading, a name, a link
    label) is put on one line: a newline there would start a new block."""
    if inline:
        text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_line_start, text)


def _line_start(match: re.Match[str]) -> str:
    """``# x`` -> ``\\# x``; ``1. x`` -> ``1\\. x`` (digits cannot be escaped)."""
    mark = match.group(2)
    if mark[0].isdigit():
        return match.group(1) + mark + "\\"
    return match.group(1) + "\\" + mark
