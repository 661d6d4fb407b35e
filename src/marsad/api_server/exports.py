"""Exports of the filtered events: ACLED-ordered CSV, GeoJSON (both streamed) and Parquet.

Rows are read in pages by keyset (the row id), so an export of the whole store never holds it all."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import Engine, select

from ..events.model import ACLED_FIELDS
from ..store import models as m
from .deps import EngineDep, SettingsDep
from .filters import EventFilters, FiltersDep, apply
from .records import EVENT_COLUMNS, event_records
from .settings import Settings

router = APIRouter(prefix="/api", tags=["exports"])
_events = m.Event.__table__
_PAGE = 2000
# ACLED names its id column event_id_cnty (as `marsad extract --format csv` writes it).
CSV_COLUMNS = ("event_id_cnty",) + ACLED_FIELDS[1:]


def iter_records(
    engine: Engine, f: EventFilters, limit: int, evidence: bool
) -> Iterator[list[dict[str, Any]]]:
    """Pages of the filtered events' records, in storage order, LIMIT records at most."""
    last, left = 0, limit
    with engine.connect() as conn:
        while left > 0:
            rows = conn.execute(
                apply(select(*EVENT_COLUMNS), f)
                .where(_events.c.id > last)
                .order_by(_events.c.id)
                .limit(min(_PAGE, left))
            ).all()
            if not rows:
                return
            yield event_records(conn, rows, with_evidence=evidence)
            last, left = rows[-1].id, left - len(rows)


def _limit(settings: Settings, limit: int | None) -> int:
    return min(limit or settings.max_export, settings.max_export)


def _csv(pages: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for page in pages:
        for d in page:
            d["event_id_cnty"] = d["event_id"]
            w.writerow(["" if d[c] is None else d[c] for c in CSV_COLUMNS])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def _geojson(pages: Iterator[list[dict[str, Any]]]) -> Iterator[bytes]:
    yield b'{"type":"FeatureCollection","features":['
    first = True
    for page in pages:
        parts = []
        for d in page:
            geometry = (
                None  # an unplaced event keeps a null geometry (valid GeoJSON), as `marsad extract` does
            )
            if d["latitude"] is not None and d["longitude"] is not None:
                geometry = {"type": "Point", "coordinates": [d["longitude"], d["latitude"]]}
            parts.append(orjson.dumps({"type": "Feature", "geometry": geometry, "properties": d}))
        if parts:
            yield (b"" if first else b",") + b",".join(parts)
            first = False
    yield b"]}\n"


LimitParam = Annotated[
    int | None, Query(ge=1, description="Write at most this many events (default: the service's max_export).")
]


@router.get(
    "/export.csv",
    summary="Filtered events as ACLED-ordered CSV",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}},
)
def export_csv(f: FiltersDep, engine: EngineDep, settings: SettingsDep, limit: LimitParam = None):
    pages = iter_records(engine, f, _limit(settings, limit), evidence=False)
    return StreamingResponse(
        _csv(pages),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'},
    )


@router.get(
    "/export.geojson",
    summary="Filtered events as a GeoJSON FeatureCollection",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/geo+json": {}}}},
)
def export_geojson(f: FiltersDep, engine: EngineDep, settings: SettingsDep, limit: LimitParam = None):
    pages = iter_records(engine, f, _limit(settings, limit), evidence=True)
    return StreamingResponse(
        _geojson(pages),
        media_type="application/geo+json",
        headers={"Content-Disposition": 'attachment; filename="marsad-events.geojson"'},
    )


def _parquet_schema():
    import pyarrow as pa

    evidence = pa.list_(
        pa.struct(
            [
                ("field", pa.string()),
                ("doc_id", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("text", pa.string()),
            ]
        )
    )
    ints = {"year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"}
    floats = {"latitude", "longitude"}
    fields = [
        (k, pa.int64() if k in ints else pa.float64() if k in floats else pa.string()) for k in ACLED_FIELDS
    ]
    fields += [
        ("doc_ids", pa.list_(pa.string())),
        ("confidence", pa.float64()),
        ("attribution", pa.string()),
        ("evidence", evidence),
    ]
    return pa.schema(fields)


@router.get(
    "/export.parquet",
    summary="Filtered events as Parquet (ACLED columns, then Marsad's)",
    response_class=Response,
    responses={200: {"content": {"application/vnd.apache.parquet": {}}}},
)
def export_parquet(f: FiltersDep, engine: EngineDep, settings: SettingsDep, limit: LimitParam = None):
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    buf = io.BytesIO()
    with pq.ParquetWriter(buf, schema, compression="zstd") as writer:
        for page in iter_records(engine, f, _limit(settings, limit), evidence=True):
            writer.write_table(pa.Table.from_pylist(page, schema=schema))
    return Response(
        buf.getvalue(),
        media_type="application/vnd.apache.parquet",
        headers={"Content-Disposition": 'attachment; filename="marsad-events.parquet"'},
    )
