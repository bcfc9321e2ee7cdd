"""The evidence from the shell (issue 17): ``list --disputed``,
``--verification``, ``--as-of`` and ``verify``, over articles ingested
through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dateline.store.model import touched
from dateline.store.timeline import Timeline

from tests.cli.test_cli_records import run

ARTICLES = Path(__file__).resolve().parents[1] / "claims_articles"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "t.json"
    for name in ("afp_call.txt", "k24_call.txt"):
        code, _, err = run(
            capsys, "--db", str(path), "ingest", str(ARTICLES / name), "--yes"
        )
        assert code == 0, err
    return path


def listed(capsys: pytest.CaptureFixture[str], db: Path, *flags: str) -> list[dict]:  # type: ignore[type-arg]
    code, out, err = run(capsys, "--db", str(db), "list", "--format", "json", *flags)
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def the_call(capsys: pytest.CaptureFixture[str], db: Path) -> dict:  # type: ignore[type-arg]
    (call,) = listed(capsys, db, "--disputed")
    return call


def test_disputed_lists_the_call_with_both_claims(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(listed(capsys, db)) == 2  # the call, and February's meeting
    call = the_call(capsys, db)
    assert call["verification"] == "unverified"
    claims = [
        {k: c[k] for k in ("outlet", "text", "start", "end", "precision")}
        for c in call["claims"]
    ]
    assert claims == [
        {
            "outlet": "AFP",
            "text": "on Wednesday",
            "start": "2026-01-07",
            "end": "2026-01-07",
            "precision": "day",
        },
        {
            "outlet": "Kurdistan24",
            "text": "on Thursday",
            "start": "2026-01-08",
            "end": "2026-01-08",
            "precision": "day",
        },
    ]
    assert all(c["source"].startswith("so-") and c["span"] for c in call["claims"])
    code, out, _ = run(capsys, "--db", str(db), "list", "--disputed")
    assert code == 0 and "Wed 7 Jan 2026  !  U.S. President" in out
    assert "would meet" not in out


def test_as_of_shows_only_what_was_known(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (call,) = listed(capsys, db, "--as-of", "2026-01-09")
    assert [c["text"] for c in call["claims"]] == ["on Wednesday"]
    assert listed(capsys, db, "--as-of", "9 Jan 2026", "--disputed") == []
    assert listed(capsys, db, "--as-of", "2026-01-07") == []
    assert len(listed(capsys, db, "--as-of", "2026-01-10")) == 2
    # A hand-made event is known from the day it was made (today, here).
    code, _, err = run(
        capsys, "--db", str(db), "add", "--date", "2026-01-05", "--title", "By hand"
    )
    assert code == 0, err
    assert "By hand" not in [
        e["title"] for e in listed(capsys, db, "--as-of", "2026-01-09")
    ]
    assert "By hand" in [e["title"] for e in listed(capsys, db, "--as-of", "today")]
    code, _, err = run(capsys, "--db", str(db), "list", "--as-of", "January 2026")
    assert code != 0 and "--as-of" in err and "not one day" in err
    assert "Traceback" not in err


def test_verify_sets_the_status_and_says_what_the_claims_propose(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call = the_call(capsys, db)
    code, out, err = run(
        capsys, "--db", str(db), "verify", call["id"], "confirmed", "--format", "json"
    )
    assert code == 0, err
    record = json.loads(out)
    assert record["verification"] == "confirmed"
    assert record["proposed"]["verification"] == "disputed"
    assert [e["id"] for e in listed(capsys, db, "--verification", "confirmed")] == [
        call["id"]
    ]
    assert listed(capsys, db, "--verification", "false") == []
    code, out, _ = run(capsys, "--db", str(db), "verify", call["id"], "false")
    assert code == 0 and "is now false" in out and "propose disputed" in out
    with pytest.raises(SystemExit) as refused:
        run(capsys, "--db", str(db), "verify", call["id"], "maybe")
    assert refused.value.code == 2
    assert "invalid choice: 'maybe'" in capsys.readouterr().err
    code, _, err = run(capsys, "--db", str(db), "verify", "ev-nothere", "false")
    assert code != 0 and "No event with id 'ev-nothere'" in err


def test_a_stale_verify_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call = the_call(capsys, db)
    code, out, _ = run(capsys, "--db", str(db), "show", call["id"], "--format", "json")
    version = json.loads(out)["version"]
    with Timeline.open(db) as other, other.change() as tx:
        event = other.event(call["id"])
        tx.update(event, touched(event, title="Trump and Petro spoke (corrected)"))
    code, _, err = run(
        capsys, "--db", str(db), "verify", call["id"], "confirmed", "--expect", version
    )
    assert code != 0 and "was changed" in err and "nothing was saved" in err
    assert "Traceback" not in err
    with Timeline.open(db) as timeline:
        assert timeline.event(call["id"]).verification == "unverified"


def test_a_relayed_report_counts_once_and_a_second_outlet_confirms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "relay.json"

    def ingested(name: str, *flags: str) -> None:
        argv = ("--db", str(db), "ingest", str(ARTICLES / name), "--yes", *flags)
        code, _, err = run(capsys, *argv)
        assert code == 0, err

    ingested("afp_call.txt")
    ingested("k24_relay.txt", "--via", "AFP")
    (call,) = listed(capsys, db)
    assert len(call["claims"]) == 2 and call["verification"] == "unverified"
    code, out, _ = run(capsys, "--db", str(db), "verify", call["id"], "unverified")
    assert code == 0 and "propose" not in out  # one voice: nothing to propose
    ingested("reuters_call.txt")
    (call,) = listed(capsys, db)
    assert len(call["claims"]) == 3
    code, out, _ = run(
        capsys, "--db", str(db), "verify", call["id"], "unverified", "--format", "json"
    )
    assert json.loads(out)["proposed"] == {
        "verification": "confirmed",
        "reason": "2 independent sources agree on the date",
    }


def test_verify_prints_a_hostile_title_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hostile.json"
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "add",
        "--date",
        "2026-01-07",
        "--title",
        "\x1b[2JWiper",
    )
    assert code == 0, err
    event_id = out.split()[0]
    code, out, _ = run(capsys, "--db", str(db), "verify", event_id, "false")
    assert code == 0 and "\x1b" not in out and "is now false" in out


def test_not_disputed_leaves_the_call_out(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call = the_call(capsys, db)
    rest = listed(capsys, db, "--not-disputed")
    assert len(rest) == len(listed(capsys, db)) - 1
    assert call["id"] not in {e["id"] for e in rest}
    assert listed(capsys, db, "--not-disputed", "--disputed") == []


def test_not_disputed_as_of_follows_the_claims_known_then(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call = the_call(capsys, db)
    # On 9 Jan only AFP's story was out: the call was not disputed yet.
    then = listed(capsys, db, "--as-of", "2026-01-09", "--not-disputed")
    assert [e["id"] for e in then] == [call["id"]]
    assert call["id"] not in {e["id"] for e in listed(capsys, db, "--not-disputed")}
