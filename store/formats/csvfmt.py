r"""CSV: one row per event, for spreadsheets.

Columns (in this order): id, date_text, start, end, precision, approximate,
title, summary, actors (names joined by "; "), tags ("; "), status, place,
source_urls ("; "), review ("pending" for an extracted event nobody has
checked yet, else empty or "accepted"; informational, not read back), bound
(a bounded date's side: "before", "after", "by", "until", "since", or empty),
zone (the zone a clock time was written in, "EST", "Europe/Paris", "-05:00",
or empty; start and end stay the wall-clock time in it), order (the place set
by hand among events on the same day; empty reads as 0). A start written with
an offset ("2026-01-09T14:30-05:00") and no zone takes the offset as its zone.
Quotes, actor roles and aliases, and article texts do not fit a row and are
not carried. In a list, an item's own ``;`` is written ``\;`` and a backslash
``\\``, so "Smith; Jones LLP" stays one name.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return as a formula, so a title from someone else's file could
fetch a URL or run a command when the export is opened. Such cells are written
with a ``'`` in front (which a spreadsheet shows as text); ``raw_formulas``
(``dateline export --raw-formulas``) writes them as they are. Reading takes
that one ``'`` off again, so a round trip keeps the text.

Reading is forgiving: headers match case-insensitively and in any order
(``date`` is taken for ``date_text``), only ``title`` and a date (``start`` or
``date_text``) are required, and a row that cannot be read is reported with
its line number while the rest are imported. When ``start`` is empty the
``date_text`` is read in words against the anchor date.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import TextIO

from dateline.store.errors import DatelineError
from dateline.store.formats.batch import Batch
from dateline.store.formats.csvtable import (
    DATELINE_COLUMNS,
    HEADER_ALIASES,
    header_key,
    read_table,
    unknown_header,
)
from dateline.store.model import (
    BOUNDS,
    PRECISIONS,
    STATUSES,
    VERIFICATIONS,
    Event,
    FuzzyDate,
)
from dateline.store.timeline import Timeline
from dateline.store.zones import ZoneError, canonical_zone, zone_of

COLUMNS = DATELINE_COLUMNS
LIST_SEPARATOR = "; "
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"", "no", "n", "false", "0"}


#: What makes a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` with a ``'`` in front if a spreadsheet would run it.

    Cells already starting with ``'`` before a formula character get one
    more, so ``restore`` gives back exactly what was written.
    """
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    """The cell ``neutralise`` was given."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def join_list(items: list[str] | tuple[str, ...]) -> str:
    """Items joined by "; ", each one's own ``;`` and ``\\`` escaped."""
    return LIST_SEPARATOR.join(
        item.replace("\\", "\\\\").replace(";", "\\;") for item in items
    )


def event_row(timeline: Timeline, event: Event) -> dict[str, str]:
    actors = timeline.actor_names(event)
    urls = [s.url for s in timeline.sources(event=event.id) if s.url]
    return {
        "id": event.id,
        "date_text": event.when.text,
        "start": event.when.start.isoformat(),
        "end": event.when.end.isoformat(),
        "precision": event.when.precision,
        "approximate": "yes" if event.when.approximate else "no",
        "title": event.title,
        "summary": event.summary,
        "actors": join_list(actors),
        "tags": join_list(event.tags),
        "status": event.status,
        "review": event.review or "",
        "bound": event.when.bound or "",
        "zone": event.when.zone or "",
        "starred": "yes" if event.starred else "no",
        "place": event.place,
        "source_urls": join_list(urls),
        "order": str(event.order) if event.order else "",
        "verification": event.verification,
    }


def write_csv(
    timeline: Timeline,
    events: list[Event],
    out: TextIO,
    *,
    raw_formulas: bool = False,
) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        row = event_row(timeline, event)
        if not raw_formulas:
            row = {name: neutralise(cell) for name, cell in row.items()}
        writer.writerow(row)


def dumps_csv(
    timeline: Timeline, events: list[Event], *, raw_formulas: bool = False
) -> str:
    out = io.StringIO()
    write_csv(timeline, events, out, raw_formulas=raw_formulas)
    return out.getvalue()


def read_csv(text: str, origin: str, anchor: date) -> Batch:
    """Rows of ``text`` as a Batch; raises ImportFormatError on bad headers."""
    table = read_table(text, origin)
    columns = _columns(table.header, origin)
    batch = Batch()
    for line, row in table.rows():
        cells = {
            name: restore(row[i].strip()) if i < len(row) else ""
            for name, i in columns.items()
        }
        try:
            add_row(batch, cells, anchor)
        except (DatelineError, ValueError) as exc:
            batch.problems.append(f"{origin} line {line}: {_reason(exc)}")
    return batch


