"""Article text -> candidate records: the article's header, sentences, the
dates found in them with their direction in time, actors, quotes and events.
"""

from dateline.store.ingest.find_dates import FoundDate, find_dates
from dateline.store.ingest.pipeline import (
    Extraction,
    IngestCancelled,
    IngestError,
    IngestReport,
    extract,
    ingest,
    read_article,
    save_extraction,
)
from dateline.store.ingest.text import parse_article

__all__ = [
    "Extraction",
    "FoundDate",
    "IngestCancelled",
    "IngestError",
    "IngestReport",
    "extract",
    "find_dates",
    "ingest",
    "parse_article",
    "read_article",
    "save_extraction",
]
