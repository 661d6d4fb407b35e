"""GET /api/events answered before routing (`fastpath`): it reads exactly what the route reads, passes the
rest on to the route, answers as the route does, and caches answers while the store is unchanged."""

import asyncio
import datetime as dt
import time

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, update

from marsad.api_server import Settings, create_app
from marsad.api_server.cache import ResponseCache, StoreStamp
from marsad.api_server.fastpath import EventsFastPath, read_listing
from marsad.api_server.filters import EventFilters
from marsad.api_server.listing import Listing
from marsad.store import models as m
from marsad.store.db import open_engine

from .conftest import TOKEN


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", Listing(EventFilters())),
        ("limit=20&offset=40", Listing(EventFilters(), 20, 40)),
        ("sort=fatalities&evidence=false", Listing(EventFilters(), sort="fatalities", evidence=False)),
        ("evidence=0", Listing(EventFilters(), evidence=False)),
        ("evidence=true", Listing(EventFilters())),
        ("country=Iraq", Listing(EventFilters(country=("Iraq",)))),
        ("country=Iraq,Yemen&country=Libya", Listing(EventFilters(country=("Iraq", "Yemen", "Libya")))),
        ("country=Iraq&country=Iraq", Listing(EventFilters(country=("Iraq",)))),
        ("admin1=Deir+ez+Zor", Listing(EventFilters(admin1=("Deir ez Zor",)))),
        ("sub_event_type=Air%2Fdrone+strike", Listing(EventFilters(sub_event_type=("Air/drone strike",)))),
        ("event_type=Battles&date_from=2020-01-31&date_to=2020-02-29",
         Listing(EventFilters(dt.date(2020, 1, 31), dt.date(2020, 2, 29), event_type=("Battles",)))),
        ("min_fatalities=10&min_confidence=0.75",
         Listing(EventFilters(min_fatalities=10, min_confidence=0.75))),
        ("min_confidence=1", Listing(EventFilters(min_confidence=1.0))),
        ("bbox=35,32.5,38,37", Listing(EventFilters(bbox=(35.0, 32.5, 38.0, 37.0)))),
        ("actor=%D8%A7%D9%84%D8%AD%D9%88%D8%AB%D9%8A", Listing(EventFilters(actor="الحوثي"))),
        ("q=+%D9%82%D8%B5%D9%81+", Listing(EventFilters(q="قصف"))),
        ("q=&actor=", Listing(EventFilters())),
        ("country=", Listing(EventFilters())),
        ("unknown=1&limit=5", Listing(EventFilters(), 5)),  # unknown parameters are ignored, as by the route
    ],
)
def test_fastpath_read_listing_reads_valid_queries(query, expected):
    assert read_listing(query.encode(), 1000) == expected


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=1001",
        "limit=-1",
        "limit=ten",
        "limit=5&limit=6",  # a single-valued parameter given twice
        "offset=-5",
        "sort=notes",
        "sort=",
        "date_from=2020-02-30",
        "date_from=20200201",
        "date_from=",
        "date_from=2020-02-02&date_to=2020-02-01",
        "min_confidence=1.5",
        "min_confidence=-0.1",
        "min_fatalities=1e3",
        "bbox=1,2,3",
        "bbox=10,50,20,40",
        "evidence=maybe",
        "evidence=yes",  # valid for the route, but read there
        "q=%FF",  # not UTF-8
    ],
)
def test_fastpath_read_listing_leaves_the_rest_to_the_route(query):
    assert read_listing(query.encode(), 1000) is None


@pytest.fixture(scope="module")
def route_only(client, db_url):
    """The same service without the fast path: every listing answered by the FastAPI route."""
    app = create_app(Settings(db_url=db_url, api_token=TOKEN))
    app.user_middleware = [mw for mw in app.user_middleware if mw.cls is not EventsFastPath]
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"limit": 3, "offset": 2},
        {"limit": 2, "offset": 50},
        {"country": "Iraq,Yemen", "sort": "fatalities"},
        {"event_type": "Battles", "evidence": "false"},
        {"date_from": "2019-06-26", "date_to": "2019-07-02", "sort": "event_date"},
        {"bbox": "35,32,38,37", "limit": 2},
        {"min_fatalities": 5, "sort": "-fatalities"},
        {"min_confidence": 0.8, "sort": "confidence"},
        {"actor": "حوثيون"},
        {"q": "ناسفة"},
        {"sort": "location"},
        {"sort": "-admin1", "limit": 4},
    ],
)
def test_fastpath_answers_as_the_route_does(client, route_only, params):
    fast, route = client.get("/api/events", params=params), route_only.get("/api/events", params=params)
    assert (fast.status_code, fast.headers["x-cache"] in ("hit", "miss")) == (200, True)
    assert "x-cache" not in route.headers
    assert fast.content == route.content
    assert fast.headers["content-type"] == route.headers["content-type"] == "application/json"
    assert fast.headers["content-security-policy"] == route.headers["content-security-policy"]


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"limit": "ten"}, ["query", "limit"]),
        ({"date_from": "2020-02-30"}, ["query", "date_from"]),
        ({"min_confidence": "2"}, ["query", "min_confidence"]),
    ],
)
def test_fastpath_invalid_requests_get_the_routes_422(client, params, loc):
    r = client.get("/api/events", params=params)
    assert (r.status_code, r.json()["detail"][0]["loc"], "x-cache" in r.headers) == (422, loc, False)


