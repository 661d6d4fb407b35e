"""Fetched pages into the store, through `marsad.store.ingest`'s own per-document write path (the same
checks for unchanged and duplicate documents, the same writer, fusion and near-duplicate links), with
the URL's watch state written in the same transaction as its document.

One `PageSink` owns one database connection and is used from one thread only (the watch's database
thread); extraction runs there too, so the event loop keeps fetching meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Engine, insert, update

from ..api import Pipeline
from ..documents import Document, DocumentError, clean_document, language_error
from ..documents.records import document_from_record
from ..store import models as m
from ..store.ingest import DocumentWriter, IngestCounts, documents_to_write, prepare_document
from . import state
from .state import PendingUrl

_runs = m.IngestRun.__table__
T = TypeVar("T")


@dataclass(frozen=True)
class Stored:
    outcome: str  # "added", "replaced", "unchanged", "duplicate", or "skipped" with `reason`
    reason: str | None = None
    events: int = 0


def page_document(page: PendingUrl, html: str, publisher: str | None,
                  max_chars: int) -> Document | DocumentError:
    """The cleaned document of a fetched page; its id is its URL (as for WARC records), its title and
    date the feed's when given (the page's own otherwise)."""
    record = {"id": page.url, "html": html, "url": page.url, "title": page.title, "publisher": publisher,
              "published": page.published}
    doc = document_from_record(record, page.url, max_chars)
    if isinstance(doc, DocumentError) and page.published and "published" in doc.message:
        # a feed date the reader refuses is no reason to lose the article
        record["published"] = None
        doc = document_from_record(record, page.url, max_chars)
    if isinstance(doc, DocumentError):
        return doc
    doc = clean_document(doc)
    return language_error(doc) or doc


class PageSink:
    def __init__(self, engine: Engine, pipeline: Pipeline, label: str) -> None:
        self.conn = engine.connect()
        self.pipeline = pipeline
        self.counts = IngestCounts()
        self.run_pk = self.conn.execute(insert(_runs).returning(_runs.c.id).values(
            started_at=state.utcnow(), inputs=label, added=0, replaced=0, unchanged=0, duplicates=0,
            skipped=0, reports=0)).scalar_one()
        self.conn.commit()
        self._new_writer()

    def _new_writer(self) -> None:
        # batch_size is never reached: `store` commits each page itself, with its URL's state.
        self.writer = DocumentWriter(self.conn, self.counts, self.run_pk, batch_size=1 << 62,
                                     on_progress=None)

    def store(self, page: PendingUrl, doc: Document | DocumentError, attempts: int,
              http_status: int) -> Stored:
        """Write DOC (or the reason there is none) and mark PAGE's URL, in one transaction."""
        now = state.utcnow()
        try:
            if isinstance(doc, DocumentError):
                self.counts.skipped += 1
                state.mark_url(self.conn, page.url, state.SKIPPED, attempts=attempts, http_status=http_status,
                               error=doc.message, now=now)
                self.writer.commit()
                return Stored("skipped", doc.message)
            before = (self.counts.added, self.counts.replaced, self.counts.unchanged, self.counts.reports)
            # a fresh set: what an earlier, rolled-back page added to it must not make this one a duplicate
            todo = documents_to_write(self.conn, [doc], self.counts, set())
            if todo:
                self.writer.write(todo[0], *prepare_document(self.pipeline, doc))
            state.mark_url(self.conn, page.url, state.STORED, attempts=attempts, http_status=http_status,
                           doc_id=doc.id, now=now)
            self.writer.commit()
        except Exception:
            self.conn.rollback()
            self._new_writer()  # its near-duplicate memory may hold the rolled-back document
            raise
        if not todo:
            outcome = "unchanged" if self.counts.unchanged > before[2] else "duplicate"
        else:
            outcome = "added" if self.counts.added > before[0] else "replaced"
        return Stored(outcome, events=self.counts.reports - before[3])

    def transaction(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """FN(conn, *args, **kwargs) in a transaction of its own (state reads and writes)."""
        try:
            value = fn(self.conn, *args, **kwargs)
            self.conn.commit()
            return value
        except Exception:
            self.conn.rollback()
            raise

    def close(self) -> None:
        try:
            self.conn.execute(update(_runs).where(_runs.c.id == self.run_pk).values(
                finished_at=state.utcnow()))
            self.conn.commit()
        finally:
            self.conn.close()
