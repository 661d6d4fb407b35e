"""GET /api/events answered before FastAPI's routing: a pure ASGI middleware.

The listing is the service's hot path (dashboards ask it again and again, under load). Here a cached answer
costs a dict lookup and a version stamp, and a fresh one about a millisecond when the in-memory event index
answers it (`event_index`; made in the event loop) or a thread hop to SQL otherwise (free-text filters, or
while the index is rebuilt), with none of the per-request dependency solving and validation of the
framework. Only requests this module reads unambiguously are
served here: anything else (a malformed or out-of-range value, a repeated single-valued parameter) is passed
on untouched to the FastAPI route, which answers it (a 422 with the framework's error body, or the page).
Both build the page with `listing.page_body`."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import anyio
from fastapi import HTTPException
from sqlalchemy import Engine
from starlette.types import ASGIApp, Receive, Scope, Send

from .cache import ResponseCache, StoreStamp
from .event_index import EventIndex, IndexHolder
from .filters import DEFAULT_SORT, EventFilters, event_filters, order_by
from .listing import Listing, indexed, page_body

log = logging.getLogger(__name__)
PATH = "/api/events"
LIST_PARAMS = ("country", "admin1", "event_type", "sub_event_type")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INT = re.compile(r"[0-9]{1,9}")
_FLOAT = re.compile(r"[0-9]{1,9}(\.[0-9]{0,12})?")
MAKERS = 2  # threads making pages at once, per process
INLINE_BUDGET = 0.004  # seconds of pages made in the event loop per turn of it
_BOOLS = {"true": True, "1": True, "false": False, "0": False}


class _Unread(Exception):
    """A value this module does not read itself: the route decides."""


def _date(v: str) -> dt.date:
    if not _DATE.fullmatch(v):
        raise _Unread
    try:
        return dt.date.fromisoformat(v)
    except ValueError as e:
        raise _Unread from e


def _int(v: str) -> int:
    if not _INT.fullmatch(v):
        raise _Unread
    return int(v)


def _fraction(v: str) -> float:
    if not _FLOAT.fullmatch(v) or float(v) > 1:
        raise _Unread
    return float(v)


def _bool(v: str) -> bool:
    if v not in _BOOLS:
        raise _Unread
    return _BOOLS[v]


# Single-valued parameters and their readers (the route's constraints: ge=0, ge=1, 0..1).
SCALARS: dict[str, Callable[[str], Any]] = {
    "date_from": _date,
    "date_to": _date,
    "actor": str,
    "q": str,
    "bbox": str,
    "min_fatalities": _int,
    "min_confidence": _fraction,
    "limit": _int,
    "offset": _int,
    "sort": str,
    "evidence": _bool,
}


def read_listing(query: bytes, max_page: int) -> Listing | None:
    """The listing a query string asks for, or None where the route must answer (an invalid request)."""
    scalars: dict[str, Any] = {}
    lists: dict[str, list[str]] = {}
    try:
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="utf-8",
                                     errors="strict"):
            if name in LIST_PARAMS:
                lists.setdefault(name, []).append(value)
            elif name in SCALARS:
                if name in scalars:
                    return None
                scalars[name] = SCALARS[name](value)
        limit = scalars.pop("limit", 50)
        if not 1 <= limit <= max_page:
            return None
        offset = scalars.pop("offset", 0)
        evidence = scalars.pop("evidence", True)
        sort = scalars.pop("sort", DEFAULT_SORT)
        order_by(sort)  # refuses an unknown field
        filters: EventFilters = event_filters(**scalars, **lists)
    except (_Unread, UnicodeDecodeError, HTTPException):
        return None
    return Listing(filters, limit, offset, sort, evidence)


class EventsFastPath:
    """Answers valid GET /api/events requests (cached while the store is unchanged); passes on the rest."""

    def __init__(self, app: ASGIApp, engine: Engine, cache: ResponseCache, stamp: StoreStamp,
                 max_page: int, indexes: IndexHolder | None = None) -> None:
        self.app = app
        self.engine = engine
        self.indexes = indexes
        self.cache = cache
        self.stamp = stamp
        self.max_page = max_page
        # Pages are made by Python under one GIL: more threads than this only queue for it, and starve the
        # event loop that answers cached requests. Requests beyond it wait (without a thread) for a turn.
        self.limiter: anyio.CapacityLimiter | None = None
        self._remaking: dict[bytes, asyncio.Task] = {}  # answers being remade aside, by query
        self._spent = 0.0  # seconds of pages made in the event loop in this turn of it
        self._reset_scheduled = False
        self._loop: asyncio.AbstractEventLoop | None = None

    def _new_turn(self) -> None:
        self._spent = 0.0
        self._reset_scheduled = False

    def _make(self, listing: Listing, index: EventIndex | None) -> bytes:
        with self.engine.connect() as conn:
            return page_body(conn, listing, index)

    async def _make_limited(self, listing: Listing, index: EventIndex | None) -> bytes:
        """The page of LISTING, from INDEX (in the event loop) when it answers it, else from SQL (in a
        thread)."""
        if indexed(listing, index):
            # A millisecond of array operations and one read by primary key: made here, since a thread
            # hop would cost a third of that, and the GIL serialises the work anyway. But at most
            # INLINE_BUDGET seconds of it per turn of the event loop: the loop polls between turns, and
            # answers larger than a socket's buffer are sent in pieces, one per turn, so a long turn
            # would hold every one of them back.
            loop = asyncio.get_running_loop()
            if loop is not self._loop:  # a new loop (the old one's reset may never run)
                self._loop = loop
                self._new_turn()
            while self._spent > INLINE_BUDGET:  # at least one page per turn
                await asyncio.sleep(0)  # to the next turn, after its poll
            started = time.perf_counter()
            try:
                return self._make(listing, index)
            finally:
                self._spent += time.perf_counter() - started
                if not self._reset_scheduled:
                    self._reset_scheduled = True
                    loop.call_soon(self._new_turn)  # runs first in the next turn
        if self.limiter is None:  # made in the event loop: a limiter belongs to one
            self.limiter = anyio.CapacityLimiter(MAKERS)
        return await anyio.to_thread.run_sync(self._make, listing, index, limiter=self.limiter)

    def _remake_aside(self, query: bytes, version: tuple) -> None:
        listing = read_listing(query, self.max_page)
        if listing is None or query in self._remaking:
            return

        async def remake() -> None:
            try:
                index = self.indexes.current(version) if self.indexes is not None else None
                self.cache.put(query, version, await self._make_limited(listing, index))
            except Exception:
                log.exception("remaking a cached answer of %s failed", PATH)
            finally:
                self._remaking.pop(query, None)

        # The task is kept until done (the loop holds tasks weakly); a failure leaves the stale answer,
        # which expires at twice the ttl, and the next request tries again.
        self._remaking[query] = asyncio.get_running_loop().create_task(remake())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        query: bytes = scope["query_string"]
        # The stamp is read before the answer is made: a write landing meanwhile leaves a stale stamp on
        # it, so the answer is not served again.
        caching = self.cache.size > 0
        version = self.stamp.stamp() if caching or self.indexes is not None else ()
        index = self.indexes.current(version) if self.indexes is not None else None
        if index is not None:
            # An index behind the store (`max_lag`) answers for its own version: the cache keeps its
            # answers under that, so they are served while it answers and never once it is replaced.
            version = index.version
        body, fresh = self.cache.lookup(query, version) if caching else (None, False)
        state = b"hit"
        if body is not None and not fresh:
            # Past its ttl (a store whose stamp misses some writes): answer it once more, remake it aside,
            # so that every ttl does not turn the whole cached mix into misses at once.
            self._remake_aside(query, version)
        elif body is None:
            state = b"miss"
            listing = read_listing(query, self.max_page)
            if listing is None:
                await self.app(scope, receive, send)
                return
            body = await self._make_limited(listing, index)
            if caching:
                self.cache.put(query, version, body)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", b"%d" % len(body)),
                    (b"x-cache", state),  # lets a load test (and an operator) see the hit rate
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
