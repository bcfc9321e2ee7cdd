"""Completing the last item of a comma-separated list from known words.

Actor names in the form and tags in the tag filter both complete this way:
the suggestion keeps everything before the last item and puts the known word
after it, so accepting it (right arrow or end) also fixes capitals and accents.
"""

from __future__ import annotations

from dateline.store.names import fold
from dateline.tui.view.ranking import rank
from textual.suggester import Suggester


class ListSuggester(Suggester):
    """Completes the last item of a comma-separated list from ``words``."""

    def __init__(self, words: list[str], *, separators: str = ",") -> None:
        # Case matters in the suggestion itself, so folding is done here.
        super().__init__(use_cache=True, case_sensitive=True)
        self._words = words
        self._separators = separators

    async def get_suggestion(self, value: str) -> str | None:
        cut = max(value.rfind(s) for s in self._separators)
        last = value[cut + 1 :]
        typed = last.lstrip()
        if not typed.strip():
            return None
        key = fold(typed)
        fits = [
            word
            for word in self._words
            if len(word) > len(typed) and fold(word[: len(typed)]) == key
        ]
        ranked = rank(typed, fits, lambda word: (word,))
        if not ranked:
            return None
        best, _ = ranked[0]
        return value[: len(value) - len(typed)] + best
