"""A timeline kept in PostgreSQL, behind the interface ``Timeline`` uses for
a file (load, locked, catch_up, append, changed_outside).

The file store's promises carry over: a change is acknowledged only once
its transaction committed (journal row and records together); writers take
one lock per timeline (an advisory lock, released by the server if a client
dies) and catch up under it, so ``Timeline`` refuses stale edits exactly as
it does for files.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.store.decode import decode_records
from dateline.store.disk.datafile import LOCK_TIMEOUT, CatchUp, Loaded, SnapshotTables
from dateline.store.disk.journal import Entry, Op
from dateline.store.disk.schema import APP, SCHEMA_VERSION, TABLES
from dateline.store.errors import DatelineError, TimelineFileError
from dateline.store.postgres.location import PgLocation
from dateline.store.postgres.migrations import migrate

EXTRA_HINT = (
    "PostgreSQL timelines need the driver from the optional extra: "
    "pip install 'dateline[postgres]'"
)
#: Channel other clients LISTEN on; the payload is the timeline's name.
CHANNEL = "dateline"
_UPSERT = """
INSERT INTO dateline_records
    (timeline, kind, id, doc, during, actor_ids, revision)
VALUES (%s, %s, %s, %s::jsonb, daterange(%s::date, %s::date, '[]'), %s, %s)
ON CONFLICT (timeline, kind, id) DO UPDATE SET
    doc = EXCLUDED.doc, during = EXCLUDED.during, actor_ids = EXCLUDED.actor_ids,
    revision = EXCLUDED.revision, updated_by = current_user, updated = now()
