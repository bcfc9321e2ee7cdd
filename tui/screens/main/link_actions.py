"""The main screen's ways out to the world: ``o`` opens the highlighted
event's source in the browser, ``y`` copies a citation of the event.

The browser is opened through ``opener`` (``webbrowser.open``) so tests
inject their own and never start one; only http and https links are opened.
The citation goes to the clipboard with Textual's ``copy_to_clipboard``
(OSC 52, which most terminals pass to the system clipboard).
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable

from dateline.store.errors import quoted
from dateline.store.model import Source, url_problem
from dateline.tui.screens.main.host import MainHost
from dateline.tui.view.citation import citation
from dateline.tui.widgets.panes import SourcesPane
from textual.binding import Binding

LINK_BINDINGS = [
    Binding("o", "open_source", "Open source in browser", show=False, id="link.open"),
    Binding("y", "copy_citation", "Copy citation", show=False, id="link.copy"),
]


class LinkActions(MainHost):
    """Opening a source's URL and copying a citation."""

    #: Opens a URL; returns whether a browser took it. Tests replace it.
    opener: Callable[[str], bool] = staticmethod(webbrowser.open)

    def _source_to_open(self) -> Source | None:
        """The source highlighted in the Sources pane when it has focus, else
        the event's first source with a link, else its first source."""
        pane = self.query_one(SourcesPane)
        option = pane.highlighted_option if pane.has_focus else None
        if option is not None and option.id:
            return self.timeline.sources_by_id.get(option.id)
        event = self.view.event
        if event is None:
            return None
        sources = self.timeline.sources(event=event.id)
        return next((s for s in sources if s.url), sources[0] if sources else None)

    def action_open_source(self) -> None:
        if self.view.event is None:
            self.notify("No event highlighted.")
            return
        source = self._source_to_open()
        if source is None:
            self.notify("This event has no source to open.", severity="warning")
            return
        name = quoted(source.title or source.outlet or "this source", 60)
        if not source.url.strip():
            self.notify(f"No link is stored for {name}.", severity="warning")
            return
        problem = url_problem(source.url)
        if problem is not None:
            self.notify(
                f"Not opened: {quoted(source.url, 60)} — {problem}.",
                severity="warning",
            )
            return
        if self.opener(source.url):
            self.notify(f"Opened {quoted(source.url, 60)} in the browser.")
        else:
            self.notify(
                f"No browser could be started; the link is {source.url}. "
                "y copies a citation with it.",
                severity="warning",
                timeout=10,
            )

    def action_copy_citation(self) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to cite.")
            return
        text = citation(event, self.timeline.sources(event=event.id))
        self.app.copy_to_clipboard(text)
        self.notify("Citation copied to the clipboard.")
