"""The detail strip under the timeline: the highlighted event at a glance."""

from __future__ import annotations

from collections.abc import Mapping

from dateline.store.dates.labels import describe
from dateline.store.errors import counted
from dateline.store.model import Event, Source
from dateline.tui.view.claims import claims_line
from dateline.tui.view.inert import inert
from dateline.tui.view.shown_zone import shown_zone
from dateline.tui.view.textmatch import highlight
from rich.text import Text
from textual.widgets import Static


def detail_text(
    event: Event | None,
    empty: str = "No event highlighted.",
    zone: str | None = None,
    sources: Mapping[str, Source] | None = None,
) -> Text:
    """Title, when (with precision), status, verification, place, star,
    links, tags and authors, the claims side by side (given the
    ``sources``), the latest note, then the summary."""
    if event is None:
        return Text(empty, style="dim")
    text = Text()
    text.append(inert(event.title, single_line=True), style="bold")
    text.append("\n")
    facts = [describe(event.when, zone)]
    status: str = event.status  # a label from here on, not a Status
    if event.pending:
        status += ", extracted, pending review"
    facts.append(status)
    if event.verification != "unverified":
        facts.append(event.verification)
    if event.place:
        facts.append(inert(event.place, single_line=True))
    if event.starred:
        facts.append("* starred")
    if event.links:
        facts.append(counted(len(event.links), "link"))
    text.append(" · ".join(facts), style="italic")
    if event.tags:
        text.append("  ")
        text.append(
            " ".join(f"#{inert(t, single_line=True)}" for t in event.tags), style="dim"
        )
    who = authorship(event)
    if who:
        text.append("  ")
        text.append(inert(who, single_line=True), style="dim")
    claims = claims_line(event, sources) if sources is not None else ""
    if claims:
        text.append("\n")
        text.append(inert(claims, single_line=True), style="bold")
    if event.notes:
        # Briefly: the latest note on one line; the event view lists them all.
        last = event.notes[-1]
        text.append("\n")
        text.append(f"{counted(len(event.notes), 'note')}, latest: ", style="dim")
        text.append(inert(last.text, single_line=True), style="italic")
    if event.summary:
        text.append("\n")
        text.append(inert(event.summary))
    return text


def authorship(event: Event) -> str:
    """Who added the event and who changed it last ("" when unknown, as for
    records saved before dateline kept authors)."""
    made, changed = event.created_by, event.updated_by
    if made and changed and made != changed:
        return f"by {made}, edited by {changed}"
    if made or changed:
        return f"by {made or changed}"
    return ""


class DetailStrip(Static):
    """Shows :func:`detail_text` of the highlighted event."""

    DEFAULT_CSS = """
    DetailStrip {
        padding: 0 1;
        border-top: solid $panel-lighten-2;
    }
    """

    def show(
        self,
        event: Event | None,
        empty: str = "No event highlighted.",
        search: str = "",
        sources: Mapping[str, Source] | None = None,
    ) -> None:
        """Show ``event``; hits of ``search`` stand out, as in the rows."""
        text = highlight(
            detail_text(event, empty, shown_zone(self.app), sources), search
        )
        # Fixed height: no need to lay out the screen again.
        self.update(text, layout=False)
