"""``dateline verify ID STATUS``: set an event's verification from a shell,
through the same store call (and checks) as the explorer's ``V``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from dateline.store.model import VERIFICATIONS
from dateline.tui.cli.common import open_timeline, print_json
from dateline.tui.cli.editing import (
    check_expected,
    expect_arg,
    find_event,
    format_arg,
    full_record,
)
from dateline.tui.view.inert import inert

if TYPE_CHECKING:
    from dateline.store.model import Event
    from dateline.store.timeline import Timeline


def register(verbs: argparse._SubParsersAction) -> None:
    verify = verbs.add_parser(
        "verify",
        help="set an event's verification: unverified, confirmed, disputed, false",
        description=(
            "Set how far the event is checked. The answer says what its claims "
            "propose (confirmed by independent sources, or disputed when their "
            "dates do not overlap). With --expect VERSION (the `version` from "
            "`dateline show ID --format json`) it is refused if anyone changed "
            "the event since."
        ),
    )
    verify.add_argument("id", help="the event's id")
    verify.add_argument("status", choices=VERIFICATIONS, help="the verification")
    expect_arg(verify)
    format_arg(verify)
    verify.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from dateline.store.changes.verification import verify_event
    from dateline.store.evidence import proposal

    with open_timeline(args) as timeline:
        event = find_event(timeline, args.id)
        check_expected(event, args.expect)
        saved = verify_event(timeline, event, args.status)
        proposed = proposal(saved, timeline.sources_by_id)
        _report(timeline, saved, proposed.status, proposed.reason, args.format)
    return 0


def _report(
    timeline: Timeline, event: Event, proposed: str, reason: str, fmt: str
) -> None:
    if fmt == "json":
        print_json(
            {
                **full_record(timeline, event),
                "proposed": {"verification": proposed, "reason": reason},
            }
        )
        return
    # The title is the user's (or an article's) text: inert on a terminal.
    title = inert(event.title, single_line=True)
    print(f"{event.id} ({title}) is now {event.verification}.")
    if proposed != event.verification:
        print(f"Its claims propose {proposed}: {reason}.")
