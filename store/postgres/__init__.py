"""A timeline shared on PostgreSQL: many editors on one story, live.

The TinyDB file stays the embedded default; this is the shared store. It
keeps the file store's contract (one change = one committed transaction,
stale edits refused, other writers' changes caught up), so ``Timeline``
works on either. The driver, psycopg 3, is the optional extra
``dateline[postgres]`` and is imported only when a PostgreSQL URL is opened.
"""

from dateline.store.postgres.location import (
    PgLocation,
    is_pg_url,
    location_of,
    parse_location,
)

__all__ = ["PgLocation", "is_pg_url", "location_of", "parse_location"]
