"""Opening a store: the URL, the engine (SQLite tuned for bulk writes), and the schema migrations.

Every open runs the Alembic migrations up to the latest revision, so a store created by an older
Marsad is upgraded in place and the revision is recorded in the database (`alembic_version`).
"""

from __future__ import annotations

import os

from sqlalchemy import Engine, create_engine, event

DEFAULT_URL = "sqlite:///marsad.db"
MIGRATIONS = "marsad.store:migrations"  # package resource: works from an installed wheel too


def default_url() -> str:
    """`MARSAD_DB` from the environment, else an SQLite file in the current directory (contract)."""
    return os.environ.get("MARSAD_DB") or DEFAULT_URL


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    # WAL: readers (stats, the API) never block the writer. synchronous=NORMAL in WAL mode loses
    # nothing a killed process committed (only an OS crash could drop the last commits).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def create_store_engine(url: str | None = None) -> Engine:
    """An engine for URL (default: `default_url()`), without migrating."""
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to REVISION (Alembic upgrade), recording it in `alembic_version`."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """The latest migration shipped with this version of Marsad."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    (head,) = ScriptDirectory.from_config(cfg).get_heads()  # exactly one: the chain is linear
    return head


def open_engine(url: str | None = None) -> Engine:
    """An engine for URL with the schema migrated to the latest revision."""
    engine = create_store_engine(url)
    migrate(engine)
    return engine
