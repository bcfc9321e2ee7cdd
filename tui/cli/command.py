"""The ``dateline`` command: opens the explorer, or runs a scriptable verb.

Every verb is a module in ``dateline.tui.cli.verbs`` with ``register(subparsers)``; each
sets ``func`` on its parser. User mistakes surface as one line on stderr and a
non-zero exit, never a traceback. Global options (``--db``) are accepted
before or after the verb, as git and jrnl users expect. The settings file is
read once here and handed on as ``args.settings``.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from dateline import __version__
from dateline.store.errors import DatelineError
from dateline.store.postgres import PgLocation
from dateline.tui.cli.common import db_option, default_db, zone_option
from dateline.tui.cli.output import inert_output
from dateline.tui.cli.verbs import VERB_MODULES
from dateline.tui.settings import load_settings

EXIT_USER_ERROR = 2

#: Write errors that mean the output has nowhere to go, not a bug.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG})

DB_HELP = (
    "timeline file, or a shared timeline as postgresql://user@host/dbname"
    "[?timeline=NAME] (default: $DATELINE_DB, else `db` in the settings file, "
    "else the user data folder)"
)


ZONE_HELP = (
    "time zone to show zoned times in: Europe/Paris, -05:00, EST "
    "(default: `zone` in the settings file, else $TZ, else the machine's)"
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
    parser.add_argument("--db", type=db_option, help=DB_HELP)
    parser.add_argument("--zone", type=zone_option, help=ZONE_HELP)
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
        sub.add_argument(
            "--db", type=db_option, default=argparse.SUPPRESS, help=DB_HELP
        )
        sub.add_argument(
            "--zone", type=zone_option, default=argparse.SUPPRESS, help=ZONE_HELP
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Every character printed from here on is made inert: titles, names,
    # warnings and echoed arguments may all hold terminal escapes.
    with inert_output():
        return _main(sys.argv[1:] if argv is None else list(argv))


def _main(argv: list[str]) -> int:
    try:
        _check_arguments(argv)
        parser = build_parser()
        args = parser.parse_args(argv)
        return _run(args)
    except DatelineError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `dateline list | head` closing the pipe early is not an error.
        _silence_stdout()
        return 0
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            return _unexpected(exc)
        # `dateline list > /dev/full`: what was saved stays saved; only the
        # printing failed.
        _silence_stdout()
        print(
            f"dateline: could not write the output: {exc.strerror}. Free some "
            "space or write somewhere else.",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    except Exception as exc:  # the last line of defence
        return _unexpected(exc)


def _run(args: argparse.Namespace) -> int:
    loaded = load_settings()
    args.settings = loaded.settings
    if args.zone is not None:
        args.settings = replace(args.settings, zone=args.zone)
    args.settings_problem = loaded.problem
    # One place decides the timeline, for the verbs and the explorer alike.
    if args.db is None:
        args.db = default_db(loaded.settings.db)
    _check_db_path(args.db)
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
    code = int(args.func(args) or 0)
    # Flushed here, inside the try: a full disk is reported, not ignored.
    sys.stdout.flush()
    return code


def _check_arguments(argv: list[str]) -> None:
    """Refuse arguments that are not text before anything reads them."""
    for number, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError as exc:
            # Python keeps undecodable bytes as lone surrogates; saved, they
            # would make the timeline file unwritable.
            byte = ord(arg[exc.start]) - 0xDC00
            shown = f"byte 0x{byte:02x}" if 0 <= byte < 0x100 else "a lone surrogate"
            raise DatelineError(
                f"argument {number} is not valid UTF-8 text ({shown} at "
                f"character {exc.start + 1}); retype it or set a UTF-8 locale."
            ) from None


def _check_db_path(path: Path | PgLocation) -> None:
    if isinstance(path, PgLocation):
        return
    try:
        path.resolve()
    except (RuntimeError, OSError):
        # RuntimeError before Python 3.13, OSError(ELOOP) after.
        raise DatelineError(
            f"{path} is a symbolic link that leads back to itself; give --db "
            "the timeline file itself."
        ) from None


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; pointing it at /dev/null lets
    # that last flush succeed instead of printing a second error.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _unexpected(exc: BaseException) -> int:
    print(
        f"dateline: stopped by an unexpected {type(exc).__name__}: "
        f"{str(exc)[:200]}. What was saved before stays saved; please report "
        "this with the command you ran.",
        file=sys.stderr,
    )
    return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
