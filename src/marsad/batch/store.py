"""The hook that loads a batch output into the store (`marsad batch --db URL`).

The store is being built alongside this package; until it is wired, `load_store` streams what a
store loader needs (each coded document with its events, shard by shard) to a `loader` callable.
Connecting the store is one line: pass its ingest function as `loader` (see `STORE_LOADER`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..documents import Document
from .tables import PART, iter_rows, read_events, row_document, shard_path, shards_of

# Set by the store package when it exists: `loader(db_url, batches)`, returning how many events it
# stored; `batches` yields (document, its event dicts) pairs.
Loader = Callable[[str, Iterator[tuple[Document, list[dict[str, Any]]]]], int]


class StoreUnavailable(RuntimeError):
    """--db was given but no store loader is connected yet."""


def coded_documents(out: str | os.PathLike[str]) -> Iterator[tuple[Document, list[dict[str, Any]]]]:
    """Each coded document of a batch output with its events, possibly none (copies and repeated
    ids left out: they are in duplicates/), one shard at a time."""
    out = Path(out)
    dup_path = out / "duplicates" / PART
    copies = {(r["shard"], r["row"]) for r in iter_rows(dup_path, ["shard", "row"], 4096)} \
        if dup_path.exists() else set()
    for shard in shards_of(out, "events"):
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for e in read_events(out, [shard]):
            by_doc.setdefault(e["doc_ids"][0] if e["doc_ids"] else "", []).append(e)
        for r in iter_rows(shard_path(out, "documents", shard), batch_size=256):
            if (shard, r["row"]) not in copies:
                yield row_document(r), by_doc.pop(r["id"], [])


def load_store(out: str | os.PathLike[str], db_url: str, loader: Loader | None = None) -> int:
    """Load the events of a batch output (and their documents) into the store at `db_url`."""
    if loader is None:
        raise StoreUnavailable("loading the store from a batch output is not connected yet; "
                               "the Parquet tables are written, load them with `marsad ingest` later")
    return loader(db_url, coded_documents(out))
