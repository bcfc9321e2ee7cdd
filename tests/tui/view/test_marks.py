"""One set of event marks for the timeline, `dateline list`, review and help."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateline.store.model import Event, FuzzyDate
from dateline.tui.cli.command import main
from dateline.tui.view.marks import event_marks

DAY = date(2026, 1, 9)


def _event(**kwargs: object) -> Event:
    when = FuzzyDate(DAY, DAY, "day", approximate=bool(kwargs.pop("approx", False)))
    return Event(when=when, title="t", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("event", "marks"),
    [
        (_event(), ""),
        (_event(status="expected"), "→"),
        (_event(approx=True), "~"),
        (_event(quotes=("qu-1",)), "“"),
        (_event(origin="extracted", review="pending"), "?"),
        (
            _event(
                status="expected",
                approx=True,
                quotes=("qu-1",),
                origin="extracted",
                review="pending",
            ),
            "→~“?",
        ),
    ],
)
def test_event_marks(event: Event, marks: str) -> None:
    assert event_marks(event) == marks


def test_list_shows_the_explorers_marks(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    assert main(["--db", str(demo_path), "list"]) == 0
    rows = capsys.readouterr().out.splitlines()

    def marks_of(title: str) -> str:
        """The cell between the date and ``title`` (only rows with marks)."""
        row = next(line for line in rows if title in line)
        return row[: row.index(title)].rstrip().rsplit("  ", 1)[-1].strip()

    assert marks_of("Petro to visit the White House") == "→"
    assert marks_of("Trump announces Petro's White House visit") == "“"
    assert marks_of("U.S. briefly suspends visas") == "~"
    assert marks_of("Petro leaves office") == "→~"
