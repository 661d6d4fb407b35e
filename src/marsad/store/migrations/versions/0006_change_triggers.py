"""Changes made outside Marsad's writer are seen by the API at once (revision 0006).

1. An exact version stamp on PostgreSQL. The API keeps answers and an in-memory copy of the events while
   the store is unchanged, so it must see every change, whoever makes it. SQLite has that built in
   (`PRAGMA data_version`). On PostgreSQL, `store_version` is one row whose counter statement-level
   triggers on the tables answers are made of raise by one in the writing transaction: readers see the
   new value exactly when the change commits (a rolled-back write leaves it), for one row update per
   statement, not per row.
2. Stored event JSON (revision 0005) cleared by any other change to its event or its evidence: an event
   corrected by hand (`UPDATE events SET fatalities = ...`) is then served as built from its rows until
   the next write by Marsad stores its JSON again, never with its old JSON.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

VERSIONED = ("documents", "events", "reports", "evidence", "event_documents")
_EVENT_OF_EVIDENCE = "(SELECT event_pk FROM reports WHERE reports.id = {row}.report_pk)"


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _pg_upgrade() -> None:
    op.execute("CREATE TABLE store_version (id integer PRIMARY KEY CHECK (id = 1), n bigint NOT NULL)")
    op.execute("INSERT INTO store_version VALUES (1, 0)")
    op.execute(
        "CREATE OR REPLACE FUNCTION marsad_store_changed() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN UPDATE store_version SET n = n + 1 WHERE id = 1; RETURN NULL; END $$"
    )
    for table in VERSIONED:
        op.execute(
            f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION marsad_store_changed()"
        )
    # The event row's own JSON: cleared in the same row update, unless that update wrote the JSON.
    op.execute(
        "CREATE OR REPLACE FUNCTION marsad_event_json_stale() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.record_json IS NOT DISTINCT FROM OLD.record_json THEN "
        "NEW.record_json := NULL; NEW.evidence_json := NULL; END IF; RETURN NEW; END $$"
    )
    op.execute("CREATE TRIGGER events_json_stale BEFORE UPDATE ON events FOR EACH ROW "
                "WHEN (OLD.record_json IS NOT NULL) EXECUTE FUNCTION marsad_event_json_stale()")
    op.execute(
        "CREATE OR REPLACE FUNCTION marsad_evidence_json_stale() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE events SET record_json = NULL, evidence_json = NULL "
        "WHERE record_json IS NOT NULL AND id IN "
        f"({_EVENT_OF_EVIDENCE.format(row='OLD')}, {_EVENT_OF_EVIDENCE.format(row='NEW')}); "
        "RETURN NULL; END $$"
    )
    op.execute("CREATE TRIGGER evidence_json_stale AFTER INSERT OR UPDATE OR DELETE ON evidence FOR EACH ROW "
                "EXECUTE FUNCTION marsad_evidence_json_stale()")


def _sqlite_upgrade() -> None:
    # SQLite cannot change NEW in a trigger: the row is cleared by an update of its own, which this
    # trigger does not fire again for (its JSON is then NULL).
    op.execute(
        "CREATE TRIGGER events_json_stale AFTER UPDATE ON events FOR EACH ROW "
        "WHEN OLD.record_json IS NOT NULL AND NEW.record_json IS OLD.record_json "
        "BEGIN UPDATE events SET record_json = NULL, evidence_json = NULL WHERE id = NEW.id; END"
    )
    for when, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
        events = ", ".join(_EVENT_OF_EVIDENCE.format(row=r) for r in rows)
        op.execute(
            f"CREATE TRIGGER evidence_json_stale_{when.lower()} AFTER {when} ON evidence FOR EACH ROW "
            "BEGIN UPDATE events SET record_json = NULL, evidence_json = NULL "
            f"WHERE record_json IS NOT NULL AND id IN ({events}); END"
        )


def upgrade() -> None:
    if _postgresql():
        _pg_upgrade()
    else:
        _sqlite_upgrade()


def downgrade() -> None:
    if _postgresql():
        op.execute("DROP TRIGGER evidence_json_stale ON evidence")
        op.execute("DROP TRIGGER events_json_stale ON events")
        for table in VERSIONED:
            op.execute(f"DROP TRIGGER {table}_changed ON {table}")
        for function in ("marsad_evidence_json_stale", "marsad_event_json_stale", "marsad_store_changed"):
            op.execute(f"DROP FUNCTION {function}()")
        op.execute("DROP TABLE store_version")
    else:
        op.execute("DROP TRIGGER events_json_stale")
        for when in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER evidence_json_stale_{when}")
