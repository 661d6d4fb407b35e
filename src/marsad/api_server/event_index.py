"""The events' filter and sort columns held in memory as arrays, so that a listing's count and its page of
ids cost a few vectorised operations instead of SQL that reads thousands of index entries.

An `EventIndex` is a snapshot of the store at one version (`cache.StoreStamp`); `IndexHolder` hands out
the current one and rebuilds it in a background thread when the store changes. While no snapshot matches
the store, listings go to SQL (`listing.page_body` without an index), so an answer is never older than
the cache would allow (the stamps are exact: a write during a build leaves the new index unused). Text
columns are held as codes into a vocabulary, which the database itself sorts while the index is built, so
sorting by country or location gives exactly the order SQL gives, whatever the database's collation.
The `actor` filter searches the actor names' vocabulary and the Arabic texts actors were read from (a
few thousand distinct strings, not every event); the free text `q` is left to SQL.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson
from sqlalchemy import Engine, text

from ..store import models as m
from .cache import StoreStamp
from .filters import ACTOR_FIELDS, SORTABLE, EventFilters

log = logging.getLogger(__name__)
_events = m.Event.__table__

# Text columns, held as codes into a vocabulary: the first four are filtered by equality; all are sortable.
CODED = ("country", "admin1", "event_type", "sub_event_type", "location", "event_id")
FILTERED = CODED[:4]
_NULL = -1  # the code of a NULL
_LAST = np.iinfo(np.int64).max  # the sort key of a NULL: after every value, ascending or descending
# Read through the driver (no per-value type processing).
_COLUMNS = ("id", "event_date", "fatalities", "confidence", "latitude", "longitude") + CODED + ACTOR_FIELDS
Sorter = Callable[[list[str]], list[str]]
Fold = Callable[[str], str]
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ACTOR_EVIDENCE = (
    "SELECT r.event_pk, e.text FROM evidence e JOIN reports r ON r.id = e.report_pk "
    f"WHERE r.event_pk IS NOT NULL AND e.field IN ({', '.join(repr(f) for f in ACTOR_FIELDS)})"
)


def database_fold(engine: Engine) -> Fold:
    """`lower()` as the database applies it in the `actor` filter's `lower(x) LIKE lower(y)`: SQLite folds
    ASCII letters only; PostgreSQL folds every cased letter."""
    if engine.dialect.name == "sqlite":
        return lambda s: s.translate(_ASCII_LOWER)
    return str.lower


@dataclass
class ActorText:
    """What the `actor` filter searches: the actor names of the four actor columns (one vocabulary,
    folded) and the Arabic text each actor was read from (its evidence)."""

    codes: list[np.ndarray]  # per actor column: int32 code into `names`, _NULL where NULL
    names: list[str]  # folded
    evidence_at: np.ndarray  # positions of events ...
    evidence_code: np.ndarray  # ... with an actor evidence text, its code into `texts`
    texts: list[str]  # folded
    fold: Fold
    found: dict[str, np.ndarray] = field(default_factory=dict)  # needle -> mask, the latest few
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def mask(self, needle: str, n: int) -> np.ndarray:
        """The events whose actor names, or the Arabic texts their actors were read from, contain NEEDLE
        (case folded as the database folds it). Not to be modified: it is kept for the next asker."""
        with self._lock:
            hit = self.found.get(needle)
        if hit is None:
            folded = self.fold(needle)
            out = np.zeros(n, dtype=bool)
            names = np.zeros(len(self.names) + 1, dtype=bool)  # the last slot: NULL's -1
            names[[i for i, name in enumerate(self.names) if folded in name]] = True
            for codes in self.codes:
                out |= names[codes]
            texts = np.zeros(len(self.texts), dtype=bool)
            texts[[i for i, t in enumerate(self.texts) if folded in t]] = True
            out[self.evidence_at[texts[self.evidence_code]]] = True
            with self._lock:
                if len(self.found) >= 64:
                    self.found.pop(next(iter(self.found)))
                self.found[needle] = hit = out
        return hit


@dataclass
class EventIndex:
    version: tuple
    built_at: float
    ids: np.ndarray  # int64, one per event, in the order of every other array
    date: np.ndarray  # int64 proleptic ordinal; 0 where undated
    fatalities: np.ndarray  # int64
    confidence: np.ndarray  # float64
    latitude: np.ndarray  # float64; NaN where unplaced (compares false, as NULL does in SQL)
    longitude: np.ndarray
    codes: dict[str, np.ndarray]  # CODED column -> int32 code into its `vocab`, _NULL where NULL
    vocab: dict[str, list[str]]
    sorter: Sorter  # sorts texts in the database's collation (see `database_sorter`)
    actors: ActorText
    _lookup: dict[str, dict[str, int]] = field(default_factory=dict)
    _ranks: dict[str, np.ndarray] = field(default_factory=dict)
    _orders: dict[str, np.ndarray] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __len__(self) -> int:
        return len(self.ids)

    def _code_of(self, name: str) -> dict[str, int]:
        if name not in self._lookup:
            self._lookup[name] = {v: i for i, v in enumerate(self.vocab[name])}
        return self._lookup[name]

    def _any_of(self, name: str, values: tuple[str, ...]) -> np.ndarray:
        lookup = self._code_of(name)
        known = [lookup[v] for v in values if v in lookup]
        codes = self.codes[name]
        if len(known) == 1:
            return codes == known[0]
        # A table over the codes (its last slot, where NULL's -1 lands, stays False): one gather.
        table = np.zeros(len(lookup) + 1, dtype=bool)
        table[known] = True
        return table[codes]

    def mask(self, f: EventFilters) -> np.ndarray | None:
        """The events matching F (None: all of them). F must not hold `q` (see `listing.indexed`)."""
        parts: list[np.ndarray] = []
        if f.date_from:
            parts.append(self.date >= f.date_from.toordinal())
        if f.date_to:
            parts.append((self.date <= f.date_to.toordinal()) & (self.date > 0))
        for name in FILTERED:
            values = getattr(f, name)
            if values:
                parts.append(self._any_of(name, values))
        if f.min_fatalities is not None:
            parts.append(self.fatalities >= f.min_fatalities)
        if f.min_confidence is not None:
            parts.append(self.confidence >= f.min_confidence)
        if f.actor:
            parts.append(self.actors.mask(f.actor, len(self.ids)))
        if f.bbox:
            west, south, east, north = f.bbox
            lon = self.longitude
            in_lon = (lon >= west) & (lon <= east) if west <= east else (lon >= west) | (lon <= east)
            parts.append(in_lon & (self.latitude >= south) & (self.latitude <= north))
        if not parts:
            return None
        out = parts[0].copy() if len(parts) == 1 else parts[0] & parts[1]
        for p in parts[2:]:
            out &= p
        return out

    def _rank(self, name: str) -> np.ndarray:
        """Each event's rank by NAME in the database's collation (NULLs: _LAST)."""
        if name not in self._ranks:
            words = self.vocab[name]
            lookup = self._code_of(name)
            rank_of_code = np.empty(len(words) + 1, dtype=np.int64)
            for rank, word in enumerate(self.sorter(words)):
                rank_of_code[lookup[word]] = rank
            rank_of_code[-1] = _LAST  # NULL's code, -1
            self._ranks[name] = rank_of_code[self.codes[name]]
        return self._ranks[name]

    def order(self, sort: str) -> np.ndarray:
        """Positions in the order of `filters.order_by(sort)`: the field, NULLs last, then the row id."""
        with self._lock:
            if sort not in self._orders:
                self._orders[sort] = self._make_order(sort)
            return self._orders[sort]

    def _make_order(self, sort: str) -> np.ndarray:
        desc = sort.startswith("-")
        name = sort.lstrip("-+")
        if name in CODED:
            key = self._rank(name)
            key = np.where(key == _LAST, _LAST, -key) if desc else key
        else:
            values = {"event_date": self.date, "fatalities": self.fatalities,
                      "confidence": self.confidence}[name]
            key = -values if desc else values
            if name == "event_date":
                key = np.where(self.date == 0, _LAST, key)
        order = np.lexsort((-self.ids if desc else self.ids, key))
        return order.astype(np.int32) if len(order) < 2**31 else order  # half the memory

    def page(self, f: EventFilters, sort: str, limit: int, offset: int) -> tuple[int, list[int]]:
        """(how many events match F, the ids of the page LIMIT/OFFSET in SORT order)."""
        order = self.order(sort)
        selected = self.mask(f)
        if selected is None:
            return len(order), self.ids[order[offset:offset + limit]].tolist()
        total = int(np.count_nonzero(selected))
        need = min(offset + limit, total)
        if need <= offset:
            return total, []
        # Walk the order only as far as the page: a slice sized from the share of events that match
        # (doubling if the matches are unevenly spread), not a gather over every event.
        found: list[np.ndarray] = []
        have, start = 0, 0
        size = max(4096, int(need * len(order) / total * 1.25))
        while have < need:
            part = order[start:start + size]
            found.append(part[selected[part]])
            have += len(found[-1])
            start += size
            size *= 2
        page = np.concatenate(found)[offset:need] if len(found) > 1 else found[0][offset:need]
        return total, self.ids[page].tolist()


def database_sorter(engine: Engine) -> Sorter:
    """Sorts texts as the database orders the events' text columns (their default collation): the texts
    are sent as one JSON array, so the order does not depend on the store's contents at that time."""
    if engine.dialect.name == "postgresql":
        sql = text("SELECT v FROM jsonb_array_elements_text(CAST(:texts AS jsonb)) AS v ORDER BY v")
    else:
        sql = text("SELECT value FROM json_each(:texts) ORDER BY value")

    def sort(texts: list[str]) -> list[str]:
        with engine.connect() as conn:
            return list(conn.scalars(sql, {"texts": orjson.dumps(texts).decode()}))

    return sort


