"""The ``dateline`` command: opens the explorer, or runs a scriptable verb.

Every verb is a module in ``dateline.tui.cli.verbs`` with ``register(subparsers)``; each
sets ``func`` on its parser. User mistakes surface as one line on stderr and a
non-zero exit, never a traceback. Global options (``--db``) are accepted
before or after the verb, as git and jrnl users expect. The settings file is
read once here and handed on as ``args.settings``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from dateline import __version__
from dateline.store.errors import DatelineError
from dateline.tui.cli.common import default_db
from dateline.tui.cli.verbs import VERB_MODULES
from dateline.tui.settings import load_settings

EXIT_USER_ERROR = 2

DB_HELP = (
    "timeline file (default: $DATELINE_DB, else `db` in the settings file, "
    "else the user data folder)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description=(
            "A keyboard-driven timeline explorer for rebuilding what happened "
            "from the news. With no verb, opens the explorer."
        ),
        epilog=(
            "Press ? inside the explorer for every key. `dateline help VERB` "
            "explains a verb; settings live in the file `dateline settings` names."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"dateline {__version__}"
    )
    parser.add_argument("--db", type=Path, help=DB_HELP)
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
    # `help` and `completion` describe the whole command: they get its parser.
    parser.set_defaults(func=None, parser=parser)
    verbs = parser.add_subparsers(title="verbs", metavar="VERB")
    for module in VERB_MODULES:
        module.register(verbs)
    for choice in verbs._choices_actions:
        sub = verbs.choices[choice.dest]
        # `dateline help VERB` and `VERB --help` open with what the verb does.
        words = choice.help or ""
        sub.description = sub.description or f"{words[:1].upper()}{words[1:]}."
        # SUPPRESS: given only before the verb, the top-level value stands.
        sub.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=DB_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    loaded = load_settings()
    args.settings = loaded.settings
    args.settings_problem = loaded.problem
    try:
        if args.func is None:
            if not sys.stdout.isatty():
                # The explorer would draw into the pipe and wait for keys
                # that never come.
                print(
                    "dateline: standard output is not a terminal, so the explorer "
                    "was not started; give a verb, e.g. `dateline list`.",
                    file=sys.stderr,
                )
                return EXIT_USER_ERROR
            from dateline.tui.cli.launch import run_explorer

            return run_explorer(args)
        if loaded.problem:
            print(f"dateline: {loaded.problem}", file=sys.stderr)
        if args.db is None:
            args.db = default_db(loaded.settings.db)
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
