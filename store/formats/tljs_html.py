"""The HTML inside a TimelineJS slide: written for readers, readable back.

TimelineJS shows ``text.text`` as HTML. dateline writes the summary as
paragraphs and the rest as marked-up blocks a reader sees and a later import
understands: the date as written, actors (``data-role``), quotes as
``<blockquote>`` with the speaker in ``<cite>``, sources as links, tags and
place. Every piece of user text is HTML-escaped, and only http(s) links are
made clickable, so a title cannot inject markup or script into a published
timeline. Reading takes the marked blocks back and turns everything else into
plain summary text, so a foreign slide loses its markup but not its words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from dateline.store.model import web_url

_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote", "tr"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "source"}


@dataclass
class SlideText:
    """What a slide's text says, in dateline's terms."""

    summary: str = ""
    #: True when the slide was written by dateline (it has the date block).
    ours: bool = False
    date_text: str = ""
    precision: str = ""
    approximate: bool = False
    #: "before", "after", "by", "until" or "since" for a bounded date.
    bound: str = ""
    status: str = ""
    #: Time zones: the zone the slide's clock time is in ("EST"), or "".
    zone: str = ""
    place: str = ""
    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    #: (text, speaker, source URL, source title)
    quotes: list[tuple[str, str, str, str]] = field(default_factory=list)
    sources: list[tuple[str, str, str]] = field(default_factory=list)  # url, title, by
    tags: list[str] = field(default_factory=list)


def safe_url(url: str) -> str:
    """``url`` if it is a web link, else "" (no javascript: or data: links,
    nothing that could close the attribute it is written into)."""
    return web_url(url)


def render(slide: SlideText) -> str:
    """The slide text as HTML, every user string escaped."""
    out = [f"<p>{escape(par)}</p>" for par in _paragraphs(slide.summary)]
    attrs = {"data-precision": slide.precision, "data-text": slide.date_text}
    if slide.approximate:
        attrs["data-approximate"] = "true"
    if slide.bound:
        attrs["data-bound"] = slide.bound
    if slide.status:
        attrs["data-status"] = slide.status
    if slide.zone:
        attrs["data-zone"] = slide.zone
    label = f"As written: “{escape(slide.date_text)}”" if slide.date_text else ""
    if slide.status == "expected":
        label = f"{label} · expected" if label else "Expected"
    out.append(_block("p", "dateline-date", attrs, label))
    if slide.actors:
        items = []
        for name, role in slide.actors:
            span = _block("span", "dateline-actor", {"data-role": role}, escape(name))
            items.append(f"{span} ({escape(role)})" if role else span)
        out.append(_block("p", "dateline-actors", {}, "Actors: " + "; ".join(items)))
    if slide.place:
        out.append(_block("p", "dateline-place", {}, "Place: " + escape(slide.place)))
    for text, speaker, url, source_title in slide.quotes:
        cite = f"<cite>— {escape(speaker)}</cite>" if speaker else ""
        attrs = {"data-speaker": speaker, "data-source": url}
        attrs["data-source-title"] = source_title
        out.append(_block("blockquote", "dateline-quote", attrs, escape(text) + cite))
    if slide.sources:
        links = []
        for url, title, outlet in slide.sources:
            shown = escape(title or url)
            attrs = {"data-outlet": outlet, "data-url": url}
            if safe_url(url):
                attrs["href"] = url
                links.append(_block("a", "dateline-source", attrs, shown))
            else:
                links.append(_block("span", "dateline-source", attrs, shown))
            if outlet:
                links[-1] += f" ({escape(outlet)})"
        out.append(_block("p", "dateline-sources", {}, "Sources: " + "; ".join(links)))
    if slide.tags:
        tags = "; ".join(
            _block("span", "dateline-tag", {}, escape(tag)) for tag in slide.tags
        )
        out.append(_block("p", "dateline-tags", {}, "Tags: " + tags))
    return "".join(out)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _block(tag: str, cls: str, attrs: dict[str, str], inner: str) -> str:
    extra = "".join(
        f' {name}="{escape(value, quote=True)}"' for name, value in attrs.items()
    )
    return f'<{tag} class="{cls}"{extra}>{inner}</{tag}>'


def to_plain(html: str) -> str:
    """Markup-free text of an HTML fragment (headlines, display dates)."""
    return parse(html).summary.replace("\n\n", " ")


def parse(html: str) -> SlideText:
    """Read a slide's HTML: dateline's marked blocks, the rest as summary."""
    reader = _Reader()
    reader.feed(html or "")
    reader.close()
    reader.slide.summary = "\n\n".join(p for p in reader.paragraphs if p)
    return reader.slide


class _Reader(HTMLParser):
    """Walks the tag stream; ``_open`` holds (tag, class, attrs) of open tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slide = SlideText()
        self.paragraphs: list[str] = []
        self._text: list[str] = []
        self._open: list[tuple[str, str, dict[str, str]]] = []
        self._item: list[str] | None = None
        self._cite = False

    def _marked(self) -> tuple[str, dict[str, str]] | None:
        """The innermost open dateline block, if any."""
        for _tag, cls, attrs in reversed(self._open):
            if cls.startswith("dateline-") and cls not in _ITEMS:
                return cls, attrs
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        cls = values.get("class", "").split()[0] if values.get("class") else ""
        if tag == "br":
            self._text.append("\n")
            return
        if tag in _VOID:
            return
        if tag in _BLOCKS and not self._marked():
            self._flush()
        self._open.append((tag, cls, values))
        if cls in _ITEMS:
            self._item = []
        elif cls.startswith("dateline-"):
            self._text = []
        if tag == "cite":
            self._cite = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _c, _a in self._open):
            return  # a stray end tag: browsers ignore it, so do we
        while self._open:
            open_tag, cls, values = self._open.pop()
            self._close(open_tag, cls, values)
            if open_tag == tag:
                break

    def _close(self, tag: str, cls: str, values: dict[str, str]) -> None:
        if tag == "cite":
            self._cite = False
        if cls in _ITEMS:
            self._item_done(cls, values, " ".join("".join(self._item or []).split()))
            self._item = None
        elif cls.startswith("dateline-"):
            self._block_done(cls, values, "".join(self._text).strip())
            self._text = []
        elif tag in _BLOCKS and not self._marked():
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._item is not None:
            self._item.append(data)
        elif not self._cite:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        while self._open:
            self._close(*self._open.pop())
        self._flush()

    def _flush(self) -> None:
        lines = "".join(self._text).split("\n")
        text = "\n".join(" ".join(line.split()) for line in lines)
        self.paragraphs.append(text.strip())
        self._text = []

    def _item_done(self, cls: str, values: dict[str, str], text: str) -> None:
        slide = self.slide
        if cls == "dateline-actor" and text:
            slide.actors.append((text, values.get("data-role", "")))
        elif cls == "dateline-source":
            url = values.get("data-url") or values.get("href", "")
            if url or text:
                slide.sources.append((url, text, values.get("data-outlet", "")))
        elif cls == "dateline-tag" and text:
            slide.tags.append(text)

    def _block_done(self, cls: str, values: dict[str, str], text: str) -> None:
        slide = self.slide
        if cls == "dateline-date":
            slide.ours = True
            slide.precision = values.get("data-precision", "")
            slide.approximate = values.get("data-approximate") == "true"
            slide.bound = values.get("data-bound", "")
            slide.status = values.get("data-status", "")
            slide.zone = values.get("data-zone", "")
            slide.date_text = values.get("data-text", "")
        elif cls == "dateline-place":
            slide.place = text.removeprefix("Place:").strip()
        elif cls == "dateline-quote" and text:
            speaker = values.get("data-speaker", "")
            url = values.get("data-source", "")
            source = values.get("data-source-title", "")
            slide.quotes.append((text, speaker, url, source))


_ITEMS = {"dateline-actor", "dateline-source", "dateline-tag"}
