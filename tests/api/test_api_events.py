"""GET /api/events: every filter, paging, sorting, the contract's record shape; GET /api/events/{id}."""

import json
from pathlib import Path

import jsonschema
import pytest

SCHEMA = json.loads((Path(__file__).parents[1] / "event.schema.json").read_text(encoding="utf-8"))
ALL = ["XSS1", "IRQ2", "IRQ1", "LBY2", "LBY1", "SYR2", "SYR1", "UNPLACED"]  # by date, newest first


def ids(client, **params):
    r = client.get("/api/events", params={"limit": 100, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["items"]) or body["total"] > len(body["items"])
    return [e["event_id"] for e in body["items"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["XSS1", "YEM1", "IRQ2", "IRQ1", "LBY2", "LBY1", "SYR2", "SYR1", "UNPLACED"]),
        ({"country": "Iraq"}, ["IRQ2", "IRQ1"]),
        ({"country": "Iraq,Yemen"}, ["YEM1", "IRQ2", "IRQ1"]),
        ({"country": ["Libya", "Yemen"]}, ["YEM1", "LBY2", "LBY1"]),
        ({"admin1": "Idleb"}, ["SYR1"]),
        ({"event_type": "Battles"}, ["YEM1", "SYR2"]),
        ({"sub_event_type": "Air/drone strike"}, ["XSS1", "SYR1"]),
        ({"event_type": "Explosions/Remote violence", "country": "Libya"}, ["LBY2"]),
        ({"date_from": "2019-06-26", "date_to": "2019-07-02"}, ["IRQ1", "LBY2", "LBY1"]),
        ({"date_from": "2020-01-01"}, ["XSS1", "YEM1"]),
        ({"date_to": "2019-03-06"}, ["SYR1", "UNPLACED"]),
        ({"min_fatalities": 5}, ["YEM1", "IRQ2", "SYR1"]),
        ({"min_confidence": 0.8}, ["IRQ2", "IRQ1", "SYR1"]),
        ({"bbox": "35,32,38,37"}, ["XSS1", "SYR2", "SYR1"]),  # west,south,east,north: Syria's west
        ({"bbox": "10,30,15,34"}, ["LBY2", "LBY1"]),
        ({"actor": "houthi"}, ["YEM1"]),  # English name, any case
        ({"actor": "حوثيون"}, ["YEM1"]),  # Arabic: the text the actor was read from
        ({"actor": "قوات النظام"}, ["SYR2"]),
        ({"actor": "Civilians (Syria)"}, ["XSS1", "SYR1", "UNPLACED"]),
        ({"q": "Basrah"}, ["IRQ1"]),  # notes, location
        ({"q": "ناسفة"}, ["IRQ2"]),  # Arabic evidence
        ({"q": "غريان"}, ["LBY1"]),
        ({"q": "Tripoli"}, ["LBY2"]),
        ({"q": "100%"}, []),  # LIKE wildcards are literal
        ({"q": "_"}, []),
        ({"country": "Atlantis"}, []),
    ],
)
def test_api_events_filters(client, params, expected):
    assert ids(client, **params) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-fatalities", ["YEM1", "IRQ2", "SYR1"]),
        ("fatalities", ["SYR2", "IRQ1", "LBY1"]),
        ("event_date", ["UNPLACED", "SYR1", "SYR2"]),
        ("-confidence", ["SYR1", "IRQ2", "IRQ1"]),
        ("country", ["IRQ1", "IRQ2", "LBY1"]),
        ("-event_id", ["YEM1", "XSS1", "UNPLACED"]),
    ],
)
def test_api_events_sort(client, sort, expected):
    assert ids(client, sort=sort, limit=3) == expected


@pytest.mark.parametrize(
    ("limit", "offset", "expected"),
    [
        (3, 0, ["XSS1", "YEM1", "IRQ2"]),
        (3, 3, ["IRQ1", "LBY2", "LBY1"]),
        (3, 6, ["SYR2", "SYR1", "UNPLACED"]),
        (3, 9, []),
        (1, 8, ["UNPLACED"]),
    ],
)
def test_api_events_paging(client, limit, offset, expected):
    body = client.get("/api/events", params={"limit": limit, "offset": offset}).json()
    assert (body["total"], body["limit"], body["offset"]) == (9, limit, offset)
    assert [e["event_id"] for e in body["items"]] == expected


