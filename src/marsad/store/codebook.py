"""CODING.md's code lists and the knowledge base, as the store and the API look them up: the event
taxonomy, inter codes and interaction, the countries with their ISO numbers and regions, and the
actors with their Arabic aliases.

Review validation (store.review_rules) and the event filter (store.repository, api.schemas) both
read them from here, so a value the API accepts in a filter is the value an edit may write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from marsad.knowledge.lexicon import (
    DISORDER_TYPES,
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    ActorEntry,
    data_path,
    load_actors,
)
from marsad.text.normalize import fold

DISORDERS: tuple[str, ...] = tuple(dict.fromkeys(DISORDER_TYPES.values()))
SUB_TYPES: tuple[str, ...] = tuple(SUB_EVENT_TYPES)
INTER_CODES: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7, 8)
# CODING.md §3: the two inter codes, lower first; a one-sided event is its code and 0.
INTERACTIONS: tuple[int, ...] = tuple(
    sorted({a * 10 + b for a in INTER_CODES for b in INTER_CODES if a <= b} | {a * 10 for a in INTER_CODES})
)
CIVILIANS = 7
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*[-–]\s*(?:\d{4})?\s*\)\s*$")


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def canonical(value: str, allowed: tuple[str, ...]) -> str | None:
    """`value` as spelled in `allowed`, compared case-insensitively; None when it is not there."""
    key = " ".join(value.split()).casefold()
    return next((a for a in allowed if a.casefold() == key), None)


def event_type_of(sub_event_type: str) -> str | None:
    return SUB_EVENT_TYPES.get(sub_event_type)


def sub_types_of(event_type: str) -> list[str]:
    return [s for s, t in SUB_EVENT_TYPES.items() if t == event_type]


def interaction(inter1: int | None, inter2: int | None) -> str:
    """The interaction code as stored ("28", "60"), "" when neither side has a code."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    return "".join(map(str, codes)) if len(codes) == 2 else f"{codes[0]}0"


# --- countries -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # ACLED's English name
    iso: int  # ISO 3166-1 numeric
    region: str  # ACLED region
    iso3: str
    arabic: tuple[str, ...]


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    from marsad.store.convert import iso3_for

    with data_path("countries").open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    return tuple(
        Country(
            code=c["code"],
            name=c["name"],
            iso=int(c["iso"]),
            region=c["region"],
            iso3=iso3_for(c["name"], int(c["iso"])),
            arabic=tuple(c.get("arabic") or ()),
        )
        for c in doc["countries"]
    )


@lru_cache(maxsize=1)
def _country_index() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for c in countries():
        out.setdefault(c.name.casefold(), c)
        out.setdefault(c.iso3.casefold(), c)
        for a in c.arabic:
            out.setdefault(fold(a), c)
    return out


def find_country(value: str) -> Country | None:
    """A country of the knowledge base by English name, ISO3 code or Arabic name (any case)."""
    v = " ".join(value.split())
    if not v:
        return None
    index = _country_index()
    return index.get(fold(v)) if has_arabic(v) else index.get(v.casefold())


def country_by_iso(iso: int) -> Country | None:
    return next((c for c in countries() if c.iso == iso), None)


def country_names() -> list[str]:
    return [c.name for c in countries()]


# --- actors ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def actors() -> tuple[ActorEntry, ...]:
    # The packaged lexicon plus $MARSAD_KNOWLEDGE_DIR, as the extractor loads it.
    return tuple(load_actors())


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, tuple[ActorEntry, ...]]:
    out: dict[str, list[ActorEntry]] = {}
    for e in actors():
        for alias in e.aliases:
            key = fold(alias.rstrip("*"))
            if e not in out.setdefault(key, []):
                out[key].append(e)
    return {k: tuple(v) for k, v in out.items()}


def actors_for_alias(value: str) -> tuple[ActorEntry, ...]:
    """The actors one of whose Arabic aliases is `value` (folded: hamza, ta marbuta and diacritics
    do not matter). A bare word can name several ("الجيش" names every country's army)."""
    key = fold(value)
    found = _alias_index().get(key)
    if found is None and key.startswith("ال"):
        found = _alias_index().get(key[2:])
    return found or ()


def name_patterns(entry: ActorEntry) -> list[str]:
    """LIKE patterns (lower case, unescaped '%' as wildcard) of the names an actor is stored
    under: a template's country slot and a country or period qualifier may follow."""
    if entry.template:
        head, _, tail = entry.name.partition("{country}")
        return [f"{_like_escape(head.lower())}%{_like_escape(tail.lower())}%"]
    return [f"{_like_escape(entry.name.lower())}%"]


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class KnownActor:
    entry: ActorEntry
    country: str | None  # the country written in the name ("Military Forces of Russia"), if any


@lru_cache(maxsize=1)
def _name_index() -> tuple[dict[str, ActorEntry], list[tuple[re.Pattern[str], ActorEntry]]]:
    exact: dict[str, ActorEntry] = {}
    shaped: list[tuple[re.Pattern[str], ActorEntry]] = []
    for e in actors():
        if e.template:
            head, _, tail = e.name.partition("{country}")
            shaped.append((re.compile(f"{re.escape(head)}(.+?){re.escape(tail)}", re.I), e))
            continue
        exact.setdefault(e.name.casefold(), e)
        if e.country_qualified:
            shaped.append((re.compile(rf"{re.escape(e.name)} \((.+)\)", re.I), e))
    return exact, shaped


def find_actor(name: str) -> KnownActor | None:
    """The knowledge-base actor an actor1/actor2 name stands for (CODING.md §3 names: a period
    suffix such as "(2000-2024)" is ignored), or None for a name the knowledge base lacks."""
    n = _PERIOD.sub("", " ".join(name.split()))
    exact, shaped = _name_index()
    if (e := exact.get(n.casefold())) is not None:
        return KnownActor(e, None)
    for pattern, e in shaped:
        if (m := pattern.fullmatch(n)) is not None:
            return KnownActor(e, m.group(1).strip())
    return None


def actor_inter(known: KnownActor, event_country: Country | None) -> int:
    """The inter code of a known actor on an event in `event_country`: state forces acting outside
    their own country are external forces (8), as the coder does."""
    e = known.entry
    if e.inter != 1 or event_country is None:
        return e.inter
    if e.template:
        home = find_country(known.country or "")
        if home is None and known.country and known.country.casefold() != event_country.name.casefold():
            return 8
        return 8 if home is not None and home.code != event_country.code else 1
    return 8 if e.country and e.country != event_country.code else 1


def actor_display(entry: ActorEntry, event_country: str) -> str:
    """The name written to actor1/actor2 for `entry` on an event in `event_country`."""
    return entry.display_name(event_country or None)


__all__ = [
    "DISORDERS",
    "DISORDER_TYPES",
    "EVENT_TYPES",
    "INTERACTIONS",
    "INTER_CODES",
    "SUB_TYPES",
    "Country",
    "KnownActor",
    "actor_display",
    "actor_inter",
    "actors_for_alias",
    "canonical",
    "countries",
    "country_by_iso",
    "country_names",
    "event_type_of",
    "find_actor",
    "find_country",
    "has_arabic",
    "interaction",
    "name_patterns",
    "sub_types_of",
]
