"""The one bounded read of a file the user names (an import, an article).

/dev/zero, a FIFO that never closes or a disk image given by mistake must
end, and with a reason: each reader asks for one byte more than it accepts
and refuses the file, in its own words, when that byte arrives.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_bounded"]


def read_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``path``; more than ``limit`` means the
    file is too large. Raises OSError as ``open`` does."""
    with path.open("rb") as handle:
        return handle.read(limit + 1)
