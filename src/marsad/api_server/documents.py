"""GET /api/documents/{doc_id} and the one write: POST /api/documents (ingest, token required)."""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any

import orjson
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine, select

from ..store import models as m
from .deps import EngineDep, SettingsDep, require_token
from .records import DOCUMENT_COLUMNS, document_record
from .responses import FastJSON

router = APIRouter(prefix="/api", tags=["documents"])
_documents = m.Document.__table__
_events = m.Event.__table__
_links = m.EventDocument.__table__
_duplicates = m.Duplicate.__table__


def _event_ids(conn, document_pk: int) -> list[str]:
    return list(
        conn.scalars(
            select(_events.c.event_id)
            .join(_links, _links.c.event_pk == _events.c.id)
            .where(_links.c.document_pk == document_pk)
            .order_by(_events.c.id)
        )
    )


@router.get("/documents/{doc_id:path}", response_class=FastJSON, summary="One stored document")
def get_document(doc_id: str, engine: EngineDep) -> FastJSON:
    """The document's metadata and text (evidence offsets point into `text`), the events it reports, and
    the earlier copy it is a near-duplicate of, if any."""
    with engine.connect() as conn:
        row = conn.execute(select(*DOCUMENT_COLUMNS).where(_documents.c.doc_id == doc_id)).first()
        if row is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        record = document_record(row)
        record["event_ids"] = _event_ids(conn, row.id)
        record["duplicate_of"] = conn.scalar(
            select(_documents.c.doc_id)
            .join(_duplicates, _duplicates.c.duplicate_of == _documents.c.id)
            .where(_duplicates.c.document_pk == row.id)
            .limit(1)
        )
    return FastJSON(record)


def _parse_documents(body: bytes, max_chars: int) -> list[dict[str, Any]]:
    """The posted documents: one JSON object, a list of them, `{"documents": [...]}`, or JSON lines."""
    try:
        data: Any = orjson.loads(body)
    except orjson.JSONDecodeError:
        try:
            data = [orjson.loads(line) for line in body.splitlines() if line.strip()]
        except orjson.JSONDecodeError as e:
            raise HTTPException(422, "the body is neither JSON nor JSON lines") from e
    if isinstance(data, dict):
        data = data["documents"] if isinstance(data.get("documents"), list) else [data]
    if not isinstance(data, list) or not data:
        raise HTTPException(422, 'expected a document object, a list of them, or {"documents": [...]}')
    for i, doc in enumerate(data):
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
            raise HTTPException(422, f"document {i}: needs a string `id`")
        body_text = doc.get("text", doc.get("html"))
        if not isinstance(body_text, str) or not body_text:
            raise HTTPException(422, f"document {doc['id']!r}: needs `text` or `html`")
        if len(body_text) > max_chars:
            raise HTTPException(413, f"document {doc['id']!r}: longer than {max_chars} characters")
    return data


def _ingest(engine: Engine, docs: list[dict[str, Any]]) -> dict[str, Any]:
    from ..store.ingest import ingest

    skipped: list[str] = []
    fd, path = tempfile.mkstemp(prefix="marsad-post-", suffix=".jsonl")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for doc in docs:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        counts = ingest([path], engine=engine, jobs=1, on_skip=skipped.append)
    finally:
        os.unlink(path)
    # The temporary file's name means nothing to the client; keep the line number and the reason.
    return {**counts.as_dict(), "skipped_reasons": [s.replace(path, "body") for s in skipped]}


@router.post(
    "/documents",
    response_class=FastJSON,
    status_code=200,
    dependencies=[Depends(require_token)],
    summary="Ingest documents (needs the API token)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "description": "A document {id, text|html, published?, url?, title?, publisher?}, "
                        'a list of them, or {"documents": [...]}'
                    }
                }
            },
        }
    },
)
async def post_documents(request: Request, engine: EngineDep, settings: SettingsDep) -> FastJSON:
    """Extract and store the posted documents exactly as `marsad ingest` does; answers the counts and the
    event ids of each document. Without `Authorization: Bearer <token>` matching the configured token:
    401, and nothing is read or written."""
    docs = _parse_documents(await request.body(), settings.max_post_chars)
    lock = request.app.state.write_lock  # one ingest at a time: fusion reads what the last one wrote

    def run() -> dict[str, Any]:
        with lock:
            result = _ingest(engine, docs)
            with engine.connect() as conn:
                pks = dict(
                    conn.execute(
                        select(_documents.c.doc_id, _documents.c.id).where(
                            _documents.c.doc_id.in_([d["id"] for d in docs])
                        )
                    ).all()
                )
                result["events"] = {d: _event_ids(conn, pk) for d, pk in pks.items()}
        return result

    return FastJSON(await run_in_threadpool(run))
