"""The FastAPI application: mounts the routers and the dashboard; nothing else lives here."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store.db import open_engine
from . import documents, events, exports, stats
from .cache import DEFAULT_TTL, ResponseCache, StoreStamp
from .event_index import IndexHolder
from .fastpath import EventsFastPath
from .security import SecurityHeaders
from .settings import Settings, load_settings

STATIC = files("marsad.api_server") / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service for SETTINGS (default: `load_settings()`); the store is opened (and migrated) now."""
    settings = settings or load_settings()
    engine = open_engine(settings.db_url)
    stamp = StoreStamp(engine)  # what the answer cache's entries are checked against

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        stamp.close()
        engine.dispose()

    app = FastAPI(
        title="Marsad API",
        version=__version__,
        lifespan=lifespan,
        description="ACLED-compatible conflict events read from Arabic news, each field with the text "
        "it came from. Read-only; POST /api/documents needs the configured API token.",
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.write_lock = threading.Lock()
    # An exact stamp (SQLite) needs no time limit on cached answers.
    ttl = None if stamp.exact else DEFAULT_TTL
    app.state.cache = ResponseCache(settings.cache_size, ttl=ttl)
    app.state.indexes = None
    if settings.event_index:  # built before the first request; rebuilt aside when the store changes
        app.state.indexes = IndexHolder(engine, stamp, ttl, max_lag=settings.max_lag)
        app.state.indexes.build_now()
    for module in (events, documents, stats, exports):
        app.include_router(module.router)
    app.mount("/", StaticFiles(directory=str(STATIC), html=True), name="dashboard")
    app.add_middleware(
        EventsFastPath, engine=engine, cache=app.state.cache, stamp=stamp, max_page=settings.max_page,
        indexes=app.state.indexes,
    )
    app.add_middleware(SecurityHeaders)  # added last: the outermost, so the fast path's answers get it too
    return app
