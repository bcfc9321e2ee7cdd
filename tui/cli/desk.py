"""The ``conflicts`` verb: list and settle what imports found changed on
both sides, for a desk that works from scripts or over SSH (the explorer's
``C`` does the same on screen)."""

from __future__ import annotations

import argparse
from typing import Any

from dateline.store.errors import DatelineError, counted
from dateline.store.revision import field_names
from dateline.tui.cli.common import open_timeline, print_json
from dateline.tui.view.conflict_text import (
    KINDS,
    conflict_kind,
    conflict_label,
    shown,
)
from dateline.tui.view.inert import inert


def register(verbs: argparse._SubParsersAction) -> None:
    cmd = verbs.add_parser(
        "conflicts",
        help="list or settle records changed here and in an imported copy",
        description=(
            "Without ID: list the conflicts imports kept (nothing was "
            "overwritten). With ID: settle it, keeping mine, theirs, or "
            "taking some fields from theirs. The result descends from both "
            "sides, so the other copy takes it in place on the next exchange."
        ),
    )
    cmd.add_argument("id", nargs="?", metavar="ID", help="a conflict, as listed")
    how = cmd.add_mutually_exclusive_group()
    how.add_argument("--keep", choices=("mine", "theirs"), help="keep one side whole")
    how.add_argument(
        "--take",
        metavar="FIELD,...",
        help="take these fields from theirs, the rest from mine",
    )
    cmd.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="the list as text (default) or as JSON, each field mine and theirs",
    )
    cmd.set_defaults(func=cmd_conflicts)


def cmd_conflicts(args: argparse.Namespace) -> int:
    # Here, not at the top: `dateline --help` must not load the store.
    from dateline.store.changes.conflicts import settle

    if args.id is None:
        if args.keep or args.take:
            raise DatelineError("Name the conflict to settle: dateline conflicts ID.")
        return _list(args)
    if not (args.keep or args.take):
        raise DatelineError(
            f"Say how to settle {args.id}: --keep mine, --keep theirs, or "
            "--take FIELD,... (fields from theirs)."
        )
    with open_timeline(args, create=False) as timeline:
        conflict = timeline.conflicts_by_id.get(args.id)
        if conflict is None:
            raise DatelineError(
                f"There is no conflict {args.id}; `dateline conflicts` lists them."
            )
        take: set[str] | None = set() if args.keep == "mine" else None
        if args.take:
            take = {f.strip() for f in args.take.split(",") if f.strip()}
            known = field_names(conflict.table)
            unknown = sorted(take - set(known))
            if unknown:
                raise DatelineError(
                    f"{', '.join(unknown)}: not a field of the {conflict.table[:-1]}; "
                    f"use some of: {', '.join(known)}."
                )
            if conflict_kind(timeline, conflict) != "both":
                raise DatelineError(
                    f"{args.id} was deleted on one side: settle it with --keep "
                    "mine or --keep theirs."
                )
        label = conflict_label(timeline, conflict)
        settle(timeline, conflict.id, take)
    print(inert(f"Settled {label}.", single_line=True))
    return 0


def _list(args: argparse.Namespace) -> int:
    from dateline.store.changes.conflicts import differences, open_conflicts

    with open_timeline(args) as timeline:
        conflicts = open_conflicts(timeline)
        rows: list[dict[str, Any]] = []
        for conflict in conflicts:
            diffs = differences(timeline, conflict)
            rows.append(
                {
                    "id": conflict.id,
                    "table": conflict.table,
                    "record": conflict.record,
                    "kind": KINDS[conflict_kind(timeline, conflict)],
                    "label": conflict_label(timeline, conflict),
                    "origin": conflict.origin,
                    "fields": [
                        {
                            "name": d.name,
                            "mine": shown(timeline, d.name, d.mine),
                            "theirs": shown(timeline, d.name, d.theirs),
                        }
                        for d in diffs
                    ],
                }
            )
    if args.format == "json":
        print_json(rows)
        return 0
    if not rows:
        print("No conflicts: every import so far merged cleanly.")
        return 0
    print(f"{counted(len(rows), 'conflict')} to settle:")
    for row in rows:
        print(inert(f"{row['id']}  {row['label']}: {row['kind']}", single_line=True))
        for field in row["fields"]:
            print(
                inert(f"    {field['name']}: mine  {field['mine']}", single_line=True)
            )
            print(
                inert(
                    f"    {field['name']}: theirs {field['theirs']}", single_line=True
                )
            )
    return 0
