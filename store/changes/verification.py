"""Setting an event's verification by hand: one durable step, one undo."""

from __future__ import annotations

from dateline.store.errors import DatelineError
from dateline.store.model import VERIFICATIONS, Event, touched
from dateline.store.timeline import Timeline


def verify_event(timeline: Timeline, loaded: Event, status: str) -> Event:
    """``loaded`` (the version the user saw) with verification ``status``.

    Raises DatelineError for a status that is not one of ``VERIFICATIONS``,
    and the commit's ConflictError when someone changed the event since it
    was loaded: a verdict given on an old version is not saved over a new one.
    """
    if status not in VERIFICATIONS:
        raise DatelineError(
            f'"{status}" is not a verification status; use one of '
            f"{', '.join(VERIFICATIONS)}."
        )
    if loaded.verification == status:
        return loaded
    verified = touched(loaded, verification=status)
    with timeline.change() as tx:
        tx.update(loaded, verified)
    return verified
