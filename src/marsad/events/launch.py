"""Fire launched from one place at another (CODING.md §2–§4): rockets or shells "من غزة على
جنوبي إسرائيل", "صاروخين انطلقا من القطاع", "إطلاق قذيفتين من غزة باتجاه إسرائيل".

The place the fire came from (PlaceRef.role "origin", set by the place recogniser after a launch
phrase) is not where it struck; the place after it, or after "باتجاه/نحو/صوب", is. Three things
follow for the clause's shelling:
- its location is taken in the target's country, never in the origin's;
- a force of another country than the origin's, named in the clause ("عقب الغارات الإسرائيلية",
  "أعلن الجيش الإسرائيلي"), is not the firer: a firer the report leaves unnamed is an armed group
  of the origin's country (coded in events/coding_actors.py);
- air strikes the clause names as what came before ("عقب الغارات") are another incident, told
  where the report tells them, and do not make the launch an air strike.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.doc import PLACE, WEAPON, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.events.clause_index import ClauseIndex
from marsad.knowledge.resources import Knowledge
from marsad.recognize.places import PlaceRef

SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
# How far after the launch word its origin or target may be named ("إطلاق قذائف صاروخية من غزة").
REACH = 60


@dataclass(slots=True)
class Launch:
    lead: Mention  # the clause's first shelling word
    origin: Mention | None  # the PLACE the fire came from
    target_country: str | None  # ISO alpha-2 of where it was aimed, when the clause says
    target: Mention | None = None  # the PLACE it was aimed at


def launch_of(doc: Doc, k: Knowledge, at: ClauseIndex, trigs: list[Mention]) -> Launch | None:
    """The launch a clause's shelling tells (its lead shelling word followed by an origin or a
    target), or None."""
    # (loops, not next() over generators: asked of every clause that tells an event)
    lead: Mention | None = None
    for t in trigs:
        if t.value.sub_event_type == SHELLING:
            lead = t
            break
    if lead is None:
        # A drone sent from one country at another ("طائرة مسيرة أطلقت من لبنان"): a launch too.
        drones = [w for w in at.clause(WEAPON, trigs[0].sentence, trigs[0].clause) if w.value.name == "drone"]
        if drones:  # (with none, no trigger is a drone's)
            for t in trigs:
                if t.value.sub_event_type == AIR and _in_a_drone(t, drones):
                    lead = t
                    break
    if lead is None:
        return None
    places = [
        m for m in at.clause(PLACE, lead.sentence, lead.clause) if lead.end <= m.start <= lead.end + REACH
    ]
    if not places:
        return None
    origin = next((m for m in places if m.value.role == "origin" and m.value.choice is not None), None)
    target: Mention | None = None
    if origin is not None:
        target = next((m for m in places if m.start > origin.start and m.value.choice is not None), None)
    else:
        toward = k.cue_words("place_toward_after")
        for m in places:
            before = doc.folded_slice(lead.end, m.start).split()
            if before and m.value.noun:
                before.pop()  # "باتجاه مدينة سديروت": the place noun between
            if before and before[-1] in toward and m.value.choice is not None:
                target = m
                break
    if origin is None and target is None:
        return None
    country = target.value.choice.country_code if target is not None else None
    return Launch(lead, origin, country, target)


def _in_a_drone(t: Mention, drones: list[Mention]) -> bool:
    """Whether `t` starts inside one of the drone weapons `drones`."""
    start = t.start
    for w in drones:  # noqa: SIM110 (a loop, not any() over a generator)
        if w.start <= start < w.end:
            return True
    return False


def landing(k: Knowledge, launch: Launch) -> Mention | None:
    """Where fire aimed at a country, with no place of it named, is coded: the region of that
    country that faces the origin (Gazetteer.landing_region: southern Israel for fire from Gaza)."""
    if launch.origin is None:
        return None
    place = k.gazetteer.landing_region(launch.origin.value.choice.country_code, launch.target_country)
    if place is None:
        return None
    # The evidence: the words naming the target ("باتجاه إسرائيل"), else the launch word itself.
    w = launch.target or launch.lead
    return Mention(PLACE, w.start, w.end, w.text, PlaceRef([place], choice=place), w.sentence, w.clause)


def split_launch(
    doc: Doc, k: Knowledge, at: ClauseIndex, trigs: list[Mention]
) -> list[tuple[list[Mention], Launch | None, int | None]]:
    """The clause's triggers as (triggers, launch, cut) parts: the launch with its own words; what
    the clause tells before it ("قتل فلسطيني في غارة إسرائيلية … بعد إطلاق صاروخين باتجاه
    إسرائيل") apart, placed only by what comes before the launch (`cut`: its start); air strikes
    named after it ("عقب الغارات") are another incident, told where the report tells it, and are
    left out."""
    launch = launch_of(doc, k, at, trigs)
    if launch is None:
        return [(trigs, None, None)]
    start = launch.lead.start
    own = [t for t in trigs if t.start >= start and (t is launch.lead or t.value.sub_event_type != AIR)]
    before = [t for t in trigs if t.start < start]
    parts: list[tuple[list[Mention], Launch | None, int | None]] = [(own, launch, None)]
    if before:
        parts.insert(0, (before, None, start))
    return parts


def state_country(actor: Mention | None) -> str | None:
    """The country of a state or police force (ISO alpha-2), else None."""
    if actor is None or actor.attrs.get("kind") not in ("state", "police"):
        return None
    return actor.attrs.get("country")


def origin_country(c: Candidate) -> str | None:
    """The country a candidate's fire came from (ISO alpha-2), when the report names its origin."""
    return c.origin.value.choice.country_code if c.origin is not None else None


def launch_apart(origin: str | None, target: str | None, firer: str | None) -> bool:
    """Whether fire from `origin` aimed at `target` cannot be the doing of a state force of
    `firer`'s country: the launch and the strikes of another country's forces (often what
    answered it) are two incidents."""
    if firer is None:
        return False
    return (origin is not None and firer != origin) or firer == target


def launch_conflict(
    origin: str | None, target: str | None, other_place: str | None, other_firer: str | None
) -> str | None:
    """Why a launch (from `origin`, aimed at `target`) and another telling (placed in the country
    `other_place`, fought by a state force of `other_firer`) are two incidents, or None."""
    if target is not None and other_place is not None and other_place != target:
        return "fire aimed at another country"
    if launch_apart(origin, target, other_firer):
        return "fire from elsewhere than the other's forces"
    return None


def aimed_elsewhere(c: Candidate, other: Candidate) -> bool:
    """Whether `c` is a launch that cannot be one incident with `other` (launch_conflict)."""
    if c.origin is None and c.target_country is None:
        return False
    place = other.place
    other_place = place.value.choice.country_code if place is not None and place.value.choice else None
    return (
        launch_conflict(origin_country(c), c.target_country, other_place, state_country(other.actor1))
        is not None
    )


def foreign_firer(c: Candidate) -> bool:
    """Whether `c`'s actor1 is a state force that cannot have fired its launch: one of another
    country than the origin's, or of the country the fire was aimed at."""
    return launch_apart(origin_country(c), c.target_country, state_country(c.actor1))


def drop_foreign_firer(c: Candidate) -> None:
    """Forget an actor1 that is a force of another country than the fire's origin (foreign_firer)."""
    if foreign_firer(c):
        c.log.append(f"'{c.actor1.text}': a force of another country than the fire's origin")  # type: ignore[union-attr]
        c.actor1, c.inferred_actor1 = None, False
