"""The folder format: one JSON file per record, for Git.

::

    DIR/dateline.json              the manifest: format and schema
    DIR/events/<id>.json           one event, sorted keys, two-space indent,
    DIR/actors/<id>.json           one trailing newline
    DIR/quotes/<id>.json
    DIR/sources/<id>.json
    DIR/deleted/<table>/<id>.json  a tombstone: the record was deleted
    DIR/views/<id>.json            a saved view (a named filter)

One file per record, written the same way every time, is what lets two
editors' Git branches merge: adding, editing or deleting different records
touches different files, and an edit of the same record conflicts in that
one file. The manifest holds no counts or dates for the same reason. A
deleted record's file is removed and a tombstone written, so the next import
elsewhere deletes it too rather than bringing it back.

Import reads every file and checks it before anything is merged (through
``import_native``: merge by id and revision). A folder that is not ours, a
symbolic link, a file too big or not valid JSON (Git's conflict markers
included) stops the import with a message naming the file; nothing is
imported.
"""

from __future__ import annotations

import json
import os
import re
import stat
from hashlib import sha1
from pathlib import Path
from typing import Any

from dateline.store.disk.schema import RECORD_TABLES, SCHEMA_VERSION, schema_problem
from dateline.store.errors import DatelineError
from dateline.store.formats.native import FORMAT, ImportFormatError
from dateline.store.timeline import Timeline
from dateline.store.views import TABLE as VIEWS

FOLDER_FORMAT = "dateline-folder"
MANIFEST = "dateline.json"
DELETED = "deleted"
#: The largest one record file may be (an article's full text fits many times).
FILE_LIMIT = 16 * 2**20
#: The most a whole folder may hold, as for a file import.
FOLDER_LIMIT = 256 * 2**20
#: An id used as a file name as it is; any other is named by its hash.
_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,100}")


class FolderError(DatelineError):
    """The folder cannot be written; nothing was changed."""


def file_name(record_id: str) -> str:
    """The file a record is kept in. The id inside the file is the one that
    counts; the name only has to be safe and stable."""
    if _PLAIN_ID.fullmatch(record_id) and ".." not in record_id:
        return f"{record_id}.json"
    return f"id-{sha1(record_id.encode('utf-8')).hexdigest()[:20]}.json"


def dumps_record(doc: dict[str, Any]) -> bytes:
    """One record as its file: sorted keys, stable formatting, one newline."""
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2)
    return (text + "\n").encode("utf-8")


def is_folder_export(path: Path) -> bool:
    """Whether ``path`` is a folder this format wrote (it has our manifest)."""
    manifest = path / MANIFEST
    try:
        return path.is_dir() and _manifest(manifest).get("format") == FOLDER_FORMAT
    except (OSError, ValueError):
        return False


def _manifest(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text("utf-8"))
    return data if isinstance(data, dict) else {}


# -- export -------------------------------------------------------------------
def write_folder(timeline: Timeline, target: str | Path) -> int:
    """Write the whole timeline to the folder ``target``; the number of files
    written or removed (0 when the folder already said the same).

    ``target`` must be missing, empty, or a folder this format wrote: any
    other folder is refused, as its files could be removed.
    """
    folder = Path(target).expanduser()
    if folder.is_symlink():
        raise FolderError(f"{folder} is a symbolic link; export to the folder itself.")
    if folder.exists() and not folder.is_dir():
        raise FolderError(
            f"{folder} is a file; the dir format writes a folder. Give a "
            "folder name, or pick another --format."
        )
    # A fresh clone holds only .git: that is an empty folder too.
    if folder.is_dir() and not (_only_git(folder) or is_folder_export(folder)):
        raise FolderError(
            f"{folder} is a folder with other files in it, not a dateline "
            f"folder export (it has no {MANIFEST}); nothing was written. "
            "Export to a new or empty folder."
        )
    wanted = _files(timeline)
    wanted[Path(MANIFEST)] = dumps_record(
        {"format": FOLDER_FORMAT, "schema": SCHEMA_VERSION}
    )
    changed = 0
    try:
        folder.mkdir(parents=False, exist_ok=True)
        for relative, data in sorted(wanted.items()):
            path = folder / relative
            if _same_bytes(path, data):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            _replace(path, data)
            changed += 1
        for old in _record_files(folder):
            if old.relative_to(folder) not in wanted:
                old.unlink()
                changed += 1
    except FileNotFoundError:
        raise FolderError(
            f"Cannot write {folder}: the folder {folder.parent} does not exist."
        ) from None
    except OSError as exc:
        raise FolderError(f"Cannot write {folder}: {exc.strerror or exc}.") from None
    return changed


