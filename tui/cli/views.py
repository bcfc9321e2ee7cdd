"""``views``: the saved views of a timeline (named sets of filters), listed
or deleted. ``dateline list --view NAME`` lists a view's events; views are
saved in the explorer with ``w``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from dateline.tui.cli.common import open_timeline, print_json, print_table

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline
    from dateline.store.views import SavedView


def register(verbs: argparse._SubParsersAction) -> None:
    views = verbs.add_parser(
        "views", help="list the saved views (named filters), or delete one"
    )
    views.add_argument(
        "--delete", metavar="NAME", help="delete the saved view called NAME"
    )
    views.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output: an aligned table (default) or JSON",
    )
    views.set_defaults(func=cmd_views)


def cmd_views(args: argparse.Namespace) -> int:
    from dateline.store.changes.views import delete_view, saved_views
    from dateline.store.errors import quoted

    with open_timeline(args) as timeline:
        if args.delete is not None:
            gone = delete_view(timeline, args.delete)
            if args.format == "json":
                print_json({"deleted": gone.name})
            else:
                print(f"Deleted the view {quoted(gone.name)}.")
            return 0
        views = saved_views(timeline)
        if args.format == "json":
            print_json([view_record(timeline, v) for v in views])
            return 0
        if not views:
            print("No saved views yet: save one with w in the explorer.")
            return 0
        rows = [[v.name, ", ".join(describe(timeline, v))] for v in views]
        print_table(["VIEW", "FILTERS"], rows)
    return 0


def describe(timeline: Timeline, view: SavedView) -> list[str]:
    """A view's filters in words, actors by name."""
    flt = view.event_filter

    def name(actor_id: str) -> str:
        actor = timeline.actors_by_id.get(actor_id)
        return actor.name if actor else actor_id

    words = [name(a) for a in flt.actors]
    if len(flt.actors) > 1:
        words[-1] += f" ({flt.match} of)"
    words += [f"not {name(a)}" for a in flt.not_actors]
    words += [f"#{t}" for t in flt.tags]
    words += [f"not #{t}" for t in flt.not_tags]
    if flt.start or flt.end:
        start = flt.start.isoformat() if flt.start else "…"
        end = flt.end.isoformat() if flt.end else "…"
        words.append(f"{start} to {end}")
    if flt.status:
        words.append(f"{flt.status} only")
    if flt.text:
        words.append(f"“{flt.text}”")
    return words


def view_record(timeline: Timeline, view: SavedView) -> dict[str, Any]:
    """A view for `--format json`: its name, its filter as stored, and the
    filter in words."""
    return {
        "name": view.name,
        "filter": view.filter,
        "described": describe(timeline, view),
        "created": view.created,
        "updated": view.updated,
    }
