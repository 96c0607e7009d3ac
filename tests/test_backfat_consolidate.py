"""Consolidation: an incident told twice, once without its place, is one event that keeps the
place and the lowest toll (CODING.md §1, §6)."""

from __future__ import annotations

from marsad.events.consolidate import merge_into, same_event
from marsad.models import Event


def _ev(**kw: object) -> Event:
    base: dict[str, object] = dict(
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", event_date="2018-06-07",
        actor1="Military Forces of Russia", country="Syria", primary=True, fatalities=0,
    )  # fmt: skip
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def test_unplaced_account_merges_into_placed_one_keeping_place_and_lowest_toll() -> None:
    placed = _ev(
        location="Zardana", admin1="Idlib", latitude=36.1, longitude=36.7, geo_precision=1, fatalities=44
    )
    unplaced = _ev(fatalities=40)
    assert same_event(unplaced, placed)
    merge_into(unplaced, placed)
    assert (unplaced.location, unplaced.admin1, unplaced.geo_precision, unplaced.fatalities) == (
        "Zardana",
        "Idlib",
        1,
        40,
    )


def test_two_places_stay_two_events() -> None:
    assert not same_event(_ev(location="Zardana"), _ev(location="Saraqib"))
