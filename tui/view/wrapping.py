"""Wrapping a text to a width while keeping each line's character offsets.

A line that knows which offsets it shows lets stored spans (a quote's place
in its article) map straight to screen lines. Widths are measured in
terminal cells, as the text will be drawn (inert stand-ins included).
"""

from __future__ import annotations

import re

from dateline.tui.view.inert import inert
from rich.cells import cell_len

_TOKEN = re.compile(r"\S+\s*")
Span = tuple[int, int]


def wrap_offsets(text: str, width: int) -> list[Span]:
    """``(start, end)`` offsets of each wrapped line of ``text``; paragraphs
    break at newlines, lines at spaces, over-long words anywhere."""
    width = max(4, width)
    lines: list[Span] = []
    pos = 0
    for paragraph in text.split("\n"):
        end = pos + len(paragraph)
        line_start, used = pos, 0
        for match in _TOKEN.finditer(paragraph):
            start = pos + match.start()
            word = match.group().rstrip()
            need = cell_len(inert(word))
            if used and used + need > width:
                lines.append((line_start, start))
                line_start, used = start, 0
            while need > width:  # a word longer than a line: cut it
                lines.append((line_start, line_start + width))
                line_start += width
                need -= width
            used += cell_len(inert(match.group()))
        lines.append((line_start, end))
        pos = end + 1
    return lines
