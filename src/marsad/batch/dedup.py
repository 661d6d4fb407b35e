"""Near-duplicate articles across the corpus: MinHash signatures on the workers, LSH in the driver.

Agencies' stories are republished by many sites with a new headline, a byline or a trimmed last
paragraph. Each document gets a MinHash signature (datasketch) of its normalised word 4-grams on the
worker that reads it; the driver then walks the documents in input order and asks an LSH index of
the representatives seen so far whether one is similar enough. The first document of a group is its
representative and is coded; the later ones are copies, recorded in `duplicates/` and not coded.
The input order makes the choice the same on every run whatever the number of workers.

Memory in the driver: see `Deduplicator`, and docs/batch.md for the numbers at scale.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..text import normalize

NUM_PERM = 128
SHINGLE = 4  # words; shorter shingles make unrelated reports of the same kind of event look alike
DEFAULT_THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets at which a text is a copy
DEFAULT_WINDOW = 100_000  # representatives kept in the LSH index (about two days of Arabic news)
_SCHEME = "affine32"
_MIX = np.uint64(1_000_003)
_MASK = np.uint64(0xFFFFFFFF)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # Built once per process: generating them is most of the cost of a fresh MinHash.
    return MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations


def signature(text: str) -> bytes:
    """MinHash of the normalised word 4-grams of `text`, as NUM_PERM little-endian uint32."""
    words = normalize(text).norm.split()
    h = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    if len(h) >= SHINGLE:
        n = len(h) - SHINGLE + 1
        shingles = np.zeros(n, dtype=np.uint64)
        for i in range(SHINGLE):  # a rolling hash of each 4-gram, computed for all 4-grams at once
            shingles = (shingles * _MIX + h[i:i + n]) & _MASK
    else:
        shingles = h
    m = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_permutations(), scheme=_SCHEME)
    if len(shingles):
        m.update_batch(np.unique(shingles))
    return m.hashvalues.astype("<u4").tobytes()


def _minhash(sig: bytes) -> MinHash:
    return MinHash(hashvalues=np.frombuffer(sig, dtype="<u4"), permutations=_permutations(), scheme=_SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")))


@dataclass(frozen=True, slots=True)
class DocKey:
    """Where a document lives in the output: its shard and its row there."""

    doc_id: str
    shard: int
    row: int
    origin: str = ""  # "file.jsonl:12", for messages


@dataclass(frozen=True, slots=True)
class Duplicate:
    doc: DocKey
    of: DocKey
    similarity: float  # 1.0 for a repeated id
    reason: str  # "near-duplicate" or "same id"


class Deduplicator:
    """Documents fed in input order; each answered with the earlier document it copies, or None.
    A repeated id is always a duplicate (as in `marsad extract`); near-duplicates only when `near`.

    Memory: about 100 bytes per document for the ids, and about 5.5 KB per representative in the
    LSH index, for at most `window` representatives: older ones leave the index, since syndicated
    copies appear within days of their original (inputs in date order keep them within the window).
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, near: bool = True,
                 window: int = DEFAULT_WINDOW) -> None:
        self.threshold = threshold
        self.near = near
        self.window = window
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.ids: dict[int, int] = {}  # 64-bit hash of an id -> (shard << 32 | row) of its first document
        self.reps: dict[int, tuple[DocKey, bytes]] = {}  # LSH key -> representative (insertion ordered)
        self.count = 0

    def check(self, key: DocKey, sig: bytes) -> Duplicate | None:
        digest = hashlib.blake2b(key.doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        h = int.from_bytes(digest)
        first = self.ids.get(h)
        if first is not None:
            return Duplicate(key, DocKey(key.doc_id, first >> 32, first & 0xFFFFFFFF), 1.0, "same id")
        self.ids[h] = key.shard << 32 | key.row
        if not self.near:
            return None
        m = _minhash(sig)
        best: tuple[float, int] | None = None
        for i in self.lsh.query(m):
            # LSH candidates are probable; the signatures' agreement decides.
            s = similarity(sig, self.reps[i][1])
            if s >= self.threshold and (best is None or (s, -i) > (best[0], -best[1])):
                best = (s, i)
        if best is not None:
            return Duplicate(key, self.reps[best[1]][0], best[0], "near-duplicate")
        self.lsh.insert(self.count, m)
        self.reps[self.count] = (key, sig)
        self.count += 1
        if len(self.reps) > self.window:
            oldest = next(iter(self.reps))
            self.lsh.remove(oldest)
            del self.reps[oldest]
        return None


def find_duplicates(docs: Iterable[tuple[DocKey, bytes]], *, threshold: float = DEFAULT_THRESHOLD,
                    near: bool = True, window: int = DEFAULT_WINDOW) -> Iterator[Duplicate]:
    """Copies among `docs` (document and signature, in input order), each with the earlier
    document it copies: the first of a group is its representative. A repeated id's first
    document comes without its origin (DocKey.origin is empty)."""
    dedup = Deduplicator(threshold, near, window)
    for key, sig in docs:
        d = dedup.check(key, sig)
        if d is not None:
            yield d
