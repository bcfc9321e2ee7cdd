"""Article text -> candidate records: the article's header, sentences, the
dates found in them with their direction in time, actors, quotes and events.
"""

from dateline.store.ingest.document import ARTICLE_LIMIT, Document
from dateline.store.ingest.find_dates import FoundDate, find_dates
from dateline.store.ingest.language import READ_LANGUAGES
from dateline.store.ingest.pipeline import (
    Extraction,
    IngestCancelled,
    IngestError,
    IngestReport,
    extract,
    ingest,
    save_extraction,
)
from dateline.store.ingest.reading import documents_from_bytes, read_documents
from dateline.store.ingest.text import parse_article

__all__ = [
    "ARTICLE_LIMIT",
    "READ_LANGUAGES",
    "Document",
    "Extraction",
    "FoundDate",
    "IngestCancelled",
    "IngestError",
    "IngestReport",
    "documents_from_bytes",
    "extract",
    "find_dates",
    "ingest",
    "parse_article",
    "read_documents",
    "save_extraction",
]
