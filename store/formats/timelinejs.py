"""Knight Lab TimelineJS JSON: import and export.

The published shape: ``{"title": slide, "events": [slide...], "eras": [...]}``
where a slide has ``start_date``/``end_date`` (``year`` required, then
``month``, ``day``, ``hour``, ``minute``...; numbers or numeric strings),
``text{headline, text}`` (HTML), ``media{url, caption, credit}``, ``group``,
``display_date`` and ``unique_id``.

Import. Precision is what the date parts say: a year alone is the whole year,
year and month the whole month, down to the minute; an ``end_date`` widens the
interval (precision is the coarser end's). ``display_date`` becomes the date
text. Years before 1 (BCE) or after 9999 cannot be held by dateline: such
slides are reported by number and headline and skipped, the rest imported.
``group`` becomes a tag unless it names one of the slide's actors (dateline
writes the first actor there). Eras are imported as events tagged ``era``
spanning their dates, and a note says so; on export, events tagged ``era``
are written back as eras.

Export writes a file TimelineJS loads: the event id as ``unique_id``, the
date at its precision (a week, quarter, season or decade becomes the exact
day, month or year span), ``display_date`` as dateline shows it, the first
actor as ``group``, and the first linked source as ``media``. The slide text
carries the summary, date as written, actors with roles, place, quotes as
blockquotes, sources and tags (see ``tljs_html``), so a later import of a
dateline-written file gets them back, precision included. Not carried:
quote dates and article offsets, article bodies, actor aliases and kinds.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import replace
from datetime import date, datetime
from html import escape
from typing import Any

from dateline.store.dates.labels import format_when
from dateline.store.formats import tljs_html
from dateline.store.formats.batch import Batch
from dateline.store.formats.native import ImportFormatError
from dateline.store.model import (
    BOUNDS,
    PRECISIONS,
    STATUSES,
    Bound,
    Event,
    FuzzyDate,
)
from dateline.store.names import fold
from dateline.store.timeline import Timeline
from dateline.store.zones import ZoneError, canonical_zone

ERA_TAG = "era"
REVISION_KEY = "dateline_revision"
_PARTS = ("year", "month", "day", "hour", "minute")
#: The date parts TimelineJS needs to show each dateline precision.
_GRAIN: dict[str, str] = {
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "day",
    "month": "month",
    "quarter": "month",
    "season": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}


class SlideSkip(ValueError):
    """One slide cannot be imported; the message says why."""


# -- import -------------------------------------------------------------------
def read_timelinejs(data: Any, origin: str) -> Batch:
    """The slides and eras of a parsed TimelineJS document as a Batch."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ImportFormatError(
            f'{origin} is not a TimelineJS timeline: it needs an "events" list of '
            'slides with "start_date". Nothing was imported.'
        )
    eras = data.get("eras") or []
    if not isinstance(eras, list):
        raise ImportFormatError(f'{origin}: "eras" must be a list. Nothing imported.')
    batch = Batch()
    era_count = 0
    for kind, slides in (("event", data["events"]), ("era", eras)):
        for number, slide in enumerate(slides, start=1):
            try:
                read_slide(batch, slide, era=kind == "era")
            except SlideSkip as exc:
                batch.problems.append(
                    f"{origin} {kind} {number}{_label(slide)}: {exc}; skipped"
                )
            else:
                era_count += kind == "era"
    note_eras(batch, origin, era_count)
    return batch


def note_eras(batch: Batch, origin: str, count: int) -> None:
    """Tell the user how eras came in (one rule for the JSON and the sheet)."""
    if count:
        eras_were = "1 era was" if count == 1 else f"{count} eras were"
        batch.notes.append(
            f'{origin}: {eras_were} imported as events tagged "{ERA_TAG}" '
            "spanning their dates."
        )


def _label(slide: Any) -> str:
    if not isinstance(slide, dict) or not isinstance(slide.get("text"), dict):
        return ""
    headline = tljs_html.to_plain(str(slide["text"].get("headline") or ""))
    return f' ("{headline[:60]}")' if headline else ""


