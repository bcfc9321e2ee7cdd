"""wrap_offsets: wrapped lines as offsets into the original text."""

from __future__ import annotations

from dateline.tui.view.wrapping import wrap_offsets


def lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap_offsets(text, width)]


def test_lines_break_at_spaces_and_keep_every_offset() -> None:
    text = "one two three four"
    assert lines(text, 9) == ["one two ", "three ", "four"]
    assert "".join(lines(text, 9)) == text


def test_newlines_end_paragraphs_and_blank_ones_stay() -> None:
    assert lines("ab\n\ncd", 10) == ["ab", "", "cd"]


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert lines("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_wide_characters_count_two_cells() -> None:
    assert lines("日本 語語", 4) == ["日本 ", "語語"]


def test_a_width_below_four_is_read_as_four() -> None:
    assert wrap_offsets("a b c d e", 1) == wrap_offsets("a b c d e", 4)
