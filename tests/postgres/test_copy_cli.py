"""`dateline copy` between a file, PostgreSQL and a folder export, and back:
the same records, ids, revisions and authors at the end."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from dateline.store.postgres import PgLocation
from dateline.store.timeline import Timeline
from dateline.tui.cli import main


def test_file_to_postgres_to_folder_to_file_keeps_every_record(
    demo_path: Path,
    pg_location: PgLocation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"{pg_location.conninfo}?timeline={pg_location.timeline}"
    folder = str(tmp_path / "story") + os.sep
    back = tmp_path / "back.json"
    assert main(["copy", str(demo_path), url]) == 0
    assert main(["copy", url, folder]) == 0
    assert (tmp_path / "story" / "dateline.json").exists()
    assert main(["copy", folder, str(back)]) == 0
    out = capsys.readouterr().out
    assert out.count("Copied 8 events, 5 actors, 5 quotes, 2 sources") == 3
    with Timeline.open(demo_path) as first, Timeline.open(back) as last:
        assert last.all_docs() == first.all_docs()
    # Into a timeline that holds records: refused, nothing changed.
    assert main(["copy", str(demo_path), url]) == 2
    assert "already holds records" in capsys.readouterr().err
