"""How an article is named in one line: outlet · date · headline."""

from __future__ import annotations

from dateline.store.model import Source
from dateline.tui.view.inert import inert

#: Widths kept short enough that the picker's lines fit beside the labels.
LABEL_LIMIT = 90


def source_label(source: Source) -> str:
    """How an article is listed in the picker: outlet · date · headline."""
    parts = [source.outlet or "(no outlet)"]
    if source.published:
        parts.append(source.published.isoformat())
    parts.append(source.title or "(no headline)")
    text = inert(" · ".join(parts), single_line=True)
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1] + "…"