"""


def _driver() -> Any:
    try:
        import psycopg
    except ImportError:
        raise DatelineError(f"{EXTRA_HINT}, then try again.") from None
    return psycopg


class PgBacking:
    """One client's connection to one shared timeline."""

    #: No file: nothing to snapshot, nothing to fold, nothing to go missing.
    path = None
    journal_lines = 0

    def __init__(
        self, location: PgLocation, notice: Callable[[str], None] | None = None
    ) -> None:
        self.location = location
        self.notice: Callable[[str], None] = notice or (lambda _: None)
        self._psycopg = _driver()
        self._conn: Any = None
        self._seen = 0
        self._depth = 0
        self._thread_lock = threading.RLock()
        #: The advisory lock's key; cut to PostgreSQL's 63 characters, the
        #: application_name of this timeline's sessions (``look_around``).
        self._lock_key = f"dateline:{location.timeline}"
        self._session_name = self._lock_key[:63]
        #: Why the last attempt to reach the server failed; "" when it is fine.
        self.trouble = ""
        #: Other sessions on this timeline when last looked (``look_around``).
        self.others: tuple[str, ...] = ()
        #: Set by the listener thread when another client committed here.
        self._heard: threading.Event | None = None
        self._listener: threading.Thread | None = None
        self._stop = threading.Event()
        self._connect()

    # -- the connection --------------------------------------------------
    def _connect(self) -> Any:
        if self._conn is not None and not self._conn.closed:
            return self._conn
        psycopg = self._psycopg
        try:
            conn = psycopg.connect(
                self.location.conninfo,
                autocommit=True,
                application_name=self._session_name,
                connect_timeout=5,
            )
        except psycopg.OperationalError as exc:
            raise TimelineFileError(
                f"Could not reach PostgreSQL at {self.location}: {_first_line(exc)}. "
                "Check that the server runs and the URL, user and password "
                "(~/.pgpass or PGPASSWORD) are right."
            ) from None
        self._conn = conn
        try:
            migrate(conn, str(self.location))
        except psycopg.errors.InsufficientPrivilege:
            conn.close()
            raise TimelineFileError(
                f"{self.location} has no dateline tables yet and the role "
                f"{self.role} may not create them. Ask the database owner to open "
                "it once with dateline, or to grant CREATE on the schema."
            ) from None
        self.trouble = ""
        return conn

    @property
    def role(self) -> str:
        conn = self._conn
        return str(conn.info.user) if conn is not None else "?"

    @contextlib.contextmanager
    def _talking(self, doing: str) -> Iterator[Any]:
        """The connection, with a lost server told as what it means here."""
        psycopg = self._psycopg
        with self._thread_lock:
            if self._depth and (self._conn is None or self._conn.closed):
                # The lock went with the lost session: writing on a new one
                # would be writing unlocked.
                raise TimelineFileError(
                    f"Lost the connection to PostgreSQL at {self.location} while "
                    f"{doing}; nothing was saved. Try again once the server is back."
                )
            conn = self._connect()
            try:
                yield conn
            except psycopg.errors.InsufficientPrivilege:
                raise TimelineFileError(
                    f"The PostgreSQL role {self.role} may read {self.location} but "
                    f"not change it, so {doing} was refused; nothing was saved. "
                    "Ask the database owner for write access."
                ) from None
            except psycopg.OperationalError as exc:
                self._drop()
                self.trouble = _first_line(exc)
                raise TimelineFileError(
                    f"Lost the connection to PostgreSQL at {self.location} "
                    f"({self.trouble}) while {doing}. Nothing half-done was kept; "
                    "try again once the server is back."
                ) from None

    def _drop(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()
        self._conn = None

    def close(self) -> None:
        self._stop.set()
        with self._thread_lock:
            if self._conn is not None:
                self._drop()

    # -- reading -----------------------------------------------------------
    def exists(self) -> bool:
        with self._talking("looking for the timeline") as conn:
            row = conn.execute(
                "SELECT 1 FROM dateline_timelines WHERE name = %s",
                (self.location.timeline,),
            ).fetchone()
        return row is not None

    def timelines(self) -> list[str]:
        with self._talking("listing timelines") as conn:
            rows = conn.execute("SELECT name FROM dateline_timelines ORDER BY name")
            return [row[0] for row in rows]

    def gone(self) -> bool:
        return False

    @contextlib.contextmanager
    def _reading(self) -> Iterator[_Reader]:
        """One consistent view of the timeline for several queries."""
        with self._talking("reading the timeline") as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield _Reader(conn, self.location.timeline)

    def load(self) -> Loaded:
        """Every record, as one consistent read, decoded the fast way."""
        with self._reading() as read:
            seq = read.seq()
            tables = {table: read.docs(table) for table in TABLES}
        self._seen = seq
        return _loaded(seq, tables)

    def load_narrowed(self, narrow: Callable[[Loaded], Window]) -> tuple[Loaded, int]:
        """Actors, then only the events ``narrow`` asks for (found in SQL on
        the daterange and actor indexes) with their quotes and sources, and
        the number of events in the whole timeline: for listing, which
        prints a few events of a big timeline."""
        with self._reading() as read:
            seq = read.seq()
            actors = read.docs("actors")
            # A saved view (`list --view`) names the filter: read the views too.
            views = read.docs("views")
            window = narrow(_loaded(seq, {"actors": actors, "views": views}))
            events = read.events_in(window)
            event_docs = json.loads(events)
            quotes = read.quotes_of(list(event_docs))
            sources = read.docs_by_id("sources", _source_ids(event_docs, quotes))
            total = read.count("events")
        tables = {
            "actors": actors,
            "views": views,
            "events": events,
            "quotes": quotes,
            "sources": sources,
        }
        return _loaded(seq, tables), total

    def catch_up(self) -> CatchUp:
        """Changes others committed since we last looked."""
        with self._talking("catching up with other editors") as conn:
            row = conn.execute(
                "SELECT seq FROM dateline_timelines WHERE name = %s",
                (self.location.timeline,),
            ).fetchone()
            latest = int(row[0]) if row else 0
            if latest < self._seen:
                # The timeline was dropped and started again: read it whole.
                return CatchUp([], reload=self.load())
            if latest == self._seen:
                return CatchUp([])
            rows = conn.execute(
                "SELECT seq, ops::text FROM dateline_changes "
                "WHERE timeline = %s AND seq > %s AND seq <= %s ORDER BY seq",
                (self.location.timeline, self._seen, latest),
            ).fetchall()
        entries = [Entry(int(seq), json.loads(ops)) for seq, ops in rows]
        if entries:
            self._seen = entries[-1].seq
        return CatchUp(entries)

    def changed_outside(self) -> bool:
        """Cheap check for the UI: did anyone else commit a change?

        With ``listen`` running, a poll that heard nothing asks the server
        nothing. A lost server is not an error here (the UI polls this): it
        is kept in ``trouble`` for the screen to show, and cleared once it
        answers.
        """
        heard = self._heard
        if heard is not None and self._listening() and not heard.is_set():
            return False
        if heard is not None:
            heard.clear()
        psycopg = self._psycopg
        with self._thread_lock:
            try:
                conn = self._connect()
                row = conn.execute(
                    "SELECT seq FROM dateline_timelines WHERE name = %s",
                    (self.location.timeline,),
                ).fetchone()
            except (psycopg.OperationalError, TimelineFileError) as exc:
                self._drop()
                self.trouble = _first_line(exc)
                if heard is not None:
                    heard.set()  # ask again next time, until it answers
                return False
            self.trouble = ""
        return (int(row[0]) if row else 0) != self._seen

    # -- hearing other editors (LISTEN/NOTIFY) -------------------------------
    def listen(self) -> None:
        """Hear other clients' commits as they happen, on a connection of
        its own in a thread; ``changed_outside`` then asks the server only
        after a notification (or a lost connection). Idempotent."""
        if self._listening():
            return
        self._heard = threading.Event()
        self._heard.set()  # one look first: what came before we listened
        self._stop.clear()
        self._listener = threading.Thread(
            target=self._hear, name="dateline-listen", daemon=True
        )
        self._listener.start()

    def _listening(self) -> bool:
        return self._listener is not None and self._listener.is_alive()

    def _hear(self) -> None:
        heard = self._heard
        assert heard is not None
        psycopg = self._psycopg
        name = self.location.timeline
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    self.location.conninfo,
                    autocommit=True,
                    application_name=f"dateline-listen:{name}"[:63],
                    connect_timeout=5,
                ) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    heard.set()  # anything said while we were away
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            if note.payload == name:
                                heard.set()
            except psycopg.Error:
                # The server went away: the UI's next poll asks, and tells.
                heard.set()
                self._stop.wait(1.0)

    def look_around(self) -> tuple[str, ...]:
        """Who else (other sessions, by role name) has this timeline open;
        kept in ``others`` for the header."""
        with self._talking("looking for other editors") as conn:
            rows = conn.execute(
                "SELECT DISTINCT usename FROM pg_stat_activity "
                "WHERE application_name = %s AND pid <> pg_backend_pid() "
                "ORDER BY usename",
                (self._session_name,),
            ).fetchall()
        self.others = tuple(str(row[0]) for row in rows)
        return self.others

    # -- writing -------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self, *, for_writing: bool = True) -> Iterator[None]:
        """The timeline's writer lock, across every client; re-entrant
        within this one. Readers need none (a load is one snapshot read)."""
        with self._thread_lock:
            if not for_writing:
                yield
                return
            if self._depth == 0:
                self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    def _acquire(self) -> None:
        key = self._lock_key
        deadline = time.monotonic() + LOCK_TIMEOUT
        told = False
        retried = False
        while True:
            try:
                with self._talking("waiting for the timeline's lock") as conn:
                    got = conn.execute(
                        "SELECT pg_try_advisory_lock(hashtextextended(%s, 0))", (key,)
                    ).fetchone()[0]
            except TimelineFileError:
                # A connection the server closed (a restart, an idle timeout)
                # is found dead here, before anything was written: one fresh
                # connection and the save goes on.
                if retried or self._conn is not None:
                    raise
                retried = True
                continue
            if got:
                return
            if time.monotonic() > deadline:
                raise TimelineFileError(
                    f"Another editor has held {self.location} for over "
                    f"{LOCK_TIMEOUT:.0f} s while saving; nothing was saved. "
                    "Try again in a moment."
                )
            if not told:
                self.notice("Waiting for another editor's save to finish…")
                told = True
            time.sleep(0.05)

    def _release(self) -> None:
        key = self._lock_key
        # A lost connection released the lock with the session.
        with contextlib.suppress(Exception):
            if self._conn is not None and not self._conn.closed:
                self._conn.execute(
                    "SELECT pg_advisory_unlock(hashtextextended(%s, 0))", (key,)
                )

    def append(self, entry: Entry, tables: Callable[[], SnapshotTables]) -> None:
        """Commit ``entry`` and the records it touches in one transaction."""
        name = self.location.timeline
        puts = [
            (
                name,
                op["table"],
                op["doc"]["id"],
                json.dumps(op["doc"]),
                *_columns(op),
                entry.seq,
            )
            for op in entry.ops
            if op["op"] == "put"
        ]
        dels = [(name, op["table"], op["id"]) for op in entry.ops if op["op"] == "del"]
        with self._talking("saving the change") as conn, conn.transaction():
            conn.execute(
                "INSERT INTO dateline_timelines (name) VALUES (%s) "
                "ON CONFLICT DO NOTHING",
                (name,),
            )
            conn.execute(
                "INSERT INTO dateline_changes (timeline, seq, ops) "
                "VALUES (%s, %s, %s::jsonb)",
                (name, entry.seq, json.dumps(entry.ops)),
            )
            with conn.cursor() as cur:
                if puts:
                    cur.executemany(
                        _UPSERT,
                        puts,
                    )
                if dels:
                    cur.executemany(
                        "DELETE FROM dateline_records "
                        "WHERE timeline = %s AND kind = %s AND id = %s",
                        dels,
                    )
            conn.execute(
                "UPDATE dateline_timelines SET seq = %s WHERE name = %s",
                (entry.seq, name),
            )
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, name))
        self._seen = entry.seq

    def snapshot(self, tables: SnapshotTables, seq: int) -> None:
        """Nothing to fold: the records table is always current."""


