"""A package face whose names are imported on first use (PEP 562).

Every ``dateline.store.X`` import runs ``dateline.store``'s face first, so a
face that imported everything would make `dateline --help` and `dateline
dates` load TinyDB and msgspec, which only an open timeline needs. A face
lists where each public name lives and hands ``__getattr__``/``__dir__`` over
to :func:`lazy_face`; type checkers read the same names from a
``TYPE_CHECKING`` block beside it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_face(
    namespace: dict[str, Any], homes: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for the module whose globals are
    ``namespace``; ``homes`` maps each public name to its module."""
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value  # found directly from now on
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes})

    return __getattr__, __dir__
