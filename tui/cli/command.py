"""The ``dateline`` command: opens the explorer, or runs a scriptable verb.

Every verb is a module in ``dateline.tui.cli.verbs`` with ``register(subparsers)``; each
sets ``func`` on its parser. User mistakes surface as one line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from dateline.store.errors import DatelineError
from dateline.tui.cli.common import default_db
from dateline.tui.cli.verbs import VERB_MODULES

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description=(
            "A keyboard-driven timeline explorer for rebuilding what happened "
            "from the news. With no verb, opens the explorer."
        ),
        epilog="Press ? inside the explorer for every key.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help="timeline file (default: $DATELINE_DB, else the user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a temporary copy of the bundled demo timeline",
    )
    parser.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help="open the explorer filtered to this actor (repeatable)",
    )
    parser.add_argument(
        "--any",
        action="store_true",
        help="with several --actor: events of any of them (default: all of them)",
    )
    parser.set_defaults(func=None)
    verbs = parser.add_subparsers(title="verbs", metavar="VERB")
    for module in VERB_MODULES:
        module.register(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.func is None:
            from dateline.tui.cli.launch import run_explorer

            return run_explorer(args)
        if args.db is None:
            args.db = default_db()
        return int(args.func(args) or 0)
    except DatelineError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `dateline list | head` closing the pipe early is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
