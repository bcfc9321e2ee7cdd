"""Notes, star and links survive both stores alike (the file and PostgreSQL,
which keeps each record's document whole)."""

from __future__ import annotations

from dateline.store.changes.annotations import add_link, add_note, set_star
from dateline.store.model import Link

from tests.postgres.test_contract import Opener, event, opener

__all__ = ["opener"]  # the contract's fixture: both stores


def test_notes_star_and_links_are_there_on_the_next_open(opener: Opener) -> None:
    first = opener()
    a, b = event("Strike", "7 January 2026"), event("Condemnation")
    first.put(a, b)
    add_note(first, a.id, "AFP says 2 am")
    set_star(first, a.id, True)
    add_link(first, b.id, "responds to", a.id)
    again = opener()
    kept = again.event(a.id)
    # By whoever the store says made the change: the timeline's author on
    # a file, the database role on a shared timeline, as for updated_by.
    assert kept.starred and [(n.text, n.author) for n in kept.notes] == [
        ("AFP says 2 am", first.author)
    ]
    assert again.event(b.id).links == (Link("responds to", a.id),)
    again.delete_event(a.id)
    assert opener().event(b.id).links == ()
