"""`dateline check`: find what is wrong inside a timeline file, and `restore`.

Checks work on the raw documents, so a file whose records cannot even be
loaded still gets a report naming each bad record instead of a crash.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from dateline.store.disk.atomic import fsync_dir
from dateline.store.disk.datafile import DataFile, Tables
from dateline.store.disk.snapshot import backup_path, decode_snapshot
from dateline.store.errors import TimelineFileError
from dateline.store.model import RECORD_TYPES


@dataclass(frozen=True)
class Problem:
    table: str
    record_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.table[:-1]} {self.record_id}: {self.message}"


def check_tables(tables: Tables) -> list[Problem]:
    """Every damaged record and dangling reference in ``tables``."""
    problems: list[Problem] = []
    built: dict[str, dict[str, Any]] = {name: {} for name in RECORD_TYPES}
    for name, cls in RECORD_TYPES.items():
        for rid, doc in tables.get(name, {}).items():
            try:
                built[name][rid] = cls.from_doc(doc)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                problems.append(Problem(name, rid, f"cannot be read ({exc})"))
    actors, quotes, sources = built["actors"], built["quotes"], built["sources"]
    for event in built["events"].values():
        for aid in event.actor_ids:
            if aid not in actors:
                problems.append(
                    Problem("events", event.id, f"names missing actor {aid}")
                )
        for qid in event.quotes:
            if qid not in quotes:
                problems.append(
                    Problem("events", event.id, f"holds missing quote {qid}")
                )
        for sid in event.sources:
            if sid not in sources:
                problems.append(
                    Problem("events", event.id, f"cites missing source {sid}")
                )
    for quote in quotes.values():
        if quote.speaker and quote.speaker not in actors:
            problems.append(
                Problem("quotes", quote.id, f"speaker {quote.speaker} is missing")
            )
        if quote.event and quote.event not in built["events"]:
            problems.append(
                Problem("quotes", quote.id, f"event {quote.event} is missing")
            )
        source = sources.get(quote.source) if quote.source else None
        if quote.source and source is None:
            problems.append(
                Problem("quotes", quote.id, f"source {quote.source} is missing")
            )
        if source is not None and quote.span is not None:
            start, end = quote.span
            if not 0 <= start <= end <= len(source.body):
                problems.append(
                    Problem("quotes", quote.id, "span lies outside its article")
                )
    return problems


def check_file(path: Path) -> list[Problem]:
    """Load ``path`` (raising TimelineFileError if unreadable) and check it."""
    return check_tables(DataFile(path).load().tables)


def restore_backup(path: Path) -> Path:
    """Put ``NAME.bak`` back as ``NAME``; the current file is kept aside.

    Returns where the replaced file was moved. Nothing is deleted.
    """
    bak = backup_path(path)
    if not bak.exists():
        raise TimelineFileError(f"There is no backup {bak} to restore.")
    decode_snapshot(bak.read_bytes(), bak)  # refuse to restore a bad backup
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.replaced-{stamp}")
    data = DataFile(path)
    with data.locked():
        if path.exists():
            os.replace(path, aside)
        # The journal belongs to the file being replaced: it goes aside with
        # it, or its entries would replay onto the backup (and a damaged
        # entry would break the restored file the same way).
        if data.journal.exists():
            os.replace(data.journal, aside.with_name(aside.name + ".journal"))
        shutil.copy2(bak, path)
        fsync_dir(path.parent)
    return aside
