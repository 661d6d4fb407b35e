"""GET /api/events (filtered, paged, sorted) and GET /api/events/{event_id} (with evidence and documents)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from sqlalchemy import select

from ..store import models as m
from .deps import EngineDep, SettingsDep
from .filters import DEFAULT_SORT, FiltersDep, order_by
from .listing import Listing, page_body
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
    `event.schema.json`. (Valid requests are answered, and cached, by `fastpath.EventsFastPath` before they
    reach this route; it answers the ones that middleware leaves to the framework's validation.)"""
    if limit > settings.max_page:
        raise HTTPException(422, f"limit is at most {settings.max_page}")
    listing = Listing(f, limit, offset, sort, evidence)
    order_by(sort)  # an unknown field is a 422 before the store is asked
    indexes = request.app.state.indexes
    index = indexes.current(indexes.stamp.stamp()) if indexes is not None else None
    with engine.connect() as conn:
        body = page_body(conn, listing, index)
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
