"""Opening a source's link in the browser and copying an event's citation,
for every screen that shows an event (the explorer, the event view).

The browser is opened through an ``opener`` (``webbrowser.open`` in the
app) so tests inject their own and never start one; only http and https
links are opened. The citation goes to the clipboard with Textual's
``copy_to_clipboard`` (OSC 52, which most terminals pass on to the system).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.store.errors import quoted
from dateline.store.model import Event, Source, url_problem
from dateline.store.timeline import Timeline
from dateline.tui.view.citation import citation
from textual.screen import Screen


def open_source(
    screen: Screen[Any],
    source: Source | None,
    opener: Callable[[str], bool],
) -> None:
    """Open ``source``'s link with ``opener``; a toast says what happened."""
    if source is None:
        screen.notify("This event has no source to open.", severity="warning")
        return
    name = quoted(source.title or source.outlet or "this source", 60)
    if not source.url.strip():
        screen.notify(f"No link is stored for {name}.", severity="warning")
        return
    problem = url_problem(source.url)
    if problem is not None:
        screen.notify(
            f"Not opened: {quoted(source.url, 60)} — {problem}.", severity="warning"
        )
        return
    if opener(source.url):
        screen.notify(f"Opened {quoted(source.url, 60)} in the browser.")
    else:
        screen.notify(
            f"No browser could be started; the link is {source.url}. "
            "y copies a citation with it.",
            severity="warning",
            timeout=10,
        )


def first_link(timeline: Timeline, event: Event) -> Source | None:
    """The event's first source with a link, else its first source."""
    sources = timeline.sources(event=event.id)
    return next((s for s in sources if s.url), sources[0] if sources else None)


def copy_citation(screen: Screen[Any], timeline: Timeline, event: Event) -> None:
    """Put a citation of ``event`` on the clipboard and say so."""
    screen.app.copy_to_clipboard(citation(event, timeline.sources(event=event.id)))
    screen.notify("Citation copied to the clipboard.")
