"""iCalendar (.ics), through the ``icalendar`` library.

Export. Each event is one VEVENT with a stable ``UID`` (``<event id>@dateline``)
and ``DTSTAMP`` (its last change), so a calendar that subscribes updates
rather than duplicates. Dates are all-day, spanning the whole interval
(``DTEND`` is the day after the last, as the format wants); only events known
to the minute or hour get clock times: floating when stored without a zone;
with its ``TZID`` (and a VTIMEZONE) for an IANA zone; in UTC ("Z") for an
offset or an abbreviation, which ``X-DATELINE-ZONE`` keeps as written.
``SUMMARY`` is the title, ``DESCRIPTION`` a readable block with the summary,
date as written, actors, place, quotes and sources; ``CATEGORIES`` the tags,
``LOCATION`` the place, ``STATUS`` TENTATIVE for expected events, ``URL`` the
first source link. ``X-DATELINE-*`` properties (ignored by calendar apps)
keep precision, date text, actors with roles, quotes with speakers and
sources for a later import of a dateline-written file.

Import. Every VEVENT becomes an event: all-day ones at day precision (the
span from DTSTART to the day before DTEND); timed ones at minute precision,
stored as naive local times *as given*, in the event's own zone (a 15:00
meeting in New York stays 15:00), with the zone kept (``FuzzyDate.zone``:
its IANA name, "UTC", or its offset; ours as X-DATELINE-ZONE says); floating
times stay as written, without a zone. SUMMARY is the title,
DESCRIPTION the summary, CATEGORIES the tags, LOCATION the place, ORGANIZER
and ATTENDEE names (CN) the actors, URL the source. A repeating event is
imported once, at its first occurrence, with a note. Not carried: the
date's anchor, quote dates and article offsets, article bodies and dates,
actor aliases and kinds.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote as percent_encode
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from dateline.store.dates.labels import format_when
from dateline.store.formats.batch import Batch
from dateline.store.formats.ics_lines import bad_line, check_structure, property_line
from dateline.store.formats.native import ImportFormatError
from dateline.store.model import BOUNDS, PRECISIONS, Event, FuzzyDate, web_url
from dateline.store.timeline import Timeline
from dateline.store.zones import ZoneError, canonical_zone, zone_info, zone_of
from icalendar import Calendar, Component, vText
from icalendar import Event as VEvent

PRODID = "-//dateline//timeline export//EN"
UID_SUFFIX = "@dateline"
_TEXT = {"VALUE": "TEXT"}
#: Left as is in parameter values: what is safe and keeps them readable.
_SAFE = " /.-_~@()!*+'"
_MINUTE = timedelta(minutes=1)


class _Skip(ValueError):
    """One VEVENT cannot be imported; the message says why, ``prop`` where."""

    def __init__(self, message: str, prop: str = "") -> None:
        super().__init__(message)
        self.prop = prop


# -- export -------------------------------------------------------------------
def dumps_ics(timeline: Timeline, events: list[Event], *, title: str = "") -> str:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if title:
        cal.add("x-wr-calname", title)
    for event in events:
        cal.add_component(_vevent(timeline, event))
    # A TZID must be defined in the file: a VTIMEZONE for each IANA zone used.
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def _vevent(timeline: Timeline, event: Event) -> VEvent:
    when = event.when
    ve = VEvent()
    ve.add("uid", event.id + UID_SUFFIX)
    ve.add("dtstamp", _stamp(event.updated or event.created))
    timed = when.precision in ("minute", "hour") and isinstance(when.start, datetime)
    if timed:
        start = _aware(when.start, when.zone)
        end = when.end + _MINUTE if when.precision == "hour" else when.end
        ve.add("dtstart", start)
        if end != when.start:
            ve.add("dtend", _aware(end, when.zone))
    else:
        ve.add("dtstart", when.start_day)
        ve.add("dtend", when.end_day + timedelta(days=1))
    ve.add("summary", event.title)
    ve.add("description", _description(timeline, event))
    if event.tags:
        ve.add("categories", list(event.tags))
    if event.place:
        ve.add("location", event.place)
    ve.add("status", "TENTATIVE" if event.status == "expected" else "CONFIRMED")
    sources = timeline.sources(event=event.id)
    # A CR or LF in a URL property would end the line (the library refuses
    # to write it); only a checked web link is a URL here.
    url = next((web_url(s.url) for s in sources if web_url(s.url)), "")
    if url:
        ve.add("url", url)
    ve.add("x-dateline-precision", when.precision)
    _add_revision(ve, event)
    if when.text:
        ve.add("x-dateline-date-text", vText(when.text), parameters=_TEXT)
    if when.approximate:
        ve.add("x-dateline-approximate", "TRUE")
    if when.bound:
        ve.add("x-dateline-bound", when.bound)
    if when.zone:
        ve.add("x-dateline-zone", when.zone)
    if event.summary:
        ve.add("x-dateline-summary", vText(event.summary), parameters=_TEXT)
    for ref in event.actors:
        actor = timeline.actors_by_id.get(ref.actor)
        if actor is not None:
            params = _params(X_ROLE=ref.role)
            ve.add("x-dateline-actor", vText(actor.name), parameters=params)
    for source in sources:
        params = _params(X_URL=source.url, X_OUTLET=source.outlet)
        ve.add("x-dateline-source", vText(source.title), parameters=params)
    for quote in timeline.quotes(event=event.id):
        speaker = timeline.actors_by_id.get(quote.speaker or "")
        cited = timeline.sources_by_id.get(quote.source or "")
        params = _params(
            X_SPEAKER=speaker.name if speaker else "",
            X_SOURCE_URL=cited.url if cited else "",
            X_SOURCE_TITLE=cited.title if cited else "",
        )
        ve.add("x-dateline-quote", vText(quote.text), parameters=params)
    return ve


#: Revision and authorship, so a later import merges by revision.
_REVISION_PROPS = ("created-by", "updated-by", "rev-id", "history")


def _add_revision(ve: VEvent, event: Event) -> None:
    ve.add("x-dateline-rev", str(event.rev))
    values = (event.created_by, event.updated_by, event.rev_id, " ".join(event.history))
    for name, value in zip(_REVISION_PROPS, values, strict=True):
        if value:
            ve.add(f"x-dateline-{name}", vText(value), parameters=_TEXT)


def _revision(ve: Component) -> dict[str, Any]:
    """What ``_add_revision`` wrote; nothing for a file from elsewhere."""
    rev = _text(ve, "X-DATELINE-REV")
    rev_id = _text(ve, "X-DATELINE-REV-ID")
    if not rev.isdigit() or not rev_id:
        return {}
    return {
        "rev": int(rev),
        "rev_id": rev_id,
        "history": tuple(_text(ve, "X-DATELINE-HISTORY").split()),
        "created_by": _text(ve, "X-DATELINE-CREATED-BY"),
        "updated_by": _text(ve, "X-DATELINE-UPDATED-BY"),
    }


def _params(**values: str) -> dict[str, str]:
    """Text-valued parameters, leaving out the empty ones.

    Parameter values are percent-encoded: the library misreads a backslash
    in one (the whole line is then dropped), and quoting rules for ``"`` ``;``
    ``:`` and ``,`` differ between readers. Only dateline reads these.
    """
    named = {
        k.replace("_", "-"): percent_encode(v, safe=_SAFE)
        for k, v in values.items()
        if v
    }
    return {**_TEXT, **named}


def _param(prop: Any, name: str) -> str:
    """One of our percent-encoded parameters, decoded; "" when absent."""
    return unquote(str(prop.params.get(name, "")))


def _description(timeline: Timeline, event: Event) -> str:
    """What a person reads in their calendar: summary, then the evidence."""
    lines = [event.summary, ""] if event.summary else []
    said = f" (“{event.when.text}”)" if event.when.text else ""
    lines.append(f"When: {format_when(event.when)}{said}")
    names = []
    for ref in event.actors:
        actor = timeline.actors_by_id.get(ref.actor)
        if actor is not None:
            names.append(f"{actor.name} ({ref.role})" if ref.role else actor.name)
    if names:
        lines.append("Actors: " + "; ".join(names))
    if event.place:
        lines.append(f"Place: {event.place}")
    if event.status == "expected":
        lines.append("Status: expected")
    quotes = timeline.quotes(event=event.id)
    if quotes:
        lines.append("Quotes:")
        for quote in quotes:
            speaker = timeline.actors_by_id.get(quote.speaker or "")
            who = f" — {speaker.name}" if speaker else ""
            lines.append(f"  “{quote.text}”{who}")
    sources = timeline.sources(event=event.id)
    if sources:
        lines.append("Sources:")
        for source in sources:
            outlet = f"({source.outlet})" if source.outlet else ""
            url = source.url if source.title else ""
            parts = (source.title or source.url, outlet, url)
            lines.append("  " + " ".join(p for p in parts if p))
    return "\n".join(lines)


def _stamp(text: str) -> datetime:
    """A record's ISO timestamp as UTC; a fixed one when it has none."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return datetime(2000, 1, 1, tzinfo=UTC)
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


