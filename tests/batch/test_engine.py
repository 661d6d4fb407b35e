"""The batch driver on a local Dask cluster of two worker processes: same events as one process,
copies coded once, restarts skip finished shards, problems reported."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest

from marsad.api import Pipeline, iter_documents
from marsad.batch import BatchError, BatchOptions, read_events, run_batch

from .conftest import page, write_jsonl, write_warc
from .corpus import article, corpus


def _inputs(root: Path, copies: int = 0) -> list[str]:
    """A folder of every input kind, with one JSONL file big enough to be split into ranges."""
    import random

    d = root / "in"
    d.mkdir()
    records = corpus(36, seed=5, copies=copies)
    write_jsonl(d / "a.jsonl", records[:30 + copies])
    with gzip.open(d / "b.jsonl.gz", "wb") as f:
        f.write(b"".join(orjson.dumps(r) + b"\n" for r in records[30 + copies:]))
    rng = random.Random(3)
    (d / "c.txt").write_text(article(rng), encoding="utf-8")
    (d / "d.html").write_bytes(page("اشتباكات", article(rng)))
    write_warc(d / "e.warc.gz", [
        ("https://news.example/ar/1", "text/html; charset=utf-8", page("غارة", article(rng))),
        ("https://news.example/en/1", "text/html", page("Strike", "Nothing happened today. " * 30, "en")),
        ("https://news.example/logo.png", "image/png", b"\x89PNG" + b"\x00" * 50_000),
        ("https://news.example/ar/2", "text/html; charset=utf-8", page("انفجار", article(rng))),
    ], gz=True)
    return [str(d)]


def _single(inputs: list[str]) -> list[dict]:
    return [e.to_dict() for e in Pipeline().run(iter_documents(inputs))]


def test_engine_two_workers_equal_single_process(tmp_path, scheduler):
    inputs = _inputs(tmp_path)
    skips: list[str] = []
    result = run_batch(inputs, BatchOptions(str(tmp_path / "out"), scheduler=scheduler, shard_size=6000,
                                            dedup=False), on_skip=skips.append)
    expected = _single(inputs)
    assert len(expected) >= 60
    assert list(read_events(tmp_path / "out")) == expected
    assert result.shards >= 6 and len(result.worker_peak_rss) == 2
    assert (result.documents, result.coded, result.copies, result.events) == (40, 40, 0, len(expected))
    assert skips == [f"{inputs[0]}/e.warc.gz record 5: document 'https://news.example/en/1': not Arabic "
                     "(no Arabic letters in the page)"]


def test_engine_copies_are_coded_once(tmp_path, scheduler):
    inputs = _inputs(tmp_path, copies=6)
    result = run_batch(inputs, BatchOptions(str(tmp_path / "out"), scheduler=scheduler, shard_size=6000))
    dups = pq.read_table(tmp_path / "out" / "duplicates").to_pylist()
    copy_ids = {r["doc_id"] for r in dups}
    assert {(r["doc_id"], r["duplicate_of"], r["reason"]) for r in dups} == {
        (c, c.rsplit("-of-", 1)[1], "near-duplicate") for c in copy_ids}
    assert len(copy_ids) == 6 and all(c.startswith("copy-") for c in copy_ids)
    expected = [e for e in _single(inputs) if e["doc_ids"][0] not in copy_ids]
    assert list(read_events(tmp_path / "out")) == expected
    assert (result.documents, result.copies, result.coded) == (46, 6, 40)
    # Copies are kept in documents/ (their text is evidence of syndication), not coded.
    documents = pq.read_table(tmp_path / "out" / "documents", columns=["id"]).column("id").to_pylist()
    assert copy_ids <= set(documents)


def test_engine_rerun_skips_finished_shards(tmp_path, scheduler):
    inputs = _inputs(tmp_path)
    options = BatchOptions(str(tmp_path / "out"), scheduler=scheduler, shard_size=6000)
    first = run_batch(inputs, options)
    events = list(read_events(tmp_path / "out"))
    again = run_batch(inputs, options)
    assert (again.shards_reused, again.coded, again.events) == (2 * first.shards, first.coded, first.events)
    # A shard whose coding was lost (a worker died before committing) is redone, and only it.
    (tmp_path / "out" / "_state" / "code" / "00001.json").unlink()
    (tmp_path / "out" / "events" / "shard=00001" / "part.parquet").unlink()
    third = run_batch(inputs, options)
    assert third.shards_reused == 2 * first.shards - 1
    assert list(read_events(tmp_path / "out")) == events


def test_engine_refuses_an_output_of_other_inputs(tmp_path, scheduler):
    a = write_jsonl(tmp_path / "a.jsonl", corpus(3))
    b = write_jsonl(tmp_path / "b.jsonl", corpus(4))
    run_batch([str(a)], BatchOptions(str(tmp_path / "out"), scheduler=scheduler))
    with pytest.raises(BatchError, match="holds the output of other inputs or options"):
        run_batch([str(b)], BatchOptions(str(tmp_path / "out"), scheduler=scheduler))


def test_engine_reports_skips_in_input_order(tmp_path, scheduler):
    records = corpus(5)
    a = tmp_path / "a.jsonl"
    first = orjson.dumps(records[0]) + b"\n"
    a.write_bytes(first + b"{not json\n" + orjson.dumps(records[1]) + b"\n")
    b_lines = [orjson.dumps(r) + b"\n" for r in
               (records[2], {"id": "en", "text": "The weather is fine today."}, records[0])]
    b = tmp_path / "b.jsonl"
    b.write_bytes(b"".join(b_lines))
    skips: list[str] = []
    result = run_batch([str(a), str(b), str(tmp_path / "missing.jsonl")],
                       BatchOptions(str(tmp_path / "out"), scheduler=scheduler, shard_size=1),
                       on_skip=skips.append)
    assert skips == [
        f"{tmp_path / 'missing.jsonl'}: no such file or directory",
        # Shards of one line each: a line's origin counts from its range's first byte.
        f"{a}@{len(first)}:1: invalid JSON at character 2: unexpected character, expected a string key",
        f"{b}@{len(b_lines[0])}:1: document 'en' is not Arabic (detected en)",
        f"{b}@{len(b_lines[0]) + len(b_lines[1])}:1: duplicate id 'a000' (first at {a}:1); skipped",
    ]
    assert (result.skipped, result.repeated_ids, result.coded) == (4, 1, 3)
