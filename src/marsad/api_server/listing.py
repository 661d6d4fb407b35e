"""One page of GET /api/events as encoded JSON: the query the route and the fast path share.

The page is chosen by ids first (`SELECT id ... ORDER BY ... LIMIT/OFFSET`, answered from an index where one
covers the filter and the sort) and only then are the page's rows read, so a filter matching thousands of
events reads thousands of index entries, not thousands of rows. The records themselves are stored
as JSON (`store.event_json`): the page is their concatenation."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from sqlalchemy import Connection, Select, func, select

from ..store import models as m
from ..store.event_json import EVENT_COLUMNS, event_records, joined_record
from .filters import DEFAULT_SORT, EventFilters, apply, order_by

_events = m.Event.__table__


@dataclass(frozen=True)
class Listing:
    filters: EventFilters
    limit: int = 50
    offset: int = 0
    sort: str = DEFAULT_SORT
    evidence: bool = True


_JSON_PAGE = [_events.c.id, _events.c.record_json, _events.c.evidence_json]


def _items(conn: Connection, ids: Select, ordering: list, evidence: bool) -> list[bytes]:
    """The page's encoded records: stored JSON where the event has it, built for the rest."""
    page = select(*_JSON_PAGE).where(_events.c.id.in_(ids.scalar_subquery())).order_by(*ordering)
    rows = conn.execute(page)
    items: list[bytes | None] = []
    unbuilt: list[int] = []
    for pk, record, evidence_json in rows:
        if record is None:
            unbuilt.append(pk)
            items.append(None)
        else:
            items.append(joined_record(record, evidence_json if evidence else None))
    if unbuilt:  # a store written before the JSON was stored
        built = {rec[0]: rec for rec in conn.execute(select(*EVENT_COLUMNS).where(_events.c.id.in_(unbuilt)))}
        records = iter(event_records(conn, [built[pk] for pk in unbuilt], with_evidence=evidence))
        items = [item if item is not None else orjson.dumps(next(records)) for item in items]
    return items  # type: ignore[return-value]


def page_body(conn: Connection, q: Listing) -> bytes:
    """`{"total": N, "limit", "offset", "items": [EVENT, ...]}` encoded."""
    ordering = order_by(q.sort)
    total = conn.scalar(apply(select(func.count()).select_from(_events), q.filters))
    items: list[bytes] = []
    if q.offset < total:
        ids = apply(select(_events.c.id), q.filters).order_by(*ordering).limit(q.limit).offset(q.offset)
        items = _items(conn, ids, ordering, q.evidence)
    return b'{"total":%d,"limit":%d,"offset":%d,"items":[%b]}' % (total, q.limit, q.offset, b",".join(items))
