"""Local web sites for the watch tests: `http.server` on 127.0.0.1 in threads, serving Arabic RSS, Atom
and sitemaps written for these tests, article pages, and faults (500s, a server that hangs, a 20 MB
page, a malformed feed, conditional GET answered with 304). Nothing but 127.0.0.1 is ever contacted.

`db_url` mirrors tests/store/conftest.py: SQLite and PostgreSQL (MARSAD_TEST_PG_URL) alike.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PG_URL_VAR = "MARSAD_TEST_PG_URL"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None  # answered with 304 when the request's If-None-Match matches
    last_modified: str | None = None  # answered with 304 when If-Modified-Since matches
    delay: float = 0.0  # seconds before answering
    hang: bool = False  # never answer (until the site closes)
    stream_bytes: int = 0  # send this many bytes of filler, without a Content-Length
    drip: float = 0.0  # seconds between two chunks of that filler (a slow server)
    declared_length: int | None = None  # claim this Content-Length (and send the body)
    fail_first: int = 0  # answer 500 to the first N requests, then normally
    headers: dict[str, str] = field(default_factory=dict)


class Site:
    """A web site on 127.0.0.1 whose paths answer as their `Route` says; counts what was asked."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()  # requests that carried If-None-Match/If-Modified-Since
        self.not_modified: Counter[str] = Counter()
        self.active = 0
        self.max_active = 0
        self.starts: list[float] = []
        self.closing = threading.Event()
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes = b"", **kw) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kw)
        return self.url(path)

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            path = self.path
            with site._lock:
                site.hits[path] += 1
                n = site.hits[path]
                site.active += 1
                site.max_active = max(site.max_active, site.active)
                site.starts.append(time.monotonic())
            try:
                self._answer(path, n)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (too large, timed out): what the tests expect
            finally:
                with site._lock:
                    site.active -= 1

        def _answer(self, path: str, n: int) -> None:
            route = site.routes.get(path)
            if route is None:
                return self._send(404, b"<html><body>not found</body></html>", "text/html")
            if route.delay:
                site.closing.wait(route.delay)
            if route.hang:
                site.closing.wait(30)
                return
            if n <= route.fail_first:
                return self._send(500, b"<html><body>server error</body></html>", "text/html")
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if inm or ims:
                site.conditional[path] += 1
            if (route.etag and inm == route.etag) or (route.last_modified and ims == route.last_modified):
                site.not_modified[path] += 1
                self.send_response(304)
                self.end_headers()
                return
            if route.stream_bytes:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.end_headers()
                chunk = ("<p>" + "حشو " * 1000 + "</p>").encode("utf-8")
                sent = 0
                while sent < route.stream_bytes and not site.closing.is_set():
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    sent += len(chunk)
                    if route.drip:
                        site.closing.wait(route.drip)
                return
            headers = dict(route.headers)
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
            self._send(route.status, route.body, route.content_type, headers, route.declared_length)

        def _send(self, status, body, ctype, headers=None, length=None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def site():
    """site() -> a new running Site; all are closed after the test."""
    sites: list[Site] = []

    def make() -> Site:
        sites.append(Site())
        return sites[-1]

    yield make
    for s in sites:
        s.close()


@pytest.fixture
def refused_url():
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/rss.xml"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, fresh_postgres, empty_postgres):
    """An empty store's URL (nothing migrated yet)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
        return
    url = fresh_postgres("watch")
    yield url
    empty_postgres(url)  # leave no watch tables behind for a later run of the store's tests alone
