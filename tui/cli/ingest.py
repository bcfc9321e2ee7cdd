"""``dateline ingest``: an article, a saved page or a feed becomes sources,
events and quotes."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.store.dates.options import day_option
from dateline.store.errors import DatelineError, counted
from dateline.tui.cli.common import open_timeline

if TYPE_CHECKING:
    from dateline.store.ingest import Document, IngestReport
    from dateline.store.timeline import Timeline

# The ingest pipeline (dateparser, trafilatura, feedparser) is imported in
# the functions that run it, so other verbs and --help start without it.


def register(verbs: argparse._SubParsersAction) -> None:
    sub = verbs.add_parser(
        "ingest",
        help="read an article, saved web page or feed into events, actors and "
        "quotes (pending review)",
        description=(
            "Read a plain-text article, a saved web page (.html: its headline, "
            "outlet, author and date come from the page's metadata) or an RSS/"
            "Atom feed (each item with its own date and link). Dates are read "
            'against the publication date (a first line "date YYYY-MM-DD", the '
            "page's or item's date, or --published), in the article's language "
            "(English, Spanish, Portuguese or French; the `languages` setting "
            'lists those tried). The dateline ("ERBIL (Kurdistan24) -") gives '
            "place and outlet. Flags override what the file says. Extracted "
            "events wait for review unless --yes."
        ),
    )
    sub.add_argument(
        "file", metavar="FILE", help="a text, HTML or feed file, or - for stdin"
    )
    sub.add_argument(
        "--published",
        metavar="DATE",
        help='the day it appeared: YYYY-MM-DD or in words ("yesterday"); for a '
        "feed, the date of items that carry none and whose feed has none",
    )
    sub.add_argument(
        "--outlet", metavar="NAME", default="", help="who published it (e.g. BBC)"
    )
    sub.add_argument(
        "--url", metavar="URL", default="", help="where it was read (not for feeds)"
    )
    sub.add_argument(
        "--via",
        metavar="OUTLET",
        default="",
        help="the outlet whose report this relays (e.g. AFP): the two count as "
        "one source when claims confirm an event",
    )
    sub.add_argument(
        "--title",
        metavar="TEXT",
        default="",
        help="the headline (default: the page's, else guessed from the text; "
        "not for feeds)",
    )
    sub.add_argument(
        "--yes", action="store_true", help="accept every extracted event at once"
    )
    sub.set_defaults(func=cmd_ingest)


def read_input(name: str) -> list[Document]:
    """The articles in FILE, or in stdin for "-"."""
    from dateline.store.ingest.reading import documents_from_bytes, read_documents

    if name == "-":
        return documents_from_bytes(_stdin_bytes(), "standard input")
    return read_documents(Path(name))


def read_text(name: str) -> str:
    """FILE, or stdin for "-", as plain text, whatever it holds (``dates
    --in`` reports spans into exactly these characters)."""
    from dateline.store.ingest.reading import plain_from_bytes, read_plain

    if name == "-":
        return plain_from_bytes(_stdin_bytes(), "standard input")
    return read_plain(Path(name))


def _stdin_bytes() -> bytes:
    from dateline.store.ingest.document import ARTICLE_LIMIT

    # The bytes, not sys.stdin's text: invalid UTF-8 must be named here,
    # not turn into surrogates that break the save later.
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text-only stream stood in for stdin
        return sys.stdin.read(ARTICLE_LIMIT + 1).encode("utf-8", "surrogateescape")
    data: bytes = buffer.read(ARTICLE_LIMIT + 1)
    return data


def parse_published(text: str | None) -> date | None:
    """``--published`` as one day, in words or ISO; None when absent."""
    return day_option(text, "--published") if text else None


def cmd_ingest(args: argparse.Namespace) -> int:
    from dateline.store.ingest.pipeline import extract, save_extraction

    published = parse_published(args.published)
    documents = read_input(args.file)
    if documents[0].kind == "feed":
        return _ingest_feed(args, documents, published)
    timeline = open_timeline(args, create=True)
    with timeline:
        extraction = extract(
            documents[0],
            published=published,
            outlet=args.outlet,
            url=args.url,
            title=args.title,
            via=args.via,
            timeline=timeline,
            accept=args.yes,
            languages=args.settings.languages,
        )
        report = save_extraction(timeline, extraction)
    print(report.summary())
    if report.pending:
        print("Review them in the explorer (the review screen) to accept or reject.")
    return 0


def _ingest_feed(
    args: argparse.Namespace, items: list[Document], fallback: date | None
) -> int:
    """Each item in turn, one undo step each; an item that cannot be read
    (no date, no text, already in the timeline) is named and skipped.

    Exits 0 when every item came in, 1 when some did, 2 when none did.
    """
    if args.url or args.title:
        raise DatelineError(
            "--url and --title name one article, and a feed's items each carry "
            "their own link and title; leave them out."
        )
    timeline = open_timeline(args, create=True)
    saved, skipped, pending = 0, 0, 0
    with timeline:
        for item in items:
            try:
                report = _ingest_item(args, timeline, item, fallback)
            except DatelineError as exc:
                skipped += 1
                print(f"dateline: {item.name}: skipped: {exc}", file=sys.stderr)
                continue
            saved += 1
            pending += report.pending
            print(report.summary())
    print(
        f"Feed: {counted(saved, 'item')} ingested, {skipped} skipped, of {len(items)}."
    )
    if pending:
        print("Review them in the explorer (the review screen) to accept or reject.")
    return 0 if not skipped else (1 if saved else 2)


def _ingest_item(
    args: argparse.Namespace,
    timeline: Timeline,
    item: Document,
    fallback: date | None,
) -> IngestReport:
    from dateline.store.ingest.pipeline import extract, save_extraction

    if item.published is None and fallback is not None:
        item = replace(item, published=fallback)
    extraction = extract(
        item,
        outlet=args.outlet,
        via=args.via,
        timeline=timeline,
        accept=args.yes,
        languages=args.settings.languages,
    )
    return save_extraction(timeline, extraction)
