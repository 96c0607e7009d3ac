"""Engine and migrations: an embedded SQLite file by default, PostgreSQL via MARSAD_DATABASE_URL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import make_url

ENV_VAR = "MARSAD_DATABASE_URL"
DEFAULT_PATH = Path(".marsad") / "marsad.sqlite"
_PACKAGE_DIR = Path(__file__).resolve().parent


def database_url(url: str | None = None) -> str:
    """Explicit url > $MARSAD_DATABASE_URL > the embedded SQLite file under ./.marsad/."""
    if url:
        return _normalise(url)
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return _normalise(env)
    return f"sqlite:///{DEFAULT_PATH}"


def _normalise(url: str) -> str:
    # "postgresql://" would pick psycopg2, which is not installed; psycopg 3 is.
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_from_hint(compiler: object, table: object, text: str | None) -> str | None:
    return text


# SQLAlchemy's SQLite compiler drops `Select.with_hint(..., "sqlite")` texts (its base returns None);
# the store passes "INDEXED BY <index>" hints where sqlite_stat1 averages mislead the planner
# (store.filters.hint). Only statements that carry a SQLite hint are affected.
SQLiteCompiler.get_from_hint_text = _sqlite_from_hint  # type: ignore[method-assign]


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str | None = None) -> Engine:
    resolved = database_url(url)
    parsed = make_url(resolved)
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:" and not db.startswith("file:"):
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        # The API serves from a thread pool: one connection per thread, writes serialised by SQLite.
        engine = create_engine(resolved, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(resolved, pool_pre_ping=True, pool_size=5, max_overflow=10)


SQLITE_MMAP_BYTES = 1 << 30


# Execution option naming how a SQLite transaction begins. A writer must begin IMMEDIATE: a
# deferred transaction that reads, then writes, cannot wait for another writer (SQLite answers
# "database is locked" at once, whatever the busy timeout), while BEGIN IMMEDIATE waits for the
# write lock up to the busy timeout. Readers stay deferred, so they never wait for a writer (WAL).
SQLITE_BEGIN = "marsad_sqlite_begin"


def writer(engine: Engine) -> Engine:
    """The same engine (same pool), beginning its SQLite transactions IMMEDIATE."""
    return engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"}) if is_sqlite(engine) else engine


def _sqlite_begin(conn: object) -> None:
    mode = conn.get_execution_options().get(SQLITE_BEGIN, "")  # type: ignore[attr-defined]
    conn.exec_driver_sql(f"BEGIN {mode}".rstrip())  # type: ignore[attr-defined]


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    # The driver's own implicit BEGIN (deferred, issued before the first write) is off: SQLAlchemy
    # begins every transaction itself, in the mode the caller asked for (_sqlite_begin).
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    # WAL: readers never block the writer (the API reads while `marsad ingest` writes).
    cur.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode keeps every commit atomic and durable against process crashes (kill -9).
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    # Reads through a memory map (shared by every pooled connection via the OS page cache) rather
    # than each connection's own 2 MB page cache: index walks at a million events stay in memory.
    cur.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cur.close()


# Objects made by raw SQL in the migrations (full-text search; partial/expression indexes whose
# definition differs per dialect, see migration 0002) are not part of the ORM metadata.
UNMANAGED_TABLES = frozenset({"article_fts"})
UNMANAGED_INDEXES = frozenset(
    {
        "ix_article_fts_tsv",
        "ix_events_active_date",
        "ix_events_active_country",
        "ix_events_active_iso3",
        "ix_events_active_admin1",
        "ix_events_active_type",
        "ix_events_active_country_type",
        "ix_events_active_admin1_fatalities",
        "ix_events_active_fatalities",
        "ix_events_active_country_fatalities",
        "ix_events_active_id",
        "ix_events_active_stats",
        "ix_events_active_stats_type",
        "ix_events_active_stats_admin1",
        "ix_events_active_stats_country",
    }
)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic filter: leave the full-text tables (and FTS5's shadow tables) and the raw-SQL indexes
    out of comparisons."""
    if type_ == "index":
        return name not in UNMANAGED_INDEXES
    unmanaged = name is not None and (name in UNMANAGED_TABLES or name.startswith("article_fts_"))
    return not (type_ == "table" and unmanaged)


def alembic_config(engine: Engine):  # -> alembic.config.Config (import kept lazy: alembic is slow to load)
    from alembic.config import Config

    cfg = Config(str(_PACKAGE_DIR / "alembic.ini"))
    cfg.set_main_option("script_location", str(_PACKAGE_DIR / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(url_or_engine: str | Engine | None = None, revision: str = "head") -> None:
    """Bring the database schema to `revision` with the migrations shipped in the package."""
    from alembic import command

    engine = url_or_engine if isinstance(url_or_engine, Engine) else make_engine(url_or_engine)
    # Two processes opening a new database at once must not both create the tables: on SQLite the
    # whole upgrade runs in one IMMEDIATE transaction (the second waits, then finds the schema at
    # head); on PostgreSQL migrations/env.py takes an advisory lock.
    command.upgrade(alembic_config(writer(engine)), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
