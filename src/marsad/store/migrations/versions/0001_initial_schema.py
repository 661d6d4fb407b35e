"""Initial schema: documents, reports, evidence, fused events, event-document links, near-duplicate
links, shingle index, ingest runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('url', sa.String(), nullable=True),
    sa.Column('title', sa.String(), nullable=True),
    sa.Column('publisher', sa.String(), nullable=True),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('cluster_id', sa.Integer(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('doc_id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_cluster_id'), ['cluster_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_text_hash'), ['text_hash'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('doc_ids', sa.Text(), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('time_precision', sa.Integer(), nullable=True),
    sa.Column('disorder_type', sa.String(), nullable=False),
    sa.Column('event_type', sa.String(), nullable=False),
    sa.Column('sub_event_type', sa.String(), nullable=False),
    sa.Column('actor1', sa.String(), nullable=False),
    sa.Column('assoc_actor_1', sa.String(), nullable=False),
    sa.Column('inter1', sa.String(), nullable=False),
    sa.Column('actor2', sa.String(), nullable=False),
    sa.Column('assoc_actor_2', sa.String(), nullable=False),
    sa.Column('inter2', sa.String(), nullable=False),
    sa.Column('interaction', sa.String(), nullable=False),
    sa.Column('civilian_targeting', sa.String(), nullable=False),
    sa.Column('iso', sa.Integer(), nullable=True),
    sa.Column('region', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('admin1', sa.String(), nullable=True),
    sa.Column('admin2', sa.String(), nullable=True),
    sa.Column('admin3', sa.String(), nullable=True),
    sa.Column('location', sa.String(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('source_scale', sa.String(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('fatalities', sa.Integer(), nullable=False),
    sa.Column('tags', sa.String(), nullable=False),
    sa.Column('timestamp', sa.BigInteger(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('attribution', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_type_date', ['event_type', 'event_date'], unique=False)

    op.create_table('ingest_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('inputs', sa.Text(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('replaced', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('duplicates',
    sa.Column('document_pk', sa.Integer(), nullable=False),
    sa.Column('duplicate_of', sa.Integer(), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_pk'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['duplicate_of'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_pk', 'duplicate_of')
    )
    with op.batch_alter_table('duplicates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duplicates_duplicate_of'), ['duplicate_of'], unique=False)

    op.create_table('event_documents',
    sa.Column('event_pk', sa.Integer(), nullable=False),
    sa.Column('document_pk', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_pk'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_pk'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_pk', 'document_pk')
    )
    with op.batch_alter_table('event_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_documents_document_pk'), ['document_pk'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_pk', sa.Integer(), nullable=False),
    sa.Column('event_pk', sa.Integer(), nullable=True),
    sa.Column('report_id', sa.String(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('time_precision', sa.Integer(), nullable=True),
    sa.Column('disorder_type', sa.String(), nullable=False),
    sa.Column('event_type', sa.String(), nullable=False),
    sa.Column('sub_event_type', sa.String(), nullable=False),
    sa.Column('actor1', sa.String(), nullable=False),
    sa.Column('assoc_actor_1', sa.String(), nullable=False),
    sa.Column('inter1', sa.String(), nullable=False),
    sa.Column('actor2', sa.String(), nullable=False),
    sa.Column('assoc_actor_2', sa.String(), nullable=False),
    sa.Column('inter2', sa.String(), nullable=False),
    sa.Column('interaction', sa.String(), nullable=False),
    sa.Column('civilian_targeting', sa.String(), nullable=False),
    sa.Column('iso', sa.Integer(), nullable=True),
    sa.Column('region', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('admin1', sa.String(), nullable=True),
    sa.Column('admin2', sa.String(), nullable=True),
    sa.Column('admin3', sa.String(), nullable=True),
    sa.Column('location', sa.String(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('source_scale', sa.String(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('fatalities', sa.Integer(), nullable=False),
    sa.Column('tags', sa.String(), nullable=False),
    sa.Column('timestamp', sa.BigInteger(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('attribution', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['document_pk'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_pk'], ['events.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_document_pk'), ['document_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_event_pk'), ['event_pk'], unique=False)

    op.create_table('shingles',
    sa.Column('hash', sa.BigInteger(), nullable=False),
    sa.Column('document_pk', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_pk'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('hash', 'document_pk')
    )
    with op.batch_alter_table('shingles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shingles_document_pk'), ['document_pk'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('doc_id', sa.String(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_report_pk'), ['report_pk'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_report_pk'))

    op.drop_table('evidence')
    with op.batch_alter_table('shingles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shingles_document_pk'))

    op.drop_table('shingles')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_event_pk'))
        batch_op.drop_index(batch_op.f('ix_reports_document_pk'))

    op.drop_table('reports')
    with op.batch_alter_table('event_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_documents_document_pk'))

    op.drop_table('event_documents')
    with op.batch_alter_table('duplicates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duplicates_duplicate_of'))

    op.drop_table('duplicates')
    op.drop_table('ingest_runs')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type_date')

    op.drop_table('events')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_text_hash'))
        batch_op.drop_index(batch_op.f('ix_documents_cluster_id'))

    op.drop_table('documents')
