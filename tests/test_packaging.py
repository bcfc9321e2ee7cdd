"""The layer boundary and the package list, checked where they can break."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_importing_store_pulls_in_no_terminal_library() -> None:
    code = (
        "import sys, dateline.store, dateline.store.timeline, dateline.store.dates, "
        "dateline.store.changes, dateline.store.disk, dateline.store.ingest, "
        "dateline.store.formats.native, dateline.store.report;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich'));"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_importing_store_does_not_load_dateparser() -> None:
    # dateparser costs ~0.4 s; the explorer warms it after the first paint.
    code = (
        "import sys, dateline.store, dateline.store.ingest;"
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_store_sources_never_mention_textual_or_rich() -> None:
    for path in (ROOT / "store").rglob("*.py"):
        text = path.read_text()
        assert "import textual" not in text and "from textual" not in text, path
        assert "import rich" not in text and "from rich" not in text, path


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(("dateline", *init.parent.relative_to(ROOT).parts))
        for top in ("store", "tui")
        for init in (ROOT / top).rglob("__init__.py")
    }
    # tui/root/ is the `dateline` package itself (pyproject's package-dir).
    found = {"dateline" if name == "dateline.tui.root" else name for name in found}
    assert found <= listed, f"add to pyproject packages: {sorted(found - listed)}"
