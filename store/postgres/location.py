"""Where a shared timeline lives: a PostgreSQL URL plus a timeline name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from dateline.store.errors import DatelineError

SCHEMES = ("postgresql", "postgres")
DEFAULT_TIMELINE = "main"
#: Timeline names go into NOTIFY payloads and messages: keep them plain.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}")


def is_pg_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in SCHEMES and "://" in text


@dataclass(frozen=True)
class PgLocation:
    """``conninfo`` goes to the driver as given (password and all); only
    ``shown`` is ever printed."""

    conninfo: str
    timeline: str
    shown: str

    def __str__(self) -> str:
        return self.shown


def parse_location(text: str) -> PgLocation:
    """``postgresql://user@host/dbname[?timeline=NAME]`` -> a location.

    The ``timeline`` parameter is dateline's, not libpq's, so it is taken
    out before the URL reaches the driver.
    """
    parts = urlsplit(text)
    if parts.scheme.lower() not in SCHEMES:
        raise DatelineError(
            f"{redact(text)} is not a PostgreSQL URL; it must start with "
            "postgresql:// (for example postgresql://me@localhost/news)."
        )
    query = parse_qsl(parts.query, keep_blank_values=True)
    names = [value for key, value in query if key == "timeline"]
    rest = [(key, value) for key, value in query if key != "timeline"]
    timeline = names[-1] if names else DEFAULT_TIMELINE
    if not _NAME.fullmatch(timeline):
        raise DatelineError(
            f"timeline={timeline!r} in the URL is not a usable timeline name; "
            "use letters, digits, '.', '_' or '-' (up to 63), e.g. ?timeline=election."
        )
    conninfo = urlunsplit(parts._replace(query=urlencode(rest)))
    shown = redact(conninfo)
    if timeline != DEFAULT_TIMELINE:
        shown += ("&" if rest else "?") + f"timeline={timeline}"
    return PgLocation(conninfo, timeline, shown)


def redact(url: str) -> str:
    """The URL without its password, for messages and headers."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return "(a PostgreSQL URL that could not be read)"
    if not password:
        return url
    netloc = parts.netloc.replace(f":{password}@", ":***@", 1)
    query = re.sub(r"(?i)(password=)[^&]*", r"\1***", parts.query)
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def location_of(text: str) -> Path | PgLocation:
    """What ``--db``, ``$DATELINE_DB`` or the settings' ``db`` name: a
    PostgreSQL URL, else a timeline file (``~`` expanded)."""
    if is_pg_url(text):
        return parse_location(text)
    return Path(text).expanduser()