# -- import -------------------------------------------------------------------
def read_ics(text: str, origin: str) -> Batch:
    """The VEVENTs of ``text`` as a Batch; broken files raise, naming the line."""
    starts = check_structure(text, origin)
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        line = bad_line(text)
        where = f" line {line}" if line else ""
        raise ImportFormatError(
            f"{origin}{where}: not valid iCalendar ({exc}). Nothing was imported."
        ) from None
    # The library skips lines it cannot split into name and value; such a
    # line means a damaged file, so nothing is imported rather than a guess.
    if any(
        prop is None for cal in calendars for c in cal.walk() for prop, _ in c.errors
    ):
        line = bad_line(text)
        raise ImportFormatError(
            f"{origin}{f' line {line}' if line else ''}: not valid iCalendar (a "
            "line that is not NAME:value). Nothing was imported."
        )
    batch = Batch()
    lines = text.splitlines()
    vevents = [ve for cal in calendars for ve in cal.walk("VEVENT")]
    for number, ve in enumerate(vevents):
        line = starts[number] if number < len(starts) else 0
        where = f"{origin} line {line}" if line else f"{origin} event {number + 1}"
        title = str(ve.get("SUMMARY") or "").strip()
        try:
            _read_vevent(batch, ve, title or "Untitled")
        except _Skip as exc:
            if line and exc.prop:
                where = f"{origin} line {property_line(lines, line, exc.prop)}"
            label = f' ("{title[:60]}")' if title else ""
            batch.problems.append(f"{where}{label}: {exc}; skipped")
            continue
        if ve.get("RRULE") is not None:
            batch.notes.append(
                f'{where}: "{title}" repeats; only its first occurrence was imported.'
            )
    return batch


