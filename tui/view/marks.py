"""The marks an event row carries, one set for every place that shows rows.

The explorer's timeline, ``dateline list``, the review queue and the help
legend all use these, so "expected" reads as the same arrow everywhere.
"""

from __future__ import annotations

from dateline.store.evidence import is_disputed
from dateline.store.model import Event

#: (mark, meaning), in the order marks appear after the date.
MARKS: tuple[tuple[str, str], ...] = (
    ("→", "expected (announced or scheduled)"),
    ("~", "approximate date"),
    ("“", "has quotes"),
    ("?", "extracted, pending review"),
    ("*", "starred"),
    ("!", "disputed: the sources' dates do not overlap"),
)
#: Cells the marks column needs when every mark is on.
MARKS_WIDTH = len(MARKS)
#: An event picked with m in the explorer (bulk tagging). Session state,
#: never saved, so it sits in the row's gutter beside the search-hit bar
#: rather than among the marks of the event itself.
MARKED = "•"
MARKED_MEANING = "marked with m (T tags every marked event)"


def event_marks(event: Event) -> str:
    """The marks of ``event``, e.g. "→~" for an expected, approximate one."""
    flags = (
        event.status == "expected",
        event.when.approximate,
        bool(event.quotes),
        event.pending,
        event.starred,
        is_disputed(event),
    )
    return "".join(mark for (mark, _), on in zip(MARKS, flags, strict=True) if on)
