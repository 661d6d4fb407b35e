"""GET /api/events (filtered, paged, sorted) and GET /api/events/{event_id} (with evidence and documents)."""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, HTTPException, Query, Request, Response
from sqlalchemy import func, select

from ..store import models as m
from .cache import store_version
from .deps import EngineDep, SettingsDep
from .filters import DEFAULT_SORT, FiltersDep, apply, order_by
from .records import EVENT_COLUMNS, documents_of_event, event_records
from .responses import FastJSON

router = APIRouter(prefix="/api", tags=["events"])
_events = m.Event.__table__


@router.get("/events", response_class=FastJSON, summary="Events matching the filters, one page of them")
def list_events(
    request: Request,
    f: FiltersDep,
    engine: EngineDep,
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, description="Page size (at most max_page, 1000 by default).")] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    sort: Annotated[str, Query(description="A field (event_date, fatalities, confidence, country, admin1, "
                                           "event_type, sub_event_type, event_id, location); prefix - for "
                                           "descending.")] = DEFAULT_SORT,
    evidence: Annotated[bool, Query(description="Include each event's evidence (false: for maps).")] = True,
) -> FastJSON:
    """`{"total": N, "limit", "offset", "items": [EVENT, ...]}`, each EVENT in the shape of the contract's
    `event.schema.json`."""
    if limit > settings.max_page:
        raise HTTPException(422, f"limit is at most {settings.max_page}")
    ordering = order_by(sort)
    with engine.connect() as conn:

        def make() -> bytes:
            total = conn.scalar(apply(select(func.count()).select_from(_events), f))
            page = apply(select(*EVENT_COLUMNS), f).order_by(*ordering).limit(limit).offset(offset)
            rows = conn.execute(page)
            items = event_records(conn, rows, with_evidence=evidence)
            return orjson.dumps({"total": total, "limit": limit, "offset": offset, "items": items})

        # Dashboards ask the same questions again and again: answers are cached while the store is unchanged.
        key = "events?" + str(request.url.query)
        body = request.app.state.cache.get_or_make(key, store_version(conn), make)
    return Response(body, media_type="application/json")


@router.get("/events/{event_id}", response_class=FastJSON,
            summary="One event with its evidence and the documents that report it")
def get_event(event_id: str, engine: EngineDep) -> FastJSON:
    """The EVENT record plus `documents`: each reporting document with its full text (evidence offsets
    point into it)."""
    with engine.connect() as conn:
        row = conn.execute(select(*EVENT_COLUMNS).where(_events.c.event_id == event_id)).first()
        if row is None:
            raise HTTPException(404, f"no event {event_id!r}")
        record = event_records(conn, [row])[0]
        record["documents"] = documents_of_event(conn, row.id)
    return FastJSON(record)
