"""The records that flow through marsad: an input `Article`, an output `Event`, and the `Span`
that ties every coded field back to the words of the report (CODING.md §7-8)."""

from __future__ import annotations

import hashlib
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator

# CODING.md §8: ACLED's 31 columns in ACLED's order, then marsad's own.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
MARSAD_COLUMNS: tuple[str, ...] = ("article_id", "primary", "injuries", "weapons", "confidence", "evidence")
OUTPUT_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + MARSAD_COLUMNS
# Column types for typed outputs (Parquet, Spark); every other column is text.
INT_COLUMNS = frozenset(
    {"year", "time_precision", "inter1", "inter2", "iso", "geo_precision", "fatalities", "injuries"}
)
FLOAT_COLUMNS = frozenset({"latitude", "longitude", "confidence"})


class Span(BaseModel):
    """A half-open character range [start, end) in the article's original text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = ""


class Article(BaseModel):
    """One news report as it enters the pipeline."""

    id: str = ""
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _date_only(cls, v: object) -> object:
        # Accept full timestamps ("2020-08-19T10:00:00Z") and keep the day.
        if isinstance(v, str) and len(v) > 10 and v[4] == "-":
            return v[:10]
        if v == "":
            return None
        return v

    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def ensure_id(self) -> Article:
        if not self.id:
            self.id = self.content_hash()[:16]
        return self


class Event(BaseModel):
    """One coded event, CODING.md §1-8. Empty strings stand for empty ACLED cells."""

    event_id_cnty: str = ""
    event_date: str = ""  # YYYY-MM-DD or "" when unknown
    year: int | None = None
    time_precision: int = 3
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    interaction: str = ""
    civilian_targeting: str = ""
    iso: int | None = None
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = 0
    tags: str = ""
    timestamp: int = 0
    # marsad's own columns
    article_id: str = ""
    primary: bool = True
    injuries: int | None = None
    weapons: list[str] = Field(default_factory=list)
    confidence: float = 0.0
    evidence: dict[str, list[Span]] = Field(default_factory=dict)

    @field_validator("interaction", mode="before")
    @classmethod
    def _interaction_text(cls, v: object) -> object:
        # Stored events carry it as a number (the API's and ACLED's convention): read either.
        if v is None:
            return ""
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

    def acled_row(self) -> dict[str, object]:
        """The flat row of CODING.md §8, as written to CSV (lists and evidence as text)."""
        d = self.model_dump(mode="json")
        d["weapons"] = "; ".join(self.weapons)
        d["evidence"] = self.model_dump_json(include={"evidence"})[len('{"evidence":') : -1]
        return {k: ("" if d[k] is None else d[k]) for k in OUTPUT_COLUMNS}


class ArticleResult(BaseModel):
    """An article with the events found in it: one line of `marsad extract -o X.jsonl`."""

    id: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    events: list[Event] = Field(default_factory=list)
