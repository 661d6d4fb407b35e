"""One page of GET /api/events as encoded JSON: the query the route and the fast path share.

The page is chosen by ids first (`SELECT id ... ORDER BY ... LIMIT/OFFSET`, answered from an index where one
covers the filter and the sort) and only then are the page's rows read, so a filter matching thousands of
events reads thousands of index entries, not thousands of rows. The records themselves are stored
as JSON (`store.event_json`): the page is their concatenation."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from sqlalchemy import Connection, Row, func, select

from ..store import models as m
from ..store.event_json import EVENT_COLUMNS, event_records, joined_record
from .event_index import EventIndex
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


def _encoded(conn: Connection, rows: list[Row], evidence: bool) -> list[bytes]:
    """The encoded records of ROWS (id, record_json, evidence_json): stored JSON where the event has it,
    built for the rest."""
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


def _sql_page(conn: Connection, q: Listing) -> tuple[int, list[bytes]]:
    ordering = order_by(q.sort)
    total = conn.scalar(apply(select(func.count()).select_from(_events), q.filters))
    if q.offset >= total:
        return total, []
    ids = apply(select(_events.c.id), q.filters).order_by(*ordering).limit(q.limit).offset(q.offset)
    page = select(*_JSON_PAGE).where(_events.c.id.in_(ids.scalar_subquery())).order_by(*ordering)
    return total, _encoded(conn, list(conn.execute(page)), q.evidence)


def _indexed_page(conn: Connection, q: Listing, index: EventIndex) -> tuple[int, list[bytes]]:
    total, ids = index.page(q.filters, q.sort, q.limit, q.offset)
    if not ids:
        return total, []
    # Through the driver: the ids are integers this process made, and the statement's compilation cost
    # more than its execution.
    sql = f"SELECT id, record_json, evidence_json FROM {_events.name} WHERE id IN ({','.join(map(str, ids))})"
    by_id = {row[0]: row for row in conn.exec_driver_sql(sql)}
    # An event deleted since the index was built is left out of this page; one changed since shows its
    # current record. (Only an index behind the store, within `max_lag`, answers then; an exact one
    # is replaced before its answers are served again.)
    return total, _encoded(conn, [by_id[i] for i in ids if i in by_id], q.evidence)


def indexed(q: Listing, index: EventIndex | None) -> bool:
    """Whether INDEX answers Q (every filter but the free text `q`)."""
    return index is not None and q.filters.q is None


def page_body(conn: Connection, q: Listing, index: EventIndex | None = None) -> bytes:
    """`{"total": N, "limit", "offset", "items": [EVENT, ...]}` encoded. With INDEX (the store's events
    in memory, `event_index`), the count and the page's ids come from it unless the free text `q` is
    asked for."""
    if index is not None and indexed(q, index):
        total, items = _indexed_page(conn, q, index)
    else:
        total, items = _sql_page(conn, q)
    return b'{"total":%d,"limit":%d,"offset":%d,"items":[%b]}' % (total, q.limit, q.offset, b",".join(items))
