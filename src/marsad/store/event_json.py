"""Fused events as the contract's JSON records (`event.schema.json`), and their pre-serialised copies.

Listing events is the service's hot path, and building a record from its row and evidence costs more than
finding it. So every write that changes an event clears its stored JSON (`events.record_json`, the record
without evidence, and `events.evidence_json`, its evidence array), and the writer fills them again
(`fill_records`) in the same transaction: readers see committed events with their JSON, a page is a
concatenation. Rows without it (a store written before revision 0005) are built on the fly."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, Row, bindparam, select, update

from ..events.model import ACLED_FIELDS, EXTRA_FIELDS
from . import models as m

_events = m.Event.__table__
_reports = m.Report.__table__
_evidence = m.Evidence.__table__

# The event columns a record is made of (`year` is derived, `doc_ids` split, `evidence` fetched apart).
EVENT_COLUMNS = [_events.c.id] + [
    _events.c[k] for k in ACLED_FIELDS + EXTRA_FIELDS if k not in ("year", "evidence")
]
# Positions in a row of EVENT_COLUMNS (rows are read as plain tuples: `Row._mapping` per field cost more
# than the query itself on a page of 50 events).
_NAMES = [c.name for c in EVENT_COLUMNS]
_DATE_AT = _NAMES.index("event_date")
_DOC_IDS_AT = _NAMES.index("doc_ids")
_ORDER = [k for k in ACLED_FIELDS + EXTRA_FIELDS if k != "evidence"]


def evidence_of(conn: Connection, event_pks: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The evidence of every report of each event, in document and report order."""
    if not event_pks:
        return {}
    rows = conn.execute(
        select(
            _reports.c.event_pk,
            _evidence.c.field,
            _evidence.c.doc_id,
            _evidence.c.start,
            _evidence.c.end,
            _evidence.c.text,
        )
        .join(_reports, _reports.c.id == _evidence.c.report_pk)
        .where(_reports.c.event_pk.in_(list(event_pks)))
        .order_by(_reports.c.event_pk, _reports.c.document_pk, _reports.c.id, _evidence.c.id)
    )
    out: dict[int, list[dict[str, Any]]] = {}
    for pk, field, doc_id, start, end, text in rows:
        out.setdefault(pk, []).append(
            {"field": field, "doc_id": doc_id, "start": start, "end": end, "text": text}
        )
    return out


def event_record(row: Sequence[Any], evidence: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The contract's event record (ACLED fields in ACLED order, then Marsad's, `evidence` last) from an
    EVENT_COLUMNS row."""
    values = dict(zip(_NAMES, row, strict=True))
    date = row[_DATE_AT]
    values["year"] = date.year if date else None
    values["event_date"] = date.isoformat() if date else None
    doc_ids = row[_DOC_IDS_AT]
    values["doc_ids"] = doc_ids.split("; ") if doc_ids else []
    d = {k: values[k] for k in _ORDER}
    d["evidence"] = evidence or []
    return d


def event_records(conn: Connection, rows: Iterable[Row], with_evidence: bool = True) -> list[dict[str, Any]]:
    rows = list(rows)
    evidence = evidence_of(conn, [r[0] for r in rows]) if with_evidence else {}
    return [event_record(r, evidence.get(r[0])) for r in rows]


def record_json(record: dict[str, Any]) -> tuple[str, str]:
    """(the record without `evidence`, its evidence array) as JSON texts, as stored."""
    evidence = record.pop("evidence")
    try:
        return orjson.dumps(record).decode(), orjson.dumps(evidence).decode()
    finally:
        record["evidence"] = evidence


NO_EVIDENCE = b',"evidence":[]}'


def joined_record(record: str, evidence: str | None) -> bytes:
    """The stored halves as one encoded record (`evidence` None: asked without evidence). The same bytes
    as `orjson.dumps(event_record(...))`: `evidence` is the record's last key."""
    head = record.encode()[:-1]
    if evidence is None:
        return head + NO_EVIDENCE
    return head + b',"evidence":' + evidence.encode() + b"}"


_STALE = select(_events.c.id).where(_events.c.record_json.is_(None)).order_by(_events.c.id)
_SET_JSON = (update(_events).where(_events.c.id == bindparam("_event"))
             .values(record_json=bindparam("_record"), evidence_json=bindparam("_evidence")))


def fill_records(conn: Connection, chunk: int = 500) -> int:
    """Serialise every event whose JSON was cleared (new or changed since), in the caller's transaction;
    returns how many. Writers call it before committing."""
    pks = list(conn.scalars(_STALE))
    for i in range(0, len(pks), chunk):
        rows = list(conn.execute(select(*EVENT_COLUMNS).where(_events.c.id.in_(pks[i:i + chunk]))))
        evidence = evidence_of(conn, [r[0] for r in rows])
        params = []
        for row in rows:
            rec_text, ev_text = record_json(event_record(row, evidence.get(row[0])))
            params.append({"_event": row[0], "_record": rec_text, "_evidence": ev_text})
        if params:
            conn.execute(_SET_JSON, params)
    return len(pks)
