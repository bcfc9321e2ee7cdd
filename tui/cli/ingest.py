"""``dateline ingest``: an article's text becomes a source, events and quotes."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dateline.store.dates.options import day_option
from dateline.tui.cli.common import open_timeline


def register(verbs: argparse._SubParsersAction) -> None:
    sub = verbs.add_parser(
        "ingest",
        help="read an article into events, actors and quotes (pending review)",
        description=(
            "Read a plain-text article. Dates are read against its publication "
            'date (a first line "date YYYY-MM-DD", or --published); the dateline '
            '("ERBIL (Kurdistan24) -") gives place and outlet. Flags override '
            "what the text says. Extracted events wait for review unless --yes."
        ),
    )
    sub.add_argument("file", metavar="FILE", help="a text file, or - for stdin")
    sub.add_argument(
        "--published",
        metavar="DATE",
        help='the day it appeared: YYYY-MM-DD or in words ("yesterday")',
    )
    sub.add_argument(
        "--outlet", metavar="NAME", default="", help="who published it (e.g. BBC)"
    )
    sub.add_argument("--url", metavar="URL", default="", help="where it was read")
    sub.add_argument(
        "--title",
        metavar="TEXT",
        default="",
        help="the headline (default: guessed from the text)",
    )
    sub.add_argument(
        "--yes", action="store_true", help="accept every extracted event at once"
    )
    sub.set_defaults(func=cmd_ingest)


def read_text(name: str) -> str:
    """The text of FILE, or of stdin for "-"."""
    from dateline.store.ingest.pipeline import (
        ARTICLE_LIMIT,
        decode_article,
        read_article,
    )

    if name == "-":
        # The bytes, not sys.stdin's text: invalid UTF-8 must be named here,
        # not turn into surrogates that break the save later.
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text-only stream stood in for stdin
            raw = sys.stdin.read(ARTICLE_LIMIT + 1).encode("utf-8", "surrogateescape")
        else:
            raw = buffer.read(ARTICLE_LIMIT + 1)
        return decode_article(raw, "standard input")
    return read_article(Path(name))


def parse_published(text: str | None) -> date | None:
    """``--published`` as one day, in words or ISO; None when absent."""
    return day_option(text, "--published") if text else None


def cmd_ingest(args: argparse.Namespace) -> int:
    # Here, not at the top: `dateline --help` must not load the pipeline.
    from dateline.store.ingest.pipeline import extract, save_extraction

    published = parse_published(args.published)
    text = read_text(args.file)
    timeline = open_timeline(args, create=True)
    with timeline:
        extraction = extract(
            text,
            published=published,
            outlet=args.outlet,
            url=args.url,
            title=args.title,
            timeline=timeline,
            accept=args.yes,
        )
        report = save_extraction(timeline, extraction)
    print(report.summary())
    if report.pending:
        print("Review them in the explorer (the review screen) to accept or reject.")
    return 0
