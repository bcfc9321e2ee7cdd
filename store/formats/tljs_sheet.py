"""Knight Lab's TimelineJS Google-Sheet template, as CSV: import and export.

Newsrooms build TimelineJS timelines in a Google Sheet with the template's
columns (``csvtable.SHEET_COLUMNS``: Year, Month, Day, Time, End Year, ...,
Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type,
Group, Background) and publish or download it as CSV.

A row is a TimelineJS slide laid flat, so both directions go through the
TimelineJS JSON module and share its rules: precision is what the date
columns say (Year alone is the whole year, Year and Month the month, a Time
makes it minute or hour), End columns widen the interval, ``Type=era`` rows
are eras (imported as events tagged ``era``; exported from them), the one
``Type=title`` row names the timeline (written from the timeline's name and
skipped on import, as the JSON's title slide is), Group is a tag or the first
actor, Media with its credit and caption is a source, and the Text is the
slide's HTML, which carries the summary, date as written, actors, quotes,
sources, tags and place back to dateline.

Lost: ids (the template has no column for them; a re-import matches by date
and title), Media Thumbnail and Background (read and ignored), seconds, and
what TimelineJS JSON loses. Cells a spreadsheet would run as formulas get a
leading ``'`` on export (the CSV rule, ``csvfmt.neutralise``), taken off again
on import.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from dateline.store.errors import quoted
from dateline.store.formats import tljs_html
from dateline.store.formats.batch import Batch
from dateline.store.formats.csvfmt import neutralise, restore
from dateline.store.formats.csvtable import (
    SHEET_COLUMNS,
    header_key,
    read_table,
    unknown_header,
)
from dateline.store.formats.timelinejs import (
    SlideSkip,
    export_timelinejs,
    note_eras,
    read_slide,
)
from dateline.store.model import Event
from dateline.store.timeline import Timeline

#: "14:30", "14:30:05", "2:30 PM", "2 pm", "14": what a sheet's Time holds.
_TIME = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?",
    re.IGNORECASE,
)
_DATE_COLUMNS = (("start_date", ""), ("end_date", "End "))


# -- export -------------------------------------------------------------------
def dumps_sheet(
    timeline: Timeline,
    events: list[Event],
    *,
    title: str = "",
    raw_formulas: bool = False,
) -> str:
    """``events`` as the template's CSV: a title row, slides, then eras."""
    doc = export_timelinejs(timeline, events, title=title)
    rows: list[dict[str, str]] = []
    if "title" in doc:
        rows.append(_row(doc["title"], "title"))
    rows.extend(_row(slide, "") for slide in doc["events"])
    rows.extend(_row(era, "era") for era in doc.get("eras", []))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SHEET_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        if not raw_formulas:
            row = {name: neutralise(cell) for name, cell in row.items()}
        writer.writerow(row)
    return out.getvalue()


def _row(slide: dict[str, Any], kind: str) -> dict[str, str]:
    row = dict.fromkeys(SHEET_COLUMNS, "")
    for field, prefix in _DATE_COLUMNS:
        parts = slide.get(field) or {}
        for name in ("Year", "Month", "Day"):
            if name.lower() in parts:
                row[prefix + name] = str(parts[name.lower()])
        if "hour" in parts:
            # An hour alone is written as HH:00; the Text's precision says
            # it was the whole hour, and import reads it back so.
            row[prefix + "Time"] = f"{parts['hour']:02d}:{parts.get('minute', 0):02d}"
    text = slide.get("text") or {}
    media = slide.get("media") or {}
    row |= {
        "Display Date": slide.get("display_date", ""),
        "Headline": text.get("headline", ""),
        "Text": text.get("text", ""),
        "Media": media.get("url", ""),
        "Media Credit": media.get("credit", ""),
        "Media Caption": media.get("caption", ""),
        "Type": kind,
        "Group": slide.get("group", ""),
    }
    return row


