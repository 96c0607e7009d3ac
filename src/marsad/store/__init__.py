"""The event store: SQLAlchemy 2 + Alembic, SQLite by default, PostgreSQL via MARSAD_DATABASE_URL.

The public API is documented in docs/store-api.md.
"""

import importlib
from typing import Any

# Imported on first use (PEP 562): `marsad extract` and the CLI's start-up must not pay for
# SQLAlchemy and Alembic when no database is touched.
_HOMES = {
    "Store": "marsad.store.core",
    "database_url": "marsad.store.db",
    "make_engine": "marsad.store.db",
    "upgrade": "marsad.store.db",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        module = _HOMES[name]
    elif name in __all__:
        module = "marsad.store.types"
    else:
        raise AttributeError(f"module 'marsad.store' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


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
