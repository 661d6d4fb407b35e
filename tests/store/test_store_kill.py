"""Crash safety for real: an ingest process killed with SIGKILL mid-way, then run again, leaves the
store exactly as one clean run does (every document once, no orphan rows). SQLite and PostgreSQL."""

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from marsad.api import default_pipeline
from marsad.store import models as m
from marsad.store.db import create_store_engine, open_engine
from marsad.store.ingest import ingest
from marsad.store.query import iter_events
from marsad.store.stats import integrity_problems

TOWNS = ["سراقب", "كفرنبل", "جسر الشغور", "معرة النعمان", "خان شيخون", "الرمادي", "الفلوجة", "تعز", "مأرب"]
NUMBERS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية"]
TEMPLATES = [
    "قُتل {n} مدنيين، أمس، في غارة جوية على بلدة {town}.",
    "قُتل {n} عناصر من القوات الحكومية في كمين نصبه مسلحون مجهولون قرب {town} أمس.",
    "أصيب {n} أشخاص بجروح في انفجار عبوة ناسفة وسط مدينة {town}، أمس.",
    "تظاهر مئات الأشخاص في {town}، أمس، احتجاجاً على انقطاع الكهرباء.",
]
FILLER = "وقال مصدر محلي إن فرق الإسعاف نقلت المصابين إلى المستشفى، فيما تواصل السلطات التحقيق في الحادثة."
N_DOCS = 400
TABLES = (m.Document, m.Report, m.Evidence, m.Event, m.EventDocument, m.Duplicate, m.Shingle)


def generated_docs():
    """Templated articles; every fifth repeats an earlier story in other words, so fusion has work."""
    docs = []
    for i in range(N_DOCS):
        j = i if i % 5 else i // 5
        body = TEMPLATES[j % len(TEMPLATES)].format(n=NUMBERS[j % len(NUMBERS)],
                                                    town=TOWNS[(j // 4) % len(TOWNS)])
        lead = "" if i % 5 else "أفادت مصادر بأنه "
        docs.append({"id": f"gen-{i:04d}", "published": f"2019-03-{1 + j % 28:02d}",
                     "publisher": f"site{i % 7}", "text": f"{lead}{body} {FILLER} (تقرير رقم {i})"})
    return docs


def n_documents(url):
    engine = create_store_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(m.Document)) or 0
    except Exception:  # the schema is not there yet
        return 0
    finally:
        engine.dispose()


def state(url):
    """What a clean run and a killed-then-resumed run must agree on (not primary keys, not times)."""
    engine = open_engine(url)
    with engine.connect() as conn:
        tables = {t.__tablename__: conn.scalar(select(func.count()).select_from(t)) for t in TABLES}
        docs = sorted(conn.execute(select(m.Document.doc_id, m.Document.content_hash, m.Document.n_events)))
    events = sorted((e.to_dict() for e in iter_events(engine)), key=lambda d: d["event_id"])
    engine.dispose()
    return tables, docs, events


def start(path, url):
    cmd = [sys.executable, "-m", "marsad.store.commands", "ingest", path, "--db", url, "--batch-size", "10",
           "--no-progress", "-j", "2"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_ingest_killed_mid_way_then_resumed_equals_clean_run(db_url, write_jsonl, tmp_path, reset_postgres):
    docs = generated_docs()
    path = write_jsonl("generated.jsonl", docs)

    proc = start(path, db_url)
    deadline = time.monotonic() + 120
    while n_documents(db_url) < 40 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    at_kill = n_documents(db_url)
    assert proc.returncode == -signal.SIGKILL
    assert 40 <= at_kill < N_DOCS, "the process was not killed mid-way"
    assert at_kill % 10 == 0  # whole batches only
    assert set(integrity_problems(open_engine(db_url)).values()) == {0}

    proc = start(path, db_url)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"{N_DOCS - at_kill} added" in err and f"{at_kill} unchanged" in err
    resumed = state(db_url)
    engine = open_engine(db_url)
    assert set(integrity_problems(engine).values()) == {0}
    with engine.connect() as conn:
        runs = conn.execute(select(m.IngestRun.finished_at).order_by(m.IngestRun.id)).scalars().all()
    assert runs[0] is None and runs[1] is not None  # the killed run is recorded as interrupted
    engine.dispose()
    assert [d[0] for d in resumed[1]] == sorted(d["id"] for d in docs)  # every document exactly once

    if db_url.startswith("sqlite"):
        clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    else:
        reset_postgres(db_url)
        clean_url = db_url
    ingest([path], clean_url, pipeline=default_pipeline(), jobs=1)
    tables, _, events = resumed
    assert tables["events"] < tables["reports"] and tables["duplicates"] > 0  # fusion and dedup had work
    assert state(clean_url) == resumed
