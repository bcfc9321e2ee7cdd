"""The PostgreSQL schema, versioned: run on open, a newer one refused.

Records are JSONB documents keyed by (timeline, kind, id), with typed
columns where queries need them: an event's days as a ``daterange`` (GiST)
and its actor ids as ``text[]`` (GIN). ``dateline_changes`` is the journal:
one row per acknowledged change, each written in one committed transaction
together with the records it touched.
"""

from __future__ import annotations

from typing import Any

from dateline.store.errors import TimelineFileError

#: One list of statements per schema version, applied in order, never edited
#: once released: a change to the schema is a new entry.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE dateline_timelines (
            name text PRIMARY KEY,
            seq bigint NOT NULL DEFAULT 0,
            created timestamptz NOT NULL DEFAULT now(),
            created_by text NOT NULL DEFAULT current_user)""",
        """CREATE TABLE dateline_records (
            timeline text NOT NULL
                REFERENCES dateline_timelines (name) ON DELETE CASCADE,
            kind text NOT NULL,
            id text NOT NULL,
            doc jsonb NOT NULL,
            during daterange,
            actor_ids text[],
            revision bigint NOT NULL,
            updated_by text NOT NULL DEFAULT current_user,
            updated timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (timeline, kind, id))""",
        # Keyed by timeline first: many timelines share one database, and a
        # range or array index alone would wade through all of them.
        # btree_gist and btree_gin (PostgreSQL's contrib, trusted: any role
        # that may create tables may add them) give text a GiST/GIN class.
        "CREATE EXTENSION IF NOT EXISTS btree_gist",
        "CREATE EXTENSION IF NOT EXISTS btree_gin",
        "CREATE INDEX dateline_records_during ON dateline_records "
        "USING gist (timeline, during) WHERE kind = 'events'",
        "CREATE INDEX dateline_records_actors ON dateline_records "
        "USING gin (timeline, actor_ids) WHERE kind = 'events'",
        "CREATE INDEX dateline_records_quote_event ON dateline_records "
        "(timeline, (doc ->> 'event')) WHERE kind = 'quotes'",
        """CREATE TABLE dateline_changes (
            timeline text NOT NULL
                REFERENCES dateline_timelines (name) ON DELETE CASCADE,
            seq bigint NOT NULL,
            at timestamptz NOT NULL DEFAULT now(),
            author text NOT NULL DEFAULT current_user,
            ops jsonb NOT NULL,
            PRIMARY KEY (timeline, seq))""",
    ),
)
SCHEMA = len(MIGRATIONS)
#: Two clients opening a fresh database at once must not both migrate.
MIGRATION_LOCK = "dateline:schema"


def installed_version(conn: Any) -> int:
    exists = conn.execute("SELECT to_regclass('dateline_meta') IS NOT NULL").fetchone()[
        0
    ]
    if not exists:
        return 0
    row = conn.execute(
        "SELECT value FROM dateline_meta WHERE key = 'schema'"
    ).fetchone()
    return int(row[0]) if row else 0


def migrate(conn: Any, where: str) -> None:
    """Bring the database's dateline tables up to ``SCHEMA``."""
    version = installed_version(conn)
    if version > SCHEMA:
        raise TimelineFileError(
            f"{where} holds dateline tables of schema {version}, made by a newer "
            f"dateline (this one reads up to {SCHEMA}); nothing was changed. "
            "Upgrade dateline to open it."
        )
    if version == SCHEMA:
        return
    with conn.transaction():
        conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (MIGRATION_LOCK,)
        )
        version = installed_version(conn)
        if version == 0:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS dateline_meta "
                "(key text PRIMARY KEY, value jsonb NOT NULL)"
            )
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                conn.execute(statement)
        conn.execute(
            "INSERT INTO dateline_meta (key, value) VALUES ('schema', %s::jsonb) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (str(SCHEMA),),
        )
