"""Replacing a file whole or not at all.

Serialise in memory, write a temp file beside the target, fsync it, rename it
over the target and fsync the folder: after a crash the target is the old
file or the new one, never half of either. Timeline snapshots and exports
both save this way.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, payload: bytes, *, backup: Path | None = None) -> None:
    """Replace ``path`` with ``payload`` whole or not at all.

    With ``backup``, the file being replaced is kept there first. A new file
    gets the mode ``open`` would give it (the umask applies); a replaced one
    keeps its mode. Raises OSError with nothing changed on disk (the temp
    file removed).
    """
    folder = path.parent
    # A unique temp name: two writers in one folder never share one.
    tmp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            if path.exists():
                os.fchmod(fd, path.stat().st_mode & 0o7777)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if backup is not None and path.exists():
            _keep_backup(path, backup)
        os.replace(tmp, path)
    except OSError:
        # The error that stopped the write is the one to report, not cleanup's.
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)


def _keep_backup(path: Path, backup: Path) -> None:
    """Point ``backup`` at the current file without a window with no target."""
    staging = backup.with_name(f".{backup.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)
    except OSError:
        # Filesystems without hard links: a copy is slower but as safe.
        staging.write_bytes(path.read_bytes())
    os.replace(staging, backup)
