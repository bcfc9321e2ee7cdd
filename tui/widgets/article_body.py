"""An article's text, wrapped to the width, with quotes highlighted in place.

Wrapping is done here rather than by a Static so each screen line knows the
character offsets it shows: the stored quote spans (offsets into the body)
then map straight to lines, and n/N can scroll to a quote exactly.
"""

from __future__ import annotations

import bisect
from itertools import pairwise
from typing import ClassVar

from dateline.tui.view.inert import inert
from dateline.tui.view.textmatch import highlight
from dateline.tui.view.wrapping import Span, wrap_offsets
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class ArticleBody(ScrollView, can_focus=True):
    """Body text with ``spans`` highlighted; ``current`` marks the quote n/N
    last jumped to."""

    DEFAULT_CSS = """
    ArticleBody {
        padding: 0 2;
        scrollbar-size-vertical: 1;
    }
    ArticleBody > .article--quote {
        background: $warning 25%;
    }
    ArticleBody > .article--current {
        background: $warning 60%;
        text-style: bold;
    }
    ArticleBody > .article--match {
        text-style: bold reverse;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="article.j"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="article.k"),
        Binding("space", "page_down", "Page down", show=False, id="article.space"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--quote",
        "article--current",
        "article--match",
    }

    def __init__(
        self,
        body: str,
        spans: list[Span],
        *,
        search: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        #: The explorer's search phrase, highlighted wherever a line holds it.
        self.search = search
        # Same length replacements keep the stored offsets valid.
        self.body = body.replace("\t", " ").replace("\r", " ")
        self.spans = sorted(s for s in spans if 0 <= s[0] < s[1] <= len(self.body))
        self.current = -1
        self._lines: list[Span] = []
        self._starts: list[int] = []
        self._width = 0
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(256)

    def _rewrap(self, width: int) -> None:
        if width == self._width:
            return
        self._width = width
        self._lines = wrap_offsets(self.body, width)
        self._starts = [start for start, _ in self._lines]
        self._cache.clear()
        self.virtual_size = Size(0, len(self._lines))

    def on_resize(self) -> None:
        self._rewrap(self.scrollable_content_region.width)

    def line_of(self, offset: int) -> int:
        """The wrapped line showing character ``offset``."""
        self._rewrap(self.scrollable_content_region.width or 80)
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def show_quote(self, index: int) -> None:
        """Mark span ``index`` as current and scroll it into view."""
        if not self.spans:
            return
        self.current = index % len(self.spans)
        self._cache.clear()
        line = self.line_of(self.spans[self.current][0])
        self.scroll_to(y=max(0, line - 2), animate=False, immediate=True)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._rewrap(width)
        line = int(self.scroll_y) + y
        if not 0 <= line < len(self._lines):
            return Strip.blank(width, self.rich_style)
        key = (line, self.current)
        strip = self._cache.get(key)
        if strip is None:
            text = self._line_text(*self._lines[line])
            strip = Strip(text.render(self.app.console), text.cell_len)
            strip = strip.adjust_cell_length(width, self.rich_style)
            self._cache[key] = strip
        return strip

    def _line_text(self, start: int, end: int) -> Text:
        quote = self.get_component_rich_style("article--quote")
        current = self.get_component_rich_style("article--current")
        text = Text()
        cuts = {start, end}
        for s, e in self.spans:
            if s < end and e > start:
                cuts.update(c for c in (s, e) if start < c < end)
        bounds = sorted(cuts)
        for a, b in pairwise(bounds):
            style = None
            for i, (s, e) in enumerate(self.spans):
                if s <= a and b <= e:
                    style = current if i == self.current else quote
                    break
            text.append(inert(self.body[a:b]), style)
        highlight(text, self.search, self.get_component_rich_style("article--match"))
        text.stylize_before(self.rich_style)
        return text
