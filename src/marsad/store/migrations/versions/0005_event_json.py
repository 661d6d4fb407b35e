"""Pre-serialised event records (revision 0005).

`events.record_json` and `events.evidence_json` hold each fused event's contract record (without
evidence) and its evidence array as JSON, so an API page is read, not built. They are cleared by every
change to an event and filled again in the same transaction by the writer; the partial index finds the
cleared ones. Events stored before this revision start without them: the API builds those on the fly,
and the next `marsad ingest` (or watch round) fills them all.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

STALE = sa.text("record_json IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("record_json", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("evidence_json", sa.Text(), nullable=True))
    op.create_index("ix_events_json_stale", "events", ["id"], sqlite_where=STALE, postgresql_where=STALE)


def downgrade() -> None:
    op.drop_index("ix_events_json_stale", table_name="events")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("evidence_json")
        batch_op.drop_column("record_json")
