"""Verbs that move timelines in and out: import and export.

``import`` reads and checks the whole file before the timeline is even
opened, then merges it in one step; records it could not read are listed on
stderr and the exit status is 1; a file it cannot read at all, or one that
brings nothing new (only duplicates or unreadable records), is exit 2 with
the timeline unchanged.
``export`` takes the same filters as ``list``; it never replaces a timeline,
and replaces any other file only with ``--force``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.store.errors import DatelineError, counted
from dateline.store.formats.detect import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    export_format_for,
)
from dateline.store.formats.native import ImportFormatError
from dateline.tui.cli.common import (
    add_filter_args,
    build_filter,
    open_timeline,
    parse_anchor,
)
from dateline.tui.cli.records import print_new_actors

if TYPE_CHECKING:
    from dateline.store.model import Event
    from dateline.store.timeline import Timeline

#: Some records could not be read; the rest were imported.
EXIT_PARTIAL = 1
#: Every record of the file is already in the timeline (or unreadable):
#: nothing came in.
EXIT_NOTHING = 2

#: Names of articles rather than timelines: `ingest` reads those.
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm")


def register(verbs: argparse._SubParsersAction) -> None:
    imp = verbs.add_parser(
        "import",
        help="merge a file into the timeline",
        description=(
            "Merge a dateline JSON export, CSV, TimelineJS JSON or sheet CSV, "
            "Timesketch CSV or JSONL, or iCalendar file into the timeline "
            "(- reads standard input). Actors are matched by name or alias; an "
            "event with the same date and title as one already there is "
            "skipped. Exit status: 0 all imported, 1 some records could not be "
            "read (listed on stderr), 2 nothing imported."
        ),
    )
    imp.add_argument(
        "file", type=Path, metavar="FILE", help="the file to merge, or - for stdin"
    )
    imp.add_argument(
        "--format",
        choices=("auto", *IMPORT_FORMATS, "dir"),
        default="auto",
        help="what the file is (default: tell from its content and name)",
    )
    imp.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="import events even when one with the same date and title exists",
    )
    imp.add_argument(
        "--anchor",
        metavar="DATE",
        help="read CSV dates in words against this date (default: today)",
    )
    imp.set_defaults(func=cmd_import)

    exp = verbs.add_parser(
        "export",
        help="write events to a file (or - for stdout)",
        description=(
            "Write the timeline, or the events the filters select, as dateline "
            "JSON (lossless), CSV, TimelineJS JSON or sheet CSV, Timesketch "
            "CSV or JSONL, iCalendar or a Markdown report. A file that is "
            "there is replaced only with --force; a dateline timeline never is."
        ),
    )
    exp.add_argument("file", metavar="FILE|-", help="where to write; - for stdout")
    exp.add_argument(
        "--format",
        choices=(*EXPORT_FORMATS, "dir"),
        help=(
            "default: from the file name (.json .csv .ics .md, .timeline.json, "
            ".sheet.csv for the TimelineJS sheet, .timesketch.csv, .jsonl; "
            "a folder needs --format dir)"
        ),
    )
    exp.add_argument(
        "--force",
        action="store_true",
        help="replace FILE if it exists (never a dateline timeline)",
    )
    exp.add_argument(
        "--raw-formulas",
        action="store_true",
        help=(
            "CSV: write cells starting with = + - @ as they are; by default a ' "
            "is put in front so a spreadsheet shows them instead of running them"
        ),
    )
    add_filter_args(exp)
    exp.set_defaults(func=cmd_export)


def cmd_import(args: argparse.Namespace) -> int:
    # Here, not at the top: `dateline --help` must not load the store.
    from dateline.store.formats.registry import STDIN, merge_read, read_import

    anchor = parse_anchor(args.anchor)
    # The pipe has no name to tell a format by; its content still does.
    piped = str(args.file) == "-"
    source = STDIN if piped else args.file
    ingest_hint = (
        f"If it is an article (plain text or HTML), read it with "
        f"`dateline ingest {args.file}`."
    )
    if (
        args.format == "auto"
        and source.suffix.lower() in ARTICLE_SUFFIXES
        and not source.is_dir()
    ):
        raise DatelineError(
            f"{args.file} looks like an article, not a timeline to import. "
            f"{ingest_hint}"
        )
    # Read and check everything first: a broken file never opens the timeline.
    try:
        _fmt, read = read_import(
            source,
            args.format,
            anchor=anchor,
            stdin=sys.stdin.buffer if piped else None,
        )
    except ImportFormatError as exc:
        if args.format != "auto" or not str(exc).startswith("Cannot tell"):
            raise
        raise DatelineError(f"{exc} {ingest_hint}") from None
    with open_timeline(args, create=True) as timeline:
        before = {actor.id for actor in timeline.actors()}
        report = merge_read(
            timeline, read, source, allow_duplicates=args.allow_duplicates
        )
    for problem in report.problems:
        print(f"dateline: {problem}", file=sys.stderr)
    for title in report.duplicates:
        print(f"dateline: already in the timeline, skipped: {title}", file=sys.stderr)
    if report.duplicates:
        print(
            "dateline: use --allow-duplicates to import them anyway.", file=sys.stderr
        )
    for note in report.notes:
        print(f"dateline: {note}", file=sys.stderr)
    for conflict in report.conflicts:
        print(
            f"dateline: conflict, ours kept and theirs saved to settle: {conflict}",
            file=sys.stderr,
        )
    print(report.summary())
    print_new_actors(timeline, before)
    if report.nothing_new and (
        report.problems or report.duplicates or report.same or report.older
    ):
        # Nothing came in: the file was all unreadable records, duplicates,
        # or records the timeline already holds (as they are, or newer).
        return EXIT_NOTHING
    return EXIT_PARTIAL if report.problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    from dateline.store.formats.registry import render_export, write_export

    to_stdout = args.file == "-"
    fmt = args.format or (None if to_stdout else export_format_for(args.file))
    if fmt is None:
        where = "standard output" if to_stdout else f'"{args.file}"'
        raise DatelineError(
            f"Cannot tell which format to write to {where}; add --format "
            f"({', '.join(EXPORT_FORMATS)})."
        )
    with open_timeline(args) as timeline:
        flt = build_filter(timeline, args)
        events = timeline.events(flt)
        if fmt == "dir":
            return _export_folder(timeline, events, args.file)
        if to_stdout:
            text = render_export(timeline, events, fmt, raw_formulas=args.raw_formulas)
            sys.stdout.write(text)
            return 0
        write_export(
            timeline,
            events,
            fmt,
            args.file,
            force=args.force,
            raw_formulas=args.raw_formulas,
        )
    print(f"Exported {counted(len(events), 'event')} to {args.file} ({fmt}).")
    return 0


def _export_folder(timeline: Timeline, events: list[Event], target: str) -> int:
    """The whole timeline as one file per record (see ``formats.folder``)."""
    from dateline.store.formats.folder import write_folder

    if target == "-":
        raise DatelineError(
            "The dir format writes a folder, not standard output; give a folder."
        )
    if len(events) != len(timeline):
        raise DatelineError(
            "The dir format holds the whole timeline (it is what a team shares "
            "in Git); export it without filters, or pick another --format."
        )
    changed = write_folder(timeline, target)
    print(
        f"Exported {counted(len(events), 'event')} to {target} (dir): "
        f"{counted(changed, 'file')} written or removed."
    )
    return 0
