"""The ``dateline`` command: argparse verbs with no Textual import.

The explorer itself is imported only when no verb is given.
"""

from dateline.tui.cli.command import build_parser, main

__all__ = ["build_parser", "main"]
