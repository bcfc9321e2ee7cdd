"""An RSS or Atom feed -> one Document per item, each with its own date.

feedparser reads every dialect (RSS 0.9x to 2.0, RSS 1.0/RDF, Atom 0.3 and
1.0), normalises dates to UTC and strips scripts from item HTML. An item's
date is the reference its relative dates are read against ("on Friday" in
Monday's item is not Friday of the feed's last update); an item without one
takes the feed's own date, else it is reported and skipped. Its link becomes
the source URL, so ingesting the feed again finds the items already there.
"""

from __future__ import annotations

import calendar
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateline.store.ingest.document import Document, IngestError
from dateline.store.ingest.html import html_to_text

__all__ = ["MAX_ITEMS", "read_feed"]

#: More items than any news feed carries; a file with more is a dump.
MAX_ITEMS = 1000


def read_feed(raw: bytes, name: str) -> list[Document]:
    """The items of a feed, newest first as the feed lists them."""
    import feedparser

    # Bytes, never a str: feedparser fetches a str that looks like a URL.
    try:
        parsed: Any = feedparser.parse(raw)
    except Exception as exc:  # feedparser's own bugs on odd bytes
        raise IngestError(
            f"{name} is not a feed feedparser can read ({exc}); check it is an "
            "RSS or Atom file."
        ) from None
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f" ({_first_line(problem)})" if parsed.get("bozo") and problem else ""
        raise IngestError(
            f"{name} has no feed items to read{reason}; give an RSS or Atom file "
            "with <item> or <entry> elements."
        )
    if len(entries) > MAX_ITEMS:
        raise IngestError(
            f"{name} has {len(entries):,} items, more than any news feed (at most "
            f"{MAX_ITEMS:,}); split it or check it is the right file."
        )
    channel = parsed.get("feed") or {}
    outlet = _text(channel.get("title"))
    language = _text(channel.get("language"))
    fallback = _date(channel)
    documents = []
    for number, entry in enumerate(entries, 1):
        title = _text(entry.get("title"))
        documents.append(
            Document(
                text=_body(entry) or title,
                title=title,
                outlet=outlet,
                byline=_text(entry.get("author")),
                published=_date(entry) or fallback,
                url=_text(entry.get("link")),
                language=_text(entry.get("language")) or language,
                kind="feed",
                name=f"{name} item {number}" + (f" “{title}”" if title else ""),
            )
        )
    return documents


def _body(entry: Any) -> str:
    """The item's full content when the feed carries it, else its summary."""
    for content in entry.get("content") or ():
        text = _fragment(content.get("value"), content.get("type"))
        if text:
            return text
    return _fragment(entry.get("summary"), "text/html")


def _fragment(value: object, kind: object) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    if kind == "text/plain":
        return "\n".join(" ".join(p.split()) for p in value.splitlines() if p.strip())
    return html_to_text(value)


def _date(record: Any) -> date | None:
    """The day a feed or item was published (else updated): the writer's own
    day as the date string gives it, else feedparser's reading in UTC."""
    for key in ("published", "updated", "created"):
        written = _written_day(record.get(key))
        if written is not None:
            return written
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = record.get(key)
        if isinstance(value, time.struct_time):
            try:
                stamp = calendar.timegm(value)
                return datetime.fromtimestamp(stamp, UTC).date()
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _written_day(value: object) -> date | None:
    """The day in "Thu, 12 Mar 2026 23:30:00 -0500" or "2026-03-12T23:30-05:00"
    as written, before any conversion to UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _first_line(problem: object) -> str:
    return str(problem).strip().splitlines()[0][:120] if str(problem).strip() else ""
