"""Start the explorer from parsed command-line arguments."""

from __future__ import annotations

import argparse

from store.errors import DatelineError
from store.timeline import Timeline


def run_explorer(args: argparse.Namespace) -> int:
    from tui.cli import default_db

    if args.demo:
        from tui.demo import make_demo

        path = make_demo()
    else:
        path = args.db or default_db()
        path.parent.mkdir(parents=True, exist_ok=True)
    timeline = Timeline.open(path)
    actor_ids = []
    for name in args.actor:
        actor = timeline.find_actor(name)
        if actor is None:
            raise DatelineError(
                f'No actor called "{name}" in {path}. '
                "See `dateline actors` for the names."
            )
        actor_ids.append(actor.id)
    from tui.app import DatelineApp

    app = DatelineApp(timeline, actor_filter=tuple(actor_ids), match_any=args.any)
    try:
        app.run()
    finally:
        timeline.close()
    return app.return_code or 0
