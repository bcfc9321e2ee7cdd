"""How a conflict reads on screen: a row per conflict, a value per field.

Pure functions (no Textual): the conflicts screen shows them and tests check
them. Values are document values (what ``to_doc`` writes), shown the way the
rest of the explorer shows them: dates at their precision, actors and
sources by name, never raw ids where a name is known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.store.dates.labels import format_when
from dateline.store.model import FuzzyDate, ShapeError
from dateline.store.revision import Conflict

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

#: What each side of a conflict did, in a few words.
KINDS = {
    "both": "changed on both sides",
    "there": "deleted there, changed here",
    "here": "deleted here, changed there",
}


def conflict_kind(timeline: Timeline, conflict: Conflict) -> str:
    """One of ``KINDS``' keys."""
    if conflict.deleted:
        return "there"
    if timeline.doc(conflict.table, conflict.record) is None:
        return "here"
    return "both"


def conflict_label(timeline: Timeline, conflict: Conflict) -> str:
    """The record's name: its title (ours, else theirs), name or words."""
    doc = timeline.doc(conflict.table, conflict.record) or conflict.theirs
    name = doc.get("title") or doc.get("name") or doc.get("text") or conflict.record
    return f"{conflict.table[:-1]} “{one_line(str(name), 50)}”"


def shown(timeline: Timeline, name: str, value: Any) -> str:
    """A field's document value as a person reads it."""
    if value is None or value == [] or value == "":
        return "—"
    if name in ("when", "said") and isinstance(value, dict):
        try:
            when = FuzzyDate.from_doc(value)
        except (ShapeError, ValueError, KeyError, TypeError):
            return one_line(str(value))
        words = f" (“{when.text}”)" if when.text else ""
        return one_line(format_when(when) + words)
    if name == "actors" and isinstance(value, list):
        parts = []
        for ref in value:
            actor = timeline.actors_by_id.get(str(ref.get("actor", "")))
            who = actor.name if actor else str(ref.get("actor", ""))
            parts.append(f"{who} ({ref['role']})" if ref.get("role") else who)
        return one_line(", ".join(parts))
    if name in ("sources", "source") and value:
        ids = value if isinstance(value, list) else [value]
        titles = [
            getattr(timeline.sources_by_id.get(str(i)), "title", "") or str(i)
            for i in ids
        ]
        return one_line("; ".join(titles))
    if name == "speaker":
        actor = timeline.actors_by_id.get(str(value))
        return one_line(actor.name if actor else str(value))
    if name == "quotes" and isinstance(value, list):
        texts = [
            f"“{timeline.quotes_by_id[q].text}”" if q in timeline.quotes_by_id else q
            for q in value
        ]
        return one_line(" ".join(texts))
    if isinstance(value, list):
        return one_line(", ".join(str(v) for v in value))
    return one_line(str(value))


def one_line(text: str, limit: int = 70) -> str:
    """``text`` on one line, cut short with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
