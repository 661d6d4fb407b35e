"""One page of GET /api/events as encoded JSON: the query the route and the fast path share.

The page is chosen by ids first (`SELECT id ... ORDER BY ... LIMIT/OFFSET`, answered from an index where one
covers the filter and the sort) and only then are the page's rows read, so a filter matching thousands of
events reads thousands of index entries, not thousands of rows. Evidence for the whole page is one query."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from sqlalchemy import Connection, func, select

from ..store import models as m
from .filters import DEFAULT_SORT, EventFilters, apply, order_by
from .records import EVENT_COLUMNS, event_records

_events = m.Event.__table__


@dataclass(frozen=True)
class Listing:
    filters: EventFilters
    limit: int = 50
    offset: int = 0
    sort: str = DEFAULT_SORT
    evidence: bool = True


def page_body(conn: Connection, q: Listing) -> bytes:
    """`{"total": N, "limit", "offset", "items": [EVENT, ...]}` encoded."""
    ordering = order_by(q.sort)
    total = conn.scalar(apply(select(func.count()).select_from(_events), q.filters))
    items: list = []
    if q.offset < total:
        ids = apply(select(_events.c.id), q.filters).order_by(*ordering).limit(q.limit).offset(q.offset)
        page = select(*EVENT_COLUMNS).where(_events.c.id.in_(ids.scalar_subquery())).order_by(*ordering)
        rows = conn.execute(page)
        items = event_records(conn, rows, with_evidence=q.evidence)
    return orjson.dumps({"total": total, "limit": q.limit, "offset": q.offset, "items": items})
