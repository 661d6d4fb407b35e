"""Each fused event's JSON is stored with it (revision 0005) and must always equal the record built from
its rows: after ingest, after fusion adds a report, after a changed article moves its report away, and
for a store written before the JSON was stored (SQLite and PostgreSQL)."""

import orjson
from sqlalchemy import func, inspect, select, update
from test_store_fusion import OTHER_AMBUSHES, SARAQIB_AMBUSH, run

from marsad.store import models as m
from marsad.store.db import MIGRATIONS, create_store_engine, migrate, open_engine
from marsad.store.event_json import (
    EVENT_COLUMNS,
    event_record,
    evidence_of,
    fill_records,
    joined_record,
)

_events = m.Event.__table__


def stored_and_built(url):
    """{event_id: (stored record bytes, record built from the rows now)} for every event."""
    with open_engine(url).connect() as conn:
        rows = list(conn.execute(select(*EVENT_COLUMNS, _events.c.record_json, _events.c.evidence_json)))
        evidence = evidence_of(conn, [r[0] for r in rows])
    n = len(EVENT_COLUMNS)
    out = {}
    for r in rows:
        built = event_record(r[:n], evidence.get(r[0]))
        stored = joined_record(r[n], r[n + 1]) if r[n] is not None else None
        out[built["event_id"]] = (stored, orjson.dumps(built))
    return out


def assert_all_stored_and_current(url):
    pairs = stored_and_built(url)
    assert pairs
    for event_id, (stored, built) in pairs.items():
        assert stored == built, event_id


def test_event_json_is_stored_by_ingest(db_url, write_jsonl):
    run(write_jsonl, "all.jsonl", SARAQIB_AMBUSH + OTHER_AMBUSHES, db_url)
    assert len(stored_and_built(db_url)) == 3
    assert_all_stored_and_current(db_url)


def test_event_json_follows_fusion_and_a_changed_article(db_url, write_jsonl):
    run(write_jsonl, "a1.jsonl", SARAQIB_AMBUSH[:1], db_url)
    run(write_jsonl, "a23.jsonl", SARAQIB_AMBUSH[1:], db_url)  # fused into the stored event
    assert_all_stored_and_current(db_url)
    (stored, _), = stored_and_built(db_url).values()
    record = orjson.loads(stored)
    assert record["doc_ids"] == ["a1", "a2", "a3"]
    assert {e["doc_id"] for e in record["evidence"]} == {"a1", "a2", "a3"}

    moved = dict(SARAQIB_AMBUSH[2], text="أفادت مصادر محلية بمقتل سبعة من عناصر قوات النظام في كمين قرب "
                                         "مدينة جسر الشغور غربي إدلب أمس.")
    run(write_jsonl, "moved.jsonl", [moved], db_url)
    assert_all_stored_and_current(db_url)
    stored = [orjson.loads(s) for s, _ in stored_and_built(db_url).values()]
    records = {tuple(r["doc_ids"]): r for r in stored}
    assert sorted(records) == [("a1", "a2"), ("a3",)]
    assert {e["doc_id"] for e in records["a1", "a2"]["evidence"]} == {"a1", "a2"}
    assert records["a3",]["location"] == "Jisr ash Shughur"


def test_fill_records_serialises_a_store_written_before_the_json(db_url, write_jsonl):
    run(write_jsonl, "all.jsonl", SARAQIB_AMBUSH + OTHER_AMBUSHES, db_url)
    engine = open_engine(db_url)
    with engine.begin() as conn:  # as revision 0005 finds an older store
        conn.execute(update(_events).values(record_json=None, evidence_json=None))
    assert {stored for stored, _ in stored_and_built(db_url).values()} == {None}
    with engine.begin() as conn:
        assert fill_records(conn) == 3
        assert fill_records(conn) == 0
    assert_all_stored_and_current(db_url)


def test_joined_record_without_evidence_has_an_empty_list():
    assert joined_record('{"event_id":"X1","fatalities":2}', None) == \
        b'{"event_id":"X1","fatalities":2,"evidence":[]}'
    assert joined_record('{"event_id":"X1"}', '[{"field":"event"}]') == \
        b'{"event_id":"X1","evidence":[{"field":"event"}]}'


def _downgrade(engine, revision):
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def test_event_json_revisions_go_down_and_up_again(db_url, write_jsonl):
    run(write_jsonl, "all.jsonl", SARAQIB_AMBUSH + OTHER_AMBUSHES, db_url)
    engine = create_store_engine(db_url)
    _downgrade(engine, "0004")  # the JSON columns and the triggers go; the events stay
    with engine.connect() as conn:
        assert "record_json" not in {c["name"] for c in inspect(conn).get_columns("events")}
        assert conn.scalar(select(func.count()).select_from(_events)) == 3
    migrate(engine)  # an older store upgraded: its events have no JSON until the next write
    assert {stored for stored, _ in stored_and_built(db_url).values()} == {None}
    with engine.begin() as conn:
        assert fill_records(conn) == 3
    assert_all_stored_and_current(db_url)
    engine.dispose()
