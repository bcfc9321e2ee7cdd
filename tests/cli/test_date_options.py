"""--anchor, --published, --from and --to take dates in words (issue 18), and
an unreadable one is a one-line error naming the option."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateline.store.dates.options import DateOptionError, day_option
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main

ANCHOR = date(2026, 1, 10)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-01-10", date(2026, 1, 10)),
        ("10 Jan 2026", date(2026, 1, 10)),
        ("Fri 9 Jan 2026", date(2026, 1, 9)),
        ("yesterday", date(2026, 1, 9)),
        ("last Saturday", date(2026, 1, 3)),
        ("  2025-12-31 ", date(2025, 12, 31)),
    ],
)
def test_day_option_reads_iso_and_words(text: str, day: date) -> None:
    assert day_option(text, "--anchor", today=ANCHOR) == day


def test_day_option_counts_from_the_real_today_by_default() -> None:
    assert day_option("yesterday", "--anchor") == date.today() - timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("January 2026", "reads as Jan 2026 · month, not one day"),
        ("first week of February", "not one day"),
        ("10/01/2026", "10 Jan 2026 (day first) or 1 Oct 2026 (month first)"),
        ("soonish", "is not a day. It names no day"),
    ],
)
def test_day_option_refuses_what_is_not_one_day(text: str, words: str) -> None:
    with pytest.raises(DateOptionError) as caught:
        day_option(text, "--published", today=ANCHOR)
    message = str(caught.value)
    assert message.startswith(f'--published "{text}"')
    assert words in message
    assert "YYYY-MM-DD" in message and "Q3 2025" not in message


def test_dates_anchor_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "dates", "last Friday", "--anchor", "10 January 2026",
        "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["start"] == "2026-01-09"


def test_anchor_yesterday_is_counted_from_today(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "dates", "today", "--anchor", "yesterday", "--format", "json"
    )
    assert code == 0, err
    yesterday = date.today() - timedelta(days=1)
    assert json.loads(out)["start"] == yesterday.isoformat()


def test_list_from_and_to_in_words(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, out, err = run(
        capsys, "--db", str(demo_path), "list", "--anchor", "Sat 10 Jan 2026",
        "--from", "last Saturday", "--to", "yesterday", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    assert [e["start"] for e in json.loads(out)] == [
        "2026-01-03",
        "2026-01-07",
        "2026-01-09",
    ]


def test_ingest_published_in_words(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("The council met on Tuesday."))
    code, _, err = run(
        capsys, "--db", str(db_path), "ingest", "-", "--published", "yesterday"
    )
    assert code == 0, err
    (source,) = Timeline.open(db_path).sources()
    assert source.published == date.today() - timedelta(days=1)


@pytest.mark.parametrize(
    ("argv", "start"),
    [
        (("dates", "today", "--anchor", "March 2025"), '--anchor "March 2025"'),
        (("list", "--from", "soonish"), '--from: Could not read the date "soonish"'),
        (("list", "--to", "the day after"), "--to: Could not read the date"),
        (
            ("add", "--title", "Call", "--date", "today", "--anchor", "Q1"),
            '--anchor "Q1"',
        ),
        (("ingest", "-", "--published", "next month"), '--published "next month"'),
    ],
)
def test_a_bad_date_option_is_one_line_naming_the_option(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
    start: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("The council met on Tuesday."))
    code, out, err = run(capsys, "--db", str(db_path), *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"dateline: {start}")
    assert len(err.strip().splitlines()) == 1
    assert not db_path.exists() or len(Timeline.open(db_path)) == 0
