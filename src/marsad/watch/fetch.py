"""Fetching over HTTP, politely and defensively (httpx, asyncio).

- per host (scheme, host and port): at most `per_host` requests at once and `delay` seconds between
  the starts of two requests; at most `concurrency` requests in all;
- conditional GET: the ETag and Last-Modified of the last response are sent back, and a 304 is
  "nothing new";
- timeouts: `timeout` for connecting and for each read, and `deadline` for the whole response, so a
  server that drips a byte a second cannot hold a slot for ever;
- bodies larger than `max_bytes` are refused from their Content-Length, or abandoned while streaming;
- transient failures (connection errors, timeouts, 5xx, 429) are retried `retries` times after
  `backoff` * 2^attempt seconds with full jitter (a 429/503's Retry-After is honoured when shorter
  than a minute); the result says whether a later round may try again.
"""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from .config import FeedSettings

RETRY_AFTER_MAX = 60.0  # seconds; a longer Retry-After is left to a later round
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass
class FetchResult:
    url: str
    status: int | None = None  # HTTP status, None when no response came
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    error: str | None = None  # why it failed; None for a 2xx or a 304
    transient: bool = False  # the failure may go away: try again in a later round
    retry_after: float | None = None  # seconds the server asked us to wait (429, 503)
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class TooLarge(Exception):
    pass


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class Fetcher:
    """One HTTP client for a whole watch run; use as `async with Fetcher(...) as f`."""

    def __init__(self, *, per_host: int = 2, delay: float = 1.0, concurrency: int = 16,
                 user_agent: str = "Marsad", rng: random.Random | None = None) -> None:
        self.per_host = per_host
        self.delay = delay
        self.rng = rng or random.Random()
        self._all = asyncio.Semaphore(concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self.per_host))
        self._slot_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._next_start: dict[str, float] = {}
        # Limits are ours (above); httpx's pool only needs to be large enough not to queue.
        self._client = httpx.AsyncClient(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=True, max_redirects=5,
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
            trust_env=False)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    async def get(self, url: str, settings: FeedSettings, *, etag: str | None = None,
                  last_modified: str | None = None) -> FetchResult:
        """GET URL with retries; never raises for network or HTTP faults (they are in the result)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        result = FetchResult(url)
        for attempt in range(settings.retries + 1):
            result = await self._once(url, settings, headers)
            result.attempts = attempt + 1
            if not result.transient or attempt == settings.retries:
                break
            await asyncio.sleep(self._backoff(settings, attempt, result))
        return result

    def _backoff(self, settings: FeedSettings, attempt: int, result: FetchResult) -> float:
        wait = self.rng.uniform(0, settings.backoff * 2 ** attempt)  # "full jitter"
        return max(wait, result.retry_after or 0.0)

    async def _polite_start(self, host: str) -> None:
        """Wait for this host's next start slot and take it."""
        loop = asyncio.get_running_loop()
        async with self._slot_locks[host]:
            now = loop.time()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.delay
        if start > now:
            await asyncio.sleep(start - now)

    async def _once(self, url: str, settings: FeedSettings, headers: dict[str, str]) -> FetchResult:
        host = host_key(url)
        # The host's limit first: requests queued for a busy host must not hold slots others could use.
        async with self._hosts[host]:
            await self._polite_start(host)
            async with self._all:
                return await self._guarded(url, settings, headers)

    async def _guarded(self, url: str, settings: FeedSettings, headers: dict[str, str]) -> FetchResult:
        try:
            async with asyncio.timeout(settings.deadline):
                return await self._request(url, settings, headers)
        except TimeoutError:
            return FetchResult(url, error=f"no complete response within {settings.deadline:g} s",
                               transient=True)
        except TooLarge as e:
            return FetchResult(url, error=str(e))
        except httpx.TimeoutException as e:
            return FetchResult(url, error=f"timed out ({type(e).__name__})", transient=True)
        except httpx.TooManyRedirects:
            return FetchResult(url, error="too many redirects")
        except httpx.TransportError as e:
            return FetchResult(url, error=f"{type(e).__name__}: {e or 'connection failed'}",
                               transient=True)
        except httpx.InvalidURL as e:
            return FetchResult(url, error=f"invalid URL: {e}")
        except httpx.HTTPError as e:  # e.g. a body that does not decode as its Content-Encoding says
            return FetchResult(url, error=f"{type(e).__name__}: {e}")

    async def _request(self, url: str, settings: FeedSettings, headers: dict[str, str]) -> FetchResult:
        timeout = httpx.Timeout(settings.timeout)
        async with self._client.stream("GET", url, headers=headers, timeout=timeout) as resp:
            result = FetchResult(url, status=resp.status_code, etag=resp.headers.get("ETag"),
                                 last_modified=resp.headers.get("Last-Modified"),
                                 content_type=resp.headers.get("Content-Type", ""))
            if resp.status_code == 304:
                return result
            if resp.status_code >= 400 or resp.status_code < 200:
                result.transient = resp.status_code in TRANSIENT_STATUS
                result.error = f"HTTP {resp.status_code}"
                if resp.status_code in (429, 503):
                    result.retry_after = _retry_after(resp.headers.get("Retry-After"))
                return result
            declared = resp.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                raise TooLarge(f"body too large: Content-Length {int(declared):,} bytes, "
                               f"the limit is {settings.max_bytes:,}")
            chunks, size = [], 0
            async for chunk in resp.aiter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise TooLarge(f"body too large: over {settings.max_bytes:,} bytes (abandoned while "
                                   "reading)")
                chunks.append(chunk)
            result.body = b"".join(chunks)
            return result


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        seconds = float(value.strip())
        return seconds if seconds <= RETRY_AFTER_MAX else None
    return None
