"""The small chooser behind ``V``: set the highlighted event's verification.

It shows what the claims propose (``dateline.store.evidence.proposal``) above
the four statuses, with the proposal highlighted; enter sets the status
under the cursor, esc leaves it as it was.
"""

from __future__ import annotations

from typing import ClassVar

from dateline.store.evidence import Proposal
from dateline.store.model import VERIFICATIONS, Event
from dateline.tui.view.claims import VERIFICATION_MEANINGS
from dateline.tui.view.inert import inert
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class VerifyScreen(ModalScreen[str | None]):
    """Choose a verification status for ``event``; dismiss with it, or None."""

    DEFAULT_CSS = """
    VerifyScreen {
        align: center middle;
        background: $background 60%;
    }
    VerifyScreen > #verify-box {
        width: 64;
        max-width: 90%;
        height: auto;
        padding: 1 2;
        border: thick $accent;
        background: $surface;
    }
    VerifyScreen #verify-proposal {
        margin-bottom: 1;
    }
    VerifyScreen OptionList {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="verify.cancel"),
    ]

    def __init__(self, event: Event, proposed: Proposal) -> None:
        super().__init__()
        self.event = event
        self.proposed = proposed

    def compose(self) -> ComposeResult:
        with Vertical(id="verify-box") as box:
            box.border_title = "Verification"
            title = inert(self.event.title, single_line=True)
            yield Static(
                f"{title}\nProposed from the claims: {self.proposed.status} "
                f"({self.proposed.reason}).",
                id="verify-proposal",
                markup=False,
            )
            options = []
            for status in VERIFICATIONS:
                now = " · now" if status == self.event.verification else ""
                proposed = " · proposed" if status == self.proposed.status else ""
                label = f"{status:<11} {VERIFICATION_MEANINGS[status]}{now}{proposed}"
                options.append(Option(label, id=status))
            yield OptionList(*options, id="verify-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = VERIFICATIONS.index(self.proposed.status)
        options.focus()

    def on_option_list_option_selected(
        self, message: OptionList.OptionSelected
    ) -> None:
        message.stop()
        self.dismiss(message.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
