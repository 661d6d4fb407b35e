"""The event filters every listing, stat and export takes, as SQL (indexed where the schema allows).

Query parameters are named after the fields they filter (contract: "Store and service"). List filters
(`country`, `admin1`, `event_type`, `sub_event_type`) take repeated parameters or comma-separated values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query
from sqlalchemy import ColumnElement, Select, and_, or_, select

from ..store import models as m

_events = m.Event.__table__
_reports = m.Report.__table__
_evidence = m.Evidence.__table__

ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
TEXT_FIELDS = ACTOR_FIELDS + ("notes", "location", "admin1", "admin2", "country")
SORTABLE = (
    "event_date",
    "fatalities",
    "confidence",
    "country",
    "admin1",
    "event_type",
    "sub_event_type",
    "event_id",
    "location",
)
DEFAULT_SORT = "-event_date"


@dataclass(frozen=True)
class EventFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    min_fatalities: int | None = None
    min_confidence: float | None = None


def _values(raw: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for item in raw or []:
        out.extend(v.strip() for v in item.split(",") if v.strip())
    return tuple(dict.fromkeys(out))


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if not raw:
        return None
    try:
        west, south, east, north = (float(v) for v in raw.split(","))
    except ValueError as e:
        raise HTTPException(422, "bbox must be west,south,east,north in degrees") from e
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, "bbox out of range: west,south,east,north with -180..180 and -90..90")
    return west, south, east, north


def event_filters(
    date_from: Annotated[
        dt.date | None, Query(description="Events on or after this day (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[
        dt.date | None, Query(description="Events on or before this day (YYYY-MM-DD).")
    ] = None,
    country: Annotated[
        list[str] | None, Query(description="Country (English, as in ACLED); repeat or comma-separate.")
    ] = None,
    admin1: Annotated[list[str] | None, Query(description="First-level admin area (English).")] = None,
    event_type: Annotated[list[str] | None, Query(description="ACLED event type, e.g. Battles.")] = None,
    sub_event_type: Annotated[
        list[str] | None, Query(description="ACLED sub-event type, e.g. Air/drone strike.")
    ] = None,
    actor: Annotated[
        str | None,
        Query(
            description="Actor: part of an English actor name, or of the Arabic text the actor was read from."
        ),
    ] = None,
    q: Annotated[
        str | None, Query(description="Free text in notes, actors, place names and the Arabic evidence.")
    ] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0)] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> EventFilters:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "date_from is after date_to")
    return EventFilters(
        date_from,
        date_to,
        _values(country),
        _values(admin1),
        _values(event_type),
        _values(sub_event_type),
        (actor or "").strip() or None,
        (q or "").strip() or None,
        parse_bbox(bbox),
        min_fatalities,
        min_confidence,
    )


FiltersDep = Annotated[EventFilters, Depends(event_filters)]


def _evidence_contains(text: str, fields: tuple[str, ...] | None = None) -> ColumnElement[bool]:
    """Some report of the event has evidence (of FIELDS) whose text contains TEXT. An IN over one scan of
    the evidence, not a correlated EXISTS per event (which costs a lookup for every event scanned)."""
    cond = [_evidence.c.text.icontains(text, autoescape=True)]  # as the actor names: any case
    if fields:
        cond.append(_evidence.c.field.in_(fields))
    return _events.c.id.in_(
        select(_reports.c.event_pk).join(_evidence, _evidence.c.report_pk == _reports.c.id).where(*cond)
    )


def conditions(f: EventFilters) -> list[ColumnElement[bool]]:
    c = _events.c
    out: list[ColumnElement[bool]] = []
    if f.date_from:
        out.append(c.event_date >= f.date_from)
    if f.date_to:
        out.append(c.event_date <= f.date_to)
    for name in ("country", "admin1", "event_type", "sub_event_type"):
        values = getattr(f, name)
        if values:
            out.append(c[name] == values[0] if len(values) == 1 else c[name].in_(values))
    if f.min_fatalities is not None:
        out.append(c.fatalities >= f.min_fatalities)
    if f.min_confidence is not None:
        out.append(c.confidence >= f.min_confidence)
    if f.bbox:
        west, south, east, north = f.bbox
        # A box across the antimeridian (west > east) wraps around.
        lon = (
            c.longitude.between(west, east) if west <= east else or_(c.longitude >= west, c.longitude <= east)
        )
        out.append(and_(c.latitude.between(south, north), lon))
    if f.actor:
        out.append(
            or_(
                *(c[k].icontains(f.actor, autoescape=True) for k in ACTOR_FIELDS),
                _evidence_contains(f.actor, ACTOR_FIELDS),
            )
        )
    if f.q:
        out.append(or_(*(c[k].icontains(f.q, autoescape=True) for k in TEXT_FIELDS), _evidence_contains(f.q)))
    return out


def apply(query: Select, f: EventFilters) -> Select:
    cond = conditions(f)
    return query.where(*cond) if cond else query


def order_by(sort: str) -> list[ColumnElement]:
    """ORDER BY for SORT (`field` or `-field` for descending), the row id last so pages are stable."""
    desc = sort.startswith("-")
    name = sort.lstrip("-+")
    if name not in SORTABLE:
        raise HTTPException(422, f"sort must be one of {', '.join(SORTABLE)} (prefix - for descending)")
    col = _events.c[name]
    if not col.nullable:
        # NULLS LAST on a column without NULLs changes nothing but keeps PostgreSQL off the index.
        return [col.desc(), _events.c.id.desc()] if desc else [col.asc(), _events.c.id.asc()]
    # Undated / unplaced events last either way, on SQLite and PostgreSQL alike (their defaults differ).
    if desc:
        return [col.desc().nulls_last(), _events.c.id.desc()]
    return [col.asc().nulls_last(), _events.c.id.asc()]
