"""A covering index for `/api/stats` (issue 8).

The stats read five columns of every matching active event (date, type, admin1, country,
fatalities). Without this index each of them costs a lookup of the whole events row (notes and
all): 100,000 rows took ~1 s on SQLite. With it, an unfiltered or date-range stats query reads
the index alone. Its WHERE repeats `repository.ACTIVE` verbatim (see migration 0002).
PostgreSQL carries the non-key columns as INCLUDE; SQLite has no INCLUDE, so they are keys.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ACTIVE = "status NOT IN ('rejected', 'merged')"
NAME = "ix_events_active_stats"
KEYS = "event_date, event_type, admin1, country"
PAYLOAD = "sub_event_type, is_primary, fatalities"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {NAME} ON events ({KEYS}) INCLUDE ({PAYLOAD}) WHERE {ACTIVE}")
    else:
        op.execute(f"CREATE INDEX {NAME} ON events ({KEYS}, {PAYLOAD}) WHERE {ACTIVE}")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {NAME}")
