"""API tests run against SQLite and PostgreSQL alike (PostgreSQL from MARSAD_TEST_PG_URL, as in
tests/store/conftest.py: without it the PostgreSQL cases fail unless MARSAD_TEST_PG=skip)."""

import os

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, create_engine, text

from marsad.api_server import Settings, create_app
from marsad.store.db import open_engine

from .seed import seed_store

PG_URL_VAR = "MARSAD_TEST_PG_URL"
TOKEN = "test-token-5d1f"


def _reset_postgres(url: str) -> None:
    """Drop every table there, the store's and any a later migration added (reflected, not from models)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = MetaData()
        tables.reflect(conn)
        tables.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('api') / 'marsad.db'}"
    url = os.environ.get(PG_URL_VAR)
    if not url:
        if os.environ.get("MARSAD_TEST_PG") == "skip":
            pytest.skip("MARSAD_TEST_PG=skip: PostgreSQL API tests left out on purpose")
        pytest.fail(
            f"{PG_URL_VAR} is not set: run `export {PG_URL_VAR}=$(.ci/postgres.sh)` to test the "
            "API on PostgreSQL, or set MARSAD_TEST_PG=skip to leave PostgreSQL out on purpose"
        )
    _reset_postgres(url)
    return url


@pytest.fixture(scope="module")
def client(db_url):
    """A client of the service over the seeded store (read-only tests share it, per module)."""
    engine = open_engine(db_url)
    seed_store(engine)
    engine.dispose()
    with TestClient(create_app(Settings(db_url=db_url, api_token=TOKEN))) as c:
        yield c
