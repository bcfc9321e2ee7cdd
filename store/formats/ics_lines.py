"""Where an iCalendar file is broken, by line number, for the error message.

The ``icalendar`` library reads the file; these checks only point at lines:
BEGIN/END pairs before it parses (it quietly accepts a stray END), the first
line it cannot split into NAME:value, and the line of a property whose value
it could not read.
"""

from __future__ import annotations

from dateline.store.formats.native import ImportFormatError
from icalendar.parser import Contentline


def check_structure(text: str, origin: str) -> list[int]:
    """Line numbers of each BEGIN:VEVENT, after checking BEGIN/END pair up."""
    stack: list[tuple[str, int]] = []
    vevents: list[int] = []
    seen_content = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line[0] in " \t":
            continue  # blank, or a folded continuation of the line above
        upper = line.strip().upper()
        if not seen_content and upper != "BEGIN:VCALENDAR":
            raise ImportFormatError(
                f"{origin} line {number}: not an iCalendar file (it must start "
                "with BEGIN:VCALENDAR). Use --format to say what it is."
            )
        seen_content = True
        if upper.startswith("BEGIN:"):
            stack.append((upper[6:], number))
            if upper == "BEGIN:VEVENT":
                vevents.append(number)
        elif upper.startswith("END:"):
            name = upper[4:]
            if not stack or stack[-1][0] != name:
                expected = f"END:{stack[-1][0]}" if stack else "nothing"
                raise ImportFormatError(
                    f"{origin} line {number}: END:{name} where {expected} was "
                    "expected; the file is broken. Nothing was imported."
                )
            stack.pop()
    if not seen_content:
        raise ImportFormatError(f"{origin} is empty. Nothing was imported.")
    if stack:
        name, number = stack[-1]
        raise ImportFormatError(
            f"{origin} line {number}: BEGIN:{name} is never closed; the file looks "
            "cut short. Nothing was imported."
        )
    return vevents


def property_line(lines: list[str], begin: int, prop: str) -> int:
    """The line of ``prop`` in the VEVENT that starts on line ``begin``."""
    for number in range(begin, len(lines) + 1):
        upper = lines[number - 1].upper()
        if upper.startswith("END:VEVENT"):
            break
        if upper.startswith(prop) and upper[len(prop) : len(prop) + 1] in (";", ":"):
            return number
    return begin


def bad_line(text: str) -> int:
    """The first line the library cannot read, counting folded lines."""
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        elif line.strip():
            logical.append((number, line))
    for number, line in logical:
        try:
            Contentline(line).parts()
        except ValueError:
            return number
    return 0
