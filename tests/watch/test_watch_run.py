"""`Watcher` rounds against local sites with faults injected, on SQLite and PostgreSQL: every good
article stored exactly once, every fault logged and recorded, the second round answered by 304s."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import pytest
from sqlalchemy import func, select
from watch_pages import ENGLISH_PAGE, article, atom, rss, sitemapindex, urlset

from marsad.api import default_pipeline
from marsad.store import models as m
from marsad.store.db import open_engine
from marsad.watch import state
from marsad.watch.config import parse_config
from marsad.watch.run import Watcher

WHEN = dt.datetime(2024, 3, 5, 8, 0, tzinfo=dt.UTC)
FAST = {"timeout": 0.5, "deadline": 2, "retries": 1, "backoff": 0.01, "max_bytes": 1_000_000,
        "retry_delay": 3600, "max_attempts": 3}


def build_world(site, refused_url):
    """Four sites, six feeds; returns (config dict, good article URLs, {fault name: URL})."""
    a, b, c, d = site(), site(), site(), site()
    good, faults = [], {}

    def page(s, path, i):
        title, html = article(i)
        url = s.add(path, html)
        good.append(url)
        return url, title

    # A: RSS with validators (304 on repeat), a page failing once then fine, a 500, a 404, an English page
    items = [(*page(a, f"/news/{i}.html", i), WHEN) for i in range(4)]
    title, html = article(4)
    flaky = a.add("/news/flaky.html", html, fail_first=1)
    good.append(flaky)
    faults["500"] = a.add("/news/broken.html", "x", status=500)
    faults["404"] = a.url("/news/missing.html")
    faults["english"] = a.add("/news/weather.html", ENGLISH_PAGE)
    items += [(flaky, title, WHEN), (faults["500"], "خطأ", WHEN), (faults["404"], "مفقود", WHEN),
              (faults["english"], "طقس", WHEN)]
    a.add("/rss.xml", rss("أخبار أ", items), content_type="application/rss+xml", etag='"a-v1"',
          last_modified="Tue, 05 Mar 2024 08:00:00 GMT")
    # A second, malformed feed on A (cut off in the middle)
    a.add("/broken.xml", rss("مقطوع", items)[:150], content_type="application/rss+xml")
    # B: Atom linking to a page on C that hangs and a 20 MB page on C, and to one article A also lists
    faults["hang"] = c.add("/slow.html", hang=True)
    faults["huge"] = c.add("/huge.html", stream_bytes=20_000_000)
    faults["declared"] = c.add("/declared.html", "<html></html>", declared_length=20_000_000)
    entries = [(*page(b, f"/a/{i}", i), WHEN) for i in range(5, 8)]
    entries += [(faults["hang"], "بطيء", WHEN), (faults["huge"], "ضخم", WHEN),
                (faults["declared"], "معلن", WHEN), (items[0][0], items[0][1], WHEN)]
    b.add("/atom.xml", atom("أخبار ب", entries), content_type="application/atom+xml")
    # D: a sitemap index of two news sitemaps
    maps = []
    for k, rng in enumerate((range(8, 10), range(10, 12))):
        listed = [(*page(d, f"/story/{i}", i), WHEN.date()) for i in rng]
        maps.append(d.add(f"/sitemap-{k}.xml", urlset(listed), content_type="application/xml"))
    d.add("/sitemap.xml", sitemapindex(maps), content_type="application/xml")
    config = {"per_host": 2, "delay": 0, "concurrency": 8, "defaults": FAST,
              "feeds": [a.url("/rss.xml"), a.url("/broken.xml"),
                        {"url": b.url("/atom.xml"), "publisher": "ب"}, d.url("/sitemap.xml"), refused_url,
                        c.url("/not-a-feed.xml")]}
    return config, good, faults, (a, b, c, d)


def run_once(config, url):
    engine = open_engine(url)
    try:
        watcher = Watcher(parse_config(config), engine, default_pipeline())
        return asyncio.run(watcher.run(once=True))
    finally:
        engine.dispose()


def url_states(url):
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            t = state.WatchUrl.__table__
            rows = conn.execute(select(t.c.url, t.c.status, t.c.attempts, t.c.http_status, t.c.error))
            by_url = {r.url: r for r in rows}
            docs = list(conn.scalars(select(m.Document.doc_id)))
            n_docs = conn.scalar(select(func.count()).select_from(m.Document))
        return by_url, docs, n_docs
    finally:
        engine.dispose()


def test_watch_round_stores_good_articles_once_and_records_faults(site, refused_url, db_url, caplog):
    config, good, faults, (a, b, c, d) = build_world(site, refused_url)
    caplog.set_level(logging.INFO, logger="marsad.watch")
    first = run_once(config, db_url)
    by_url, docs, n_docs = url_states(db_url)
    assert sorted(docs) == sorted(good) and n_docs == len(good) == 12
    assert {u: by_url[u].status for u in good} == dict.fromkeys(good, "stored")
    assert (first.added, first.duplicates, first.unchanged) == (12, 0, 0)
    assert by_url[good[4]].attempts == 1  # the flaky page: a 500, then stored within the same attempt's retry
    assert a.hits["/news/flaky.html"] == 2
    assert (by_url[faults["500"]].status, by_url[faults["500"]].http_status) == ("pending", 500)
    assert (by_url[faults["404"]].status, by_url[faults["404"]].http_status) == ("skipped", 404)
    assert by_url[faults["english"]].status == "skipped" and "not Arabic" in by_url[faults["english"]].error
    assert by_url[faults["hang"]].status == "pending" and "timed out" in by_url[faults["hang"]].error
    for name in ("huge", "declared"):
        assert by_url[faults[name]].status == "skipped" and "too large" in by_url[faults[name]].error
    assert (first.skipped, first.retrying, first.failed) == (4, 2, 0)
    assert first.feeds_failed == 3  # the cut-off feed, the refused host, the 404 "feed"
    log = caplog.text
    for needle in ("broken.xml: malformed XML", "ConnectError", "not-a-feed.xml: HTTP 404",
                   "broken.html: HTTP 500", "slow.html: timed out", "huge.html: body too large",
                   "declared.html: body too large"):
        assert needle in log

    caplog.clear()
    second = run_once(config, db_url)
    by_url2, docs2, n_docs2 = url_states(db_url)
    assert n_docs2 == 12 and sorted(docs2) == sorted(good)
    assert a.not_modified["/rss.xml"] == 1 and a.conditional["/rss.xml"] == 1
    assert (second.new_urls, second.added, second.unchanged) == (0, 0, 0)
    assert all(a.hits[f"/news/{i}.html"] == 1 for i in range(4))  # nothing stored is fetched again
    assert b.hits["/a/5"] == 1 and d.hits["/story/8"] == 1
    assert a.hits["/news/broken.html"] == 2  # its retry is an hour away: not asked again yet
    assert by_url2 == by_url


def test_watch_retries_a_page_in_a_later_round_then_gives_up(site, db_url):
    s = site()
    title, html = article(3)
    ok = s.add("/ok.html", html)
    bad = s.add("/bad.html", "x", status=503)
    s.add("/rss.xml", rss("أخبار", [(ok, title, WHEN), (bad, "خطأ", WHEN)]))
    config = {"delay": 0, "defaults": {**FAST, "retries": 0, "retry_delay": 0.001, "max_attempts": 2},
              "feeds": [s.url("/rss.xml")]}
    first = run_once(config, db_url)
    second = run_once(config, db_url)
    by_url, docs, _ = url_states(db_url)
    assert (first.added, first.retrying, second.added, second.failed) == (1, 1, 0, 1)
    assert (by_url[bad].status, by_url[bad].attempts, by_url[bad].http_status) == ("failed", 2, 503)
    assert s.hits["/bad.html"] == 2 and s.hits["/ok.html"] == 1 and docs == [ok]


@pytest.mark.parametrize("settings", [{"per_host": 1}, {"per_host": 3}])
def test_watch_keeps_per_host_limit(site, db_url, settings):
    s = site()
    items = []
    for i in range(6):
        title, html = article(i)
        items.append((s.add(f"/p{i}", html, delay=0.15), title, WHEN))
    s.add("/rss.xml", rss("أخبار", items))
    summary = run_once({**settings, "delay": 0, "defaults": FAST, "feeds": [s.url("/rss.xml")]}, db_url)
    assert summary.added == 6 and s.max_active == settings["per_host"]
