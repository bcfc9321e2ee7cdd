"""`dateline list --from/--to/--actor` on a shared timeline answers the
dates and actors in SQL, on the indexes, and prints what the file store
prints for the same records."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest
from dateline.store.changes.copying import copy_into
from dateline.store.postgres import parse_location
from dateline.store.query import EventFilter
from dateline.store.timeline import Timeline, TransactionError
from dateline.tui.cli import main

from tests.benchmarks.synth import build


@pytest.fixture(scope="module")
def stores(
    tmp_path_factory: pytest.TempPathFactory, pg_server: str
) -> tuple[Path, str]:
    path = build(tmp_path_factory.mktemp("listing") / "t.json", 1200, seed=3)
    url = f"{pg_server}?timeline=listing"
    with (
        Timeline.open(path) as source,
        Timeline.open(parse_location(url)) as target,
    ):
        if not len(target):
            copy_into(source, target)
    return path, url


def _listed(db: str, args: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict]:
    assert main(["--db", db, "list", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "flags",
    [
        ["--from", "2015-01-01", "--to", "2015-12-31"],
        ["--from", "2020-06-01"],
        ["--to", "2008-01-01"],
        ["ACTOR"],
        ["ACTOR", "--from", "2010-01-01", "--to", "2016-12-31"],
        ["ACTOR", "SECOND", "--any", "--from", "2012-01-01"],
        ["--tag", "oil", "--from", "2011-01-01"],
    ],
)
def test_shared_listing_prints_what_the_file_prints(
    stores: tuple[Path, str], flags: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, url = stores
    with Timeline.open(path) as timeline:
        ranked = sorted(
            timeline.actors(), key=lambda a: -timeline.actor_event_count(a.id)
        )
    names = {"ACTOR": ranked[0].name, "SECOND": ranked[1].name}
    args: list[str] = []
    for flag in flags:
        args += ["--actor", names[flag]] if flag in names else [flag]
    from_file = _listed(str(path), args, capsys)
    assert from_file, "the case must list something to compare"
    assert _listed(url, args, capsys) == from_file


def test_a_narrowed_listing_reads_only_the_events_it_can_show(
    stores: tuple[Path, str],
) -> None:
    _, url = stores
    where = parse_location(url)

    def narrow(timeline: Timeline) -> EventFilter:
        from datetime import date

        return EventFilter(start=date(2015, 1, 1), end=date(2015, 12, 31))

    timeline, flt, total = Timeline.open_narrowed(where, narrow)
    shown = timeline.events(flt)
    assert total == 1200
    # Read: the events of 2015 only, not the 1,200.
    assert len(timeline.events_by_id) == len(shown) < total
    with pytest.raises(TransactionError, match="opened for listing"), timeline.change():
        pass
    timeline.close()


def test_the_listing_queries_can_use_the_indexes(pg_server: str) -> None:
    """With sequential scans priced out, the planner answers the date and
    actor conditions from the GiST and GIN indexes (at this size it would
    rather scan, so the cost setting shows what is possible, not chosen)."""
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute("ANALYZE dateline_records")
        conn.execute("SET enable_seqscan = off")
        for condition, index in (
            (
                "kind = 'events' AND "
                "during && daterange('2015-01-01', '2015-12-31', '[]')",
                "dateline_records_during",
            ),
            (
                "kind = 'events' AND actor_ids @> ARRAY['ac-x']",
                "dateline_records_actors",
            ),
            (
                "kind = 'quotes' AND doc ->> 'event' = 'ev-x'",
                "dateline_records_quote_event",
            ),
        ):
            plan = "\n".join(
                row[0]
                for row in conn.execute(
                    "EXPLAIN SELECT id FROM dateline_records "
                    f"WHERE timeline = 'listing' AND {condition}"
                )
            )
            assert index in plan, plan
