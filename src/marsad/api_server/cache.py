"""A per-process cache of encoded answers, keyed by the request and a version stamp of the store.

A cached answer is served only while the stamp read just before it was made is unchanged:

- SQLite: `PRAGMA data_version` on a connection kept for it, which changes whenever any other connection
  (another worker, `marsad ingest`, a write by hand) commits. Exact, and costs microseconds.
- PostgreSQL: the `store_version` counter, raised by triggers in every transaction that writes the tables
  answers are made of (revision 0006). Exact, one round trip on a connection kept for it.
- Other databases: the latest `ingest_runs` row (every ingest commit updates its counts and finish time in
  the same transaction); writes made outside `ingest` are bounded by a `ttl`.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, select

from ..store import models as m

_runs = m.IngestRun.__table__
_VERSION = (
    select(_runs.c.id, _runs.c.added, _runs.c.replaced, _runs.c.reports, _runs.c.finished_at)
    .order_by(_runs.c.id.desc())
    .limit(1)
)
_PG_VERSION = "SELECT n FROM store_version WHERE id = 1"  # revision 0006
DEFAULT_TTL = 10.0  # seconds an answer may outlive a write that no ingest run recorded (non-SQLite stores)


def store_version(conn: Connection) -> tuple:
    row = conn.execute(_VERSION).first()
    return tuple(row) if row else ()


def _sqlite_file(engine: Engine) -> Path | None:
    db = engine.url.database
    if engine.dialect.name != "sqlite" or not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


class StoreStamp:
    """`stamp()`: a value that changes whenever the store's contents may have; `exact` says whether every
    write changes it (else answers also expire after a ttl)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._sqlite: sqlite3.Connection | None = None
        path = _sqlite_file(engine)
        if path is not None:
            # Its own connection: data_version counts the commits of *other* connections since this one
            # opened, so it must be one connection for the process's life, never one from the pool.
            self._sqlite = sqlite3.connect(str(path), check_same_thread=False)
            self._sqlite.execute("PRAGMA query_only=1")
        self._held = None  # the connection other stores' stamps are read on
        if engine.dialect.name == "postgresql":
            self._sql = _PG_VERSION
        else:
            self._sql = str(_VERSION.compile(engine, compile_kwargs={"literal_binds": True}))
        self.exact = self._sqlite is not None or self._sql == _PG_VERSION

    def stamp(self) -> tuple:
        with self._lock:
            if self._sqlite is not None:
                return (self._sqlite.execute("PRAGMA data_version").fetchone()[0],)
            try:
                return self._server_stamp()
            except Exception:
                # The held connection broke (server restarted, idle timeout): read it once through the
                # pool, which checks its connections, and hold a fresh one next time.
                self._drop_held()
                with self.engine.connect() as conn:
                    row = conn.exec_driver_sql(self._sql).first()
                    return tuple(row) if row else ()

    def _server_stamp(self) -> tuple:
        # One connection held for the stamp alone, in autocommit: one round trip per request, with none
        # of the pool's checkout and liveness check (which doubled the round trips).
        if self._held is None:
            held = self.engine.raw_connection()
            held.driver_connection.autocommit = True
            self._held = held
        cur = self._held.cursor()
        try:
            cur.execute(self._sql)
            row = cur.fetchone()
        finally:
            cur.close()
        return tuple(row) if row else ()

    def _drop_held(self) -> None:
        if self._held is not None:
            try:
                self._held.invalidate()
            finally:
                self._held = None

    def close(self) -> None:
        with self._lock:
            if self._sqlite is not None:
                self._sqlite.close()
                self._sqlite = None
            self._drop_held()


class ResponseCache:
    """LRU of encoded answers under a count (`size`, 0 disables it) and a byte budget; an entry is good
    while its version is current and, when `ttl` is set, fresh for `ttl` seconds, then stale (servable
    while it is being remade) for as long again."""

    def __init__(
        self,
        size: int = 2048,
        ttl: float | None = DEFAULT_TTL,
        max_bytes: int = 64 << 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.size = size
        self.clock = clock
        self.ttl = ttl
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self._bytes = 0
        self._items: OrderedDict[bytes | str, tuple[tuple, float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes | str, version: tuple) -> bytes | None:
        body, fresh = self.lookup(key, version)
        return body if fresh else None

    def lookup(self, key: bytes | str, version: tuple) -> tuple[bytes | None, bool]:
        """`(body, fresh)`: a current answer; or one past its ttl but younger than twice that, which the
        caller may serve while it makes a new one (`fresh` False); or `(None, False)`."""
        if self.size <= 0:
            return None, False
        with self._lock:
            hit = self._items.get(key)
            if hit and hit[0] == version:
                age = self.clock() - hit[1]
                if self.ttl is None or age < 2 * self.ttl:
                    self._items.move_to_end(key)
                    self.hits += 1
                    return hit[2], self.ttl is None or age < self.ttl
            self.misses += 1
            return None, False

    def put(self, key: bytes | str, version: tuple, body: bytes) -> None:
        if self.size <= 0 or len(body) > self.max_bytes // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old:
                self._bytes -= len(old[2])
            self._items[key] = (version, self.clock(), body)
            self._bytes += len(body)
            while len(self._items) > self.size or self._bytes > self.max_bytes:
                self._bytes -= len(self._items.popitem(last=False)[1][2])
