"""What `marsad watch` remembers, in the store itself (migration 0003), so that a restart resumes:

- `watch_feeds`: each feed or child sitemap polled: the validators of its last response (ETag,
  Last-Modified) sent back in the next conditional GET, its last status and error, when to poll again;
- `watch_urls`: each article URL ever listed: `pending` (to fetch at `next_attempt_at`), `stored` (its
  document is in `documents` under `doc_id`), `skipped` (will never be a document: too large, not
  found, no main text, not Arabic) or `failed` (transient faults `max_attempts` rounds in a row).

The new URLs of a feed are inserted in the same transaction as the feed's new validators, and a page's
document in the same transaction as its URL's `stored`: a process killed at any point leaves either
both or neither, so nothing listed is lost and nothing stored is fetched again.

The classes sit on the store's declarative `Base`, so `Base.metadata` describes these tables whenever
this module is imported (the schema itself comes from the migration).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, DateTime, Index, Integer, String, Text, func, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from ..store.models import Base, Document
from .feeds import FeedEntry

PENDING, STORED, SKIPPED, FAILED = "pending", "stored", "skipped", "failed"
STATUSES = (PENDING, STORED, SKIPPED, FAILED)
_IN_CHUNK = 500  # URLs per IN (...) query: under every database's parameter limit


class WatchFeed(Base):
    __tablename__ = "watch_feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String, unique=True)
    parent_url: Mapped[str | None] = mapped_column(String)  # the sitemap index that lists it
    kind: Mapped[str | None] = mapped_column(String(16))
    etag: Mapped[str | None] = mapped_column(String)
    last_modified: Mapped[str | None] = mapped_column(String)
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive failed polls
    polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    next_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class WatchUrl(Base):
    __tablename__ = "watch_urls"
    __table_args__ = (Index("ix_watch_urls_status_next", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String, unique=True)
    feed_url: Mapped[str] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(String)  # as the feed gives them: the document's metadata
    published: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    http_status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    doc_id: Mapped[str | None] = mapped_column(String)
    discovered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


_feeds = WatchFeed.__table__
_urls = WatchUrl.__table__
_documents = Document.__table__


@dataclass(frozen=True)
class FeedState:
    etag: str | None
    last_modified: str | None
    next_poll_at: dt.datetime | None
    failures: int


@dataclass(frozen=True)
class PendingUrl:
    url: str
    feed_url: str
    title: str | None
    published: str | None
    attempts: int


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def feed_state(conn: Connection, url: str) -> FeedState | None:
    row = conn.execute(select(_feeds.c.etag, _feeds.c.last_modified, _feeds.c.next_poll_at,
                              _feeds.c.failures).where(_feeds.c.url == url)).first()
    return FeedState(*row) if row else None


def record_poll(conn: Connection, url: str, *, parent_url: str | None, kind: str | None, status: int | None,
                error: str | None, etag: str | None, last_modified: str | None, next_poll_at: dt.datetime,
                entries: Sequence[FeedEntry] = (), now: dt.datetime | None = None) -> int:
    """Record a poll of the feed URL and insert the entries' URLs not seen before (caller commits, so
    both land together); returns how many URLs are new. A failed poll keeps the old validators."""
    now = now or utcnow()
    old = feed_state(conn, url)
    failed = error is not None
    values = dict(parent_url=parent_url, last_status=status, last_error=error, polled_at=now,
                  next_poll_at=next_poll_at, failures=(old.failures + 1 if old else 1) if failed else 0)
    if kind:
        values["kind"] = kind
    if not failed and status != 304:
        values.update(etag=etag, last_modified=last_modified)
    if old is None:
        conn.execute(insert(_feeds).values(url=url, **values))
    else:
        conn.execute(update(_feeds).where(_feeds.c.url == url).values(**values))
    return add_urls(conn, url, entries, now)


def add_urls(conn: Connection, feed_url: str, entries: Sequence[FeedEntry], now: dt.datetime) -> int:
    known: set[str] = set()
    urls = [e.url for e in entries]
    for i in range(0, len(urls), _IN_CHUNK):
        known.update(conn.scalars(select(_urls.c.url).where(_urls.c.url.in_(urls[i:i + _IN_CHUNK]))))
    rows = [dict(url=e.url, feed_url=feed_url, title=e.title, published=e.published, status=PENDING,
                 attempts=0, next_attempt_at=now, discovered_at=now, updated_at=now)
            for e in entries if e.url not in known]
    if rows:
        conn.execute(insert(_urls), rows)
    return len(rows)


def due_urls(conn: Connection, now: dt.datetime, limit: int) -> list[PendingUrl]:
    """Pending URLs whose time has come, oldest first."""
    rows = conn.execute(
        select(_urls.c.url, _urls.c.feed_url, _urls.c.title, _urls.c.published, _urls.c.attempts)
        .where(_urls.c.status == PENDING, _urls.c.next_attempt_at <= now)
        .order_by(_urls.c.next_attempt_at, _urls.c.id).limit(limit))
    return [PendingUrl(*r) for r in rows]


def next_attempt(conn: Connection) -> dt.datetime | None:
    return conn.scalar(select(func.min(_urls.c.next_attempt_at)).where(_urls.c.status == PENDING))


def stored_doc_ids(conn: Connection, doc_ids: Iterable[str]) -> set[str]:
    """Which of DOC_IDS the store already holds (e.g. ingested from a file before it was watched)."""
    ids, out = list(doc_ids), set()
    for i in range(0, len(ids), _IN_CHUNK):
        chunk = ids[i:i + _IN_CHUNK]
        out.update(conn.scalars(select(_documents.c.doc_id).where(_documents.c.doc_id.in_(chunk))))
    return out


def mark_url(conn: Connection, url: str, status: str, *, attempts: int, http_status: int | None = None,
             error: str | None = None, doc_id: str | None = None, next_attempt_at: dt.datetime | None = None,
             now: dt.datetime | None = None) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown URL status {status!r}")
    conn.execute(update(_urls).where(_urls.c.url == url).values(
        status=status, attempts=attempts, http_status=http_status, error=error, doc_id=doc_id,
        next_attempt_at=next_attempt_at, updated_at=now or utcnow()))


def status_counts(conn: Connection) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    rows = conn.execute(select(_urls.c.status, func.count()).group_by(_urls.c.status))
    counts.update({status: n for status, n in rows})
    return counts
