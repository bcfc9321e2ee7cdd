"""Verbs on records: add, list, actors, quotes, sources."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from dateline.store.dates.labels import describe, format_when
from dateline.store.dates.options import day_option
from dateline.store.dates.parse import parse_date
from dateline.store.errors import DatelineError, quoted
from dateline.store.evidence import events_as_of
from dateline.store.model import url_problem
from dateline.store.names import fold
from dateline.store.report import actor_record, event_record
from dateline.tui.cli.common import (
    add_filter_args,
    open_listing,
    open_timeline,
    parse_anchor,
    print_json,
    print_table,
    shown_zone,
)
from dateline.tui.view.marks import event_marks

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

FORMAT_HELP = "output: an aligned table (default) or JSON"


def register(verbs: argparse._SubParsersAction) -> None:
    add = verbs.add_parser("add", help="add an event by hand")
    add.add_argument("--date", required=True, help='in words, e.g. "last Friday"')
    add.add_argument("--title", required=True, help="what happened, in one line")
    add.add_argument("--summary", default="", help="a few sentences of detail")
    add.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help="who took part (repeatable); a known name or alias, else a new actor",
    )
    add.add_argument(
        "--new-actor",
        action="store_true",
        help="create --actor names even when they look like a known actor's",
    )
    add.add_argument(
        "--quote",
        action="append",
        default=[],
        metavar='"SPEAKER: TEXT"',
        help="words someone said about it (repeatable)",
    )
    add.add_argument(
        "--source",
        default="",
        metavar="URL_OR_TITLE",
        help="where you read it: a URL, or an article's title",
    )
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--place", default="", help="where it happened")
    add.add_argument("--expected", action="store_true", help="announced, not yet")
    add.add_argument("--anchor", metavar="DATE", help="read the date against this day")
    add.set_defaults(func=cmd_add)

    lst = verbs.add_parser("list", help="list events in date order")
    add_filter_args(lst)
    lst.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output: an aligned table (default), JSON or CSV",
    )
    lst.add_argument(
        "--as-of",
        metavar="DATE",
        help="only what was known on that day: events and claims whose "
        'sources were published by then (e.g. 2026-01-09, "last Friday")',
    )
    lst.set_defaults(func=cmd_list)

    for name, func in (("actors", cmd_actors), ("quotes", cmd_quotes)):
        sub = verbs.add_parser(name, help=f"list {name}")
        sub.add_argument(
            "--format", choices=("table", "json"), default="table", help=FORMAT_HELP
        )
        sub.set_defaults(func=func)
    sub = verbs.add_parser("sources", help="list source articles")
    sub.add_argument(
        "--format", choices=("table", "json"), default="table", help=FORMAT_HELP
    )
    sub.set_defaults(func=cmd_sources)


def _split_quote(raw: str) -> tuple[str, str]:
    speaker, sep, text = raw.partition(":")
    if not sep or not speaker.strip() or not text.strip():
        raise DatelineError(
            f'--quote "{raw}" needs a speaker and the words, as "SPEAKER: TEXT", '
            'e.g. --quote "Trump: I look forward to it".'
        )
    return speaker.strip(), text.strip()


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: letters inserted, dropped or changed."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        diagonal, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            diagonal, row[j] = (
                row[j],
                min(row[j] + 1, row[j - 1] + 1, diagonal + (ca != cb)),
            )
    return row[-1]


def lookalike(timeline: Timeline, name: str) -> str | None:
    """The known actor ``name`` is probably a typo of ("Gustavo Ptro"), if
    it names none itself: one or two letters off, by the name's length."""
    key = fold(name)
    if not key or timeline.find_actors(name):
        return None
    allowed = 1 if len(key) < 8 else 2
    best: tuple[int, str] | None = None
    for actor in timeline.actors():
        for known in (actor.name, *actor.aliases):
            distance = edit_distance(key, fold(known))
            if distance <= allowed and (best is None or distance < best[0]):
                best = (distance, actor.name)
    return best[1] if best else None


def print_new_actors(
    timeline: Timeline, before: set[str], file: TextIO | None = None
) -> None:
    """Name the actors a verb created, so a typo shows at once."""
    for actor in timeline.actors():
        if actor.id not in before:
            print(f"new actor: {actor.name}", file=file or sys.stdout)


