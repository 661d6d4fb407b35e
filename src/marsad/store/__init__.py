"""The store: documents, events and their evidence in a database (SQLite by default, PostgreSQL by URL)."""
