"""Ingest: read documents, extract their events, store documents, reports, evidence, and fuse.

Idempotent and crash-safe:

- a document whose id is stored with the same content hash is skipped before extraction
  (`unchanged`); one whose text is already stored under another id is skipped too (`duplicates`);
- a stored id with a new content hash is replaced: its old reports leave their events, which are
  fused again, and its new reports are fused in, all in the same transaction as the rest of its batch;
- every `batch_size` documents are committed in one transaction (document rows, reports, evidence,
  fusion updates, near-duplicate links), so a process killed at any point leaves whole batches only,
  and a re-run redoes exactly the documents of the lost batch.

Extraction runs in worker processes (`Pipeline.run(jobs=0)`) on chunks of `CHUNK` documents; the
parent writes. Each chunk is checked against the database before extraction, so a re-run of a
finished ingest extracts nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from ..api import Pipeline, iter_documents
from ..documents import Document, source_name
from ..documents.readers import _walk, input_kind
from ..events.model import Event
from . import models as m
from .db import open_engine
from .dedup import DuplicateFinder, sample, shingles
from .fusion import fuse_document, remove_document_reports
from .records import columns_of

CHUNK = 1000  # documents checked and extracted together; bounds memory on any input size
BATCH = 50  # documents per transaction


@dataclass
class IngestCounts:
    added: int = 0  # new documents stored
    replaced: int = 0  # stored ids whose content changed
    unchanged: int = 0  # stored ids with the same content: nothing done
    duplicates: int = 0  # same text as a stored document under another id: nothing done
    skipped: int = 0  # unreadable, oversized or non-Arabic documents
    reports: int = 0  # events extracted from the added and replaced documents
    near_duplicates: int = 0  # added documents linked to an earlier near-identical copy

    @property
    def seen(self) -> int:
        return self.added + self.replaced + self.unchanged + self.duplicates + self.skipped

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(doc: Document) -> str:
    """Everything the stored events depend on: the text, the date relative dates resolve against, and
    the metadata carried into `source`."""
    parts = [doc.text, doc.published.isoformat() if doc.published else "", doc.url or "", doc.title or "",
             doc.publisher or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def estimate_total(inputs: Sequence[str]) -> int | None:
    """Number of documents in INPUTS, counted cheaply (JSONL lines, files), or None when unknown
    (standard input, WARC archives)."""
    total = 0
    for inp in inputs:
        paths = list(_walk(inp)) if os.path.isdir(inp) else [inp]
        for path in paths:
            kind = input_kind(path)
            if inp == "-" or kind == "warc" or path.lower().endswith(".gz"):
                return None
            if kind == "jsonl":
                try:
                    with open(path, "rb") as f:
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
                except OSError:
                    continue
            elif kind is not None:
                total += 1
    return total


@dataclass
class _Pending:
    doc: Document
    content_hash: str
    replace_pk: int | None  # the stored row of this id, when its content changed


class _Writer:
    """Writes extracted documents in the open session; one per ingest run."""

    def __init__(self, session: Session, counts: IngestCounts) -> None:
        self.session = session
        self.counts = counts
        self.finder = DuplicateFinder(session)

    def write(self, item: _Pending, events: list[Event]) -> None:
        s, doc = self.session, item.doc
        values = dict(content_hash=item.content_hash, text_hash=text_hash(doc.text), published=doc.published,
                      url=doc.url, title=doc.title, publisher=doc.publisher, source=source_name(doc),
                      language=doc.language, text=doc.text, n_events=len(events), ingested_at=_utcnow())
        if item.replace_pk is not None:
            row = s.get(m.Document, item.replace_pk)
            assert row is not None
            remove_document_reports(s, row.id)
            s.execute(m.Shingle.__table__.delete().where(m.Shingle.document_pk == row.id))
            s.execute(m.Duplicate.__table__.delete().where(m.Duplicate.document_pk == row.id))
            for k, v in values.items():
                setattr(row, k, v)
            self.counts.replaced += 1
        else:
            row = m.Document(doc_id=doc.id, **values)
            s.add(row)
            self.counts.added += 1
        s.flush()
        self._link_duplicate(row, doc.text)
        reports = [m.Report(document_pk=row.id, report_id=ev.event_id, **columns_of(ev)) for ev in events]
        s.add_all(reports)
        s.flush()
        evidence = [dict(report_pk=r.id, field=e.field, doc_id=e.doc_id, start=e.start, end=e.end, text=e.text)
                    for r, ev in zip(reports, events, strict=True) for e in ev.evidence]
        if evidence:
            s.execute(insert(m.Evidence), evidence)
        fuse_document(s, row.id, reports)
        self.counts.reports += len(reports)

    def _link_duplicate(self, row: m.Document, text: str) -> None:
        hashes = shingles(text)
        picked = sample(hashes)
        found = self.finder.find(row.id, hashes, picked)
        row.cluster_id = row.id
        if found is not None:
            other_pk, score = found
            other = self.session.get(m.Document, other_pk)
            row.cluster_id = (other.cluster_id if other is not None and other.cluster_id else other_pk)
            self.session.add(m.Duplicate(document_pk=row.id, duplicate_of=other_pk, similarity=round(score, 3)))
            self.counts.near_duplicates += 1
        if picked:
            self.session.execute(insert(m.Shingle), [dict(hash=h, document_pk=row.id) for h in picked])
        self.finder.remember(row.id, hashes)


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _to_extract(session: Session, chunk: list[Document], counts: IngestCounts,
                seen_texts: set[str]) -> list[_Pending]:
    """The documents of CHUNK that need extraction; the others are counted as unchanged/duplicates."""
    stored = dict(session.execute(select(m.Document.doc_id, m.Document.id)
                                  .where(m.Document.doc_id.in_([d.id for d in chunk]))).all())
    hashes_of = dict(session.execute(select(m.Document.id, m.Document.content_hash)
                                     .where(m.Document.id.in_(list(stored.values())))).all())
    texts = {d.id: text_hash(d.text) for d in chunk}
    known_texts = set(session.scalars(select(m.Document.text_hash)
                                      .where(m.Document.text_hash.in_(list(set(texts.values()))))))
    out = []
    for doc in chunk:
        h = content_hash(doc)
        pk = stored.get(doc.id)
        if pk is not None:
            if hashes_of.get(pk) == h:
                counts.unchanged += 1
                continue
            out.append(_Pending(doc, h, pk))
        elif texts[doc.id] in known_texts or texts[doc.id] in seen_texts:
            counts.duplicates += 1
            continue
        else:
            out.append(_Pending(doc, h, None))
        seen_texts.add(texts[doc.id])
    return out


def ingest(inputs: Sequence[str], db_url: str | None = None, *, published: dt.date | None = None,
           max_chars: int = 5_000_000, jobs: int = 0, batch_size: int = BATCH,
           pipeline: Pipeline | None = None, engine: Engine | None = None,
           on_skip: Callable[[str], None] | None = None,
           on_progress: Callable[[IngestCounts], None] | None = None) -> IngestCounts:
    """Extract and store the documents of INPUTS in the store at DB_URL (see `db.default_url`).
    `on_progress` is called after each document with the running counts."""
    engine = engine or open_engine(db_url)
    counts = IngestCounts()
    pipeline = pipeline or Pipeline()

    def skip(message: str) -> None:
        counts.skipped += 1
        if on_skip:
            on_skip(message)
        if on_progress:
            on_progress(counts)

    with Session(engine, expire_on_commit=False) as session:
        run = m.IngestRun(started_at=_utcnow(), inputs="\n".join(inputs))
        session.add(run)
        session.commit()
        writer = _Writer(session, counts)
        seen_texts: set[str] = set()
        docs = iter_documents(inputs, published=published, max_chars=max_chars, on_skip=skip)
        for chunk in _chunks(docs, CHUNK):
            todo = _to_extract(session, chunk, counts, seen_texts)
            if on_progress and len(todo) < len(chunk):
                on_progress(counts)
            pending = deque(todo)
            extracted: list[Event] = []
            since_commit = 0

            def done() -> None:
                nonlocal since_commit
                writer.write(pending.popleft(), extracted.copy())
                extracted.clear()
                since_commit += 1
                if since_commit >= batch_size:
                    _save_run(session, run, counts)
                    since_commit = 0
                if on_progress:
                    on_progress(counts)

            for ev in pipeline.run((p.doc for p in todo), jobs=jobs, on_done=done):
                extracted.append(ev)
            _save_run(session, run, counts)
        run.finished_at = _utcnow()
        _save_run(session, run, counts)
    return counts


def _save_run(session: Session, run: m.IngestRun, counts: IngestCounts) -> None:
    """Commit the batch, with the run's counts so far (in the same transaction)."""
    for k in ("added", "replaced", "unchanged", "duplicates", "skipped", "reports"):
        setattr(run, k, getattr(counts, k))
    session.commit()