def _coded(values: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
    words: dict[Any, int] = {}
    codes = np.fromiter((_NULL if v is None else words.setdefault(v, len(words)) for v in values),
                        dtype=np.int32, count=len(values))
    return codes, list(words)


def _ordinal(value: Any) -> int:
    if isinstance(value, str):  # SQLite's driver returns the stored text
        return dt.date.fromisoformat(value[:10]).toordinal()
    return value.toordinal()


def _floats(values: Sequence[Any]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def build_index(engine: Engine, version: tuple, sorter: Sorter | None = None) -> EventIndex:
    """The index of the store's events now, labelled VERSION (a stamp read before this call)."""
    with engine.connect() as conn:
        sql = f"SELECT {', '.join(_COLUMNS)} FROM {_events.name} ORDER BY id"
        rows = conn.exec_driver_sql(sql).fetchall()
        actor_evidence = conn.exec_driver_sql(_ACTOR_EVIDENCE).fetchall()
    n = len(rows)
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(_COLUMNS)
    ids, dates, fatalities, confidence, lat, lon = cols[:6]
    codes, vocab = {}, {}
    for name, values in zip(CODED, cols[6:6 + len(CODED)], strict=True):
        codes[name], vocab[name] = _coded(values)
    id_array = np.fromiter(ids, dtype=np.int64, count=n)
    # Dates repeat (a few thousand days for a store of years): convert each day once.
    date_codes, days = _coded(dates)
    ordinals = np.array([_ordinal(d) for d in days] + [0], dtype=np.int64)  # last slot: NULL's -1
    return EventIndex(
        version=version,
        built_at=time.monotonic(),
        ids=id_array,
        date=ordinals[date_codes],
        fatalities=np.fromiter(fatalities, dtype=np.int64, count=n),
        confidence=np.fromiter(confidence, dtype=np.float64, count=n),
        latitude=_floats(lat),
        longitude=_floats(lon),
        codes=codes,
        vocab=vocab,
        sorter=sorter or database_sorter(engine),
        actors=_actor_text(cols[6 + len(CODED):], actor_evidence, id_array, database_fold(engine)),
    )


def _actor_text(columns: list[Sequence[Any]], evidence: list[Any], ids: np.ndarray, fold: Fold) -> ActorText:
    names: dict[str, int] = {}
    codes = [np.fromiter((_NULL if v is None else names.setdefault(v, len(names)) for v in values),
                         dtype=np.int32, count=len(values)) for values in columns]
    pks = np.fromiter((pk for pk, _ in evidence), dtype=np.int64, count=len(evidence))
    at = np.searchsorted(ids, pks)  # ids are in ascending order
    known = (at < len(ids)) & (ids[np.minimum(at, len(ids) - 1)] == pks) if len(ids) else np.zeros(0, bool)
    text_codes, texts = _coded([t for _, t in evidence])
    return ActorText(codes=codes, names=[fold(v) for v in names], evidence_at=at[known],
                     evidence_code=text_codes[known], texts=[fold(t) for t in texts], fold=fold)


class IndexHolder:
    """The current `EventIndex`, rebuilt aside (one thread at a time) when the store's stamp changes, and
    for stamps that miss some writes (`ttl` set) when older than `ttl`; never oftener than every
    `min_interval` seconds or five times the last build's duration, so a store written to continuously
    (a watch) costs the server a bounded share of a core."""

    def __init__(self, engine: Engine, stamp: StoreStamp, ttl: float | None,
                 min_interval: float = 2.0, max_lag: float = 0.0) -> None:
        self.engine = engine
        self.stamp = stamp
        self.ttl = ttl
        self.min_interval = min_interval
        self._index: EventIndex | None = None
        self._building = threading.Lock()
        self._next_build = 0.0
        # Seconds an index may still answer after the store has moved on, while its successor is built
        # (0: never). The answers then say what the store held `max_lag` seconds ago at most, and stay
        # fast under a store written to every few seconds (a watch), where no index is ever current.
        self.max_lag = max_lag
        self._behind_since: float | None = None

    def build_now(self) -> EventIndex:
        with self._building:
            return self._build()

    def _build(self) -> EventIndex:
        # The stamp is read first: a write landing during the build leaves the index marked older than
        # what it holds, so it is rebuilt, never served as newer than it is.
        version = self.stamp.stamp()
        started = time.monotonic()
        index = build_index(self.engine, version)
        for name in SORTABLE:  # here, in the builder, not in the first request of each sort
            index.order(name)
            index.order("-" + name)
        took = time.monotonic() - started
        self._next_build = time.monotonic() + max(self.min_interval, 5 * took)
        self._index = index
        self._behind_since = None
        log.info("event index: %d events in %.2f s", len(index), took)
        return index

    def _build_aside(self) -> None:
        if time.monotonic() < self._next_build or not self._building.acquire(blocking=False):
            return

        def build() -> None:
            try:
                self._build()
            except Exception:
                log.exception("building the event index failed; listings use SQL meanwhile")
            finally:
                self._building.release()

        threading.Thread(target=build, name="marsad-event-index", daemon=True).start()

    def current(self, version: tuple) -> EventIndex | None:
        """The index of the store at VERSION (a stamp just read), or one behind it by at most `max_lag`
        seconds, or None (SQL must answer). Its `version` is the version its answers reflect."""
        index = self._index
        if index is None or index.version != version:
            self._build_aside()
            if index is None or self.max_lag <= 0:
                return None
            now = time.monotonic()
            if self._behind_since is None:
                self._behind_since = now
            return index if now - self._behind_since <= self.max_lag else None
        if self.ttl is not None:
            age = time.monotonic() - index.built_at
            if age >= 2 * self.ttl:
                self._build_aside()
                return None
            if age >= self.ttl:
                self._build_aside()
        return index
