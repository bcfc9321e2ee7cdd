"""Which format a file is in, for ``--format auto`` and export defaults.

Imports look at the content first (a ``.json`` may be a dateline export or a
TimelineJS file), then at the extension. Exports go by the extension alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.store.formats.native import FORMAT, ImportFormatError

IMPORT_FORMATS = ("json", "csv", "timelinejs", "ics")
EXPORT_FORMATS = ("json", "csv", "timelinejs", "ics", "md")
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
}
#: File names ending so ask for TimelineJS (a plain ".json" is native).
TIMELINEJS_SUFFIXES = (".timeline.json", ".timelinejs.json", ".tljs.json")
#: The extension each export format gets when the user picks it.
SUFFIX = {"json": ".json", "csv": ".csv", "ics": ".ics", "md": ".md"}
SUFFIX["timelinejs"] = TIMELINEJS_SUFFIXES[0]


def export_format_for(path: str | Path) -> str | None:
    """The format a file name asks for, or None when it does not say."""
    name = Path(path).name.lower()
    if name.endswith(TIMELINEJS_SUFFIXES):
        return "timelinejs"
    return EXTENSIONS.get(Path(name).suffix)


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
    if head.startswith(("{", "[")):
        data = parse_json(text, str(path))
        kind = json_kind(data)
        if kind is None:
            raise ImportFormatError(
                f"{path} is JSON but neither a dateline export (no "
                '"format": "dateline") nor a TimelineJS timeline (no "events" '
                "list). Nothing was imported."
            )
        return kind, data
    by_name = export_format_for(path)
    if by_name in IMPORT_FORMATS and by_name not in ("json", "timelinejs"):
        return by_name, None
    if head and "," in head.partition("\n")[0]:
        return "csv", None
    raise ImportFormatError(
        f"Cannot tell what format {path} is in. Say it with --format "
        f"({', '.join(IMPORT_FORMATS)})."
    )
