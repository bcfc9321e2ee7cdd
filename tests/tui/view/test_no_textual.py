"""tui/view is plain Python: nothing under it imports Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import dateline.tui.view

VIEW = Path(dateline.tui.view.__file__).parent


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_view_module_names_textual() -> None:
    modules = sorted(VIEW.glob("*.py"))
    assert len(modules) > 5
    for path in modules:
        textual = {n for n in imported(path) if n.split(".")[0] == "textual"}
        assert not textual, f"{path.name} imports {textual}"


def test_importing_every_view_module_loads_no_textual() -> None:
    # A fresh interpreter: this test process has Textual loaded already.
    names = [f"dateline.tui.view.{p.stem}" for p in sorted(VIEW.glob("*.py"))]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
