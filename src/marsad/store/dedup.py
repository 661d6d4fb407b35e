"""Near-duplicate documents: syndicated copies of one story on several sites.

A document is described by the hashes of its word 5-grams (shingles) over the normalised text, so
spelling variants (أ/ا, ة/ه, diacritics) and punctuation do not hide a copy. Finding copies uses a
sample of those hashes (the ones divisible by `SAMPLE_MOD`, a consistent sample across documents) kept
in the `shingles` table: documents sharing sampled hashes are candidates; a candidate is confirmed on
the full shingle sets, recomputed from its stored text. Two texts are near-duplicates when their
Jaccard similarity is at least `MIN_JACCARD`, or when one is nearly contained in the other
(`MIN_CONTAINMENT`: a copy with a paragraph cut, or with a site's own lead added).
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, func, select

from ..text import normalize
from . import models as m

SHINGLE_WORDS = 5
SAMPLE_MOD = 8  # about one shingle in eight is indexed
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
MIN_SHINGLES_FOR_CONTAINMENT = 20  # a one-line brief inside a long article is a quote, not a copy
MAX_CANDIDATES = 5

_WORD = re.compile(r"\w+")
_SHARED = func.count().label("shared")
_CANDIDATES = (
    select(m.Shingle.document_pk, _SHARED)
    .where(m.Shingle.hash.in_(bindparam("_hashes", expanding=True)),
           m.Shingle.document_pk != bindparam("_doc"))
    .group_by(m.Shingle.document_pk)
    .having(_SHARED >= bindparam("_need"))
    .order_by(_SHARED.desc(), m.Shingle.document_pk)
    .limit(MAX_CANDIDATES)
)
_TEXT = select(m.Document.text).where(m.Document.id == bindparam("_doc"))


def shingles(text: str) -> frozenset[int]:
    """Hashes (crc32: stable across processes, unlike `hash`) of the word 5-grams of TEXT."""
    words = _WORD.findall(normalize(text).norm)
    if not words:
        return frozenset()
    if len(words) <= SHINGLE_WORDS:
        return frozenset((zlib.crc32(" ".join(words).encode()),))
    return frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode())
                     for i in range(len(words) - SHINGLE_WORDS + 1))


def sample(hashes: frozenset[int]) -> list[int]:
    """The hashes a document is indexed under (its smallest one when none falls in the sample)."""
    picked = sorted(h for h in hashes if h % SAMPLE_MOD == 0)
    if not picked and hashes:
        picked = [min(hashes)]
    return picked


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float  # shared shingles over the smaller set

    @property
    def score(self) -> float:
        return max(self.jaccard, self.containment)


def similarity(a: frozenset[int], b: frozenset[int]) -> Similarity:
    if not a or not b:
        return Similarity(0.0, 0.0)
    shared = len(a & b)
    return Similarity(shared / len(a | b), shared / min(len(a), len(b)))


def near_duplicates(a: frozenset[int], b: frozenset[int]) -> bool:
    s = similarity(a, b)
    if s.jaccard >= MIN_JACCARD:
        return True
    return s.containment >= MIN_CONTAINMENT and min(len(a), len(b)) >= MIN_SHINGLES_FOR_CONTAINMENT


class DuplicateFinder:
    """Finds, for a new document, the stored document it copies. Holds a small cache of shingle sets
    (copies of a story usually arrive close together), so it lives for one ingest run."""

    def __init__(self, conn: Connection, cache_size: int = 2000) -> None:
        self.conn = conn
        self.cache_size = cache_size
        self._cache: OrderedDict[int, frozenset[int]] = OrderedDict()

    def _shingles_of(self, document_pk: int) -> frozenset[int]:
        hit = self._cache.get(document_pk)
        if hit is not None:
            self._cache.move_to_end(document_pk)
            return hit
        text = self.conn.scalar(_TEXT, {"_doc": document_pk}) or ""
        return self.remember(document_pk, shingles(text))

    def remember(self, document_pk: int, hashes: frozenset[int]) -> frozenset[int]:
        self._cache[document_pk] = hashes
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return hashes

    def find(self, document_pk: int, hashes: frozenset[int], picked: list[int]) -> tuple[int, float] | None:
        """(pk of the best-matching earlier document, similarity score), or None."""
        if not picked:
            return None
        # Enough shared sampled shingles to possibly reach the thresholds (with slack for sampling noise).
        need = 1 if len(picked) < 4 else max(2, int(len(picked) * 0.3))
        rows = self.conn.execute(_CANDIDATES, {"_hashes": picked, "_doc": document_pk, "_need": need}).all()
        best: tuple[int, float] | None = None
        for pk, _ in rows:
            other = self._shingles_of(pk)
            if near_duplicates(hashes, other):
                score = similarity(hashes, other).score
                if best is None or score > best[1] or (score == best[1] and pk < best[0]):
                    best = (pk, score)
        return best
