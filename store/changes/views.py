"""Saving, finding and deleting saved views (``dateline.store.views``), each
change one undo step; an unknown name is an error that lists the views
there are."""

from __future__ import annotations

from dateline.store.errors import DatelineError, quoted
from dateline.store.model import utc_now
from dateline.store.names import fold
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline
from dateline.store.views import SavedView, view_id


class UnknownViewError(DatelineError):
    """A view asked for by name is not in the timeline."""


def saved_views(timeline: Timeline) -> list[SavedView]:
    """The timeline's views, by name."""
    return sorted(timeline.views_by_id.values(), key=lambda v: fold(v.name))


def find_view(timeline: Timeline, name: str) -> SavedView:
    """The view called ``name``, or an error that lists the views there are."""
    view = timeline.views_by_id.get(view_id(name))
    if view is not None:
        return view
    names = [v.name for v in saved_views(timeline)]
    there = (
        "Views here: " + ", ".join(quoted(n) for n in names) + "."
        if names
        else "This timeline has no saved views yet (save one with `w` in the explorer)."
    )
    raise UnknownViewError(
        f"No view called {quoted(name)} in {timeline.location}. {there}"
    )


def save_view(timeline: Timeline, name: str, flt: EventFilter) -> SavedView:
    """Keep ``flt`` under ``name`` (replacing a view of that name), one undo step."""
    name = " ".join(name.split())
    if not name:
        raise DatelineError("A view needs a name; nothing was saved.")
    held = timeline.views_by_id.get(view_id(name))
    view = SavedView.of(name, flt, created=held.created if held else utc_now())
    with timeline.change() as tx:
        tx.put(view)
    return view


def delete_view(timeline: Timeline, name: str) -> SavedView:
    """Remove the view called ``name`` (an error lists the views there are)."""
    view = find_view(timeline, name)
    with timeline.change() as tx:
        tx.discard(view)
    return view
