"""Ingest: read documents, extract their events, store documents, reports, evidence, and fuse.

Idempotent and crash-safe:

- a document whose id is stored with the same content hash is skipped before extraction
  (`unchanged`); one whose text is already stored under another id is skipped too (`duplicates`);
- a stored id with a new content hash is replaced: its old reports leave their events, which are
  fused again, and its new reports are fused in, all in the same transaction as the rest of its batch;
- every `batch_size` documents are committed in one transaction (document rows, reports, evidence,
  fusion updates, near-duplicate links), so a process killed at any point leaves whole batches only,
  and a re-run redoes exactly the documents of the lost batch.

Extraction (and shingling for near-duplicate detection) runs in forked worker processes on chunks
of `CHUNK` documents; the parent only writes. Each chunk is checked against the database before
extraction, so a re-run of a finished ingest extracts nothing.

`store_coded` stores documents coded elsewhere (a `marsad batch` output) through the same loop and
`DocumentWriter`; only where the events come from differs. `watch` writes one page at a time with
`documents_to_write`, `prepare_document` and `DocumentWriter`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import multiprocessing
import multiprocessing.pool
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import TypeVar

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from ..api import Pipeline, default_pipeline, iter_documents
from ..documents import Document, source_name
from ..documents.readers import input_kind, walk_inputs
from ..events.model import Event
from . import models as m
from .db import open_engine
from .dedup import DuplicateFinder, sample, shingles
from .event_json import fill_records
from .fusion import DocRef, fuse_document, remove_document_reports

CHUNK = 1000  # documents checked and extracted together; bounds memory on any input size
BATCH = 50  # documents per transaction
PARALLEL_MIN = 64  # documents; below this, worker start-up costs more than it saves

T = TypeVar("T")


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
        paths = list(walk_inputs(inp)) if os.path.isdir(inp) else [inp]
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


_documents = m.Document.__table__
_reports = m.Report.__table__
_evidence = m.Evidence.__table__
_shingles = m.Shingle.__table__
_duplicates = m.Duplicate.__table__
_runs = m.IngestRun.__table__
_INSERT_DOCUMENT = insert(_documents).returning(_documents.c.id)
_UPDATE_DOCUMENT = update(_documents).where(_documents.c.id == bindparam("_doc"))
_INSERT_DUPLICATE = insert(_duplicates)
_INSERT_SHINGLES = insert(_shingles)
_INSERT_EVIDENCE = insert(_evidence)
_CLUSTER_OF = select(_documents.c.cluster_id).where(_documents.c.id == bindparam("_doc"))


class DocumentWriter:
    """Writes coded documents (each with its events) on one connection, committing every `batch_size`
    documents."""

    def __init__(self, conn: Connection, counts: IngestCounts, run_pk: int, batch_size: int,
                 on_progress: Callable[[IngestCounts], None] | None) -> None:
        self.conn = conn
        self.counts = counts
        self.run_pk = run_pk
        self.batch_size = batch_size
        self.on_progress = on_progress
        self.finder = DuplicateFinder(conn)
        self.since_commit = 0

    def document_done(self, item: _Pending, prepared: _Prepared) -> None:
        self.write(item, *prepared)
        self.since_commit += 1
        if self.since_commit >= self.batch_size:
            self.commit()
        if self.on_progress:
            self.on_progress(self.counts)

    def commit(self, finished: bool = False) -> None:
        """Commit the batch, with the run's counts so far (in the same transaction)."""
        values = {k: getattr(self.counts, k)
                  for k in ("added", "replaced", "unchanged", "duplicates", "skipped", "reports")}
        if finished:
            values["finished_at"] = _utcnow()
        fill_records(self.conn)
        self.conn.execute(update(_runs).where(_runs.c.id == self.run_pk).values(**values))
        self.conn.commit()
        self.since_commit = 0

    def write(self, item: _Pending, events: list[Event], hashes: frozenset[int], picked: list[int]) -> None:
        conn, doc = self.conn, item.doc
        for ev in events:
            if ev.doc_ids and doc.id not in ev.doc_ids:  # would store another document's events
                raise RuntimeError(f"events of {ev.doc_ids} paired with document {doc.id!r}")
        found = self.finder.find(item.replace_pk or 0, hashes, picked)
        cluster = None
        if found is not None:
            cluster = conn.scalar(_CLUSTER_OF, {"_doc": found[0]}) or found[0]
        values = dict(content_hash=item.content_hash, text_hash=text_hash(doc.text), published=doc.published,
                      url=doc.url, title=doc.title, publisher=doc.publisher, source=source_name(doc),
                      language=doc.language, text=doc.text, n_events=len(events), cluster_id=cluster,
                      ingested_at=_utcnow())
        if item.replace_pk is not None:
            pk = item.replace_pk
            remove_document_reports(conn, pk)
            conn.execute(delete(_shingles).where(_shingles.c.document_pk == pk))
            conn.execute(delete(_duplicates).where(_duplicates.c.document_pk == pk))
            conn.execute(_UPDATE_DOCUMENT, {"_doc": pk, **values})
            self.counts.replaced += 1
        else:
            pk = conn.execute(_INSERT_DOCUMENT, {"doc_id": doc.id, **values}).scalar_one()
            self.counts.added += 1
        if found is not None:
            conn.execute(_INSERT_DUPLICATE, {"document_pk": pk, "duplicate_of": found[0],
                                             "similarity": round(found[1], 3)})
            self.counts.near_duplicates += 1
        if picked:
            conn.execute(_INSERT_SHINGLES, [{"hash": h, "document_pk": pk} for h in picked])
        self.finder.remember(pk, hashes)
        report_pks = fuse_document(conn, DocRef(pk, doc.id, cluster, values["source"]),
                                   [(None, ev) for ev in events])
        evidence = [dict(report_pk=rpk, field=e.field, doc_id=e.doc_id, start=e.start, end=e.end, text=e.text)
                    for rpk, ev in zip(report_pks, events, strict=True) for e in ev.evidence]
        if evidence:
            conn.execute(_INSERT_EVIDENCE, evidence)
        self.counts.reports += len(events)


