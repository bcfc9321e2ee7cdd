"""Making untrusted text safe to print in a terminal.

Titles, quotes and whole articles come from the web and from other people's
files. An ANSI escape in a title must show as text, never clear the screen,
write the clipboard (OSC 52) or recolour the terminal, so control characters
are swapped for visible stand-ins. Everything the explorer draws from a record
and everything the command line prints passes through :func:`inert`.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (0x9b is a CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters that draw nothing yet change what a reader sees: bidi overrides
# reorder the rest of the line, zero-width characters hide inside names so two
# different strings look the same, U+2028/U+2029 break a line in some
# terminals but not in the cell maths, and lone surrogates cannot be encoded.
_HIDDEN_CHARS = (
    r"\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
)
_HIDDEN = re.compile(f"[{_HIDDEN_CHARS}]")
# Everything unsafe, tab and newline included, for one-line fields.
_UNSAFE = re.compile(rf"[\x00-\x1f\x7f-\x9f{_HIDDEN_CHARS}]")
# What JSON may carry raw but a terminal obeys or hides (JSON itself escapes
# C0 controls): DEL, the C1 controls (\x9b is a CSI) and the hidden ones.
_JSON_UNSAFE = re.compile(rf"[\x7f-\x9f{_HIDDEN_CHARS}]")


def _picture(code: int) -> str | None:
    """The one-character stand-in for a C0 control or DEL, if it has one."""
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block
    if code == 0x7F:
        return "\u2421"
    return None


def _escaped(match: re.Match[str]) -> str:
    # The \\u form stays valid inside a JSON string printed on stdout.
    return f"\\u{ord(match.group()):04x}"


def _visible(match: re.Match[str]) -> str:
    return _picture(ord(match.group())) or _escaped(match)


def inert(text: str, *, single_line: bool = False) -> str:
    """``text`` with every control character shown, not obeyed."""
    if single_line:
        text = text.replace("\n", " ").replace("\t", " ")
    text = _HIDDEN.sub(_escaped, text)
    return _CONTROL.sub(_visible, text)


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def inert_same_length(text: str) -> str:
    """Like :func:`inert`, but one character for one, so an editable field's
    cursor arithmetic still matches the stored value."""
    return _UNSAFE.sub(lambda m: _picture(ord(m.group())) or "\ufffd", text)


def json_inert(text: str) -> str:
    """JSON text with every character a terminal would obey or hide written
    as a ``\\uXXXX`` escape: the same data to a JSON reader, inert on screen."""
    return _JSON_UNSAFE.sub(_escaped, text)
