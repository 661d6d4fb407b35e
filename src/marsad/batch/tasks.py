"""What a worker does with a shard, in two steps with a corpus-wide barrier between them.

1. `read_shard`: read and clean the shard's documents, sign each (MinHash), write `documents/`.
2. `code_shard`: read the shard's documents back from `documents/`, code every one that is not a
   copy, write `events/` and `evidence/`.

Both stream: at most a row group of documents is in memory, whatever the shard's size. Both are
plain functions of picklable arguments, so any engine can run them; the Dask driver is `engine.py`.
A worker process builds its `Pipeline` once (the lru_cache below) and keeps it for every shard.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..api import Pipeline
from .dedup import signature
from .plan import Shard
from .read import iter_shard
from .tables import (
    DOCUMENTS,
    EVENTS,
    EVIDENCE,
    AtomicWriter,
    document_row,
    event_rows,
    iter_rows,
    row_document,
    shard_path,
)

MAX_REPORTED_SKIPS = 100  # per shard; the count is always exact


@dataclass(frozen=True, slots=True)
class Settings:
    """The options every shard task needs (one object, passed down)."""

    out: str
    max_chars: int = 5_000_000
    published: dt.date | None = None
    min_confidence: float = 0.0


@dataclass
class ShardReport:
    """What a task tells the driver: counts, the first skips, and the worker's cost."""

    shard: int
    step: str  # "read" or "code"
    documents: int = 0
    events: int = 0
    skipped: int = 0
    skips: list[str] = field(default_factory=list)
    seconds: float = 0.0
    worker_pid: int = 0
    worker_peak_rss: int = 0  # bytes, high-water mark of the worker process so far

    def skip(self, message: str) -> None:
        self.skipped += 1
        if len(self.skips) < MAX_REPORTED_SKIPS:
            self.skips.append(message)

    def finish(self, started: float) -> ShardReport:
        self.seconds = time.perf_counter() - started
        self.worker_pid = os.getpid()
        self.worker_peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        return self


@lru_cache(maxsize=4)
def worker_pipeline(min_confidence: float) -> Pipeline:
    """The worker process's pipeline, loaded on its first shard and kept for the others."""
    pipeline = Pipeline(min_confidence=min_confidence)
    pipeline.extractor.warm_up()
    return pipeline


def read_shard(shard: Shard, settings: Settings) -> ShardReport:
    """Step 1: documents of `shard` cleaned, signed and written to documents/."""
    started = time.perf_counter()
    report = ShardReport(shard.index, "read")
    path = shard_path(Path(settings.out), "documents", shard.index)
    with AtomicWriter(path, DOCUMENTS) as docs:
        for doc in iter_shard(shard, max_chars=settings.max_chars, published=settings.published,
                              on_skip=report.skip):
            docs.add(document_row(report.documents, doc, signature(doc.text)), size=2 * len(doc.text))
            report.documents += 1
    return report.finish(started)


def code_shard(shard: Shard, settings: Settings, copies: frozenset[int] = frozenset()) -> ShardReport:
    """Step 2: every document of `shard` whose row is not in `copies`, coded; events/ and evidence/
    written, both or neither."""
    started = time.perf_counter()
    report = ShardReport(shard.index, "code")
    out = Path(settings.out)
    pipeline = worker_pipeline(settings.min_confidence)
    columns = [c for c in DOCUMENTS.names if c != "minhash"]
    events = AtomicWriter(shard_path(out, "events", shard.index), EVENTS)
    evidence = AtomicWriter(shard_path(out, "evidence", shard.index), EVIDENCE)
    try:
        for r in iter_rows(shard_path(out, "documents", shard.index), columns):
            if r["row"] in copies:
                continue
            report.documents += 1
            for event in pipeline.extract_document(row_document(r)):
                row, spans = event_rows(report.events, event)
                events.add(row)
                for s in spans:
                    evidence.add(s)
                report.events += 1
    except BaseException:
        events.abort()
        evidence.abort()
        raise
    evidence.commit()
    events.commit()  # last: a shard counts as coded once its events file exists (with its marker)
    return report.finish(started)