def test_fastpath_caches_until_the_store_changes(client, db_url):
    params = {"country": "Qatar", "limit": 7}
    first, again = client.get("/api/events", params=params), client.get("/api/events", params=params)
    assert [first.headers["x-cache"], again.headers["x-cache"]] == ["miss", "hit"]
    assert first.content == again.content and first.json()["total"] == 0
    engine = open_engine(db_url)
    with engine.begin() as conn:  # a write by another connection, recorded by an ingest run
        conn.execute(
            insert(m.IngestRun.__table__).values(
                started_at=dt.datetime(2024, 1, 3), inputs="x", added=1, replaced=0, unchanged=0,
                duplicates=0, skipped=0, reports=0,
            )
        )
        conn.execute(
            insert(m.Event.__table__).values(
                id=98, event_id="QAT1", doc_ids="", n_sources=1, event_type="Protests",
                sub_event_type="Peaceful protest", country="Qatar", fatalities=0, confidence=0.5,
                disorder_type="", actor1="", assoc_actor_1="", inter1="", actor2="", assoc_actor_2="",
                inter2="", interaction="", civilian_targeting="", source="", source_scale="", notes="",
                tags="",
            )
        )
    try:
        after = client.get("/api/events", params=params)
        assert (after.headers["x-cache"], after.json()["total"]) == ("miss", 1)
        assert client.get("/api/events", params=params).headers["x-cache"] == "hit"
    finally:
        with engine.begin() as conn:
            conn.execute(m.Event.__table__.delete().where(m.Event.__table__.c.id == 98))
        engine.dispose()


def test_fastpath_without_cache_makes_every_answer(db_url, client):
    with TestClient(create_app(Settings(db_url=db_url, cache_size=0))) as c:
        states = [c.get("/api/events", params={"country": "Iraq"}).headers["x-cache"] for _ in range(3)]
    assert states == ["miss", "miss", "miss"]


def test_cache_stamp_is_exact_on_both_databases(db_url, client):
    engine = open_engine(db_url)
    stamp = StoreStamp(engine)
    events = m.Event.__table__
    try:
        assert stamp.exact
        first = stamp.stamp()
        assert stamp.stamp() == first
        with engine.connect() as conn:  # a write rolled back changes nothing
            conn.execute(update(events).where(events.c.event_id == "SYR1").values(fatalities=77))
            conn.rollback()
        assert stamp.stamp() == first
        with engine.begin() as conn:  # a write by hand, outside any ingest run, is seen when it commits
            conn.execute(update(events).where(events.c.event_id == "SYR1").values(notes="edited by hand"))
        assert stamp.stamp() != first
    finally:
        stamp.close()
        engine.dispose()


def test_api_answers_follow_a_write_by_hand_at_once(db_url, client):
    engine = open_engine(db_url)
    events = m.Event.__table__
    params = {"country": "Syria", "min_fatalities": 40}
    try:
        assert client.get("/api/events", params=params).json()["total"] == 0
        with engine.begin() as conn:  # no ingest run row: only the exact stamp can tell
            conn.execute(update(events).where(events.c.event_id == "SYR1").values(fatalities=41))
        answer = client.get("/api/events", params=params)
        found = [e["event_id"] for e in answer.json()["items"]]
        assert (found, answer.headers["x-cache"]) == (["SYR1"], "miss")
    finally:
        with engine.begin() as conn:
            conn.execute(update(events).where(events.c.event_id == "SYR1").values(fatalities=5))
        engine.dispose()


