"""The import graph of store/ and tui/ has no circle, and the layers stay one-way.

The graph is read from the sources with ``ast``, not from ``sys.modules``, so
every import statement counts: a function-level one that only runs on a key
press and a ``TYPE_CHECKING`` one that never runs at all still tie two modules
together for a reader and for mypy.

A package's face (its ``__init__``) may import its submodules; importing
``a.b.c`` is not counted as importing the faces ``a`` and ``a.b`` on the way,
or every face would sit in a circle with its own submodules. A submodule that
imports its own package's face does close a circle, and the test finds it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping, Set
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Source folder -> the package it installs as (pyproject's package-dir).
PACKAGE_DIRS = {
    "store": "dateline.store",
    "tui": "dateline.tui",
    "tui/root": "dateline",
}

Graph = Mapping[str, Set[str]]


def module_files(root: Path) -> dict[str, Path]:
    """Every module under store/ and tui/, by the name it is imported as."""
    modules: dict[str, Path] = {}
    for folder, package in PACKAGE_DIRS.items():
        base = root / folder
        for path in sorted(base.rglob("*.py")):
            parts = path.relative_to(base).with_suffix("").parts
            # tui/root is its own package (`dateline`), not `dateline.tui.root`.
            if folder == "tui" and parts[0] == "root":
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join((package, *parts))] = path
    return modules


def imported_names(module: str, path: Path, known: Set[str]) -> Iterator[str]:
    """What ``module`` imports, as dotted names: ``from pkg import name`` is
    ``pkg.name`` when that is a module, else ``pkg``."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                # A package's `.` is itself; a plain module's `.` is its parent.
                anchor = module.split(".")
                drop = node.level - 1 if is_package else node.level
                anchor = anchor[: len(anchor) - drop]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield full if full in known else base


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of store/ and tui/ it imports."""
    files = module_files(root)
    known = set(files)
    return {
        module: {name for name in imported_names(module, path, known) if name in known}
        for module, path in files.items()
    }


def find_cycle(graph: Graph) -> list[str] | None:
    """One circle in ``graph`` as a path that ends where it starts, or None."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        # An explicit stack: the path from `start` to the node being walked.
        path = [start]
        on_path = {start}
        branches = [iter(sorted(graph[start]))]
        while branches:
            following = next(branches[-1], None)
            if following is None:
                branches.pop()
                done.add(path[-1])
                on_path.discard(path.pop())
            elif following in on_path:
                return [*path[path.index(following) :], following]
            elif following not in done:
                path.append(following)
                on_path.add(following)
                branches.append(iter(sorted(graph.get(following, ()))))
    return None


# -- the project --------------------------------------------------------------


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(ROOT)


def test_the_graph_covers_both_packages(graph: dict[str, set[str]]) -> None:
    # A graph that lost its modules or edges would pass the circle test.
    assert "dateline" in graph
    assert "dateline.store.timeline" in graph
    assert "dateline.tui.screens.main.screen" in graph
    assert "dateline.store.model" in graph["dateline.store.timeline"]
    assert "dateline.tui.screens.main.screen" in graph["dateline.tui.app"]


def test_no_import_circle_in_store_or_tui(graph: dict[str, set[str]]) -> None:
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " -> ".join(cycle or ())


def test_store_never_imports_the_terminal_side() -> None:
    files = module_files(ROOT)
    known = set(files)
    wrong = [
        f"{module} imports {name}"
        for module, path in files.items()
        if module.startswith("dateline.store")
        for name in imported_names(module, path, known)
        if name == "dateline.tui" or name.startswith("dateline.tui.")
    ]
    assert wrong == []


def test_no_module_imports_a_face_above_it(graph: dict[str, set[str]]) -> None:
    # The face re-exports its submodules, so a submodule importing it is a
    # circle waiting for the next re-export. The root package `dateline` only
    # holds the version and re-exports nothing, so reading it is fine.
    wrong = [
        f"{module} imports {name}"
        for module, names in graph.items()
        for name in names
        if module.startswith(name + ".") and name != "dateline"
    ]
    assert wrong == []
    assert graph["dateline"] == set(), "the root package must stay a leaf"


# -- the checker itself -------------------------------------------------------


def test_find_cycle_reports_the_circle_it_finds() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"b", "d"}, "d": set()}
    assert find_cycle(graph) == ["b", "c", "b"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"a"}}) == ["a", "a"]


def write(root: Path, relative: str, text: str = "") -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_every_kind_of_import_is_an_edge(tmp_path: Path) -> None:
    write(tmp_path, "tui/root/__init__.py")
    write(tmp_path, "tui/__init__.py")
    write(tmp_path, "store/__init__.py", "from dateline.store.model import Event\n")
    write(tmp_path, "store/model.py")
    write(tmp_path, "store/dates/__init__.py", "from .parse import parse\n")
    write(tmp_path, "store/dates/parse.py", "from .. import model\n")
    write(
        tmp_path,
        "tui/screen.py",
        "from typing import TYPE_CHECKING\n"
        "from dateline.store import dates, Event\n"
        "if TYPE_CHECKING:\n"
        "    from dateline.tui.app import App\n"
        "def later():\n"
        "    import dateline.store.model\n",
    )
    write(tmp_path, "tui/app.py", "from . import screen\n")
    graph = import_graph(tmp_path)
    assert graph["dateline.store.dates"] == {"dateline.store.dates.parse"}
    assert graph["dateline.store.dates.parse"] == {"dateline.store.model"}
    # `dates` is a module (an edge to it); `Event` is a name (an edge to the face).
    assert graph["dateline.tui.screen"] == {
        "dateline.store.dates",
        "dateline.store",
        "dateline.tui.app",
        "dateline.store.model",
    }
    assert graph["dateline.tui.app"] == {"dateline.tui.screen"}
    assert find_cycle(graph) == [
        "dateline.tui.app",
        "dateline.tui.screen",
        "dateline.tui.app",
    ]


def test_a_submodule_importing_its_face_is_a_circle(tmp_path: Path) -> None:
    write(tmp_path, "tui/root/__init__.py")
    write(tmp_path, "tui/__init__.py")
    write(tmp_path, "store/__init__.py", "from dateline.store.timeline import T\n")
    write(tmp_path, "store/timeline.py", "from dateline.store import errors\n")
    write(tmp_path, "store/errors.py")
    # `errors` is a module, so that line alone is fine...
    assert find_cycle(import_graph(tmp_path)) is None
    # ...but a name from the face goes through the face and back.
    write(tmp_path, "store/timeline.py", "from dateline.store import Event\n")
    assert find_cycle(import_graph(tmp_path)) == [
        "dateline.store",
        "dateline.store.timeline",
        "dateline.store",
    ]
