"""Between the extractor's `Event` records and the store's rows (ACLED columns are shared)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..events.model import Event, Evidence

# Columns of `models._AcledFields`, in the same names as `Event`'s attributes.
ACLED_COLUMNS = (
    "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp", "confidence",
    "attribution",
)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def columns_of(ev: Event) -> dict[str, Any]:
    """Row values for an `Event` (dates as `date`)."""
    d = {k: getattr(ev, k) for k in ACLED_COLUMNS}
    d["event_date"] = _date(ev.event_date)
    return d


def event_of(row: Any, event_id: str, doc_ids: list[str] | None = None,
             evidence: list[Evidence] | None = None) -> Event:
    """An `Event` from a `reports` or `events` row."""
    values = {k: getattr(row, k) for k in ACLED_COLUMNS}
    values["event_date"] = row.event_date.isoformat() if row.event_date else None
    return Event(event_id=event_id, doc_ids=list(doc_ids or []), evidence=list(evidence or []), **values)