_Prepared = tuple[list[Event], frozenset[int], list[int]]


def prepare_document(pipeline: Pipeline, doc: Document) -> _Prepared:
    """What the parent needs of a document besides the document: its events, its shingles and the
    sample of them it is indexed under."""
    hashes = shingles(doc.text)
    return pipeline.extract_document(doc), hashes, sample(hashes)


# The pipeline inside a worker process, set by `_init_worker` when the pool forks (the parent's loaded
# resources are inherited, not pickled).
_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _prepare_in_worker(doc: Document) -> _Prepared:
    assert _WORKER_PIPELINE is not None
    return prepare_document(_WORKER_PIPELINE, doc)


class _Extraction:
    """Extraction and shingling in worker processes (one pool for the whole run, started on the first
    chunk big enough to pay for it), results in input order; the parent only writes."""

    def __init__(self, pipeline: Pipeline, jobs: int) -> None:
        self.pipeline = pipeline
        self.jobs = jobs or (os.cpu_count() or 1)
        self.pool: multiprocessing.pool.Pool | None = None

    def __enter__(self) -> _Extraction:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def map(self, docs: list[Document]) -> Iterator[_Prepared]:
        if self.pool is None and (self.jobs <= 1 or len(docs) < PARALLEL_MIN):
            return (prepare_document(self.pipeline, d) for d in docs)
        if self.pool is None:
            self.pipeline.extractor.warm_up()
            self.pool = multiprocessing.get_context("fork").Pool(self.jobs, initializer=_init_worker,
                                                                 initargs=(self.pipeline,))
        return self.pool.imap(_prepare_in_worker, docs, chunksize=8)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def documents_to_write(conn: Connection, chunk: list[Document], counts: IngestCounts,
                       seen_texts: set[str]) -> list[_Pending]:
    """The documents of CHUNK that need writing (and coding, when not coded yet); the others are
    counted as unchanged/duplicates."""
    stored = {r.doc_id: (r.id, r.content_hash) for r in conn.execute(
        select(_documents.c.doc_id, _documents.c.id, _documents.c.content_hash)
        .where(_documents.c.doc_id.in_([d.id for d in chunk])))}
    texts = {d.id: text_hash(d.text) for d in chunk}
    known_texts = set(conn.scalars(select(_documents.c.text_hash)
                                   .where(_documents.c.text_hash.in_(list(set(texts.values()))))))
    out = []
    for doc in chunk:
        h = content_hash(doc)
        if doc.id in stored:
            pk, old = stored[doc.id]
            if old == h:
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


