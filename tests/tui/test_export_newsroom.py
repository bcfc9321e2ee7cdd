"""The export screen offers the newsroom formats, and keeps name and format
in step for their two-part endings (``.sheet.csv``, ``.timesketch.csv``)."""

from __future__ import annotations

from pathlib import Path

from dateline.store.timeline import Timeline
from dateline.tui.screens.export import ExportScreen
from textual.widgets import Input, Select

from tests.tui.form_host import FormHost
from tests.tui.test_export_screen import SIZE, set_path
from tests.tui.waits import settle


async def test_two_part_endings_follow_the_format_and_back(
    demo: Timeline, tmp_path: Path
) -> None:
    app = FormHost(ExportScreen(demo, demo.events()))
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#export-path", Input)
        select = app.screen.query_one("#export-format", Select)
        await set_path(pilot, str(tmp_path / "story.sheet.cs"))
        await pilot.press("end", "v")
        assert select.value == "timelinejs-sheet"
        select.value = "timesketch"
        await pilot.pause()
        assert field.value == str(tmp_path / "story.timesketch.csv")
        select.value = "timesketch-jsonl"
        await pilot.pause()
        assert field.value == str(tmp_path / "story.jsonl")
        select.value = "csv"
        await pilot.pause()
        assert field.value == str(tmp_path / "story.csv")
        # A plain ".csv" may hold a Timesketch CSV: the choice is kept.
        select.value = "timesketch"
        await pilot.pause()
        assert field.value == str(tmp_path / "story.csv")
        await pilot.press("end", "backspace", "v")
        assert select.value == "timesketch"
        await pilot.press("enter")
        await settle(pilot)
    assert app.result == f"Exported 8 events to {tmp_path / 'story.csv'}"
    header = (tmp_path / "story.csv").read_text("utf-8").partition("\n")[0]
    assert header.startswith("message,datetime,timestamp,timestamp_desc,")
