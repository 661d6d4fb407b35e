"""GET /api/stats: counts of the filtered events by day, event type, sub-event type and country."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import func, select

from ..store import models as m
from .deps import EngineDep
from .filters import FiltersDep, apply
from .responses import FastJSON

router = APIRouter(prefix="/api", tags=["stats"])
_events = m.Event.__table__


@router.get("/stats", response_class=FastJSON, summary="Counts of the filtered events")
def get_stats(f: FiltersDep, engine: EngineDep) -> FastJSON:
    """`{"total", "fatalities", "first_date", "last_date", "by_day": [[date, events, fatalities], ...],
    "by_event_type": [[type, n], ...], "by_sub_event_type", "by_country"}`; groups by count, largest first."""
    c = _events.c
    n = func.count().label("n")
    with engine.connect() as conn:
        total, deaths, first, last = conn.execute(
            apply(
                select(
                    func.count(),
                    func.coalesce(func.sum(c.fatalities), 0),
                    func.min(c.event_date),
                    func.max(c.event_date),
                ),
                f,
            )
        ).one()
        days = conn.execute(
            apply(
                select(c.event_date, n, func.coalesce(func.sum(c.fatalities), 0)).where(
                    c.event_date.is_not(None)
                ),
                f,
            )
            .group_by(c.event_date)
            .order_by(c.event_date)
        )
        out = {
            "total": total,
            "fatalities": int(deaths),
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
            "by_day": [[d.isoformat(), k, int(s)] for d, k, s in days],
        }
        for key, col in (
            ("by_event_type", c.event_type),
            ("by_sub_event_type", c.sub_event_type),
            ("by_country", c.country),
        ):
            rows = conn.execute(apply(select(col, n), f).group_by(col).order_by(n.desc(), col))
            out[key] = [[k, v] for k, v in rows]
    return FastJSON(out)