def _columns(header: list[str], origin: str) -> dict[str, int]:
    """Column name -> index, by our names, case-insensitively."""
    columns: dict[str, int] = {}
    for i, raw in enumerate(header):
        name = header_key(raw)
        name = HEADER_ALIASES.get(name, name)
        if name in COLUMNS and name not in columns:
            columns[name] = i
    if "title" not in columns or not {"start", "date_text"} & columns.keys():
        raise unknown_header(origin, header)
    return columns


def add_row(batch: Batch, cells: dict[str, str], anchor: date) -> Event:
    """Add the event one row of dateline columns describes (``cells`` by
    column name, already stripped); ValueError or DatelineError says why a
    row cannot be read."""
    title = cells.get("title", "")
    if not title:
        raise ValueError("the title is empty")
    when = _when(cells, anchor)
    sources = [batch.source_id(url) for url in _split(cells.get("source_urls", ""))]
    status = cells.get("status", "").lower() or "occurred"
    if status not in STATUSES:
        raise ValueError(f'status "{status}" is not one of: {", ".join(STATUSES)}')
    refs = [batch.actor_ref(name) for name in _split(cells.get("actors", ""))]
    verification = cells.get("verification", "").lower() or "unverified"
    if verification not in VERIFICATIONS:
        raise ValueError(
            f'verification "{verification}" is not one of: {", ".join(VERIFICATIONS)}'
        )
    return batch.add_event(
        event_id=cells.get("id", ""),
        when=when,
        title=title,
        summary=cells.get("summary", ""),
        actors=tuple(r for r in refs if r is not None),
        sources=tuple(s for s in sources if s),
        tags=tuple(_split(cells.get("tags", ""))),
        place=cells.get("place", ""),
        status=status,
        order=_order(cells.get("order", "")),
        # Read for a new event only: an update from a CSV (a lossy file)
        # keeps the star the timeline has (see ``merge.CARRIED``).
        starred=_starred(cells.get("starred", "")),
        verification=verification,
    )


def _order(cell: str) -> int:
    """The ``order`` column: a whole number, or empty for none."""
    try:
        return int(cell) if cell else 0
    except ValueError:
        raise ValueError(
            f'order "{cell}" is not a whole number (the place within its day)'
        ) from None


def _starred(cell: str) -> bool:
    value = cell.lower()
    if value not in _YES | _NO:
        raise ValueError(f'starred "{value}" should be yes or no (or empty)')
    return value in _YES


def _when(cells: dict[str, str], anchor: date) -> FuzzyDate:
    text = cells.get("date_text", "")
    raw_start, raw_end = cells.get("start", ""), cells.get("end", "")
    if not raw_start:
        if raw_end:
            raise ValueError("there is an end date but no start date")
        if not text:
            raise ValueError("no date: fill in start (YYYY-MM-DD) or date_text")
        from dateline.store.dates.parse import parse_date

        return parse_date(text, anchor)
    start, offset = _iso(raw_start, "start")
    end = _iso(raw_end, "end")[0] if raw_end else start
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise ValueError("start and end must both have a time, or neither")
    precision = cells.get("precision", "").lower()
    if not precision:
        precision = "minute" if isinstance(start, datetime) else "day"
    if precision not in PRECISIONS:
        raise ValueError(
            f'precision "{precision}" is not one of: {", ".join(PRECISIONS)}'
        )
    approximate = cells.get("approximate", "").lower()
    if approximate not in _YES | _NO:
        raise ValueError(f'approximate "{approximate}" should be yes or no')
    bound = cells.get("bound", "").strip().lower() or None
    if bound is not None and bound not in BOUNDS:
        raise ValueError(
            f'bound "{bound}" is not one of: {", ".join(BOUNDS)} (or empty)'
        )
    return FuzzyDate(
        start=start,
        end=end,
        precision=precision,
        text=text,
        approximate=approximate in _YES,
        bound=bound,
        zone=_zone(cells.get("zone", ""), offset),
    )


def _zone(written: str, offset: str | None) -> str | None:
    """Time zones: the zone column, else the start's own offset."""
    if not written.strip():
        return offset
    try:
        return canonical_zone(written)
    except ZoneError as exc:
        raise ValueError(f"zone: {exc}") from None


def _iso(text: str, column: str) -> tuple[date, str | None]:
    """The date or wall-clock time in ``text``, and the zone of its offset."""
    try:
        if "T" in text or " " in text:
            value = datetime.fromisoformat(text)
            naive = value.replace(tzinfo=None, second=0, microsecond=0)
            return naive, zone_of(value)
        return date.fromisoformat(text), None
    except ValueError:
        raise ValueError(
            f'{column} "{text}" is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM'
        ) from None


def _split(text: str) -> list[str]:
    """The items ``join_list`` joined; a file without escapes splits on ";"."""
    parts = [""]
    chars = iter(text)
    for char in chars:
        if char == "\\":
            parts[-1] += next(chars, "\\")
        elif char == ";":
            parts.append("")
        else:
            parts[-1] += char
    return [part.strip() for part in parts if part.strip()]


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text[:1].lower() + text[1:] if text else type(exc).__name__
