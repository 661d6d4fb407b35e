"""`marsad serve`: the API and the dashboard (uvicorn). Wired into `marsad.cli` by the lead."""

from __future__ import annotations

import click


@click.command()
@click.option(
    "--db",
    default=None,
    metavar="URL",
    help="SQLAlchemy URL of the store (default: MARSAD_DB, else sqlite:///marsad.db).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Server processes (each opens the store itself).",
)
@click.option(
    "--settings",
    "settings_file",
    default=None,
    metavar="FILE",
    help="TOML settings file ([api] token, db); default MARSAD_SETTINGS.",
)
def serve(db: str | None, host: str, port: int, workers: int, settings_file: str | None) -> None:
    """Serve the API (/api, docs at /docs) and the dashboard (/) until interrupted.

    Read-only unless an API token is configured (MARSAD_API_TOKEN or the settings file): then
    POST /api/documents with `Authorization: Bearer TOKEN` ingests documents.
    """
    import os

    import uvicorn

    from .settings import load_settings

    settings = load_settings(db, settings_file=settings_file)
    # Workers build their app from the environment (uvicorn's factory), so pass the settings through it.
    os.environ["MARSAD_DB"] = settings.db_url
    if settings_file:
        os.environ["MARSAD_SETTINGS"] = settings_file
    from ..store.db import open_engine

    open_engine(settings.db_url).dispose()  # migrate once, before any worker, and fail early if it can't
    click.echo(
        f"marsad: serving {settings.db_url} at http://{host}:{port}/ (API docs: http://{host}:{port}/docs)"
        f"{'' if settings.api_token else '; read-only (no API token configured)'}"
    )
    uvicorn.run(
        "marsad.api_server.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )
