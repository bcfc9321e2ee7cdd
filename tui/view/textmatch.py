"""Where a search phrase occurs in displayed text, the way the store matches it.

The store searches folded text (no case, accents or punctuation, see
``dateline.store.names.fold``), so "Nicolas" finds "Nicolás" and "Lodz" finds
"Łódź". To highlight a hit in a row, the displayed text is folded character
by character with the store's own ``fold_char`` while remembering where each
folded character came from.
"""

from __future__ import annotations

from dateline.store.names import fold, fold_char
from rich.style import Style
from rich.text import Text

#: How a search hit stands out where no widget style is at hand (panes,
#: detail strip): the same look as the timeline's ``timeline--match``.
MATCH_STYLE = Style(reverse=True, bold=True)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets in ``text`` of every folded match of ``query``."""
    needle = fold(query)
    if not needle:
        return []
    folded: list[str] = []
    origin: list[int] = []
    previous_space = True
    for i, ch in enumerate(text):
        piece = fold_char(ch)
        if piece == " ":
            # Runs of spaces fold to one, as in ``fold``.
            if previous_space:
                continue
            previous_space = True
        elif piece:
            previous_space = False
        for c in piece:
            folded.append(c)
            origin.append(i)
    haystack = "".join(folded)
    spans = []
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(needle) - 1
        spans.append((origin[at], origin[end] + 1))
        at = haystack.find(needle, at + len(needle))
    return spans


def highlight(text: Text, query: str, style: Style | str = MATCH_STYLE) -> Text:
    """``text`` with every folded match of ``query`` styled; returns it."""
    if query:
        for start, end in match_spans(text.plain, query):
            text.stylize(style, start, end)
    return text
