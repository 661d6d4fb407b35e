"""Fusion across articles in the store (SQLite and PostgreSQL), on articles written for these tests:
one ambush told by three outlets, other ambushes the same day in the same governorate, and a
syndicated copy of a story that must count as one source."""

from marsad.api import default_pipeline
from marsad.store import models as m
from marsad.store.db import open_engine
from marsad.store.ingest import ingest
from marsad.store.query import iter_events
from marsad.store.stats import integrity_problems

DAY = "2019-03-08"  # the ambushes and the strike happened "yesterday", Thursday 2019-03-07

SARAQIB_AMBUSH = [
    {"id": "a1", "publisher": "alpha",
     "text": "قُتل خمسة عناصر من قوات النظام السوري، أمس الخميس، في كمين نصبه مسلحو هيئة تحرير الشام قرب "
             "بلدة سراقب في ريف إدلب الشرقي."},
    {"id": "a2", "publisher": "beta",
     "text": "لقي خمسة جنود من الجيش السوري مصرعهم في كمين لهيئة تحرير الشام قرب سراقب بريف إدلب "
             "يوم الخميس."},
    {"id": "a3", "publisher": "gamma",
     "text": "أفادت مصادر محلية بمقتل سبعة من عناصر قوات النظام في كمين قرب مدينة سراقب شرقي إدلب أمس."},
]
OTHER_AMBUSHES = [
    # Same day, same governorate, another town 44 km away and another perpetrator.
    {"id": "b1", "publisher": "alpha",
     "text": "قُتل أربعة من عناصر الجيش السوري في كمين نصبه تنظيم داعش قرب مدينة جسر الشغور غربي إدلب، أمس."},
    # Same day, same governorate, unidentified gunmen and civilians, in a third town.
    {"id": "c1", "publisher": "beta",
     "text": "قتل ثلاثة مدنيين في كمين نصبه مسلحون مجهولون على طريق بلدة كفرنبل في ريف إدلب الجنوبي أمس."},
]
STRIKE = (
    "قُتل سبعة مدنيين بينهم طفلان، أمس الخميس، في غارة جوية شنتها طائرات حربية على سوق شعبي في مدينة "
    "كفرنبل جنوبي إدلب. وقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض ونقلت الجرحى إلى "
    "مستشفيات قريبة. وأضاف أن الغارة دمرت عدداً من المحال التجارية وألحقت أضراراً بالمنازل المجاورة."
)
SYNDICATED = [
    {"id": "s1", "publisher": "alpha", "text": STRIKE},
    {"id": "s2", "publisher": "delta", "text": "إدلب (وكالات) - " + STRIKE},  # the same agency story
    {"id": "s3", "publisher": "gamma",
     "text": "ذكر ناشطون أن خمسة مدنيين قتلوا في غارة جوية استهدفت سوقاً في كفرنبل بريف إدلب الجنوبي يوم "
             "الخميس."},
]


def dated(docs):
    return [dict(d, published=DAY) for d in docs]


def run(write_jsonl, name, docs, url):
    return ingest([write_jsonl(name, dated(docs))], url, pipeline=default_pipeline(), jobs=1)


def events_of(url):
    return {tuple(e.doc_ids): e for e in iter_events(open_engine(url))}


def test_fusion_one_ambush_three_outlets_is_one_event(db_url, write_jsonl):
    run(write_jsonl, "a.jsonl", SARAQIB_AMBUSH, db_url)
    events = events_of(db_url)
    assert list(events) == [("a1", "a2", "a3")]
    e = events["a1", "a2", "a3"]
    assert (e.location, e.event_date, e.source) == ("Saraqib", "2019-03-07", "alpha; beta; gamma")
    assert e.fatalities == 5  # two outlets say five, one says seven
    assert "HTS: Hayat Tahrir al Sham" in (e.actor1, e.actor2)
    assert e.confidence > 0.9  # three independent sources
    assert {ev.doc_id for ev in e.evidence} == {"a1", "a2", "a3"}


def test_fusion_distinct_ambushes_same_day_same_governorate_stay_apart(db_url, write_jsonl):
    run(write_jsonl, "all.jsonl", SARAQIB_AMBUSH + OTHER_AMBUSHES, db_url)
    events = events_of(db_url)
    assert sorted(events) == [("a1", "a2", "a3"), ("b1",), ("c1",)]
    assert (events["b1",].location, events["b1",].fatalities) == ("Jisr ash Shughur", 4)
    assert (events["c1",].location, events["c1",].fatalities) == ("Kafranbel", 3)
    assert {e.admin1 for e in events.values()} == {"Idlib"}
    assert {e.event_date for e in events.values()} == {"2019-03-07"}


def test_fusion_is_incremental_and_order_free(db_url, write_jsonl):
    # The same articles arriving one ingest at a time, in another order, give the same events.
    for i, doc in enumerate(reversed(SARAQIB_AMBUSH + OTHER_AMBUSHES)):
        run(write_jsonl, f"one{i}.jsonl", [doc], db_url)
    events = events_of(db_url)
    assert sorted(tuple(sorted(k)) for k in events) == [("a1", "a2", "a3"), ("b1",), ("c1",)]
    saraqib = next(e for k, e in events.items() if len(k) == 3)
    assert (saraqib.fatalities, saraqib.location) == (5, "Saraqib")


def test_fusion_syndicated_copy_counts_as_one_source(db_url, write_jsonl):
    run(write_jsonl, "s.jsonl", SYNDICATED, db_url)
    engine = open_engine(db_url)
    from sqlalchemy import select

    with engine.connect() as conn:
        links = conn.execute(select(m.Document.doc_id, m.Duplicate.similarity)
                             .join(m.Duplicate, m.Duplicate.document_pk == m.Document.id)).all()
        n_sources = conn.scalar(select(m.Event.n_sources))
    assert [d for d, _ in links] == ["s2"] and links[0][1] > 0.9  # linked to s1, not counted again
    events = events_of(db_url)
    assert list(events) == [("s1", "s2", "s3")]
    e = events["s1", "s2", "s3"]
    # s1 and its copy s2 say seven as ONE source, s3 says five: no majority, so the lowest.
    assert (e.fatalities, n_sources, e.source) == (5, 2, "alpha; delta; gamma")
    assert set(integrity_problems(engine).values()) == {0}


def test_fusion_changed_article_leaves_the_event_it_no_longer_reports(db_url, write_jsonl):
    run(write_jsonl, "a.jsonl", SARAQIB_AMBUSH, db_url)
    moved = dict(SARAQIB_AMBUSH[2], text="أفادت مصادر محلية بمقتل سبعة من عناصر قوات النظام في كمين قرب "
                                         "مدينة جسر الشغور غربي إدلب أمس.")
    c = run(write_jsonl, "moved.jsonl", [moved], db_url)
    assert c.replaced == 1
    events = events_of(db_url)
    assert sorted(events) == [("a1", "a2"), ("a3",)]
    assert (events["a3",].location, events["a1", "a2"].source) == ("Jisr ash Shughur", "alpha; beta")
    assert set(integrity_problems(open_engine(db_url)).values()) == {0}
