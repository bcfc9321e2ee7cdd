"""The main screen's ways out to the world: ``o`` opens the highlighted
event's source in the browser, ``y`` copies a citation of the event (both
done by ``dateline.tui.screens.source_links``, which the event view shares).
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable

from dateline.store.model import Source
from dateline.tui.screens.main.host import MainHost
from dateline.tui.screens.source_links import (
    copy_citation,
    first_link,
    open_source,
)
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
        return first_link(self.timeline, event) if event is not None else None

    def action_open_source(self) -> None:
        if self.view.event is None:
            self.notify("No event highlighted.")
            return
        open_source(self, self._source_to_open(), self.opener)

    def action_copy_citation(self) -> None:
        event = self.view.event
        if event is None:
            self.notify("No event highlighted to cite.")
            return
        copy_citation(self, self.timeline, event)
