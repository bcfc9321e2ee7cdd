"""Start the explorer from parsed command-line arguments."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Callable
from pathlib import Path

from dateline.store.postgres import PgLocation
from dateline.store.timeline import Timeline
from dateline.tui.cli.common import (
    actor_ids_for,
    author_of,
    ensure_folder,
    set_up_if_empty,
    tell,
)
from dateline.tui.settings import Settings, config_path

#: Files above this open behind a loading screen (about 15k events, ~0.5 s);
#: smaller ones open before the UI starts, so a bad file is one plain line.
OPEN_IN_WORKER_BYTES = 8_000_000


def run_explorer(args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    if not args.demo:
        path = args.db
        if isinstance(path, PgLocation):
            return _explore(path, args, settings)
        ensure_folder(path, "the explorer was not started")
        set_up_if_empty(path)
        return _explore(path, args, settings)
    from dateline.tui.cli.demo import make_demo

    path = make_demo()
    try:
        return _explore(path, args, settings)
    finally:
        # Each --demo is a fresh copy; leaving them would fill the temp folder.
        shutil.rmtree(path.parent, ignore_errors=True)


def _explore(
    where: Path | PgLocation, args: argparse.Namespace, settings: Settings
) -> int:
    from dateline.tui.app import DatelineApp

    notice: str = getattr(args, "settings_problem", "")
    # A big file, or a shared timeline (the server may be far, the timeline
    # big), opens behind the loading screen.
    in_worker = isinstance(where, PgLocation) or (
        where.exists() and where.stat().st_size > OPEN_IN_WORKER_BYTES
    )
    if in_worker:

        def opener(
            progress: Callable[[str], None],
        ) -> tuple[Timeline, tuple[str, ...]]:
            timeline = Timeline.open(
                where, progress=progress, notice=tell, author=author_of(args)
            )
            return timeline, actor_ids_for(timeline, args.actor)

        app = DatelineApp(
            opener=opener,
            label=str(where),
            match_any=args.any,
            settings=settings,
            config=config_path(),
            notice=notice,
        )
    else:
        timeline = Timeline.open(where, notice=tell, author=author_of(args))
        app = DatelineApp(
            timeline,
            actor_filter=actor_ids_for(timeline, args.actor),
            match_any=args.any,
            settings=settings,
            config=config_path(),
            notice=notice,
        )
    try:
        app.run()
    finally:
        if app.loaded:
            # The app folded the journal in the background while it ran;
            # what is left is replayed on the next open, not rewritten now.
            app.timeline.close(quick=True)
    return app.return_code or 0
