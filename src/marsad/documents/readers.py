"""Documents in: every input kind of the contract, streamed, bad input reported and skipped.

`read_documents()` yields a `Document` per article and a `DocumentError` per thing it could not
read (with its origin: "path:line", "path" or "path record N"), and goes on with the rest. Nothing
is read whole into memory: JSONL and WARC go line by line and record by record, and an oversized
line or record is measured and skipped in bounded chunks.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import orjson

from .model import Document, DocumentError
from .pages import extract_page
from .records import HTML_FACTOR, document_from_record, too_large

DEFAULT_MAX_CHARS = 5_000_000
# JSON may escape every character as \uXXXX: a line holding max_chars characters of text can
# take up to six bytes each, plus the other fields.
JSON_BYTES_PER_CHAR = 6
LINE_SLACK = 1 << 16
CHUNK = 1 << 20
# UTF-8 takes at most four bytes per character: a bigger .txt file is over max_chars unread.
UTF8_MAX_BYTES = 4

KINDS = {".jsonl": "jsonl", ".txt": "txt", ".html": "html", ".htm": "html", ".warc": "warc"}
COMPOUND_KINDS = {".warc.gz": "warc", ".jsonl.gz": "jsonl"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
STDIN = "<stdin>"


Item = Document | DocumentError


def input_kind(path: str) -> str | None:
    """'jsonl', 'txt', 'html' or 'warc' from the file name, None for other files."""
    name = path.lower()
    for suffix, kind in COMPOUND_KINDS.items():
        if name.endswith(suffix):
            return kind
    return KINDS.get(os.path.splitext(name)[1])


def read_documents(inputs: Sequence[str], *, published: dt.date | None = None,
                   max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    """Every document of `inputs` (paths, directories, or "-" for JSONL on stdin), in order.
    `published` fills documents that lack a date; a repeated id is reported and skipped."""
    seen: dict[str, str] = {}
    for item in _read_inputs(inputs, max_chars):
        if isinstance(item, Document):
            first = seen.get(item.id)
            if first is not None:
                yield DocumentError(item.origin, f"duplicate id {item.id!r} (first at {first}); skipped",
                                    kind="duplicate")
                continue
            seen[item.id] = item.origin
            if item.published is None and published is not None:
                item.published = published
        yield item


def _read_inputs(inputs: Sequence[str], max_chars: int) -> Iterator[Item]:
    for inp in inputs:
        if inp == "-":
            yield from read_jsonl_stream(sys.stdin.buffer, STDIN, max_chars)
        elif os.path.isdir(inp):
            for path in walk_inputs(inp):
                yield from read_file(path, max_chars)
        elif not os.path.exists(inp):
            yield DocumentError(inp, "no such file or directory", kind="input")
        elif input_kind(inp) is None:
            yield DocumentError(inp, "unknown input kind: expected .jsonl, .txt, .html, .htm, .warc, "
                                ".warc.gz, a directory or - (JSONL on stdin)", kind="input")
        else:
            yield from read_file(inp, max_chars)


def walk_inputs(root: str) -> Iterator[str]:
    """Files of known kinds under `root`, recursively, in sorted order; hidden ones skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and input_kind(name) is not None:
                yield os.path.join(dirpath, name)


