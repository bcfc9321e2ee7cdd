"""One timeline on disk: the TinyDB snapshot, its journal, the lock, the
schema check, ``check``/``restore`` for damaged files, and the one atomic
file write every writer uses.
"""

from dateline.store.disk.atomic import write_atomic
from dateline.store.disk.check import Problem, check_file, restore_backup
from dateline.store.disk.datafile import DataFile, TimelineGoneError, set_up_if_empty
from dateline.store.disk.snapshot import backup_path

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
