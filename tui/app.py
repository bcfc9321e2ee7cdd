"""DatelineApp: the explorer around one open Timeline.

The timeline is injected (the CLI opens a file, tests pass one on a temporary
file), so the app never decides where data lives. It owns the global keys,
the help screen, the command palette's commands, and the watch on other
processes writing the same file.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import date
from pathlib import Path
from threading import Thread
from typing import ClassVar

from dateline.store import dates
from dateline.store.errors import DatelineError
from dateline.store.timeline import Timeline
from dateline.tui.palette import ExplorerCommands, SavedViewCommands
from dateline.tui.screens.loading import LoadingScreen
from dateline.tui.screens.main.host import MainHost
from dateline.tui.screens.main.screen import MainScreen
from dateline.tui.settings import (
    Settings,
    SettingsError,
    display_zone,
    save_setting,
)
from dateline.tui.view.filters import FilterState, Part
from dateline.tui.view.inert import inert
from dateline.tui.view.toast_text import clamp
from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState

#: Opens the timeline in a worker: takes a progress callback, returns the
#: timeline and the actor ids to filter by.
Opener = Callable[[Callable[[str], None]], tuple[Timeline, tuple[str, ...]]]

#: How often to look for changes made by another process, in seconds.
POLL_SECONDS = 2.0
#: A shared timeline follows other editors within a second: a poll is one
#: indexed one-row query.
SHARED_POLL_SECONDS = 0.5
#: Messages the ``M`` list keeps, newest last.
MESSAGES_KEPT = 100
#: Who else has a shared timeline open is asked every this many polls.
PRESENCE_EVERY = 4
#: A timeline unchanged for this long has its journal folded into the
#: snapshot in the background, so quitting never waits on a rewrite.
FOLD_IDLE_SECONDS = 20.0


class DatelineApp(App[int]):
    """Browse, filter and edit a timeline from the keyboard."""

    # Absolute, so subclasses (benchmarks, tests) in other folders find it.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "dateline"
    COMMANDS = App.COMMANDS | {ExplorerCommands, SavedViewCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.f1"),
        Binding("R", "reload", "Reload from disk", show=False, id="app.reload"),
        Binding(
            "P", "show_path", "Show the file's full path", show=False, id="app.path"
        ),
        Binding("M", "messages", "Messages, whole", show=False, id="app.messages"),
    ]

    def __init__(
        self,
        timeline: Timeline | None = None,
        *,
        opener: Opener | None = None,
        label: str = "",
        actor_filter: tuple[str, ...] = (),
        match_any: bool = False,
        today: date | None = None,
        settings: Settings | None = None,
        config: Path | None = None,
        notice: str = "",
    ) -> None:
        """Explore ``timeline``; or, for a big file, pass ``opener`` instead:
        it runs in a worker (reporting progress) and returns the timeline
        with the actor ids to filter by, while a loading screen is shown.

        ``settings`` bring the theme and keymap; a theme picked in the
        palette is saved to ``config`` (none: remembered for this run only).
        ``notice`` is shown once the explorer is up (a bad settings file)."""
        super().__init__()
        if (timeline is None) == (opener is None):
            raise ValueError("give a timeline or an opener, not both")
        self._timeline = timeline
        self._opener = opener
        self._label = label
        #: "Today" for the today rule, `t` and reading dates; tests pin it.
        self.today = today or date.today()
        self._match_any = match_any
        self._initial_filter = self._filter_of(actor_filter)
        self._outside_noticed = False
        self._gone_offered = False
        self._trouble_told = False
        self._shared_polls = 0
        #: Every toast's whole text this session (``M`` shows them).
        self.messages: deque[tuple[str, str, str]] = deque(maxlen=MESSAGES_KEPT)
        self.snapshot_running = False
        self._version_seen = -1
        self.settings = settings or Settings()
        #: Time zones: the zone zoned times are shown in.
        self.display_zone = display_zone(self.settings)
        self._config = config
        self._notices = [notice] if notice else []
        self.set_keymap(dict(self.settings.keymap))

    @property
    def timeline(self) -> Timeline:
        assert self._timeline is not None, "the timeline is still loading"
        return self._timeline

    @property
    def loaded(self) -> bool:
        return self._timeline is not None

    def _filter_of(self, actor_ids: tuple[str, ...]) -> FilterState:
        parts = tuple(Part("actor", a) for a in dict.fromkeys(actor_ids))
        return FilterState(parts, "any" if self._match_any else "all")

    def get_default_screen(self) -> Screen:
        if self._timeline is None:
            return LoadingScreen(self._label)
        return MainScreen(
            self.timeline,
            today=self.today,
            filters=self._initial_filter,
            date_order=self.settings.date_order,
        )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast, from any screen, is drawn inert: messages quote titles,
        names and paths from other people's files. Markup is off unless asked
        for, so a "[" in a title is text, not a style."""
        title = inert(title, single_line=True)
        message = inert(message)
        self.messages.append((title, message, severity))
        # A toast keeps to two lines; ``M`` shows the whole message.
        shown = message if markup else clamp(message, self._toast_width())
        super().notify(
            shown, title=title, severity=severity, timeout=timeout, markup=markup
        )

    def _toast_width(self) -> int:
        """Characters a toast's line holds (app.tcss: at most 70% wide, less
        its padding and its edge, and a cell to spare for rounding)."""
        return int(self.size.width * 0.7) - 6

    def action_messages(self) -> None:
        from dateline.tui.screens.messages import MessagesScreen

        if not isinstance(self.screen, MessagesScreen):
            self.push_screen(MessagesScreen(self.messages))

    #: Toasts on screen at once; an older one gives way to a newer one.
    MAX_TOASTS = 3

    def _on_notify(self, event: Notify) -> None:
        """A repeated message replaces its earlier toast (its time starts
        again) rather than stacking a copy; beyond ``MAX_TOASTS`` the oldest
        goes."""
        new = event.notification
        shown = list(self._notifications)
        for old in shown:
            if (old.message, old.title, old.severity) == (
                new.message,
                new.title,
                new.severity,
            ):
                self._unnotify(old, refresh=False)
                shown.remove(old)
        for old in shown[: max(0, len(shown) - self.MAX_TOASTS + 1)]:
            self._unnotify(old, refresh=False)
        super()._on_notify(event)

    def on_mount(self) -> None:
        self._restore_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for notice in self._notices:
            self.notify(notice, title="Settings", severity="warning", timeout=15)
        self.set_interval(POLL_SECONDS, self._poll_outside)
        self.set_interval(SHARED_POLL_SECONDS, self._poll_shared)
        self.set_interval(FOLD_IDLE_SECONDS, self.fold_when_idle)
        if self._timeline is None:
            self._open_in_worker()
        else:
            # dateparser costs ~0.4 s on first use: pay it after the first paint.
            self.call_after_refresh(self._warm_dates)

    @work(thread=True, group="open", exit_on_error=False)
    def _open_in_worker(self) -> tuple[Timeline, tuple[str, ...]]:
        assert self._opener is not None
        return self._opener(self._report_progress)

    def _report_progress(self, text: str) -> None:
        self.call_from_thread(self._show_progress, text)

    def _show_progress(self, text: str) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.set_progress(text)

    def _opened(self, worker: Worker[tuple[Timeline, tuple[str, ...]]]) -> None:
        if worker.state == WorkerState.ERROR:
            error = worker.error
            message = str(error) if isinstance(error, DatelineError) else repr(error)
            self.exit(return_code=2, message=f"dateline: {message}")
            return
        assert worker.result is not None  # a worker that did not fail returned
        timeline, actor_ids = worker.result
        self._timeline = timeline
        self._initial_filter = self._filter_of(actor_ids)
        # The loading screen stays beneath (a default screen can't be
        # switched away); nothing pops the main screen, q quits.
        for screen in self.screen_stack:
            if isinstance(screen, LoadingScreen):
                screen.done()
        self.push_screen(
            MainScreen(
                timeline,
                today=self.today,
                filters=self._initial_filter,
                date_order=self.settings.date_order,
            )
        )
        self._warm_dates()

    def _warm_dates(self) -> None:
        """Load dateparser's data now, so the first date typed reads at once."""
        _in_background("dateline-warm-dates", dates.warm)

    def on_main_host_first_rows(self, _: MainHost.FirstRows) -> None:
        # Not before: at 100k events folding the search text in a thread
        # beside the layout worker delayed the first rows by seconds.
        self._prepare_search()
        self.main.announce_conflicts()

    def _prepare_search(self) -> None:
        """Fold every event's search text now, off the UI thread: at 100k
        events the first `/` would otherwise wait seconds for it.

        A search before it is done folds what it needs (``_in_background``
        says why not a worker).
        """
        _in_background("dateline-search-text", self.timeline.prepare_search)

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    # -- settings --------------------------------------------------------------
    def _restore_theme(self) -> None:
        wanted = self.settings.theme
        if wanted is None or wanted == self.theme:
            return
        if wanted in self.available_themes:
            self.theme = wanted
            return
        names = ", ".join(sorted(self.available_themes))
        self._notices.append(f'No theme called "{wanted}"; the themes are {names}.')

    def _remember_theme(self, theme: Theme) -> None:
        if self._config is None or theme.name == self.settings.theme:
            return
        try:
            save_setting("theme", theme.name, self._config)
        except (SettingsError, OSError) as exc:
            self.notify(str(exc), title="Theme not saved", severity="warning")
            return
        self.settings = replace(self.settings, theme=theme.name)

    def remember_overview(self, shown: bool) -> None:
        """Save whether the overview ribbon is shown, as the theme is saved;
        a failure is said, not raised."""
        self.settings = replace(self.settings, overview=shown)
        if self._config is None:
            return
        try:
            save_setting("overview", shown, self._config)
        except (SettingsError, OSError) as exc:
            self.notify(str(exc), title="Setting not saved", severity="warning")

    def action_show_path(self) -> None:
        """The header has room for the file name only; this shows where it is."""
        path = self.timeline.path if self.loaded else None
        where = str(path.resolve()) if path else "(in memory, not saved)"
        self.notify(where, title="Timeline file", timeout=10)

    # -- help ------------------------------------------------------------------
    def action_help(self) -> None:
        from dateline.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen.active_bindings))

    # -- other processes ---------------------------------------------------------
    def _poll_outside(self) -> None:
        if self.snapshot_running or not self.loaded or self.timeline.shared:
            return
        if self.timeline.file_gone():
            # Once per disappearance; R asks again.
            if not self._gone_offered:
                self._gone_offered = True
                self._offer_write_back()
            return
        self._gone_offered = False
        if self._outside_noticed:
            return
        if self.timeline.changed_outside():
            self._outside_noticed = True
            self.notify(
                "Another program changed this timeline. Press R to reload.",
                title="Changed on disk",
                timeout=10,
            )

    def _poll_shared(self) -> None:
        """Other editors' changes applied in place (the cursor stays on its
        event); a lost server told once, and its return."""
        if not self.loaded:
            return
        shared = self.timeline.shared
        if shared is None:
            return
        shared.listen()
        changed = self.timeline.changed_outside()
        if shared.trouble:
            if not self._trouble_told:
                self._trouble_told = True
                self.notify(
                    f"Connection to PostgreSQL lost ({shared.trouble}); "
                    "reconnecting. Changes cannot be saved until it is back.",
                    title="Connection lost",
                    severity="warning",
                    timeout=10,
                )
            return
        if self._trouble_told:
            self._trouble_told = False
            self.notify("Connected to PostgreSQL again.", title="Connection back")
        self._shared_polls += 1
        looked = self._shared_polls % PRESENCE_EVERY == 1
        if looked:
            try:
                shared.look_around()
            except DatelineError:
                return
        if changed:
            try:
                self.timeline.refresh()
            except DatelineError as exc:
                self.notify(str(exc), title="Update failed", severity="error")
                return
            self.main.refill()
            self.main.refresh_search()
        elif looked:
            self.main.update_header()

    def _offer_write_back(self) -> None:
        """A save now would start an empty file, so what memory holds is
        offered back instead."""
        if isinstance(self.screen, MainScreen):
            self.main.offer_write_back()
        else:
            self.notify(
                f"{self.timeline.path} was moved or deleted; nothing is saved. "
                "Go back to the timeline and press R to write it back.",
                title="File gone",
                severity="error",
                timeout=15,
            )

    def action_reload(self) -> None:
        self._outside_noticed = False
        if self.timeline.file_gone():
            self._offer_write_back()
            return
        try:
            changed = self.timeline.refresh()
        except Exception as exc:  # a damaged file must not take the UI down
            self.notify(str(exc), title="Reload failed", severity="error", timeout=10)
            return
        self.main.refill()
        self.main.refresh_search()
        self.notify("Reloaded." if changed else "Already up to date.")
        if changed:
            self.main.announce_conflicts()

    # -- snapshots -----------------------------------------------------------------
    def start_snapshot_if_due(self) -> None:
        """Fold the journal into the TinyDB file, off the UI thread."""
        if self.timeline.snapshot_due:
            self._start_snapshot()

    def fold_when_idle(self) -> None:
        """Fold a pending journal once nothing changed for a whole period."""
        if not self.loaded:
            return
        version = self.timeline.version
        idle, self._version_seen = version == self._version_seen, version
        if idle and self.timeline.pending_journal:
            self._start_snapshot()

    def _start_snapshot(self) -> None:
        if self.snapshot_running:
            return
        self.snapshot_running = True
        self.run_worker(
            self.timeline.snapshot, thread=True, group="snapshot", exit_on_error=False
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "open" and event.worker.is_finished:
            self._opened(event.worker)
            return
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


def _in_background(name: str, job: Callable[[], object]) -> None:
    """Run ``job`` in a daemon thread: work that only warms a cache.

    Not a thread worker: the interpreter waits for a worker's thread before
    the process ends, so `q` a moment after a 100k file's rows appeared
    waited a second for dateparser's warm-up, and 2 s for the search text.
    A failure costs only speed (the cache is filled on first use instead)
    and must not print over the screen, so it is dropped.
    """

    def run() -> None:
        with suppress(Exception):
            job()

    Thread(target=run, name=name, daemon=True).start()
