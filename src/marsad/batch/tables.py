"""The Parquet tables a batch run writes, and reading them back.

    OUT/documents/shard=NNNNN/part.parquet   one row per coded-or-copied document (text included,
                                             since evidence offsets point into it)
    OUT/events/shard=NNNNN/part.parquet      one row per event, ACLED fields + provenance
    OUT/evidence/shard=NNNNN/part.parquet    one row per evidence span, joined on (shard, event_row)
    OUT/duplicates/part.parquet              copies and repeated ids, with the document they copy
    OUT/_state/                              plan and per-shard commit markers (see engine)

Tables are partitioned by shard (hive style, so `pyarrow.dataset.dataset(OUT/"events",
partitioning="hive")` or DuckDB/Spark read them as one table with a `shard` column); events also
carry `event_month` (YYYY-MM) for date filtering. Each file is written under a hidden temporary
name and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..documents import Document
from ..events.model import ACLED_FIELDS, EXTRA_FIELDS, Event

PART = "part.parquet"
_STR, _I32, _I64, _F64 = pa.string(), pa.int32(), pa.int64(), pa.float64()

DOCUMENTS = pa.schema([
    ("row", _I32), ("id", _STR), ("text", _STR), ("published", pa.date32()), ("published_time", _STR),
    ("url", _STR), ("title", _STR), ("publisher", _STR), ("language", _STR), ("origin", _STR),
    ("mask", pa.list_(pa.list_(_I32))), ("quote_fixes", pa.list_(_I32)), ("minhash", pa.binary()),
])

_EVENT_TYPES: dict[str, pa.DataType] = {
    "year": _I32, "time_precision": _I32, "iso": _I32, "latitude": _F64, "longitude": _F64,
    "geo_precision": _I32, "fatalities": _I32, "timestamp": _I64, "confidence": _F64,
    "doc_ids": pa.list_(_STR),
}
EVENT_COLUMNS = tuple(f for f in ACLED_FIELDS + EXTRA_FIELDS if f != "evidence")
EVENTS = pa.schema([("row", _I32)] + [(f, _EVENT_TYPES.get(f, _STR)) for f in EVENT_COLUMNS]
                   + [("event_month", _STR)])
EVIDENCE = pa.schema([("event_row", _I32), ("seq", _I32), ("event_id", _STR), ("field", _STR),
                      ("doc_id", _STR), ("start", _I32), ("end", _I32), ("text", _STR)])
DUPLICATES = pa.schema([("doc_id", _STR), ("shard", _I32), ("row", _I32), ("duplicate_of", _STR),
                        ("duplicate_of_shard", _I32), ("duplicate_of_row", _I32),
                        ("similarity", _F64), ("reason", _STR)])

# Rows buffered before a row group is written: bounds a worker's memory on a shard of any size.
ROW_GROUP_ROWS = 256
ROW_GROUP_BYTES = 8 << 20


def shard_path(out: Path, table: str, shard: int) -> Path:
    return out / table / f"shard={shard:05d}" / PART


class AtomicWriter:
    """Rows to one Parquet file in row groups, published by rename when closed without error."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.schema = schema
        self.writer = pq.ParquetWriter(self.tmp, schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []
        self.bytes = 0

    def add(self, row: dict[str, Any], size: int = 0) -> None:
        self.rows.append(row)
        self.bytes += size
        if len(self.rows) >= ROW_GROUP_ROWS or self.bytes >= ROW_GROUP_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows, self.bytes = [], 0

    def commit(self) -> None:
        self.flush()
        self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.writer.close()
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def document_row(row: int, doc: Document, minhash: bytes) -> dict[str, Any]:
    return {
        "row": row, "id": doc.id, "text": doc.text, "published": doc.published,
        "published_time": doc.published_time.isoformat() if doc.published_time else None,
        "url": doc.url, "title": doc.title, "publisher": doc.publisher, "language": doc.language,
        "origin": doc.origin, "mask": [list(m) for m in doc.mask], "quote_fixes": list(doc.quote_fixes),
        "minhash": minhash,
    }


def row_document(r: dict[str, Any]) -> Document:
    """The cleaned document as the worker that read it had it (the inverse of `document_row`)."""
    return Document(
        id=r["id"], text=r["text"], published=r["published"],
        published_time=dt.datetime.fromisoformat(r["published_time"]) if r["published_time"] else None,
        url=r["url"], title=r["title"], publisher=r["publisher"], language=r["language"],
        origin=r["origin"], mask=[(a, b) for a, b in r["mask"]], quote_fixes=list(r["quote_fixes"]),
    )


def event_rows(row: int, event: Event) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The events-table row of `event` and its evidence-table rows."""
    d = event.to_dict()
    evidence = [{"event_row": row, "seq": i, "event_id": event.event_id, **e}
                for i, e in enumerate(d["evidence"])]
    r = {"row": row, **{f: d[f] for f in EVENT_COLUMNS}}
    r["event_month"] = event.event_date[:7] if event.event_date else None
    return r, evidence


def iter_rows(path: Path, columns: list[str] | None = None, batch_size: int = 64) -> Iterator[dict[str, Any]]:
    """Rows of one Parquet file, a few at a time."""
    f = pq.ParquetFile(path)
    for batch in f.iter_batches(batch_size=batch_size, columns=columns):
        yield from batch.to_pylist()


def shards_of(out: Path, table: str) -> list[int]:
    """Shard numbers with a committed file in `table`, in order."""
    root = out / table
    if not root.is_dir():
        return []
    found = [int(p.name.split("=", 1)[1]) for p in root.iterdir()
             if p.name.startswith("shard=") and (p / PART).exists()]
    return sorted(found)


def read_events(out: str | os.PathLike[str], shards: Iterable[int] | None = None) -> Iterator[dict[str, Any]]:
    """Events of a batch output as `Event.to_dict()` gives them (evidence included), in input order,
    one shard in memory at a time."""
    out = Path(out)
    for shard in shards_of(out, "events") if shards is None else shards:
        evidence: dict[int, list[dict[str, Any]]] = {}
        for e in iter_rows(shard_path(out, "evidence", shard), batch_size=1024):
            evidence.setdefault(e["event_row"], []).append(e)
        for r in iter_rows(shard_path(out, "events", shard), batch_size=1024):
            d = {f: r[f] for f in ACLED_FIELDS + EXTRA_FIELDS if f != "evidence"}
            d["evidence"] = [{k: e[k] for k in ("field", "doc_id", "start", "end", "text")}
                             for e in sorted(evidence.get(r["row"], ()), key=lambda e: e["seq"])]
            yield d
