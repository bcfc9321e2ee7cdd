"""Helpers shared by the verbs: opening the store, anchors, output."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.store.dates.options import date_option, day_option
from dateline.store.errors import DatelineError
from dateline.store.model import VERIFICATIONS
from dateline.store.postgres import PgLocation, location_of
from dateline.store.query import EventFilter
from dateline.tui.view.inert import inert, json_inert

if TYPE_CHECKING:
    # Imported where a timeline is opened: `dateline --help` and `dateline
    # dates` must not load TinyDB and msgspec.
    from dateline.store.timeline import Timeline


def db_option(text: str) -> Path | PgLocation:
    """``--db``: a timeline file or a PostgreSQL URL."""
    try:
        return location_of(text)
    except DatelineError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def zone_option(text: str) -> str:
    """``--zone``: the zone times are shown in, as the store spells it."""
    from dateline.store.zones import ZoneError, canonical_zone

    try:
        return canonical_zone(text)
    except ZoneError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def shown_zone(args: argparse.Namespace) -> str:
    """The zone this run shows times in (``--zone``, the setting, ``$TZ``,
    the machine's)."""
    from dateline.tui.settings import Settings, display_zone

    return display_zone(getattr(args, "settings", None) or Settings())


def default_db(configured: Path | PgLocation | None = None) -> Path | PgLocation:
    """``$DATELINE_DB``, else the settings' ``db``, else ``timeline.json`` in
    the platform's data folder."""
    env = os.environ.get("DATELINE_DB")
    if env:
        return location_of(env)
    if configured is not None:
        return configured
    from platformdirs import user_data_path

    return user_data_path("dateline") / "timeline.json"


def open_timeline(
    args: argparse.Namespace,
    *,
    create: bool = False,
    to_add: bool = False,
    unread: tuple[str, ...] = (),
) -> Timeline:
    """The timeline at ``--db``; ``create`` for verbs that add records;
    ``to_add`` for one that only adds (see ``Timeline.open_to_add``);
    ``unread``: tables a verb that only reads never looks at.

    A verb that only reads refuses a path with no timeline rather than
    report an empty one; none creates a folder the user did not make (bar
    the platform's data folder behind the default ``--db``).
    """
    path = args.db
    if isinstance(path, PgLocation):
        return open_shared(args, path, create=create)
    if not os.path.lexists(path):
        # A mistyped option is the first thing to fix: name it before the file.
        check_filter_dates(args)
        if not create:
            raise DatelineError(
                f"There is no timeline at {path}. Check the name, or give "
                "--db; `dateline add` or `dateline import` start a new one."
            )
        ensure_folder(path, "no timeline was started there")
    set_up_if_empty(path)
    from dateline.store.timeline import Timeline

    author = author_of(args)
    if to_add:
        return Timeline.open_to_add(path, notice=tell, author=author)
    if unread:
        return Timeline.open_without(path, unread, notice=tell, author=author)
    return Timeline.open(path, notice=tell, author=author)


def author_of(args: argparse.Namespace) -> str:
    """Who this run's changes are by (see ``settings.author_name``)."""
    from dateline.tui.settings import Settings, author_name

    return author_name(getattr(args, "settings", None) or Settings())


def open_shared(
    args: argparse.Namespace, where: PgLocation, *, create: bool
) -> Timeline:
    """A PostgreSQL timeline; as for files, only verbs that add records
    start one."""
    from dateline.store.timeline import Timeline

    if not create:
        check_filter_dates(args)
    timeline = Timeline.open(where, notice=tell)
    if not create:
        _refuse_missing(timeline, where)
    return timeline


def _refuse_missing(timeline: Timeline, where: PgLocation) -> None:
    """A verb that only reads refuses a shared timeline nobody started,
    naming the ones the database holds."""
    shared = timeline.shared
    if shared is None or shared.exists():
        return
    names = shared.timelines()
    timeline.close()
    there = (
        "This database holds: " + ", ".join(names) + "."
        if names
        else "This database holds none yet."
    )
    raise DatelineError(
        f"There is no timeline {where.timeline!r} at {where}. {there} Pick one "
        "with ?timeline=NAME; `dateline add` or `dateline import` start a new one."
    )


def open_listing(
    args: argparse.Namespace, *, unread: tuple[str, ...] = ()
) -> tuple[Timeline, EventFilter, int]:
    """The timeline, the filter the flags ask for, and the number of events
    in all; a shared timeline answers the dates and actors in SQL, a file
    leaves ``unread`` tables unread."""
    where = args.db
    if not isinstance(where, PgLocation):
        timeline = open_timeline(args, unread=unread)
        return timeline, build_filter(timeline, args), len(timeline)
    from dateline.store.timeline import Timeline

    check_filter_dates(args)
    timeline, flt, total = Timeline.open_narrowed(
        where, lambda opened: build_filter(opened, args), notice=tell
    )
    if total == 0:
        _refuse_missing(timeline, where)
    return timeline, flt, total


def ensure_folder(path: Path, refused: str) -> None:
    """The folder ``path`` goes in must exist; only the platform's data folder
    (behind the default ``--db``) is made, never a folder the user named."""
    make_data_folder(path)
    if not path.parent.is_dir():
        raise DatelineError(
            f"The folder {path.parent} does not exist, so {refused}. "
            "Create it first, or give another --db."
        )


def check_filter_dates(args: argparse.Namespace) -> None:
    """Read the date filters, if the verb has them, raising on a bad one."""
    if getattr(args, "date_from", None) or getattr(args, "date_to", None):
        build_dates(args)


def tell(message: str) -> None:
    """What the user must know that is not an error, on stderr."""
    print(f"dateline: {inert(message, single_line=True)}", file=sys.stderr)


def make_data_folder(path: Path) -> None:
    """Create the platform's data folder when the default timeline lives
    there; any other missing folder is the user's to make."""
    from platformdirs import user_data_path

    if path.parent == user_data_path("dateline"):
        path.parent.mkdir(parents=True, exist_ok=True)


def set_up_if_empty(path: Path) -> None:
    """An empty file given as the timeline becomes a new one, said out loud."""
    from dateline.store.disk import set_up_if_empty as set_up

    if set_up(path):
        print(
            f"dateline: {path} was empty; set it up as a new timeline.", file=sys.stderr
        )


def parse_anchor(text: str | None) -> date:
    """``--anchor`` as one day, in words or ISO; today when absent."""
    return day_option(text, "--anchor") if text else date.today()


def print_json(value: Any) -> None:
    """``value`` as JSON with those characters as ``\\uXXXX`` escapes: the
    same data to a JSON reader, inert on a terminal; letters stay readable."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.write(json_inert(text) + "\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A plain aligned table; cell text is made inert for the terminal."""
    cells = [[inert(c, single_line=True) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = min(max(widths[i], len(cell)), 60)
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in cells:
        out = []
        for cell, width in zip(row, widths, strict=True):
            text = cell if len(cell) <= width else cell[: width - 1] + "…"
            out.append(text.ljust(width))
        print("  ".join(out).rstrip())


def add_filter_args(parser: argparse.ArgumentParser) -> None:
    """The event filters shared by ``list`` and ``export``."""
    parser.add_argument(
        "--actor", action="append", default=[], metavar="NAME", help="repeatable"
    )
    parser.add_argument(
        "--any", action="store_true", help="events of any --actor (default: all)"
    )
    parser.add_argument(
        "--from", dest="date_from", metavar="DATE", help='e.g. "last March", 2025-03-01'
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="DATE", help='e.g. "yesterday", 2026-01-09'
    )
    parser.add_argument(
        "--search", metavar="TEXT", default="", help="events whose text has TEXT"
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="repeatable"
    )
    parser.add_argument(
        "--not-actor",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out events with this actor (repeatable)",
    )
    parser.add_argument(
        "--not-tag",
        action="append",
        default=[],
        metavar="TAG",
        help="leave out events with this tag (repeatable)",
    )
    parser.add_argument(
        "--view",
        metavar="NAME",
        help="start from a saved view's filters (`dateline views` lists them); "
        "other flags narrow it further",
    )
    parser.add_argument(
        "--status",
        choices=("occurred", "expected"),
        help="only what happened, or only what is announced",
    )
    parser.add_argument(
        "--anchor",
        metavar="DATE",
        help="read --from/--to against this day (default today)",
    )
    parser.add_argument(
        "--starred", action="store_true", help="only starred events (s in the explorer)"
    )
    # Claims and verification (issue 17).
    parser.add_argument(
        "--disputed",
        action="store_true",
        help="only events whose sources give dates that do not overlap",
    )
    parser.add_argument(
        "--not-disputed",
        action="store_true",
        help="leave out the events whose sources give dates that do not overlap",
    )
    parser.add_argument(
        "--verification",
        choices=VERIFICATIONS,
        help="only events with this verification status",
    )


def actor_ids_for(timeline: Timeline, names: list[str]) -> tuple[str, ...]:
    """``--actor`` names to ids, or an error naming the unknown one."""
    ids = []
    for name in names:
        actor = timeline.find_actor(name)
        if actor is None:
            raise DatelineError(
                f'No actor called "{name}" in {timeline.location}. '
                "See `dateline actors` for the names."
            )
        ids.append(actor.id)
    return tuple(ids)


def build_dates(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """``--from`` and ``--to`` as the first and last day, read at ``--anchor``."""
    anchor = parse_anchor(args.anchor)
    start = end = None
    if args.date_from:
        start = date_option(args.date_from, "--from", anchor, "past").start_day
    if args.date_to:
        end = date_option(args.date_to, "--to", anchor, "past").end_day
    return start, end


def build_filter(timeline: Timeline, args: argparse.Namespace) -> EventFilter:
    """Turn filter flags into an EventFilter; unknown actors are an error."""
    actor_ids = actor_ids_for(timeline, args.actor)
    start, end = build_dates(args)
    flt = EventFilter(
        actors=tuple(actor_ids),
        match="any" if args.any else "all",
        start=start,
        end=end,
        text=args.search,
        tags=tuple(args.tag),
        status=args.status,
        not_actors=actor_ids_for(timeline, args.not_actor),
        not_tags=tuple(args.not_tag),
        starred_only=args.starred,
        disputed_only=args.disputed,
        not_disputed=args.not_disputed,
        verification=args.verification,
    )
    if args.view is None:
        return flt
    from dateline.store.changes.views import find_view

    return narrowed(find_view(timeline, args.view).event_filter, flt)


def narrowed(base: EventFilter, more: EventFilter) -> EventFilter:
    """A saved view's filter with the flags' filter on top: lists join, and
    a date, search or status given in flags replaces the view's."""
    return replace(
        base,
        actors=(*base.actors, *(a for a in more.actors if a not in base.actors)),
        match=more.match if more.actors else base.match,
        start=more.start or base.start,
        end=more.end or base.end,
        text=more.text or base.text,
        tags=(*base.tags, *more.tags),
        status=more.status or base.status,
        not_actors=(*base.not_actors, *more.not_actors),
        not_tags=(*base.not_tags, *more.not_tags),
        starred_only=more.starred_only or base.starred_only,
        disputed_only=more.disputed_only or base.disputed_only,
        not_disputed=more.not_disputed or base.not_disputed,
        verification=more.verification or base.verification,
    )