def read_slide(batch: Batch, slide: Any, *, era: bool) -> None:
    """Add the event one slide (or era) describes; SlideSkip says why not.

    The TimelineJS sheet reader builds a slide from each row and comes here,
    so both shapes read dates, eras, groups and media by the same rules.
    """
    if not isinstance(slide, dict):
        raise SlideSkip("is not an object")
    text = _object(slide.get("text"))
    words = tljs_html.parse(str(text.get("text") or ""))
    when = _interval(slide)
    when = _with_precision(when, words.precision)
    display = slide.get("display_date") or _object(slide.get("start_date")).get(
        "display_date"
    )
    when = replace(
        when,
        text=words.date_text if words.ours else tljs_html.to_plain(str(display or "")),
        approximate=words.approximate,
        bound=_bound(words.bound),
        zone=_zone(words.zone, when),
    )
    title = tljs_html.to_plain(str(text.get("headline") or ""))
    if not title:
        title = (words.summary.split("\n")[0][:80] or "Untitled").strip()
    refs = [batch.actor_ref(name, role) for name, role in words.actors]
    names = {fold(name) for name, _role in words.actors}
    tags = list(words.tags)
    group = tljs_html.to_plain(str(slide.get("group") or ""))
    if group and fold(group) not in names and group not in tags:
        tags.append(group)
    if era and ERA_TAG not in tags:
        tags.append(ERA_TAG)
    sources = [batch.source_id(url, title, by) for url, title, by in words.sources]
    media = _object(slide.get("media"))
    media_url = str(media.get("url") or "").strip()
    if media_url and not any(url == media_url for url, _t, _b in words.sources):
        caption = tljs_html.to_plain(str(media.get("caption") or ""))
        credit = tljs_html.to_plain(str(media.get("credit") or ""))
        sources.append(batch.source_id(media_url, caption, credit))
    batch.add_event(
        event_id=str(slide.get("unique_id") or ""),
        when=when,
        title=title,
        summary=words.summary,
        actors=tuple(r for r in refs if r is not None),
        sources=tuple(s for s in sources if s),
        quotes=words.quotes,
        tags=tuple(tags),
        place=words.place,
        status=words.status if words.status in STATUSES else "occurred",
        **_revision(slide.get(REVISION_KEY)),
    )


def _revision(value: Any) -> dict[str, Any]:
    """The revision a dateline export wrote; nothing when absent or odd."""
    if not isinstance(value, dict):
        return {}
    rev, rev_id, history = value.get("rev"), value.get("rev_id"), value.get("history")
    if type(rev) is not int or rev < 0 or not isinstance(rev_id, str) or not rev_id:
        return {}
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        history = []
    names = ("created_by", "updated_by")
    who = {n: value[n] for n in names if isinstance(value.get(n), str)}
    return {"rev": rev, "rev_id": rev_id, "history": tuple(history), **who}


