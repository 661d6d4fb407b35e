"""Alembic environment: run programmatically by `marsad.store.db.migrate` with an open connection
(`config.attributes["connection"]`), so no alembic.ini or URL is needed."""

from alembic import context

from marsad.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through marsad.store.db.migrate(engine)")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
