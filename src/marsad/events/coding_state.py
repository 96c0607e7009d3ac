"""One event's coding while the coder (events/coding.py) decides it: where it happened, and its
type, sub-type and sides, which the coding rules refine step by step (events/coding_type.py,
events/coding_actors.py)."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.knowledge.gazetteer import Place
from marsad.knowledge.lexicon import ActorEntry


@dataclass(slots=True)
class Coding:
    # Where: the event's place (None: only its country is known), its country as a place, and
    # that country's code (ISO alpha-2) and name.
    place: Place | None
    country_place: Place | None
    country_code: str | None
    country: str
    # What: the leading trigger's type and sub-type, as the rules refine them.
    event_type: str
    sub: str
    # Who: the two sides, as the rules refine them, and the country each one's name is
    # qualified by (the event's, unless the rules say otherwise: a fire's origin, the country
    # of the civilians hit).
    a1: ActorEntry | None
    a2: ActorEntry | None
    a1_country: str
    a2_country: str
    # Both sides are one kind of party the text names as a pair ("بين قبيلتين"): the same name
    # on both sides, as ACLED codes intercommunal fighting.
    pair: bool = False
