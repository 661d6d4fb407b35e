"""Documents of one shard, read and cleaned exactly as `marsad extract` reads and cleans them.

The single-process path is `api.iter_documents`; a shard reads its pieces with the same readers and
applies the same steps (default publication date, cleaning, the Arabic check), so the documents a
worker codes are the documents one process would have coded. Repeated ids across shards are found
by the driver afterwards (see `dedup`), since no worker sees the whole corpus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import BinaryIO

from ..documents import Document, DocumentError, clean_document, detect_language
from ..documents.readers import read_file, read_jsonl_stream, read_warc
from .plan import Piece, Shard

# Raw bytes of an HTML page that must look like Arabic before the page is parsed at all: parsing
# (trafilatura) is the costly step, and in a general web crawl few pages are Arabic.
_MIN_ARABIC_BYTES = 200


def iter_shard(shard: Shard, *, max_chars: int, published: dt.date | None,
               on_skip: Callable[[str], None]) -> Iterator[Document]:
    """Cleaned Arabic documents of `shard`, in order; everything else goes to `on_skip`."""
    for piece in shard.pieces:
        for item in read_piece(piece, max_chars):
            if isinstance(item, DocumentError):
                on_skip(str(item))
                continue
            if item.published is None and published is not None:
                item.published = published
            doc = clean_document(item)
            doc.language = doc.language or detect_language(doc.text)
            if doc.language != "ar":
                on_skip(f"{doc.origin or doc.id}: document {doc.id!r} is not Arabic "
                        f"(detected {doc.language or 'no language'})")
                continue
            yield doc


def read_piece(piece: Piece, max_chars: int) -> Iterator[Document | DocumentError]:
    if piece.kind == "warc":
        yield from read_warc(piece.path, max_chars, html_filter=arabic_page_filter)
    elif piece.kind == "jsonl" and (piece.start or piece.end is not None):
        yield from _read_jsonl_range(piece, max_chars)
    else:
        yield from read_file(piece.path, max_chars)


def arabic_page_filter(payload: bytes) -> str | None:
    """Why an HTML payload is not worth parsing (too few UTF-8 Arabic letters), or None. Pages
    that do not declare UTF-8 early on (say, windows-1256) are let through to the parser."""
    if payload.count(b"\xd8") + payload.count(b"\xd9") >= _MIN_ARABIC_BYTES:
        return None
    head = payload[:4096].lower()
    if b"utf-8" not in head and b"utf8" not in head:
        return None
    return "not Arabic (no Arabic letters in the page)"


def _read_jsonl_range(piece: Piece, max_chars: int) -> Iterator[Document | DocumentError]:
    """Lines of bytes [start, end); the planner made both ends line starts. Origins read
    "file.jsonl@START:N", line N counted from byte START."""
    name = f"{piece.path}@{piece.start}" if piece.start else piece.path
    try:
        with open(piece.path, "rb") as f:
            f.seek(piece.start)
            yield from read_jsonl_stream(_Bounded(f, piece.end), name, max_chars)
    except OSError as e:
        yield DocumentError(piece.path, f"cannot read: {e.strerror or e}", kind="input")


class _Bounded:
    """A binary file seen only up to byte `end`, for `readline` (the one method the reader uses)."""

    def __init__(self, f: BinaryIO, end: int | None) -> None:
        self.f = f
        self.left = None if end is None else end - f.tell()

    def readline(self, size: int = -1) -> bytes:
        if self.left is None:
            return self.f.readline(size)
        if self.left <= 0:
            return b""
        size = self.left if size < 0 else min(size, self.left)
        line = self.f.readline(size)
        self.left -= len(line)
        return line
