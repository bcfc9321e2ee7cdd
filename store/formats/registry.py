"""One door for every format: render or write an export, read or merge an import.

The CLI and the explorer call only these; each format module knows one
format. Imports read and check the whole file before anything is written,
then merge through one ``merge_records`` commit, so a file goes in whole or
not at all. Format modules are imported on first use, so opening the
explorer does not pay for the iCalendar library.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from dateline.store.disk.atomic import write_atomic
from dateline.store.disk.datafile import COMPANION_SUFFIXES, companions
from dateline.store.disk.schema import APP
from dateline.store.errors import DatelineError
from dateline.store.formats.batch import Batch, merge_batch
from dateline.store.formats.detect import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    detect_import_format,
    parse_json,
)
from dateline.store.formats.native import ImportFormatError, ImportReport, import_native
from dateline.store.model import Event
from dateline.store.timeline import Timeline

#: The largest file ``import`` reads: a 100k-event export is about 70 MB.
IMPORT_LIMIT = 256 * 2**20


class ExportError(DatelineError):
    """An export cannot be written; nothing was changed."""


def render_export(
    timeline: Timeline,
    events: list[Event] | None,
    fmt: str,
    *,
    title: str = "",
    raw_formulas: bool = False,
) -> str:
    """``events`` (None: the whole timeline) as the text of format ``fmt``.

    A native export of every event is an export of the whole timeline, so
    actors and quotes tied to no event are kept too. ``raw_formulas`` writes
    CSV cells a spreadsheet would run as they are (see ``csvfmt``).
    """
    title = title or _title(timeline)
    if events is not None and _is_everything(timeline, events):
        events = None
    if fmt == "json":
        from dateline.store.formats.native import dumps_native

        return dumps_native(timeline, events) + "\n"
    if events is None:
        events = timeline.events()
    if fmt == "csv":
        from dateline.store.formats.csvfmt import dumps_csv

        return dumps_csv(timeline, events, raw_formulas=raw_formulas)
    if fmt == "timelinejs":
        from dateline.store.formats.timelinejs import dumps_timelinejs

        return dumps_timelinejs(timeline, events, title=title) + "\n"
    if fmt == "ics":
        from dateline.store.formats.ics import dumps_ics

        return dumps_ics(timeline, events, title=title)
    if fmt == "md":
        from dateline.store.formats.markdown import dumps_markdown

        return dumps_markdown(timeline, events, title=title)
    raise ExportError(
        f'Unknown export format "{fmt}"; use one of: {", ".join(EXPORT_FORMATS)}.'
    )


class ExistingFileError(ExportError):
    """The export would replace a file that is there; ``force`` allows it."""


def write_export(
    timeline: Timeline,
    events: list[Event] | None,
    fmt: str,
    path: str | Path,
    *,
    force: bool = False,
    raw_formulas: bool = False,
) -> None:
    """Write the export to ``path`` whole or not at all (never half a file).

    Never replaces a dateline timeline (this one's files or any other's): an
    export over one would lose its records with no backup. Any other file
    that is there is replaced only with ``force`` (the user said so).
    """
    target = Path(path).expanduser()
    refusal = export_refusal(timeline, target)
    if refusal:
        raise ExportError(refusal)
    if not force and (target.exists() or target.is_symlink()):
        raise ExistingFileError(
            f"{target} already exists; add --force to replace it, or export to "
            "another file name."
        )
    text = render_export(timeline, events, fmt, raw_formulas=raw_formulas)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Cannot write {target}: the folder {folder} does not exist.")
    # ICS wants CRLF line ends, which the library already wrote; the other
    # formats are text files in the platform's own line ends.
    if fmt != "ics" and os.linesep != "\n":
        text = text.replace("\n", os.linesep)
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.") from None


def export_refusal(timeline: Timeline, target: Path) -> str:
    """Why ``target`` may never be an export target, or "" when it may be.

    The explorer asks this before it asks about replacing a file: no answer
    makes replacing a timeline safe.
    """
    if _is_timeline_file(timeline, target):
        return (
            f"{target} is the timeline file itself (or its journal or backup); "
            "export to another file name."
        )
    if is_timeline_file(target):
        return (
            f"{target} is a dateline timeline (or its journal or backup); an "
            "export never replaces one. Export to another file name."
        )
    return ""


#: How a timeline file (and its backup) begins: its meta table names the app.
_TIMELINE_MARKS = tuple(f'"app":{gap}"{APP}"'.encode() for gap in ("", " "))


def is_timeline_file(path: Path) -> bool:
    """True when ``path`` is a dateline timeline, or the journal, backup or
    lock of one beside it. Reads only the start of the file."""
    for suffix in COMPANION_SUFFIXES:
        owner = path.name.removesuffix(suffix)
        if owner not in ("", path.name) and is_timeline_file(path.with_name(owner)):
            return True
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and any(m in head for m in _TIMELINE_MARKS)


def read_import(
    path: str | Path, fmt: str = "auto", *, anchor: date | None = None
) -> tuple[str, Batch | dict]:
    """Read and check a whole file: (format, Batch) or ("json", document).

    Raises ImportFormatError naming the file (and line where known) when the
    file as a whole cannot be read.
    """
    path = Path(path).expanduser()
    text = _read_text(path)
    data: Any = None
    if fmt == "auto":
        fmt, data = detect_import_format(path, text)
    if fmt not in IMPORT_FORMATS:
        raise ImportFormatError(
            f'Cannot import format "{fmt}"; use one of: {", ".join(IMPORT_FORMATS)}.'
        )
    origin = str(path)
    if fmt == "csv":
        from dateline.store.formats.csvfmt import read_csv

        return fmt, read_csv(text, origin, anchor or date.today())
    if fmt == "ics":
        from dateline.store.formats.ics import read_ics

        return fmt, read_ics(text, origin)
    if data is None:
        data = parse_json(text, origin)
    _refuse_lone_surrogates(data, origin)
    if fmt == "timelinejs":
        from dateline.store.formats.timelinejs import read_timelinejs

        return fmt, read_timelinejs(data, origin)
    return fmt, data


def _refuse_lone_surrogates(data: object, origin: str) -> None:
    """JSON may escape half a character ("\\ud800"); saved, it would make the
    timeline file unwritable, so the import stops here with nothing written."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ImportFormatError(
            f"{origin} holds text that is not valid Unicode (a lone surrogate "
            f"\\u{ord(exc.object[exc.start]):04x}, half of a character). Fix or "
            "remove it and import again. Nothing was imported."
        ) from None


