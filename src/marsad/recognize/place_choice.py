"""Choosing among places of one name: distances, vote shares between countries, and the rank
of a candidate (its kind, its distance to the places just chosen, its population) that breaks
ties within the best tier of countries (marsad.recognize.places decides the tiers)."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.knowledge.gazetteer import Place

if TYPE_CHECKING:
    from marsad.recognize.places import PlaceRef

_KIND_RANK = {"populated": 0, "region": 1, "admin2": 2, "admin1": 3, "country": 4}


@lru_cache(maxsize=50_000)
def latin(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isascii() and ch.isalpha())


def _has_namesake_town(admin1: Place, cands: list[Place]) -> bool:
    """Whether a candidate town shares the governorate's English name (Homs city / Homs)."""
    key = latin(admin1.name)[:4]
    return any(
        c.kind == "populated" and c.country_code == admin1.country_code and key and key in latin(c.name)
        for c in cands
    )


def country_shares(cands: list[Place]) -> dict[str, float]:
    """How much a name tells of each of its countries: all of it when it has one, else shares
    that favour the larger namesake (الرقة the Syrian city, not a Kuwaiti district so named)."""
    size: dict[str, float] = {}
    for c in cands:
        size[c.country_code] = max(size.get(c.country_code, 0.0), math.sqrt(c.population + 100))
    total = sum(size.values())
    return {cc: v / total for cc, v in size.items()}


# Distances between the candidates of a name and the places chosen before it: the same pairs
# come back for every repeated name and in the next reports of the same area.
# Keyed by the coordinates themselves (all the formula reads), so no two gazetteers can mix.
_KM: dict[tuple[float, float, float, float], float] = {}
_KM_MAX = 200_000


@cython.locals(memo=dict)  # (compiled: its get called in C)
def km(a: Place, b: Place) -> float:
    memo = _KM
    key = (a.latitude, a.longitude, b.latitude, b.longitude)
    d = memo.get(key)
    if d is None:
        if len(memo) >= _KM_MAX:
            memo.clear()
        d = memo[key] = _km(a, b)
    return d


def _km(a: Place, b: Place) -> float:
    p = math.pi / 180
    h = (
        math.sin((b.latitude - a.latitude) * p / 2) ** 2
        + math.cos(a.latitude * p)
        * math.cos(b.latitude * p)
        * math.sin((b.longitude - a.longitude) * p / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


# A candidate's rank among its name's places, lowest first: (_kind, *_rank_within_kind).
def _kind(c: Place, r: PlaceRef) -> int:
    """The rank's first key: the candidate's kind, a governorate named as one first."""
    kind = _KIND_RANK.get(c.kind, 5)
    if c.kind == "admin1" and (
        r.cue in ("province_before", "countryside_before")
        or not (_has_namesake_town(c, r.candidates) or (r.strong_cue and r.cue == "settlement_before"))
    ):
        # A governorate named without a town of the same name (صلاح الدين، الأنبار), or as a
        # governorate or its countryside ("ريف القنيطرة"): the governorate, not a village that
        # carries its name as an alternate, nor its city. A town noun before the name ("مدينة
        # الزاوية") asks for the town, whatever the English names look like.
        kind = -1
    return kind


def _rank_within_kind(c: Place, chosen: list[Place]) -> tuple[int, int]:
    """The rest of the rank: the distance to the nearest place just chosen (by 50 km), then the
    population."""
    # min(map(km, repeat(c), chosen), default=0.0), without the keyword call (a compiled call
    # with keywords parses them) nor map's step per place.
    near = 0.0
    if chosen:
        near = min(map(km, repeat(c), chosen))
    return (round(near / 50), -c.population)


def choose(r: PlaceRef, tier: Callable[[str], int], chosen: list[Place]) -> Place:
    """min(candidates, key=(tier of its country, its rank)): the first candidate of the best tier
    by rank, with the (costlier) rank read only among the candidates of that tier, and never for
    a lone one."""
    cands = r.candidates
    if len(cands) == 1:
        return cands[0]
    # The tier of each country once, in the order the countries come: a common name has hundreds
    # of places in a few countries. (A loop: no generator nor dict.fromkeys made per name.)
    tier_of: dict[str, int] = {}
    for c in cands:
        cc = c.country_code
        if cc not in tier_of:
            tier_of[cc] = tier(cc)
    best_tier = min(tier_of.values())
    pool = [c for c in cands if tier_of[c.country_code] == best_tier]
    if len(pool) == 1:
        return pool[0]
    # min(pool, key=rank): the first of the lowest rank, without a lambda call per candidate.
    # The rank's first key, the kind, is read for every candidate; its costlier rest (distances
    # to the places chosen) only for those of the best kind, the only ones it can decide among.
    kinds = [_kind(c, r) for c in pool]
    best_kind = min(kinds)
    if kinds.count(best_kind) == 1:
        return pool[kinds.index(best_kind)]
    best = None
    best_rank = None
    for c, kind in zip(pool, kinds, strict=True):
        if kind != best_kind:
            continue
        rank = _rank_within_kind(c, chosen)
        if best_rank is None or rank < best_rank:
            best, best_rank = c, rank
    assert best is not None
    return best
