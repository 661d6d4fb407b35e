"""Indexes for the API's busiest listings (revision 0004).

- The bounding-box index also carries the event date, so a map box's page (newest first) is chosen from
  the index alone instead of reading every event in the box: it replaces `ix_events_lon_lat`, whose
  queries it serves as well (same leading columns).
- PostgreSQL only: the date-ordered indexes are rebuilt with `event_date DESC NULLS LAST`. The API lists
  newest first with undated events last; PostgreSQL sorts NULLs first when descending, so an ascending
  index cannot give that order and every listing sorted all its matches (35 ms instead of 1 ms for one
  country on 200,000 events). SQLite sorts NULLs first ascending, so a backward scan already gives it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

# name -> the columns before event_date (0001's ix_events_type_date and 0002's date indexes)
DATE_INDEXES = {
    "ix_events_event_date": [],
    "ix_events_type_date": ["event_type"],
    "ix_events_country_date": ["country"],
    "ix_events_country_type_date": ["country", "event_type"],
    "ix_events_country_sub_type_date": ["country", "sub_event_type"],
    "ix_events_admin1_date": ["admin1"],
    "ix_events_sub_type_date": ["sub_event_type"],
}


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_lon_lat_date", ["longitude", "latitude", "event_date"], unique=False)
        batch_op.drop_index("ix_events_lon_lat")
    if _postgresql():
        for name, columns in DATE_INDEXES.items():
            op.drop_index(name, table_name="events")
            op.create_index(name, "events", [*columns, sa.text("event_date DESC NULLS LAST")])


def downgrade() -> None:
    if _postgresql():
        for name, columns in DATE_INDEXES.items():
            op.drop_index(name, table_name="events")
            op.create_index(name, "events", [*columns, "event_date"])
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_lon_lat", ["longitude", "latitude"], unique=False)
        batch_op.drop_index("ix_events_lon_lat_date")
