"""A saved news page -> one Document: the story's text and the page's metadata.

trafilatura finds the main text (leaving navigation, ads, cookie banners,
"most read" lists and footers behind) and reads the headline, outlet and
author from the page's metadata, JSON-LD first; htmldate gives the
publication date from the same metadata (``datePublished``,
``article:published_time``, ``<time>``), the original date rather than the
last update, and never a date merely mentioned in the story.

Pages are hostile input: their bytes may lie about their encoding, and a
page of hundreds of thousands of elements takes trafilatura minutes, so the
encoding is checked here and the element count bounded before extraction.
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import date

from dateline.store.ingest.document import Document, IngestError

__all__ = ["MAX_ELEMENTS", "decode_page", "html_to_text", "read_page"]

#: The most elements a page may have. A long news page has a few thousand;
#: trafilatura's time grows faster than the element count (30,000 tiny
#: paragraphs take ~6 s, 300,000 over 30 s).
MAX_ELEMENTS = 25_000

_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*(?P<name>[\w.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["'](?P<xml>[\w.:-]{1,40})""",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAVE_AGAIN = (
    "save the page again from the browser (Save Page As, “Web Page, HTML "
    "only”) or copy the article's text into a .txt file"
)


def read_page(raw: bytes, name: str) -> Document:
    """The article in a saved page; IngestError, naming the fix, otherwise."""
    # trafilatura and htmldate log what they skip; a user sees our messages.
    for logger in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)
    import htmldate
    import trafilatura
    from trafilatura.utils import load_html

    text = decode_page(raw, name)
    try:
        tree = load_html(text)
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        raise IngestError(f"{name} is not an HTML page lxml can read; {_SAVE_AGAIN}.")
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise IngestError(
            f"{name} has {elements:,} HTML elements, more than any news page "
            f"(at most {MAX_ELEMENTS:,} are read); {_SAVE_AGAIN}."
        )
    declared = (tree.get("lang") or "").strip()
    try:
        published = htmldate.find_date(
            tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d"
        )
        found = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # Our date comes from htmldate above; trafilatura would ask again.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        raise IngestError(
            f"{name} nests its elements too deeply to read; {_SAVE_AGAIN}."
        ) from None
    except Exception as exc:  # the libraries' own bugs on odd pages
        raise IngestError(
            f"{name} could not be read as a page ({type(exc).__name__}); {_SAVE_AGAIN}."
        ) from None
    story = _story(getattr(found, "text", None) or "", getattr(found, "title", ""))
    if not story:
        raise IngestError(
            f"{name} holds no article text (only scripts, menus or links: the "
            "page may be built by scripts when it is opened); save it once the "
            "article shows in the browser, or copy the article's text into a "
            ".txt file."
        )
    return Document(
        text=story,
        title=_clean(getattr(found, "title", None)),
        outlet=_clean(getattr(found, "sitename", None)),
        byline=_clean(getattr(found, "author", None)),
        published=_day(published),
        url=_clean(getattr(found, "url", None)),
        language=declared or _clean(getattr(found, "language", None)),
        kind="page",
        name=name,
    )


def decode_page(raw: bytes, name: str) -> str:
    """The page's characters: its BOM, else the charset it declares, else
    UTF-8, else windows-1252 (what browsers assume for an undeclared page).

    A page whose bytes are not in the charset it declares is refused rather
    than read as mojibake, unless they are UTF-8 (a common mislabel).
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _decode(raw, codec, name, declared=True)
    match = _CHARSET.search(raw[:4096])
    declared = (match["name"] or match["xml"]).decode("ascii") if match else ""
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            raise IngestError(
                f'{name} declares the character set "{declared}", which is '
                f"unknown; {_SAVE_AGAIN}."
            ) from None
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            if codec != "utf-8":
                try:
                    return raw.decode("utf-8")
                except UnicodeDecodeError:
                    pass
            return _decode(raw, codec, name, declared=True)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _decode(raw: bytes, codec: str, name: str, *, declared: bool) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{name} is not valid {codec} text (byte {exc.start}), the character "
            f"set it {'declares' if declared else 'seems to use'}; {_SAVE_AGAIN}."
        ) from None


def html_to_text(fragment: str) -> str:
    """An HTML fragment (a feed item's summary) as text, a paragraph a line."""
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(fragment.split())
    for element in list(root.iter()):
        if element is not root and _is_ad(element):
            element.drop_tree()
    for element in root.iter("p", "div", "li", "br", "h1", "h2", "h3", "blockquote"):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


#: Class or id names of advertising blocks inside feed content.
_AD_NAMES = re.compile(
    r"(?:^|[\s_-])(?:ads?|advert\w*|sponsor\w*|promo\w*)(?:$|[\s_-])", re.I
)
_AD_TEXT = re.compile(r"\s*(?:advertisement|sponsored|publicidad|publicité)\b", re.I)


def _is_ad(element: object) -> bool:
    get = getattr(element, "get", None)
    if get is None:
        return False  # a comment or processing instruction
    names = f"{get('class') or ''} {get('id') or ''}"
    text = getattr(element, "text", None) or ""
    return bool(_AD_NAMES.search(names)) or bool(_AD_TEXT.match(text))


def _story(text: str, title: str | None) -> str:
    """trafilatura's text as paragraphs split by blank lines, its first line
    dropped when it is the headline (kept in the Source's title instead).

    Blank lines let the text parser see a standfirst above the dateline as
    header, the way it does in a pasted article.
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and _key(lines[0]) == _key(title):
        lines = lines[1:]
    return "\n\n".join(lines)


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def _clean(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
