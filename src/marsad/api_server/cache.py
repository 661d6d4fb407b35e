"""A per-app cache of read answers, keyed by the request and the store's version.

The store only changes through ingest, and every ingest commit updates its `ingest_runs` row (counts,
finish time) in the same transaction, so that row is a version stamp read in one indexed lookup: a
cached answer is served only while the stamp is unchanged, and for at most `ttl` seconds (which bounds
staleness after writes made outside `ingest`, e.g. by hand)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from sqlalchemy import Connection, select

from ..store import models as m

_runs = m.IngestRun.__table__
_VERSION = (
    select(_runs.c.id, _runs.c.added, _runs.c.replaced, _runs.c.reports, _runs.c.finished_at)
    .order_by(_runs.c.id.desc())
    .limit(1)
)


def store_version(conn: Connection) -> tuple:
    row = conn.execute(_VERSION).first()
    return tuple(row) if row else ()


class ResponseCache:
    """LRU of encoded answers: `get_or_make(key, version, make)`; `size` 0 disables it."""

    def __init__(self, size: int = 2048, ttl: float = 10.0) -> None:
        self.size = size
        self.ttl = ttl
        self._items: OrderedDict[str, tuple[tuple, float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: str, version: tuple, make: Callable[[], bytes]) -> bytes:
        if self.size <= 0:
            return make()
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and hit[0] == version and now - hit[1] < self.ttl:
                self._items.move_to_end(key)
                return hit[2]
        body = make()
        with self._lock:
            self._items[key] = (version, now, body)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return body
