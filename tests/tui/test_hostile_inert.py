"""inert() shows every character that could act on a terminal or hide text."""

from __future__ import annotations

import pytest
from dateline.tui.view.inert import has_unsafe, inert, inert_same_length

HIDDEN = [
    *map(chr, range(0x200B, 0x2010)),  # zero-width space .. right-to-left mark
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\u2060",  # word joiner
    "\ufeff",  # byte-order mark / zero-width no-break space
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\ud800",  # a lone surrogate, from undecodable bytes or a JSON escape
]


@pytest.mark.parametrize("char", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_are_shown_by_code(char: str) -> None:
    for single_line in (False, True):
        shown = inert(f"a{char}b", single_line=single_line)
        assert shown == f"a\\u{ord(char):04x}b"
        assert shown.encode("utf-8")  # printable on any UTF-8 terminal
    assert has_unsafe(char)
    assert len(inert_same_length(f"a{char}b")) == 3


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]52;c;UFdORUQ=\x07", "␛]52;c;UFdORUQ=␇"),  # OSC 52 clipboard write
        ("\x1b[2J", "␛[2J"),
        ("\x9b31m", "\\u009b31m"),  # C1 CSI
        ("\x85", "\\u0085"),  # C1 next line
        ("a\rb", "a␍b"),
    ],
)
def test_controls_are_shown_not_obeyed(raw: str, shown: str) -> None:
    assert inert(raw) == shown


def test_newline_and_tab_stay_in_text_and_go_in_one_line_fields() -> None:
    assert inert("a\n\tb") == "a\n\tb"
    assert inert("a\n\tb", single_line=True) == "a  b"
