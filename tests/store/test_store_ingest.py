"""Ingest into a real database (SQLite and PostgreSQL): rows, idempotency, replacement, migrations."""

import pytest
from sqlalchemy import func, select, text

from marsad.api import default_pipeline
from marsad.store import models as m
from marsad.store.db import current_revision, head_revision, open_engine
from marsad.store.ingest import ingest
from marsad.store.query import get_event, iter_events
from marsad.store.stats import format_stats, integrity_problems, store_stats

DAY = "2019-03-08"
DOCS = [
    {"id": "n1", "published": DAY, "publisher": "alpha",
     "text": "قُتل خمسة مدنيين، أمس الخميس، في غارة جوية على بلدة كفرنبل في ريف إدلب الجنوبي."},
    {"id": "n2", "published": DAY, "publisher": "beta",
     "text": "أصيب ثلاثة أشخاص بجروح في انفجار عبوة ناسفة بمدينة الرمادي غربي العراق، أمس."},
    {"id": "n3", "published": DAY, "publisher": "gamma",
     "text": "افتتح وزير التربية مدرسة جديدة في حي الميدان، وتحدث عن خطط الوزارة للعام المقبل."},
]
TABLES = (m.Document, m.Report, m.Evidence, m.Event, m.EventDocument, m.Duplicate, m.Shingle)


def counts(engine):
    with engine.connect() as conn:
        return {t.__tablename__: conn.scalar(select(func.count()).select_from(t)) for t in TABLES}


def snapshot(engine):
    """Everything a reader sees: each event as the contract gives it."""
    return sorted((e.to_dict() for e in iter_events(engine)), key=lambda d: d["event_id"])


def run(path, url, **kw):
    return ingest([path], url, pipeline=default_pipeline(), jobs=1, **kw)


def test_ingest_stores_documents_reports_evidence(db_url, write_jsonl):
    c = run(write_jsonl("in.jsonl", DOCS), db_url)
    assert (c.added, c.replaced, c.unchanged, c.duplicates, c.skipped) == (3, 0, 0, 0, 0)
    engine = open_engine(db_url)
    n = counts(engine)
    assert n["documents"] == 3 and n["reports"] == c.reports >= 2 and n["events"] == n["reports"]
    assert integrity_problems(engine) == dict.fromkeys(integrity_problems(engine), 0)
    events = snapshot(engine)
    texts = {d["id"]: d["text"] for d in DOCS}
    for e in events:
        assert e["doc_ids"] and e["evidence"]
        for ev in e["evidence"]:
            assert texts[ev["doc_id"]][ev["start"]:ev["end"]] == ev["text"]
    strike = next(e for e in events if e["sub_event_type"] == "Air/drone strike")
    assert (strike["doc_ids"], strike["source"], strike["fatalities"]) == (["n1"], "alpha", 5)
    assert get_event(engine, strike["event_id"]).to_dict() == strike
    assert get_event(engine, "no-such-event") is None


def test_ingest_same_documents_again_change_nothing(db_url, write_jsonl):
    path = write_jsonl("in.jsonl", DOCS)
    run(path, db_url)
    engine = open_engine(db_url)
    before, events = counts(engine), snapshot(engine)
    c = run(path, db_url)
    assert (c.added, c.replaced, c.unchanged, c.reports) == (0, 0, 3, 0)
    # The same texts under new ids (another crawl of the same pages) change nothing either.
    c = run(write_jsonl("again.jsonl", [dict(d, id=d["id"] + "-copy") for d in DOCS]), db_url)
    assert (c.added, c.duplicates) == (0, 3)
    assert counts(engine) == before and snapshot(engine) == events


def test_ingest_changed_document_replaces_its_events(db_url, write_jsonl):
    run(write_jsonl("in.jsonl", DOCS), db_url)
    engine = open_engine(db_url)
    changed = dict(DOCS[0], text="قُتل ثمانية مدنيين، أمس الخميس، في قصف مدفعي على بلدة كفرنبل في ريف إدلب.")
    c = run(write_jsonl("changed.jsonl", [changed]), db_url)
    assert (c.added, c.replaced, c.unchanged) == (0, 1, 0)
    events = [e for e in snapshot(engine) if "n1" in e["doc_ids"]]
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [
        ("Shelling/artillery/missile attack", 8)]
    evidence = [ev["text"] for ev in events[0]["evidence"]]
    assert "قصف مدفعي" in evidence and "غارة جوية" not in evidence  # the old text's spans are gone
    assert counts(engine)["documents"] == 3
    assert set(integrity_problems(engine).values()) == {0}
    with engine.connect() as conn:
        assert conn.scalar(select(m.Document.text).where(m.Document.doc_id == "n1")) == changed["text"]


def test_ingest_reports_bad_documents_and_goes_on(db_url, write_jsonl):
    skipped = []
    docs = DOCS[:1] + [{"id": "en", "text": "Five people were killed in an air strike on the town."},
                       {"id": "empty"}]
    c = run(write_jsonl("in.jsonl", docs), db_url, on_skip=skipped.append)
    assert (c.added, c.skipped) == (1, 2) and len(skipped) == 2


def test_ingest_progress_counts_every_document(db_url, write_jsonl):
    seen = []
    run(write_jsonl("in.jsonl", DOCS + [DOCS[0]]), db_url, on_progress=lambda c: seen.append(c.seen))
    assert seen[-1] == 4 and seen == sorted(seen)


def test_ingest_schema_is_migrated_and_recorded(db_url):
    engine = open_engine(db_url)
    head = head_revision()
    assert head >= "0002" and current_revision(engine) == head
    engine = open_engine(db_url)  # opening again: already at head, nothing to do
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head]


def test_ingest_stats_summarise_the_store(db_url, write_jsonl):
    run(write_jsonl("in.jsonl", DOCS), db_url)
    s = store_stats(open_engine(db_url))
    assert (s["documents"], s["documents_with_events"], s["events"]) == (3, 2, 2)
    assert s["first_event_date"] == s["last_event_date"] == "2019-03-07"
    assert s["last_runs"][0]["added"] == 3 and s["last_runs"][0]["finished_at"] is not None
    assert "documents                  3" in format_stats(s)


@pytest.mark.parametrize("url_var", ["MARSAD_DB"])
def test_ingest_default_url_from_environment(url_var, monkeypatch, tmp_path, write_jsonl):
    monkeypatch.setenv(url_var, f"sqlite:///{tmp_path / 'env.db'}")
    c = ingest([write_jsonl("in.jsonl", DOCS[:1])], pipeline=default_pipeline(), jobs=1)
    assert c.added == 1 and (tmp_path / "env.db").exists()
