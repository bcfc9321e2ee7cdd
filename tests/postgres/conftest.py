"""The PostgreSQL server every test here runs against (never skipped: with
no server given, one is started; see cluster.py)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from dateline.store.postgres import PgLocation, parse_location

from tests.postgres.cluster import Cluster, start


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    cluster = start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_server(pg_cluster: Cluster) -> str:
    return pg_cluster.url


@pytest.fixture
def pg_location(pg_server: str) -> PgLocation:
    """A fresh, empty timeline of its own in the shared test database."""
    sep = "&" if "?" in pg_server else "?"
    return parse_location(f"{pg_server}{sep}timeline=t{secrets.token_hex(6)}")
