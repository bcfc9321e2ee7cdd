"""Verbs about the command itself: ``help``, ``completion``, ``settings``.

``help`` and ``completion`` are generated from the same argparse parser the
command runs with, so neither can drift from the real options.
"""

from __future__ import annotations

import argparse

from dateline.store.errors import DatelineError
from dateline.tui.settings import KEYS, config_path

SHELLS = ("bash", "zsh", "fish")

#: Where each shell looks for completions, for the install line in the help.
INSTALL = (
    "Install: bash: dateline completion bash > "
    "~/.local/share/bash-completion/completions/dateline; "
    "zsh: dateline completion zsh > ~/.zfunc/_dateline (with ~/.zfunc in "
    "fpath); fish: dateline completion fish > "
    "~/.config/fish/completions/dateline.fish"
)


def register(verbs: argparse._SubParsersAction) -> None:
    helper = verbs.add_parser(
        "help", help="explain a verb and its options (dateline help add)"
    )
    helper.add_argument("verb", nargs="?", metavar="VERB", help="a verb; none: all")
    helper.set_defaults(func=cmd_help)

    completion = verbs.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description=f"Print the completion script for SHELL to standard output. "
        f"{INSTALL}.",
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    completion.set_defaults(func=cmd_completion)

    settings = verbs.add_parser(
        "settings", help="show the settings file's path and what it says"
    )
    settings.set_defaults(func=cmd_settings)


def _verbs(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def cmd_help(args: argparse.Namespace) -> int:
    # The whole command's parser, handed down by command.build_parser.
    parser: argparse.ArgumentParser = args.parser
    if not args.verb:
        parser.print_help()
        return 0
    verbs = _verbs(parser)
    if args.verb not in verbs:
        raise DatelineError(
            f'No verb called "{args.verb}"; the verbs are {", ".join(verbs)}.'
        )
    verbs[args.verb].print_help()
    return 0


def cmd_completion(args: argparse.Namespace) -> int:
    import shtab

    # The whole command's parser, handed down by command.build_parser.
    parser: argparse.ArgumentParser = args.parser
    # File names complete where a file is taken; marked here, not in every
    # verb, so ordinary runs never import shtab.
    for sub in (parser, *_verbs(parser).values()):
        for action in sub._actions:
            if action.dest in ("db", "file") or action.metavar in ("FILE", "FILE|-"):
                action.complete = shtab.FILE  # type: ignore[attr-defined]
    print(shtab.complete(parser, shell=args.shell, root_prefix="dateline"))
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    path = config_path()
    state = "" if path.exists() else " (not created yet; made on the first change)"
    print(f"file: {path}{state}")
    settings = args.settings
    for key in KEYS:
        value = getattr(settings, key)
        if key == "keymap":
            value = ", ".join(f"{k}={v}" for k, v in value.items()) or "(none)"
        elif isinstance(value, tuple):
            value = ", ".join(value)
        print(f"{key}: {'' if value is None else value}")
    return 0
