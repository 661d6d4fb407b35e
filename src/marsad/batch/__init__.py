"""`marsad batch`: the pipeline over many input shards on Dask distributed, into partitioned Parquet.

    >>> from marsad.batch import BatchOptions, run_batch, read_events
    >>> result = run_batch(["corpus/"], BatchOptions(out="out", workers=2))
    >>> events = list(read_events("out"))

See docs/batch.md for the design, running on a real cluster, and benchmarks.
"""

from .dedup import find_duplicates, signature, similarity
from .engine import BatchError, BatchOptions, BatchResult, run_batch
from .plan import plan_shards
from .store import coded_documents, load_store
from .tables import read_events

__all__ = [
    "BatchError", "BatchOptions", "BatchResult", "coded_documents", "find_duplicates", "load_store",
    "plan_shards", "read_events", "run_batch", "signature", "similarity",
]
