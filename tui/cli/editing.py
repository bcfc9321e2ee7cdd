"""Verbs that read or change one event by id, for scripts and for people
at a shell: show, edit, delete, tag, review. They go through the same
store calls (and so the same checks) as the explorer's keys."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from dateline.store.dates.labels import describe, format_when
from dateline.store.dates.parse import parse_date
from dateline.store.errors import ConflictError, DatelineError, counted
from dateline.store.model import Event
from dateline.store.report import event_record
from dateline.tui.cli.common import (
    open_timeline,
    parse_anchor,
    print_json,
    print_table,
    shown_zone,
)

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline

FORMAT_HELP = "output: plain text (default) or JSON"


def register(verbs: argparse._SubParsersAction) -> None:
    show = verbs.add_parser("show", help="show one event in full")
    show.add_argument("id", help="the event's id (see `dateline list --format json`)")
    format_arg(show)
    show.set_defaults(func=cmd_show)

    edit = verbs.add_parser(
        "edit",
        help="change an event's title, date, summary, place, status or actors",
        description=(
            "Change the fields given; the others stay. With --expect VERSION "
            "(the `version` from `dateline show ID --format json`), the edit is "
            "refused if anyone changed the event since."
        ),
    )
    edit.add_argument("id", help="the event's id")
    edit.add_argument("--title", help="the new title")
    edit.add_argument("--date", help='in words, e.g. "last Friday"')
    edit.add_argument("--summary", help="the new summary")
    edit.add_argument("--place", help="the new place")
    edit.add_argument(
        "--status",
        choices=("occurred", "expected"),
        help="happened, or expected; the date words are read again",
    )
    edit.add_argument(
        "--actor",
        action="append",
        metavar="NAME",
        help="the event's actors, replacing the old list (repeatable)",
    )
    edit.add_argument("--anchor", help="read relative --date words from this day")
    expect_arg(edit, "refuse the edit if the event is no longer at this version")
    format_arg(edit)
    edit.set_defaults(func=cmd_edit)

    delete = verbs.add_parser("delete", help="delete an event (its quotes are kept)")
    delete.add_argument("id", help="the event's id")
    expect_arg(delete, "as for edit")
    format_arg(delete)
    delete.set_defaults(func=cmd_delete)

    tag = verbs.add_parser("tag", help="add or remove tags on events, in one step")
    tag.add_argument("ids", nargs="+", metavar="ID", help="the events' ids")
    tag.add_argument(
        "--add", action="append", default=[], metavar="TAG", help="a tag to add"
    )
    tag.add_argument(
        "--remove",
        action="append",
        default=[],
        metavar="TAG",
        help="a tag to take off (any case)",
    )
    format_arg(tag)
    tag.set_defaults(func=cmd_tag)

    review = verbs.add_parser(
        "review", help="list, accept or reject events extracted from articles"
    )
    what = review.add_mutually_exclusive_group()
    what.add_argument(
        "--list", action="store_true", help="the events waiting (default)"
    )
    what.add_argument(
        "--accept",
        metavar="ID",
        action="append",
        default=[],
        help="accept this event: it becomes a normal event (repeatable)",
    )
    what.add_argument(
        "--reject",
        metavar="ID",
        action="append",
        default=[],
        help="delete this extracted event; its quotes stay (repeatable)",
    )
    format_arg(review)
    review.set_defaults(func=cmd_review)


def format_arg(parser: argparse.ArgumentParser) -> None:
    """``--format text|json``, as every verb on one event takes it."""
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=FORMAT_HELP
    )


def expect_arg(
    parser: argparse.ArgumentParser,
    help: str = "refuse the change if the event is no longer at this version",
) -> None:
    """``--expect VERSION``: the guard ``check_expected`` applies."""
    parser.add_argument("--expect", metavar="VERSION", help=help)


def find_event(timeline: Timeline, event_id: str) -> Event:
    found = timeline.events_by_id.get(event_id)
    if found is None:
        raise DatelineError(
            f"No event with id {event_id!r} in {timeline.location}. "
            "`dateline list --format json` shows the ids."
        )
    return found


def version_of(event: Event) -> str:
    """A fingerprint of the event as it is now: any change to it, by anyone,
    gives another (timestamps alone are too coarse: two edits in a second)."""
    doc = json.dumps(event.to_doc(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(doc.encode()).hexdigest()[:16]


def check_expected(event: Event, version: str | None) -> None:
    """A script's guard against editing over someone else's change."""
    if version is not None and version != version_of(event):
        raise ConflictError(
            f"The event {event.id} was changed (at {event.updated}) since the "
            f"version {version} given with --expect; nothing was saved. Show "
            "it again and retry."
        )


def full_record(timeline: Timeline, event: Event) -> dict[str, Any]:
    return {
        **event_record(timeline, event),
        "created": event.created,
        "updated": event.updated,
        "version": version_of(event),
    }


def _print_event(
    timeline: Timeline, event: Event, as_json: bool, zone: str | None = None
) -> None:
    record = full_record(timeline, event)
    if as_json:
        print_json(record)
        return
    rows = [
        ["id", event.id],
        ["title", event.title],
        [
            "date",
            f"{format_when(event.when, zone=zone)}  ({describe(event.when, zone)})",
        ],
        ["status", event.status + (" · waiting for review" if event.pending else "")],
        ["actors", ", ".join(record["actors"])],
        ["place", event.place],
        ["tags", ", ".join(event.tags)],
        ["summary", event.summary],
        *(["quote", f"{q['speaker']}: “{q['text']}”"] for q in record["quotes"]),
        *(["source", s["url"] or s["title"] or s["outlet"]] for s in record["sources"]),
        ["starred", "yes" if event.starred else ""],
        *(["note", f"{n.text} — {n.author or '?'}, {n.at}"] for n in event.notes),
        *(["link", f"{k.kind} {k.event}"] for k in event.links),
        ["updated", event.updated],
    ]
    print_table(["FIELD", "VALUE"], [row for row in rows if row[1]])


def cmd_show(args: argparse.Namespace) -> int:
    with open_timeline(args) as timeline:
        _print_event(
            timeline,
            find_event(timeline, args.id),
            args.format == "json",
            shown_zone(args),
        )
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from dateline.store.changes.drafts import draft_from_event, save_draft

    with open_timeline(args) as timeline:
        event = find_event(timeline, args.id)
        check_expected(event, args.expect)
        draft = draft_from_event(timeline, event)
        status = args.status or draft.status
        changes: dict[str, Any] = {"status": status}
        for name in ("title", "summary", "place"):
            value = getattr(args, name)
            if value is not None:
                changes[name] = value
        if args.actor is not None:
            changes["actor_names"] = tuple(args.actor)
        if args.date is not None or (args.status and args.status != event.status):
            # The words are read again when the status flips: "Friday" is
            # last Friday for what happened, next Friday for what is expected.
            words = args.date if args.date is not None else event.when.text
            anchor = parse_anchor(args.anchor) if args.anchor else event.when.anchor
            changes["when"] = parse_date(
                words,
                anchor or parse_anchor(None),
                prefer="future" if status == "expected" else "past",
                order=args.settings.date_order,
            )
        saved = save_draft(timeline, replace(draft, **changes), editing=event)
        _print_event(timeline, saved, args.format == "json", shown_zone(args))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with open_timeline(args) as timeline:
        event = find_event(timeline, args.id)
        check_expected(event, args.expect)
        timeline.delete_event(event.id, loaded=event)
    if args.format == "json":
        print_json({"deleted": event.id, "title": event.title})
    else:
        print(f"Deleted {event.id} ({event.title}).")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    if not args.add and not args.remove:
        raise DatelineError("Give --add TAG or --remove TAG (each repeatable).")
    from dateline.store.changes.tagging import TagEdit, tag_events

    add = tuple(t.strip() for t in args.add if t.strip())
    remove = tuple(t.strip() for t in args.remove if t.strip())
    with open_timeline(args) as timeline:
        events = [find_event(timeline, i) for i in dict.fromkeys(args.ids)]
        changed = tag_events(timeline, events, TagEdit(add, remove))
    if args.format == "json":
        print_json([{"id": e.id, "tags": list(e.tags)} for e in changed])
    else:
        same = len(events) - len(changed)
        print(
            f"Tagged {counted(len(changed), 'event')}; "
            f"{counted(same, 'event')} already had those tags."
        )
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from dateline.store.changes.review import accept_event, pending_events, reject_event

    with open_timeline(args) as timeline:
        done: list[dict[str, str]] = []
        for event_id in args.accept:
            event = accept_event(timeline, find_event(timeline, event_id).id)
            done.append({"id": event.id, "title": event.title, "review": "accepted"})
        for event_id in args.reject:
            event = reject_event(timeline, find_event(timeline, event_id).id)
            done.append({"id": event.id, "title": event.title, "review": "rejected"})
        if done:
            if args.format == "json":
                print_json(done)
            else:
                for row in done:
                    print(f"{row['review'].capitalize()} {row['id']} ({row['title']}).")
            return 0
        waiting = pending_events(timeline)
        if args.format == "json":
            print_json([full_record(timeline, e) for e in waiting])
        else:
            print_table(
                ["ID", "DATE", "TITLE"],
                [[e.id, format_when(e.when), e.title] for e in waiting],
            )
            print(
                f"{counted(len(waiting), 'event')} waiting for review.", file=sys.stderr
            )
    return 0
