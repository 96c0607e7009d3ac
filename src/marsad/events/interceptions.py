"""Interceptions (ACLED's Disrupted weapons use): where and when the fire they stopped was aimed,
and whose fire it was."""

from __future__ import annotations

from marsad.events.candidate import Candidate
from marsad.events.incidents import EXPLOSIONS

DISRUPTED = "Disrupted weapons use"
TELLING_CUES = ("teller_verbs", "source_before")  # an actor's role_why when it tells the news


def interceptions_where_fired(events: list[Candidate]) -> None:
    """An interception told with no place of its own, in the sentence of the fire it stopped
    ("ردا على إطلاق صاروخين من القطاع باتجاه مستوطنات غلاف غزة، اعترضت القبة الحديدية أحدهما"), is
    where and when that fire was aimed, and the firer is its second side — not the report's main
    place (the strikes that answered the fire)."""
    for e in events:
        if e.trigger.value.sub_event_type != DISRUPTED:
            continue
        _firer_as_second_side(e, events)
        if e.place is not None:
            continue
        # The fire told last before the interception in its sentence.
        first, fire, at = min(e.sentences), None, -1
        for f in events:
            if f is e or f.event_type != EXPLOSIONS or not f.places:
                continue
            for t in f.triggers:
                if t.sentence == first and at < t.start < e.trigger.start:
                    fire, at = f, t.start
        if (
            fire is None
            or e.actor1 is None
            or (fire.actor1 is not None and fire.actor1.value == e.actor1.value)
        ):
            continue  # (no interceptor named apart from the firer: no event ACLED would code)
        e.places, e.inherited_place = list(fire.places), True
        if fire.dates and (not e.dates or e.inherited_date):
            e.dates, e.inherited_date = list(fire.dates), fire.inherited_date
        if fire.actor1 is not None and (e.actor2 is None or e.actor2.value == e.actor1.value):
            e.actor2 = fire.actor1
        e.log.append(
            f"'{e.trigger.text}': placed where the fire it stopped was aimed ('{fire.trigger.text}')"
        )


def _firer_as_second_side(e: Candidate, events: list[Candidate]) -> None:
    """ "قال التحالف إن الدفاعات الجوية اعترضت الطائرة المسيرة": an interception that names no
    second side but its teller is aimed at the fire told before it — the firer of the last
    remote attack told earlier, by another side, is the side disrupted (ACLED's actor2)."""
    a1, a2 = e.actor1, e.actor2
    if a1 is None or a2 is None or a2.attrs.get("role_why") not in TELLING_CUES:
        return  # (with no second side, the coder asks whose the weapon was: weapon_author)
    fire = None
    for f in events:
        if (
            f is not e
            and f.event_type == EXPLOSIONS
            and f.actor1 is not None
            and f.actor1.value not in (a1.value, a2.value)
            and f.trigger.start < e.trigger.start
            and (fire is None or f.trigger.start > fire.trigger.start)
        ):
            fire = f
    if fire is not None:
        e.actor2 = fire.actor1
        e.log.append(
            f"'{e.trigger.text}': the fire it stopped was '{fire.actor1.text}''s ('{fire.trigger.text}')"
        )