@dataclass(frozen=True)
class Window:
    """The part of a filter SQL can answer on its indexes: a superset of
    what the filter keeps, which then runs in memory as always."""

    start: date | None = None
    end: date | None = None
    actors: tuple[str, ...] = ()
    match: str = "all"


class _Reader:
    """Queries inside one read transaction; documents come back as the
    JSON text of ``{id: doc}``, ready for the fast decoder."""

    def __init__(self, conn: Any, timeline: str) -> None:
        self.conn = conn
        self.timeline = timeline

    def seq(self) -> int:
        row = self.conn.execute(
            "SELECT seq FROM dateline_timelines WHERE name = %s", (self.timeline,)
        ).fetchone()
        return int(row[0]) if row else 0

    def count(self, table: str) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM dateline_records WHERE timeline = %s AND kind = %s",
            (self.timeline, table),
        ).fetchone()
        return int(row[0])

    def _json(self, where: str, params: tuple[Any, ...]) -> bytes:
        # Joined here rather than by json_object_agg: half the time, and
        # the server's CPU is shared by every editor.
        rows = self.conn.execute(
            "SELECT id, doc::text FROM dateline_records "
            f"WHERE timeline = %s AND {where}",
            (self.timeline, *params),
        )
        dumps = json.dumps
        return (
            "{" + ",".join(f"{dumps(rid)}:{doc}" for rid, doc in rows) + "}"
        ).encode()

    def docs(self, table: str) -> bytes:
        return self._json("kind = %s", (table,))

    def docs_by_id(self, table: str, ids: list[str]) -> bytes:
        return self._json("kind = %s AND id = ANY(%s)", (table, ids))

    def events_in(self, window: Window) -> bytes:
        where: list[str] = ["kind = 'events'"]
        params: list[Any] = []
        if window.start is not None or window.end is not None:
            where.append("during && daterange(%s, %s, '[]')")
            params += [window.start, window.end]
        if window.actors:
            where.append(
                "actor_ids " + ("&&" if window.match == "any" else "@>") + " %s"
            )
            params.append(list(window.actors))
        return self._json(" AND ".join(where), tuple(params))

    def quotes_of(self, event_ids: list[str]) -> bytes:
        return self._json("kind = 'quotes' AND doc ->> 'event' = ANY(%s)", (event_ids,))


