"""The article view: a source's full text with every stored quote in place."""

from __future__ import annotations

from typing import ClassVar

from dateline.store.dates.labels import day_label
from dateline.store.errors import counted
from dateline.store.model import Quote
from dateline.store.timeline import Timeline
from dateline.tui.view.inert import inert
from dateline.tui.widgets.article_body import ArticleBody
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static


class ArticleScreen(Screen[None]):
    """Read a source; n/N jump between its quotes; esc goes back."""

    DEFAULT_CSS = """
    ArticleScreen #article-head {
        height: auto;
        padding: 0 1;
        border-bottom: solid $panel-lighten-2;
    }
    ArticleScreen #article-body {
        height: 1fr;
    }
    ArticleScreen #article-status {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="article.back"),
        Binding("n", "quote(1)", "Next quote", id="article.next"),
        Binding("N", "quote(-1)", "Previous quote", id="article.prev"),
    ]

    def __init__(
        self,
        timeline: Timeline,
        source_id: str,
        quote_id: str | None = None,
        *,
        search: str = "",
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self.search = search
        self.source = timeline.source(source_id)
        #: Quotes of this source that carry a span, in reading order.
        self.quotes: list[Quote] = sorted(
            (q for q in timeline.quotes(source=source_id) if q.span is not None),
            key=lambda q: q.span or (0, 0),
        )
        self._start_quote = quote_id

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="article-head")
        spans = [q.span for q in self.quotes if q.span is not None]
        yield ArticleBody(
            self.source.body, spans, search=self.search, id="article-body"
        )
        yield Static(id="article-status")
        yield Footer()

    def _heading(self) -> Text:
        source = self.source
        text = Text()
        text.append(inert(source.title or "(untitled)", single_line=True), style="bold")
        facts = [source.outlet or "unknown outlet"]
        if source.published:
            facts.append(day_label(source.published))
        if source.dateline:
            facts.append(source.dateline)
        if source.byline:
            facts.append(f"by {source.byline}")
        if source.via:
            facts.append(f"via {source.via}")
        text.append("\n" + inert(" · ".join(facts), single_line=True), style="italic")
        text.append(
            "\n" + (inert(source.url, single_line=True) or "no URL stored"), style="dim"
        )
        return text

    def on_mount(self) -> None:
        body = self.query_one(ArticleBody)
        body.focus()
        ids = [q.id for q in self.quotes]
        if self._start_quote in ids:
            self.call_after_refresh(self._jump, ids.index(self._start_quote))
        self._status()

    @property
    def current(self) -> int:
        return self.query_one(ArticleBody).current

    def _jump(self, index: int) -> None:
        self.query_one(ArticleBody).show_quote(index)
        self._status()

    def action_quote(self, step: int) -> None:
        if not self.quotes:
            self.notify("No quotes of this article are stored.")
            return
        current = self.current
        if current < 0:
            self._jump(0 if step > 0 else len(self.quotes) - 1)
        else:
            self._jump(current + step)

    def _status(self) -> None:
        status = self.query_one("#article-status", Static)
        count = len(self.quotes)
        if not count:
            status.update(Text("No quotes of this article are stored.", style="dim"))
            return
        current = self.current
        if current < 0:
            status.update(
                Text(
                    f"{counted(count, 'quote')} highlighted · n/N to jump between them",
                    style="dim",
                )
            )
            return
        quote = self.quotes[current]
        speaker = self.timeline.actors_by_id.get(quote.speaker or "")
        text = Text(f"Quote {current + 1} of {count}", style="bold")
        who = speaker.name if speaker else "unknown speaker"
        text.append(f" · {inert(who, single_line=True)}")
        status.update(text)
