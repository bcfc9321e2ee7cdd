"""Dates in words <-> FuzzyDate, and how a FuzzyDate is labelled.

Knows nothing of articles: ingestion finds date phrases in text and asks
here what each one means.
"""

from dateline.store.dates.labels import describe, format_when
from dateline.store.dates.options import DateOptionError, date_option, day_option
from dateline.store.dates.parse import MAX_LENGTH, parse_date, to_date, warm
from dateline.store.dates.parts import DateOrder, Prefer

__all__ = [
    "MAX_LENGTH",
    "DateOptionError",
    "DateOrder",
    "Prefer",
    "date_option",
    "day_option",
    "describe",
    "format_when",
    "parse_date",
    "to_date",
    "warm",
]
