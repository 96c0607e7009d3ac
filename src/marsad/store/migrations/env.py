"""Alembic environment: runs against the engine marsad.store.db hands in (never a URL from the ini)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from marsad.store import watch_state  # noqa: F401  (its tables join Base.metadata)
from marsad.store.db import include_object, make_engine
from marsad.store.schema import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine: Engine = context.config.attributes.get("engine") or make_engine(None)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Concurrent first opens: one process migrates, the others wait here, then find head.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(4927011)")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite needs batch ALTERs
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