def _loaded(seq: int, tables: dict[str, bytes]) -> Loaded:
    parts = [
        b'{"meta":{"1":',
        json.dumps({"app": APP, "schema": SCHEMA_VERSION, "journal_seq": seq}).encode(),
        b"}",
    ]
    for table in TABLES:
        parts += [b',"', table.encode(), b'":', tables.get(table, b"{}")]
    parts.append(b"}")
    raw = b"".join(parts)
    decoded = decode_records(raw)
    if decoded is not None:
        return Loaded({table: {} for table in TABLES}, seq, decoded)
    # A document the fast decoder would not take: the slow path names it.
    data = json.loads(raw)
    return Loaded({table: dict(data[table]) for table in TABLES}, seq)


def _source_ids(events: dict[str, Any], quotes: bytes) -> list[str]:
    """The sources the listed events and their quotes name."""
    wanted: set[str] = set()
    for doc in events.values():
        wanted.update(s for s in doc.get("sources", []) if isinstance(s, str))
    for doc in json.loads(quotes).values():
        if isinstance(doc.get("source"), str):
            wanted.add(doc["source"])
    return sorted(wanted)


def _columns(op: Op) -> tuple[date | None, date | None, list[str] | None]:
    """The typed columns SQL filters use: an event's days and actor ids."""
    if op["table"] != "events":
        return None, None, None
    doc = op["doc"]
    when = doc.get("when") or {}
    start = date.fromisoformat(str(when["start"])[:10])
    end = date.fromisoformat(str(when["end"])[:10])
    actors = [link["actor"] for link in doc.get("actors", []) if isinstance(link, dict)]
    return start, end, actors


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
