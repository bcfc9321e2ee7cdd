"""Issue 12, item 1 in the explorer: the timeline file moved or deleted while
it is open is noticed, nothing new is started in its place, and what memory
holds is offered back, to the old path or a new one."""

from __future__ import annotations

import asyncio
import os
from datetime import date
from pathlib import Path

from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.widgets.prompt import PromptBar
from textual.widgets import Input

TODAY = date(2026, 1, 10)


def _event(title: str) -> Event:
    day = date(2026, 1, 9)
    return Event(when=FuzzyDate(day, day, "day", "Friday"), title=title)


def _titles(path: Path) -> list[str]:
    return sorted(e.title for e in Timeline.open(path).events())


def _saved(tmp_path: Path) -> Path:
    path = tmp_path / "t.json"
    with Timeline.open(path) as timeline:
        timeline.put(_event("kept"), _event("also kept"))
    return path


async def _write_back_through_the_prompt(path: Path, answer: str | None) -> str:
    """Delete ``path`` under an open explorer, press R, answer the offer
    (None: accept the old path as offered); returns the prompt's error."""
    app = DatelineApp(Timeline.open(path), today=TODAY)
    async with app.run_test() as pilot:
        await pilot.pause()
        os.replace(path, path.with_name("moved-away.json"))
        await pilot.press("R")
        await pilot.pause()
        prompt = app.screen.query_one(PromptBar)
        assert prompt.is_open and prompt.kind == "write-back"
        field = prompt.query_one(Input)
        assert field.value == str(path.resolve())
        if answer is not None:
            field.value = answer
        await pilot.press("enter")
        await pilot.pause()
        error = prompt.error
        # Saving works again, on the file written back.
        if not error:
            app.timeline.put(_event("after"))
    return error


def test_a_deleted_file_is_offered_back_to_its_old_path(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    assert asyncio.run(_write_back_through_the_prompt(path, None)) == ""
    assert _titles(path) == ["after", "also kept", "kept"]


def test_a_moved_file_can_be_written_to_a_new_path(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    fresh = tmp_path / "fresh.json"
    assert asyncio.run(_write_back_through_the_prompt(path, str(fresh))) == ""
    assert _titles(fresh) == ["after", "also kept", "kept"]
    assert not path.exists(), "nothing is started at the old path"


def test_an_existing_file_is_not_overwritten_by_the_offer(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    taken = tmp_path / "taken.json"
    taken.write_text("someone else's")
    error = asyncio.run(_write_back_through_the_prompt(path, str(taken)))
    assert "already exists" in error
    assert taken.read_text() == "someone else's"


def test_a_save_after_the_file_went_offers_it_back(tmp_path: Path) -> None:
    path = _saved(tmp_path)

    async def scenario() -> None:
        app = DatelineApp(Timeline.open(path), today=TODAY)
        async with app.run_test() as pilot:
            await pilot.pause()
            path.unlink()
            await pilot.press("d", "y")  # delete the highlighted event
            await pilot.pause()
            prompt = app.screen.query_one(PromptBar)
            assert prompt.is_open and prompt.kind == "write-back"
            assert len(app.timeline) == 2, "the refused delete changed nothing"
        assert not path.exists()

    asyncio.run(scenario())