def read_file(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    """Documents of one file, by its extension."""
    kind = input_kind(path)
    try:
        if kind == "jsonl":
            opener = gzip.open if path.lower().endswith(".gz") else open
            with opener(path, "rb") as f:
                yield from read_jsonl_stream(f, path, max_chars)
        elif kind == "txt":
            yield read_txt(path, max_chars)
        elif kind == "html":
            yield read_html(path, max_chars)
        elif kind == "warc":
            yield from read_warc(path, max_chars)
        else:
            yield DocumentError(path, "unknown input kind", kind="input")
    except (OSError, EOFError) as e:
        # Unreadable, or a truncated / corrupt .gz: the rest of this file is lost, not the run.
        yield DocumentError(path, f"cannot read: {getattr(e, 'strerror', None) or e}", kind="input")


def read_jsonl_stream(f: BinaryIO, name: str, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    """One document per line of a binary JSONL stream; blank lines are skipped."""
    limit = JSON_BYTES_PER_CHAR * max_chars + LINE_SLACK
    lineno = 0
    any_content = False
    while True:
        line = f.readline(limit + 1)
        if not line:
            break
        lineno += 1
        origin = f"{name}:{lineno}"
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line) + _skip_rest_of_line(f)
            any_content = True
            yield DocumentError(origin, too_large("line", size, limit, "bytes"))
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        any_content = True
        yield _parse_line(line, origin, max_chars)
    if not any_content:
        yield DocumentError(name, "empty file" if lineno == 0 else "no documents (only blank lines)")


def _skip_rest_of_line(f: BinaryIO) -> int:
    skipped = 0
    while True:
        chunk = f.readline(CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _parse_line(line: bytes, origin: str, max_chars: int) -> Item:
    try:
        text = line.rstrip(b"\r\n").decode("utf-8")
    except UnicodeDecodeError as e:
        return DocumentError(origin, f"invalid UTF-8 at byte {e.start + 1} of the line")
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError as e:
        return DocumentError(origin, f"invalid JSON at character {e.pos + 1}: {e.msg}")
    return document_from_record(obj, origin, max_chars)


def decode_text(data: bytes) -> str:
    """Text of a file's bytes: UTF-8 (BOM allowed) or UTF-16 with a BOM; ValueError otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ValueError(f"invalid UTF-16 at byte {e.start + 1}") from None
    if b"\x00" in data[:CHUNK]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 text: invalid byte at offset {e.start}") from None


def read_txt(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> Item:
    """The whole file is one document; its id is the file name without extension."""
    size = os.path.getsize(path)
    if size == 0:
        return DocumentError(path, "empty file")
    if size > UTF8_MAX_BYTES * max_chars:
        return DocumentError(path, too_large("file", size, UTF8_MAX_BYTES * max_chars, "bytes"))
    try:
        text = decode_text(Path(path).read_bytes())
    except ValueError as e:
        return DocumentError(path, str(e))
    if not text.strip():
        return DocumentError(path, "empty file (only whitespace)")
    if len(text) > max_chars:
        return DocumentError(path, too_large("document", len(text), max_chars))
    return Document(id=Path(path).stem, text=text, origin=path)


def read_html(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> Item:
    """One page: main text and metadata; the id is the file name without extension."""
    size = os.path.getsize(path)
    if size == 0:
        return DocumentError(path, "empty file")
    limit = HTML_FACTOR * max_chars * UTF8_MAX_BYTES
    if size > limit:
        return DocumentError(path, too_large("file", size, limit, "bytes"))
    data = Path(path).read_bytes()
    if b"\x00" in data[:CHUNK] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DocumentError(path, "binary file (NUL bytes), not HTML")
    return _page_document(data, Path(path).stem, None, path, max_chars)


def _page_document(data: bytes, doc_id: str, url: str | None, origin: str, max_chars: int) -> Item:
    page = extract_page(data, url)
    if page is None:
        return DocumentError(origin, "no main text found in the page")
    if len(page.text) > max_chars:
        return DocumentError(origin, too_large("document", len(page.text), max_chars))
    return Document(id=doc_id, text=page.text, published=page.published, url=url or page.url,
                    title=page.title, publisher=page.publisher, origin=origin)


def read_warc(path: str, max_chars: int = DEFAULT_MAX_CHARS, *,
              html_filter: Callable[[bytes], str | None] | None = None) -> Iterator[Item]:
    """Every HTML response record of a WARC (.warc or .warc.gz) is a document, its id the record's
    WARC-Target-URI; other records are passed over without reading their payload, and so is an
    HTML record whose declared length is over the limit. `html_filter` sees each payload before
    it is parsed and answers why to skip it (e.g. "no Arabic letters") or None to keep it."""
    from warcio.archiveiterator import WARCIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = HTML_FACTOR * max_chars * UTF8_MAX_BYTES
    with open(path, "rb") as f:
        n = 0
        try:
            for record in WARCIterator(f):
                n += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode() or ""
                if not ctype.startswith(HTML_TYPES) or not status.startswith("2"):
                    continue
                origin = f"{path} record {n}"
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if not uri:
                    yield DocumentError(origin, "HTML response without WARC-Target-URI")
                    continue
                declared = _declared_length(record)
                if declared > limit + LINE_SLACK:  # HTTP headers count in the record's length
                    yield DocumentError(origin, too_large("record", declared, limit, "bytes"))
                    continue
                data = record.content_stream().read(limit + 1)
                if len(data) > limit:
                    yield DocumentError(origin, too_large("record", len(data), limit, "bytes"))
                    continue
                if not data.strip():
                    yield DocumentError(origin, "empty HTML response")
                    continue
                reason = html_filter(data) if html_filter is not None else None
                if reason is not None:
                    yield DocumentError(origin, reason, kind="language", doc_id=uri)
                    continue
                yield _page_document(data, uri, uri, origin, max_chars)
        except ArchiveLoadFailed as e:
            reason = " ".join(str(e).split())  # warcio's message ends with the raw line
            yield DocumentError(f"{path} record {n + 1}", f"not a readable WARC record: {reason}")
            return
    if n == 0:
        yield DocumentError(path, "empty file (no WARC records)")


def _declared_length(record) -> int:
    """The record's Content-Length from its WARC header (0 when absent or malformed)."""
    try:
        return int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        return 0
