"""The event form's source field: pick a known article, or type a new one.

An event cites articles. Most hand entries come from an article already in
the timeline, so a picker of ``Timeline.sources()`` comes first; below it,
outlet, headline and URL describe one that is not there yet. Picking and
typing at once is refused rather than guessed at.
"""

from __future__ import annotations

from dateline.store.changes.drafts import DraftError, SourceDraft
from dateline.store.model import Source
from dateline.tui.view.source_labels import source_label
from dateline.tui.widgets.form_inert import InertInput
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select


class SourceField(Vertical):
    """A picker of known articles over three inputs for a new one."""

    DEFAULT_CSS = """
    SourceField {
        height: auto;
    }
    SourceField > Horizontal {
        height: 1;
    }
    SourceField Input {
        width: 1fr;
    }
    SourceField #source-url {
        width: 2fr;
    }
    SourceField .gap {
        width: 1;
    }
    SourceField SelectCurrent Static#label {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(
        self, sources: list[Source], *, picked: str | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._sources = sources
        self._first = picked

    def compose(self) -> ComposeResult:
        yield Select(
            [(Content(source_label(s)), s.id) for s in self._sources],
            prompt="pick an article, or type a new one below",
            value=self._first or Select.NULL,
            id="source-pick",
            compact=True,
        )
        with Horizontal():
            yield InertInput(
                placeholder="new: outlet", id="source-outlet", compact=True
            )
            yield Label(" ", classes="gap")
            yield InertInput(placeholder="headline", id="source-title", compact=True)
            yield Label(" ", classes="gap")
            yield InertInput(placeholder="https://…", id="source-url", compact=True)

    def _typed(self, name: str) -> str:
        return self.query_one(f"#source-{name}", Input).value.strip()

    @property
    def picked(self) -> str | None:
        """The id of the article picked from the list, if any."""
        value = self.query_one("#source-pick", Select).value
        return value if isinstance(value, str) else None

    def values(self) -> tuple[str | None, str, str, str]:
        """Everything entered, to tell whether the form has changed."""
        return (
            self.picked,
            self._typed("outlet"),
            self._typed("title"),
            self._typed("url"),
        )

    def draft(self) -> SourceDraft:
        """The source as the draft wants it; DraftError if both ways are used."""
        picked, outlet, title, url = self.values()
        typed = SourceDraft(title=title, outlet=outlet, url=url)
        if picked is not None and not typed.is_empty:
            raise DraftError(
                "source",
                "Pick an article or type a new one, not both; clear one of them.",
            )
        return SourceDraft(source_id=picked) if picked else typed
