"""Service settings: the store's URL and the API token that alone allows writes.

The token comes from the `token` argument, else `MARSAD_API_TOKEN`, else a TOML settings file (the
`settings_file` argument, else `MARSAD_SETTINGS`) holding

    [api]
    token = "..."
    db = "sqlite:///marsad.db"   # optional
    cache_size = 2048            # optional; MARSAD_API_CACHE overrides; 0 turns the answer cache off
    event_index = true           # optional; MARSAD_API_INDEX=0 overrides: no in-memory event index
    max_lag = 0                  # optional; MARSAD_API_MAX_LAG overrides: seconds listings may lag writes

No token anywhere means the service is read-only: every write answers 401.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from typing import Any

from ..store.db import default_url

TOKEN_VAR = "MARSAD_API_TOKEN"
SETTINGS_VAR = "MARSAD_SETTINGS"
CACHE_VAR = "MARSAD_API_CACHE"
INDEX_VAR = "MARSAD_API_INDEX"
LAG_VAR = "MARSAD_API_MAX_LAG"


@dataclass(frozen=True)
class Settings:
    db_url: str
    api_token: str | None = None
    max_page: int = 1000  # largest `limit` of GET /api/events (the map asks for this many)
    max_export: int = 1_000_000  # rows an export writes at most
    max_post_chars: int = 5_000_000  # a posted document longer than this is refused
    cache_size: int = 2048  # answers of GET /api/events kept while the store is unchanged (0: no cache)
    event_index: bool = True  # hold the events' filter and sort columns in memory (`event_index`)
    # Seconds listings may lag the store while the index catches up (0: always exact). Set it where the
    # store is written every few seconds (`marsad watch`): listings then stay on the index.
    max_lag: float = 0.0


def _file_settings(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    with open(path, "rb") as f:
        data = tomllib.load(f)
    api = data.get("api", {})
    return api if isinstance(api, dict) else {}


def load_settings(
    db_url: str | None = None, api_token: str | None = None, settings_file: str | None = None
) -> Settings:
    """Settings from the arguments, the environment and the settings file, in that order."""
    from_file = _file_settings(settings_file or os.environ.get(SETTINGS_VAR))
    token = api_token or os.environ.get(TOKEN_VAR) or from_file.get("token") or None
    url = db_url or os.environ.get("MARSAD_DB") or from_file.get("db") or default_url()
    extra: dict[str, Any] = {}
    cache = os.environ.get(CACHE_VAR) or from_file.get("cache_size")
    if cache is not None:
        extra["cache_size"] = int(cache)
    index = os.environ.get(INDEX_VAR)
    if index is not None:
        extra["event_index"] = index.strip().lower() not in ("0", "false", "no", "off")
    elif "event_index" in from_file:
        extra["event_index"] = bool(from_file["event_index"])
    lag = os.environ.get(LAG_VAR) or from_file.get("max_lag")
    if lag is not None:
        extra["max_lag"] = max(0.0, float(lag))
    return Settings(db_url=url, api_token=token, **extra)
