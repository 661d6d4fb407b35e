"""The store's tables (SQLAlchemy 2.0). The schema itself is created and changed only by the Alembic
migrations in `migrations/versions/`; these classes must describe the latest revision.

- `documents`: one row per article (id, content hashes, metadata, the text evidence offsets point into).
- `reports`: the events one document reports, as the extractor coded them (ACLED fields).
- `evidence`: the text spans of each report.
- `events`: fused events, one per real-world event, reconciled from every report of it.
- `event_documents`: which documents report which fused event.
- `duplicates`: near-duplicate (syndicated) documents, linked to the earlier copy.
- `shingles`: sampled shingle hashes of each document, the index near-duplicates are found with.
- `ingest_runs`: one row per `ingest` call: when, what, how many (an unfinished row = an interrupted run).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String, unique=True)
    # What the events depend on (text, date, metadata): a new value for the same doc_id replaces its events.
    content_hash: Mapped[str] = mapped_column(String(64))
    # The text alone: the same text under another id is the same document (skipped).
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    published: Mapped[dt.date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(String)
    publisher: Mapped[str | None] = mapped_column(String)
    source: Mapped[str] = mapped_column(String, default="")
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    # Near-duplicate cluster: the id of the earliest copy of this story (NULL: none, its own cluster).
    cluster_id: Mapped[int | None] = mapped_column(Integer, index=True)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class _AcledFields:
    """ACLED columns shared by a document's reports and the fused events."""

    event_date: Mapped[dt.date | None] = mapped_column(Date)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    disorder_type: Mapped[str] = mapped_column(String, default="")
    event_type: Mapped[str] = mapped_column(String)
    sub_event_type: Mapped[str] = mapped_column(String)
    actor1: Mapped[str] = mapped_column(String, default="")
    assoc_actor_1: Mapped[str] = mapped_column(String, default="")
    inter1: Mapped[str] = mapped_column(String, default="")
    actor2: Mapped[str] = mapped_column(String, default="")
    assoc_actor_2: Mapped[str] = mapped_column(String, default="")
    inter2: Mapped[str] = mapped_column(String, default="")
    interaction: Mapped[str] = mapped_column(String, default="")
    civilian_targeting: Mapped[str] = mapped_column(String, default="")
    iso: Mapped[int | None] = mapped_column(Integer)
    region: Mapped[str | None] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(String)
    admin1: Mapped[str | None] = mapped_column(String)
    admin2: Mapped[str | None] = mapped_column(String)
    admin3: Mapped[str | None] = mapped_column(String)
    location: Mapped[str | None] = mapped_column(String)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String, default="")
    source_scale: Mapped[str] = mapped_column(String, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    tags: Mapped[str] = mapped_column(String, default="")
    timestamp: Mapped[int | None] = mapped_column(BigInteger)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    attribution: Mapped[str | None] = mapped_column(String)


class Event(_AcledFields, Base):
    """A fused event. `doc_ids` is the "; "-joined list the contract's `doc_ids` field is made from.
    `record_json` / `evidence_json`: the event's contract record (without evidence) and its evidence, as
    JSON, cleared by every change and filled again before the change commits (`event_json.fill_records`)."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_type_date", "event_type", "event_date"),
        Index("ix_events_json_stale", "id", sqlite_where=text("record_json IS NULL"),
              postgresql_where=text("record_json IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, unique=True)
    doc_ids: Mapped[str] = mapped_column(Text, default="")
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    record_json: Mapped[str | None] = mapped_column(Text)
    evidence_json: Mapped[str | None] = mapped_column(Text)


class Report(_AcledFields, Base):
    """One document's coding of one event; `event_pk` is the fused event it belongs to."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    event_pk: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    report_id: Mapped[str] = mapped_column(String)  # the extractor's event_id


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    doc_id: Mapped[str] = mapped_column(String)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class EventDocument(Base):
    __tablename__ = "event_documents"

    event_pk: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True,
                                             index=True)


class Duplicate(Base):
    """`document_pk` is a near-duplicate of the earlier `duplicate_of`, with this shingle similarity."""

    __tablename__ = "duplicates"

    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    duplicate_of: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                              primary_key=True, index=True)
    similarity: Mapped[float] = mapped_column(Float)


class Shingle(Base):
    __tablename__ = "shingles"

    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True,
                                             index=True)


class IngestRun(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    inputs: Mapped[str] = mapped_column(Text, default="")
    added: Mapped[int] = mapped_column(Integer, default=0)
    replaced: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    reports: Mapped[int] = mapped_column(Integer, default=0)
