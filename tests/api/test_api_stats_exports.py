"""GET /api/stats and the exports (CSV in ACLED order, GeoJSON, Parquet), all under the event filters."""

import csv
import io

import pyarrow.parquet as pq
import pytest

from marsad.events.model import ACLED_FIELDS


def test_api_stats_counts_by_day_type_and_country(client):
    body = client.get("/api/stats", params={"country": "Libya,Iraq"}).json()
    assert body == {
        "total": 4,
        "fatalities": 10,
        "first_date": "2019-06-26",
        "last_date": "2019-08-15",
        "by_day": [["2019-06-26", 1, 0], ["2019-06-30", 1, 3], ["2019-07-02", 1, 0], ["2019-08-15", 1, 7]],
        "by_event_type": [["Explosions/Remote violence", 2], ["Protests", 1], ["Strategic developments", 1]],
        "by_sub_event_type": [
            ["Non-violent transfer of territory", 1],
            ["Peaceful protest", 1],
            ["Remote explosive/landmine/IED", 1],
            ["Shelling/artillery/missile attack", 1],
        ],
        "by_country": [["Iraq", 2], ["Libya", 2]],
    }


def test_api_stats_of_nothing(client):
    body = client.get("/api/stats", params={"country": "Atlantis"}).json()
    assert (body["total"], body["fatalities"], body["first_date"], body["by_day"], body["by_country"]) == (
        0,
        0,
        None,
        [],
        [],
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["SYR1", "SYR2", "IRQ1", "IRQ2", "YEM1", "LBY1", "LBY2", "XSS1", "UNPLACED"]),
        ({"country": "Libya"}, ["LBY1", "LBY2"]),
        ({"min_fatalities": 5, "limit": 2}, ["SYR1", "IRQ2"]),
    ],
)
def test_api_export_csv_in_acled_order(client, params, expected):
    r = client.get("/api/export.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["event_id_cnty", *ACLED_FIELDS[1:]]
    assert [row[0] for row in rows[1:]] == expected


def test_api_export_csv_values(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv", params={"country": "Yemen"}).text)))
    assert [
        (r["event_date"], r["year"], r["admin1"], r["latitude"], r["fatalities"], r["actor1"]) for r in rows
    ] == [("2020-02-01", "2020", "Marib", "15.46", "12", "Houthi Movement")]


def test_api_export_geojson(client):
    body = client.get("/api/export.geojson", params={"country": "Syria"}).json()
    assert body["type"] == "FeatureCollection"
    got = [(f["properties"]["event_id"], f["geometry"]) for f in body["features"]]
    assert got == [
        ("SYR1", {"type": "Point", "coordinates": [36.56, 35.61]}),
        ("SYR2", {"type": "Point", "coordinates": [36.75, 35.13]}),
        ("XSS1", {"type": "Point", "coordinates": [37.1, 36.2]}),
        ("UNPLACED", None),
    ]
    assert body["features"][0]["properties"]["evidence"][0]["text"] == "غارة جوية"


def test_api_export_geojson_empty(client):
    assert client.get("/api/export.geojson", params={"country": "Atlantis"}).json() == {
        "type": "FeatureCollection",
        "features": [],
    }


def test_api_export_parquet(client):
    r = client.get("/api/export.parquet", params={"event_type": "Battles"})
    assert r.status_code == 200
    table = pq.read_table(io.BytesIO(r.content))
    assert table.column_names == [*ACLED_FIELDS, "doc_ids", "confidence", "attribution", "evidence"]
    rows = table.to_pylist()
    assert [(x["event_id"], x["year"], x["fatalities"], x["doc_ids"]) for x in rows] == [
        ("SYR2", 2019, 0, ["d-syr-2"]),
        ("YEM1", 2020, 12, ["d-yem-1"]),
    ]
    assert rows[1]["evidence"][1] == {
        "field": "actor1",
        "doc_id": "d-yem-1",
        "start": 5,
        "end": 18,
        "text": "مسلحون حوثيون",
    }


def test_api_export_parquet_empty_keeps_the_columns(client):
    table = pq.read_table(
        io.BytesIO(client.get("/api/export.parquet", params={"country": "Atlantis"}).content)
    )
    assert (table.num_rows, table.column_names[0]) == (0, "event_id")
