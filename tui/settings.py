"""The user's settings file: ``config.toml`` in the platform's config folder.

Pure load, check and save, with no Textual import, so the command line and
the explorer read the same file the same way. A file that cannot be used is
never a traceback: ``load_settings`` returns the defaults and one message
naming the line or key, and the caller shows it.

The store never sees this file; callers pass what it says (a date order, a
preference) as arguments.
"""

from __future__ import annotations

import getpass
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast, get_args

from dateline.store.dates import DateOrder, Prefer
from dateline.store.disk import write_atomic
from dateline.store.errors import DatelineError
from dateline.store.postgres import PgLocation, location_of
from dateline.store.zones import ZoneError, canonical_zone, local_zone

CONFIG_NAME = "config.toml"

#: A language code as dateparser knows them: "en", "es", "pt-BR", "zh-Hant".
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,4})?")


@dataclass(frozen=True)
class Settings:
    """What the config file says, or the defaults for what it leaves out."""

    theme: str | None = None
    #: Binding id -> keys ("main.goto" -> "ctrl+g" or "ctrl+g,colon").
    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    db: Path | PgLocation | None = None
    author: str = ""
    date_order: DateOrder | None = None
    prefer: Prefer = "auto"
    #: The languages ingestion tries, the first its default: by default every
    #: one it reads dates in (``store.ingest.language.READ_LANGUAGES``, which a
    #: test holds this to; not imported, so reading settings stays light).
    languages: tuple[str, ...] = ("en", "es", "pt", "fr")
    #: The explorer's overview ribbon is shown (O toggles and saves it).
    overview: bool = False
    #: Time zones: the zone times are shown in (None: ``$TZ``, else the
    #: machine's); ``--zone`` overrides it for one run.
    zone: str | None = None


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path
    #: Why the file was not used (the defaults are in ``settings``), or "".
    problem: str = ""


