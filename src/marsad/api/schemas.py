"""Request models and the query parameters of the event filter.

Responses reuse the store's pydantic models (marsad.store.types) so there is one definition of
each record. Everything a client sends is validated here, with bounds, before the store sees it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, model_validator

from marsad.models import Event
from marsad.store.types import EDITABLE_FIELDS, SORT_FIELDS, EventFilter, Origin

# Sort keys as a Literal so the OpenAPI schema lists them ("-" = descending).
SORT_KEYS: tuple[str, ...] = tuple(f"{p}{n}" for n in SORT_FIELDS for p in ("", "-"))
SortKey = Literal[SORT_KEYS]  # type: ignore[valid-type]
Status = Literal["unreviewed", "confirmed", "edited", "rejected", "merged"]
ExportFormat = Literal["csv", "jsonl", "geojson", "parquet"]

Text = Annotated[str | None, Query(max_length=200)]

# Control characters and lone surrogates have no place in a filter or a note: NUL is refused by
# PostgreSQL (a 500) and ends the string for SQLite's LIKE (actor=%00 matched every event).
_FILTER_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_NOTE_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")  # keeps \t \n \r


def _refuse(pattern: re.Pattern[str], what: str) -> Any:
    def check(v: str | None) -> str | None:
        if v is not None and (m := pattern.search(v)):
            raise ValueError(f"{what} must not contain control characters (found U+{ord(m.group()):04X})")
        return v

    return AfterValidator(check)


def _no_bidi(v: str | None) -> str | None:
    from marsad.io.clean import strip_bidi

    return strip_bidi(v) if v is not None else v


# Bidi overrides are removed from notes: a note is shown on its own, where U+202E would reverse it.
NoteText = Annotated[
    str | None, Field(None, max_length=2000), _refuse(_NOTE_BAD, "a note"), AfterValidator(_no_bidi)
]


class FilterParams(BaseModel):
    """The event filter as query parameters, shared by lists, stats, map points and exports."""

    # Dates as ISO text checked by date.fromisoformat: pydantic's lax date parsing would take
    # "0" as a Unix timestamp.
    date_from: str | None = Field(
        None, max_length=10, json_schema_extra={"format": "date"}, description="YYYY-MM-DD, inclusive"
    )
    date_to: str | None = Field(
        None, max_length=10, json_schema_extra={"format": "date"}, description="YYYY-MM-DD, inclusive"
    )
    country: str | None = Field(None, max_length=100, description="Country name or ISO3")
    admin1: str | None = Field(None, max_length=100)
    event_type: str | None = Field(None, max_length=100)
    sub_event_type: str | None = Field(None, max_length=100)
    actor: str | None = Field(None, max_length=200, description="Substring of any actor name")
    q: str | None = Field(None, max_length=200, description="Full-text query on the source reports")
    outlet: str | None = Field(None, max_length=200)
    origin: Origin | None = Field(
        None,
        description="acled: events an ACLED export (`marsad ingest --acled`) has; marsad: events marsad coded "
        "from reports; both; acled_only (what marsad missed); marsad_only (what ACLED lacks)",
    )
    bbox: str | None = Field(
        None,
        max_length=100,
        pattern=r"^\s*-?\d+(\.\d+)?\s*(,\s*-?\d+(\.\d+)?\s*){3}$",
        description="min_lon,min_lat,max_lon,max_lat",
    )
    status: list[Status] | None = Field(None, max_length=5)
    primary: bool | None = None

    @model_validator(mode="after")
    def _printable(self) -> FilterParams:
        for name, v in self:
            if isinstance(v, str) and (m := _FILTER_BAD.search(v)):
                raise ValueError(f"{name} must not contain control characters (found U+{ord(m.group()):04X})")
        return self

    def to_filter(self, **paging: Any) -> EventFilter:
        from marsad.api.errors import ApiError

        bbox = None
        if self.bbox:
            w, s, e, n = (float(x) for x in self.bbox.split(","))
            if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
                raise ApiError(422, "validation_error", "Invalid request: bbox must be west,south,east,north")
            bbox = (w, s, e, n)
        days: dict[str, date | None] = {}
        for name in ("date_from", "date_to"):
            raw = getattr(self, name)
            try:
                if raw is not None and len(raw) != 10:
                    raise ValueError(raw)
                days[name] = date.fromisoformat(raw) if raw is not None else None
            except ValueError:
                raise ApiError(
                    422, "validation_error", f"Invalid request: {name} is not a real date"
                ) from None
        if days["date_from"] and days["date_to"] and days["date_from"] > days["date_to"]:
            raise ApiError(422, "validation_error", "Invalid request: date_from is after date_to")
        data = {**self.model_dump(exclude={"bbox"}), **days}
        # Blank text boxes in the UI mean "no filter", not "equals the empty string".
        data = {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in data.items()}
        return EventFilter(**data, bbox=bbox, **paging)


class NoteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: NoteText = None


def _changes_model() -> type[BaseModel]:
    """Every editable Event field, optional, typed as on Event; unknown fields are refused."""
    fields: dict[str, Any] = {}
    for name in EDITABLE_FIELDS:
        info = Event.model_fields[name]
        # Same type as on Event (not made nullable): a default of None just means "not sent".
        fields[name] = (info.annotation, None)
    config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})
    return create_model("EventChanges", __config__=config, **fields)


EventChanges = _changes_model()


class EditBody(BaseModel):
    """Field changes for one event: {"changes": {"fatalities": 3, "admin1": "Homs"}}.
    Only the fields present in `changes` are changed."""

    model_config = ConfigDict(extra="forbid")
    changes: EventChanges  # type: ignore[valid-type]
    note: NoteText = None

    @model_validator(mode="after")
    def _not_empty(self) -> EditBody:
        if not self.changed():
            raise ValueError("changes must name at least one field")
        return self

    def changed(self) -> dict[str, Any]:
        return self.changes.model_dump(exclude_unset=True)  # type: ignore[attr-defined]


class MergeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event_ids: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(min_length=2, max_length=50)
    note: NoteText = None


class SplitBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    members: list[Annotated[str, Field(min_length=1, max_length=40)]] | None = Field(None, max_length=50)
    note: NoteText = None


class MapPoint(BaseModel):
    """One event on the map: just what drawing and the tooltip need."""

    id: str
    lat: float
    lon: float
    event_type: str
    sub_event_type: str
    event_date: str
    fatalities: int
    location: str
    admin1: str
    status: str


class MapPoints(BaseModel):
    total: int = Field(description="Events matching the filter, with or without coordinates")
    truncated: bool
    points: list[MapPoint]


class Me(BaseModel):
    user: str | None
    can_write: bool
    public_read: bool


class Meta(BaseModel):
    version: str
    public_read: bool
    sort_fields: list[str]
    editable_fields: list[str]
    event_types: dict[str, list[str]]
    max_page_size: int
    max_request_bytes: int
