"""Errors a user can cause. Each message names the problem and the fix."""


class DatelineError(Exception):
    """Base for every error dateline reports to a user without a traceback."""


class DateParseError(DatelineError, ValueError):
    """A date phrase could not be read."""

    def __init__(self, text: str, hint: str = "") -> None:
        self.text = text
        self.hint = hint
        forms = (
            '"2026-01-09", "9 Jan 2026", "last Friday", "first week of February", '
            '"March 2025", "Q3 2025", "summer 2024", "the 1990s", "3-5 Jan 2026"'
        )
        reason = f" {hint}" if hint else ""
        super().__init__(
            f'Could not read the date "{text}".{reason} Try forms like {forms}.'
        )


class TimelineFileError(DatelineError):
    """A timeline file cannot be opened or saved; nothing was overwritten."""


class ConflictError(DatelineError):
    """Another process changed the same record; nothing was saved."""


class AmbiguousActorError(DatelineError):
    """A name fits several actors; the user must say which."""


class NotFoundError(DatelineError, KeyError):
    """No record with that id or name."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


def counted(number: int, noun: str) -> str:
    """ "1 event", "3,060 events": a count with its noun, plural when it is
    not 1, thousands grouped as everywhere dateline shows a number."""
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def quoted(text: str, limit: int = 80) -> str:
    """``text`` quoted for a message: escapes shown, not obeyed, on one line
    and cut short, so a hostile or huge value cannot take over the message."""
    shown = repr(text)[1:-1]
    return f'"{shown}"' if len(shown) <= limit else f'"{shown[: limit - 1]}…"'
