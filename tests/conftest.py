"""Shared by every test folder whose tests run on SQLite and PostgreSQL alike."""

import os

import pytest
from sqlalchemy import MetaData, create_engine, text

PG_URL_VAR = "MARSAD_TEST_PG_URL"


def reset_postgres(url: str) -> None:
    """Drop every table in the database, those of every migration (reflected, not from models)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = MetaData()
        tables.reflect(conn)
        tables.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def postgres_url(what: str) -> str:
    """The test PostgreSQL's URL, emptied. Without MARSAD_TEST_PG_URL the test fails, unless
    MARSAD_TEST_PG=skip says PostgreSQL is left out on purpose."""
    url = os.environ.get(PG_URL_VAR)
    if not url:
        if os.environ.get("MARSAD_TEST_PG") == "skip":
            pytest.skip(f"MARSAD_TEST_PG=skip: PostgreSQL {what} tests left out on purpose")
        pytest.fail(f"{PG_URL_VAR} is not set: run `export {PG_URL_VAR}=$(.ci/postgres.sh)` to test the "
                    f"{what} on PostgreSQL, or set MARSAD_TEST_PG=skip to leave PostgreSQL out on purpose")
    reset_postgres(url)
    return url


@pytest.fixture(scope="session")
def fresh_postgres():
    """fresh_postgres(what) -> URL of the emptied test PostgreSQL database (see `postgres_url`)."""
    return postgres_url


@pytest.fixture(scope="session")
def empty_postgres():
    """empty_postgres(url): drop every table of that database (see `reset_postgres`)."""
    return reset_postgres
