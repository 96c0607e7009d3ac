"""The tables (SQLAlchemy 2 ORM). Migrations in store/migrations/ must create exactly this.

Full-text search lives outside the ORM in `article_fts` (SQLite FTS5 virtual table, or a
PostgreSQL table with a tsvector and a GIN index), created by the migration per dialect.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only makes INTEGER PRIMARY KEY an alias of rowid (autoincrementing); BIGINT would not be.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (UTC).

    SQLite has no zone-aware type: SQLAlchemy writes the wall-clock fields and reads them back
    naive, so an aware value is converted to UTC before it is written and the zone is put back on
    read. PostgreSQL's timestamptz keeps the instant; naive inputs are taken as UTC on both."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Outlet(Base):
    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    source_scale: Mapped[str] = mapped_column(String(40), default="")


class IngestRun(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # running | done | partial | failed; a run left "running" by a killed process stays visible as such.
    status: Mapped[str] = mapped_column(String(20), default="running")
    inputs: Mapped[list[str]] = mapped_column(JSON, default=list)
    seen: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    events_added: Mapped[int] = mapped_column(Integer, default=0)
    rejects: Mapped[int] = mapped_column(Integer, default=0)
    reject_log: Mapped[list[dict]] = mapped_column(JSON, default=list)
    pid: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    article_id: Mapped[str] = mapped_column(String(200), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(String(2000), unique=True, nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    published: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), nullable=True, index=True)
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    ingest_run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id"), nullable=True)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime())


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_status_date", "status", "event_date"),
        Index("ix_events_type_date", "event_type", "event_date"),
        Index("ix_events_country_date", "country", "event_date"),
        Index("ix_events_admin1", "admin1"),
        Index("ix_events_lat_lon", "latitude", "longitude"),
        Index("ix_events_merged_into", "merged_into_id"),
        Index("ix_events_dedup_pending", "dedup_checked"),
        {"sqlite_autoincrement": True},  # ids of deleted rows are never handed out again
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id_cnty: Mapped[str] = mapped_column(String(20), unique=True)
    iso3: Mapped[str] = mapped_column(String(3), default="XXX")
    # CODING.md §8 fields; event_date is a real DATE (NULL = unknown) so ranges use the index.
    event_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    time_precision: Mapped[int] = mapped_column(Integer, default=3)
    disorder_type: Mapped[str] = mapped_column(String(60), default="")
    event_type: Mapped[str] = mapped_column(String(60), default="")
    sub_event_type: Mapped[str] = mapped_column(String(80), default="")
    actor1: Mapped[str] = mapped_column(String(300), default="")
    assoc_actor_1: Mapped[str] = mapped_column(Text, default="")
    inter1: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor2: Mapped[str] = mapped_column(String(300), default="")
    assoc_actor_2: Mapped[str] = mapped_column(Text, default="")
    inter2: Mapped[int | None] = mapped_column(Integer, nullable=True)
    interaction: Mapped[str] = mapped_column(String(10), default="")
    civilian_targeting: Mapped[str] = mapped_column(String(40), default="")
    iso: Mapped[int | None] = mapped_column(Integer, nullable=True)
    region: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    admin1: Mapped[str] = mapped_column(String(200), default="")
    admin2: Mapped[str] = mapped_column(String(200), default="")
    admin3: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    geo_precision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    source_scale: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    tags: Mapped[str] = mapped_column(Text, default="")
    timestamp: Mapped[int] = mapped_column(BigInteger, default=0)
    article_id: Mapped[str] = mapped_column(String(200), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=True)
    injuries: Mapped[int | None] = mapped_column(Integer, nullable=True)
    weapons: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    # Store bookkeeping
    status: Mapped[str] = mapped_column(String(20), default="unreviewed")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), nullable=True)
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    dedup_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    ingest_run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class EventActor(Base):
    """One row per actor name of an event, so actor filters and the actors list use an index."""

    __tablename__ = "event_actors"
    # (name, event_id): an actor filter reads the matching events from the index alone.
    __table_args__ = (Index("ix_event_actors_name_event", "name", "event_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(10), primary_key=True)  # actor1 actor2 assoc1 assoc2
    name: Mapped[str] = mapped_column(String(300), primary_key=True)


class ActorName(Base):
    """Every distinct actor name ever stored in event_actors, filled by database triggers (so bulk
    loads and every write path keep it complete). An actor filter scans this short list for the
    substring and then looks the matching names up in ix_event_actors_name_event, instead of scanning
    every event_actors row. Names whose events were all deleted may remain: they match nothing."""

    __tablename__ = "actor_names"

    name: Mapped[str] = mapped_column(String(300), primary_key=True)


class EventArticle(Base):
    """The article an event was extracted from, with the figure that article gave."""

    __tablename__ = "event_articles"
    __table_args__ = (Index("ix_event_articles_article", "article_pk"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    # The outlet as this event gave it, so a merged event's `source` can be rebuilt after a split/undo.
    source: Mapped[str] = mapped_column(Text, default="")
    source_scale: Mapped[str] = mapped_column(String(100), default="")


class EvidenceSpanRow(Base):
    __tablename__ = "evidence_spans"
    __table_args__ = (Index("ix_evidence_event", "event_id"), Index("ix_evidence_article", "article_pk"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(60))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")


class ReviewActionRow(Base):
    __tablename__ = "review_actions"
    __table_args__ = (Index("ix_review_actions_event", "event_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(60), nullable=True)
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


class MergeRow(Base):
    __tablename__ = "merges"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # dedup | manual
    reason: Mapped[dict] = mapped_column(JSON, default=dict)
    # What undo needs: the survivor's fields before, and each touched event's (status, merged_into_id).
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)
    user: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class MergeEvent(Base):
    __tablename__ = "merge_events"
    __table_args__ = (Index("ix_merge_events_event", "event_id"),)

    merge_id: Mapped[int] = mapped_column(ForeignKey("merges.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(10))  # survivor | absorbed


class DedupExclusion(Base):
    """Pairs a person separated (undo, split): automatic dedup must not join them again."""

    __tablename__ = "dedup_exclusions"
    __table_args__ = (UniqueConstraint("event_a", "event_b"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_a: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    event_b: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))


class IdCounter(Base):
    """The last sequence number handed out per country prefix (event_id_cnty)."""

    __tablename__ = "id_counters"

    prefix: Mapped[str] = mapped_column(String(3), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
