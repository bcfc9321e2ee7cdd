"""Editable fields that show control characters instead of sending them.

A title imported from the web can hold an escape sequence. Labels show store
text through ``store.text.inert``, but an input must keep the value exactly
as stored (saving an edit must not rewrite characters the user never
touched), and its cursor arithmetic counts characters. So these fields keep
the value and only draw it differently: every control or bidi character is
drawn as one visible stand-in, one character for one, which keeps the cursor
where the user thinks it is.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import Input, TextArea

# C0 controls (tab too: in one line it would jump the cursor), DEL, C1, and
# the bidi overrides that can visually reorder a line.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def one_for_one(text: str) -> str:
    """``text`` with each unsafe character replaced by one visible one."""
    return _UNSAFE.sub(_stand_in, text)


class InertInput(Input):
    """An Input that draws control characters as visible stand-ins."""

    @property
    def _value(self) -> Text:
        text = super()._value
        if not self.password and _UNSAFE.search(text.plain):
            shown = one_for_one(text.plain)
            styled = Text(shown, no_wrap=True, overflow="ignore", end="")
            for span in text.spans:
                styled.stylize(span.style, span.start, span.end)
            return styled
        return text


class InertTextArea(TextArea):
    """A TextArea that draws control characters as visible stand-ins."""

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        # Tabs are the TextArea's own business: it expands them itself.
        if _UNSAFE.search(line.plain.replace("\t", " ")):
            plain = line.plain
            shown = "".join(ch if ch == "\t" else one_for_one(ch) for ch in plain)
            styled = Text(shown, end="", no_wrap=True)
            for span in line.spans:
                styled.stylize(span.style, span.start, span.end)
            return styled
        return line