def import_file(
    timeline: Timeline,
    path: str | Path,
    fmt: str = "auto",
    *,
    allow_duplicates: bool = False,
    anchor: date | None = None,
) -> ImportReport:
    """Merge the file at ``path`` into ``timeline`` as one undoable step."""
    _fmt, read = read_import(path, fmt, anchor=anchor)
    return merge_read(timeline, read, Path(path), allow_duplicates=allow_duplicates)


def merge_read(
    timeline: Timeline,
    read: Batch | dict,
    path: Path,
    *,
    allow_duplicates: bool = False,
) -> ImportReport:
    """Commit what ``read_import`` returned, in one journal entry."""
    if isinstance(read, Batch):
        return merge_batch(timeline, read, allow_duplicates=allow_duplicates)
    return import_native(
        timeline, read, origin=str(path), allow_duplicates=allow_duplicates
    )


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            # Bounded: /dev/zero as an import must end, and with a reason.
            raw = handle.read(IMPORT_LIMIT + 1)
    except OSError as exc:
        raise ImportFormatError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if len(raw) > IMPORT_LIMIT:
        raise ImportFormatError(
            f"{path} is larger than {IMPORT_LIMIT // 2**20} MB, more than any "
            "timeline to import; split it or check it is the right file. "
            "Nothing was imported."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFormatError(
            f"{path} line {line}: not UTF-8 text (byte {exc.start}). Save it as "
            "UTF-8 and import again. Nothing was imported."
        ) from None


def _title(timeline: Timeline) -> str:
    return timeline.path.stem if timeline.path is not None else "Timeline"


def _is_everything(timeline: Timeline, events: list[Event]) -> bool:
    return len(events) == len(timeline) and all(
        ev.id in timeline.events_by_id for ev in events
    )


def _is_timeline_file(timeline: Timeline, target: Path) -> bool:
    if timeline.path is None:
        return False
    db = timeline.path.resolve()
    return target.resolve() in {db, *companions(db)}
