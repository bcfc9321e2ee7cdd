"""Which format a file is in, for ``--format auto`` and export defaults.

Imports look at the content first (a ``.json`` may be a dateline export or a
TimelineJS file), then at the extension. Exports go by the extension alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.store.formats.csvtable import csv_kind, first_row, unknown_header
from dateline.store.formats.native import FORMAT, ImportFormatError

#: The CSV and JSONL layouts newsrooms and forensic analysts exchange.
NEWSROOM_FORMATS = ("timelinejs-sheet", "timesketch", "timesketch-jsonl")
IMPORT_FORMATS = ("json", "csv", "timelinejs", "ics", *NEWSROOM_FORMATS)
EXPORT_FORMATS = ("json", "csv", "timelinejs", "ics", "md", *NEWSROOM_FORMATS)
#: Extension -> export format. ``.json`` is the lossless native format;
#: TimelineJS is chosen by name (``--format timelinejs``) or ``.timeline.json``.
EXTENSIONS = {
    ".json": "json",
    ".csv": "csv",
    ".ics": "ics",
    ".ical": "ics",
    ".ifb": "ics",
    ".md": "md",
    ".markdown": "md",
    ".jsonl": "timesketch-jsonl",
}
#: File names ending so ask for TimelineJS (a plain ".json" is native).
TIMELINEJS_SUFFIXES = (".timeline.json", ".timelinejs.json", ".tljs.json")
#: Endings of more than one part that name a format, checked before the
#: plain extension: the first one of each format is what it gets.
COMPOUND_SUFFIXES = {
    **dict.fromkeys(TIMELINEJS_SUFFIXES, "timelinejs"),
    # Not ".timeline.csv": "story.timeline.csv" may well mean dateline's CSV.
    ".sheet.csv": "timelinejs-sheet",
    ".timelinejs.csv": "timelinejs-sheet",
    ".tljs.csv": "timelinejs-sheet",
    ".timesketch.csv": "timesketch",
    ".timesketch.jsonl": "timesketch-jsonl",
}
#: The extension each export format gets when the user picks it.
SUFFIX = {"json": ".json", "csv": ".csv", "ics": ".ics", "md": ".md"}
SUFFIX["timesketch-jsonl"] = ".jsonl"
for _suffix, _fmt in COMPOUND_SUFFIXES.items():
    SUFFIX.setdefault(_fmt, _suffix)


def export_format_for(path: str | Path) -> str | None:
    """The format a file name asks for, or None when it does not say."""
    name = Path(path).name.lower()
    for suffix, fmt in COMPOUND_SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    return EXTENSIONS.get(Path(name).suffix)


def shares_extension(named: str | None, fmt: str) -> bool:
    """True when a name ending in ``named``'s plain extension may hold
    ``fmt`` too: "x.json" for TimelineJS, "x.csv" for a Timesketch CSV. A
    form keeps the format chosen rather than follow such a name."""
    if named is None or named == fmt:
        return False
    return EXTENSIONS.get(Path(SUFFIX[fmt]).suffix) == named


def json_kind(data: Any) -> str | None:
    """ "json" for a dateline export, "timelinejs" for a TimelineJS document."""
    if isinstance(data, dict):
        if data.get("format") == FORMAT:
            return "json"
        if isinstance(data.get("events"), list) or isinstance(data.get("title"), dict):
            return "timelinejs"
    return None


def parse_json(text: str, origin: str) -> Any:
    """``text`` as JSON, or an ImportFormatError naming where it breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"{origin} line {exc.lineno}, column {exc.colno}: not valid JSON "
            f"({exc.msg}). Nothing was imported."
        ) from None
    except (ValueError, RecursionError):
        # A number of thousands of digits, or lists nested thousands deep:
        # no timeline holds either, and Python refuses to read them.
        raise ImportFormatError(
            f"{origin} holds a number too long or nesting too deep to be a "
            "timeline. Nothing was imported."
        ) from None


def detect_import_format(path: Path, text: str) -> tuple[str, Any]:
    """The format of ``text`` (read from ``path``), or a clear error; with the
    parsed document when telling the format meant parsing JSON, so a large
    import is parsed once."""
    head = text.lstrip("\ufeff \t\r\n")
    if head[:15].upper() == "BEGIN:VCALENDAR":
        return "ics", None
    by_name = export_format_for(path)
    if by_name == "timesketch-jsonl" or _is_timesketch_jsonl(head):
        return "timesketch-jsonl", None
    if head.startswith(("{", "[")):
        data = parse_json(text, str(path))
        kind = json_kind(data)
        if kind is None:
            raise ImportFormatError(
                f"{path} is JSON but neither a dateline export (no "
                '"format": "dateline"), a TimelineJS timeline (no "events" '
                "list) nor Timesketch JSONL (one object a line with message and "
                "datetime). Nothing was imported."
            )
        return kind, data
    named_csv = by_name in ("csv", "timelinejs-sheet", "timesketch")
    if named_csv or (head and "," in head.partition("\n")[0]):
        # Which CSV it is, the header says, whatever the name: a Timesketch
        # file is often just "events.csv".
        header = first_row(head)
        kind = csv_kind(header)
        if kind is not None:
            return kind, None
        refusal = unknown_header(str(path), header)
        if named_csv:
            raise refusal
        # Only a comma said CSV (a pipe has no name): an article's first line
        # has commas too, so say both.
        raise ImportFormatError(
            f"Cannot tell what format {path} is in; say it with --format "
            f"({', '.join(IMPORT_FORMATS)}). Read as CSV: {refusal}"
        )
    if by_name in IMPORT_FORMATS and by_name not in ("json", "timelinejs"):
        return by_name, None
    raise ImportFormatError(
        f"Cannot tell what format {path} is in. Say it with --format "
        f"({', '.join(IMPORT_FORMATS)})."
    )


def _is_timesketch_jsonl(head: str) -> bool:
    """True when the first line is a JSON object with Timesketch's fields.

    Only that line is parsed: a JSONL file is not one JSON document, and a
    dateline or TimelineJS export never starts with such a line.
    """
    first = head.partition("\n")[0].strip()
    if not (first.startswith("{") and first.endswith("}")):
        return False
    try:
        record = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(record, dict)
        and "message" in record
        and bool(record.keys() & {"datetime", "timestamp"})
    )
