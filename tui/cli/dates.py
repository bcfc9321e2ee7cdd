"""``dateline dates``: how dateline reads a date phrase, or every date in a text."""

from __future__ import annotations

import argparse

from dateline.store.dates.labels import describe
from dateline.store.dates.parse import parse_date
from dateline.store.errors import DatelineError
from dateline.store.ingest.find_dates import find_dates
from dateline.store.ingest.text import parse_article
from dateline.store.report import date_record
from dateline.tui.cli.common import (
    parse_anchor,
    print_json,
    print_table,
    shown_zone,
)


def register(verbs: argparse._SubParsersAction) -> None:
    sub = verbs.add_parser(
        "dates",
        help="show how a date in words is read, or list the dates in a text",
    )
    sub.add_argument("text", nargs="?", help='e.g. "first week of February"')
    sub.add_argument(
        "--anchor", metavar="DATE", help="read against this day (default today)"
    )
    sub.add_argument(
        "--prefer",
        choices=("past", "future", "auto"),
        help="which way a date without a year points (default: the settings' "
        "prefer, else auto: the nearest)",
    )
    sub.add_argument(
        "--in",
        dest="file",
        metavar="FILE",
        help="list every date expression in this text file (- for stdin)",
    )
    sub.add_argument(
        "--published",
        metavar="DATE",
        help='with --in: the article\'s date (default: its "date" line)',
    )
    sub.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output: an aligned table (default) or JSON",
    )
    sub.set_defaults(func=cmd_dates)


def cmd_dates(args: argparse.Namespace) -> int:
    if args.file is not None:
        return _dates_in(args)
    if not args.text:
        raise DatelineError(
            'Give a date in words, e.g. dateline dates "last Friday", or a text '
            "file with --in FILE."
        )
    anchor = parse_anchor(args.anchor)
    prefer = args.prefer or args.settings.prefer
    when = parse_date(args.text, anchor, prefer=prefer, order=args.settings.date_order)
    record = date_record(when)
    if args.format == "json":
        print_json(record)
        return 0
    print(f"text:        {record['text']}")
    print(f"start:       {record['start']}")
    print(f"end:         {record['end']}")
    print(f"precision:   {record['precision']}")
    print(f"approximate: {'yes' if record['approximate'] else 'no'}")
    if when.zone:
        print(f"zone:        {when.zone} (UTC {record['start_utc']})")
    print(f"reads as:    {describe(when, shown_zone(args))}")
    return 0


def _dates_in(args: argparse.Namespace) -> int:
    """Every temporal expression of a file; spans index its text (``\\n``
    line endings), so ``text[from:to]`` is the expression."""
    from dateline.tui.cli.ingest import parse_published, read_text

    article = parse_article(read_text(args.file))
    anchor = parse_published(args.published)
    if anchor is None and args.anchor:
        anchor = parse_anchor(args.anchor)
    anchor = anchor or article.published
    if anchor is None:
        raise DatelineError(
            f'No publication date found in {args.file} (a first line like "date '
            '2026-01-10"); pass --published YYYY-MM-DD.'
        )
    found = find_dates(article.text, anchor, masked=article.masked)
    records = [
        {
            **date_record(item.when),
            "span": list(item.span),
            "tense": item.tense,
        }
        for item in found
    ]
    if args.format == "json":
        print_json(
            [
                {
                    "text": r["text"],
                    "span": r["span"],
                    "start": r["start"],
                    "end": r["end"],
                    "precision": r["precision"],
                    "approximate": r["approximate"],
                    "tense": r["tense"],
                    **{k: r[k] for k in ("bound", "window") if k in r},
                }
                for r in records
            ]
        )
        return 0
    rows = [
        [f"{item.span[0]}-{item.span[1]}", item.text, describe(item.when), item.tense]
        for item in found
    ]
    print_table(["span", "text", "reads as", "tense"], rows)
    return 0
