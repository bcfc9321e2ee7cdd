"""The native format carries everything an event can hold (issue 17):
claims with their spans, verification, notes, star, links, the order within
a day and a clock time's zone, and the saved views, losslessly: exported,
imported into an empty timeline, and read back from that timeline's file."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from dateline.store.changes import save_view, saved_views
from dateline.store.formats.native import dumps_native, import_native
from dateline.store.model import Claim, Event, FuzzyDate, Link, Note, Source
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline


def _day(n: int, text: str = "") -> FuzzyDate:
    return FuzzyDate(date(2026, 1, n), date(2026, 1, n), "day", text=text)


def _everything(path: Path) -> Timeline:
    timeline = Timeline.open(path, author="ana")
    afp = Source("Trump and Petro speak", outlet="AFP", body="x" * 200, id="so-afp")
    k24 = Source(
        "Petro invited", outlet="Kurdistan24", via="AFP", body="y" * 200, id="so-k24"
    )
    call = Event(
        _day(7, "on Wednesday"),
        "Trump and Petro speak by telephone",
        sources=("so-afp", "so-k24"),
        claims=(
            Claim("so-afp", _day(7, "on Wednesday"), (10, 22)),
            Claim("so-k24", _day(8, "on Thursday"), None),
        ),
        verification="disputed",
        notes=(Note("ask AFP which day", "ana", "2026-01-10T09:00:00+00:00"),),
        starred=True,
        links=(Link("causes", "ev-visit"),),
        order=2,
        id="ev-call",
    )
    briefing = Event(
        FuzzyDate(
            datetime(2026, 1, 7, 14, 30),
            datetime(2026, 1, 7, 14, 30),
            "minute",
            text="2:30 p.m. ET",
            zone="America/New_York",
        ),
        "White House briefing",
        order=1,
        id="ev-briefing",
    )
    visit = Event(
        FuzzyDate(date(2026, 2, 1), date(2026, 2, 7), "week"),
        "Petro visits the White House",
        status="expected",
        links=(Link("follows", "ev-call"), Link("same as", "ev-briefing")),
        id="ev-visit",
    )
    timeline.put(afp, k24, call, briefing, visit)
    save_view(timeline, "disputed calls", EventFilter(disputed_only=True))
    save_view(timeline, "settled", EventFilter(not_disputed=True, starred_only=True))
    return timeline


def _docs(timeline: Timeline) -> dict[str, dict]:  # type: ignore[type-arg]
    return {e.id: e.to_doc() for e in timeline.events()}


def test_native_round_trip_keeps_every_field(tmp_path: Path) -> None:
    source = _everything(tmp_path / "a.json")
    exported = json.loads(dumps_native(source))
    target = Timeline.open(tmp_path / "b.json")
    import_native(target, exported)
    assert _docs(target) == _docs(source)
    assert saved_views(target) == saved_views(source)
    assert [e.id for e in target.events()] == ["ev-call", "ev-briefing", "ev-visit"]
    target.close()
    # And the file it was saved to, opened again (the fast path reads it).
    reopened = Timeline.open(tmp_path / "b.json")
    assert _docs(reopened) == _docs(source)
    call = reopened.event("ev-call")
    assert call.claims[0].span == (10, 22) and call.claims[1].span is None
    assert reopened.event("ev-briefing").when.zone == "America/New_York"
    assert {v.name: v.event_filter for v in saved_views(reopened)} == {
        "disputed calls": EventFilter(disputed_only=True),
        "settled": EventFilter(not_disputed=True, starred_only=True),
    }
    # A second import of the same file brings nothing new.
    assert import_native(reopened, exported).nothing_new
    reopened.close()
    source.close()
