"""The event store: SQLAlchemy 2 + Alembic, SQLite by default, PostgreSQL via MARSAD_DATABASE_URL.

The public API is documented in docs/store-api.md.
"""

from marsad.store.core import Store
from marsad.store.db import database_url, make_engine, upgrade
from marsad.store.types import (
    EDITABLE_FIELDS,
    SORT_FIELDS,
    ActorCount,
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    Bucket,
    DedupReport,
    EventDetail,
    EventFilter,
    EventPage,
    EventRecord,
    EvidenceSpan,
    IngestReport,
    MergeRecord,
    PlaceCount,
    RejectInfo,
    ReviewAction,
    ReviewStatus,
    SourceRef,
    Stats,
)

__all__ = [
    "EDITABLE_FIELDS",
    "SORT_FIELDS",
    "ActorCount",
    "ArticleDetail",
    "ArticlePage",
    "ArticleSummary",
    "Bucket",
    "DedupReport",
    "EventDetail",
    "EventFilter",
    "EventPage",
    "EventRecord",
    "EvidenceSpan",
    "IngestReport",
    "MergeRecord",
    "PlaceCount",
    "RejectInfo",
    "ReviewAction",
    "ReviewStatus",
    "SourceRef",
    "Stats",
    "Store",
    "database_url",
    "make_engine",
    "upgrade",
]
