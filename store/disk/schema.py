"""Schema versions of the timeline file and the checks on its ``meta`` table."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from dateline.store.errors import TimelineFileError

APP = "dateline"
#: Bump on any change to the document shapes in ``dateline.store.model``; add a
#: migration from the previous version in ``MIGRATIONS``.
#: 2 added revisions and authorship to every record, and the desk's tables
#: (tombstones, conflicts): a schema 1 file reads as revision 0 by nobody.
#: 3 added what a fact-checker keeps on an event (claims, verification,
#: notes, star, links, order within the day), the zone of a clock time, and
#: the saved views table: a schema 2 file reads as none of them. The bump
#: keeps an older dateline from opening a newer file and dropping them on
#: its next snapshot.
SCHEMA_VERSION = 3
RECORD_TABLES = ("events", "actors", "quotes", "sources")
#: "views" (saved filters, ``dateline.store.views``) came later: a file
#: without it reads as no views.
TABLES = (*RECORD_TABLES, "tombstones", "conflicts", "views")


def new_meta() -> dict[str, Any]:
    return {"app": APP, "schema": SCHEMA_VERSION, "journal_seq": 0}


def schema_problem(version: object) -> Literal["unreadable", "newer"] | None:
    """What is wrong with a schema version read from a file, if anything."""
    # true is an int to Python (== 1), not a schema version to anyone.
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return "unreadable"
    return "newer" if version > SCHEMA_VERSION else None


def check_meta(meta: dict[str, Any], path: Path) -> None:
    """Refuse files of other apps and of newer dateline versions."""
    if meta.get("app") != APP:
        raise TimelineFileError(
            f"{path} is JSON but not a dateline timeline (its meta names "
            f"{meta.get('app')!r}). Pick another file with --db."
        )
    version = meta.get("schema")
    problem = schema_problem(version)
    if problem == "unreadable":
        raise TimelineFileError(
            f"{path} has an unreadable schema version {version!r}; it was not "
            "opened. Restore it from its .bak file or your backups."
        )
    if problem == "newer":
        raise TimelineFileError(
            f"{path} was written by a newer dateline (schema {version}; this one "
            f"reads up to {SCHEMA_VERSION}). Upgrade dateline to open it; the "
            "file was not changed."
        )
