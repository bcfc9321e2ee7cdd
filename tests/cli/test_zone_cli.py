"""Time zones on the command line (issue 17): `add` keeps the zone, `list`
shows times in the chosen zone and gives the zone in JSON, `--zone` and the
`zone` setting choose it, and what is no zone is refused with nothing saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dateline.store.timeline import Timeline
from dateline.tui.settings import parse_settings

from tests.cli.test_cli_records import run


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "t.json"
    for title, when in (
        ("Washington call", "9 Jan 2026 14:30 EST"),
        ("Paris statement", "9 Jan 2026 15:00 CET"),
        ("Unzoned", "9 Jan 2026 14:00"),
    ):
        code, _out, err = run(
            capsys, "--db", str(path), "add", "--title", title, "--date", when
        )
        assert code == 0, err
    return path


def test_add_says_how_the_zoned_time_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "t.json")
    code, out, _err = run(
        capsys, "--db", path, "--zone", "Europe/Paris", "add", "--title", "Call",
        "--date", "9 Jan 2026 14:30 EST",
    )  # fmt: skip
    assert code == 0
    assert "date: Fri 9 Jan 2026 14:30 EST (20:30 CET) · minute" in out


def test_list_json_gives_the_zone_and_the_utc_instant(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", str(db), "list", "--format", "json")
    assert code == 0
    records = {r["title"]: r for r in json.loads(out)}
    call = records["Washington call"]
    assert (call["start"], call["zone"]) == ("2026-01-09T14:30:00", "EST")
    assert (call["start_utc"], call["end_utc"]) == ("2026-01-09T19:30Z",) * 2
    assert records["Unzoned"]["zone"] is None and "start_utc" not in records["Unzoned"]
    # Listed by the instant: Paris (14:00 UTC) before Washington (19:30 UTC).
    assert [r["title"] for r in json.loads(out)].index("Paris statement") < list(
        records
    ).index("Washington call")


def test_list_shows_times_in_the_zone_asked_for(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _code, out, _err = run(capsys, "--db", str(db), "list", "--zone", "Europe/Paris")
    assert "Fri 9 Jan 2026 20:30 CET" in out and "Fri 9 Jan 2026 15:00 CET" in out
    assert "Fri 9 Jan 2026 14:00 " in out  # a zone-free time stays as written
    # $TZ is the machine's zone when neither --zone nor the setting says one.
    monkeypatch.setenv("TZ", "America/New_York")
    _code, out, _err = run(capsys, "--db", str(db), "list")
    assert "Fri 9 Jan 2026 14:30 EST" in out and "Fri 9 Jan 2026 09:00 EST" in out


def test_the_zone_setting_is_read_and_checked(
    db: Path, capsys: pytest.CaptureFixture[str], config_home: Path
) -> None:
    assert parse_settings('zone = "asia/tokyo"\n').zone == "Asia/Tokyo"
    with pytest.raises(ValueError, match="`zone` \\(line 1\\) must be a time zone"):
        parse_settings('zone = "Mars/Olympus"\n')
    config = config_home / "dateline" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('zone = "Asia/Tokyo"\n', "utf-8")
    _code, out, _err = run(capsys, "--db", str(db), "list")
    assert "Sat 10 Jan 2026 04:30 JST" in out
    # --zone wins over the setting for one run.
    _code, out, _err = run(capsys, "--db", str(db), "list", "--zone", "UTC")
    assert "Fri 9 Jan 2026 19:30 UTC" in out


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("9 Jan 2026 14:30 Mars/Olympus", '"Mars/Olympus" is no time zone'),
        ("9 Jan 2026 14:30 +99:00", "+99:00 is no offset in use"),
        ("9 Jan 2026 14:30 IST", "IST could mean"),
    ],
)
def test_a_hostile_zone_is_refused_and_nothing_saved(
    db: Path, capsys: pytest.CaptureFixture[str], written: str, words: str
) -> None:
    before = db.read_bytes()
    code, out, err = run(
        capsys, "--db", str(db), "add", "--title", "Bad", "--date", written
    )
    assert code == 2 and out == ""
    assert words in err and "Traceback" not in err
    assert db.read_bytes() == before
    assert "Bad" not in [e.title for e in Timeline.open(db).events()]
    # argparse refuses a bad --zone the way it refuses any bad option.
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "--db", str(db), "list", "--zone", "Mars/Olympus")
    assert stopped.value.code == 2
    assert '"Mars/Olympus" is no time zone' in capsys.readouterr().err
