"""Time zones survive both stores (issue 17): the zone is part of the date's
document, which PostgreSQL keeps as JSONB like the file keeps its JSON."""

from __future__ import annotations

from tests.postgres.test_contract import Opener, event, opener  # noqa: F401


def test_a_zone_is_there_on_the_next_open(opener: Opener) -> None:  # noqa: F811
    first = opener()
    with first.change() as tx:
        tx.put(
            event("Washington", "9 Jan 2026 14:30 EST", id="ev-dc"),
            event("Paris", "9 Jan 2026 15:00 Europe/Paris", id="ev-paris"),
            event("Unzoned", "9 Jan 2026 13:00", id="ev-plain"),
        )
    again = opener()
    assert again.event("ev-dc").when.zone == "EST"
    assert again.event("ev-paris").when.zone == "Europe/Paris"
    assert again.event("ev-plain").when.zone is None
    # Ordered by the instant: 13:00 (as if UTC), 14:00 UTC, 19:30 UTC.
    assert [e.id for e in again.events()] == ["ev-plain", "ev-paris", "ev-dc"]
