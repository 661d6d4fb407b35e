"""Alembic environment of the store; `marsad.store.db.open_engine` runs it on every open."""
