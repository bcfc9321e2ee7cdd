"""``dateline dates``: how dateline reads a date phrase."""

from __future__ import annotations

import argparse

from store.datefmt import describe
from store.dates import parse_date

from store.report import date_record
from tui.commands.common import parse_anchor, print_json


def register(verbs: argparse._SubParsersAction) -> None:
    sub = verbs.add_parser("dates", help="show how a date in words is read")
    sub.add_argument("text", help='e.g. "first week of February"')
    sub.add_argument("--anchor", metavar="DATE", help="read against (default today)")
    sub.add_argument("--prefer", choices=("past", "future", "auto"), default="auto")
    sub.add_argument("--format", choices=("table", "json"), default="table")
    sub.set_defaults(func=cmd_dates)


def cmd_dates(args: argparse.Namespace) -> int:
    anchor = parse_anchor(args.anchor)
    when = parse_date(args.text, anchor, prefer=args.prefer)
    record = date_record(when)
    if args.format == "json":
        print_json(record)
        return 0
    print(f"text:        {record['text']}")
    print(f"start:       {record['start']}")
    print(f"end:         {record['end']}")
    print(f"precision:   {record['precision']}")
    print(f"approximate: {'yes' if record['approximate'] else 'no'}")
    print(f"reads as:    {describe(when)}")
    return 0
