"""Shard planning: byte ranges of JSONL at line starts, packing of small files, bad inputs."""

from __future__ import annotations

import gzip

import pytest

from marsad.batch.plan import Piece, plan_shards
from marsad.batch.read import read_piece
from marsad.documents import Document

from .conftest import write_jsonl
from .corpus import corpus


@pytest.fixture
def big_jsonl(tmp_path):
    return write_jsonl(tmp_path / "big.jsonl", corpus(30))


@pytest.mark.parametrize("shard_size", [1, 100, 1000, 1500, 4096, 10_000, 1 << 20])
def test_plan_jsonl_ranges_cover_every_line_once(big_jsonl, shard_size):
    data = big_jsonl.read_bytes()
    plan = plan_shards([str(big_jsonl)], shard_size)
    pieces = [p for s in plan.shards for p in s.pieces]
    ends = [p.end if p.end is not None else len(data) for p in pieces]
    assert [p.start for p in pieces] == [0] + ends[:-1]  # contiguous, in order
    assert all(p.start == 0 or data[p.start - 1:p.start] == b"\n" for p in pieces)
    ids = [d.id for p in pieces for d in read_piece(p, 5_000_000)]
    assert ids == [r["id"] for r in corpus(30)]


def test_plan_jsonl_ranges_name_their_start_in_origins(big_jsonl):
    plan = plan_shards([str(big_jsonl)], 5000)
    second = plan.shards[1].pieces[0]
    docs = list(read_piece(second, 5_000_000))
    assert isinstance(docs[0], Document)
    assert [d.origin for d in docs[:2]] == [f"{big_jsonl}@{second.start}:1", f"{big_jsonl}@{second.start}:2"]


def test_plan_small_files_packed_in_input_order(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name, size in [("a.txt", 300), ("b.txt", 300), ("c.txt", 300), ("d.html", 900), ("e.txt", 10)]:
        (d / name).write_bytes(b"x" * size)
    (d / ".hidden.txt").write_bytes(b"x")
    (d / "notes.pdf").write_bytes(b"x")
    plan = plan_shards([str(d)], 700)
    assert [[p.path.rsplit("/", 1)[1] for p in s.pieces] for s in plan.shards] == [
        ["a.txt", "b.txt"], ["c.txt"], ["d.html"], ["e.txt"]]
    assert [s.size for s in plan.shards] == [600, 300, 900, 10]
    assert [s.name for s in plan.shards] == ["00000", "00001", "00002", "00003"]


def test_plan_compressed_jsonl_and_warc_are_whole_pieces(tmp_path):
    gz = tmp_path / "big.jsonl.gz"
    with gzip.open(gz, "wb") as f:
        f.write(b"".join(b'{"id": "x%d", "text": "\xd9\x86\xd8\xb5"}\n' % i for i in range(5000)))
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(b"x" * 5000)
    plan = plan_shards([str(gz), str(warc)], 100)
    assert [s.pieces for s in plan.shards] == [(Piece(str(gz), "jsonl"),), (Piece(str(warc), "warc"),)]


@pytest.mark.parametrize("name, message", [
    ("missing.jsonl", "{p}: no such file or directory"),
    ("notes.pdf", "{p}: unknown input kind: expected .jsonl, .txt, .html, .htm, .warc, .warc.gz "
                  "or a directory"),
    ("-", "-: standard input cannot be sharded; give files or directories"),
])
def test_plan_bad_inputs_are_reported(tmp_path, name, message):
    p = str(tmp_path / name) if name != "-" else "-"
    if name == "notes.pdf":
        (tmp_path / name).write_bytes(b"%PDF")
    plan = plan_shards([p])
    assert plan.shards == ()
    assert plan.errors == (message.format(p=p),)


def test_plan_rejects_zero_shard_size(tmp_path):
    with pytest.raises(ValueError, match="shard size must be positive"):
        plan_shards([str(tmp_path)], 0)


def test_plan_fingerprint_changes_with_the_files(big_jsonl):
    before = plan_shards([str(big_jsonl)], 5000).fingerprint()
    assert plan_shards([str(big_jsonl)], 5000).fingerprint() == before
    with open(big_jsonl, "ab") as f:
        f.write(b'{"id": "late", "text": "\xd9\x86\xd8\xb5"}\n')
    assert plan_shards([str(big_jsonl)], 5000).fingerprint() != before
