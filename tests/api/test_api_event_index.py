"""The in-memory event index (`api_server.event_index`) must answer every listing exactly as SQL does:
same total, same page, same order, for each filter and each sort, on SQLite and PostgreSQL, over a store
with undated and unplaced events, NULL admin areas, ties, and names whose order depends on collation."""

import datetime as dt
import itertools
import random
import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, update

from marsad.api_server import Settings, create_app
from marsad.api_server.cache import StoreStamp
from marsad.api_server.event_index import IndexHolder, build_index
from marsad.api_server.filters import SORTABLE, EventFilters
from marsad.api_server.listing import Listing, indexed, page_body
from marsad.store import models as m
from marsad.store.db import open_engine
from marsad.store.event_json import fill_records

COUNTRIES = ["Syria", "Yemen", "Iraq", "Libya", None]
ADMIN1 = ["Idlib", "idlib", "Al Hudaydah", "Ṣaʿdah", "Sa'dah", "Ninawa", "Éclat", None]
LOCATIONS = ["Kafr Nabl", "kafr nabl", "Al-Bayda", "Al Bayda", "Zabid", "Ẓafār", "Ibb", "ibb", None]
# Actor names in mixed case, one with letters only PostgreSQL case-folds (SQLite folds ASCII only).
ACTORS = ["Houthi Movement", "HOUTHI supporters", "Military Forces of Yemen (2016-)", "Civilians (Syria)",
          "Ṣaʿdah Tribal Militia", "100% Brigade", ""]
ACTOR_TEXTS = ["الحوثيون", "ميليشيا الحوثي", "قوات النظام", "مسلحون مجهولون", "Houthi fighters"]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]


def _events(n, rng):
    rows = []
    for i in range(1, n + 1):
        etype, sub = rng.choice(TYPES)
        dated = rng.random() > 0.15
        placed = rng.random() > 0.2
        rows.append({
            "id": i, "event_id": f"EV{rng.randrange(10_000):05d}-{i}", "event_type": etype,
            "sub_event_type": sub, "disorder_type": "", "doc_ids": f"d{i}", "n_sources": 1,
            "event_date": dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(40)) if dated else None,
            "country": rng.choice(COUNTRIES), "admin1": rng.choice(ADMIN1), "location": rng.choice(LOCATIONS),
            "latitude": round(rng.uniform(12, 37), 2) if placed else None,
            "longitude": round(rng.uniform(35, 50), 2) if placed else None,
            "fatalities": rng.choice([0, 0, 0, 1, 2, 5, 12]), "confidence": rng.choice([0.3, 0.5, 0.75, 0.9]),
            "actor1": rng.choice(ACTORS), "actor2": rng.choice(ACTORS),
            "assoc_actor_1": rng.choice(ACTORS[-3:]),
        })
    return rows


def _actor_evidence(n, rng):
    """One report per event for two events in three, with actor (and other) evidence spans."""
    reports, evidence = [], []
    for i in range(1, n + 1):
        if i % 3:
            reports.append({"id": i, "document_pk": 1, "event_pk": i, "report_id": f"R{i}",
                            "event_type": "Battles", "sub_event_type": "Armed clash"})
            for field in rng.sample(["actor1", "actor2", "assoc_actor_1", "location"], 2):
                evidence.append({"report_pk": i, "field": field, "doc_id": "d", "start": 0, "end": 5,
                                 "text": rng.choice(ACTOR_TEXTS)})
    return reports, evidence


@pytest.fixture(scope="module")
def store(db_url):
    engine = open_engine(db_url)
    reports, evidence = _actor_evidence(300, random.Random(6))
    with engine.begin() as conn:
        conn.execute(insert(m.Event.__table__), _events(300, random.Random(5)))
        conn.execute(insert(m.Document.__table__).values(
            id=1, doc_id="d", content_hash="c", text_hash="t", text="نص",
            ingested_at=dt.datetime(2026, 1, 1)))
        conn.execute(insert(m.Report.__table__), reports)
        conn.execute(insert(m.Evidence.__table__), evidence)
        fill_records(conn)
    yield engine
    engine.dispose()


D = dt.date
FILTERS = [
    EventFilters(),
    EventFilters(country=("Syria",)),
    EventFilters(country=("Yemen", "Iraq", "Atlantis")),
    EventFilters(country=("Atlantis",)),
    EventFilters(admin1=("Idlib",)),  # not "idlib": equality is exact
    EventFilters(event_type=("Battles",), sub_event_type=("Armed clash", "Mob violence")),
    EventFilters(date_from=D(2019, 1, 10)),
    EventFilters(date_to=D(2019, 1, 10)),
    EventFilters(date_from=D(2019, 1, 5), date_to=D(2019, 1, 5)),
    EventFilters(min_fatalities=2),
    EventFilters(min_fatalities=0, min_confidence=0.75),
    EventFilters(bbox=(40.0, 15.0, 45.5, 30.0)),
    EventFilters(bbox=(45.0, 15.0, 38.0, 30.0)),  # across the antimeridian: wraps
    EventFilters(country=("Syria", "Yemen"), date_from=D(2019, 1, 3), min_confidence=0.5,
                 bbox=(35.0, 10.0, 50.0, 40.0)),
    EventFilters(actor="houthi"),  # names in any case, and evidence text
    EventFilters(actor="HOUTHI"),
    EventFilters(actor="الحوثي"),  # Arabic: the texts actors were read from
    EventFilters(actor="قوات النظام", country=("Syria",)),
    EventFilters(actor="ṣaʿdah"),  # SQLite does not fold "Ṣ", PostgreSQL does
    EventFilters(actor="100%"),  # LIKE's wildcards are literal
    EventFilters(actor="_"),
    EventFilters(actor="absent"),
]
SORTS = [s for name in SORTABLE for s in (name, "-" + name)]


def test_event_index_pages_equal_sql_pages(store):
    index = build_index(store, ())
    assert len(index) == 300
    with store.connect() as conn:
        for f, sort in itertools.product(FILTERS, SORTS):
            for limit, offset in ((50, 0), (7, 3), (20, 290)):
                q = Listing(f, limit, offset, sort)
                assert page_body(conn, q, index) == page_body(conn, q), (f, sort, limit, offset)


def test_event_index_is_left_to_sql_for_free_text(store):
    index = build_index(store, ())
    with store.connect() as conn:
        q = Listing(EventFilters(actor="Syria", q="x"))
        assert not indexed(q, index) and indexed(Listing(EventFilters(actor="Syria")), index)
        assert page_body(conn, q, index) == page_body(conn, q)


def test_event_index_holder_follows_the_store(store):
    stamp = StoreStamp(store)
    try:
        holder = IndexHolder(store, stamp, ttl=None, min_interval=0)
        first = holder.build_now()
        assert holder.current(stamp.stamp()) is first
        with store.begin() as conn:  # what an ingest writes: an event and its run's row
            conn.execute(insert(m.Event.__table__), _events(1, random.Random(9))[0] | {"id": 301})
            conn.execute(insert(m.IngestRun.__table__).values(started_at=dt.datetime(2026, 1, 1), added=1))
        # The write is seen: the index in hand is refused (SQL answers) until rebuilt.
        assert holder.current(stamp.stamp()) is None
        rebuilt = holder.build_now()
        assert len(rebuilt) == 301 and holder.current(stamp.stamp()) is rebuilt
    finally:
        stamp.close()


def test_event_index_may_lag_the_store_by_max_lag(store):
    stamp = StoreStamp(store)
    try:
        holder = IndexHolder(store, stamp, ttl=None, min_interval=1000, max_lag=0.3)  # no rebuild aside
        first = holder.build_now()
        with store.begin() as conn:  # a correction by hand
            conn.execute(update(m.Event.__table__).where(m.Event.__table__.c.id == 1).values(notes="checked"))
        now = stamp.stamp()
        assert now != first.version
        # Behind the store: it still answers (for its own version) within max_lag, then no more.
        assert holder.current(now) is first
        time.sleep(0.35)
        assert holder.current(now) is None
        rebuilt = holder.build_now()
        assert rebuilt.version == now and holder.current(now) is rebuilt
    finally:
        stamp.close()


def test_api_listing_with_max_lag_answers_from_the_lagging_index(db_url, store):
    with TestClient(create_app(Settings(db_url=db_url, max_lag=60))) as client:
        params = {"country": "Libya", "limit": 1}
        before = client.get("/api/events", params=params)
        with store.begin() as conn:  # a write the lagging index has not seen
            conn.execute(update(m.Event.__table__).where(m.Event.__table__.c.country == "Libya")
                         .values(country="Chad"))
            conn.execute(insert(m.IngestRun.__table__).values(started_at=dt.datetime(2026, 1, 3), added=1))
        try:
            lagging = client.get("/api/events", params=params)
            assert (lagging.content, lagging.headers["x-cache"]) == (before.content, "hit")
            client.app.state.indexes.build_now()  # caught up: the write shows
            assert client.get("/api/events", params=params).json()["total"] == 0
        finally:
            with store.begin() as conn:
                conn.execute(update(m.Event.__table__).where(m.Event.__table__.c.country == "Chad")
                             .values(country="Libya"))
