"""Verbs for what a reader adds to an event: ``note``, ``star`` and ``link``.

They go through the same store calls as the explorer's keys (``;``, ``s``,
``&``), so each change is one undo step; ``--expect VERSION`` refuses a
change to an event someone changed since, as ``edit`` does.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from dateline.store.errors import DatelineError
from dateline.store.model import LINK_KINDS, Event
from dateline.store.report import annotation_record
from dateline.tui.cli.common import open_timeline, print_json, print_table
from dateline.tui.cli.editing import (
    check_expected,
    expect_arg,
    find_event,
    format_arg,
    version_of,
)

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline


def register(verbs: argparse._SubParsersAction) -> None:
    note = verbs.add_parser(
        "note",
        help="add, list or delete notes on an event",
        description=(
            "Add TEXT as a note (by the timeline's author, now); --list shows "
            "the notes, numbered; --delete N takes note N off."
        ),
    )
    note.add_argument("id", help="the event's id")
    note.add_argument("text", nargs="?", help="the note to add")
    what = note.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="list the event's notes")
    what.add_argument("--delete", type=int, metavar="N", help="delete note N")
    expect_arg(note)
    format_arg(note)
    note.set_defaults(func=cmd_note)

    star = verbs.add_parser("star", help="star an event (or take the star off)")
    star.add_argument("id", help="the event's id")
    star.add_argument("--off", action="store_true", help="take the star off")
    expect_arg(star)
    format_arg(star)
    star.set_defaults(func=cmd_star)

    link = verbs.add_parser(
        "link",
        help="link an event to another (follows, causes, responds to...)",
        description=(
            "ID KIND OTHER_ID links the two: KIND is one of "
            f"{', '.join(LINK_KINDS)} (write spaces as - if you like). --list "
            "shows the event's links both ways, numbered; --delete N takes "
            "link N (one stored on this event) off. With --merge, ID same-as "
            "OTHER_ID folds the other event into ID instead (as the review "
            "screen's merge: quotes, sources, actors, notes, star and links "
            "move over)."
        ),
    )
    link.add_argument("id", help="the event's id")
    link.add_argument("kind", nargs="?", help="how it stands to the other event")
    link.add_argument("other", nargs="?", metavar="OTHER_ID", help="the other event")
    what = link.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="list the event's links")
    what.add_argument("--delete", type=int, metavar="N", help="delete link N")
    link.add_argument(
        "--merge",
        action="store_true",
        help="with same-as: merge OTHER_ID into ID rather than link them",
    )
    expect_arg(link)
    format_arg(link)
    link.set_defaults(func=cmd_link)


def _notes(event: Event) -> list[dict[str, Any]]:
    return [
        {"n": i, "text": n.text, "author": n.author, "at": n.at}
        for i, n in enumerate(event.notes, start=1)
    ]


def cmd_note(args: argparse.Namespace) -> int:
    from dateline.store.changes.annotations import add_note, delete_note

    as_json = args.format == "json"
    with open_timeline(args) as timeline:
        event = find_event(timeline, args.id)
        if args.list:
            if args.text is not None:
                raise DatelineError("Give a note to add, or --list; not both.")
            _show_notes(event, as_json)
            return 0
        check_expected(event, args.expect)
        if args.delete is not None:
            if args.text is not None:
                raise DatelineError("Give a note to add, or --delete N; not both.")
            saved, gone = delete_note(timeline, event.id, args.delete, loaded=event)
            done = f"Deleted note {args.delete} of {saved.id}: “{gone.text}”."
        elif args.text is None:
            raise DatelineError(
                f'Give the note\'s text: dateline note {event.id} "TEXT" '
                "(or --list, --delete N)."
            )
        else:
            saved = add_note(timeline, event.id, args.text, loaded=event)
            done = f"Noted on {saved.id} (note {len(saved.notes)})."
    _done(saved, done, as_json)
    return 0


def _show_notes(event: Event, as_json: bool) -> None:
    if as_json:
        print_json(_notes(event))
        return
    rows = [[str(n["n"]), n["at"], n["author"], n["text"]] for n in _notes(event)]
    print_table(["N", "AT", "AUTHOR", "NOTE"], rows)


def cmd_star(args: argparse.Namespace) -> int:
    from dateline.store.changes.annotations import set_star

    with open_timeline(args) as timeline:
        event = find_event(timeline, args.id)
        check_expected(event, args.expect)
        saved = set_star(timeline, event.id, not args.off, loaded=event)
    word = "Starred" if saved.starred else "Unstarred"
    _done(saved, f"{word} {saved.id} ({saved.title}).", args.format == "json")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from dateline.store.changes.annotations import delete_link

    as_json = args.format == "json"
    with open_timeline(args) as timeline:
        event = find_event(timeline, args.id)
        if (args.list or args.delete is not None) and args.kind is not None:
            raise DatelineError(
                "Give KIND OTHER_ID to link, or --list / --delete N; not both."
            )
        if args.list:
            _show_links(timeline, event, as_json)
            return 0
        check_expected(event, args.expect)
        if args.delete is not None:
            saved, gone = delete_link(timeline, event.id, args.delete, loaded=event)
            done = f"Deleted the link “{gone.kind} {gone.event}” from {saved.id}."
        elif args.merge:
            saved = _merge(timeline, event, args)
            done = f"Merged {args.other} into {saved.id} ({saved.title})."
        else:
            saved = _add_link(timeline, event, args)
            done = f"Linked: {saved.id} {saved.links[-1].kind} {args.other}."
    _done(saved, done, as_json)
    return 0


def _add_link(timeline: Timeline, event: Event, args: argparse.Namespace) -> Event:
    from dateline.store.changes.annotations import add_link
    from dateline.store.linking import link_kind

    if args.kind is None or args.other is None:
        raise DatelineError(
            f"Give the kind and the other event: dateline link {event.id} "
            f"causes OTHER_ID (kinds: {', '.join(LINK_KINDS)}); or --list."
        )
    kind = link_kind(args.kind)
    return add_link(timeline, event.id, kind, args.other, loaded=event)


def _merge(timeline: Timeline, event: Event, args: argparse.Namespace) -> Event:
    from dateline.store.changes.review import merge_event
    from dateline.store.linking import link_kind

    if args.kind is None or args.other is None or link_kind(args.kind) != "same as":
        raise DatelineError(
            f"--merge folds one event into another it is the same as: "
            f"dateline link {event.id} same-as OTHER_ID --merge."
        )
    if args.other not in timeline.events_by_id:
        raise DatelineError(
            f"No event with id {args.other!r} to merge. "
            "`dateline list --format json` shows the ids."
        )
    return merge_event(timeline, args.other, event.id)


def _show_links(timeline: Timeline, event: Event, as_json: bool) -> None:
    from dateline.store.changes.annotations import links_of

    shown = links_of(timeline, event)
    records = []
    number = 0
    for link in shown:
        if link.outgoing:
            number += 1
        records.append(
            {
                "n": number if link.outgoing else None,
                "kind": link.kind,
                "reads": link.label,
                "event": link.other_id,
                "title": link.other.title if link.other else None,
                "direction": "from" if link.outgoing else "to",
            }
        )
    if as_json:
        print_json(records)
        return
    rows = [
        [
            str(r["n"] or ""),
            str(r["reads"]),
            str(r["event"]),
            str(r["title"] if r["title"] is not None else "(missing)"),
        ]
        for r in records
    ]
    print_table(["N", "LINK", "EVENT", "TITLE"], rows)


def _done(event: Event, message: str, as_json: bool) -> None:
    if as_json:
        record = {"id": event.id, **annotation_record(event)}
        print_json({**record, "version": version_of(event)})
    else:
        print(message)
