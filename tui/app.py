"""DatelineApp: the explorer around one open Timeline.

The timeline is injected (the CLI opens a file, tests pass one on a temporary
file), so the app never decides where data lives. It owns the global keys,
the help screen, the command palette's commands, and the watch on other
processes writing the same file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from store import dates
from store.timeline import Timeline
from tui.screens.commands import ExplorerCommands
from tui.screens.main import MainScreen
from tui.widgets.filterbar import FilterState, Part

#: How often to look for changes made by another process, in seconds.
POLL_SECONDS = 2.0


class DatelineApp(App[int]):
    """Browse, filter and edit a timeline from the keyboard."""

    # Absolute, so subclasses (benchmarks, tests) in other folders find it.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "dateline"
    COMMANDS = App.COMMANDS | {ExplorerCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.f1"),
        Binding("R", "reload", "Reload from disk", show=False, id="app.reload"),
    ]

    def __init__(
        self,
        timeline: Timeline,
        *,
        actor_filter: tuple[str, ...] = (),
        match_any: bool = False,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.timeline = timeline
        #: "Today" for the today rule, `t` and reading dates; tests pin it.
        self.today = today or date.today()
        parts = tuple(Part("actor", a) for a in dict.fromkeys(actor_filter))
        self._initial_filter = FilterState(parts, "any" if match_any else "all")
        self._outside_noticed = False
        self.snapshot_running = False

    def get_default_screen(self) -> Screen:
        return MainScreen(self.timeline, today=self.today, filters=self._initial_filter)

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self._poll_outside)
        # dateparser costs ~0.4 s on first use: pay it after the first paint.
        self.call_after_refresh(self._warm_dates)

    @work(thread=True, group="warm", exit_on_error=False)
    def _warm_dates(self) -> None:
        dates.warm()

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    # -- help ------------------------------------------------------------------
    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen.active_bindings))

    # -- other processes ---------------------------------------------------------
    def _poll_outside(self) -> None:
        if self.snapshot_running or self._outside_noticed:
            return
        if self.timeline.changed_outside():
            self._outside_noticed = True
            self.notify(
                "Another program changed this timeline. Press R to reload.",
                title="Changed on disk",
                timeout=10,
            )

    def action_reload(self) -> None:
        self._outside_noticed = False
        try:
            changed = self.timeline.refresh()
        except Exception as exc:  # a damaged file must not take the UI down
            self.notify(str(exc), title="Reload failed", severity="error", timeout=10)
            return
        self.main.refill()
        self.main.refresh_search()
        self.notify("Reloaded." if changed else "Already up to date.")

    # -- snapshots -----------------------------------------------------------------
    def start_snapshot_if_due(self) -> None:
        """Fold the journal into the TinyDB file, off the UI thread."""
        if self.timeline.snapshot_due and not self.snapshot_running:
            self.snapshot_running = True
            self.run_worker(
                self.timeline.snapshot,
                thread=True,
                group="snapshot",
                exit_on_error=False,
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "snapshot" or not event.worker.is_finished:
            return
        self.snapshot_running = False
        if event.state == WorkerState.ERROR:
            # The journal still holds every change; only the compaction failed.
            self.notify(
                f"Could not write a snapshot: {event.worker.error}. Your changes "
                "are safe in the journal beside the file.",
                severity="error",
                timeout=10,
            )
