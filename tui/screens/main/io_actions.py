"""The main screen's ways in and out: ingest an article, review what was
extracted, settle what an import found changed on both sides, export the
current view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.store.changes.review import pending_events
from dateline.store.errors import counted
from dateline.tui.screens.main.host import MainHost
from textual.binding import Binding

if TYPE_CHECKING:
    from dateline.tui.screens.ingest import IngestResult

IO_BINDINGS = [
    Binding("i", "ingest", "Ingest", id="io.ingest"),
    Binding("v", "review", "Review extracted", show=False, id="io.review"),
    Binding("x", "export", "Export view", show=False, id="io.export"),
    Binding("C", "conflicts", "Conflicts to settle", show=False, id="io.conflicts"),
]


class IOActions(MainHost):
    """The main screen's keys that bring articles in and send the view out."""

    def action_ingest(self) -> None:
        from dateline.tui.screens.ingest import IngestScreen

        def done(result: IngestResult | None) -> None:
            if result is None:
                return
            self.after_change()
            self.notify(result.message(), title="Article ingested", timeout=8)
            if result.review:
                self._open_review(result.source_id)

        self.app.push_screen(IngestScreen(self.timeline), done)

    def action_review(self) -> None:
        if not pending_events(self.timeline):
            self.notify("Nothing waits for review. Press i to ingest an article.")
            return
        self._open_review(None)

    def _open_review(self, source_id: str | None) -> None:
        from dateline.tui.screens.review import ReviewScreen

        def reviewed(decisions: int | None) -> None:
            if decisions:
                self.after_change(self.view.event.id if self.view.event else None)

        self.app.push_screen(ReviewScreen(self.timeline, source_id), reviewed)

    def action_export(self) -> None:
        from dateline.tui.screens.export import ExportScreen

        events = list(self.view.layout_data.dated)  # date order, not screen order
        if not events:
            self.notify("No events in view to export.")
            return

        def exported(message: str | None) -> None:
            if message:
                self.notify(message, title="Exported")

        self.app.push_screen(ExportScreen(self.timeline, events), exported)

    def action_conflicts(self) -> None:
        from dateline.tui.screens.conflicts import ConflictsScreen

        if not self.timeline.conflicts_by_id:
            self.notify("No conflicts: every import so far merged cleanly.")
            return

        def settled(count: int | None) -> None:
            if count:
                self.after_change(self.view.event.id if self.view.event else None)

        self.app.push_screen(ConflictsScreen(self.timeline), settled)

    def announce_conflicts(self) -> None:
        """Say so when an import (here or in another process) left conflicts."""
        count = len(self.timeline.conflicts_by_id)
        if count:
            self.notify(
                f"{counted(count, 'record')} changed here and in an imported copy "
                "wait for your choice. Press C to settle them.",
                title="Conflicts",
                timeout=10,
            )
