"""Rows to JSON-ready records: events in the contract's shape (`event.schema.json`, built by
`store.event_json`) and their documents. Built straight from rows (no ORM objects)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, select

from ..store import models as m
from ..store.event_json import EVENT_COLUMNS, event_records

_documents = m.Document.__table__
_links = m.EventDocument.__table__

__all__ = ["EVENT_COLUMNS", "event_records", "document_record", "documents_of_event", "DOCUMENT_COLUMNS"]


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
