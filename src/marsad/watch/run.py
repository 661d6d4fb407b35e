"""The watch loop: poll the feeds that are due, fetch the article URLs that are due, store the pages,
sleep until the next thing is due; `once=True` does one round (every feed) and returns.

Network work runs on the event loop; everything touching the database, and extraction, runs on one
database thread (one connection, one writer), so fetching goes on while a page is being coded. Every
fault (a dead host, an HTTP error, a timeout, a malformed feed, a page over the size limit, a page
without main text) is logged on the `marsad.watch` logger and recorded with its URL; the others flow on.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from sqlalchemy import Engine, select

from ..api import Pipeline
from . import state
from .config import FeedConfig, FeedSettings, WatchConfig
from .feeds import parse_feed
from .fetch import Fetcher, FetchResult
from .sink import PageSink, page_document
from .state import PendingUrl

log = logging.getLogger("marsad.watch")
T = TypeVar("T")

BATCH = 200  # due URLs taken from the store at a time: bounds memory on any backlog
MAX_SITEMAP_DEPTH = 2  # a sitemap index of sitemap indexes, no deeper
RETRY_CAP = dt.timedelta(days=1)
IDLE_MAX = 60.0  # seconds: the loop looks at the clock at least this often
HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass
class RoundSummary:
    feeds_polled: int = 0
    feeds_failed: int = 0
    new_urls: int = 0
    added: int = 0
    unchanged: int = 0  # already stored, same content (e.g. a page stored before a crash)
    duplicates: int = 0  # the same text under another URL
    skipped: int = 0  # never a document: too large, HTTP 4xx, no main text, not Arabic
    retrying: int = 0  # transient faults, tried again in a later round
    failed: int = 0  # transient faults max_attempts rounds in a row: given up
    events: int = 0

    @property
    def faults(self) -> int:
        return self.feeds_failed + self.skipped + self.retrying + self.failed

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def retry_delay(settings: FeedSettings, attempts: int) -> dt.timedelta:
    """Wait before round-level attempt ATTEMPTS + 1 of an article: doubling from `retry_delay`."""
    return min(dt.timedelta(seconds=settings.retry_delay * 2 ** max(attempts - 1, 0)), RETRY_CAP)


def decode_html(result: FetchResult) -> str:
    """The page's text: the charset the server names, else the one a <meta> names, else UTF-8."""
    charset = None
    m = re.search(r"charset=([\w.:-]+)", result.content_type, re.IGNORECASE)
    if m:
        charset = m.group(1)
    else:
        meta = _META_CHARSET.search(result.body[:4096])
        charset = meta.group(1).decode("ascii") if meta else None
    try:
        return result.body.decode(charset or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return result.body.decode("utf-8", errors="replace")


class Watcher:
    def __init__(self, config: WatchConfig, engine: Engine, pipeline: Pipeline, *, label: str = "watch",
                 max_chars: int = 5_000_000) -> None:
        self.config = config
        self.engine = engine
        self.pipeline = pipeline
        self.label = label
        self.max_chars = max_chars
        self.feeds = {f.url: f for f in config.feeds}
        self._db = ThreadPoolExecutor(1, thread_name_prefix="marsad-watch-db")
        self._sink: PageSink | None = None
        self._roots: dict[str, str] = {}  # feed or child sitemap URL -> the configured feed's URL

    async def _in_db(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._db, fn, *args)

    async def _state(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        assert self._sink is not None
        return await self._in_db(lambda: self._sink.transaction(fn, *args, **kwargs))

    async def run(self, *, once: bool = False, stop: asyncio.Event | None = None,
                  on_round: Callable[[RoundSummary], None] | None = None) -> RoundSummary:
        """Watch until STOP is set (or for one round); returns the last round's summary."""
        stop = stop or asyncio.Event()
        self._sink = await self._in_db(PageSink, self.engine, self.pipeline, self.label)
        summary = RoundSummary()
        try:
            cfg = self.config
            async with Fetcher(per_host=cfg.per_host, delay=cfg.delay, concurrency=cfg.concurrency,
                               user_agent=cfg.user_agent) as fetcher:
                while not stop.is_set():
                    summary = await self.round(fetcher, all_feeds=once)
                    if on_round:
                        on_round(summary)
                    if once:
                        break
                    wait = await self._until_next()
                    try:
                        await asyncio.wait_for(stop.wait(), wait)
                    except TimeoutError:
                        pass
        finally:
            sink, self._sink = self._sink, None
            await asyncio.shield(self._in_db(sink.close))
            self._db.shutdown(wait=True)
        return summary

    async def _until_next(self) -> float:
        now = state.utcnow()
        times = [await self._state(state.next_attempt)]
        for feed in self.config.feeds:
            st = await self._state(state.feed_state, feed.url)
            times.append(st.next_poll_at if st else now)
        soonest = min((t for t in times if t is not None), default=now + dt.timedelta(seconds=IDLE_MAX))
        return min(max((soonest - now).total_seconds(), 0.05), IDLE_MAX)

    async def round(self, fetcher: Fetcher, *, all_feeds: bool = False) -> RoundSummary:
        """Poll the due feeds (every feed with ALL_FEEDS), then fetch every due article URL."""
        summary = RoundSummary()
        now = state.utcnow()
        due = []
        for feed in self.config.feeds:
            st = await self._state(state.feed_state, feed.url)
            if all_feeds or st is None or st.next_poll_at is None or st.next_poll_at <= now:
                due.append(feed)
        await asyncio.gather(*(self._poll(fetcher, feed, feed.url, None, 0, summary) for feed in due))
        await self._fetch_due(fetcher, summary)
        log.info("round done: %s", ", ".join(f"{k} {v}" for k, v in summary.as_dict().items()))
        return summary

    # -- feeds ------------------------------------------------------------------------------------

    async def _poll(self, fetcher: Fetcher, feed: FeedConfig, url: str, parent: str | None, depth: int,
                    summary: RoundSummary) -> None:
        settings = feed.settings
        old = await self._state(state.feed_state, url)
        result = await fetcher.get(url, settings, etag=old.etag if old else None,
                                   last_modified=old.last_modified if old else None)
        summary.feeds_polled += 1
        next_poll = state.utcnow() + dt.timedelta(seconds=settings.interval)
        common = dict(parent_url=parent, status=result.status, etag=result.etag,
                      last_modified=result.last_modified, next_poll_at=next_poll)
        if result.not_modified:
            log.debug("feed %s: not modified", url)
            await self._state(state.record_poll, url, kind=None, error=None, **common)
            await self._poll_children(fetcher, feed, url, depth, summary)
            return
        if not result.ok:
            summary.feeds_failed += 1
            log.warning("feed %s: %s after %d attempt(s); next poll at %s", url, result.error,
                        result.attempts, next_poll.isoformat(timespec="seconds"))
            await self._state(state.record_poll, url, kind=None, error=result.error, **common)
            return
        parsed = parse_feed(result.body, url)
        if not parsed.kind:
            summary.feeds_failed += 1
            log.warning("feed %s: %s; skipped", url, parsed.error)
            # the validators are not kept: the next poll fetches the feed whole again
            await self._state(state.record_poll, url, kind=None, error=parsed.error,
                              **{**common, "etag": None, "last_modified": None})
            return
        if parsed.error:
            summary.feeds_failed += 1
            log.warning("feed %s: %s; %d link(s) recovered", url, parsed.error,
                        len(parsed.entries) + len(parsed.sitemaps))
            # a feed cut off in transit may come back whole with the same validators: never answer 304
            common.update(etag=None, last_modified=None)
        if parsed.kind == "sitemapindex":
            await self._state(_record_index, url, parent, result, next_poll, parsed.sitemaps)
            await self._poll_children(fetcher, feed, url, depth, summary)
            return
        new = await self._state(state.record_poll, url, kind=parsed.kind, error=None, entries=parsed.entries,
                                **common)
        summary.new_urls += new
        log.info("feed %s: %d entries, %d new", url, len(parsed.entries), new)

    async def _poll_children(self, fetcher: Fetcher, feed: FeedConfig, url: str, depth: int,
                             summary: RoundSummary) -> None:
        """The sitemaps a sitemap index listed (remembered in the store: a 304 on the index still polls
        them)."""
        if depth >= MAX_SITEMAP_DEPTH:
            return
        children = await self._state(_children, url)
        await asyncio.gather(*(self._poll(fetcher, feed, c, url, depth + 1, summary) for c in children))

    # -- articles ---------------------------------------------------------------------------------

    async def _fetch_due(self, fetcher: Fetcher, summary: RoundSummary) -> None:
        # Pages fetched but not yet stored are bounded too: fetching must not run ahead of extraction
        # (memory, and the pages a kill would make us fetch again).
        slots = asyncio.Semaphore(self.config.concurrency)

        async def one(page: PendingUrl) -> None:
            async with slots:
                await self._fetch_page(fetcher, page, summary)

        tried: set[str] = set()
        while True:
            due = await self._state(state.due_urls, state.utcnow(), BATCH)
            batch = [p for p in due if p.url not in tried]
            if not batch:
                return
            tried.update(p.url for p in batch)
            stored = await self._state(state.stored_doc_ids, [p.url for p in batch])
            for p in batch:
                if p.url in stored:  # stored already (by an ingest of the same page, say)
                    await self._state(state.mark_url, p.url, state.STORED, attempts=p.attempts, doc_id=p.url)
                    summary.unchanged += 1
            await asyncio.gather(*(one(p) for p in batch if p.url not in stored))

    async def _settings_of(self, page: PendingUrl) -> tuple[FeedSettings, str | None]:
        """The settings of the configured feed that listed PAGE (through sitemap indexes); the defaults
        for a feed no longer in the file."""
        if page.feed_url not in self._roots:
            self._roots[page.feed_url] = await self._state(_root_url, page.feed_url)
        feed = self.feeds.get(self._roots[page.feed_url])
        return (feed.settings, feed.publisher) if feed else (self.config.defaults, None)

    async def _fetch_page(self, fetcher: Fetcher, page: PendingUrl, summary: RoundSummary) -> None:
        settings, publisher = await self._settings_of(page)
        result = await fetcher.get(page.url, settings)
        attempts = page.attempts + 1
        if result.ok:
            ctype = result.content_type.split(";")[0].strip().lower()
            if ctype and ctype not in HTML_TYPES:
                result.error, result.transient = f"not an HTML page ({ctype})", False
        if result.ok and result.error is None:
            await self._store(page, result, attempts, publisher, summary)
            return
        if result.transient and attempts < settings.max_attempts:
            wait = retry_delay(settings, attempts)
            summary.retrying += 1
            log.warning("page %s: %s; attempt %d of %d, next in %d s", page.url, result.error, attempts,
                        settings.max_attempts, wait.total_seconds())
            await self._state(state.mark_url, page.url, state.PENDING, attempts=attempts,
                              http_status=result.status, error=result.error,
                              next_attempt_at=state.utcnow() + wait)
            return
        status = state.FAILED if result.transient else state.SKIPPED
        if status == state.FAILED:
            summary.failed += 1
        else:
            summary.skipped += 1
        log.warning("page %s: %s; %s", page.url, result.error,
                    "given up" if status == state.FAILED else "skipped")
        await self._state(state.mark_url, page.url, status, attempts=attempts, http_status=result.status,
                          error=result.error)

    async def _store(self, page: PendingUrl, result: FetchResult, attempts: int, publisher: str | None,
                     summary: RoundSummary) -> None:
        html = decode_html(result)
        max_chars = self.max_chars

        def work() -> Any:
            assert self._sink is not None
            doc = page_document(page, html, publisher, max_chars)
            return self._sink.store(page, doc, attempts, result.status or 200)

        try:
            stored = await self._in_db(work)
        except Exception as e:  # a bug while coding one page must not stop the watch
            summary.failed += 1
            log.exception("page %s: storing failed", page.url)
            await self._state(state.mark_url, page.url, state.FAILED, attempts=attempts,
                              http_status=result.status, error=f"storing failed: {type(e).__name__}: {e}")
            return
        if stored.outcome == "skipped":
            summary.skipped += 1
            log.warning("page %s: %s; skipped", page.url, (stored.reason or "").removesuffix("; skipped"))
            return
        summary.events += stored.events
        if stored.outcome in ("added", "replaced"):
            summary.added += 1
        elif stored.outcome == "unchanged":
            summary.unchanged += 1
        else:
            summary.duplicates += 1
        log.info("page %s: %s, %d event(s)", page.url, stored.outcome, stored.events)


def _record_index(conn, url: str, parent: str | None, result: FetchResult, next_poll: dt.datetime,
                  sitemaps: list[str]) -> None:
    """A sitemap index's poll and its children, in one transaction."""
    state.record_poll(conn, url, parent_url=parent, kind="sitemapindex", status=result.status, error=None,
                      etag=result.etag, last_modified=result.last_modified, next_poll_at=next_poll)
    for child in sitemaps:
        if state.feed_state(conn, child) is None:
            state.record_poll(conn, child, parent_url=url, kind=None, status=None, error=None, etag=None,
                              last_modified=None, next_poll_at=next_poll)


def _children(conn, url: str) -> list[str]:
    feeds = state.WatchFeed.__table__
    return list(conn.scalars(select(feeds.c.url).where(feeds.c.parent_url == url).order_by(feeds.c.id)))


def _root_url(conn, url: str) -> str:
    """The feed of the file that (through sitemap indexes) lists URL's sitemap."""
    feeds = state.WatchFeed.__table__
    for _ in range(MAX_SITEMAP_DEPTH + 1):
        parent = conn.scalar(select(feeds.c.parent_url).where(feeds.c.url == url))
        if parent is None:
            break
        url = parent
    return url
