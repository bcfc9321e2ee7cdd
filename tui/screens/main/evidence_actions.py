"""The main screen's keys for the evidence (issue 17): ``!`` shows only
disputed events, ``@`` shows the timeline as it was known on a day, ``V``
sets the highlighted event's verification.

"As of" and "disputed only" are filter chips like the others, so esc (the
last chip) and c (all of them) take them off.
"""

from __future__ import annotations

from dateline.store.changes.verification import verify_event
from dateline.store.dates.labels import day_label
from dateline.store.dates.options import DateOptionError, day_option
from dateline.store.errors import DatelineError
from dateline.store.evidence import proposal
from dateline.store.model import VERIFICATIONS
from dateline.tui.screens.main.filtering import FilterActions
from dateline.tui.view.filters import Part
from dateline.tui.view.inert import inert
from dateline.tui.widgets.prompt import PromptBar
from textual.binding import Binding

EVIDENCE_BINDINGS = [
    Binding(
        "exclamation_mark",
        "disputed_filter",
        "Disputed only / not disputed / all",
        show=False,
        id="evidence.disputed",
    ),
    Binding("at", "as_of", "As of a date", show=False, id="evidence.as_of"),
    Binding("V", "verify", "Verification", show=False, id="evidence.verify"),
    Binding(
        "ctrl+v",
        "verification_filter",
        "Verification filter (cycle)",
        show=False,
        id="evidence.verification_filter",
    ),
]


class EvidenceActions(FilterActions):
    """Disputed-only, as-of and verification, on top of the filter keys."""

    def action_disputed_filter(self) -> None:
        # One key, three states: disputed only, then leave them out, then all.
        kinds = {p.kind for p in self.filters.parts}
        if "disputed" in kinds:
            self.set_filters(
                self.filters.remove("disputed").add(
                    Part("not_disputed", "not disputed")
                )
            )
        elif "not_disputed" in kinds:
            self.set_filters(self.filters.remove("not_disputed"))
        else:
            self.set_filters(self.filters.add(Part("disputed", "disputed")))

    def action_verification_filter(self) -> None:
        # Cycles unverified, confirmed, disputed, false, then all, as S does
        # for the status.
        current = next(
            (p.value for p in self.filters.parts if p.kind == "verification"), None
        )
        cycle: list[str | None] = [None, *VERIFICATIONS, None]
        following = cycle[cycle.index(current) + 1]
        if following is None:
            self.set_filters(self.filters.remove("verification"))
        else:
            self.set_filters(self.filters.add(Part("verification", following)))

    # -- as of ---------------------------------------------------------------
    def action_as_of(self) -> None:
        self.prompt.ask(
            "asof",
            "Show what was known as of (esc: cancel):",
            "yesterday · 8 Jan 2026 · last Friday",
            reader=self._read_as_of_live,
        )

    def _read_as_of_live(self, value: str) -> tuple[bool, str]:
        if not value.strip():
            return True, "type a day; only what was published by then is shown"
        try:
            day = day_option(value, "As of", today=self.today)
        except DateOptionError as exc:
            return False, str(exc)
        return True, f"shows what was known on {day_label(day)}"

    def on_prompt_bar_answered(self, message: PromptBar.Answered) -> None:
        if message.kind != "asof":
            return  # the filter keys' handler answers the rest
        message.prevent_default()
        value = message.value.strip()
        if not value:
            self.prompt.close()
            self.view.focus()
            return
        try:
            day = day_option(value, "As of", today=self.today)
        except DateOptionError as exc:
            self.prompt.fail(str(exc))
            return
        self.prompt.close()
        self.view.focus()
        label = day_label(day)
        self.set_filters(self.filters.add(Part("asof", label, day, day)))

    # -- verification ----------------------------------------------------------
    def action_verify(self) -> None:
        from dateline.tui.screens.verify import VerifyScreen

        shown = self.view.event
        if shown is None:
            self.notify("No event highlighted to verify.")
            return
        event = self.timeline.events_by_id.get(shown.id)
        if event is None:
            return
        proposed = proposal(event, self.timeline.sources_by_id)

        def chosen(status: str | None) -> None:
            if status is None:
                return
            try:
                saved = verify_event(self.timeline, event, status)
            except DatelineError as exc:
                self.notify(str(exc), severity="error")
                return
            title = inert(saved.title, single_line=True)
            self.notify(f"“{title}” is now {saved.verification}.")
            self.after_change(saved.id)

        self.app.push_screen(VerifyScreen(event, proposed), chosen)
