"""Which way a date typed without a year points, for an event's status."""

from __future__ import annotations

from dateline.store.dates.parts import Prefer


def prefer_for(status: str) -> Prefer:
    """Back for what happened, on for plans: "Friday" in an expected event is
    the coming one."""
    return "future" if status == "expected" else "past"
