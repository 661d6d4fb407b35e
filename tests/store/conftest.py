"""Store tests run against SQLite and PostgreSQL alike.

PostgreSQL comes from MARSAD_TEST_PG_URL (e.g. the URL `.ci/postgres.sh` prints). Without it the
PostgreSQL cases fail, saying so, unless MARSAD_TEST_PG=skip says to leave them out on purpose.
"""

import json

import pytest

PG_URL_VAR = "MARSAD_TEST_PG_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, fresh_postgres):
    """An empty store's URL (nothing migrated yet)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'marsad.db'}"
    return fresh_postgres("store")


@pytest.fixture
def reset_postgres(empty_postgres):
    """reset_postgres(url): drop every store table, so the next open migrates from scratch."""
    return empty_postgres


@pytest.fixture
def write_jsonl(tmp_path):
    """write_jsonl(name, docs) -> path of a JSONL input holding DOCS."""

    def write(name, docs):
        path = tmp_path / name
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        return str(path)

    return write
