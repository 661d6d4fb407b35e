"""The HTTP client against local servers: conditional GET, retries, timeouts, size limits, politeness."""

from __future__ import annotations

import asyncio
import random

import pytest

from marsad.watch.config import FeedSettings
from marsad.watch.fetch import Fetcher, host_key

FAST = FeedSettings(timeout=0.5, deadline=2, retries=2, backoff=0.01, max_bytes=100_000)


def fetch(url, settings=FAST, **kw):
    async def go():
        async with Fetcher(delay=0, rng=random.Random(1)) as f:
            return await f.get(url, settings, **kw)
    return asyncio.run(go())


def test_fetch_conditional_get_answers_304(site):
    s = site()
    url = s.add("/rss.xml", "<rss/>", etag='"v7"', last_modified="Tue, 05 Mar 2024 08:00:00 GMT")
    first = fetch(url)
    assert (first.status, first.body, first.etag, first.last_modified) == (
        200, b"<rss/>", '"v7"', "Tue, 05 Mar 2024 08:00:00 GMT")
    again = fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert (again.status, again.not_modified, again.ok, again.body) == (304, True, False, b"")
    assert (s.hits["/rss.xml"], s.not_modified["/rss.xml"]) == (2, 1)


@pytest.mark.parametrize("fail_first, status, attempts, hits", [
    (1, 200, 2, 2),  # one 500, then fine on the first retry
    (2, 200, 3, 3),
    (5, 500, 3, 3),  # still failing after retries: transient, for a later round
])
def test_fetch_retries_server_errors(site, fail_first, status, attempts, hits):
    s = site()
    result = fetch(s.add("/p", "<html>صفحة</html>", fail_first=fail_first))
    assert (result.status, result.attempts, s.hits["/p"]) == (status, attempts, hits)
    assert result.transient == (status == 500)


@pytest.mark.parametrize("route, error, transient", [
    ({"status": 404}, "HTTP 404", False),
    ({"status": 410}, "HTTP 410", False),
    ({"status": 503, "headers": {"Retry-After": "0"}}, "HTTP 503", True),
    ({"hang": True}, "timed out (ReadTimeout)", True),
    ({"declared_length": 5_000_000}, "body too large: Content-Length 5,000,000 bytes, the limit is 100,000",
     False),
    ({"stream_bytes": 20_000_000}, "body too large: over 100,000 bytes (abandoned while reading)", False),
])
def test_fetch_faults(site, route, error, transient):
    s = site()
    result = fetch(s.add("/p", "<html></html>", **route), FeedSettings(**{**FAST.__dict__, "retries": 0}))
    assert (result.error, result.transient, result.ok) == (error, transient, False)


def test_fetch_deadline_stops_a_dripping_server(site):
    s = site()
    url = s.add("/p", "x", stream_bytes=10_000_000, drip=0.1)  # a chunk every 0.1 s: no read times out
    result = fetch(url, FeedSettings(timeout=5, deadline=0.6, retries=0, max_bytes=50_000_000))
    assert (result.error, result.transient) == ("no complete response within 0.6 s", True)


def test_fetch_connection_refused(refused_url):
    result = fetch(refused_url)
    assert (result.status, result.transient, result.attempts) == (None, True, 3)
    assert result.error.startswith("ConnectError")


def test_fetch_spaces_requests_to_one_host(site):
    s = site()
    urls = [s.add(f"/p{i}", "<html></html>") for i in range(4)]

    async def go():
        async with Fetcher(per_host=4, delay=0.2) as f:
            return await asyncio.gather(*(f.get(u, FAST) for u in urls))

    assert all(r.ok for r in asyncio.run(go()))
    gaps = [b - a for a, b in zip(s.starts, s.starts[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= 0.18


@pytest.mark.parametrize("url, key", [
    ("http://127.0.0.1:8000/a/b?c=1", "http://127.0.0.1:8000"),
    ("https://News.Example.ORG/x", "https://news.example.org"),
])
def test_fetch_host_key(url, key):
    assert host_key(url) == key
