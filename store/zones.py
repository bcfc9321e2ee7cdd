"""What a time zone written beside a clock time means: the one home of zones.

A timed date keeps the zone it was written in (``FuzzyDate.zone``) as one of:

- an IANA name, spelled as the zone database spells it ("America/New_York");
- a fixed offset, "+05:30" or "-05:00" ("Z", "+00:00" and "GMT+0" are "UTC");
- an abbreviation from ``ABBREVIATIONS`` in capitals ("EST", "ET", "CET"),
  kept as written so a label can say "14:30 EST" as the source did.

Abbreviations are not a standard, and several mean more than one zone. A
standard-time one ("EST", "CET") is the fixed offset it names, even in July:
the source wrote standard time, and moving it by an hour would change what
it said. The generic US ones ("ET", "PT") follow daylight saving, as US news
uses them. "CST" is read as US Central (-06:00), not China (+08:00), and
"BST" as British Summer Time, not Bangladesh: the senses English-language
news means nearly always. "IST" (India, Ireland, Israel) and "AST" (Atlantic,
Arabia) are refused with the choices named: a guessed zone is worse for a
fact-checker than a question.

This module knows nothing of dates in words (``dateline.store.dates`` finds the
zone in a phrase and asks here what it is) and imports nothing of the store,
so the model can check and sort with it.
"""

from __future__ import annotations

import functools
import os
import re
import zoneinfo
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

__all__ = [
    "ABBREVIATIONS",
    "ZoneError",
    "canonical_zone",
    "local_zone",
    "to_utc",
    "zone_info",
    "zone_name",
    "zone_of",
]

#: Abbreviation -> the offset (fixed) or IANA zone (daylight saving) it means.
ABBREVIATIONS: dict[str, str] = {
    "UTC": "+00:00",
    "GMT": "+00:00",
    # North America, standard and daylight time, and the generic names.
    "EST": "-05:00",
    "EDT": "-04:00",
    "CST": "-06:00",
    "CDT": "-05:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "PST": "-08:00",
    "PDT": "-07:00",
    "AKST": "-09:00",
    "AKDT": "-08:00",
    "HST": "-10:00",
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    # Europe, Africa, Asia, Oceania.
    "WET": "+00:00",
    "WEST": "+01:00",
    "BST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "EET": "+02:00",
    "EEST": "+03:00",
    "MSK": "+03:00",
    "WAT": "+01:00",
    "CAT": "+02:00",
    "EAT": "+03:00",
    "SAST": "+02:00",
    "PKT": "+05:00",
    "HKT": "+08:00",
    "SGT": "+08:00",
    "JST": "+09:00",
    "KST": "+09:00",
    "AEST": "+10:00",
    "AEDT": "+11:00",
    "NZST": "+12:00",
    "NZDT": "+13:00",
}

#: Abbreviations that name several zones: refused, with what to write.
AMBIGUOUS: dict[str, str] = {
    "IST": "India (+05:30), Ireland (Europe/Dublin) or Israel (Asia/Jerusalem)",
    "AST": "Atlantic (-04:00) or Arabia (+03:00)",
}

