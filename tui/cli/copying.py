"""``copy``: a whole timeline from one store to another."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from dateline.store.changes.copying import copy_into
from dateline.store.errors import DatelineError
from dateline.store.postgres import PgLocation
from dateline.store.timeline import Timeline
from dateline.tui.cli.common import (
    db_option,
    ensure_folder,
    open_shared,
    set_up_if_empty,
    tell,
)


def register(verbs: argparse._SubParsersAction) -> None:
    copy = verbs.add_parser(
        "copy",
        help="copy a whole timeline between stores (file or postgresql:// URL)",
        description=(
            "Copy every record of SRC into DST, ids kept: a file into a shared "
            "PostgreSQL timeline, back, or file to file. DST must be new or empty."
        ),
    )
    copy.add_argument("src", type=db_option, help="timeline file or postgresql:// URL")
    copy.add_argument("dst", type=db_option, help="timeline file or postgresql:// URL")
    copy.set_defaults(func=cmd_copy)


def _open(
    args: argparse.Namespace, where: Path | PgLocation, *, create: bool
) -> Timeline:
    if isinstance(where, PgLocation):
        return open_shared(args, where, create=create)
    if not os.path.lexists(where):
        if not create:
            raise DatelineError(f"There is no timeline at {where}; check the name.")
        ensure_folder(where, "nothing was copied")
    set_up_if_empty(where)
    return Timeline.open(where, notice=tell)


def cmd_copy(args: argparse.Namespace) -> int:
    if str(args.src) == str(args.dst):
        raise DatelineError("SRC and DST are the same timeline; nothing was copied.")
    with (
        _open(args, args.src, create=False) as source,
        _open(args, args.dst, create=True) as target,
    ):
        copied = copy_into(source, target)
    print(f"Copied {copied} from {args.src} to {args.dst}.")
    return 0
