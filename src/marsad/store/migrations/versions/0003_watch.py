"""State of `marsad watch`: watch_sources, watch_daily, watch_items (marsad.store.watch_state).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _ts(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=True)


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        _ts("last_poll_at"),
        _ts("last_ok_at"),
        _ts("last_new_at"),
        _ts("next_poll_at"),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("consecutive_errors", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        _ts("last_error_at"),
        sa.Column("etag", sa.String(length=500), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("items_total", sa.Integer(), nullable=False),
        sa.Column("events_total", sa.Integer(), nullable=False),
        sa.Column("updated_total", sa.Integer(), nullable=False),
        sa.Column("skipped_total", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "watch_daily",
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *(
            sa.Column(c, sa.Integer(), nullable=False)
            for c in ("polls", "items", "events", "updated", "errors", "skipped")
        ),
        sa.PrimaryKeyConstraint("source", "day"),
    )
    op.create_table(
        "watch_items",
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("article_pk", BigId, nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["article_pk"], ["articles.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("source", "key_hash"),
    )


def downgrade() -> None:
    op.drop_table("watch_items")
    op.drop_table("watch_daily")
    op.drop_table("watch_sources")
