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


def test_a_second_side_filled_from_an_account_naming_the_sides_the_other_way_round() -> None:
    # One account codes the force alone; the other, the arms seized, the group first and the force
    # second: the merged event's second side is the group, never the force on both sides.
    force = _ev(
        event_type="Strategic developments", sub_event_type="Disrupted weapons use",
        actor1="Police Forces of Jordan", inter1=1, country="Jordan", location="Amman",
    )  # fmt: skip
    seized = _ev(
        event_type="Strategic developments", sub_event_type="Disrupted weapons use",
        actor1="Islamic State (Jordan)", inter1=2, actor2="Police Forces of Jordan", inter2=1,
        country="Jordan", location="Amman",
    )  # fmt: skip
    assert same_event(force, seized)
    merge_into(force, seized)
    assert (force.actor1, force.actor2, force.interaction) == (
        "Police Forces of Jordan",
        "Islamic State (Jordan)",
        "12",
    )
