"""The batch driver: plan shards, run the two shard steps on Dask workers, find copies in between.

    plan ─► read_shard × N (workers) ─► Deduplicator, in input order (driver) ─► code_shard × N (workers)

The driver only plans, schedules and runs the LSH index; workers read inputs and write Parquet
straight into OUT, which must therefore be a folder every worker and the driver can reach (local
disk for a LocalCluster, a shared file system on a real cluster; see docs/batch.md).

Restarts: each finished step of a shard leaves a marker in OUT/_state/<step>/; a re-run with the
same inputs and options skips marked shards and redoes the rest (their files are replaced whole).
OUT/_state/plan.json records what OUT was made from, so a run on other inputs is refused rather
than mixed in.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .dedup import DEFAULT_THRESHOLD, DEFAULT_WINDOW, Deduplicator, DocKey, Duplicate
from .plan import DEFAULT_SHARD_SIZE, Plan, Shard, plan_shards
from .tables import DUPLICATES, PART, AtomicWriter, iter_rows, shard_path
from .tasks import Settings, ShardReport, code_shard, read_shard

STATE = "_state"


class BatchError(Exception):
    """A batch that cannot start or could not finish (bad output folder, failed shards)."""


@dataclass(frozen=True)
class BatchOptions:
    """Everything a batch run is given besides its inputs."""

    out: str
    workers: int = 2
    scheduler: str | None = None  # address of a running Dask scheduler; None starts a local cluster
    shard_size: int = DEFAULT_SHARD_SIZE
    max_chars: int = 5_000_000
    published: dt.date | None = None
    min_confidence: float = 0.0
    dedup: bool = True
    threshold: float = DEFAULT_THRESHOLD
    dedup_window: int = DEFAULT_WINDOW


@dataclass
class BatchResult:
    """Counts of a finished run, and peak memory: each worker's (bytes, by process id) and the
    driver's (the calling process, a LocalCluster's scheduler included)."""

    shards: int = 0
    shards_reused: int = 0  # steps found finished by an earlier run
    documents: int = 0
    copies: int = 0  # near-duplicates, not coded
    repeated_ids: int = 0
    coded: int = 0
    events: int = 0
    skipped: int = 0
    seconds: float = 0.0
    worker_peak_rss: dict[int, int] = field(default_factory=dict)
    driver_peak_rss: int = 0


def run_batch(inputs: Sequence[str], options: BatchOptions, *,
              on_skip: Callable[[str], None] | None = None,
              on_progress: Callable[[str], None] | None = None) -> BatchResult:
    """Code every document of `inputs` into OUT's Parquet tables on a Dask cluster (a local one of
    `options.workers` processes unless `options.scheduler` names a running scheduler)."""
    started = time.perf_counter()
    out = Path(options.out)
    plan = plan_shards(inputs, options.shard_size)
    _claim(out, plan, options)
    result = BatchResult(shards=len(plan.shards))
    skip = on_skip or (lambda _m: None)
    for message in plan.errors:
        result.skipped += 1
        skip(message)
    settings = Settings(str(out), options.max_chars, options.published, options.min_confidence)
    with _client(options) as client:
        run = _Run(client, plan, out, settings, options, result, skip, on_progress or (lambda _m: None))
        run.go()
    result.seconds = time.perf_counter() - started
    result.driver_peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return result


class _Run:
    """One batch run's bookkeeping. The two steps overlap: shards are deduplicated in input order as
    their read step finishes, and a shard's coding is submitted as soon as every shard before it has
    been deduplicated (a copy's original always comes earlier in the input), so the workers never
    wait at a corpus-wide barrier."""

    def __init__(self, client, plan: Plan, out: Path, settings: Settings, options: BatchOptions,
                 result: BatchResult, skip: Callable[[str], None], progress: Callable[[str], None]) -> None:
        self.client, self.plan, self.out, self.settings = client, plan, out, settings
        self.result, self.skip, self.progress = result, skip, progress
        self.dedup = Deduplicator(options.threshold, options.dedup, options.dedup_window)
        self.read: dict[int, ShardReport] = {}
        self.next = 0  # the first shard not yet deduplicated
        self.failures: list[str] = []

    def go(self) -> None:
        from dask.distributed import as_completed

        pending = as_completed()
        for s in self.plan.shards:
            report = self._done("read", s)
            if report is not None:
                self.read[s.index] = report
            else:
                pending.add(self.client.submit(read_shard, s, self.settings, pure=False, priority=0))
        # Copies go to duplicates/ as they are found (a corpus may hold millions).
        self.duplicates = AtomicWriter(self.out / "duplicates" / PART, DUPLICATES)
        try:
            self._collect(pending)
        except BaseException:
            self.duplicates.abort()
            raise
        self.duplicates.commit()
        if self.failures:
            raise BatchError(f"{len(self.failures)} shard task(s) failed (finished shards are kept; run "
                             "again to retry):\n" + "\n".join(self.failures))

    def _collect(self, pending) -> None:
        pending.update(self._dedup_ready())
        for future in pending:
            try:
                report: ShardReport = future.result()
            except Exception as e:  # a shard's failure is reported; the other shards are kept
                self.failures.append(f"{future.key}: {type(e).__name__}: {e}")
                continue
            self._finished(report)
            if report.step == "read":
                self.read[report.shard] = report
                pending.update(self._dedup_ready())

    def _dedup_ready(self) -> list:
        """Deduplicate the shards now read in order; the code-step futures submitted for them."""
        futures = []
        shards = self.plan.shards
        while self.next < len(shards) and self.next in self.read:
            s = shards[self.next]
            self._report_reading(self.read[s.index])
            copies = frozenset(self._dedup_shard(s.index))
            report = self._done("code", s)
            if report is not None:
                self.result.coded += report.documents
                self.result.events += report.events
            else:
                # Coding outranks reading: shards are finished (and committed) early, in order.
                futures.append(self.client.submit(code_shard, s, self.settings, copies, pure=False,
                                                  priority=1))
            self.next += 1
        return futures

    def _dedup_shard(self, shard: int) -> Iterator[int]:
        rows = iter_rows(shard_path(self.out, "documents", shard), ["row", "id", "origin", "minhash"], 4096)
        for r in rows:
            d = self.dedup.check(DocKey(r["id"], shard, r["row"], r["origin"]), r["minhash"])
            if d is None:
                continue
            self.duplicates.add(_duplicate_row(d))
            if d.reason == "same id":
                self.result.repeated_ids += 1
                self.result.skipped += 1
                first = _origin_of(self.out, d.of)
                self.skip(f"{d.doc.origin}: duplicate id {d.doc.doc_id!r} (first at {first}); skipped")
            else:
                self.result.copies += 1
            yield d.doc.row

    def _report_reading(self, r: ShardReport) -> None:
        # In shard order, so that messages come out in input order whatever the workers' pace.
        self.result.documents += r.documents
        self.result.skipped += r.skipped
        for m in r.skips:
            self.skip(m)
        if r.skipped > len(r.skips):
            self.skip(f"shard {r.shard:05d}: {r.skipped - len(r.skips)} more skipped documents not listed")

    def _done(self, step: str, shard: Shard) -> ShardReport | None:
        path = _marker(self.out, step, shard.index)
        if not path.exists():
            return None
        self.result.shards_reused += 1
        return ShardReport(**json.loads(path.read_text(encoding="utf-8")))

    def _finished(self, report: ShardReport) -> None:
        _write_json(_marker(self.out, report.step, report.shard), asdict(report))
        peaks = self.result.worker_peak_rss
        peaks[report.worker_pid] = max(peaks.get(report.worker_pid, 0), report.worker_peak_rss)
        if report.step == "code":
            self.result.coded += report.documents
            self.result.events += report.events
        self.progress(f"{report.step} shard {report.shard:05d}: {report.documents} documents, "
                      f"{report.events} events, {report.seconds:.1f} s")


def _origin_of(out: Path, key: DocKey) -> str:
    """Where a document came from, read back from documents/ (only for the rare repeated id)."""
    import pyarrow.parquet as pq

    origins = pq.read_table(shard_path(out, "documents", key.shard), columns=["origin"]).column("origin")
    return origins[key.row].as_py() or key.doc_id


def _duplicate_row(d: Duplicate) -> dict[str, Any]:
    return {"doc_id": d.doc.doc_id, "shard": d.doc.shard, "row": d.doc.row, "duplicate_of": d.of.doc_id,
            "duplicate_of_shard": d.of.shard, "duplicate_of_row": d.of.row, "similarity": d.similarity,
            "reason": d.reason}


class _client:
    """A Dask client on the given scheduler, or on a local cluster closed on exit."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        self.cluster = self.client = None

    def __enter__(self):
        from dask.distributed import Client, LocalCluster

        if self.options.scheduler:
            self.client = Client(self.options.scheduler)
        else:
            # One single-threaded process per worker: the pipeline is pure Python, so threads would
            # only contend for the GIL.
            self.cluster = LocalCluster(n_workers=self.options.workers, threads_per_worker=1,
                                        processes=True, dashboard_address=None,
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _claim(out: Path, plan: Plan, options: BatchOptions) -> None:
    """Record what OUT is made from; refuse an OUT made from other inputs or options."""
    wanted = {"plan": plan.fingerprint(),
              "options": {k: str(v) for k, v in asdict(options).items()
                          if k not in ("out", "workers", "scheduler")}}
    path = out / STATE / "plan.json"
    if path.exists():
        if json.loads(path.read_text(encoding="utf-8")) != wanted:
            raise BatchError(f"{out} holds the output of other inputs or options; "
                             "give a new --out folder (or delete this one)")
        return
    _write_json(path, wanted)


def _marker(out: Path, step: str, shard: int) -> Path:
    return out / STATE / step / f"{shard:05d}.json"


def _write_json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(obj, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
