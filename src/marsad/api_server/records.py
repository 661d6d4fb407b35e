"""Rows to JSON-ready records: events in the contract's shape (`event.schema.json`), their evidence, and
their documents. Built straight from rows (no ORM objects): listing pages is the service's hot path."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Row, select

from ..events.model import ACLED_FIELDS, EXTRA_FIELDS
from ..store import models as m

_events = m.Event.__table__
_reports = m.Report.__table__
_evidence = m.Evidence.__table__
_documents = m.Document.__table__
_links = m.EventDocument.__table__

# The event columns a record is made of (`year` is derived, `doc_ids` split, `evidence` fetched apart).
EVENT_COLUMNS = [_events.c.id] + [
    _events.c[k] for k in ACLED_FIELDS + EXTRA_FIELDS if k not in ("year", "evidence")
]


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


# Positions in a row of EVENT_COLUMNS (rows are read as plain tuples: `Row._mapping` per field cost more
# than the query itself on a page of 50 events).
_NAMES = [c.name for c in EVENT_COLUMNS]
_DATE_AT = _NAMES.index("event_date")
_DOC_IDS_AT = _NAMES.index("doc_ids")
_ORDER = [k for k in ACLED_FIELDS + EXTRA_FIELDS if k != "evidence"]


def event_record(row: Sequence[Any], evidence: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The contract's event record (ACLED fields in ACLED order, then Marsad's) from an EVENT_COLUMNS row."""
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


def document_record(row: Row, with_text: bool = True) -> dict[str, Any]:
    d = {
        "doc_id": row.doc_id,
        "title": row.title,
        "url": row.url,
        "publisher": row.publisher,
        "source": row.source,
        "published": row.published.isoformat() if row.published else None,
        "language": row.language,
    }
    if with_text:
        d["text"] = row.text
    return d


DOCUMENT_COLUMNS = [
    _documents.c[k]
    for k in ("id", "doc_id", "title", "url", "publisher", "source", "published", "language", "text")
]


def documents_of_event(conn: Connection, event_pk: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(*DOCUMENT_COLUMNS)
        .join(_links, _links.c.document_pk == _documents.c.id)
        .where(_links.c.event_pk == event_pk)
        .order_by(_documents.c.id)
    )
    return [document_record(r) for r in rows]
