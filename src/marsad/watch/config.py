"""The feeds file (`FEEDS.yaml`): which feeds to follow and how politely.

    db: sqlite:///marsad.db          # optional; --db and $MARSAD_DB take precedence
    defaults:                        # optional; every key may be set per feed too
      interval: 900                  # seconds between polls of a feed
      timeout: 20                    # seconds for connecting and for each read
      deadline: 120                  # seconds for a whole response (a server dripping bytes)
      retries: 2                     # immediate retries of a transient failure (timeout, 5xx, 429)
      backoff: 1.0                   # first retry after about this many seconds, doubling, with jitter
      max_bytes: 5000000             # larger bodies are abandoned while streaming
      max_attempts: 5                # rounds an article is tried in before it is given up
      retry_delay: 300               # seconds before an article's next round, doubling each time
    per_host: 2                      # requests at once to one host
    delay: 1.0                       # seconds between two requests to one host
    concurrency: 16                  # requests at once in all
    user_agent: "Marsad/0.1 (+https://example.org/marsad)"
    feeds:
      - https://example.com/rss.xml                  # a bare URL
      - url: https://example.org/sitemap-news.xml
        interval: 300
        publisher: Example News                      # the documents' publisher when pages lack one

RSS 2.0/1.0, Atom and sitemaps (`<urlset>`, `<sitemapindex>`) are recognised from the content.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_USER_AGENT = "Marsad/0.1 (Arabic conflict news observatory; polite feed reader)"


class ConfigError(ValueError):
    """The feeds file is unreadable or says something impossible; the message says where."""


@dataclass(frozen=True)
class FeedSettings:
    interval: float = 900.0
    timeout: float = 20.0
    deadline: float = 120.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 5_000_000
    max_attempts: int = 5
    retry_delay: float = 300.0


@dataclass(frozen=True)
class FeedConfig:
    url: str
    settings: FeedSettings = field(default_factory=FeedSettings)
    publisher: str | None = None


@dataclass(frozen=True)
class WatchConfig:
    feeds: tuple[FeedConfig, ...]
    defaults: FeedSettings = field(default_factory=FeedSettings)
    db: str | None = None
    per_host: int = 2
    delay: float = 1.0
    concurrency: int = 16
    user_agent: str = DEFAULT_USER_AGENT


_SETTING_TYPES = {f.name: f.type for f in dataclasses.fields(FeedSettings)}
_TOP_KEYS = {"db", "defaults", "per_host", "delay", "concurrency", "user_agent", "feeds"}


def load_config(path: str | Path) -> WatchConfig:
    """Read and check the feeds file at PATH; ConfigError says what is wrong."""
    import yaml

    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: not valid YAML: {e}") from None
    return parse_config(raw, str(path))


def parse_config(raw: Any, where: str = "feeds file") -> WatchConfig:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping with a 'feeds' list")
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    defaults = _settings(raw.get("defaults") or {}, FeedSettings(), f"{where}: defaults")
    feeds_raw = raw.get("feeds")
    if not isinstance(feeds_raw, list) or not feeds_raw:
        raise ConfigError(f"{where}: 'feeds' must be a non-empty list")
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for i, item in enumerate(feeds_raw, 1):
        here = f"{where}: feed {i}"
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise ConfigError(f"{here}: expected a URL or a mapping with 'url'")
        url = _check_url(item["url"].strip(), here)
        if url in seen:
            raise ConfigError(f"{here}: {url} is listed twice")
        seen.add(url)
        publisher = item.get("publisher")
        if publisher is not None and not isinstance(publisher, str):
            raise ConfigError(f"{here}: 'publisher' must be a string")
        rest = {k: v for k, v in item.items() if k not in ("url", "publisher")}
        feeds.append(FeedConfig(url, _settings(rest, defaults, here), (publisher or "").strip() or None))
    db = raw.get("db")
    if db is not None and not isinstance(db, str):
        raise ConfigError(f"{where}: 'db' must be a database URL string")
    user_agent = raw.get("user_agent", DEFAULT_USER_AGENT)
    if not isinstance(user_agent, str) or not user_agent.strip():
        raise ConfigError(f"{where}: 'user_agent' must be a non-empty string")
    return WatchConfig(
        feeds=tuple(feeds), defaults=defaults, db=db,
        per_host=_number(raw.get("per_host", 2), int, f"{where}: per_host", minimum=1),
        delay=_number(raw.get("delay", 1.0), float, f"{where}: delay", minimum=0),
        concurrency=_number(raw.get("concurrency", 16), int, f"{where}: concurrency", minimum=1),
        user_agent=user_agent.strip(),
    )


def _settings(raw: Any, base: FeedSettings, where: str) -> FeedSettings:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping of settings")
    unknown = set(raw) - set(_SETTING_TYPES)
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(sorted(map(str, unknown)))}")
    values = {}
    for name, value in raw.items():
        kind = int if _SETTING_TYPES[name] in (int, "int") else float
        # retries may be 0; every other setting must be positive
        values[name] = _number(value, kind, f"{where}: {name}", minimum=0 if name == "retries" else 1e-9)
    return dataclasses.replace(base, **values)


def _number(value: Any, kind: type, where: str, minimum: float) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float) or (kind is int and value != int(value)):
        raise ConfigError(f"{where}: expected {'an integer' if kind is int else 'a number'}, got {value!r}")
    if value < minimum:
        raise ConfigError(f"{where}: must be at least {minimum:g}, got {value!r}")
    return kind(value)


def _check_url(url: str, where: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{where}: {url!r} is not an http(s) URL")
    return url
