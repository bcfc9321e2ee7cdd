"""The sources and quotes an edited event already has, each ticked to keep.

Unticking one (space) takes it off the event when the form is saved; a quote
that belongs to this event alone is then deleted, as deleting the event
would. Undo brings it back like any other save.
"""

from __future__ import annotations

from dateline.store.model import Event
from dateline.store.timeline import Timeline
from dateline.tui.view.inert import inert
from dateline.tui.view.source_labels import source_label
from textual.content import Content
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

#: Value prefixes: one list holds both kinds of record.
SOURCE, QUOTE = "source:", "quote:"


def held_selections(timeline: Timeline, event: Event) -> list[Selection[str]]:
    """One ticked line per source and quote of ``event``."""
    rows: list[Selection[str]] = []
    for source_id in event.sources:
        source = timeline.sources_by_id.get(source_id)
        if source is not None:
            label = inert(f"source  {source_label(source)}", single_line=True)
            rows.append(Selection(Content(label), SOURCE + source_id, True))
    for quote_id in event.quotes:
        quote = timeline.quotes_by_id.get(quote_id)
        if quote is not None:
            speaker = timeline.actors_by_id.get(quote.speaker or "")
            who = f" — {speaker.name}" if speaker else ""
            label = inert(f"quote   “{quote.text}”{who}", single_line=True)
            rows.append(Selection(Content(label), QUOTE + quote_id, True))
    return rows


class HeldRecords(SelectionList[str]):
    """The event's sources and quotes; unticked ones are dropped on save."""

    HELP_TITLE = "Sources and quotes kept"

    DEFAULT_CSS = """
    HeldRecords {
        height: auto;
        max-height: 6;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def dropped(self, prefix: str) -> tuple[str, ...]:
        """Ids of the records of one kind (``SOURCE`` or ``QUOTE``) unticked."""
        kept = set(self.selected)
        return tuple(
            str(option.value)[len(prefix) :]
            for option in self.options
            if isinstance(option, Selection)
            and str(option.value).startswith(prefix)
            and option.value not in kept
        )
