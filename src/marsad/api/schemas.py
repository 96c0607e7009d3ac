"""Request models and the query parameters of the event filter.

Responses reuse the store's pydantic models (marsad.store.types) so there is one definition of
each record. Everything a client sends is validated here, with bounds, before the store sees it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from marsad.models import Event
from marsad.store.codebook import (
    DISORDERS,
    EVENT_TYPES,
    INTER_CODES,
    INTERACTIONS,
    SUB_TYPES,
    canonical,
)
from marsad.store.origin import ORIGINS
from marsad.store.types import EDITABLE_FIELDS, REVIEW_STATUSES, SORT_FIELDS, EventFilter

# Sort keys as a Literal so the OpenAPI schema lists them ("-" = descending).
SORT_KEYS: tuple[str, ...] = tuple(f"{p}{n}" for n in SORT_FIELDS for p in ("", "-"))
SortKey = Literal[SORT_KEYS]  # type: ignore[valid-type]
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


def _one_of(allowed: tuple[Any, ...], what: str, *, fold: bool = True) -> Any:
    """A value from a fixed list, matched case-insensitively and returned as the list spells it;
    anything else is refused with the list in the message. The schema lists the values."""
    shown = ", ".join(str(a) for a in allowed)

    def check(v: Any) -> Any:
        if isinstance(v, str) and (m := _FILTER_BAD.search(v)):
            # Refused before it is echoed in a message.
            raise PydanticCustomError(
                "control_character",
                "must not contain control characters (found U+{code})",
                {"code": f"{ord(m.group()):04X}"},
            )
        if isinstance(v, str) and fold:
            hit = canonical(v, allowed)  # type: ignore[arg-type]
            if hit is not None:
                return hit
        elif v in allowed:
            return v
        raise PydanticCustomError("enum", "'{value}' is not {what}; use one of: {allowed}",
                                  {"value": v, "what": what, "allowed": shown})  # fmt: skip

    kind = "string" if fold else "integer"
    return [AfterValidator(check), WithJsonSchema({"type": kind, "enum": list(allowed)})]


Name = Annotated[str, StringConstraints(max_length=100)]
EventTypeName = Annotated[str, *_one_of(EVENT_TYPES, "an event type")]
SubTypeName = Annotated[str, *_one_of(SUB_TYPES, "a sub-event type")]
DisorderName = Annotated[str, *_one_of(DISORDERS, "a disorder type")]
StatusName = Annotated[str, *_one_of(REVIEW_STATUSES, "a review status")]
OriginName = Annotated[str, *_one_of(ORIGINS, "an origin")]
InterCode = Annotated[int, *_one_of(INTER_CODES, "an inter code", fold=False)]
InteractionCode = Annotated[int, *_one_of(INTERACTIONS, "an interaction code", fold=False)]
MAX_VALUES = 50  # values of one repeated parameter


def _many(description: str, **kw: Any) -> Any:
    return Field(
        None, max_length=MAX_VALUES, description=description + " Repeat the parameter for several.", **kw
    )


_DATE = {"format": "date"}


def _iso_time(v: str | None) -> str | None:
    # Blank is refused too: the schema says date-time, and a sync client that sends an empty time
    # has lost its place (it should send none).
    if v is not None:
        try:
            datetime.fromisoformat(v.strip())
        except ValueError:
            raise PydanticCustomError(
                "datetime", "'{value}' is not an ISO 8601 time: use e.g. 2024-03-11T08:00:00Z", {"value": v}
            ) from None
    return v


def _about(field: str, reason: str) -> PydanticCustomError:
    """A check across parameters: the error names the parameter (errors.py reads ctx["field"]),
    so a client can show the reason beside it rather than nowhere."""
    return PydanticCustomError("value_error", "{reason}", {"field": field, "reason": reason})


class FilterParams(BaseModel):
    """The event filter as query parameters, shared by lists, map points, actors, places, stats and
    exports. A repeated parameter means "any of these"; different parameters combine with AND.
    Unknown parameters are refused."""

    model_config = ConfigDict(extra="forbid")

    # Dates as ISO text checked by date.fromisoformat: pydantic's lax date parsing would take
    # "0" as a Unix timestamp.
    date_from: str | None = Field(
        None, max_length=10, json_schema_extra=_DATE, description="YYYY-MM-DD, inclusive"
    )
    date_to: str | None = Field(
        None, max_length=10, json_schema_extra=_DATE, description="YYYY-MM-DD, inclusive"
    )
    undated: bool | None = Field(None, description="true: only events without a date; false: only dated ones")
    country: list[Name] | None = _many(
        "Country: English name, Arabic name (سوريا) or ISO3 code (SYR), any case."
    )
    iso: list[Annotated[int, Field(ge=0, le=999)]] | None = _many("ISO 3166-1 numeric country code (760).")
    admin1: list[Name] | None = _many("First-level division, any case.")
    disorder_type: list[DisorderName] | None = _many("Disorder type, any case.")
    event_type: list[EventTypeName] | None = _many("Event type (CODING.md §2), any case.")
    sub_event_type: list[SubTypeName] | None = _many("Sub-event type, any case.")
    actor: list[Annotated[str, StringConstraints(max_length=200)]] | None = _many(
        "Actor: part of an English name (any case), or an Arabic alias of the knowledge base "
        "(الحوثي → Houthi Movement). Matches actor1, actor2 and associated actors."
    )
    inter1: list[InterCode] | None = _many("Inter code of actor1 (1 state forces … 8 external forces).")
    inter2: list[InterCode] | None = _many("Inter code of actor2.")
    interaction: list[InteractionCode] | None = _many(
        "Interaction code, an integer like inter1/inter2: the two codes, lower first (12, 28); "
        "one-sided events are the code and 0 (60)."
    )
    fatalities_min: int | None = Field(None, ge=0, le=1_000_000, description="At least this many fatalities")
    fatalities_max: int | None = Field(None, ge=0, le=1_000_000, description="At most this many fatalities")
    updated_since: str | None = Field(
        None,
        max_length=40,
        json_schema_extra={"format": "date-time"},
        description="Events added or changed (edited, reviewed, merged) at or after this ISO 8601 time "
        "(UTC when no zone is given): incremental sync. Removed events: /api/deletions.",
    )
    q: str | None = Field(None, max_length=200, description="Full-text query on the source reports")
    outlet: list[Annotated[str, StringConstraints(max_length=200)]] | None = _many("Outlet name of a source.")
    origin: list[OriginName] | None = _many(
        "acled: events an ACLED export (`marsad ingest --acled`) has; marsad: events marsad coded "
        "from reports; both; acled_only (what marsad missed); marsad_only (what ACLED lacks)."
    )
    bbox: str | None = Field(
        None,
        max_length=100,
        pattern=r"^\s*-?\d+(\.\d+)?\s*(,\s*-?\d+(\.\d+)?\s*){3}$",
        description="min_lon,min_lat,max_lon,max_lat",
    )
    status: list[StatusName] | None = Field(
        None,
        max_length=5,
        description="Review status; default: all but rejected and merged. Repeat for several.",
    )
    primary: bool | None = None

    @field_validator("date_from", "date_to")
    @classmethod
    def _real_day(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                if len(v) != 10:
                    raise ValueError(v)
                date.fromisoformat(v)
            except ValueError:
                raise PydanticCustomError(
                    "date", "'{value}' is not a real date: use YYYY-MM-DD", {"value": v}
                ) from None
        return v

    @field_validator("updated_since")
    @classmethod
    def _timestamp(cls, v: str | None) -> str | None:
        return _iso_time(v)

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, v: str | None) -> str | None:
        if v is not None and v.strip():
            w, s, e, n = (float(x) for x in v.split(","))
            if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
                raise PydanticCustomError(
                    "bbox", "bbox must be west,south,east,north within -180..180 and -90..90"
                )
        return v

    @model_validator(mode="after")
    def _consistent(self) -> FilterParams:
        for name, v in self:
            for item in v if isinstance(v, list) else [v]:
                if isinstance(item, str) and (m := _FILTER_BAD.search(item)):
                    raise _about(
                        name, f"{name} must not contain control characters (found U+{ord(m.group()):04X})"
                    )
        dates = (self.date_from or "").strip(), (self.date_to or "").strip()
        if all(dates) and dates[0] > dates[1]:
            raise _about("date_from", "date_from is after date_to")
        low, high = self.fatalities_min, self.fatalities_max
        if low is not None and high is not None and low > high:
            raise _about("fatalities_min", "fatalities_min is above fatalities_max")
        return self

    def to_filter(self, **paging: Any) -> EventFilter:
        data = self.model_dump(include=set(FilterParams.model_fields))
        # Blank text boxes in the UI mean "no filter", not "equals the empty string".
        data = {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in data.items()}
        if data["bbox"]:
            data["bbox"] = tuple(float(x) for x in data["bbox"].split(","))
        for name in ("date_from", "date_to"):
            data[name] = date.fromisoformat(data[name]) if data[name] else None
        if data["updated_since"] is not None:
            data["updated_since"] = datetime.fromisoformat(data["updated_since"].strip())
        return EventFilter(**data, **paging)


class EventsQuery(FilterParams):
    limit: int = Field(50, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=100_000_000)
    sort: SortKey = "-event_date"


class PointsQuery(FilterParams):
    limit: int = Field(1000, ge=1, le=10000)


class CountsQuery(FilterParams):
    limit: int = Field(500, ge=1, le=5000)


class ExportQuery(FilterParams):
    format: ExportFormat = "csv"
    sort: SortKey = "-event_date"


class ArticlesQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    q: str | None = Field(None, max_length=200, description="Full-text query")
    limit: int = Field(50, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=100_000_000)


class MergesQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event_id: str | None = Field(None, max_length=40)
    include_undone: bool = False


class DeletionsQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    since: str | None = Field(
        None,
        max_length=40,
        json_schema_extra={"format": "date-time"},
        description="Only ids removed at or after this ISO 8601 time (UTC when no zone is given)",
    )
    limit: int = Field(1000, ge=1, le=10000)
    offset: int = Field(0, ge=0, le=100_000_000)

    @field_validator("since")
    @classmethod
    def _timestamp(cls, v: str | None) -> str | None:
        return _iso_time(v)

    def since_time(self) -> datetime | None:
        if self.since is None:
            return None
        t = datetime.fromisoformat(self.since.strip())
        return t if t.tzinfo else t.replace(tzinfo=UTC)


class NoteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: NoteText = None


def _changes_model() -> type[BaseModel]:
    """Every editable Event field, optional, typed as on Event; unknown fields are refused."""
    fields: dict[str, Any] = {}
    for name in EDITABLE_FIELDS:
        info = Event.model_fields[name]
        # Same type as on Event (not made nullable): a default of None just means "not sent".
        # interaction is a number in the API, as inter1/inter2 (and it follows from them).
        fields[name] = (int | None if name == "interaction" else info.annotation, None)
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


class CountryInfo(BaseModel):
    name: str
    iso: int
    iso3: str
    region: str
    arabic: str


class Meta(BaseModel):
    version: str
    public_read: bool
    sort_fields: list[str]
    editable_fields: list[str]
    event_types: dict[str, list[str]]
    max_page_size: int
    max_request_bytes: int
    disorder_types: list[str] = []
    inter_codes: dict[str, str] = Field(default_factory=dict, description="inter code -> ACLED label")
    interactions: list[int] = []
    review_statuses: list[str] = []
    countries: list[CountryInfo] = []
