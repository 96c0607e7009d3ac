"""The acceptance ruler's matching and field equality (../shared/tools/score.py), on `Event`s.

marsad is accepted on real reports scored with that ruler, so realdev figures must be the
ruler's figures to the third decimal. It differs from the project's own matcher (match.py) in
small ways, all listed in docs/evaluation.md ("Two rulers"); the main ones:

- actor names compare loosely: parenthesised qualifiers dropped ("Islamic State (Syria)" ==
  "Islamic State"), punctuation and "the" ignored, and a fixed table of aliases;
- a place is equal when within 25 km, when the normalised place *names* agree, or (gold at
  geo-precision 3) when admin1 agrees; detection accepts the same admin1 without a country check;
- a wrong field inside a matched pair counts FP only if the prediction has the field, FN only
  if the gold has it;
- candidate pairs are ranked by a weighted similarity (type, sub-type, place, date, actor
  overlap), ties broken by the *later* gold and prediction indices first.

tests/test_eval_realdev.py checks that this module and the ruler agree on realdev.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib import resources

import yaml

from marsad.evaluation.match import Pair, one_to_one
from marsad.models import Event

FIELD_KM = 25.0  # location field equality
DETECT_KM = 50.0  # place agreement for a detection match
DATE_SLACK_DAYS = 2
EARTH_DIAMETER_KM = 12742.0  # the ruler's constant; a finer radius would move pairs at 25/50 km

_APOSTROPHES = str.maketrans("", "", "'`’")
_NOT_WORD = re.compile(r"[^a-z0-9\u0600-\u06ff]+")
_PARENS = re.compile(r"\([^)]*\)")
_PLACE_ARTICLE = re.compile(r"^(?:al|as|ad|ar|ash|at|az|an|el) ")
_PLACE_KIND = re.compile(r" (?:governorate|province|district|city|subdistrict|muhafazat)$")


def plain(s: str) -> str:
    """Lower case, diacritics and apostrophes off, any other punctuation run as one space."""
    decomposed = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().translate(_APOSTROPHES)
    return " ".join(_NOT_WORD.sub(" ", s).split())


@cache
def actor_aliases() -> dict[str, str]:
    """Alias -> canonical name, from data/ruler_actor_aliases.yaml (each canonical maps to itself)."""
    text = resources.files("marsad.evaluation").joinpath("data/ruler_actor_aliases.yaml").read_text("utf-8")
    table: dict[str, list[str]] = yaml.safe_load(text)
    out: dict[str, str] = {}
    for canon, alts in table.items():
        out[canon] = canon
        out.update(dict.fromkeys(alts, canon))
    return out


def norm_actor(name: str | None) -> str:
    if not name:
        return ""
    s = plain(_PARENS.sub(" ", name))
    s = s.removeprefix("the ").replace(" of the ", " of ")
    return actor_aliases().get(s, s)


def norm_place(name: str | None) -> str:
    s = _PLACE_ARTICLE.sub("", plain(name or ""))
    return _PLACE_KIND.sub("", s).replace(" ", "")


def distance_km(g: Event, p: Event) -> float | None:
    if None in (g.latitude, g.longitude, p.latitude, p.longitude):
        return None
    rad = math.pi / 180
    lat1, lon1, lat2, lon2 = g.latitude, g.longitude, p.latitude, p.longitude
    h = (
        math.sin((lat2 - lat1) * rad / 2) ** 2  # type: ignore[operator]
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2  # type: ignore[operator]
    )
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(min(1.0, h)))


def day_gap(a: str, b: str) -> int | None:
    """Days between two dates; 0 when both are unknown, None when only one is or either is malformed."""
    if not a and not b:
        return 0
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def _same_name(a: str, b: str) -> bool:
    na = norm_place(a)
    return bool(na) and na == norm_place(b)


def location_equal(g: Event, p: Event) -> bool:
    d = distance_km(g, p)
    if d is not None and d <= FIELD_KM:
        return True
    if _same_name(g.location, p.location):
        return True
    return g.geo_precision == 3 and _same_name(g.admin1, p.admin1)


def place_near(g: Event, p: Event) -> bool:
    d = distance_km(g, p)
    return (d is not None and d <= DETECT_KM) or _same_name(g.admin1, p.admin1)


def actor_set(e: Event) -> set[str]:
    return {norm_actor(e.actor1), norm_actor(e.actor2)} - {""}


def field_equal(field: str, g: Event, p: Event) -> bool:
    if field in ("event_type", "sub_event_type"):
        return plain(getattr(g, field)) == plain(getattr(p, field))
    if field in ("actor1", "actor2"):
        return norm_actor(getattr(g, field)) == norm_actor(getattr(p, field))
    if field == "location":
        return location_equal(g, p)
    if field == "event_date":
        return day_gap(g.event_date, p.event_date) == 0
    if field == "fatalities":
        return g.fatalities == p.fatalities
    return False


def field_present(field: str, e: Event) -> bool:
    if field == "location":
        return e.latitude is not None or bool(e.location) or bool(e.admin1)
    if field == "fatalities":
        return True  # an Event always carries a figure (0 = none reported)
    return bool(getattr(e, field))


def wrong_field_counts(field: str, g: Event, p: Event) -> tuple[int, int]:
    """(FP, FN) of an unequal field in a matched pair: each side only for a value it states."""
    return int(field_present(field, p)), int(field_present(field, g))


def similarity(g: Event, p: Event, *, ignore_type: bool = False) -> float | None:
    """The ranking score of a candidate pair, or None when the two cannot match."""
    if not ignore_type and plain(g.event_type) != plain(p.event_type):
        return None
    gap = day_gap(g.event_date, p.event_date)
    if gap is None or gap > DATE_SLACK_DAYS:
        return None
    near = place_near(g, p)
    ga, pa = actor_set(g), actor_set(p)
    shared = ga & pa
    if not near and not shared:
        return None
    # The terms are added in the ruler's order: float sums decide ties between pairs.
    s = 1.0 + (0.5 if field_equal("sub_event_type", g, p) else 0)
    s += 1.0 if location_equal(g, p) else 0.5 if near else 0
    s += 1.0 if gap == 0 else 0.3
    s += len(shared) / max(1, len(ga | pa))
    return s


def greedy_match(gold: Sequence[Event], pred: Sequence[Event], *, ignore_type: bool = False) -> list[Pair]:
    """One-to-one pairs, best similarity first; equal scores go to the later gold, then later
    prediction (the ruler sorts (score, gold index, prediction index) in reverse)."""
    cands: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = similarity(g, p, ignore_type=ignore_type)
            if s is not None:
                cands.append((s, gi, pi))
    cands.sort(reverse=True)
    return one_to_one(Pair(gi, pi, s, distance_km(gold[gi], pred[pi])) for s, gi, pi in cands)
