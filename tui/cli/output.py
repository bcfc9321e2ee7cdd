"""The one way the command line writes to the terminal.

Titles, actor names, import warnings and echoed arguments all come from
someone else's text. Rather than remember to clean each ``print``, the command
swaps ``sys.stdout`` and ``sys.stderr`` for :class:`InertStream` while it
runs, so every character written passes through
:func:`dateline.tui.view.inert.inert` on its way out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO, cast

from dateline.tui.view.inert import inert

# CSV and iCalendar end their lines with CRLF; that pair is layout, not a
# cursor trick, so it survives while a lone CR is shown.
_CRLF = "\r\n"


def terminal_safe(text: str) -> str:
    """``text`` as the command line prints it: controls shown, never obeyed."""
    return _CRLF.join(inert(part) for part in text.split(_CRLF))


class InertStream:
    """A text stream that writes :func:`terminal_safe` text to another one."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(terminal_safe(text))
        # print() and json.dump only need a count of what they handed over.
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name: str) -> Any:
        # isatty, fileno, encoding...: the stream underneath answers.
        return getattr(self.raw, name)


@contextmanager
def inert_output() -> Iterator[None]:
    """Route ``sys.stdout`` and ``sys.stderr`` through :class:`InertStream`."""
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, InertStream(saved[0]))
    sys.stderr = cast(TextIO, InertStream(saved[1]))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
