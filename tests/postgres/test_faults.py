"""What the shared store promises when things go wrong: writers racing,
a writer killed mid-transaction, the server going away, a role that may
only read, a newer schema, no driver installed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import psycopg
import pytest
from dateline.store import Event, parse_date
from dateline.store.errors import DatelineError, TimelineFileError
from dateline.store.postgres import PgLocation, parse_location
from dateline.store.timeline import Timeline
from dateline.tui.cli import main

from tests.postgres.cluster import Cluster

ROOT = Path(__file__).resolve().parents[2]
ANCHOR = date(2026, 1, 10)

WRITER = textwrap.dedent(
    """
    import json, sys
    from dataclasses import replace
    from datetime import date
    from dateline.store import Event, parse_date
    from dateline.store.errors import ConflictError
    from dateline.store.postgres import parse_location
    from dateline.store.timeline import Timeline

    url, who, rounds, shared_id, out = sys.argv[1:6]
    timeline = Timeline.open(parse_location(url))
    added, edited, refused = [], [], 0
    for n in range(int(rounds)):
        event = Event(when=parse_date("9 January 2026", anchor=date(2026, 1, 10)),
                      title=f"{who} {n}")
        with timeline.change() as tx:
            tx.put(event)
        added.append(event.id)
        seen = timeline.event(shared_id)
        try:
            with timeline.change() as tx:
                tx.update(seen, replace(seen, title=f"edited by {who} {n}"))
            edited.append(f"edited by {who} {n}")
        except ConflictError:
            refused += 1
    timeline.close()
    json.dump({"added": added, "edited": edited, "refused": refused}, open(out, "w"))
    """
)


def _event(title: str) -> Event:
    return Event(when=parse_date("9 January 2026", anchor=ANCHOR), title=title)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_three_writers_lose_nothing_and_duplicate_nothing(
    pg_location: PgLocation, tmp_path: Path
) -> None:
    url = f"{pg_location.conninfo}?timeline={pg_location.timeline}"
    shared = _event("shared")
    with Timeline.open(pg_location) as first, first.change() as tx:
        tx.put(shared)
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                url,
                who,
                "25",
                shared.id,
                str(tmp_path / who),
            ],
            env=_env(),
        )
        for who in ("ana", "ben", "chi")
    ]
    assert [w.wait(timeout=300) for w in writers] == [0, 0, 0]
    reports = [
        json.loads((tmp_path / who).read_text()) for who in ("ana", "ben", "chi")
    ]
    final = Timeline.open(pg_location)
    added = [i for r in reports for i in r["added"]]
    assert len(added) == 75 == len(set(added))
    assert set(final.events_by_id) == {*added, shared.id}
    edits = [t for r in reports for t in r["edited"]]
    # Every edit either landed or was refused, and the last landed one won.
    assert len(edits) + sum(r["refused"] for r in reports) == 75
    assert final.event(shared.id).title in edits
    with psycopg.connect(pg_location.conninfo) as conn:
        changes = conn.execute(
            "SELECT count(*) FROM dateline_changes WHERE timeline = %s",
            (pg_location.timeline,),
        ).fetchone()
    assert changes is not None and changes[0] == 1 + 75 + len(edits)
    final.close()


KILLED = textwrap.dedent(
    """
    import sys
    from datetime import date
    from dateline.store import Event, parse_date
    from dateline.store.postgres import parse_location
    from dateline.store.timeline import Timeline

    timeline = Timeline.open(parse_location(sys.argv[1]))
    when = parse_date("9 January 2026", anchor=date(2026, 1, 10))
    with timeline.change() as tx:
        tx.put(*(Event(when=when, title=f"bulk {n}") for n in range(60000)))
    """
)


def test_a_writer_killed_mid_transaction_leaves_nothing_half_written(
    pg_location: PgLocation,
) -> None:
    url = f"{pg_location.conninfo}?timeline={pg_location.timeline}"
    with Timeline.open(pg_location) as first, first.change() as tx:
        tx.put(_event("before"))
    writer = subprocess.Popen([sys.executable, "-c", KILLED, url], env=_env())
    with psycopg.connect(pg_location.conninfo, autocommit=True) as conn:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s "
                "AND xact_start IS NOT NULL AND pid <> pg_backend_pid()",
                (f"dateline:{pg_location.timeline}",),
            ).fetchone()
            if row and row[0]:
                break
            assert writer.poll() is None, "the writer finished before it was killed"
            time.sleep(0.01)
        else:
            pytest.fail("the writer never opened its transaction")
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    after = Timeline.open(pg_location)
    assert [e.title for e in after.events()] == ["before"]
    # The dead client's lock went with its session: the next save goes through.
    with after.change() as tx:
        tx.put(_event("after"))
    assert len(Timeline.open(pg_location)) == 2
    after.close()


def _terminate(location: PgLocation) -> None:
    with psycopg.connect(location.conninfo, autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = %s AND pid <> pg_backend_pid()",
            (f"dateline:{location.timeline}",),
        )


def test_the_server_going_away_is_told_and_then_survived(
    pg_location: PgLocation,
) -> None:
    timeline = Timeline.open(pg_location)
    with timeline.change() as tx:
        tx.put(_event("saved before"))
    shared = timeline.shared
    assert shared is not None
    _terminate(pg_location)
    # The poll notices, says so, and does not raise.
    assert not timeline.changed_outside()
    assert shared.trouble
    # Reconnected on the next look; the save then lands.
    assert not timeline.changed_outside()
    assert shared.trouble == ""
    # Lost mid-save (the lock held, the change about to be written): the
    # save is refused, nothing of it is kept in memory or on the server.
    append = shared.append

    def lose_then_append(*args: object) -> None:
        _terminate(pg_location)
        append(*args)  # type: ignore[arg-type]  # passed through as given

    shared.append = lose_then_append  # type: ignore[method-assign]  # a stand-in
    with (
        pytest.raises(TimelineFileError, match="Lost the connection"),
        timeline.change() as tx,
    ):
        tx.put(_event("lost"))
    shared.append = append  # type: ignore[method-assign]  # put back
    assert "lost" not in {e.title for e in timeline.events()}
    with timeline.change() as tx:
        tx.put(_event("saved after"))
    titles = sorted(e.title for e in Timeline.open(pg_location).events())
    assert titles == ["saved after", "saved before"]
    timeline.close()


def test_a_listening_client_asks_the_server_only_after_a_commit(
    pg_location: PgLocation,
) -> None:
    """LISTEN/NOTIFY: an idle explorer's polls cost the server nothing."""
    a, b = Timeline.open(pg_location), Timeline.open(pg_location)
    shared = b.shared
    assert shared is not None
    shared.listen()
    deadline = time.monotonic() + 10
    while not shared._listening() or shared._heard is None or shared._heard.is_set():
        shared.changed_outside()  # the first look, once the listener is up
        assert time.monotonic() < deadline
        time.sleep(0.05)
    asked = []
    connect = shared._connect
    shared._connect = lambda: asked.append(1) or connect()  # type: ignore[method-assign]  # a spy
    assert not shared.changed_outside() and not shared.changed_outside()
    assert asked == []
    with a.change() as tx:
        tx.put(_event("news"))
    while not shared.changed_outside():
        assert time.monotonic() < deadline, "the commit was never heard"
        time.sleep(0.05)
    assert asked, "a notification leads to one look at the server"
    assert b.refresh() and [e.title for e in b.events()] == ["news"]
    a.close()
    b.close()


