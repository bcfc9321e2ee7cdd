"""Timesketch CSV and JSONL: import and export, for forensic analysts.

Timesketch (the collaborative forensic timeline tool) imports a CSV or JSONL
file whose rows have ``message``, ``datetime`` (ISO 8601) and
``timestamp_desc`` (what kind of time it is: "File created"), optionally
``timestamp`` (microseconds since 1970) and any other columns.

Export writes one row per event: ``message`` (the title), ``datetime`` (the
start: a zoned time converted to UTC, a zone-free one as written),
``timestamp``, ``timestamp_desc`` ("Event date", or "Expected date" for an
announced event), ``tag`` (the tags as a list, which Timesketch
shows as its own tags; JSON in a CSV cell), then dateline's own CSV columns
(``csvfmt.event_row``: id, date as written, start, end, precision,
approximate, summary, actors, tags, status, place, source URLs). Timesketch
keeps extra columns as they are, so a round trip through it keeps all that.
CSV cells a spreadsheet would run get a leading ``'`` (``csvfmt.neutralise``)
unless ``raw_formulas``.

Import reads a row that has dateline's columns (title and start) as dateline
CSV does (``csvfmt.add_row``: one rule for both). Any other row is read as a
forensic record: ``message`` becomes the title (its first line, cut at 200
characters; the whole message is kept as the summary when it is longer),
``datetime`` (else ``timestamp``) a minute-precision point in UTC, zoned
"UTC" when the datetime says its zone (a date
alone is that day) with the time as written kept as the date's words
(seconds and zone included), ``timestamp_desc`` a tag, ``tag`` (a list, a
JSON list or "a,b", as Timesketch reads it) tags, and ``url`` a source.
Other columns have no place in a dateline event: a note names them.
Lost on the way out: quotes, roles, source titles and outlets, sources with
no link, article bodies; on the way in: seconds and zones (converted to UTC;
still in the date's words) and unmapped columns.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from dateline.store.errors import DatelineError, quoted
from dateline.store.formats.batch import Batch
from dateline.store.formats.csvfmt import (
    add_row,
    event_row,
    join_list,
    neutralise,
    restore,
)
from dateline.store.formats.csvtable import (
    DATELINE_COLUMNS,
    TIMESKETCH_COLUMNS,
    header_key,
    read_table,
    unknown_header,
)
from dateline.store.formats.native import ImportFormatError
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline

COLUMNS = (
    "message",
    "datetime",
    "timestamp",
    "timestamp_desc",
    "tag",
    *DATELINE_COLUMNS,
)
#: What dateline writes as ``timestamp_desc``; anything else is kept as a tag.
DESCRIPTIONS = {"occurred": "Event date", "expected": "Expected date"}
#: Columns of a foreign row that become part of an event.
_MAPPED = {"message", "datetime", "timestamp", "timestamp_desc", "tag", "url"}
#: Columns no note needs to mention: mapped ones and dateline's own.
_KNOWN = frozenset(_MAPPED | set(DATELINE_COLUMNS))
_TITLE_LIMIT = 200
_EPOCH = datetime(1970, 1, 1)
_MICROSECOND = timedelta(microseconds=1)
#: A JSON escape of half a character (a lone surrogate), as written.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


# -- export -------------------------------------------------------------------
def rows(timeline: Timeline, events: list[Event]) -> list[dict[str, Any]]:
    """One Timesketch record per event (``timestamp`` is a number)."""
    out = []
    for event in events:
        start = event.when.instant  # a zoned time in UTC, as Timesketch wants
        if not isinstance(start, datetime):
            start = datetime.combine(start, time())
        row: dict[str, Any] = {
            "message": event.title,
            "datetime": start.replace(tzinfo=UTC).isoformat(),
            "timestamp": (start - _EPOCH) // _MICROSECOND,
            "timestamp_desc": DESCRIPTIONS.get(event.status, "Event date"),
            # Timesketch shows a "tag" list as its own tags (a CSV cell holds
            # it as JSON; an empty cell would become the tag "nan" there).
            "tag": list(event.tags),
        }
        out.append(row | event_row(timeline, event))
    return out


def dumps_timesketch_csv(
    timeline: Timeline, events: list[Event], *, raw_formulas: bool = False
) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(timeline, events):
        row["tag"] = json.dumps(row["tag"], ensure_ascii=False)
        if not raw_formulas:
            # The timestamp is our own number; "-" there is a date before 1970.
            row = {k: v if k == "timestamp" else neutralise(v) for k, v in row.items()}
        writer.writerow(row)
    return out.getvalue()


def dumps_timesketch_jsonl(timeline: Timeline, events: list[Event]) -> str:
    return "".join(
        json.dumps(row, ensure_ascii=False) + "\n" for row in rows(timeline, events)
    )


# -- import -------------------------------------------------------------------
def read_timesketch_csv(text: str, origin: str, anchor: date) -> Batch:
    table = read_table(text, origin)
    columns = table.columns()
    if "message" not in columns or not columns.keys() & {"datetime", "timestamp"}:
        raise unknown_header(origin, table.header)
    reader = _Reader(origin, anchor)
    for line, row in table.rows():
        cells = {
            key: restore(row[i].strip()) if i < len(row) else ""
            for key, i in columns.items()
        }
        reader.add(f"line {line}", cells)
    return reader.done()


def read_timesketch_jsonl(text: str, origin: str, anchor: date) -> Batch:
    reader = _Reader(origin, anchor)
    # Split on newlines only: U+2028 inside a message is not a line break.
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        place = f"line {number}"
        try:
            record = json.loads(raw)
            if _SURROGATE_ESCAPE.search(raw):
                # Half a character would make the timeline unwritable.
                json.dumps(record, ensure_ascii=False).encode("utf-8")
        except (ValueError, RecursionError, UnicodeEncodeError) as exc:
            why = (
                "text that is not valid Unicode (a lone surrogate)"
                if isinstance(exc, UnicodeEncodeError)
                else "not a JSON object"
            )
            reader.batch.problems.append(f"{origin} {place}: {why}; skipped")
            continue
        if not isinstance(record, dict):
            reader.batch.problems.append(
                f"{origin} {place}: not a JSON object; skipped"
            )
            continue
        reader.add(place, {header_key(str(k)): _text(v) for k, v in record.items()})
    if not reader.seen:
        raise ImportFormatError(
            f"{origin} holds no Timesketch records (one JSON object per line "
            f"with {', '.join(TIMESKETCH_COLUMNS)}). Nothing was imported."
        )
    return reader.done()


def _text(value: Any) -> str:
    """A JSONL value as a cell: text as it is, the rest (lists too) as JSON."""
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False)


class _Reader:
    """Rows (as column key -> text) into one Batch, with their problems."""

    def __init__(self, origin: str, anchor: date) -> None:
        self.origin = origin
        self.anchor = anchor
        self.batch = Batch()
        self.seen = 0
        self._dropped: dict[str, None] = {}

    def add(self, place: str, cells: dict[str, str]) -> None:
        self.seen += 1
        # What kind of time it was ("File created") is the one thing a
        # forensic row says that an event has no field for: a tag keeps it.
        desc = " ".join(cells.get("timestamp_desc", "").split())
        extra = () if desc in DESCRIPTIONS.values() else (desc,) if desc else ()
        try:
            if cells.get("title") and (cells.get("start") or cells.get("date_text")):
                if extra:
                    tags = (cells.get("tags", ""), join_list(extra))
                    cells = cells | {"tags": "; ".join(t for t in tags if t)}
                add_row(self.batch, cells, self.anchor)
            else:
                self._forensic(cells, extra)
        except (DatelineError, ValueError, OverflowError) as exc:
            text = str(exc)
            self.batch.problems.append(f"{self.origin} {place}: {text}; skipped")

    def _forensic(self, cells: dict[str, str], extra: tuple[str, ...]) -> None:
        message = cells.get("message", "")
        if not message:
            raise ValueError("the message is empty")
        title = message.split("\n", 1)[0].strip()
        if len(title) > _TITLE_LIMIT:
            title = title[: _TITLE_LIMIT - 1].rstrip() + "…"
        when = _when(cells)
        # In the file's column order (a set difference would shuffle them).
        for key in cells:
            if key not in _KNOWN:
                self._dropped.setdefault(key)
        url = cells.get("url", "")
        source = self.batch.source_id(url) if url else None
        tags = _tags(cells.get("tag", ""))
        self.batch.add_event(
            when=when,
            title=title,
            summary=message if message != title else "",
            tags=(*tags, *(t for t in extra if t not in tags)),
            sources=(source,) if source else (),
        )

    def done(self) -> Batch:
        if self._dropped:
            names = ", ".join(quoted(k, 40) for k in list(self._dropped)[:20])
            more = len(self._dropped) - 20
            names += f" and {more} more" if more > 0 else ""
            self.batch.notes.append(
                f"{self.origin}: these columns have no place in a dateline event "
                f"and were not kept: {names}."
            )
        return self.batch


def _when(cells: dict[str, str]) -> FuzzyDate:
    raw = cells.get("datetime", "")
    if raw:
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            raise ValueError(
                f"datetime {quoted(raw, 40)} is not an ISO 8601 date and time; "
                "write e.g. 2015-07-24T19:01:01+00:00"
            ) from None
        if len(raw) <= 10:  # a date alone: that day, not its midnight
            return FuzzyDate(value.date(), value.date(), "day", text=raw)
    stamp = cells.get("timestamp", "")
    if not raw:
        if not stamp:
            raise ValueError("no datetime and no timestamp")
        try:
            value = _EPOCH.replace(tzinfo=UTC) + int(stamp) * _MICROSECOND
        except (ValueError, OverflowError):
            raise ValueError(
                f"timestamp {quoted(stamp, 40)} is not microseconds since 1970 "
                "that dateline can hold"
            ) from None
    text = raw or value.isoformat()
    zone = None
    if value.tzinfo is not None:
        zone = "UTC"  # converted below: the time is kept in UTC, and says so
        try:
            value = value.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:
            raise ValueError(
                f"datetime {quoted(raw, 40)} is in UTC outside the years 1 to "
                "9999 that dateline can hold"
            ) from None
    # dateline's finest precision is the minute; the time as Timesketch gave
    # it, seconds and zone included, stays as the date's words.
    value = value.replace(second=0, microsecond=0)
    return FuzzyDate(value, value, "minute", text=text, zone=zone)


def _tags(raw: str) -> list[str]:
    """Timesketch's tag cell, read as Timesketch reads it: a JSON list
    (``["a", "b"]``), ``-`` for none, else names split on commas."""
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        try:
            items = json.loads(raw)
        except (ValueError, RecursionError):
            # Not JSON after all (['a', 'b'] from a Python script): the names.
            items = [i.strip("'\" ") for i in raw[1:-1].split(",")]
        if not isinstance(items, list):
            items = [items]
    elif raw == "-":
        items = []
    else:
        items = raw.split(",")
    names = (" ".join(_text(item).split()) for item in items)
    return list(dict.fromkeys(name for name in names if name))
