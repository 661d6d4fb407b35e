"""Writers for events and place mentions: JSONL, ACLED-ordered CSV, GeoJSON.

Each writer takes an open text stream and an iterable of records, writes them as they come (JSONL and
CSV stream; GeoJSON streams its features inside one FeatureCollection), and returns the count.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

import orjson

from ..events.model import ACLED_FIELDS, Event

FORMATS = ("jsonl", "csv", "geojson")


def _json(obj: Any) -> str:
    return orjson.dumps(obj).decode()


def write_jsonl(out: TextIO, records: Iterable[dict[str, Any]]) -> int:
    n = 0
    for r in records:
        out.write(_json(r))
        out.write("\n")
        n += 1
    return n


def write_events(out: TextIO, events: Iterable[Event], fmt: str = "jsonl") -> int:
    """Write events in `fmt` (one of FORMATS); returns how many were written."""
    if fmt == "jsonl":
        return write_jsonl(out, (e.to_dict() for e in events))
    if fmt == "csv":
        return _write_csv(out, events)
    if fmt == "geojson":
        return _write_geojson(out, events)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _write_csv(out: TextIO, events: Iterable[Event]) -> int:
    # ACLED names its id column event_id_cnty; the rest are ACLED's columns in ACLED's order.
    columns = ("event_id_cnty",) + ACLED_FIELDS[1:]
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    n = 0
    for e in events:
        d = e.to_dict()
        d["event_id_cnty"] = d["event_id"]
        w.writerow(["" if d[c] is None else d[c] for c in columns])
        n += 1
    return n


def _write_geojson(out: TextIO, events: Iterable[Event]) -> int:
    out.write('{"type":"FeatureCollection","features":[')
    n = 0
    for e in events:
        # An event the text does not place keeps a null geometry (valid GeoJSON) rather than vanish.
        geometry = None
        if e.latitude is not None and e.longitude is not None:
            geometry = {"type": "Point", "coordinates": [e.longitude, e.latitude]}
        feature = {"type": "Feature", "geometry": geometry, "properties": e.to_dict()}
        out.write(("," if n else "") + _json(feature))
        n += 1
    out.write("]}\n")
    return n