def cmd_add(args: argparse.Namespace) -> int:
    from dateline.store.changes.drafts import EventDraft, SourceDraft, save_draft

    anchor = parse_anchor(args.anchor)
    when = parse_date(
        args.date,
        anchor,
        prefer="future" if args.expected else "past",
        order=args.settings.date_order,
    )
    quotes = [_split_quote(q) for q in args.quote]
    source = SourceDraft()
    if args.source:
        is_url = "://" in args.source
        problem = url_problem(args.source.strip()) if is_url else None
        if problem is not None:
            raise DatelineError(
                f"--source {quoted(args.source)} is not a link dateline can keep: "
                f"{problem}. Give the article's http(s) address, or its title."
            )
        source = SourceDraft(
            url=args.source.strip() if is_url else "",
            title="" if is_url else args.source,
        )
    timeline = open_timeline(args, create=True, to_add=True)
    speakers = [speaker for speaker, _ in quotes]
    if not args.new_actor:
        for name in (*args.actor, *speakers):
            known = lookalike(timeline, name)
            if known is not None:
                raise DatelineError(
                    f'"{name}" is not a known actor, but looks like "{known}". '
                    f'Write "{known}", or add --new-actor to create "{name}".'
                )
    before = {actor.id for actor in timeline.actors()}
    with timeline:
        first_speaker, first_text = quotes[0] if quotes else ("", "")
        draft = EventDraft(
            when=when,
            title=args.title,
            summary=args.summary,
            actor_names=tuple(args.actor),
            place=args.place,
            tags=tuple(args.tag),
            status="expected" if args.expected else "occurred",
            quote_text=first_text,
            quote_speaker=first_speaker,
            source=source,
        )
        event = save_draft(timeline, draft)
        for speaker, text in quotes[1:]:
            more = EventDraft(
                when=event.when,
                title=event.title,
                summary=event.summary,
                actor_names=tuple(args.actor),
                place=event.place,
                tags=event.tags,
                status=event.status,
                quote_text=text,
                quote_speaker=speaker,
            )
            event = save_draft(timeline, more, editing=event)
        # stderr: stdout is the new id alone, for scripts.
        print_new_actors(timeline, before, sys.stderr)
    print(event.id)
    print(f'date: {describe(when, shown_zone(args))}  (read from "{when.text}")')
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    # The table shows dates, marks, titles and actor names; a text search
    # also looks in quotes, and JSON and CSV print quotes and sources.
    plain = args.format == "table" and not args.search
    # As of a day needs the sources: their publication days decide.
    as_of = (
        day_option(args.as_of, "--as-of", today=parse_anchor(args.anchor))
        if args.as_of
        else None
    )
    unread = ("quotes", "sources") if plain and as_of is None else ()
    timeline, flt, total = open_listing(args, unread=unread)
    events = events_as_of(timeline, flt, as_of)
    if args.format == "json":
        print_json([event_record(timeline, ev) for ev in events])
    elif args.format == "csv":
        from dateline.store.formats.csvfmt import write_csv

        write_csv(timeline, events, sys.stdout)
    else:
        rows = []
        zone = shown_zone(args)
        for ev in events:
            marks = event_marks(ev)
            names = timeline.actor_names(ev)
            rows.append(
                [format_when(ev.when, zone=zone), marks, ev.title, ", ".join(names)]
            )
        print_table(["DATE", "", "TITLE", "ACTORS"], rows)
        print(f"{len(events)} of {total} events", file=sys.stderr)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    timeline = open_timeline(args)
    records = [actor_record(timeline, a.id) for a in timeline.actors()]
    if args.format == "json":
        print_json(records)
        return 0
    rows = [
        [
            r["name"],
            r["kind"],
            str(r["events"]),
            str(r["quotes"]),
            ", ".join(r["aliases"]),
        ]
        for r in records
    ]
    print_table(["NAME", "KIND", "EVENTS", "QUOTES", "ALIASES"], rows)
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    timeline = open_timeline(args)
    records: list[dict[str, Any]] = []
    rows = []
    for quote in timeline.quotes():
        speaker = timeline.actors_by_id.get(quote.speaker or "")
        name = speaker.name if speaker else ""
        said = format_when(quote.said) if quote.said else ""
        records.append(
            {
                "id": quote.id,
                "speaker": name,
                "text": quote.text,
                "said": said,
                "event": quote.event,
                "source": quote.source,
                "span": list(quote.span) if quote.span else None,
            }
        )
        rows.append([said or "undated", name, f"“{quote.text}”"])
    if args.format == "json":
        print_json(records)
        return 0
    print_table(["SAID", "SPEAKER", "QUOTE"], rows)
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    timeline = open_timeline(args)
    sources = timeline.sources()
    records: list[dict[str, Any]] = [
        {
            "id": s.id,
            "title": s.title,
            "outlet": s.outlet,
            "url": s.url,
            "published": s.published.isoformat() if s.published else None,
            "via": s.via,
            "byline": s.byline,
            "language": s.language,
            "quotes": len(timeline.quotes(source=s.id)),
        }
        for s in sources
    ]
    if args.format == "json":
        print_json(records)
        return 0
    rows = [
        [s.published.isoformat() if s.published else "", s.outlet, s.title, s.url]
        for s in sources
    ]
    print_table(["PUBLISHED", "OUTLET", "TITLE", "URL"], rows)
    return 0
