"""Covering indexes for `/api/stats` (issue 8).

The stats read five columns of every matching active event (date, type, admin1, country,
fatalities). Without an index holding them each costs a lookup of the whole events row (notes
and all): 100,000 rows took ~1 s on SQLite. `ix_events_active_stats` holds all five, so an
unfiltered or date-range stats query reads that index alone (PostgreSQL groups it five ways in
one pass, GROUPING SETS). SQLite has no hash aggregation: grouping by type, admin1 or country
sorts every row, so on SQLite three narrow indexes hold each of those columns in order with the
fatalities, and the unfiltered stats are four ordered index walks (~70 ms CPU at 100k events,
against ~230 ms for one pass sorted four ways). Each WHERE repeats `repository.ACTIVE` verbatim
(see migration 0002). PostgreSQL carries the non-key columns as INCLUDE; SQLite has no INCLUDE.

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
# SQLite only: (name, grouped column).
SQLITE_GROUPS = (
    ("ix_events_active_stats_type", "event_type"),
    ("ix_events_active_stats_admin1", "admin1"),
    ("ix_events_active_stats_country", "country"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {NAME} ON events ({KEYS}) INCLUDE ({PAYLOAD}) WHERE {ACTIVE}")
        return
    op.execute(f"CREATE INDEX {NAME} ON events ({KEYS}, {PAYLOAD}) WHERE {ACTIVE}")
    for name, col in SQLITE_GROUPS:
        op.execute(f"CREATE INDEX {name} ON events ({col}, fatalities) WHERE {ACTIVE}")


def downgrade() -> None:
    for name in (NAME, *(n for n, _ in SQLITE_GROUPS)):
        op.execute(f"DROP INDEX IF EXISTS {name}")
