"""GET /api/events pages are concatenations of the events' stored JSON (revision 0005): they must be the
same bytes as pages built from the rows, which is what a store written before the JSON gets."""

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from marsad.api_server import Settings, create_app
from marsad.store import models as m
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


def test_api_a_correction_by_hand_is_served_at_once(seeded):
    engine = open_engine(seeded)
    events, evidence, reports = m.Event.__table__, m.Evidence.__table__, m.Report.__table__
    with engine.begin() as conn:
        fill_records(conn)
    with engine.begin() as conn:  # an analyst corrects the toll and an evidence span, in SQL
        conn.execute(update(events).where(events.c.event_id == "SYR1").values(fatalities=6))
        conn.execute(update(evidence).where(evidence.c.field == "location",
                                            evidence.c.report_pk.in_(select(reports.c.id).where(
                                                reports.c.report_id == "YEM1"))).values(text="corrected"))
    with engine.connect() as conn:
        stale = set(conn.scalars(select(events.c.event_id).where(events.c.record_json.is_(None))))
    assert stale == {"SYR1", "YEM1"}  # the others keep their JSON
    with TestClient(create_app(Settings(db_url=seeded))) as client:
        items = {e["event_id"]: e for e in client.get("/api/events").json()["items"]}
    assert items["SYR1"]["fatalities"] == 6
    assert [e["text"] for e in items["YEM1"]["evidence"] if e["field"] == "location"] == ["corrected"]
    with engine.begin() as conn:  # the next write by Marsad stores their JSON again: the same records
        assert fill_records(conn) == 2
    with TestClient(create_app(Settings(db_url=seeded))) as client:
        assert {e["event_id"]: e for e in client.get("/api/events").json()["items"]} == items
    engine.dispose()