def _read_vevent(batch: Batch, ve: Component, title: str) -> None:
    when = _when(ve)
    summary = _text(ve, "X-DATELINE-SUMMARY") or _text(ve, "DESCRIPTION")
    refs = [
        batch.actor_ref(str(p), _param(p, "X-ROLE"))
        for p in _all(ve, "X-DATELINE-ACTOR")
    ]
    if not refs:
        people = _all(ve, "ORGANIZER") + _all(ve, "ATTENDEE")
        refs = [batch.actor_ref(p.params.get("CN", "")) for p in people]
    sources = [
        batch.source_id(_param(p, "X-URL"), str(p), _param(p, "X-OUTLET"))
        for p in _all(ve, "X-DATELINE-SOURCE")
    ]
    if not sources and _text(ve, "URL"):
        sources = [batch.source_id(_text(ve, "URL"))]
    quotes = [
        (
            str(p),
            _param(p, "X-SPEAKER"),
            _param(p, "X-SOURCE-URL"),
            _param(p, "X-SOURCE-TITLE"),
        )
        for p in _all(ve, "X-DATELINE-QUOTE")
    ]
    uid = _text(ve, "UID")
    status = _text(ve, "STATUS").upper()
    batch.add_event(
        event_id=_event_id(uid),
        when=when,
        title=title,
        summary=summary,
        actors=tuple(r for r in refs if r is not None),
        sources=tuple(s for s in sources if s),
        quotes=quotes,
        tags=tuple(dict.fromkeys(t for t in _categories(ve) if t)),
        place=_text(ve, "LOCATION"),
        status="expected" if status == "TENTATIVE" else "occurred",
        **_revision(ve),
    )


def _event_id(uid: str) -> str:
    """The event id a UID stands for: ours without its suffix, another
    calendar's as it is (so its next version merges by UID rather than
    arriving as a copy); none for a UID too long to be an id."""
    if uid.endswith(UID_SUFFIX):
        return uid.removesuffix(UID_SUFFIX)
    return uid if len(uid) <= 200 else ""


