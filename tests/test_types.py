"""mypy over both packages is part of the suite: types are a gate.

The sources live in store/ and tui/ but import each other as ``dateline.*``
(pyproject's package-dir). mypy cannot follow setuptools' editable import
hook, and an installed wheel has no py.typed, so checking ``store tui`` in
place would see every ``dateline.*`` import as Any. The test lays out the
import root as links in a temp folder and checks that, so every cross-module
call is really checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_root(folder: Path) -> Path:
    """``folder/dateline`` laid out as the wheel installs it, as links."""
    package = folder / "dateline"
    package.mkdir()
    for name in ("store", "tui", "fixtures"):
        (package / name).symlink_to(ROOT / name, target_is_directory=True)
    for name in ("__init__.py", "__main__.py"):
        (package / name).symlink_to(ROOT / "tui" / "root" / name)
    return package


def test_mypy_is_clean_over_store_and_tui(tmp_path: Path) -> None:
    import_root(tmp_path)
    env = {**os.environ, "MYPY_CACHE_DIR": str(tmp_path / ".mypy_cache")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "-p",
            "dateline",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_gate_really_sees_across_modules(tmp_path: Path) -> None:
    # A wrong call across packages must fail, or the gate above proves nothing.
    import_root(tmp_path)
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from dateline.store import parse_date\nparse_date(1, 2, 3)\n", "utf-8"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(probe),
        ],
        cwd=tmp_path,
        env={**os.environ, "MYPY_CACHE_DIR": str(tmp_path / ".mypy_cache")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout
    assert "parse_date" in result.stdout
