"""Record which extractor produced each event, index event dates, and remember
which seed files were loaded (so a deleted seed article stays deleted).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("extractor_version", sa.String(64), nullable=False, server_default=""))
    op.create_index("ix_events_dates", "events", ["date_start", "date_end"])
    op.create_table(
        "seed_loads",
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("seed_loads")
    op.drop_index("ix_events_dates", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("extractor_version")
