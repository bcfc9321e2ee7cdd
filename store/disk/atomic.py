"""Replacing a file whole or not at all.

Serialise in memory, write a temp file beside the target, fsync it, rename it
over the target and fsync the folder: after a crash the target is the old
file or the new one, never half of either. Timeline snapshots and exports
both save this way. A process killed mid-write leaves its temp file behind;
``remove_orphans`` clears those of dead processes.
"""

from __future__ import annotations

import contextlib
import os
import re
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
    keeps its mode and, where the system allows, its owner. Raises OSError
    with nothing changed on disk (the temp file removed).
    """
    folder = path.parent
    # A unique temp name: two writers in one folder never share one. The PID
    # in it lets ``remove_orphans`` tell a dead writer's leftover.
    tmp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            if path.exists():
                _keep_mode_and_owner(fd, path.stat())
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


def _keep_mode_and_owner(fd: int, st: os.stat_result) -> None:
    """A ``chmod 600`` timeline must not become world-readable by a save,
    nor a shared one change hands because root saved it."""
    os.fchmod(fd, st.st_mode & 0o7777)
    if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        # Only root may give a file away; others keep what they can.
        with contextlib.suppress(PermissionError):
            os.fchown(fd, st.st_uid, st.st_gid)
            # chown clears set-id bits: put the mode back as it was.
            os.fchmod(fd, st.st_mode & 0o7777)


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


def remove_orphans(path: Path, backup: Path | None = None) -> list[Path]:
    """Delete temp files that dead processes left while replacing ``path``
    (or staging its ``backup``); returns what was removed.

    Each is as big as the timeline and nothing else would ever remove it.
    A file whose writer is still running is left alone.
    """
    patterns = [re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[0-9a-f]{{8}}\.tmp")]
    if backup is not None:
        patterns.append(re.compile(rf"\.{re.escape(backup.name)}\.(\d+)\.tmp"))
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        for pattern in patterns:
            match = pattern.fullmatch(name)
            if match and not _running(int(match.group(1))):
                with contextlib.suppress(OSError):
                    (path.parent / name).unlink()
                    removed.append(path.parent / name)
    return removed


def _running(pid: int) -> bool:
    if pid <= 0:
        return True  # not a PID we wrote: leave the file alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, but another user's
    return True
