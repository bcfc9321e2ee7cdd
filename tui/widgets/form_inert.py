"""Editable fields that show control characters instead of sending them.

A title imported from the web can hold an escape sequence. Labels show store
text through ``dateline.tui.view.inert.inert``, but an input must keep the value exactly
as stored (saving an edit must not rewrite characters the user never
touched), and its cursor arithmetic counts characters. So these fields keep
the value and only draw it differently: every control or bidi character is
drawn as one visible stand-in, one character for one, which keeps the cursor
where the user thinks it is.
"""

from __future__ import annotations

from dateline.tui.view.inert import has_unsafe, inert_same_length
from rich.text import Text
from textual.widgets import Input, TextArea


class InertInput(Input):
    """An Input that draws control characters as visible stand-ins."""

    @property
    def _value(self) -> Text:
        text = super()._value
        if not self.password and has_unsafe(text.plain):
            shown = inert_same_length(text.plain)
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
        if has_unsafe(line.plain.replace("\t", " ")):
            plain = line.plain
            shown = "".join(ch if ch == "\t" else inert_same_length(ch) for ch in plain)
            styled = Text(shown, end="", no_wrap=True)
            for span in line.spans:
                styled.stylize(span.style, span.start, span.end)
            return styled
        return line
