"""Shared helpers for format tests: export, re-import, compare."""

from __future__ import annotations

from pathlib import Path

from dateline.store.formats.registry import import_file, render_export
from dateline.store.timeline import Timeline

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "formats"


def round_trip(source: Timeline, fmt: str, folder: Path) -> Timeline:
    """Export ``source`` whole as ``fmt`` and import it into an empty file."""
    exported = folder / f"export.{fmt}"
    exported.write_text(render_export(source, None, fmt), encoding="utf-8")
    target = Timeline.open(folder / f"from-{fmt}.json")
    import_file(target, exported, fmt)
    return target


def actor_names(timeline: Timeline, event_id: str) -> list[tuple[str, str]]:
    """(name, role) of an event's actors, in order."""
    event = timeline.event(event_id)
    return [(timeline.actor(r.actor).name, r.role) for r in event.actors]


def quote_view(timeline: Timeline, event_id: str) -> list[tuple[str, str, str]]:
    """(text, speaker name, source title) of an event's quotes."""
    out = []
    for quote in timeline.quotes(event=event_id):
        speaker = timeline.actors_by_id.get(quote.speaker or "")
        source = timeline.sources_by_id.get(quote.source or "")
        out.append(
            (
                quote.text,
                speaker.name if speaker else "",
                source.title if source else "",
            )
        )
    return out


def source_view(timeline: Timeline, event_id: str) -> list[tuple[str, str, str]]:
    return [(s.title, s.outlet, s.url) for s in timeline.sources(event=event_id)]


def file_state(path: Path) -> dict[str, bytes | None]:
    """The bytes of a timeline file and its journal (None when absent)."""
    journal = path.with_name(path.name + ".journal")
    return {str(p): p.read_bytes() if p.exists() else None for p in (path, journal)}
