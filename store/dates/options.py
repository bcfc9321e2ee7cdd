"""A date typed into a command-line option or a form field.

``--anchor``, ``--published``, ``--from`` and ``--to`` (and the ingest
screen's Published field) take dates in words like everything else, read
through ``parse_date``; an error names the option, so the user knows which
of several dates to fix.
"""

from __future__ import annotations

from datetime import date

from dateline.store.dates.labels import describe
from dateline.store.dates.parse import parse_date
from dateline.store.dates.parts import Prefer
from dateline.store.errors import DatelineError, DateParseError
from dateline.store.model import FuzzyDate

#: Precisions that name one day (or a time within it).
_ONE_DAY = frozenset({"day", "hour", "minute"})


class DateOptionError(DatelineError, ValueError):
    """A date option cannot be read; the message names the option."""


def date_option(
    text: str, option: str, anchor: date, prefer: Prefer = "auto"
) -> FuzzyDate:
    """``text`` given for ``option`` (e.g. "--from") read against ``anchor``."""
    try:
        return parse_date(text, anchor, prefer)
    except DateParseError as exc:
        raise DateOptionError(f"{option}: {exc}") from None


def day_option(
    text: str, option: str, *, today: date | None = None, prefer: Prefer = "past"
) -> date:
    """The one day ``text`` names for ``option``: "2026-01-10", "10 Jan 2026",
    "yesterday" or "last Friday" (counted from ``today``, default the real
    one). A month or a week is refused rather than pinned to a made-up day.
    """
    text = text.strip()
    try:
        return date.fromisoformat(text)  # the common scripted form, no parsing
    except ValueError:
        pass
    anchor = today or date.today()
    try:
        when = parse_date(text, anchor, prefer)
    except DateParseError as exc:
        # The parser's own list of forms offers months and quarters; an
        # option that wants a day gets the day forms instead.
        reason = f" {exc.hint}" if exc.hint else ""
        raise DateOptionError(
            f'{option} "{text}" is not a day.{reason} {_FORMS}'
        ) from None
    if when.precision not in _ONE_DAY or when.start_day != when.end_day:
        raise DateOptionError(
            f'{option} "{text}" reads as {describe(when)}, not one day. {_FORMS}'
        )
    return when.start_day


_FORMS = 'Write one day: YYYY-MM-DD, or in words ("10 Jan 2026", "yesterday").'
