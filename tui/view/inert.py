"""Making untrusted text safe to print in a terminal.

Titles, quotes and whole articles come from the web and from other people's
files. An ANSI escape in a title must show as text, never clear the screen or
recolour the terminal, so control characters are swapped for visible stand-ins.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (0x9b is a CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi overrides can visually reorder what follows them on the line.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Everything unsafe, tab and newline included, for one-line fields.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(code: int) -> str | None:
    """The one-character stand-in for a C0 control or DEL, if it has one."""
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block
    if code == 0x7F:
        return "\u2421"
    return None


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return _picture(code) or f"\\x{code:02x}"


def inert(text: str, *, single_line: bool = False) -> str:
    """``text`` with every control character shown, not obeyed."""
    if single_line:
        text = text.replace("\n", " ").replace("\t", " ")
    text = _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return _CONTROL.sub(_visible, text)


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def inert_same_length(text: str) -> str:
    """Like :func:`inert`, but one character for one, so an editable field's
    cursor arithmetic still matches the stored value."""
    return _UNSAFE.sub(lambda m: _picture(ord(m.group())) or "\ufffd", text)
