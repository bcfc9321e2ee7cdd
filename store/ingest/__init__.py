"""Article text -> candidate records: the article's header, sentences, the
dates found in them with their direction in time, actors, quotes and events.

Names are imported on first use (see ``dateline.store.lazy``): `dateline
dates --in` finds dates without loading the saving half (TinyDB, msgspec).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.store.lazy import lazy_face

if TYPE_CHECKING:
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

_PIPELINE = "dateline.store.ingest.pipeline"
#: Each public name -> the module that defines it.
_HOMES = {
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
            "read_article",
            "save_extraction",
        )
    },
}

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

__getattr__, __dir__ = lazy_face(globals(), _HOMES)
