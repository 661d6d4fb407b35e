"""Parquet tables: documents and events survive the round trip exactly; writes are atomic."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from marsad.api import Pipeline
from marsad.batch.tables import (
    DOCUMENTS,
    EVENTS,
    EVIDENCE,
    AtomicWriter,
    document_row,
    event_rows,
    read_events,
    row_document,
    shard_path,
    shards_of,
)
from marsad.documents import Document, clean_document

from .corpus import corpus

TZ = dt.timezone(dt.timedelta(hours=3))


@pytest.mark.parametrize("doc", [
    Document(id="a", text="قتل ثلاثة مدنيين في قصف على حلب", published=dt.date(2018, 9, 15)),
    Document(id="b", text="نص\nاقرأ أيضا: خبر آخر", url="https://x.example/b", title="عنوان",
             publisher="وكالة", published=dt.date(2020, 1, 2),
             published_time=dt.datetime(2020, 1, 2, 8, 30, tzinfo=TZ),
             language="ar", origin="f.jsonl:2", mask=[(4, 19)], quote_fixes=[1, 7]),
    Document(id="c", text="نص", published_time=dt.datetime(2021, 3, 4, 5, 6)),
])
def test_tables_document_round_trip(doc):
    table = pa.Table.from_pylist([document_row(3, doc, b"\x01" * 8)], schema=DOCUMENTS)
    r = table.to_pylist()[0]
    assert (r["row"], r["minhash"]) == (3, b"\x01" * 8)
    assert row_document(r) == doc


def test_tables_events_read_back_as_to_dict(tmp_path):
    pipeline = Pipeline()
    expected = []
    with AtomicWriter(shard_path(tmp_path, "events", 4), EVENTS) as events, \
            AtomicWriter(shard_path(tmp_path, "evidence", 4), EVIDENCE) as evidence:
        for rec in corpus(6):
            doc = clean_document(Document(rec["id"], rec["text"], dt.date.fromisoformat(rec["published"])))
            for e in pipeline.extract_document(doc):
                row, spans = event_rows(len(expected), e)
                events.add(row)
                for s in spans:
                    evidence.add(s)
                expected.append(e.to_dict())
    assert len(expected) >= 10
    assert shards_of(tmp_path, "events") == [4]
    assert list(read_events(tmp_path)) == expected


def test_tables_event_month_partition_column(tmp_path):
    text = "قتل خمسة مدنيين في غارة جوية على مدينة إدلب أمس."
    doc = clean_document(Document("m", text, dt.date(2019, 3, 12)))
    rows = [event_rows(i, e)[0] for i, e in enumerate(Pipeline().extract_document(doc))]
    assert [(r["event_date"], r["event_month"], r["year"]) for r in rows] == [("2019-03-11", "2019-03", 2019)]


def test_tables_failed_write_leaves_nothing(tmp_path):
    path = shard_path(tmp_path, "events", 0)
    with pytest.raises(RuntimeError), AtomicWriter(path, EVENTS) as w:
        w.flush()
        raise RuntimeError("worker died")
    assert list(path.parent.iterdir()) == []
    assert shards_of(tmp_path, "events") == []
