"""Claims and verification survive both stores alike (issue 17): the
PostgreSQL store keeps ``to_doc()`` as JSONB, the file as JSON."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from dateline.store.changes.verification import verify_event
from dateline.store.model import Claim, Event, FuzzyDate
from dateline.store.postgres import PgLocation
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline


def day(d: int) -> FuzzyDate:
    return FuzzyDate(date(2026, 1, d), date(2026, 1, d), "day", f"{d} January")


@pytest.fixture(params=["file", "postgres"])
def where(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Path | PgLocation]:
    if request.param == "file":
        yield tmp_path / "timeline.json"
    else:
        yield request.getfixturevalue("pg_location")


def test_claims_and_verification_come_back_on_the_next_open(
    where: Path | PgLocation,
) -> None:
    call = Event(
        when=day(7),
        title="The call",
        claims=(Claim("so-afp", day(7), (10, 22)), Claim("so-k24", day(8))),
    )
    with Timeline.open(where, author="ana") as first:
        with first.change() as tx:
            tx.put(call)
        verify_event(first, first.event(call.id), "disputed")
    with Timeline.open(where, author="ben") as again:
        back = again.event(call.id)
        assert back.claims == call.claims and back.verification == "disputed"
        assert again.events(EventFilter(disputed_only=True)) == [back]
        assert again.events(EventFilter(verification="confirmed")) == []
