"""The models the store hands out (pydantic, so the REST API can return them as they are).

See docs/store-api.md for the contract; nothing here holds a database session.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, field_validator

from marsad.models import Event

# Where an event comes from (marsad.store.origin): ACLED exports, marsad's own coding, or both.
Origin = Literal["acled", "marsad", "both", "acled_only", "marsad_only"]
ReviewStatus = Literal["unreviewed", "confirmed", "edited", "rejected", "merged"]
REVIEW_STATUSES: tuple[str, ...] = ("unreviewed", "confirmed", "edited", "rejected", "merged")
# "recompute": a field CODING.md derives, changed by the edit logged with it (its note says from what).
ActionName = Literal[
    "confirm", "edit", "recompute", "reject", "merge", "split", "undo_merge", "dedup_merge", "restore"
]

SORT_FIELDS: tuple[str, ...] = (
    "event_date", "event_id_cnty", "fatalities", "event_type", "country", "admin1",
    "location", "actor1", "actor2", "confidence", "n_sources", "updated_at",
)  # fmt: skip

# Fields a reviewer may change; ids, provenance and evidence are the machine's record, not opinions.
EDITABLE_FIELDS: tuple[str, ...] = tuple(
    f for f in Event.model_fields if f not in {"event_id_cnty", "article_id", "evidence", "timestamp"}
)


def _listify(v: Any) -> Any:
    """One value or several: a plain value is a list of one (callers written for the single-value
    filter keep working); blanks are dropped, and an empty list is no filter."""
    if v is None:
        return None
    items = list(v) if isinstance(v, (list, tuple, set, frozenset)) else [v]
    items = [i.strip() if isinstance(i, str) else i for i in items]
    items = [i for i in items if i is not None and i != ""]
    return list(dict.fromkeys(items)) or None


Many = BeforeValidator(_listify)


class EventFilter(BaseModel):
    """The filters shared by listing, stats, export and the REST API.

    Every list is "any of these" (an OR within the field); different fields combine with AND.
    A single value may be given where a list is expected."""

    date_from: date | None = None
    date_to: date | None = None
    country: Annotated[list[str] | None, Many] = None  # English or Arabic name, or ISO3
    iso: Annotated[list[int] | None, Many] = None  # ISO 3166-1 numeric
    admin1: Annotated[list[str] | None, Many] = None
    disorder_type: Annotated[list[str] | None, Many] = None
    event_type: Annotated[list[str] | None, Many] = None
    sub_event_type: Annotated[list[str] | None, Many] = None
    actor: Annotated[list[str] | None, Many] = None  # substring of a name, or an Arabic alias
    inter1: Annotated[list[int] | None, Many] = None
    inter2: Annotated[list[int] | None, Many] = None
    interaction: Annotated[list[int] | None, Many] = None  # e.g. 12, 60
    fatalities_min: int | None = Field(default=None, ge=0)
    fatalities_max: int | None = Field(default=None, ge=0)
    undated: bool | None = None  # True: only events without a date; False: only dated ones
    updated_since: datetime | None = None  # changed (added, edited, reviewed) at or after
    q: str | None = None
    outlet: Annotated[list[str] | None, Many] = None
    origin: Annotated[list[Origin] | None, Many] = None
    bbox: tuple[float, float, float, float] | None = None
    status: Annotated[list[ReviewStatus] | None, Many] = None
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

    @field_validator("q")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v.strip() or None if v is not None else None

    @field_validator("disorder_type", "event_type", "sub_event_type")
    @classmethod
    def _taxonomy_case(cls, v: list[str] | None, info: Any) -> list[str] | None:
        # "battles" means Battles; an unknown value is kept and simply matches nothing.
        from marsad.store import codebook

        allowed = {
            "disorder_type": codebook.DISORDERS,
            "event_type": codebook.EVENT_TYPES,
            "sub_event_type": codebook.SUB_TYPES,
        }[info.field_name]
        return [codebook.canonical(x, allowed) or x for x in v] if v else v

    @field_validator("updated_since")
    @classmethod
    def _utc(cls, v: datetime | None) -> datetime | None:
        # A time without a zone is UTC, as the store keeps its timestamps.
        return v.replace(tzinfo=UTC) if v is not None and v.tzinfo is None else v


class EventRecord(Event):
    """A stored event: the coded Event plus its place in the store."""

    id: int
    # An integer here, like inter1/inter2 (ACLED's numeric convention: 12, 60); the extractor's
    # Event keeps the two-digit text it writes to CSV.
    interaction: int | None = None  # type: ignore[assignment]
    status: ReviewStatus = "unreviewed"
    merged_into: str | None = None
    n_sources: int = 1
    created_at: datetime
    updated_at: datetime

    # Named as Event's validator so that it replaces it (Event's turns numbers into text).
    @field_validator("interaction", mode="before")
    @classmethod
    def _interaction_text(cls, v: object) -> object:
        if isinstance(v, str):
            v = v.strip()
            return int(v) if v.isdigit() else None
        return v


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


class Deletion(BaseModel):
    """An event that left the active data: rejected, or merged into another event."""

    event_id: str
    reason: Literal["rejected", "merged"]
    merged_into: str | None = None
    at: datetime = Field(description="When it was removed (the event's last change)")


class DeletionPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Deletion]


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
