"""One article as read from a file, with what its container said about it.

The readers (``store.ingest.reading`` for plain text and the dispatch,
``html`` for saved pages, ``feed`` for feeds) all produce these, are all
bounded by ``ARTICLE_LIMIT`` and all raise IngestError, naming the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from dateline.store.errors import DatelineError

__all__ = [
    "ARTICLE_LIMIT",
    "Document",
    "IngestError",
    "InputKind",
    "decode_text",
]

#: The longest input read: a book or a heavy saved page, not a disk image.
ARTICLE_LIMIT = 10 * 2**20

InputKind = Literal["text", "page", "feed"]


class IngestError(DatelineError):
    """An article cannot be ingested; nothing was saved."""


@dataclass(frozen=True)
class Document:
    """One article's text with what its container said about it.

    Empty fields were not given; the text's own header (a "date" line, a
    dateline) may still supply them, and the command's flags win over both.
    ``language`` is what the page or feed declares (``"es"``, ``"pt-BR"``),
    a hint for detection rather than the last word.
    """

    text: str
    title: str = ""
    outlet: str = ""
    byline: str = ""
    published: date | None = None
    url: str = ""
    language: str = ""
    kind: InputKind = "text"
    #: How messages name it: "feed.xml", "feed.xml item 3".
    name: str = ""


def decode_text(raw: bytes, name: str) -> str:
    """Plain-text article bytes as text: UTF-8, with or without a BOM."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise IngestError(
            f"{name} is not UTF-8 text; save the article as plain UTF-8 text first."
        ) from None
