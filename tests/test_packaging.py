"""The layer boundary and the package list, checked where they can break."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """The wheel built from a copy of the sources, offline.

    A copy, because setuptools writes build/ and egg-info beside the sources.
    """
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for folder in ("store", "tui", "fixtures"):
        shutil.copytree(ROOT / folder, source / folder, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    built = subprocess.run(
        [
            sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index",
            "--no-build-isolation", "--disable-pip-version-check", "-q",
            "-w", str(work / "dist"), str(source),
        ],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (path,) = (work / "dist").glob("dateline-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


def test_the_wheel_installs_one_import_root_named_dateline(
    wheel: zipfile.ZipFile,
) -> None:
    tops = {name.split("/")[0] for name in wheel.namelist()}
    dist_info = {top for top in tops if top.endswith(".dist-info")}
    # `store` and `tui` are other projects' names on PyPI.
    assert tops - dist_info == {"dateline"}
    assert len(dist_info) == 1
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = {
        name.removesuffix("/__init__.py").replace("/", ".")
        for name in wheel.namelist()
        if name.endswith("/__init__.py")
    }
    assert packages == set(config["tool"]["setuptools"]["packages"])
    (entry_points,) = (n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    scripts = wheel.read(entry_points).decode()
    assert "dateline = dateline.tui.cli:main" in scripts


def test_the_wheel_carries_the_stylesheets_and_the_demo(
    wheel: zipfile.ZipFile,
) -> None:
    names = set(wheel.namelist())
    stylesheets = {
        "dateline/tui/" + path.relative_to(ROOT / "tui").as_posix()
        for path in (ROOT / "tui").rglob("*.tcss")
    }
    assert "dateline/tui/app.tcss" in stylesheets
    assert stylesheets <= names
    assert {
        "dateline/fixtures/seed_timeline.json",
        "dateline/fixtures/seed_article.txt",
    } <= names
    demo = json.loads(wheel.read("dateline/fixtures/seed_timeline.json"))
    assert demo["events"], "the demo timeline is empty"


def test_python_m_dateline_runs_beside_files_named_store_and_tui(
    tmp_path: Path,
) -> None:
    """``python -m`` puts the working folder first on sys.path; a user's own
    store.py or tui.py there must not shadow dateline's packages."""
    for name in ("store.py", "tui.py"):
        (tmp_path / name).write_text("raise SystemExit('the wrong module ran')\n")
    out = subprocess.run(
        [sys.executable, "-m", "dateline", "--help"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage: dateline")


def test_the_command_line_verbs_load_no_terminal_library() -> None:
    # cli/ builds and runs verbs; the explorer (Textual) is imported only when
    # no verb is given, inside launch.run_explorer.
    modules = sorted(
        f"dateline.tui.cli.{path.stem}"
        for path in (ROOT / "tui" / "cli").glob("*.py")
        if path.stem != "__init__"
    )
    code = (
        f"import sys, {', '.join(modules)};"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