def _when(ve: Component) -> FuzzyDate:
    start = _value(ve, "DTSTART")
    if start is None:
        raise _Skip("it has no DTSTART (start date)")
    end = _value(ve, "DTEND")
    if end is None and ve.get("DURATION") is not None:
        duration = _value(ve, "DURATION")
        if isinstance(duration, timedelta):
            end = start + duration
    timed = isinstance(start, datetime)
    label = ""
    zone = None
    if timed:
        zone = _zone(ve, start)
        # Another calendar's time gets words naming its zone; ours kept its
        # words (X-DATELINE-DATE-TEXT), even none, and its zone.
        if zone is not None and not _text(ve, "X-DATELINE-ZONE"):
            label = f"{start:%Y-%m-%d %H:%M} {_zone_name(start)}"
        if zone is not None:
            # The wall clock in the zone it was written in (ours say which).
            start = start.astimezone(zone_info(zone))
            if isinstance(end, datetime) and end.tzinfo is not None:
                end = end.astimezone(zone_info(zone))
        start = start.replace(tzinfo=None)
        end = end.replace(tzinfo=None) if isinstance(end, datetime) else start
        precision = "minute"
    else:
        if isinstance(end, datetime):
            end = end.date()
        end = end - timedelta(days=1) if end and end > start else start
        precision = "day"
    wanted = _text(ve, "X-DATELINE-PRECISION").lower()
    if wanted in PRECISIONS and timed == (wanted in ("minute", "hour")):
        precision = wanted
        if wanted == "hour" and end > start:
            end -= _MINUTE
    if end < start:
        raise _Skip("it ends before it starts")
    return FuzzyDate(
        start=start,
        end=end,
        precision=precision,  # type: ignore[arg-type]
        text=_text(ve, "X-DATELINE-DATE-TEXT") or label,
        approximate=_text(ve, "X-DATELINE-APPROXIMATE").upper() == "TRUE",
        bound=next((b for b in BOUNDS if b == _text(ve, "X-DATELINE-BOUND")), None),
        zone=zone,
    )


def _aware(value: date, zone: str | None) -> date:
    """A zoned time as ICS carries it: with its TZID when the zone has an
    IANA name, else in UTC ("Z"); a zone-free one stays floating."""
    if zone is None or not isinstance(value, datetime):
        return value
    info = zone_info(zone)
    if isinstance(info, ZoneInfo):
        return value.replace(tzinfo=info)
    return value.replace(tzinfo=info).astimezone(UTC)


def _zone(ve: Component, start: datetime) -> str | None:
    """Time zones: the zone of an aware DTSTART; our X-DATELINE-ZONE names
    the one it was written in ("EST", sent as UTC)."""
    if start.tzinfo is None:
        return None
    written = _text(ve, "X-DATELINE-ZONE")
    if written:
        try:
            return canonical_zone(written)
        except ZoneError:
            pass  # a hand-edited property: the DTSTART's own zone stands
    return zone_of(start)


def _value(ve: Component, name: str) -> Any:
    """A date property's value; raises _Skip when the library could not read it."""
    prop = ve.get(name)
    if prop is None:
        return None
    errors = [msg for prop_name, msg in ve.errors if (prop_name or "").upper() == name]
    try:
        value = None if errors else getattr(prop, "dt", None)
    except ValueError as exc:  # the library's BrokenCalendarProperty
        errors.append(str(exc))
    if errors or value is None:
        why = f" ({errors[0]})" if errors else ""
        raise _Skip(f"{name} is not a date or time{why}", prop=name)
    return value


def _zone_name(value: datetime) -> str:
    key = getattr(value.tzinfo, "key", None)
    return str(key) if key else str(value.tzname() or "")


def _text(ve: Component, name: str) -> str:
    value = ve.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").strip()


def _categories(ve: Component) -> list[str]:
    """CATEGORIES, however many lines and commas the file spreads them over."""
    cats = ve.categories if isinstance(ve, VEvent) else []
    return [str(c).strip() for c in cats]


def _all(ve: Component, name: str) -> list[Any]:
    value = ve.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
