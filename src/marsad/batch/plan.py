"""Cutting the inputs into shards: the unit of work a worker takes, writes and commits on its own.

A shard is a list of pieces. An uncompressed JSONL file larger than the shard size is cut into byte
ranges that start at line starts (a line belongs to the range it starts in), so a worker seeks
straight to its range without reading what comes before. Compressed JSONL and WARC files cannot be
entered in the middle and are one piece each; small files are packed together until a shard holds
about `shard_size` bytes. The plan depends only on the inputs and the shard size, never on the
number of workers, so a re-run with other workers finds the same shards already done.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..documents.readers import input_kind, walk_inputs

# Bytes. Small shards keep every worker busy to the end on a modest corpus; for tens of GB, pass a
# larger --shard-size (docs/batch.md) to keep the number of files and tasks reasonable.
DEFAULT_SHARD_SIZE = 1 << 20
_SCAN = 1 << 16  # bytes read at a time when looking for the next line start


@dataclass(frozen=True, slots=True)
class Piece:
    """Bytes [start, end) of a file; end None means the whole file."""

    path: str
    kind: str  # "jsonl", "txt", "html" or "warc" (see readers.input_kind)
    start: int = 0
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    pieces: tuple[Piece, ...]
    size: int  # bytes of input, for scheduling and progress

    @property
    def name(self) -> str:
        return f"{self.index:05d}"


@dataclass(frozen=True, slots=True)
class Plan:
    shards: tuple[Shard, ...]
    errors: tuple[str, ...]  # inputs that cannot be read at all, as "path: reason"
    files: tuple[tuple[str, int, int], ...]  # (path, size, mtime_ns) of every input file

    def fingerprint(self) -> dict:
        """What a later run compares to know that an output folder holds this plan's shards."""
        return {"files": [list(f) for f in self.files],
                "shards": [[[p.path, p.kind, p.start, p.end] for p in s.pieces] for s in self.shards]}


def plan_shards(inputs: Sequence[str], shard_size: int = DEFAULT_SHARD_SIZE) -> Plan:
    """Shards covering `inputs` (files or directories, read in the order `marsad extract` reads them)."""
    if shard_size < 1:
        raise ValueError("shard size must be positive")
    errors: list[str] = []
    files: list[tuple[str, int, int]] = []
    pieces: list[tuple[Piece, int]] = []
    for path in _input_files(inputs, errors):
        try:
            st = os.stat(path)
        except OSError as e:
            errors.append(f"{path}: cannot read: {e.strerror or e}")
            continue
        files.append((path, st.st_size, st.st_mtime_ns))
        kind = input_kind(path)
        assert kind is not None
        if kind == "jsonl" and not path.lower().endswith(".gz") and st.st_size > shard_size:
            pieces.extend((p, (p.end or st.st_size) - p.start) for p in _jsonl_ranges(path, st.st_size,
                                                                                      shard_size))
        else:
            pieces.append((Piece(path, kind), st.st_size))
    return Plan(tuple(_pack(pieces, shard_size)), tuple(errors), tuple(files))


def _input_files(inputs: Sequence[str], errors: list[str]) -> Iterator[str]:
    for inp in inputs:
        if inp == "-":
            errors.append("-: standard input cannot be sharded; give files or directories")
        elif os.path.isdir(inp):
            yield from walk_inputs(inp)
        elif not os.path.exists(inp):
            errors.append(f"{inp}: no such file or directory")
        elif input_kind(inp) is None:
            errors.append(f"{inp}: unknown input kind: expected .jsonl, .txt, .html, .htm, .warc, "
                          ".warc.gz or a directory")
        else:
            yield inp


def _jsonl_ranges(path: str, size: int, shard_size: int) -> Iterator[Piece]:
    """Byte ranges of about `shard_size` that each start at a line start."""
    start = 0
    with open(path, "rb") as f:
        while start < size:
            end = _line_start_at_or_after(f, start + shard_size, size)
            yield Piece(path, "jsonl", start, None if end >= size else end)
            start = end


def _line_start_at_or_after(f, offset: int, size: int) -> int:
    """The first line start >= offset: just after the first newline at or after offset - 1."""
    if offset >= size:
        return size
    f.seek(offset - 1)
    pos = offset - 1
    while True:
        chunk = f.read(_SCAN)
        if not chunk:
            return size
        i = chunk.find(b"\n")
        if i >= 0:
            return pos + i + 1
        pos += len(chunk)


def _pack(pieces: list[tuple[Piece, int]], shard_size: int) -> Iterator[Shard]:
    """Consecutive pieces grouped into shards of about `shard_size` bytes, in input order."""
    group: list[Piece] = []
    total = 0
    index = 0
    for piece, size in pieces:
        if group and total + size > shard_size:
            yield Shard(index, tuple(group), total)
            index += 1
            group, total = [], 0
        group.append(piece)
        total += size
    if group:
        yield Shard(index, tuple(group), total)
