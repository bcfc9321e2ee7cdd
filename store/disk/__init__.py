"""One timeline on disk: the TinyDB snapshot, its journal, the lock, the
schema check, ``check``/``restore`` for damaged files, and the one atomic
file write every writer uses.

Names are imported on first use (see ``dateline.store.lazy``): the
settings file's atomic write must not bring in TinyDB and msgspec.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.store.lazy import lazy_face

if TYPE_CHECKING:
    from dateline.store.disk.atomic import write_atomic
    from dateline.store.disk.check import Problem, check_file, restore_backup
    from dateline.store.disk.datafile import (
        DataFile,
        TimelineGoneError,
        set_up_if_empty,
    )
    from dateline.store.disk.snapshot import backup_path

#: Each public name -> the module that defines it.
_HOMES = {
    "write_atomic": "dateline.store.disk.atomic",
    "Problem": "dateline.store.disk.check",
    "check_file": "dateline.store.disk.check",
    "restore_backup": "dateline.store.disk.check",
    "DataFile": "dateline.store.disk.datafile",
    "TimelineGoneError": "dateline.store.disk.datafile",
    "set_up_if_empty": "dateline.store.disk.datafile",
    "backup_path": "dateline.store.disk.snapshot",
}

__all__ = [
    "DataFile",
    "Problem",
    "TimelineGoneError",
    "backup_path",
    "check_file",
    "restore_backup",
    "set_up_if_empty",
    "write_atomic",
]


__getattr__, __dir__ = lazy_face(globals(), _HOMES)
