"""Loading a batch output into the store (`marsad batch --db URL`).

The coded documents are read back from the Parquet tables, shard by shard, and written by the
store's own writer (`marsad.store.ingest.store_coded`): the same checks, near-duplicate links,
fusion and commits as `marsad ingest`, without coding the documents again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..documents import Document
from ..events.model import ACLED_FIELDS, EXTRA_FIELDS, Event, Evidence
from .tables import PART, iter_rows, read_events, row_document, shard_path, shards_of

if TYPE_CHECKING:
    from ..store.ingest import IngestCounts

# `year` is derived from `event_date`; `evidence` is rebuilt from its dicts.
_EVENT_FIELDS = tuple(f for f in ACLED_FIELDS + EXTRA_FIELDS if f not in ("year", "evidence"))


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


def event_of_dict(d: dict[str, Any]) -> Event:
    """The `Event` whose `to_dict()` is D (as `read_events` gives it)."""
    return Event(**{f: d[f] for f in _EVENT_FIELDS},
                 evidence=[Evidence(e["field"], e["doc_id"], e["start"], e["end"], e["text"])
                           for e in d["evidence"]])


def load_store(out: str | os.PathLike[str], db_url: str,
               on_progress: Callable[[IngestCounts], None] | None = None) -> IngestCounts:
    """Store the coded documents of a batch output, with their events, in the store at `db_url`.
    Documents already stored unchanged are left as they are, so loading twice changes nothing."""
    from ..store.ingest import store_coded  # SQLAlchemy and the store load only when --db is given

    coded = ((doc, [event_of_dict(e) for e in events]) for doc, events in coded_documents(out))
    return store_coded(coded, db_url, label=f"batch output {os.fspath(out)}", on_progress=on_progress)
