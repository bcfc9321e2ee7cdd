"""Command palette entries made from the explorer's own bindings.

Whatever a key does can also be found by name with ctrl+p: the palette lists
the active bindings of the screen it was opened from, with their keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, runtime_checkable

from dateline.store.changes.views import saved_views
from dateline.store.timeline import Timeline
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

Command = tuple[str, str, Callable[[], None]]


class ExplorerCommands(Provider):
    """One command per distinct action bound on the current screen."""

    def _commands(self) -> list[Command]:
        app = self.app
        seen: dict[tuple[int, str], Command] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.system or not active.enabled:
                continue
            slot = (id(active.node), binding.action)
            keys = app.get_key_display(binding)
            if slot in seen:
                name, keys_before, run = seen[slot]
                seen[slot] = (name, f"{keys_before}, {keys}", run)
                continue
            run = partial(self._run, binding.action, active.node)
            seen[slot] = (binding.description, keys, run)
        return sorted(seen.values(), key=lambda c: c[0].casefold())

    def _run(self, action: str, node: DOMNode) -> None:
        self.app.call_later(self.app.run_action, action, node)

    async def discover(self) -> Hits:
        for name, keys, run in self._commands():
            yield DiscoveryHit(name, run, help=f"key: {keys}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, keys, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=f"key: {keys}")


@runtime_checkable
class ViewKeeper(Protocol):
    """A screen that applies and deletes saved views (the main screen)."""

    timeline: Timeline

    def apply_view(self, name: str) -> None: ...

    def ask_delete_view(self, name: str) -> None: ...


class SavedViewCommands(Provider):
    """ "View: NAME" applies a saved view; "Delete view: NAME" removes one."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        if not isinstance(screen, ViewKeeper):
            return []
        commands: list[Command] = []
        for view in saved_views(screen.timeline):
            name = view.name
            commands.append(
                (f"View: {name}", "saved view", self._later(screen.apply_view, name))
            )
            commands.append(
                (
                    f"Delete view: {name}",
                    "asks first; u undoes",
                    self._later(screen.ask_delete_view, name),
                )
            )
        return commands

    def _later(self, run: Callable[[str], None], name: str) -> Callable[[], None]:
        """``run(name)`` once the palette has closed."""

        def later() -> None:
            self.app.call_later(run, name)

        return later

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
