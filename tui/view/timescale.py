"""Steps of time at one scale (decade, year, month, week, day), as integers.

The proportional timeline and the overview ribbon both cut time into equal
steps. A step is an int (a day's ordinal, a Monday-based week number, a
month as ``year * 12 + month - 1``, a year, a decade), so "how many steps lie
between two events" is a subtraction, not a walk over a calendar.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from dateline.store.dates.labels import MONTHS
from dateline.store.errors import counted

Scale = Literal["decade", "year", "month", "week", "day"]
#: Coarsest first: ``+`` zooms in (towards ``day``), ``-`` zooms out.
SCALES: tuple[Scale, ...] = get_args(Scale)
#: Rough days per step, for choosing a scale that fits a span.
STEP_DAYS: dict[Scale, float] = {
    "decade": 3652.4,
    "year": 365.24,
    "month": 30.44,
    "week": 7.0,
    "day": 1.0,
}
_LAST = date.max.toordinal()


def zoom(scale: Scale, step: int) -> Scale:
    """The scale ``step`` places finer (positive) or coarser, clamped."""
    at = min(max(SCALES.index(scale) + step, 0), len(SCALES) - 1)
    return SCALES[at]


def step_of(day: int, scale: Scale) -> int:
    """The step holding the day with ordinal ``day``."""
    if scale == "day":
        return day
    if scale == "week":
        return (day - 1) // 7  # ordinal 1 (1 Jan 0001) is a Monday
    d = date.fromordinal(day)
    if scale == "month":
        return d.year * 12 + d.month - 1
    if scale == "year":
        return d.year
    return d.year // 10


def step_start(step: int, scale: Scale) -> int:
    """The ordinal of the first day of ``step`` (past the calendar's end: one
    beyond the last day, so a bisection finds nothing after it)."""
    try:
        if scale == "day":
            return step
        if scale == "week":
            return step * 7 + 1
        if scale == "month":
            return date(step // 12, step % 12 + 1, 1).toordinal()
        if scale == "year":
            return date(step, 1, 1).toordinal()
        return date(max(step * 10, 1), 1, 1).toordinal()
    except ValueError:
        return _LAST + 1 if step > 0 else 1


def step_label(step: int, scale: Scale) -> str:
    """A short name for the step: "2020s", "2026", "Jan 2026", "5 Jan 26"."""
    if scale == "decade":
        return f"{step * 10}s"
    if scale == "year":
        return str(step)
    if scale == "month":
        return f"{MONTHS[step % 12]} {step // 12}"
    first = date.fromordinal(min(step_start(step, scale), _LAST))
    return f"{first.day} {MONTHS[first.month - 1]} {first.year % 100:02d}"


def gap_words(steps: int, scale: Scale) -> str:
    """How long a gap of ``steps`` empty steps is, in words."""
    if scale == "decade":
        return counted(steps * 10, "year")
    return counted(steps, scale)
