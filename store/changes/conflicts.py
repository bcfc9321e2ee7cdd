"""Settling a conflict: keep mine, keep theirs, or choose field by field.

An import keeps a record changed on both sides as a ``Conflict`` (see
``dateline.store.formats.merge``). Settling it makes a new revision that
descends from both sides, so neither copy comes back as newer on the next
exchange, and removes the conflict: one change, one undo step.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from dateline.store.errors import DatelineError
from dateline.store.model import RECORD_TYPES, Event, utc_now
from dateline.store.revision import (
    Conflict,
    Revision,
    Tombstone,
    field_names,
    joined,
    record_key,
)
from dateline.store.timeline import Timeline


class ConflictGoneError(DatelineError):
    """The conflict was settled (here or in another window) already."""


@dataclass(frozen=True)
class FieldDiff:
    """One field that differs: its name and each side's document value."""

    name: str
    mine: Any
    theirs: Any


def open_conflicts(timeline: Timeline) -> list[Conflict]:
    """The conflicts waiting, oldest first."""
    return sorted(timeline.conflicts_by_id.values(), key=lambda c: (c.found, c.id))


def differences(timeline: Timeline, conflict: Conflict) -> list[FieldDiff]:
    """The fields the two sides disagree on (all of theirs when one side
    deleted the record: there is nothing to choose field by field)."""
    mine = timeline.doc(conflict.table, conflict.record)
    if mine is None or conflict.deleted:
        return []
    return [
        FieldDiff(name, mine.get(name), conflict.theirs.get(name))
        for name in field_names(conflict.table)
        if mine.get(name) != conflict.theirs.get(name)
    ]


def keep_mine(timeline: Timeline, conflict_id: str) -> None:
    settle(timeline, conflict_id, ())


def keep_theirs(timeline: Timeline, conflict_id: str) -> None:
    settle(timeline, conflict_id, None)


def settle(
    timeline: Timeline, conflict_id: str, theirs_fields: Collection[str] | None
) -> None:
    """Settle a conflict taking ``theirs_fields`` from their side (None: all of
    theirs, their deletion included; empty: all of mine)."""
    with timeline.change() as tx:
        conflict = timeline.conflicts_by_id.get(conflict_id)
        if conflict is None:
            raise ConflictGoneError(
                f"The conflict {conflict_id} is settled already; nothing was changed."
            )
        table, rid = conflict.table, conflict.record
        mine = timeline.doc(table, rid)
        tomb_doc = timeline.doc("tombstones", record_key(table, rid))
        change = secrets.token_hex(6)
        author = timeline.author
        theirs_rev = Revision.of(conflict.theirs)
        tx.discard(conflict)
        if conflict.deleted:
            # They deleted it; it was changed here.
            assert mine is not None
            mine_rev = Revision.of(mine)
            both = joined(mine_rev.ancestors(), theirs_rev.ancestors())
            rev = max(mine_rev.rev, theirs_rev.rev) + 1
            if theirs_fields is None:
                tx.delete(RECORD_TYPES[table].from_doc(mine))
                tomb = Tombstone.from_doc(conflict.theirs)
                tx.adopt(
                    replace(
                        tomb,
                        rev=rev,
                        rev_id=change,
                        history=both,
                        deleted=utc_now(),
                        deleted_by=author,
                    )
                )
            else:
                kept = RECORD_TYPES[table].from_doc(mine)
                tx.adopt(_revised(kept, rev, change, both, author))
            return
        theirs = conflict.theirs_record()
        if mine is None:
            # Deleted here; they changed it.
            held = Tombstone.from_doc(tomb_doc) if tomb_doc else None
            tomb_rev = Revision.of(tomb_doc) if tomb_doc else Revision(0, "", ())
            both = joined(tomb_rev.ancestors(), theirs_rev.ancestors())
            rev = max(tomb_rev.rev, theirs_rev.rev) + 1
            if theirs_fields is None or theirs_fields:
                if held is not None:
                    tx.discard(held)
                tx.adopt(_revised(_usable(timeline, theirs), rev, change, both, author))
            elif held is not None:
                tx.adopt(replace(held, rev=rev, rev_id=change, history=both))
            return
        current = RECORD_TYPES[table].from_doc(mine)
        mine_rev = Revision.of(mine)
        names = field_names(table) if theirs_fields is None else theirs_fields
        taken = {name: getattr(theirs, name) for name in names}
        merged = _usable(timeline, replace(current, **taken))
        both = joined(mine_rev.ancestors(), theirs_rev.ancestors())
        rev = max(mine_rev.rev, theirs_rev.rev) + 1
        tx.adopt(_revised(merged, rev, change, both, author))


def _revised(
    record: Any, rev: int, change: str, history: tuple[str, ...], author: str
) -> Any:
    """``record`` as the new revision that settles a conflict."""
    return replace(
        record,
        rev=rev,
        rev_id=change,
        history=history,
        updated=utc_now(),
        updated_by=author,
    )


def _usable(timeline: Timeline, record: Any) -> Any:
    """An event taken from their side names only quotes this timeline has
    (a lossy file brings quote words, not always the records)."""
    if not isinstance(record, Event):
        return record
    known = timeline.quotes_by_id
    return replace(record, quotes=tuple(q for q in record.quotes if q in known))
