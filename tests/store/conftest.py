"""Store tests run against SQLite and PostgreSQL alike.

PostgreSQL comes from MARSAD_TEST_PG_URL (e.g. the URL `.ci/postgres.sh` prints). Without it the
PostgreSQL cases fail, saying so, unless MARSAD_TEST_PG=skip says to leave them out on purpose.
"""

import json
import os

import pytest
from sqlalchemy import MetaData, create_engine, text

PG_URL_VAR = "MARSAD_TEST_PG_URL"


def _reset_postgres(url: str) -> None:
    """Drop every table in the database, those of later migrations too (reflected, not from models)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = MetaData()
        tables.reflect(conn)
        tables.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty store's URL (nothing migrated yet)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'marsad.db'}"
    url = os.environ.get(PG_URL_VAR)
    if not url:
        if os.environ.get("MARSAD_TEST_PG") == "skip":
            pytest.skip("MARSAD_TEST_PG=skip: PostgreSQL store tests left out on purpose")
        pytest.fail(f"{PG_URL_VAR} is not set: run `export {PG_URL_VAR}=$(.ci/postgres.sh)` to test the "
                    "store on PostgreSQL, or set MARSAD_TEST_PG=skip to leave PostgreSQL out on purpose")
    _reset_postgres(url)
    return url


@pytest.fixture
def reset_postgres():
    """reset_postgres(url): drop every store table, so the next open migrates from scratch."""
    return _reset_postgres


@pytest.fixture
def write_jsonl(tmp_path):
    """write_jsonl(name, docs) -> path of a JSONL input holding DOCS."""

    def write(name, docs):
        path = tmp_path / name
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        return str(path)

    return write