def author_name(settings: Settings) -> str:
    """Who the user's changes are by: the settings' ``author``, else
    ``$DATELINE_AUTHOR``, else the login name ("" when there is none)."""
    if settings.author.strip():
        return settings.author.strip()
    env = os.environ.get("DATELINE_AUTHOR", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (a bare container)
        return ""


class SettingsError(ValueError):
    """One thing wrong with the file; the message names the key and line."""


def config_path() -> Path:
    """``$XDG_CONFIG_HOME/dateline/config.toml`` on Linux; the platform's
    equivalent elsewhere."""
    from platformdirs import user_config_path

    return user_config_path("dateline") / CONFIG_NAME


def load_settings(path: Path | None = None) -> LoadedSettings:
    """The settings in ``path`` (default :func:`config_path`); a missing file
    is the defaults, a bad one the defaults and a message."""
    path = path or config_path()
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings(), path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        return LoadedSettings(Settings(), path, _using_defaults(path, f"{reason}."))
    try:
        return LoadedSettings(parse_settings(text), path)
    except SettingsError as exc:
        return LoadedSettings(Settings(), path, _using_defaults(path, str(exc)))


def _using_defaults(path: Path, reason: str) -> str:
    return f"Settings file {path}: {reason} Using the default settings."


def parse_settings(text: str) -> Settings:
    """Settings from TOML text; raises :class:`SettingsError` for the first
    problem (syntax, unknown key, wrong type or value)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message already ends "(at line 3, column 7)".
        raise SettingsError(f"not valid TOML: {exc}.") from None
    values: dict[str, Any] = {}
    for key, value in raw.items():
        check = _CHECKS.get(key)
        where = _line_of(text, key)
        if check is None:
            known = ", ".join(_CHECKS)
            raise SettingsError(f"unknown key `{key}`{where}; known keys: {known}.")
        try:
            values[key] = check(value)
        except SettingsError as exc:
            raise SettingsError(f"`{key}`{where} {exc}") from None
    return Settings(**values)


def _line_of(text: str, key: str) -> str:
    """The " (line N)" where ``key`` is set or its table starts, or ""."""
    name = re.escape(key)
    pattern = re.compile(rf"^\s*(?:\[\s*)?[\"']?{name}[\"']?\s*(?:=|\])", re.M)
    m = pattern.search(text)
    return f" (line {text.count(chr(10), 0, m.start()) + 1})" if m else ""


def _type_name(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"must be a string, not {_type_name(value)}.")
    return value


def _theme(value: object) -> str:
    text = _string(value).strip()
    if not text:
        raise SettingsError("is empty; remove it for the default theme.")
    return text


def _keymap(value: object) -> Mapping[str, str]:
    if not isinstance(value, dict):
        raise SettingsError(
            f'must be a table of binding id = "keys", not {_type_name(value)}; '
            'e.g. [keymap] then "main.goto" = "ctrl+g".'
        )
    keymap: dict[str, str] = {}
    for binding_id, keys in value.items():
        if not isinstance(keys, str) or not keys.strip():
            raise SettingsError(
                f'entry "{binding_id}" must be keys in a string, e.g. "ctrl+g" '
                'or "ctrl+g,colon".'
            )
        keymap[binding_id] = keys.strip()
    return MappingProxyType(keymap)


def _db(value: object) -> Path | PgLocation:
    text = _string(value).strip()
    if not text:
        raise SettingsError("is empty; remove it for the default timeline.")
    try:
        return location_of(text)
    except DatelineError as exc:
        raise SettingsError(str(exc)) from None


def _date_order(value: object) -> DateOrder:
    text = _string(value).strip().upper()
    if text not in get_args(DateOrder):
        raise SettingsError(
            f'must be "DMY" (25/12/2025) or "MDY" (12/25/2025), not "{value}".'
        )
    return cast(DateOrder, text)


def _prefer(value: object) -> Prefer:
    text = _string(value).strip().lower()
    if text not in get_args(Prefer):
        raise SettingsError(f'must be "past", "future" or "auto", not "{value}".')
    return cast(Prefer, text)


def _languages(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise SettingsError(
            f'must be a list of language codes, e.g. ["en", "es"], not '
            f"{_type_name(value)}."
        )
    for code in value:
        if not isinstance(code, str) or not _LANGUAGE.fullmatch(code):
            raise SettingsError(
                f'has "{code}", which is not a language code like "en" or "pt-BR".'
            )
    return tuple(dict.fromkeys(value))


def _zone(value: object) -> str:
    try:
        return canonical_zone(_string(value))
    except ZoneError as exc:
        raise SettingsError(f"must be a time zone: {exc}") from None


def display_zone(settings: Settings) -> str:
    """The zone times are shown in: the setting, else ``$TZ``, else the
    machine's own."""
    return settings.zone or local_zone()


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(f"must be true or false, not {_type_name(value)}.")
    return value


#: Each key the file may hold, with the check that turns it into a value.
_CHECKS: dict[str, Callable[[object], Any]] = {
    "theme": _theme,
    "keymap": _keymap,
    "db": _db,
    "author": _string,
    "date_order": _date_order,
    "prefer": _prefer,
    "languages": _languages,
    "overview": _flag,
    "zone": _zone,
}

KEYS = tuple(_CHECKS)


def save_setting(
    key: str, value: str | list[str] | bool, path: Path | None = None
) -> Path:
    """Set one top-level key in the file, creating file and folder on first
    use; the rest of the file (comments, order) is kept as written. Raises
    :class:`SettingsError` rather than overwrite a file that is not TOML."""
    import tomlkit

    if key not in _CHECKS:
        raise ValueError(f"unknown settings key {key!r}")
    _CHECKS[key](value)
    path = path or config_path()
    try:
        document = tomlkit.parse(path.read_text("utf-8"))
    except tomlkit.exceptions.ParseError as exc:
        # Never overwrite a file the user is in the middle of editing.
        raise SettingsError(
            f"Settings file {path} is not valid TOML ({exc}); {key} was not saved."
        ) from None
    except FileNotFoundError:
        document = tomlkit.document()
        document.add(tomlkit.comment("dateline settings; every key is in README."))
    document[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(path, tomlkit.dumps(document).encode("utf-8"))
    except OSError as exc:
        raise SettingsError(
            f"Could not write settings file {path} ({exc.strerror}); "
            f"{key} was not saved."
        ) from None
    return path
