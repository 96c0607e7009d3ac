"""The two ways of matching and comparing events that `marsad eval` knows.

- `marsad`: the project's own ruler (match.py), strict about actor names and the country of
  an admin1; data/gold and its CI baseline have always been measured with it.
- `official`: the acceptance ruler of ../shared/tools/score.py (official.py); realdev is
  measured with it so that its figures are the ones the product is accepted on.

`metrics.evaluate` takes a `Ruler`; everything that differs between the two lives here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from marsad.evaluation import match, official
from marsad.evaluation.match import Pair
from marsad.models import Event

Matcher = Callable[[Sequence[Event], Sequence[Event]], list[Pair]]


@dataclass(frozen=True, slots=True)
class Ruler:
    name: str
    field_equal: Callable[[str, Event, Event], bool]
    field_present: Callable[[str, Event], bool]
    match: Matcher  # detection pairs
    match_any_type: Matcher  # the same with the event type ignored (for the confusion table)
    wrong_field_counts: Callable[[str, Event, Event], tuple[int, int]]  # (FP, FN) of an unequal field
    max_score: float | None  # the best similarity, for "similarity 5/7"; None when not a count


def _both(field: str, g: Event, p: Event) -> tuple[int, int]:
    return 1, 1  # a wrong value is both a false claim and a miss of the right one


MARSAD = Ruler(
    name="marsad",
    field_equal=match.field_equal,
    field_present=match.field_present,
    match=match.greedy_match,
    match_any_type=lambda g, p: match.greedy_match(
        g, p, lambda a, b: match.compatible(a, b, ignore_type=True)
    ),
    wrong_field_counts=_both,
    max_score=len(match.ARG_FIELDS),
)

OFFICIAL = Ruler(
    name="official",
    field_equal=official.field_equal,
    field_present=official.field_present,
    match=official.greedy_match,
    match_any_type=lambda g, p: official.greedy_match(g, p, ignore_type=True),
    wrong_field_counts=official.wrong_field_counts,
    max_score=None,
)

RULERS: dict[str, Ruler] = {r.name: r for r in (MARSAD, OFFICIAL)}


def get_ruler(name: str) -> Ruler:
    try:
        return RULERS[name]
    except KeyError:
        raise ValueError(f"unknown ruler {name!r}: choose {' or '.join(RULERS)}") from None
