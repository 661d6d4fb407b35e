"""`marsad batch --db`: a batch output loaded into the store equals `marsad ingest` of the same inputs
(fused events, documents, near-duplicate links), on SQLite and PostgreSQL; loading twice changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from marsad.api import Pipeline, default_pipeline
from marsad.batch import BatchOptions, load_store, read_events, run_batch
from marsad.batch.commands import batch
from marsad.batch.store import event_of_dict
from marsad.documents import Document, clean_document
from marsad.store import models as m
from marsad.store.db import open_engine
from marsad.store.ingest import ingest, store_coded
from marsad.store.query import iter_events

from .conftest import write_jsonl
from .corpus import corpus

STRIKE = ("أفاد مصدر طبي بمقتل أربعة مدنيين وإصابة سبعة آخرين، أمس الأربعاء، جراء غارة جوية استهدفت بلدة "
          "معرة النعمان جنوب إدلب.")
# Two reports of one strike (fused into one event), a third that stays apart, and the first again under
# another id (a duplicate, not stored).
REPORTS = [
    {"id": "f1", "published": "2019-04-11", "publisher": "alpha", "text": STRIKE},
    {"id": "f2", "published": "2019-04-11", "publisher": "beta",
     "text": "لقي أربعة أشخاص حتفهم في قصف جوي طال بلدة معرة النعمان بريف إدلب يوم الأربعاء، بحسب ناشطين."},
    {"id": "f3", "published": "2019-04-12", "publisher": "gamma",
     "text": "قال ناشطون إن خمسة مدنيين قتلوا في غارة جوية على معرة النعمان بريف إدلب الأربعاء الماضي."},
    {"id": "f1-again", "published": "2019-04-11", "publisher": "delta", "text": STRIKE},
]
TABLES = (m.Document, m.Report, m.Evidence, m.Event, m.EventDocument, m.Duplicate, m.Shingle)


@pytest.fixture(scope="module")
def coded(tmp_path_factory, scheduler):
    """(inputs, out): a JSONL input (10 articles, 2 syndicated copies, REPORTS) and its batch output,
    copies coded too (as `marsad ingest` codes them), in several shards."""
    root = tmp_path_factory.mktemp("batch_store")
    path = write_jsonl(root / "in.jsonl", corpus(10, seed=11, copies=2) + REPORTS)
    out = root / "out"
    result = run_batch([str(path)], BatchOptions(str(out), scheduler=scheduler, shard_size=4000, dedup=False))
    assert (result.shards >= 3, result.coded, result.copies) == (True, 16, 0)
    return [str(path)], out


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store(request, tmp_path, fresh_postgres):
    """new_store(name) -> the URL of an empty store (PostgreSQL: the one test database, emptied)."""

    def make(name: str) -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path / name}.db"
        return fresh_postgres("batch store")

    return make


def snapshot(url: str) -> dict:
    """What a reader of the store sees: every event as the contract gives it (fields, doc_ids,
    evidence), documents with their event counts and clusters, near-duplicate links, row counts."""
    engine = open_engine(url)
    with engine.connect() as conn:
        doc_id = dict(conn.execute(select(m.Document.id, m.Document.doc_id)).all())
        documents = sorted((r.doc_id, r.content_hash, r.n_events, doc_id.get(r.cluster_id))
                           for r in conn.execute(select(m.Document.doc_id, m.Document.content_hash,
                                                        m.Document.n_events, m.Document.cluster_id)))
        links = sorted((doc_id[r.document_pk], doc_id[r.duplicate_of], r.similarity) for r in conn.execute(
            select(m.Duplicate.document_pk, m.Duplicate.duplicate_of, m.Duplicate.similarity)))
        rows = {t.__tablename__: conn.scalar(select(func.count()).select_from(t)) for t in TABLES}
        no_json = conn.scalar(text("SELECT count(*) FROM events WHERE record_json IS NULL"))
    events = [e.to_dict() for e in iter_events(engine)]
    engine.dispose()
    return {"events": events, "documents": documents, "links": links, "rows": rows, "no_json": no_json}


def test_batch_store_equals_ingest_and_loads_once(coded, new_store):
    inputs, out = coded
    reference = new_store("ingest")
    ingested = ingest(inputs, reference, pipeline=default_pipeline(), jobs=1)
    expected = snapshot(reference)
    url = new_store("batch")  # PostgreSQL: the same database, emptied
    loaded = load_store(out, url)
    assert loaded.as_dict() == ingested.as_dict() == {
        "added": 15, "replaced": 0, "unchanged": 0, "duplicates": 1, "skipped": 0,
        "reports": ingested.reports, "near_duplicates": 2}
    got = snapshot(url)
    assert got == expected
    assert got["no_json"] == 0
    # What the extractor codes in this corpus today (issue 8: more reports, from 26 and 23 events).
    assert (got["rows"]["documents"], got["rows"]["reports"], got["rows"]["events"]) == (15, 30, 25)
    fused = [(e["doc_ids"], e["fatalities"]) for e in got["events"] if len(e["doc_ids"]) > 1]
    assert (["f1", "f2"], 4) in fused
    copies = [r["id"] for r in corpus(10, seed=11, copies=2) if r["id"].startswith("copy-")]
    assert sorted(link[:2] for link in got["links"]) == sorted((c, c.rsplit("-of-", 1)[1]) for c in copies)
    # The same output again: every document is unchanged, nothing is written.
    again = load_store(out, url)
    assert again.as_dict() == {"added": 0, "replaced": 0, "unchanged": 15, "duplicates": 1, "skipped": 0,
                               "reports": 0, "near_duplicates": 0}
    assert snapshot(url) == got
    engine = open_engine(url)
    with engine.connect() as conn:
        runs = conn.execute(select(m.IngestRun.inputs, m.IngestRun.added, m.IngestRun.unchanged)
                            .where(m.IngestRun.finished_at.is_not(None)).order_by(m.IngestRun.id)).all()
    engine.dispose()
    assert [tuple(r) for r in runs] == [(f"batch output {out}", 15, 0), (f"batch output {out}", 0, 15)]


@pytest.mark.parametrize("text, published", [
    ("قُتل ثلاثة مدنيين في قصف مدفعي على أحياء مدينة حلب، أمس.", "2018-09-15"),
    ("اعتقلت قوات الأمن خمسة أشخاص خلال حملة مداهمات في الرمادي يوم الثلاثاء.", "2020-01-02"),
    ("تظاهر العشرات في تعز احتجاجا على تأخر صرف الرواتب. وأصيب جندي في انفجار لغم قرب مأرب.", "2021-03-04"),
])
def test_batch_store_event_of_dict_inverts_to_dict(text, published):
    doc = clean_document(Document("d", text, dt.date.fromisoformat(published), publisher="وكالة"))
    events = Pipeline().extract_document(doc)
    assert events and all(e.evidence for e in events)
    assert [event_of_dict(e.to_dict()) for e in events] == events


def test_batch_store_reads_every_event_of_the_output(coded):
    _, out = coded
    events = list(read_events(out))
    assert [event_of_dict(d).to_dict() for d in events] == events


def test_batch_store_refuses_events_of_another_document(tmp_path):
    a = Document("a", "قُتل ثلاثة مدنيين في قصف مدفعي على حلب.", dt.date(2019, 5, 2))
    b = Document("b", "انفجرت عبوة ناسفة بدورية للشرطة في مدينة الموصل أمس، ما أدى إلى إصابة ثلاثة منهم.",
                 dt.date(2019, 5, 2))
    events_of_b = Pipeline().extract_document(clean_document(b))
    assert [e.doc_ids for e in events_of_b] == [["b"]]
    with pytest.raises(RuntimeError, match=r"events of \['b'\] paired with document 'a'"):
        store_coded([(a, events_of_b)], f"sqlite:///{tmp_path / 'x.db'}")


def test_batch_store_from_the_command_line(tmp_path, scheduler):
    records = corpus(5, seed=13, copies=1)
    path = write_jsonl(tmp_path / "in.jsonl", records)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    args = [str(path), "--out", str(tmp_path / "out"), "--scheduler", scheduler, "--db", url]
    first = CliRunner().invoke(batch, args)
    assert first.exit_code == 0, first.output
    reports = len(list(read_events(tmp_path / "out")))
    assert first.stderr.splitlines()[-1] == (
        f"marsad: stored in {url}: 5 documents added, 0 replaced, 0 unchanged, 0 duplicates; "
        f"{reports} event reports, 0 near-duplicate documents")
    # the copy is not coded, so not stored: the store holds the originals' events, fused
    stored = snapshot(url)
    assert sorted(d[0] for d in stored["documents"]) == sorted(r["id"] for r in records if r["id"][0] == "a")
    assert (stored["rows"]["reports"], stored["no_json"]) == (reports, 0)
    again = CliRunner().invoke(batch, args)
    assert again.exit_code == 0, again.output
    assert again.stderr.splitlines()[-1] == (
        f"marsad: stored in {url}: 0 documents added, 0 replaced, 5 unchanged, 0 duplicates; "
        "0 event reports, 0 near-duplicate documents")
    assert snapshot(url) == stored
