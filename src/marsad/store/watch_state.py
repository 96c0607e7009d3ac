"""What `marsad watch` remembers between polls (migration 0003): per source its HTTP validators,
schedule, errors and totals; per source and day its counts; per feed item what was stored.

The watcher writes an item's row in the same transaction as the article and its events, so a
kill at any moment leaves either both or neither: a restart redoes exactly what was not committed.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marsad.store.schema import Base, UTCDateTime


class WatchSource(Base):
    __tablename__ = "watch_sources"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), default="")
    last_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_ok_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_new_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    next_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    consecutive_errors: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # HTTP validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since.
    etag: Mapped[str | None] = mapped_column(String(500), nullable=True)
    last_modified: Mapped[str | None] = mapped_column(String(100), nullable=True)
    items_total: Mapped[int] = mapped_column(Integer, default=0)
    events_total: Mapped[int] = mapped_column(Integer, default=0)
    updated_total: Mapped[int] = mapped_column(Integer, default=0)
    skipped_total: Mapped[int] = mapped_column(Integer, default=0)


class WatchDaily(Base):
    """Per source and UTC day: polls, new items, their events, corrections, errors, skipped items."""

    __tablename__ = "watch_daily"

    source: Mapped[str] = mapped_column(String(200), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    polls: Mapped[int] = mapped_column(Integer, default=0)
    items: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)


class WatchItem(Base):
    """One feed item (keyed by GUID, else link) of one source, and what became of it."""

    __tablename__ = "watch_items"

    source: Mapped[str] = mapped_column(String(200), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the key
    key: Mapped[str] = mapped_column(Text)
    # sha256 of the entry as the feed gave it: unchanged entries cost no page fetch.
    fingerprint: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    article_pk: Mapped[int | None] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"),
        ForeignKey("articles.id", ondelete="SET NULL"),
        nullable=True,
    )
    # stored | updated | duplicate | not_arabic | rejected | held (a correction of reviewed events)
    status: Mapped[str] = mapped_column(String(20))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime())