_OFFSET = re.compile(r"(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
#: The widest offsets in use: Baker Island -12:00, Kiribati +14:00.
_WIDEST = timedelta(hours=14)


class ZoneError(ValueError):
    """Text that is no time zone; the message says what would be one."""


_HINT = (
    "write an offset such as -05:00, an IANA name such as Europe/Paris,"
    " or an abbreviation such as EST, ET, CET or UTC"
)


def canonical_zone(text: str) -> str:
    """The stored spelling of the zone ``text`` names; ZoneError if none."""
    word = text.strip()
    upper = word.upper()
    if upper == "Z":
        return "UTC"
    if upper in ABBREVIATIONS:
        return upper
    if upper in AMBIGUOUS:
        raise ZoneError(f"{upper} could mean {AMBIGUOUS[upper]}: write which.")
    if match := _OFFSET.fullmatch(word):
        return _offset_text(match)
    found = _iana_name(word)
    if found is not None:
        return found
    raise ZoneError(f'"{_cut(word)}" is no time zone: {_HINT}.')


def _offset_text(match: re.Match[str]) -> str:
    sign, hours, minutes = match[1], int(match[2]), int(match[3] or 0)
    if minutes > 59 or timedelta(hours=hours, minutes=minutes) > _WIDEST:
        raise ZoneError(
            f"{sign}{hours:02d}:{minutes:02d} is no offset in use:"
            " offsets run from -12:00 to +14:00."
        )
    if hours == minutes == 0:
        return "UTC"
    return f"{sign}{hours:02d}:{minutes:02d}"


def _cut(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


_IANA_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")


def _iana_name(word: str) -> str | None:
    """The database's spelling of the zone ``word`` names, or None. A name
    spelled right loads at once; another spelling ("europe/paris") is
    looked up in the list of every zone, which takes a directory walk."""
    if not _IANA_SHAPE.fullmatch(word):
        return None
    try:
        zoneinfo.ZoneInfo(word)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return _iana_names().get(word.casefold())
    return word


@functools.cache
def _iana_names() -> dict[str, str]:
    """Folded name -> the database's spelling; read once (a directory walk)."""
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def zone_info(zone: str) -> tzinfo:
    """The tzinfo a stored zone means (ZoneError for one that is not)."""
    return _zone_info(canonical_zone(zone))


@functools.lru_cache(maxsize=256)
def _zone_info(zone: str) -> tzinfo:
    meaning = ABBREVIATIONS.get(zone, zone)
    if meaning in ("UTC", "+00:00"):
        return UTC
    if meaning[0] in "+-":
        hours, minutes = int(meaning[1:3]), int(meaning[4:6])
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if meaning[0] == "-" else delta)
    try:
        return zoneinfo.ZoneInfo(meaning)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ZoneError(f'"{_cut(zone)}" is no time zone: {_HINT}.') from None


def to_utc(value: datetime, zone: str) -> datetime:
    """The naive UTC instant of the wall-clock time ``value`` in ``zone``."""
    aware = value.replace(tzinfo=zone_info(zone))
    return aware.astimezone(UTC).replace(tzinfo=None)


def in_zone(value: datetime, zone: str, shown_in: str) -> datetime:
    """The wall-clock time ``value`` (in ``zone``) is in ``shown_in``, naive."""
    aware = value.replace(tzinfo=zone_info(zone))
    return aware.astimezone(zone_info(shown_in)).replace(tzinfo=None)


def zone_name(zone: str, at: datetime) -> str:
    """How a label names ``zone`` at the wall-clock time ``at``: the
    abbreviation as written, the database's ("CET", "EDT") for an IANA
    zone, "UTC-05:00" for an offset."""
    canon = canonical_zone(zone)
    if canon in ABBREVIATIONS and canon not in ("ET", "CT", "MT", "PT"):
        return canon
    if canon in ("UTC", "GMT"):
        return canon
    if canon[0] in "+-":
        return f"UTC{canon}"
    name = at.replace(tzinfo=_zone_info(canon)).tzname() or canon
    # The database names some zones by offset ("+03"): say UTC+03 then.
    return f"UTC{name}" if name[0] in "+-" else name


def local_zone() -> str:
    """The machine's zone: ``$TZ`` when it names one, else the zone
    /etc/localtime links to, else the current offset."""
    env = os.environ.get("TZ", "").strip().removeprefix(":")
    if env:
        try:
            return canonical_zone(env)
        except ZoneError:
            pass  # a POSIX rule such as "EST5EDT,M3.2.0": fall through
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if name.casefold() in _iana_names():
            return _iana_names()[name.casefold()]
    return zone_of(datetime.now().astimezone()) or "UTC"


def zone_of(value: datetime) -> str | None:
    """The stored spelling of an aware datetime's zone (its IANA name when
    it has one, else its offset); None for a naive one or an odd offset."""
    if value.tzinfo is None:
        return None
    key = getattr(value.tzinfo, "key", None)
    if isinstance(key, str):
        found = _iana_names().get(key.casefold())
        if found is not None:
            return found
    offset = value.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    try:
        return canonical_zone(f"{sign}{hours:02d}:{mins:02d}")
    except ZoneError:
        return None
