"""CSV tables as dateline reads them, and the CSV flavours it knows.

Three spreadsheets reach dateline as CSV: its own (``csvfmt``), Knight Lab's
TimelineJS Google-Sheet template (``tljs_sheet``) and Timesketch's import
layout (``timesketch``). Their columns live here, in one place, so format
detection, each reader and the message for a header none of them fits all
say the same thing. Rows are read strictly: a stray quote is an error naming
its line, never a field that swallows the rest of the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateline.store.errors import quoted
from dateline.store.formats.native import ImportFormatError

#: dateline's own CSV, in the order it writes them.
DATELINE_COLUMNS = (
    "id",
    "date_text",
    "start",
    "end",
    "precision",
    "approximate",
    "title",
    "summary",
    "actors",
    "tags",
    "status",
    "place",
    "source_urls",
    "review",
    # Added after the first release, so last: scripts reading the columns
    # by position keep working.
    "bound",
    # Time zones: the zone a clock time was written in, or empty.
    "zone",
    # Order within a day (``Event.order``): a whole number, empty reads as 0.
    "order",
    # Starred (annotations): yes/no, as approximate.
    "starred",
    # Claims and verification (issue 17).
    "verification",
)
#: Knight Lab's TimelineJS Google-Sheet template, in its order.
SHEET_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
#: The columns Timesketch needs in every CSV or JSONL it imports.
TIMESKETCH_COLUMNS = ("message", "datetime", "timestamp_desc")

#: Flavour -> (what it needs, shown in messages).
_NEEDS = {
    "csv": "title and a date (start or date_text)",
    "timelinejs-sheet": "Year and Headline",
    "timesketch": "message and datetime (or timestamp)",
}
_ALL = {
    "csv": DATELINE_COLUMNS,
    "timelinejs-sheet": SHEET_COLUMNS,
    "timesketch": (*TIMESKETCH_COLUMNS, "timestamp"),
}
_LABEL = {
    "csv": "dateline CSV",
    "timelinejs-sheet": "TimelineJS sheet",
    "timesketch": "Timesketch",
}
#: Other spellings of dateline's columns seen in hand-made spreadsheets.
HEADER_ALIASES = {"date": "date_text", "headline": "title", "sources": "source_urls"}


@lru_cache(maxsize=1024)
def header_key(raw: str) -> str:
    """A column name as compared: no BOM, no case, spaces as ``_``
    ("End Year" -> "end_year")."""
    return "_".join(raw.strip().lstrip("\ufeff").lower().split())


def csv_kind(header: list[str]) -> str | None:
    """The flavour a header row names, or None when it fits none.

    Timesketch first: dateline's Timesketch export carries dateline's own
    columns too. The sheet before dateline CSV: its "Headline" is a title.
    """
    keys = {header_key(h) for h in header}
    if "message" in keys and keys & {"datetime", "timestamp"}:
        return "timesketch"
    if {"year", "headline"} <= keys:
        return "timelinejs-sheet"
    keys = {HEADER_ALIASES.get(k, k) for k in keys}
    if "title" in keys and keys & {"start", "date_text"}:
        return "csv"
    return None


def unknown_header(origin: str, header: list[str] | None) -> ImportFormatError:
    """The error for a header row no flavour fits: what each one needs, and
    what the file has (cut short, quoted, so a hostile header stays one line)."""
    names = [h.strip() for h in header or [] if h.strip()]
    if names:
        shown = ", ".join(quoted(n, 40) for n in names[:20])
        if len(names) > 20:
            shown += f" and {len(names) - 20} more"
        found = (
            f"{origin} line 1: the columns ({shown}) fit no CSV layout dateline reads"
        )
    else:
        found = f"{origin} is empty or has no header row naming the columns"
    wanted = "; ".join(
        f"{_LABEL[kind]} (--format {kind}) needs {_NEEDS[kind]}, "
        f"of: {', '.join(_ALL[kind])}"
        for kind in _NEEDS
    )
    return ImportFormatError(
        f"{found}. "
        f"{wanted}. Rename the columns in the first line and import again. "
        "Nothing was imported."
    )


@dataclass
class Table:
    """A CSV file's header and, lazily, its rows with their line numbers."""

    header: list[str]
    _reader: Iterator[list[str]]
    _origin: str

    def columns(self) -> dict[str, int]:
        """Column key -> index; the first of two same-named columns wins."""
        out: dict[str, int] = {}
        for i, raw in enumerate(self.header):
            out.setdefault(header_key(raw), i)
        return out

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) of every row that is not blank."""
        reader = self._reader
        line = getattr(reader, "line_num", 0) + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                # A broken quote swallows the rest of the file: the rows after
                # it cannot be told apart, so this one is fatal.
                why = str(exc)
                if "field limit" in why:
                    why = (
                        f"a cell is longer than {csv.field_size_limit():,} "
                        "characters, the most dateline reads from one CSV cell; "
                        "often a quote left open"
                    )
                raise ImportFormatError(
                    f"{self._origin} line {line}: not readable CSV ({why}). "
                    "Nothing was imported; fix that line."
                ) from None
            if any(cell.strip() for cell in row):
                yield line, row
            line = getattr(reader, "line_num", line) + 1


def read_table(text: str, origin: str) -> Table:
    """``text`` as a CSV table; ImportFormatError when there is no header."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFormatError(f"{origin} line 1: not readable CSV ({exc}).") from None
    if not header or not any(h.strip() for h in header):
        raise unknown_header(origin, None)
    return Table(header, reader, origin)


def first_row(text: str) -> list[str]:
    """The header row of ``text`` for telling its flavour ([] if unreadable)."""
    try:
        return next(csv.reader(io.StringIO(text[:65536], newline="")), [])
    except csv.Error:
        return []
