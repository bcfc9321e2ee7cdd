"""A crash-safe TinyDB storage for timeline snapshots.

TinyDB's own JSONStorage truncates the file and writes it in place, so a crash
mid-write leaves half a file. Here a save serialises in memory and replaces
the file through ``atomic.write_atomic``, keeping the old one as ``NAME.bak``.
Reading refuses files that are empty, truncated or not dateline timelines, so
they are never overwritten by a save that started from "nothing".
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec
from dateline.store.disk.atomic import write_atomic
from dateline.store.disk.schema import APP, check_meta
from dateline.store.errors import TimelineFileError
from tinydb.storages import Storage

Data = dict[str, dict[str, dict[str, Any]]]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _recovery_hint(path: Path) -> str:
    bak = backup_path(path)
    if bak.exists():
        return (
            f"The previous version is in {bak}; to restore it run "
            f"`dateline --db {path} restore` (or copy {bak.name} over {path.name})."
        )
    return "No backup was found beside it; restore it from your own backups."


def decode_snapshot(raw: bytes, path: Path) -> Data:
    """Parse and validate snapshot bytes, or raise a message naming the file."""
    hint = _recovery_hint(path)
    if not raw.strip():
        raise TimelineFileError(f"{path} is empty, so it was not opened. {hint}")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise TimelineFileError(
            f"{path} is not a text file, so it is not a dateline timeline. {hint}"
        ) from None
    except json.JSONDecodeError as exc:
        raise TimelineFileError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}); it may be truncated. {hint}"
        ) from None
    except (ValueError, RecursionError):
        raise TimelineFileError(
            f"{path} holds a number too long or nesting too deep, so it is not "
            f"a dateline timeline. {hint}"
        ) from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) for table in data.values()
    ):
        raise TimelineFileError(f"{path} is JSON but not a dateline timeline. {hint}")
    meta_docs = list(data.get("meta", {}).values())
    if not meta_docs or not isinstance(meta_docs[0], dict):
        raise TimelineFileError(
            f"{path} is JSON but not a dateline timeline (no `meta` table "
            f"naming {APP!r}). Pick another file with --db. {hint}"
        )
    check_meta(meta_docs[0], path)
    return data


class SafeJSONStorage(Storage):
    """TinyDB storage with atomic, durable, backed-up writes.

    ``read`` returns None for a missing file (TinyDB's "empty database") and
    raises :class:`TimelineFileError` for anything that is not a timeline.
    """

    def __init__(self, path: str | os.PathLike[str], **_: Any) -> None:
        self.path = Path(path)

    def read(self) -> Data | None:
        raw = self.read_bytes()
        return None if raw is None else decode_snapshot(raw, self.path)

    def read_bytes(self) -> bytes | None:
        """The file's bytes unparsed (the typed decoder reads them itself)."""
        try:
            mode = self.path.stat().st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            if not stat.S_ISREG(mode):
                # Opening a FIFO would wait forever for a writer.
                raise TimelineFileError(
                    f"{self.path} is not a regular file (a pipe, device or "
                    "socket), so it is not a timeline; give a file with --db."
                )
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise TimelineFileError(
                f"{self.path} is a folder; give a file name with --db."
            ) from None
        except OSError as exc:
            raise TimelineFileError(
                f"{self.path} cannot be read: {exc.strerror}."
            ) from None

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        """Write ``data``: documents, or records (dataclasses), which msgspec
        writes as their fields: the same compact UTF-8 JSON json.dumps would
        write of their documents, in a fraction of the time and without
        making 100k documents first."""
        payload = msgspec.json.encode(data)
        try:
            write_atomic(self.path, payload, backup=backup_path(self.path))
        except OSError as exc:
            raise TimelineFileError(
                f"Could not save {self.path}: {exc.strerror or exc}. "
                "The file on disk was left as it was."
            ) from None

    def close(self) -> None:
        pass
