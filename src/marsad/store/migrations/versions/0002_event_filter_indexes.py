"""Indexes for the API's event filters and sorts: by date; country with date, with event type or with
sub-event type; admin1; sub-event type; fatalities; confidence; longitude/latitude (bounding boxes).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

INDEXES = {
    "ix_events_event_date": ["event_date"],
    "ix_events_country_date": ["country", "event_date"],
    "ix_events_country_type_date": ["country", "event_type", "event_date"],
    "ix_events_country_sub_type_date": ["country", "sub_event_type", "event_date"],
    "ix_events_admin1_date": ["admin1", "event_date"],
    "ix_events_sub_type_date": ["sub_event_type", "event_date"],
    "ix_events_fatalities": ["fatalities"],
    "ix_events_confidence": ["confidence"],
    "ix_events_lon_lat": ["longitude", "latitude"],
}


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)
