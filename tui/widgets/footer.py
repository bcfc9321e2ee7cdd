"""The key line at the bottom of the explorer."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

#: What the footer shows of one binding: key, label, shown, enabled.
Shown = tuple[tuple[str, str, bool, bool], ...]


class KeysFooter(Footer):
    """Textual's footer, rebuilt only when the keys it shows change.

    The stock footer rebuilds all its key widgets whenever the screen's
    bindings may have changed: each focus change and each return from a
    picker or prompt, some 40 ms of styling right after a filter's rows
    appear, for a line that almost always reads the same.
    """

    _shown: Shown | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            shown = _keys_shown(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)


def _keys_shown(screen: Screen) -> Shown:
    return tuple(
        (key, active.binding.description, active.binding.show, active.enabled)
        for key, active in screen.active_bindings.items()
    )
