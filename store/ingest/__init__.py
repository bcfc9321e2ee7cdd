"""Article text -> candidate records: the article's header, sentences, the
dates found in them with their direction in time, actors, quotes and events.

Names are imported on first use (see ``dateline.store.lazy``): `dateline
dates --in` finds dates without loading the saving half (TinyDB, msgspec).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.store.lazy import lazy_face

if TYPE_CHECKING:
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

_PIPELINE = "dateline.store.ingest.pipeline"
#: Each public name -> the module that defines it.
_HOMES = {
    "ARTICLE_LIMIT": "dateline.store.ingest.document",
    "Document": "dateline.store.ingest.document",
    "READ_LANGUAGES": "dateline.store.ingest.language",
    "documents_from_bytes": "dateline.store.ingest.reading",
    "read_documents": "dateline.store.ingest.reading",
    "FoundDate": "dateline.store.ingest.find_dates",
    "find_dates": "dateline.store.ingest.find_dates",
    "parse_article": "dateline.store.ingest.text",
    **{
        name: _PIPELINE
        for name in (
            "Extraction",
            "IngestCancelled",
            "IngestError",
            "IngestReport",
            "extract",
            "ingest",
            "save_extraction",
        )
    },
}

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

__getattr__, __dir__ = lazy_face(globals(), _HOMES)
