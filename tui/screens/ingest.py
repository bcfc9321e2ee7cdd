"""The `i` dialog: paste an article (or name a file) and read it into events.

Extraction runs in a thread worker that only reports progress; the UI keeps
answering keys, and esc stops it with nothing saved. Saving happens back on
the UI thread in one durable step, then the dialog shows what was found and
offers the review screen (``r``). It dismisses with an ``IngestResult``, or
None when nothing was saved.

Host wiring (the explorer's ``i``)::

    def done(result: IngestResult | None) -> None:
        if result is not None:
            refill()
            if result.review:
                push_screen(ReviewScreen(timeline, result.source_id), refill_after)
    push_screen(IngestScreen(timeline), done)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import ClassVar

from dateline.store.dates.options import day_option
from dateline.store.errors import DatelineError, counted
from dateline.store.ingest import (
    READ_LANGUAGES,
    Document,
    Extraction,
    IngestCancelled,
    IngestReport,
    documents_from_bytes,
    extract,
    parse_article,
    read_documents,
    save_extraction,
)
from dateline.store.timeline import Timeline
from dateline.tui.view.inert import inert
from dateline.tui.widgets.form_inert import InertInput, InertTextArea
from dateline.tui.widgets.form_layout import (
    FORM_CSS,
    after_typed_keys,
    error_line,
    form_row,
    show_error,
)
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, ProgressBar, Static, TextArea
from textual.worker import Worker, WorkerState, get_current_worker

#: Progress is redrawn at most this often (fraction of the whole), so a long
#: article does not flood the UI thread with updates.
PROGRESS_STEP = 0.02


@dataclass(frozen=True)
class IngestResult:
    """What the dialog saved, and whether the user asked to review it now.

    ``report`` is the first article's; a feed saves several, and then
    ``source_id`` is None (review everything pending) and ``summary`` tells
    of them all.
    """

    report: IngestReport
    source_id: str | None
    review: bool = False
    summary: str = ""

    def message(self) -> str:
        return self.summary or self.report.summary()


@dataclass(frozen=True)
class _Request:
    #: One article, or a feed's items.
    documents: tuple[Document, ...]
    published: date | None
    outlet: str
    url: str
    title: str


@dataclass(frozen=True)
class _Batch:
    """What the worker read: extractions to save, and items it skipped."""

    extractions: list[Extraction]
    skipped: list[str]


class IngestScreen(ModalScreen[IngestResult | None]):
    """Paste or pick an article, extract in a worker, save, offer review."""

    DEFAULT_CSS = (
        """
    IngestScreen {
        align: center middle;
        background: $background 60%;
    }
    IngestScreen #ingest-text {
        height: 10;
    }
    IngestScreen #ingest-progress-row {
        height: auto;
        display: none;
    }
    IngestScreen #ingest-progress-row.-shown {
        display: block;
    }
    IngestScreen #ingest-summary {
        height: auto;
        display: none;
        padding: 1 0 0 0;
    }
    IngestScreen #ingest-summary.-shown {
        display: block;
    }
    """
        + FORM_CSS
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "extract", "Extract", priority=True, id="ingest.extract"),
        Binding("escape", "cancel", "Cancel", priority=True, id="ingest.cancel"),
        Binding("r", "review", "Review now", id="ingest.review"),
        Binding("enter", "close", "Close", id="ingest.close"),
    ]

    def __init__(self, timeline: Timeline) -> None:
        super().__init__()
        self.timeline = timeline
        self._worker: Worker[_Batch] | None = None
        self._request: _Request | None = None
        self._last_progress = -1.0
        #: Set once the extraction is saved.
        self.result: IngestResult | None = None

    def compose(self) -> ComposeResult:
        box = Vertical(classes="form-box")
        box.border_title = "Ingest an article"
        box.border_subtitle = "ctrl+s extract · esc cancel"
        with box, VerticalScroll(classes="form-body", can_focus=False):
            yield form_row(
                "Text",
                InertTextArea(id="ingest-text", compact=True),
                Static(
                    "Paste the article (or a page's HTML) here, or give a file "
                    "below: text, a saved web page or an RSS/Atom feed. A first "
                    'line "date YYYY-MM-DD" and a dateline "PLACE (Outlet) -" '
                    "are read.",
                    classes="note",
                ),
                row_id="row-text",
            )
            yield form_row(
                "File",
                _input("path to a .txt, a saved .html page or a feed", "ingest-file"),
            )
            yield form_row(
                "Published",
                _input(
                    "YYYY-MM-DD or yesterday (else read from the text)",
                    "ingest-published",
                ),
            )
            yield form_row(
                "Outlet", _input("else read from the dateline", "ingest-outlet")
            )
            yield form_row("URL", _input("https://…", "ingest-url"))
            yield form_row("Title", _input("else the first line", "ingest-title"))
            yield error_line("ingest")
            with Vertical(id="ingest-progress-row"):
                yield Static("", id="ingest-stage")
                yield ProgressBar(total=100, show_eta=False, id="ingest-progress")
            yield Static("", id="ingest-summary", markup=False)

    def on_mount(self) -> None:
        self.query_one("#ingest-text", TextArea).focus()

    # -- state -------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.is_running

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("review", "close"):
            return self.result is not None
        if action == "extract":
            return self.result is None and not self.running
        return True

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def _error(self, message: str) -> None:
        show_error(self.query_one("#error-ingest", Static), message)

    # -- extracting --------------------------------------------------------
    def action_extract(self) -> None:
        after_typed_keys(self, self._start_extract)

    def _start_extract(self) -> None:
        self._error("")
        try:
            request = self._read_form()
        except DatelineError as exc:
            self._error(str(exc))
            return
        self._request = request
        self._last_progress = -1.0
        self.query_one("#ingest-progress-row").add_class("-shown")
        self._progress(0.0, "starting")
        self._worker = self._extract(request)

    def _read_form(self) -> _Request:
        """The form as a request, or a DatelineError saying what to fix."""
        text = self.query_one("#ingest-text", TextArea).text
        path = self._value("ingest-file")
        if path and text.strip():
            raise DatelineError(
                "Give the article once: paste it or name a file, not both."
            )
        if not path and not text.strip():
            raise DatelineError(
                "Paste the article's text, or give the path of a text file."
            )
        # The same reading as `dateline ingest`: a pasted or named page is
        # told from plain text by its content.
        documents = (
            read_documents(Path(path))
            if path
            else documents_from_bytes(text.encode("utf-8", "replace"), "the text")
        )
        feed = documents[0].kind == "feed"
        if feed and (self._value("ingest-url") or self._value("ingest-title")):
            raise DatelineError(
                "URL and Title name one article, and a feed's items each carry "
                "their own link and title; leave them empty."
            )
        document = documents[0]
        published = None
        typed = self._value("ingest-published")
        if typed:
            # The app's today, which tests pin, counts "yesterday".
            today = getattr(self.app, "today", None)
            published = day_option(typed, "Published", today=today)
        elif (
            not feed
            and document.published is None
            and (parse_article(document.text).published is None)
        ):
            where = "page" if document.kind == "page" else "text"
            raise DatelineError(
                f"No publication date found in the {where} (a first line like "
                '"date 2026-01-10"); type it in Published as YYYY-MM-DD.'
            )
        return _Request(
            tuple(documents),
            published,
            self._value("ingest-outlet"),
            self._value("ingest-url"),
            self._value("ingest-title"),
        )

    @work(thread=True, exclusive=True, group="ingest", exit_on_error=False)
    def _extract(self, request: _Request) -> _Batch:
        worker = get_current_worker()
        languages = getattr(getattr(self.app, "settings", None), "languages", None)
        documents = request.documents
        if documents[0].kind != "feed":
            extraction = extract(
                documents[0],
                languages=languages or READ_LANGUAGES,
                published=request.published,
                outlet=request.outlet,
                url=request.url,
                title=request.title,
                timeline=self.timeline,
                progress=self._report_from_thread,
                cancelled=lambda: worker.is_cancelled,
            )
            return _Batch([extraction], [])
        # A feed: as `dateline ingest` does, an item that cannot be read is
        # named and skipped; --published dates the items that carry no date.
        batch = _Batch([], [])
        for number, item in enumerate(documents):
            if item.published is None and request.published is not None:
                item = replace(item, published=request.published)
            try:
                batch.extractions.append(
                    extract(
                        item,
                        languages=languages or READ_LANGUAGES,
                        outlet=request.outlet,
                        timeline=self.timeline,
                        cancelled=lambda: worker.is_cancelled,
                    )
                )
            except IngestCancelled:
                raise
            except DatelineError as exc:
                batch.skipped.append(f"{item.name}: {exc}")
            self._report_from_thread(
                (number + 1) / len(documents), f"item {number + 1} of {len(documents)}"
            )
        return batch

    def _report_from_thread(self, fraction: float, what: str) -> None:
        if fraction < 1.0 and fraction - self._last_progress < PROGRESS_STEP:
            return
        self._last_progress = fraction
        self.app.call_from_thread(self._progress, fraction, what)

    def _progress(self, fraction: float, what: str) -> None:
        self.query_one("#ingest-stage", Static).update(f"Extracting… {what}")
        self.query_one("#ingest-progress", ProgressBar).update(progress=fraction * 100)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self._worker:
            return
        if event.state == WorkerState.SUCCESS:
            self._save(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            stopped = isinstance(error, IngestCancelled)
            message = str(error) if isinstance(error, DatelineError) else None
            self._stopped(message or f"Could not read the article: {error}.", stopped)
        elif event.state == WorkerState.CANCELLED:
            self._stopped("Stopped; nothing was saved.", True)
        else:
            return
        self.refresh_bindings()

    def _stopped(self, message: str, cancelled: bool) -> None:
        self.query_one("#ingest-progress-row").remove_class("-shown")
        self._error(message)
        if cancelled:
            self.notify("Extraction stopped; nothing was saved.")

    def _save(self, batch: _Batch | None) -> None:
        if batch is None:
            return
        reports: list[IngestReport] = []
        skipped = list(batch.skipped)
        for extraction in batch.extractions:
            try:
                reports.append(save_extraction(self.timeline, extraction))
            except DatelineError as exc:
                if len(batch.extractions) == 1 and not skipped:
                    self._stopped(str(exc), False)
                    return
                skipped.append(f"{extraction.source.title}: {exc}")
        if not reports:
            self._stopped(
                "No item could be ingested; nothing was saved. " + " ".join(skipped),
                False,
            )
            return
        first = reports[0]
        if len(reports) == 1 and not skipped:
            self.result = IngestResult(first, first.source.id)
        else:
            lines = [
                f"Feed: {counted(len(reports), 'item')} ingested, "
                f"{len(skipped)} skipped.",
                *(
                    f"  “{r.source.title}”: {counted(r.events, 'event')}"
                    for r in reports
                ),
                *(f"  skipped {reason}" for reason in skipped),
            ]
            self.result = IngestResult(first, None, summary="\n".join(lines))
        self.query_one("#ingest-stage", Static).update("Saved.")
        summary = self.query_one("#ingest-summary", Static)
        summary.update(
            inert(self.result.message())
            + "\n\nr review the extracted events now · enter or esc close"
        )
        summary.add_class("-shown")
        for widget in self.query("Input, TextArea"):
            widget.disabled = True
        self.set_focus(None)
        box = self.query_one(".form-box")
        box.border_subtitle = "r review now · enter/esc close"
        summary.scroll_visible()

    # -- leaving -----------------------------------------------------------
    def action_review(self) -> None:
        if self.result is not None:
            self.dismiss(replace(self.result, review=True))

    def action_close(self) -> None:
        self.dismiss(self.result)

    def action_cancel(self) -> None:
        """Stop a running extraction, else close (with what was saved)."""
        if self.running and self._worker is not None:
            self._worker.cancel()
            self.query_one("#ingest-stage", Static).update("Stopping…")
            return
        self.dismiss(self.result)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()


def _input(placeholder: str, widget_id: str) -> Input:
    return InertInput(placeholder=placeholder, id=widget_id, compact=True)