def test_a_server_restart_between_saves_is_not_even_noticed(
    pg_location: PgLocation, pg_cluster: Cluster
) -> None:
    timeline = Timeline.open(pg_location)
    with timeline.change() as tx:
        tx.put(_event("before the restart"))
    if not pg_cluster.restart():
        # A server the tests were pointed at is not theirs to restart: the
        # same dead connection, made by ending this client's session.
        _terminate(pg_location)
    # The save finds its connection dead before writing, takes a new one,
    # and lands.
    with timeline.change() as tx:
        tx.put(_event("after the restart"))
    titles = sorted(e.title for e in Timeline.open(pg_location).events())
    assert titles == ["after the restart", "before the restart"]
    timeline.close()


def test_a_read_only_role_browses_but_every_change_is_refused(
    pg_location: PgLocation, pg_server: str, tmp_path: Path
) -> None:
    with Timeline.open(pg_location) as owner, owner.change() as tx:
        tx.put(_event("public record"))
    with psycopg.connect(pg_location.conninfo, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS dateline_reader")
        conn.execute("CREATE ROLE dateline_reader LOGIN")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO dateline_reader")
    server = pg_server.replace(
        "postgresql://postgres@", "postgresql://dateline_reader@"
    )
    reader_url = f"{server}?timeline={pg_location.timeline}"
    reader = Timeline.open(parse_location(reader_url))
    assert [e.title for e in reader.events()] == ["public record"]
    refused = pytest.raises(TimelineFileError, match=r"may read .* but not change it")
    with refused, reader.change() as tx:
        tx.put(_event("vandalism"))
    # Browsing and exporting are reading: they work.
    out = tmp_path / "export.json"
    assert main(["--db", reader_url, "export", str(out)]) == 0
    assert "public record" in out.read_text()
    assert main(["--db", reader_url, "list"]) == 0
    assert len(Timeline.open(pg_location)) == 1
    reader.close()


def test_a_newer_schema_is_refused_untouched(pg_server: str) -> None:
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS dateline_future")
        conn.execute("CREATE DATABASE dateline_future")
    future = pg_server.rsplit("/", 1)[0] + "/dateline_future"
    Timeline.open(parse_location(future)).close()
    with psycopg.connect(future, autocommit=True) as conn:
        conn.execute("UPDATE dateline_meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(TimelineFileError, match="newer dateline"):
        Timeline.open(parse_location(future))
    with psycopg.connect(future, autocommit=True) as conn:
        row = conn.execute(
            "SELECT value FROM dateline_meta WHERE key = 'schema'"
        ).fetchone()
    assert row is not None and row[0] == 99


def test_without_the_driver_the_message_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from dateline.tui.cli import main\n"
        "sys.exit(main(['--db', 'postgresql://me@localhost/news', 'list']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=_env(), capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "pip install 'dateline[postgres]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_passwords_are_never_shown() -> None:
    where = parse_location("postgresql://ana:s3cret@db.example/news?timeline=vote")
    assert "s3cret" not in str(where) and "***" in str(where)
    assert where.timeline == "vote" and "timeline" not in where.conninfo
    with pytest.raises(DatelineError, match="not a usable timeline name"):
        parse_location("postgresql://db.example/news?timeline=a;b")
