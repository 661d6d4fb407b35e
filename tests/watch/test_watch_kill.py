"""Resume for real: `marsad watch --once` run as a process, killed with SIGKILL in the middle of a round,
then run again: every good article is stored exactly once, nothing stored before the kill is fetched
again, and the faults are still only logged. SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time

import yaml
from sqlalchemy import func, select
from watch_pages import article, rss, urlset

from marsad.store import models as m
from marsad.store.db import create_store_engine, open_engine
from marsad.store.stats import integrity_problems
from marsad.watch import state

N = 40
WHEN = dt.datetime(2024, 3, 5, 8, 0, tzinfo=dt.UTC)


def stored(url):
    """doc_ids in the store now (empty before the schema exists)."""
    engine = create_store_engine(url)
    try:
        with engine.connect() as conn:
            return set(conn.scalars(select(m.Document.doc_id)))
    except Exception:  # the schema is not there yet
        return set()
    finally:
        engine.dispose()


def start(feeds, url):
    cmd = [sys.executable, "-m", "marsad.cli", "watch", str(feeds), "--db", url, "--once", "-v"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_watch_killed_mid_round_then_resumed_stores_every_article_once(site, db_url, tmp_path):
    s, t = site(), site()
    good, items, listed = [], [], []
    for i in range(N):
        title, html = article(i)
        host = s if i % 2 else t
        url = host.add(f"/news/{i}.html", html, delay=0.05)
        good.append(url)
        (items if i % 2 else listed).append((url, title, WHEN))
    bad = s.add("/news/error.html", "x", status=500)
    s.add("/rss.xml", rss("أخبار", items + [(bad, "خطأ", WHEN)]), etag='"v1"')
    t.add("/sitemap.xml", urlset([(u, ti, d.date()) for u, ti, d in listed]))
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(yaml.safe_dump({
        "per_host": 1, "concurrency": 2, "delay": 0, "feeds": [s.url("/rss.xml"), t.url("/sitemap.xml")],
        "defaults": {"timeout": 2, "retries": 0, "retry_delay": 3600}}), encoding="utf-8")

    proc = start(feeds, db_url)
    deadline = time.monotonic() + 60
    while len(stored(db_url)) < 8 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    at_kill = stored(db_url)
    assert proc.returncode == -signal.SIGKILL
    assert 8 <= len(at_kill) < N, "the process was not killed mid-round"
    assert set(integrity_problems(open_engine(db_url)).values()) == {0}

    proc = start(feeds, db_url)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err  # the 500 page is a fault: logged, to be retried
    assert "error.html: HTTP 500" in err
    assert stored(db_url) == set(good)
    assert all(h.hits[p] == 1 for h in (s, t) for p in h.hits if p.startswith("/news/") and
               h.url(p) in at_kill)  # nothing stored before the kill was fetched again
    fetched = sum(n for h in (s, t) for p, n in h.hits.items() if p.startswith("/news/") and "error" not in p)
    assert fetched <= N + 2  # only pages in flight at the kill (concurrency 2) were fetched twice
    engine = open_engine(db_url)
    with engine.connect() as conn:
        n_docs = conn.scalar(select(func.count()).select_from(m.Document))
        counts = state.status_counts(conn)
    assert n_docs == N and set(integrity_problems(engine).values()) == {0}
    assert counts == {"pending": 1, "stored": N, "skipped": 0, "failed": 0}
    engine.dispose()
