"""What ``dateline ingest`` was given, as articles: plain text, a saved web
page or a feed, told apart by content first and the file's name second.

A plain-text file is one article whose header the text parser reads; a saved
page is one article with its headline, outlet, author and date taken from the
page's own metadata; a feed is one article per item, each with its own date
and link.
"""

from __future__ import annotations

import re
from pathlib import Path

from dateline.store.disk.bounded import read_bounded
from dateline.store.ingest.document import (
    ARTICLE_LIMIT,
    Document,
    IngestError,
    InputKind,
    decode_text,
)

__all__ = [
    "documents_from_bytes",
    "plain_from_bytes",
    "read_documents",
    "read_plain",
    "sniff",
]


def read_documents(path: Path) -> list[Document]:
    """The articles in a file; IngestError, naming the fix, otherwise."""
    path = path.expanduser()
    if not path.exists():
        raise IngestError(f"No file {path}; give the path of an article file.")
    if path.is_dir():
        raise IngestError(f"{path} is a folder; give the path of an article file.")
    return documents_from_bytes(_read(path), str(path))


def read_plain(path: Path) -> str:
    """A file as plain text, whatever it holds: what ``dates --in`` reads,
    its spans indexing exactly these characters."""
    path = path.expanduser()
    if not path.is_file():
        read_documents(path)  # names a missing file or a folder
    return plain_from_bytes(_read(path), str(path))


def plain_from_bytes(raw: bytes, name: str) -> str:
    """``raw`` (read with a bound of ``ARTICLE_LIMIT + 1``) as plain text."""
    _check_size(raw, name)
    return decode_text(raw, name)


def _read(path: Path) -> bytes:
    try:
        return read_bounded(path, ARTICLE_LIMIT)
    except OSError as exc:
        raise IngestError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def _check_size(raw: bytes, name: str) -> None:
    if len(raw) > ARTICLE_LIMIT:
        raise IngestError(
            f"{name} is longer than {ARTICLE_LIMIT // 2**20} MB, more than any "
            "article or saved page; give the story alone as a text or HTML file."
        )


def documents_from_bytes(raw: bytes, name: str) -> list[Document]:
    """The articles in ``raw`` (read with a bound of ``ARTICLE_LIMIT + 1``)."""
    _check_size(raw, name)
    kind = sniff(raw, name)
    if kind == "page":
        from dateline.store.ingest.html import read_page  # lazy: trafilatura

        return [read_page(raw, name)]
    if kind == "feed":
        from dateline.store.ingest.feed import read_feed  # lazy: feedparser

        return read_feed(raw, name)
    return [Document(decode_text(raw, name), name=name)]


#: How far into a file its kind is looked for: a page's first tag or a feed's
#: root comes after at most a prolog, comments and a doctype.
_SNIFF = 4096
_PAGE_NAMES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".php", ".asp", ".aspx")
_FEED_NAMES = (".rss", ".atom", ".rdf", ".xml")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)[\s>]", re.IGNORECASE)
_PAGE_TAG = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]",
    re.IGNORECASE,
)
_TAGS = re.compile(rb"<[a-zA-Z!/?][^<>]{0,200}>")


def sniff(raw: bytes | str, name: str = "") -> InputKind:
    """Whether ``raw`` is a plain-text article, a saved page or a feed.

    The content decides where it is clear (a feed's root element, an HTML
    doctype or ``<html>``, whatever the file is called); the name decides
    only between markup and text a few tags cannot tell apart, so an article
    about "<html> tags" in a .txt file stays text.
    """
    head = raw[:_SNIFF] if isinstance(raw, bytes) else raw[:_SNIFF].encode()
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    # UTF-16 pages carry a BOM; their tags are ASCII with NULs between.
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[2:].replace(b"\x00", b"")
    suffix = Path(name).suffix.lower()
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head) and not re.search(rb"<html[\s>]", head, re.I):
            return "feed"
        if _PAGE_TAG.search(head):
            return "page"
    if suffix in _PAGE_NAMES and len(_TAGS.findall(head)) >= 3:
        return "page"
    if suffix in _FEED_NAMES and _FEED_ROOT.search(head):
        return "feed"
    return "text"
