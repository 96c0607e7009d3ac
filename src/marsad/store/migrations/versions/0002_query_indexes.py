"""Indexes for the API's listing queries at a million events, and the actor-name dictionary.

- Partial indexes over the active events (the default listing hides rejected and merged ones)
  in the order of the default sort (event_date descending, unknown dates last, then id), alone
  and after each equality filter the API offers: lower(country), iso3, lower(admin1),
  event_type, lower(country) + event_type; plus (fatalities) alone and after lower(admin1) or
  lower(country) for the "deadliest first" sorts (the map). A page is then an index walk that
  stops after `limit` rows, and a capped count reads at most the cap. Their WHERE must stay
  textually equal to `repository.ACTIVE`: both planners only use a partial index when the query
  repeats its predicate.
- `actor_names`: every distinct actor name, kept complete by triggers on event_actors; the
  event_actors name index becomes (name, event_id).

These indexes are dialect-specific SQL (NULLS LAST exists in PostgreSQL index definitions only;
SQLite's DESC already puts NULLs last), so they live here, not in the ORM metadata; their names
are listed in `marsad.store.db.UNMANAGED_INDEXES`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ACTIVE = "status NOT IN ('rejected', 'merged')"
# (name, columns with {date} for the default sort key, base column of an expression)
INDEXES: tuple[tuple[str, str, str], ...] = (
    ("ix_events_active_date", "{date}", ""),
    ("ix_events_active_country", "lower(country), {date}", "country"),
    ("ix_events_active_iso3", "iso3, {date}", ""),
    ("ix_events_active_admin1", "lower(admin1), {date}", "admin1"),
    ("ix_events_active_type", "event_type, {date}", ""),
    ("ix_events_active_country_type", "lower(country), event_type, {date}", "country"),
    ("ix_events_active_admin1_fatalities", "lower(admin1), fatalities, id", "admin1"),
    ("ix_events_active_fatalities", "fatalities, id", ""),
    # The map (/api/events/points) takes the deadliest events first, usually within a country.
    ("ix_events_active_country_fatalities", "lower(country), fatalities, id", "country"),
    # "Is this event active?" from the index alone, in id order (joins from event_actors).
    ("ix_events_active_id", "id", ""),
)
# PostgreSQL keeps no statistics for the expressions of partial indexes: without these it takes
# lower(country) = 'syria' for 0.5 % of the rows whatever the data.
STATISTICS = (("st_events_lower_country", "lower(country)"), ("st_events_lower_admin1", "lower(admin1)"))


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    date_key = "event_date DESC NULLS LAST, id DESC" if pg else "event_date DESC, id DESC"
    for name, cols, base in INDEXES:
        # INCLUDE the expression's column: PostgreSQL only answers from the index alone (a
        # capped count without touching the table) when every column the query names is in it.
        include = f" INCLUDE ({base})" if pg and base else ""
        op.execute(f"CREATE INDEX {name} ON events ({cols.format(date=date_key)}){include} WHERE {ACTIVE}")
    if pg:
        for name, expr in STATISTICS:
            op.execute(f"CREATE STATISTICS {name} ON ({expr}) FROM events")

    # The name index also carries event_id, so actor lookups need no table rows.
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actors_name")
        batch_op.create_index("ix_event_actors_name_event", ["name", "event_id"], unique=False)

    op.create_table(
        "actor_names",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.execute("INSERT INTO actor_names (name) SELECT DISTINCT name FROM event_actors")
    if pg:
        # Statement-level with a transition table: one INSERT per statement, not per row.
        op.execute(
            "CREATE FUNCTION marsad_note_actor_names() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN INSERT INTO actor_names (name) SELECT DISTINCT name FROM new_rows ORDER BY name "
            "ON CONFLICT DO NOTHING; RETURN NULL; END $$"
        )
        for when in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER trg_event_actors_names_{when.lower()} AFTER {when} ON event_actors "
                "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION marsad_note_actor_names()"
            )
        # Fresh statistics so the planner knows the new expression indexes' values at once.
        op.execute("ANALYZE events")
        op.execute("ANALYZE actor_names")
    else:
        for when in ("INSERT", "UPDATE OF name"):
            op.execute(
                f"CREATE TRIGGER trg_event_actors_names_{when.split()[0].lower()} AFTER {when} ON event_actors "
                "BEGIN INSERT OR IGNORE INTO actor_names (name) VALUES (NEW.name); END"
            )


def downgrade() -> None:
    bind = op.get_bind()
    for when in ("insert", "update"):
        if bind.dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS trg_event_actors_names_{when} ON event_actors")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS trg_event_actors_names_{when}")
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS marsad_note_actor_names()")
    op.drop_table("actor_names")
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actors_name_event")
        batch_op.create_index("ix_event_actors_name", ["name"], unique=False)
    for name, _, _ in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    if bind.dialect.name == "postgresql":
        for name, _ in STATISTICS:
            op.execute(f"DROP STATISTICS IF EXISTS {name}")