def _write_all(engine: Engine, label: str, counts: IngestCounts, batch_size: int,
               on_progress: Callable[[IngestCounts], None] | None, items: Iterable[T],
               document_of: Callable[[T], Document],
               prepare: Callable[[list[T]], Iterable[_Prepared]]) -> None:
    """The loop `ingest` and `store_coded` share: record a run labelled LABEL, then CHUNK items at a
    time, skip the unchanged and duplicate documents, get the events and shingles of the others from
    PREPARE (given their items, in order) and write them, committing every `batch_size` documents."""
    with engine.connect() as conn:
        run_pk = conn.execute(insert(_runs).returning(_runs.c.id).values(
            started_at=_utcnow(), inputs=label, added=0, replaced=0, unchanged=0, duplicates=0,
            skipped=0, reports=0)).scalar_one()
        conn.commit()
        writer = DocumentWriter(conn, counts, run_pk, batch_size, on_progress)
        seen_texts: set[str] = set()
        for chunk in _chunks(items, CHUNK):
            todo = documents_to_write(conn, [document_of(x) for x in chunk], counts, seen_texts)
            if on_progress and len(todo) < len(chunk):
                on_progress(counts)
            # `todo` keeps the chunk's order, so one pass over the chunk finds the item of each (by
            # identity: the same id may come twice in a chunk)
            rest = iter(chunk)
            kept = [next(x for x in rest if document_of(x) is p.doc) for p in todo]
            for item, prepared in zip(todo, prepare(kept), strict=True):
                writer.document_done(item, prepared)
            writer.commit()
        writer.commit(finished=True)


def ingest(inputs: Sequence[str], db_url: str | None = None, *, published: dt.date | None = None,
           max_chars: int = 5_000_000, jobs: int = 0, batch_size: int = BATCH,
           pipeline: Pipeline | None = None, engine: Engine | None = None,
           on_skip: Callable[[str], None] | None = None,
           on_progress: Callable[[IngestCounts], None] | None = None) -> IngestCounts:
    """Extract and store the documents of INPUTS in the store at DB_URL (see `db.default_url`).
    `on_progress` is called after each document with the running counts."""
    engine = engine or open_engine(db_url)
    counts = IngestCounts()
    pipeline = pipeline or default_pipeline()

    def skip(message: str) -> None:
        counts.skipped += 1
        if on_skip:
            on_skip(message)
        if on_progress:
            on_progress(counts)

    docs = iter_documents(inputs, published=published, max_chars=max_chars, on_skip=skip)
    with _Extraction(pipeline, jobs) as extraction:
        _write_all(engine, "\n".join(inputs), counts, batch_size, on_progress, docs, _same, extraction.map)
    return counts


def _same(doc: Document) -> Document:
    return doc


def _first(pair: tuple[Document, list[Event]]) -> Document:
    return pair[0]


def _with_shingles(pairs: list[tuple[Document, list[Event]]]) -> Iterator[_Prepared]:
    for doc, events in pairs:
        hashes = shingles(doc.text)
        yield events, hashes, sample(hashes)


def store_coded(coded: Iterable[tuple[Document, list[Event]]], db_url: str | None = None, *,
                engine: Engine | None = None, batch_size: int = BATCH, label: str = "coded documents",
                on_progress: Callable[[IngestCounts], None] | None = None) -> IngestCounts:
    """Store documents coded elsewhere (`marsad batch`), each with its events, in the store at DB_URL
    exactly as `ingest` stores the documents it codes: the same checks for unchanged and duplicate
    documents, near-duplicate links, fusion, evidence, batch commits and a run in `ingest_runs`
    (labelled LABEL). Each document's events must be its own (their `doc_ids` name it)."""
    engine = engine or open_engine(db_url)
    counts = IngestCounts()
    _write_all(engine, label, counts, batch_size, on_progress, coded, _first, _with_shingles)
    return counts