def test_api_events_records_follow_the_contract_schema(client):
    items = client.get("/api/events", params={"limit": 100}).json()["items"]
    for item in items:
        jsonschema.validate(item, SCHEMA)
    syr1 = next(e for e in items if e["event_id"] == "SYR1")
    assert (syr1["event_date"], syr1["year"], syr1["country"], syr1["admin1"], syr1["fatalities"]) == (
        "2019-03-06",
        2019,
        "Syria",
        "Idleb",
        5,
    )
    assert syr1["doc_ids"] == ["d-syr-1"]
    assert syr1["evidence"][0] == {
        "field": "event",
        "doc_id": "d-syr-1",
        "start": 23,
        "end": 32,
        "text": "غارة جوية",
    }
    assert list(syr1)[:3] == ["event_id", "event_date", "year"]  # ACLED order


def test_api_events_without_evidence_leaves_it_empty(client):
    items = client.get("/api/events", params={"country": "Iraq", "evidence": "false"}).json()["items"]
    assert [e["evidence"] for e in items] == [[], []]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"sort": "notes"}, 422),
        ({"sort": "-secret"}, 422),
        ({"limit": 0}, 422),
        ({"limit": 1001}, 422),
        ({"offset": -1}, 422),
        ({"bbox": "1,2,3"}, 422),
        ({"bbox": "10,50,20,40"}, 422),  # south above north
        ({"date_from": "2020-02-30"}, 422),
        ({"date_from": "2020-01-02", "date_to": "2020-01-01"}, 422),
        ({"min_confidence": 2}, 422),
        ({"min_fatalities": -1}, 422),
    ],
)
def test_api_events_bad_parameters_are_422(client, params, status):
    assert client.get("/api/events", params=params).status_code == status


def test_api_event_detail_has_evidence_and_documents(client):
    body = client.get("/api/events/YEM1").json()
    assert body["event_id"] == "YEM1" and body["actor1"] == "Houthi Movement"
    assert [(e["field"], e["text"]) for e in body["evidence"]] == [
        ("event", "هاجم"),
        ("actor1", "مسلحون حوثيون"),
        ("actor2", "للقوات الحكومية"),
        ("location", "مأرب"),
        ("fatalities", "اثنا عشر جندياً"),
    ]
    doc = body["documents"][0]
    assert (doc["doc_id"], doc["publisher"], doc["published"]) == ("d-yem-1", "مثال نيوز", "2020-02-02")
    for e in body["evidence"]:
        assert doc["text"][e["start"] : e["end"]] == e["text"]


def test_api_event_detail_unknown_is_404(client):
    assert client.get("/api/events/NOPE").status_code == 404


def test_api_events_answers_change_when_the_store_does(client, db_url):
    from sqlalchemy import insert

    from marsad.store import models as m
    from marsad.store.db import open_engine

    before = client.get("/api/events", params={"country": "Oman"}).json()["total"]
    engine = open_engine(db_url)
    with engine.begin() as conn:  # an ingest run's row changes with every commit: the cache's version stamp
        conn.execute(
            insert(m.IngestRun.__table__).values(
                started_at=__import__("datetime").datetime(2024, 1, 2),
                inputs="x",
                added=0,
                replaced=0,
                unchanged=0,
                duplicates=0,
                skipped=0,
                reports=0,
            )
        )
        conn.execute(
            insert(m.Event.__table__).values(
                id=99,
                event_id="OMN1",
                doc_ids="",
                n_sources=1,
                event_type="Protests",
                sub_event_type="Peaceful protest",
                country="Oman",
                fatalities=0,
                confidence=0.5,
                disorder_type="",
                actor1="",
                assoc_actor_1="",
                inter1="",
                actor2="",
                assoc_actor_2="",
                inter2="",
                interaction="",
                civilian_targeting="",
                source="",
                source_scale="",
                notes="",
                tags="",
            )
        )
    engine.dispose()
    try:
        assert (before, client.get("/api/events", params={"country": "Oman"}).json()["total"]) == (0, 1)
    finally:
        engine = open_engine(db_url)
        with engine.begin() as conn:
            conn.execute(m.Event.__table__.delete().where(m.Event.__table__.c.id == 99))
        engine.dispose()


def test_api_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) >= {
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents/{doc_id}",
        "/api/documents",
        "/api/stats",
        "/api/export.csv",
        "/api/export.geojson",
        "/api/export.parquet",
    }
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert names >= {
        "date_from",
        "date_to",
        "country",
        "admin1",
        "event_type",
        "sub_event_type",
        "actor",
        "q",
        "bbox",
        "min_fatalities",
        "min_confidence",
        "limit",
        "offset",
        "sort",
    }
