"""GET /api/events pages are concatenations of the events' stored JSON (revision 0005): they must be the
same bytes as pages built from the rows, which is what a store written before the JSON gets."""

import orjson
import pytest
from fastapi.testclient import TestClient

from marsad.api_server import Settings, create_app
from marsad.store.db import open_engine
from marsad.store.event_json import fill_records

from .seed import seed_store

QUERIES = [
    "",
    "?evidence=false",
    "?country=Syria&sort=fatalities",
    "?limit=2&offset=1&sort=-confidence",
    "?event_type=Battles,Protests&evidence=0",
    "?offset=1000",
]


def pages(url):
    # The answer cache is off: every page is made from the store.
    with TestClient(create_app(Settings(db_url=url, cache_size=0))) as client:
        out = []
        for q in QUERIES:
            r = client.get("/api/events" + q)
            assert r.status_code == 200, q
            out.append(r.content)
        return out


@pytest.fixture(scope="module")
def seeded(db_url):
    """The seed store, written row by row: its events have no stored JSON yet."""
    engine = open_engine(db_url)
    seed_store(engine)
    engine.dispose()
    return db_url


def test_api_pages_from_stored_json_are_the_built_pages(seeded):
    built = pages(seeded)
    engine = open_engine(seeded)
    with engine.begin() as conn:
        n = fill_records(conn)
    engine.dispose()
    assert n == orjson.loads(built[0])["total"] > 3
    assert pages(seeded) == built
    first = orjson.loads(built[0])["items"][0]
    assert first["evidence"] and list(first)[-1] == "evidence"
    assert all(item["evidence"] == [] for item in orjson.loads(built[1])["items"])
    assert orjson.loads(built[-1])["items"] == []
