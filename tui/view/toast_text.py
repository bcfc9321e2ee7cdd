"""A toast's message cut to the lines a toast has room for; the whole text
stays in the app's message list (``M``)."""

from __future__ import annotations

import textwrap

#: A toast shows at most this many lines of message.
TOAST_LINES = 2
#: Ends a cut message, saying where the rest is.
MORE = "… (M: whole message)"


def clamp(message: str, width: int, lines: int = TOAST_LINES) -> str:
    """``message`` as is when it wraps to ``lines`` lines of ``width``, else
    its first lines with the last one ending in ``MORE``."""
    width = max(width, len(MORE) + 10)
    wrapped: list[str] = []
    for paragraph in message.splitlines() or [""]:
        wrapped += textwrap.wrap(paragraph, width) or [""]
    if len(wrapped) <= lines:
        return message
    kept = wrapped[:lines]
    room = width - len(MORE)
    kept[-1] = kept[-1][:room].rstrip(" ,;:") + MORE
    return "\n".join(kept)
