"""The bundled demo timeline: the seed article's events, in a temporary file."""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path

from dateline.store.formats.native import import_native
from dateline.store.timeline import Timeline

GOLD_NAME = "seed_timeline.json"


def gold_text() -> str:
    """The gold timeline shipped as package data (``fixtures/`` in the repo)."""
    return (resources.files("dateline.fixtures") / GOLD_NAME).read_text("utf-8")


def make_demo(folder: Path | None = None) -> Path:
    """Write a fresh copy of the demo timeline and return its path."""
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="dateline-demo-"))
    path = folder / "demo-timeline.json"
    with Timeline.open(path) as timeline:
        import_native(timeline, json.loads(gold_text()), origin=GOLD_NAME)
    return path
