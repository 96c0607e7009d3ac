"""Field equality and event matching, as fixed by the eval issue and docs/evaluation.md.

Two notions of "the same":
- *detection match* (`compatible`): loose enough to pair a prediction with the gold event it
  is about — same event type, date within 2 days (or both undated), and place within 50 km /
  same admin1 or a shared actor;
- *field equality* (`field_equal`): strict, used for per-field accuracy and argument F1.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from marsad.models import Event

# The 7 fields of the end-to-end argument F1, in report order.
ARG_FIELDS: tuple[str, ...] = (
    "event_type", "sub_event_type", "actor1", "actor2", "location", "event_date", "fatalities",
)  # fmt: skip
DETECT_KM = 50.0  # place agreement for detection
FIELD_KM = 25.0  # place equality for the location field
DATE_SLACK_DAYS = 2

# "Military Forces of Syria (2000-2024)" and "(2000-)" name the same actor as the bare name.
_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*-\s*(\d{4})?\s*\)\s*$")
_ADMIN_WORDS = re.compile(r"\b(governorate|province|wilayah|wilaya|muhafazat|state)\b")
_NON_ALNUM = re.compile(r"[^0-9a-z\u0600-\u06ff]+")


def norm_actor(name: str | None) -> str:
    """Comparison key of an actor name: period suffix off, case folded, spaces collapsed."""
    s = _PERIOD.sub("", (name or "").strip())
    return " ".join(s.casefold().split())


def norm_admin(name: str | None) -> str:
    """Comparison key of an admin1 name: case, punctuation and 'governorate'/'province' ignored."""
    s = _ADMIN_WORDS.sub(" ", (name or "").casefold())
    return _NON_ALNUM.sub("", s)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088  # mean Earth radius
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def distance_km(g: Event, p: Event) -> float | None:
    """Great-circle distance between two events, or None when either lacks coordinates."""
    if None in (g.latitude, g.longitude, p.latitude, p.longitude):
        return None
    return haversine_km(g.latitude, g.longitude, p.latitude, p.longitude)  # type: ignore[arg-type]


def same_admin1(g: Event, p: Event) -> bool:
    """Same first-level division. The country must agree too when both give one: Tripoli
    (Lebanon) and Tripoli (Libya) sit in different admin1s even if a name ever collided."""
    a, b = norm_admin(g.admin1), norm_admin(p.admin1)
    if not a or a != b:
        return False
    return not (g.country and p.country and g.country.casefold() != p.country.casefold())


def _parse_date(s: str) -> date | None:
    try:
        return date.fromisoformat(s) if s else None
    except ValueError:
        return None


def location_equal(g: Event, p: Event) -> bool:
    """The location field: within 25 km, or the same admin1 when gold is only a region (prec. 3)."""
    d = distance_km(g, p)
    if d is not None and d <= FIELD_KM:
        return True
    if g.geo_precision == 3 and same_admin1(g, p):
        return True
    if d is None and g.latitude is None and p.latitude is None:
        # Neither side could place it: equal only when they name the same place.
        return norm_admin(g.location) == norm_admin(p.location) and norm_admin(g.country) == norm_admin(
            p.country
        )
    return False


def field_equal(field: str, g: Event, p: Event) -> bool:
    """Strict equality of one of ARG_FIELDS between a gold and a predicted event."""
    if field in ("actor1", "actor2"):
        return norm_actor(getattr(g, field)) == norm_actor(getattr(p, field))
    if field == "location":
        return location_equal(g, p)
    if field == "event_date":
        return (g.event_date or "") == (p.event_date or "")
    if field == "fatalities":
        return int(g.fatalities or 0) == int(p.fatalities or 0)
    return (getattr(g, field) or "") == (getattr(p, field) or "")


def field_present(field: str, e: Event) -> bool:
    """Whether an event 'has' a field, for counting an unmatched event's FNs/FPs.

    Fatalities are always present: 0 is a coded claim ("no deaths reported", CODING.md §6).
    """
    if field == "fatalities":
        return True
    if field == "location":
        return e.latitude is not None or bool(e.location.strip())
    return bool(str(getattr(e, field) or "").strip())


def dates_close(g: Event, p: Event) -> bool:
    """Within 2 days, or both undated. A dated and an undated event never match."""
    dg, dp = _parse_date(g.event_date), _parse_date(p.event_date)
    if dg is None and dp is None:
        return not g.event_date and not p.event_date
    if dg is None or dp is None:
        return False
    return abs((dg - dp).days) <= DATE_SLACK_DAYS


def shares_actor(g: Event, p: Event) -> bool:
    ga = {norm_actor(g.actor1), norm_actor(g.actor2)} - {""}
    pa = {norm_actor(p.actor1), norm_actor(p.actor2)} - {""}
    return bool(ga & pa)


def place_or_actor(g: Event, p: Event) -> bool:
    d = distance_km(g, p)
    return (d is not None and d <= DETECT_KM) or same_admin1(g, p) or shares_actor(g, p)


def compatible(g: Event, p: Event, *, ignore_type: bool = False) -> bool:
    """The detection criterion of the issue. `ignore_type` is for the confusion table."""
    if not ignore_type and g.event_type != p.event_type:
        return False
    return dates_close(g, p) and place_or_actor(g, p)


def similarity(g: Event, p: Event) -> int:
    """How many of the 7 argument fields agree: the greedy matcher's score."""
    return sum(field_equal(f, g, p) for f in ARG_FIELDS)


@dataclass(frozen=True, slots=True)
class Pair:
    gold: int  # index into the gold list
    pred: int  # index into the prediction list
    score: float  # similarity; the official ruler's is a weighted sum
    km: float | None


def greedy_match(
    gold: Sequence[Event],
    pred: Sequence[Event],
    ok: Callable[[Event, Event], bool] = compatible,
) -> list[Pair]:
    """One-to-one pairs, taken greedily by similarity.

    Order: more equal fields first; then the shorter distance (unknown distance last); then a
    primary gold event before a background one, so a prediction that fits both is credited;
    then list order, so the result never depends on hash order.
    """
    cands: list[tuple[tuple[float, float, int, int, int], Pair]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if not ok(g, p):
                continue
            km = distance_km(g, p)
            pair = Pair(gi, pi, similarity(g, p), km)
            key = (-pair.score, math.inf if km is None else km, 0 if g.primary else 1, gi, pi)
            cands.append((key, pair))
    cands.sort(key=lambda c: c[0])
    return one_to_one(pair for _key, pair in cands)


def one_to_one(ranked: Iterable[Pair]) -> list[Pair]:
    """Take candidate pairs best first, skipping any whose gold or prediction is already
    taken; the result in (gold, prediction) order. Both rulers' greedy step."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[Pair] = []
    for pair in ranked:
        if pair.gold in used_g or pair.pred in used_p:
            continue
        used_g.add(pair.gold)
        used_p.add(pair.pred)
        pairs.append(pair)
    return sorted(pairs, key=lambda pr: (pr.gold, pr.pred))