# -- import -------------------------------------------------------------------
def read_sheet(text: str, origin: str) -> Batch:
    """The rows of a TimelineJS sheet as a Batch; a row that cannot be read
    is reported with its line and skipped, the rest imported."""
    table = read_table(text, origin)
    columns = table.columns()
    if not {"year", "headline"} <= columns.keys():
        raise unknown_header(origin, table.header)
    keys = [header_key(name) for name in SHEET_COLUMNS]
    batch = Batch()
    eras = 0
    for line, row in table.rows():
        cells = {key: _cell(row, columns.get(key)) for key in keys}
        kind = cells["type"].lower()
        if kind == "title":
            continue  # the timeline's name, not an event (as in TimelineJS JSON)
        try:
            read_slide(batch, _slide(cells), era=kind == "era")
        except SlideSkip as exc:
            label = f" ({quoted(cells['headline'], 60)})" if cells["headline"] else ""
            why = _in_sheet_terms(str(exc))
            batch.problems.append(f"{origin} line {line}{label}: {why}; skipped")
        else:
            eras += kind == "era"
    note_eras(batch, origin, eras)
    return batch


#: The slide reader names JSON fields; a sheet's user knows its columns.
_TERMS = (
    ("its end_date is before its start_date", "the End date is before the date"),
    ("start_date", "the date (Year, Month, Day, Time)"),
    ("end_date", "the End date (End Year, End Month, End Day, End Time)"),
)


def _in_sheet_terms(message: str) -> str:
    for json_words, sheet_words in _TERMS:
        message = message.replace(json_words, sheet_words)
    return message


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return restore(row[index].strip())


def _slide(cells: dict[str, str]) -> dict[str, Any]:
    """The TimelineJS slide a row stands for."""
    if not cells["year"]:
        raise SlideSkip("the Year column is empty; every row needs a year")
    whole_hour = tljs_html.parse(cells["text"]).precision == "hour"
    slide: dict[str, Any] = {}
    for field, prefix in _DATE_COLUMNS:
        key = header_key(prefix)
        parts: dict[str, int] = {}
        for name in ("year", "month", "day"):
            raw = cells[f"{key}_{name}" if key else name]
            if raw:
                parts[name] = _whole(raw, f"{prefix}{name.title()}")
        raw_time = cells[f"{key}_time" if key else "time"]
        if raw_time:
            parts |= _time(raw_time, f"{prefix}Time", whole_hour)
        if parts:
            slide[field] = parts
    slide["display_date"] = cells["display_date"]
    slide["text"] = {"headline": cells["headline"], "text": cells["text"]}
    slide["group"] = cells["group"]
    slide["media"] = {
        "url": cells["media"],
        "credit": cells["media_credit"],
        "caption": cells["media_caption"],
    }
    return slide


def _whole(raw: str, column: str) -> int:
    # A sheet saved by a spreadsheet may write 2026 as "2026.0".
    number = raw[:-2] if raw.endswith(".0") else raw
    if not re.fullmatch(r"-?\d{1,6}", number):
        raise SlideSkip(f"{column} {quoted(raw, 40)} is not a whole number")
    return int(number)


def _time(raw: str, column: str, whole_hour: bool) -> dict[str, int]:
    found = _TIME.fullmatch(raw.strip())
    if found is None:
        raise SlideSkip(
            f"{column} {quoted(raw, 40)} is not a time; write HH:MM (24-hour) "
            "or H:MM PM"
        )
    hour, minute = int(found["h"]), int(found["m"] or 0)
    if found["ampm"]:
        if not 1 <= hour <= 12:
            raise SlideSkip(f"{column} {quoted(raw, 40)} has no such hour")
        hour = hour % 12 + (12 if found["ampm"].lower().startswith("p") else 0)
    if (whole_hour and minute == 0) or found["m"] is None:
        return {"hour": hour}
    return {"hour": hour, "minute": minute}
