"""The models the store hands out (pydantic, so the REST API can return them as they are).

See docs/store-api.md for the contract; nothing here holds a database session.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from marsad.models import Event

# Where an event comes from (marsad.store.origin): ACLED exports, marsad's own coding, or both.
Origin = Literal["acled", "marsad", "both", "acled_only", "marsad_only"]
ReviewStatus = Literal["unreviewed", "confirmed", "edited", "rejected", "merged"]
REVIEW_STATUSES: tuple[str, ...] = ("unreviewed", "confirmed", "edited", "rejected", "merged")
ActionName = Literal["confirm", "edit", "reject", "merge", "split", "undo_merge", "dedup_merge", "restore"]

SORT_FIELDS: tuple[str, ...] = (
    "event_date", "event_id_cnty", "fatalities", "event_type", "country", "admin1",
    "location", "actor1", "actor2", "confidence", "n_sources", "updated_at",
)  # fmt: skip

# Fields a reviewer may change; ids, provenance and evidence are the machine's record, not opinions.
EDITABLE_FIELDS: tuple[str, ...] = tuple(
    f for f in Event.model_fields if f not in {"event_id_cnty", "article_id", "evidence", "timestamp"}
)


class EventFilter(BaseModel):
    """The filters shared by listing, stats, export and the REST API."""

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    q: str | None = None
    outlet: str | None = None
    origin: Origin | None = None
    bbox: tuple[float, float, float, float] | None = None
    status: list[ReviewStatus] | None = None
    primary: bool | None = None
    limit: int = Field(default=100, ge=1, le=10000)
    offset: int = Field(default=0, ge=0)
    sort: str = "-event_date"

    @field_validator("sort")
    @classmethod
    def _known_sort(cls, v: str) -> str:
        if v.lstrip("-") not in SORT_FIELDS:
            raise ValueError(f"unknown sort field '{v}': use one of {', '.join(SORT_FIELDS)}")
        return v

    @field_validator("country", "admin1", "event_type", "sub_event_type", "actor", "q", "outlet")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v.strip() or None if v is not None else None


class EventRecord(Event):
    """A stored event: the coded Event plus its place in the store."""

    id: int
    status: ReviewStatus = "unreviewed"
    merged_into: str | None = None
    n_sources: int = 1
    created_at: datetime
    updated_at: datetime


class EventPage(BaseModel):
    # Matches for the filter, counted up to offset + 10,000: when there are more, `total` is that
    # bound and `total_exact` is False ("10,000+"). Store.list_events(f, exact_total=True) counts all.
    total: int
    total_exact: bool = True
    limit: int
    offset: int
    items: list[EventRecord]


class SourceRef(BaseModel):
    article_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    fatalities: int = 0
    via_event: str


class EvidenceSpan(BaseModel):
    field: str
    article_id: str
    start: int
    end: int
    text: str = ""
    event_id: str


class ReviewAction(BaseModel):
    id: int
    event_id: str
    user: str
    action: ActionName
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    at: datetime
    note: str | None = None


class EventDetail(BaseModel):
    event: EventRecord
    sources: list[SourceRef]
    evidence: list[EvidenceSpan]
    members: list[str]
    history: list[ReviewAction]


class ArticleDetail(BaseModel):
    article_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    text: str
    content_hash: str
    ingested_at: datetime
    events: list[EventRecord]
    evidence: list[EvidenceSpan]


class ArticleSummary(BaseModel):
    article_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    n_events: int = 0
    snippet: str = ""


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class ActorCount(BaseModel):
    actor: str
    inter: int | None = None
    events: int
    fatalities: int


class PlaceCount(BaseModel):
    location: str
    admin1: str
    country: str
    latitude: float | None = None
    longitude: float | None = None
    events: int
    fatalities: int


class Bucket(BaseModel):
    key: str
    events: int
    fatalities: int


class Stats(BaseModel):
    total_events: int
    total_fatalities: int
    by_day: list[Bucket]
    by_type: list[Bucket]
    by_admin1: list[Bucket]
    by_country: list[Bucket]


class MergeRecord(BaseModel):
    merge_id: int
    survivor: str
    absorbed: list[str]
    kind: Literal["dedup", "manual"]
    reason: dict[str, Any]
    user: str
    at: datetime
    undone_at: datetime | None = None


class RejectInfo(BaseModel):
    """One line of a rejects file; the same keys as `marsad extract` writes (io.readers.reject_line)."""

    source: str
    line: int | None = None
    id: str | None = None
    kind: str = "rejected"  # or "warning": processed, with a caveat (e.g. text cut at MAX_CHARS)
    reason: str


class IngestReport(BaseModel):
    run_id: int
    seen: int = 0
    added: int = 0
    skipped_duplicates: int = 0
    events_added: int = 0
    rejects: list[RejectInfo] = Field(default_factory=list)
    warnings: list[RejectInfo] = Field(default_factory=list)
    merges: int = 0
    exit_code: int = 0


class DedupReport(BaseModel):
    compared_pairs: int = 0
    merges: int = 0
    events_absorbed: int = 0
    merge_ids: list[int] = Field(default_factory=list)
    seconds: float = 0.0
