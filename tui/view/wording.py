"""Small phrases that several screens print the same way."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """ "1 event", "3 events": a count with its noun, plural when it is not 1."""
    return f"{number} {noun}" + ("" if number == 1 else "s")
