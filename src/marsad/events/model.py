"""The event record: ACLED fields plus Marsad's provenance, serialised as the contract says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# ACLED's column order, as `csv` output writes it (contract: ../shared/contract/README.md).
ACLED_FIELDS = (
    "event_id", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
EXTRA_FIELDS = ("doc_ids", "confidence", "attribution", "evidence")


@dataclass(frozen=True, slots=True)
class Evidence:
    field: str
    doc_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "doc_id": self.doc_id, "start": self.start, "end": self.end,
                "text": self.text}


@dataclass
class Event:
    event_id: str
    event_date: str | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str = ""
    actor2: str = ""
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    inter1: str = ""
    inter2: str = ""
    interaction: str = ""
    civilian_targeting: str = ""
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = 0
    tags: str = ""
    timestamp: int | None = None
    doc_ids: list[str] = field(default_factory=list)
    confidence: float = 0.0
    attribution: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return int(self.event_date[:4]) if self.event_date else None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        for k in ACLED_FIELDS + EXTRA_FIELDS:
            v = getattr(self, k)
            if k == "evidence":
                v = [e.to_dict() for e in v]
            elif k == "doc_ids":
                v = list(v)
            d[k] = v
        return d
