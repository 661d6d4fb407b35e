"""API tests run against SQLite and PostgreSQL alike (PostgreSQL from MARSAD_TEST_PG_URL, as in
tests/store/conftest.py: without it the PostgreSQL cases fail unless MARSAD_TEST_PG=skip)."""


import pytest
from fastapi.testclient import TestClient

from marsad.api_server import Settings, create_app
from marsad.store.db import open_engine

from .seed import seed_store

PG_URL_VAR = "MARSAD_TEST_PG_URL"
TOKEN = "test-token-5d1f"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory, fresh_postgres):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('api') / 'marsad.db'}"
    return fresh_postgres("API")


@pytest.fixture(scope="module")
def client(db_url):
    """A client of the service over the seeded store (read-only tests share it, per module)."""
    engine = open_engine(db_url)
    seed_store(engine)
    engine.dispose()
    with TestClient(create_app(Settings(db_url=db_url, api_token=TOKEN))) as c:
        yield c
