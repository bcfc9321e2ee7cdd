"""The main screen: the timeline, its panes, and the actions its keys run."""

from dateline.tui.screens.main.screen import MainScreen

__all__ = ["MainScreen"]