@pytest.mark.parametrize(
    ("puts", "size", "max_bytes", "kept"),
    [
        ([("a", 10), ("b", 10), ("c", 10)], 2, 1000, ["b", "c"]),  # least recently used goes first
        ([("a", 10), ("b", 10), ("c", 10), ("d", 10), ("e", 10)], 10, 40, ["b", "c", "d", "e"]),  # bytes
        ([("a", 10), ("big", 200)], 10, 400, ["a"]),  # larger than a quarter of the budget: not kept
        ([("a", 20), ("a", 20), ("b", 20), ("c", 20), ("d", 20)], 10, 90, ["a", "b", "c", "d"]),  # replaced
        ([("a", 10)], 0, 1000, []),  # size 0: no cache
    ],
)
def test_cache_keeps_recent_answers_within_budget(puts, size, max_bytes, kept):
    cache = ResponseCache(size, ttl=None, max_bytes=max_bytes)
    for key, n in puts:
        cache.put(key, (1,), b"x" * n)
    assert [k for k in ("a", "b", "c", "d", "e", "big") if cache.get(k, (1,)) is not None] == kept


@pytest.mark.parametrize(
    ("ttl", "version", "hit"),
    [(None, (1,), True), (None, (2,), False), (60.0, (1,), True), (0.0, (1,), False)],
)
def test_cache_serves_only_current_answers(ttl, version, hit):
    cache = ResponseCache(8, ttl=ttl)
    cache.put("k", (1,), b"body")
    assert (cache.get("k", version) == b"body") is hit
    assert (cache.hits, cache.misses) == (int(hit), int(not hit))


@pytest.mark.parametrize(
    ("age", "expected"),
    [(0.0, (b"body", True)), (9.9, (b"body", True)), (10.0, (b"body", False)), (19.9, (b"body", False)),
     (20.0, (None, False))],
)
def test_cache_serves_stale_answers_for_one_more_ttl(age, expected):
    clock = [100.0]
    cache = ResponseCache(8, ttl=10.0, clock=lambda: clock[0])
    cache.put("k", (1,), b"body")
    clock[0] += age
    assert cache.lookup("k", (1,)) == expected


def test_fastpath_remakes_stale_answers_aside(db_url, client):
    clock = [100.0]
    app = create_app(Settings(db_url=db_url))
    app.state.cache.ttl = 10.0  # as for a store without an exact stamp
    app.state.cache.clock = lambda: clock[0]
    with TestClient(app) as c:
        first = c.get("/api/events", params={"country": "Libya"})
        clock[0] += 15  # stale: still served, and remade aside
        stale = c.get("/api/events", params={"country": "Libya"})
        deadline = time.perf_counter() + 5  # the remake runs in the app's event loop, beside this thread
        while app.state.cache._items[b"country=Libya"][1] != 115.0 and time.perf_counter() < deadline:
            time.sleep(0.01)
        remade = c.get("/api/events", params={"country": "Libya"})
    assert (first.headers["x-cache"], stale.headers["x-cache"]) == ("miss", "hit")
    assert stale.content == remade.content == first.content
    assert app.state.cache._items[b"country=Libya"][1] == 115.0


def test_fastpath_yields_the_loop_after_its_inline_budget(db_url, client):
    """Pages made in the event loop stop for the loop's next turn once INLINE_BUDGET is spent (so sockets
    are flushed between), then go on; a path first used on another loop starts afresh."""
    from marsad.api_server import fastpath
    from marsad.api_server.event_index import IndexHolder

    engine = open_engine(db_url)
    stamp = StoreStamp(engine)
    indexes = IndexHolder(engine, stamp, ttl=None)
    indexes.build_now()
    fp = EventsFastPath(None, engine, ResponseCache(0), stamp, 1000, indexes)
    listing = Listing(EventFilters(country=("Syria",)))

    async def pages(n):
        index = indexes.current(stamp.stamp())
        return await asyncio.gather(*(fp._make_limited(listing, index) for _ in range(n)))

    try:
        fp._loop, fp._spent, fp._reset_scheduled = object(), 99.0, True  # left by a loop now gone
        bodies = asyncio.run(asyncio.wait_for(pages(3), 5))  # would wait forever for a reset
        assert len(set(bodies)) == 1
        found = [e["event_id"] for e in orjson.loads(bodies[0])["items"]]
        assert found == ["XSS1", "SYR2", "SYR1", "UNPLACED"]
        original = fastpath.INLINE_BUDGET
        fastpath.INLINE_BUDGET = 0.0  # every page waits for a turn of its own
        try:
            async def spent_turns():
                await fp._make_limited(listing, indexes.current(stamp.stamp()))
                return fp._spent > 0 and fp._reset_scheduled
            assert asyncio.run(asyncio.wait_for(spent_turns(), 5))
            assert len(set(asyncio.run(asyncio.wait_for(pages(4), 5)))) == 1
        finally:
            fastpath.INLINE_BUDGET = original
    finally:
        stamp.close()
        engine.dispose()