def _object(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one (a slide may lack
    ``text`` or ``media``, or hold something else there)."""
    return value if isinstance(value, dict) else {}


def _interval(slide: dict[str, Any]) -> FuzzyDate:
    start_parts = slide.get("start_date")
    if not isinstance(start_parts, dict):
        raise SlideSkip('it has no "start_date"')
    start, start_end, start_grain = _span(start_parts, "start_date")
    end, grain = start_end, start_grain
    end_parts = slide.get("end_date")
    if isinstance(end_parts, dict) and end_parts.get("year") not in (None, ""):
        _end_start, end, end_grain = _span(end_parts, "end_date")
        grain = min(start_grain, end_grain, key=_PARTS.index)
    if grain in ("year", "month", "day"):
        start, end = _as_day(start), _as_day(end)
    if _as_day(end) < _as_day(start):
        raise SlideSkip("its end_date is before its start_date")
    return FuzzyDate(start, end, grain)  # type: ignore[arg-type]


def _span(parts: dict[str, Any], field: str) -> tuple[date, date, str]:
    """The interval one TimelineJS date names, and its finest part."""
    values: dict[str, int] = {}
    for name in _PARTS:
        raw = parts.get(name)
        if raw is None or raw == "":
            break  # finer parts without coarser ones say nothing
        try:
            values[name] = int(str(raw).strip())
        except ValueError:
            raise SlideSkip(f'{field}.{name} "{raw}" is not a number') from None
    if "year" not in values:
        raise SlideSkip(f"{field} has no year")
    year = values["year"]
    if year < 1:
        raise SlideSkip(
            f"{field} year {year} is BCE (before year 1), which dateline cannot hold"
        )
    if year > 9999:
        raise SlideSkip(
            f"{field} year {year} is after 9999, which dateline cannot hold"
        )
    try:
        if "month" not in values:
            return date(year, 1, 1), date(year, 12, 31), "year"
        month = values["month"]
        if "day" not in values:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), "month"
        day = date(year, month, values["day"])
        if "hour" not in values:
            return day, day, "day"
        at = datetime(year, month, day.day, values["hour"], values.get("minute", 0))
    except (ValueError, OverflowError, calendar.IllegalMonthError) as exc:
        raise SlideSkip(f"{field} is not a real date ({exc})") from None
    if "minute" not in values:
        return at, at.replace(minute=59), "hour"
    return at, at, "minute"


def _zone(word: str, when: FuzzyDate) -> str | None:
    """Time zones: the slide's zone, on a clock time; an unknown one is a
    SlideSkip naming it (the wall clock alone would be a different time)."""
    if not word or when.precision not in ("minute", "hour"):
        return None
    try:
        return canonical_zone(word)
    except ZoneError as exc:
        raise SlideSkip(f"has a date in no known zone: {exc}") from None


def _bound(word: str) -> Bound | None:
    """A bound the slide's date block names; anything else is no bound."""
    return next((bound for bound in BOUNDS if bound == word), None)


def _with_precision(when: FuzzyDate, wanted: str) -> FuzzyDate:
    """``wanted`` (from a dateline-written slide) if it fits the dates."""
    if wanted not in PRECISIONS or wanted == when.precision:
        return when
    timed = isinstance(when.start, datetime)
    if timed != (wanted in ("minute", "hour")):
        return when
    return replace(when, precision=wanted)


def _as_day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


# -- export -------------------------------------------------------------------
def export_timelinejs(
    timeline: Timeline, events: list[Event], *, title: str = ""
) -> dict[str, Any]:
    """A TimelineJS document for ``events``; eras for those tagged ``era``."""
    slides, eras = [], []
    for event in events:
        slide = _slide(timeline, event)
        if ERA_TAG in event.tags:
            eras.append(
                {k: slide[k] for k in ("start_date", "end_date", "text") if k in slide}
            )
            if "end_date" not in eras[-1]:
                eras[-1]["end_date"] = dict(slide["start_date"])
        else:
            slides.append(slide)
    doc: dict[str, Any] = {}
    if title:
        doc["title"] = {"text": {"headline": escape(title), "text": ""}}
    doc["events"] = slides
    if eras:
        doc["eras"] = eras
    return doc


def dumps_timelinejs(
    timeline: Timeline, events: list[Event], *, title: str = ""
) -> str:
    doc = export_timelinejs(timeline, events, title=title)
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _slide(timeline: Timeline, event: Event) -> dict[str, Any]:
    actors = [
        (timeline.actors_by_id[r.actor].name, r.role)
        for r in event.actors
        if r.actor in timeline.actors_by_id
    ]
    sources = timeline.sources(event=event.id)
    quotes = []
    for quote in timeline.quotes(event=event.id):
        speaker = timeline.actors_by_id.get(quote.speaker or "")
        source = timeline.sources_by_id.get(quote.source or "")
        quotes.append(
            (
                quote.text,
                speaker.name if speaker else "",
                source.url if source else "",
                source.title if source else "",
            )
        )
    words = tljs_html.SlideText(
        summary=event.summary,
        date_text=event.when.text,
        precision=event.when.precision,
        approximate=event.when.approximate,
        bound=event.when.bound or "",
        status=event.status,
        zone=event.when.zone or "",
        place=event.place,
        actors=actors,
        quotes=quotes,
        sources=[(s.url, s.title, s.outlet) for s in sources],
        tags=[t for t in event.tags if t != ERA_TAG],
    )
    start_parts, end_parts = _date_parts(event.when)
    slide: dict[str, Any] = {"unique_id": event.id, "start_date": start_parts}
    if end_parts:
        slide["end_date"] = end_parts
    slide["display_date"] = escape(format_when(event.when))
    # TimelineJS ignores keys it does not know; dateline merges by these.
    slide[REVISION_KEY] = {
        "rev": event.rev,
        "rev_id": event.rev_id,
        "history": list(event.history),
        "created_by": event.created_by,
        "updated_by": event.updated_by,
    }
    slide["text"] = {"headline": escape(event.title), "text": tljs_html.render(words)}
    if actors:
        slide["group"] = escape(actors[0][0])
    # TimelineJS writes media.url into an iframe or blockquote as HTML: only
    # a checked web link goes there, never the stored text as it is.
    linked = next((s for s in sources if tljs_html.safe_url(s.url)), None)
    if linked is not None:
        slide["media"] = {
            "url": tljs_html.safe_url(linked.url),
            "caption": escape(linked.title),
            "credit": escape(linked.outlet),
        }
    return slide


def _date_parts(when: FuzzyDate) -> tuple[dict[str, int], dict[str, int] | None]:
    """start_date and (when the parts alone do not imply it) end_date."""
    grain = _export_grain(when)
    start = _parts(when.start, grain)
    implied = _span(start, "start_date")
    exact = (when.start, when.end)
    if grain in ("year", "month", "day"):
        exact = (when.start_day, when.end_day)
    if (implied[0], implied[1]) == exact:
        return start, None
    return start, _parts(when.end, grain)


def _export_grain(when: FuzzyDate) -> str:
    """The coarsest parts that still state the interval exactly."""
    grain = _GRAIN[when.precision]
    start, end = when.start, when.end
    if grain in ("hour", "minute"):
        if not (isinstance(start, datetime) and isinstance(end, datetime)):
            return "day"
        if grain == "hour" and (start.minute, end.minute) != (0, 59):
            return "minute"
        return grain
    first, last = when.start_day, when.end_day
    if grain == "year" and ((first.month, first.day), (last.month, last.day)) != (
        (1, 1),
        (12, 31),
    ):
        grain = "month"
    month_end = calendar.monthrange(last.year, last.month)[1]
    if grain == "month" and (first.day, last.day) != (1, month_end):
        grain = "day"
    return grain


def _parts(value: date, grain: str) -> dict[str, int]:
    values = {"year": value.year, "month": value.month, "day": value.day}
    if isinstance(value, datetime):
        values |= {"hour": value.hour, "minute": value.minute}
    keep = _PARTS[: _PARTS.index(grain) + 1]
    return {k: v for k, v in values.items() if k in keep}
