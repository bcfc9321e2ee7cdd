"""``check`` and ``restore``: what to do when a file looks wrong."""

from __future__ import annotations

import argparse

from dateline.store.errors import DatelineError
from dateline.store.postgres import PgLocation
from dateline.tui.view.inert import inert


def register(verbs: argparse._SubParsersAction) -> None:
    check = verbs.add_parser(
        "check", help="validate a timeline file (references, dates, spans)"
    )
    check.set_defaults(func=cmd_check)
    restore = verbs.add_parser(
        "restore", help="put the .bak copy back (the current file is kept aside)"
    )
    restore.set_defaults(func=cmd_restore)


def _file_only(args: argparse.Namespace, verb: str) -> None:
    if isinstance(args.db, PgLocation):
        raise DatelineError(
            f"`dateline {verb}` works on timeline files; {args.db} is kept by "
            "PostgreSQL, which checks and backs it up itself (pg_dump)."
        )


def cmd_check(args: argparse.Namespace) -> int:
    _file_only(args, "check")
    # Here, not at the top: `dateline --help` must not load TinyDB.
    from dateline.store.disk import check_file

    problems = check_file(args.db)
    if not problems:
        print(f"{args.db}: no problems found.")
        return 0
    for problem in problems:
        print(inert(str(problem), single_line=True))
    print(f"{args.db}: {len(problems)} problems.")
    return 1


def cmd_restore(args: argparse.Namespace) -> int:
    _file_only(args, "restore")
    from dateline.store.disk import backup_path, restore_backup

    restored = restore_backup(args.db)
    bak = backup_path(args.db).name
    if not restored.changed:
        print(f"{args.db} is already the same as {bak}; nothing was restored.")
        return 0
    print(f"Restored {args.db} from {bak}.")
    if restored.aside is not None:
        print(f"The file it replaced was kept as {restored.aside}.")
    return 0
