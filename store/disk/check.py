"""`dateline check`: find what is wrong inside a timeline file, and `restore`.

Checks work on the raw documents, so a file whose records cannot even be
loaded still gets a report naming each bad record instead of a crash.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from dateline.store.disk.atomic import fsync_dir, write_atomic
from dateline.store.disk.datafile import DataFile, Tables
from dateline.store.disk.journal import journal_path
from dateline.store.disk.snapshot import backup_path, decode_snapshot
from dateline.store.errors import TimelineFileError
from dateline.store.model import RECORD_TYPES, span_fits


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
        for link in event.links:
            if link.event not in built["events"]:
                problems.append(
                    Problem(
                        "events",
                        event.id,
                        f"links ({link.kind}) to missing event {link.event}",
                    )
                )
        for claim in event.claims:
            source = sources.get(claim.source)
            if source is None:
                problems.append(
                    Problem(
                        "events", event.id, f"claims from missing source {claim.source}"
                    )
                )
            elif claim.span is not None and claim.span[1] > len(source.body):
                problems.append(
                    Problem(
                        "events", event.id, "a claim's span lies outside its article"
                    )
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
        if source is not None and not span_fits(quote, source):
            problems.append(
                Problem("quotes", quote.id, "span lies outside its article")
            )
    return problems


def check_file(path: Path) -> list[Problem]:
    """Load ``path`` (raising TimelineFileError if unreadable) and check it."""
    if not os.path.lexists(path):
        raise TimelineFileError(
            f"There is no timeline at {path}; check the name, or give --db."
        )
    return check_tables(DataFile(path).load().tables)


@dataclass(frozen=True)
class Restored:
    """What ``restore_backup`` did."""

    #: False when the file already was its backup: nothing was touched.
    changed: bool
    #: Where the replaced file was kept (None when there was none).
    aside: Path | None


def restore_backup(path: Path) -> Restored:
    """Put ``NAME.bak`` back as ``NAME``; the current file is kept aside.

    The replaced file and its journal are kept under a name no other
    restore uses, and the backup goes in through a temp file and a rename,
    so a full disk leaves the live file whole. Nothing is deleted.
    """
    path = path.resolve()
    bak = backup_path(path)
    if not bak.exists():
        raise TimelineFileError(f"There is no backup {bak} to restore.")
    payload = bak.read_bytes()
    decode_snapshot(payload, bak)  # refuse to restore a bad backup
    data = DataFile(path)
    with data.locked():
        pending = data.journal.exists() and data.journal.stat().st_size > 0
        if path.exists() and not pending and path.read_bytes() == payload:
            return Restored(changed=False, aside=None)
        aside = _set_aside(path) if path.exists() else None
        if aside is not None and data.journal.exists():
            # The journal belongs to the file being replaced: it goes aside
            # with it, or its entries would replay onto the backup.
            _keep_copy(data.journal, journal_path(aside))
        try:
            write_atomic(path, payload)
        except OSError as exc:
            kept = f"; a copy of it is in {aside}" if aside else ""
            raise TimelineFileError(
                f"Could not restore {path}: {exc.strerror or exc}. {path.name} "
                f"was left as it was{kept}. Free some space and run restore again."
            ) from None
        with contextlib.suppress(FileNotFoundError):
            data.journal.unlink()
        fsync_dir(path.parent)
    return Restored(changed=True, aside=aside)


def _set_aside(path: Path) -> Path:
    """A copy of ``path`` under ``NAME.replaced-STAMP`` (``-2``, ``-3``...
    when a restore in the same second took that name)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in itertools.count(1):
        suffix = stamp if n == 1 else f"{stamp}-{n}"
        aside = path.with_name(f"{path.name}.replaced-{suffix}")
        journal = journal_path(aside)
        if os.path.lexists(journal):
            continue
        try:
            _keep_copy(path, aside)
        except FileExistsError:
            continue
        return aside
    raise AssertionError("unreachable")  # pragma: no cover


def _keep_copy(source: Path, target: Path) -> None:
    """``target`` holds what ``source`` holds now; FileExistsError if taken.

    A hard link costs no space, so it works on a full disk too."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        try:
            write_atomic(target, source.read_bytes())
        except OSError:
            target.unlink()
            raise
