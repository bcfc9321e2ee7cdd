"""The export screen (key `x` in the explorer), driven by keys on a tiny host."""

from __future__ import annotations

import csv
from pathlib import Path

from dateline.store.timeline import Timeline
from dateline.tui.screens.export import ExportScreen
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from tests.tui.form_host import PENDING, FormHost
from tests.tui.waits import settle

SIZE = (100, 30)


async def set_path(pilot: Pilot[None], text: str) -> None:
    """Put ``text`` in the path field at once: typing a temporary folder's
    long path key by key only makes the test slow."""
    field = pilot.app.screen.query_one("#export-path", Input)
    field.focus()
    field.value = text
    await pilot.pause()


def error_of(app: FormHost) -> str:
    line = app.screen.query_one("#export-error", Static)
    return str(line.render()) if line.has_class("-shown") else ""


async def test_exports_exactly_the_events_in_view(
    demo: Timeline, tmp_path: Path
) -> None:
    in_view = [e for e in demo.events() if e.status == "expected"]
    app = FormHost(ExportScreen(demo, in_view))
    target = tmp_path / "view.csv"
    async with app.run_test(size=SIZE) as pilot:
        await set_path(pilot, str(target))
        assert app.screen.query_one("#export-format", Select).value == "csv"
        await pilot.press("enter")
        await settle(pilot)
    assert app.result == f"Exported 2 events to {target}"
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [e.id for e in in_view]


async def test_format_follows_the_name_and_the_name_follows_the_format(
    demo: Timeline, tmp_path: Path
) -> None:
    app = FormHost(ExportScreen(demo, demo.events()))
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#export-path", Input)
        select = app.screen.query_one("#export-format", Select)
        assert (field.value, select.value) == ("demo-timeline-export.md", "md")
        await set_path(pilot, str(tmp_path / "cal"))
        # Typed, not set: the format follows the name key by key.
        await pilot.press("end", *".ic")
        assert select.value == "md"  # no known suffix yet: the choice stays
        await pilot.press("s")
        assert select.value == "ics"
        select.value = "timelinejs"
        await pilot.pause()
        assert field.value == str(tmp_path / "cal.timeline.json")
        select.value = "json"
        await pilot.pause()
        assert field.value == str(tmp_path / "cal.json")
        await pilot.press("enter")
        await settle(pilot)
    assert app.result == f"Exported 8 events to {tmp_path / 'cal.json'}"
    # Every event in view is the whole timeline: the lossless export has it all.
    fresh = Timeline.open(tmp_path / "fresh.json")
    from dateline.store.formats.registry import import_file

    import_file(fresh, tmp_path / "cal.json")
    assert fresh.all_docs() == demo.all_docs()


async def test_an_existing_file_is_replaced_only_on_a_second_enter(
    demo: Timeline, tmp_path: Path
) -> None:
    target = tmp_path / "report.md"
    target.write_text("my notes\n", encoding="utf-8")
    app = FormHost(ExportScreen(demo, demo.events()[:1]))
    async with app.run_test(size=SIZE) as pilot:
        await set_path(pilot, str(target))
        await pilot.press("enter")
        await settle(pilot)
        assert error_of(app) == f"{target} exists. Press enter again to replace it."
        assert target.read_text(encoding="utf-8") == "my notes\n"
        assert app.result is PENDING
        await pilot.press("enter")
        await settle(pilot)
    assert app.result == f"Exported 1 event to {target}"
    assert target.read_text(encoding="utf-8").startswith("# demo-timeline\n")


async def test_errors_show_in_the_form_which_stays_open(
    demo: Timeline, demo_path: Path, tmp_path: Path
) -> None:
    app = FormHost(ExportScreen(demo, demo.events()))
    async with app.run_test(size=SIZE) as pilot:
        await set_path(pilot, str(tmp_path / "missing" / "x.md"))
        await pilot.press("enter")
        await settle(pilot)
        assert "the folder" in error_of(app) and "does not exist" in error_of(app)
        await set_path(pilot, "")
        await pilot.press("enter")
        assert error_of(app) == "Type a file name to export to, e.g. timeline.md."
        # The timeline file itself is never an export target.
        await set_path(pilot, str(demo_path))
        await pilot.press("enter")  # exists: warned first
        await pilot.press("enter")
        await settle(pilot)
        assert "is the timeline file itself" in error_of(app)
        assert app.result is PENDING
        assert app.screen.query_one("#export-path", Input).value == str(demo_path)


async def test_escape_cancels(demo: Timeline) -> None:
    app = FormHost(ExportScreen(demo, demo.events()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_another_timeline_is_refused_without_asking(
    demo: Timeline, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    with Timeline.open(other) as timeline:
        timeline.put(*demo.events()[:1])
    before = other.read_bytes()
    app = FormHost(ExportScreen(demo, demo.events()))
    async with app.run_test(size=SIZE) as pilot:
        await set_path(pilot, str(other))
        for _ in range(2):
            await pilot.press("enter")
            await settle(pilot)
            assert "is a dateline timeline" in error_of(app)
        assert app.result is PENDING
    assert other.read_bytes() == before