def _replace(path: Path, data: bytes) -> None:
    """Write ``path`` whole: a temp file beside it, then a rename, so Git
    never sees half a record. Not fsynced file by file (``write_atomic``
    does, and took 171 s for 14k files here): the folder is an export,
    made again from the timeline at any time."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _only_git(folder: Path) -> bool:
    return {p.name for p in folder.iterdir()} <= {".git", ".gitattributes"}


def _files(timeline: Timeline) -> dict[Path, bytes]:
    docs = timeline.all_docs()
    files: dict[Path, bytes] = {}
    for table in RECORD_TABLES:
        for rid, doc in docs[table].items():
            files[Path(table) / file_name(rid)] = dumps_record(doc)
    for tomb in docs["tombstones"].values():
        where = Path(DELETED) / tomb["table"] / file_name(tomb["record"])
        files[where] = dumps_record(tomb)
    for rid, doc in docs[VIEWS].items():
        files[Path(VIEWS) / file_name(rid)] = dumps_record(doc)
    return files


def _record_files(folder: Path) -> list[Path]:
    """Every ``.json`` file in the record and tombstone folders."""
    found: list[Path] = []
    places = [folder / t for t in RECORD_TABLES]
    places += [folder / DELETED / t for t in RECORD_TABLES]
    places.append(folder / VIEWS)
    for place in places:
        if place.is_dir() and not place.is_symlink():
            found += [p for p in place.iterdir() if p.suffix == ".json"]
    return found


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


# -- import -------------------------------------------------------------------
def read_folder(folder: Path) -> dict[str, Any]:
    """The folder as a native export document, every file checked first."""
    manifest = folder / MANIFEST
    if not os.path.lexists(manifest):
        raise ImportFormatError(
            f"{folder} is a folder but not a dateline folder export (it has no "
            f"{MANIFEST}); export one with `dateline export DIR --format dir`. "
            "Nothing was imported."
        )
    _plain(manifest, folder)
    try:
        meta = _manifest(manifest)
    except ValueError:
        raise ImportFormatError(
            f"{manifest} is not valid JSON; it should say "
            f'{{"format": "{FOLDER_FORMAT}", ...}}. Nothing was imported.'
        ) from None
    except OSError as exc:
        raise ImportFormatError(
            f"{folder} is not a dateline folder export (no readable {MANIFEST}: "
            f"{exc.strerror or exc}). Nothing was imported."
        ) from None
    if meta.get("format") != FOLDER_FORMAT:
        raise ImportFormatError(
            f'{manifest} does not say "format": "{FOLDER_FORMAT}", so {folder} '
            "is not a dateline folder export. Nothing was imported."
        )
    schema = meta.get("schema")
    problem = schema_problem(schema)
    if problem == "newer":
        raise ImportFormatError(
            f"{folder} was written with schema {schema}; this dateline reads up "
            f"to {SCHEMA_VERSION}. Upgrade dateline to import it."
        )
    if problem is not None:
        raise ImportFormatError(
            f"{manifest} has an unreadable schema {schema!r}. Nothing was imported."
        )
    data: dict[str, Any] = {"format": FORMAT, "schema": schema}
    budget = [FOLDER_LIMIT]
    for table in RECORD_TABLES:
        data[table] = _read_docs(folder, folder / table, budget)
    tombs: list[Any] = []
    deleted = folder / DELETED
    if deleted.exists() or deleted.is_symlink():
        _plain_dir(deleted, folder)
        for table in RECORD_TABLES:
            tombs += _read_docs(folder, deleted / table, budget)
    data["tombstones"] = tombs
    data[VIEWS] = _read_docs(folder, folder / VIEWS, budget)
    return data


def _read_docs(root: Path, place: Path, budget: list[int]) -> list[Any]:
    if not (place.exists() or place.is_symlink()):
        return []
    _plain_dir(place, root)
    docs = []
    for path in sorted(place.iterdir()):
        if path.suffix != ".json":
            continue  # a Git leftover (.orig) or a note: not a record
        size = _plain(path, root)
        if size > FILE_LIMIT:
            raise ImportFormatError(
                f"{path} is {size // 2**20} MB, more than any one record "
                f"({FILE_LIMIT // 2**20} MB); check it is the right file. "
                "Nothing was imported."
            )
        budget[0] -= size
        if budget[0] < 0:
            raise ImportFormatError(
                f"{root} holds more than {FOLDER_LIMIT // 2**20} MB of records, "
                "more than any timeline to import. Nothing was imported."
            )
        docs.append(_read_one(path))
    return docs


def _read_one(path: Path) -> Any:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFormatError(
            f"{path} is not UTF-8 text. Nothing was imported."
        ) from None
    if re.search(r"^(<<<<<<<|>>>>>>>)", text, re.MULTILINE):
        raise ImportFormatError(
            f"{path} holds Git conflict markers (<<<<<<<): two people changed "
            "this record. Settle the merge in Git (keep one version of the "
            "file), then import again. Nothing was imported."
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"{path} line {exc.lineno}: not valid JSON ({exc.msg}). Nothing "
            "was imported."
        ) from None


def _plain(path: Path, root: Path) -> int:
    """The size of ``path``, which must be a regular file, not a link."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise ImportFormatError(
            f"Cannot read {path}: {exc.strerror or exc}. Nothing was imported."
        ) from None
    if stat.S_ISLNK(info.st_mode):
        raise ImportFormatError(
            f"{path} is a symbolic link; a dateline folder holds only plain "
            f"files, so {root} was not imported. Replace the link with the file."
        )
    if not stat.S_ISREG(info.st_mode):
        raise ImportFormatError(
            f"{path} is not a plain file (a folder, pipe or device); "
            f"{root} was not imported."
        )
    return info.st_size


def _plain_dir(path: Path, root: Path) -> None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise ImportFormatError(
            f"{path} must be a plain folder (not a link or a file); {root} "
            "was not imported."
        )
