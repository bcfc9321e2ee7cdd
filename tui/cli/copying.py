"""``copy``: a whole timeline from one store to another."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.store.errors import DatelineError
from dateline.store.postgres import PgLocation, location_of
from dateline.tui.cli.common import (
    ensure_folder,
    open_shared,
    set_up_if_empty,
    tell,
)

if TYPE_CHECKING:
    from dateline.store.timeline import Timeline


def register(verbs: argparse._SubParsersAction) -> None:
    copy = verbs.add_parser(
        "copy",
        help="copy a whole timeline between stores (file or postgresql:// URL)",
        description=(
            "Copy every record of SRC into DST, ids, revisions and authors "
            "kept: a file into a shared PostgreSQL timeline, back, or file to "
            "file. Either side may be a folder in the dir format (a folder "
            "export; a DST ending in / or already a folder is written as one). "
            "DST must be new or empty."
        ),
    )
    copy.add_argument("src", help="timeline file, folder export or postgresql:// URL")
    copy.add_argument("dst", help="timeline file, folder or postgresql:// URL")
    copy.set_defaults(func=cmd_copy)


def _open(
    args: argparse.Namespace, where: Path | PgLocation, *, create: bool
) -> Timeline:
    from dateline.store.timeline import Timeline

    if isinstance(where, PgLocation):
        return open_shared(args, where, create=create)
    if not os.path.lexists(where):
        if not create:
            raise DatelineError(f"There is no timeline at {where}; check the name.")
        ensure_folder(where, "nothing was copied")
    set_up_if_empty(where)
    return Timeline.open(where, notice=tell)


def _folder(where: Path | PgLocation, raw: str) -> Path | None:
    """``where`` when it names a folder (an existing one, or ending in /)."""
    if isinstance(where, Path) and (where.is_dir() or raw.endswith(os.sep)):
        return where
    return None


def _open_source(args: argparse.Namespace, where: Path | PgLocation) -> Timeline:
    from dateline.store.timeline import Timeline

    folder = _folder(where, args.src)
    if folder is not None:
        from dateline.store.formats.registry import import_file

        source = Timeline.memory()
        import_file(source, folder, "dir")
        return source
    return _open(args, where, create=False)


def cmd_copy(args: argparse.Namespace) -> int:
    from dateline.store.changes.copying import Copied, copy_into

    src, dst = location_of(args.src), location_of(args.dst)
    if str(src) == str(dst):
        raise DatelineError("SRC and DST are the same timeline; nothing was copied.")
    with _open_source(args, src) as source:
        folder = _folder(dst, args.dst)
        if folder is not None:
            from dateline.store.formats.folder import write_folder

            write_folder(source, folder)
            copied = Copied.of(source)
        else:
            with _open(args, dst, create=True) as target:
                copied = copy_into(source, target)
    print(f"Copied {copied} from {src} to {dst}.")
    return 0
