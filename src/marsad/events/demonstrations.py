"""Demonstrations and the force used on them: a crowd's violence makes a riot, and forces
clashing with a crowd act on the demonstration (ACLED's Protests and Riots)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.doc import Mention
from marsad.events.incidents import (
    BATTLES,
    CROWD_KINDS,
    FAMILY,
    LOOTING,
    RIOTS,
    SAME_PLACE_KM,
    VAC,
    VIOLENT_DEMONSTRATION,
    armed,
)
from marsad.events.roles import STATE_KINDS
from marsad.recognize.place_choice import km

if TYPE_CHECKING:
    from marsad.events.candidate import Candidate

# Trigger attr set by splitting.split_demonstration_from_its_cause: the violence a demonstration
# answers, which merging does not take for force the crowd met.
DEMONSTRATION_CAUSE = "demonstration_cause"


def _crowd(m: Mention | None) -> bool:
    return m is not None and m.attrs.get("kind") in CROWD_KINDS


def demonstrators_act(c: Candidate) -> bool:
    """The clause tells a crowd of demonstrators using force (they clashed, attacked, burnt or
    wrecked): an unambiguous violent cue whose actor is the crowd. Arrests and weak cues ("اقتحام") are more
    often the force acting on them, whatever the clause's word order suggests."""
    if c.trigger.value.sub_event_type == LOOTING and c.actor1 is None and not _crowd(c.actor2):
        # "…، قبل أن يقتحم عدد منهم المبنى ويضرموا النار فيه": burning told of no one else among
        # demonstrations, not done to the crowd, is theirs (as riots_in_context reads it).
        return True
    if not _crowd(c.actor1):
        return False
    if c.trigger.value.sub_event_type == LOOTING:
        return True  # "أضرم المحتجون النار في الإطارات": the crowd's burning or wrecking
    if c.event_type not in (BATTLES, VAC):
        return False
    # A weak cue counts when the crowd is its grammatical subject ("اقتحم محتجون مطار النجف").
    return c.trigger.attrs.get("weight", 1.0) >= 0.6 or c.actor1.attrs.get("role_cue") == "agent_before"  # type: ignore[union-attr]


def riots_in_context(events: list[Candidate], reach: int = 3) -> None:
    """Burning or wrecking told among demonstrations, with no armed group doing it, is the
    demonstrators' violence: a riot (ACLED's Violent demonstration), not a non-violent
    development. `reach` is how many sentences away the demonstration may be told."""
    demos = [e for e in events if FAMILY.get(e.event_type) == "demonstration" and not e.background]
    for c in events:
        if c.event_type != "Strategic developments" or c.trigger.value.sub_event_type != LOOTING:
            continue
        if armed(c.actor1) and not _crowd(c.actor1):
            continue
        # (Demonstrators named burning or wrecking are a riot on their own: "اقتحم متظاهرون غاضبون
        # مبنى المجلس وأضرموا النار فيه".)
        if not _crowd(c.actor1) and not any(abs(d.sentence - c.sentence) <= reach for d in demos):
            continue
        crowd = next((m for m in (c.actor1, c.actor2) if _crowd(m)), None)
        c.retype = (RIOTS, VIOLENT_DEMONSTRATION)
        c.actor1, c.actor2 = crowd, None
        c.log.append(f"'{c.trigger.text}': destruction among demonstrations (a riot)")


EXCESSIVE_FORCE = "Excessive force against protesters"


def _at_the_riot(riot: Candidate, c: Candidate, force: Mention, other: Mention | None) -> bool:
    """Whether the clash `c` is told at the riot: in a sentence of the riot, with the force or
    the side it fought named there ("أحرق محتجون مقرا، ما دفع قوات الأمن إلى إطلاق الرصاص"; not
    "ومع انتشار نبأ الاشتباك، خرجت مظاهرات", the news of a fight elsewhere in the report)."""
    return bool(riot.sentences & c.sentences) and any(
        m is not None and m.sentence in riot.sentences for m in (force, other)
    )


