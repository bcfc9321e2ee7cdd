"""Start the explorer from parsed command-line arguments."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from dateline.store.timeline import Timeline
from dateline.tui.cli.common import actor_ids_for, default_db

#: Files above this open behind a loading screen (about 15k events, ~0.5 s);
#: smaller ones open before the UI starts, so a bad file is one plain line.
OPEN_IN_WORKER_BYTES = 8_000_000


def run_explorer(args: argparse.Namespace) -> int:
    from dateline.tui.app import DatelineApp

    if args.demo:
        from dateline.tui.cli.demo import make_demo

        path = make_demo()
    else:
        path = args.db or default_db()
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > OPEN_IN_WORKER_BYTES:

        def opener(
            progress: Callable[[str], None],
        ) -> tuple[Timeline, tuple[str, ...]]:
            timeline = Timeline.open(path, progress=progress)
            return timeline, actor_ids_for(timeline, args.actor)

        app = DatelineApp(opener=opener, label=str(path), match_any=args.any)
    else:
        timeline = Timeline.open(path)
        ids = actor_ids_for(timeline, args.actor)
        app = DatelineApp(timeline, actor_filter=ids, match_any=args.any)
    try:
        app.run()
    finally:
        if app.loaded:
            app.timeline.close()
    return app.return_code or 0