def _placed_apart(a: Candidate, b: Candidate) -> bool:
    """Both placed, in two governorates (as merging.py tells two provinces apart): "وفي الضفة
    الغربية، أصيب عشرات خلال مواجهات" after a march in Gaza is another crowd's; or at two towns
    farther apart than one incident's places (a raid on Jenin's camp and a march in Beita)."""
    if a.place is None or b.place is None:
        return False
    ca, cb = a.place.value.choice, b.place.value.choice
    if (ca.country_code, ca.admin1) != (cb.country_code, cb.admin1):
        return True
    return ca.kind == cb.kind == "populated" and ca.id != cb.id and km(ca, cb) > SAME_PLACE_KM


def force_on_demonstrations(events: list[Candidate], reach: int = 2) -> list[Candidate]:
    """A clash of a state's forces with no armed other side ("مواجهات مع القوات الإسرائيلية"),
    told on the day and within `reach` sentences of a demonstration, is those forces acting on
    the demonstrators: one event, force used against them (ACLED's Excessive force against
    protesters), holding the demonstration's telling and the clash's toll."""
    demos = [e for e in events if e.event_type in ("Protests", "Riots") and not e.background]
    if not demos:
        return events
    dropped: set[int] = set()
    for c in events:
        if c.event_type != BATTLES or c.background or c.trigger.value.sub_event_type != "Armed clash":
            continue
        force = next(
            (m for m in (c.actor1, c.actor2) if m is not None and m.attrs.get("kind") in STATE_KINDS),
            None,
        )
        other = c.actor2 if force is c.actor1 else c.actor1
        if force is None or (armed(other) and not _crowd(other)):
            continue
        # A riot only where the clash is told at it (_at_the_riot): a fight told sentences before
        # a riot is more often the news the crowd rose at.
        near = [
            d
            for d in demos
            if id(d) not in dropped
            and (
                _at_the_riot(d, c, force, other)
                if d.event_type == "Riots"
                else abs(d.sentence - c.sentence) <= reach
            )
        ]
        near = [
            d
            for d in near
            if (not (d.date and c.date) or d.date.value.date == c.date.value.date) and not _placed_apart(d, c)
        ]
        if not near:
            continue
        # The demonstration told nearest: the crowd of the clash's own sentence before one the
        # headline or an earlier sentence tells of another town.
        demo = min(near, key=lambda d: abs(d.sentence - c.sentence))
        if demo.event_type == "Riots":
            # Forces firing on rioters are part of the riot (ACLED: a violent demonstration
            # with the forces as the second side), its toll the riot's.
            demo.actor2 = demo.actor2 or force
            demo.casualties.extend(c.casualties)
            demo.sentences |= c.sentences
            # (and where and when the clash was told, if the riot's own words tell neither:
            # "اندلعت مواجهات ليلة السبت … في مدينة تطاوين، بعد أن … ورشقوا رجال الأمن بالحجارة")
            if not demo.places:
                demo.places, demo.inherited_place = c.places, c.inherited_place
            if not demo.dates:
                demo.dates, demo.inherited_date = c.dates, c.inherited_date
            demo.log.append(f"'{c.trigger.text}': the forces acting on the riot '{demo.trigger.text}'")
            dropped.add(id(c))
            continue
        # (with no one killed or hurt, forces that met the crowd intervened: ACLED's excessive
        # force is lethal force or force that wounds)
        hurt = c.casualties or demo.casualties
        c.retype = ("Protests", EXCESSIVE_FORCE if hurt else "Protest with intervention")
        c.actor1 = demo.actor1 if _crowd(demo.actor1) else (other if _crowd(other) else None)
        c.actor2 = force
        c.places = c.places or demo.places
        c.dates = c.dates or demo.dates
        c.sentences |= demo.sentences
        c.triggers.extend(demo.triggers)  # what the crowd did, after what was done to it
        # the demonstration's toll is the force's ("…، ما أسفر عن مقتل متظاهر")
        c.casualties.extend(m for m in demo.casualties if m not in c.casualties)
        c.log.append(f"'{c.trigger.text}': the forces acting on the demonstration '{demo.trigger.text}'")
        dropped.add(id(demo))
    return [e for e in events if id(e) not in dropped]
