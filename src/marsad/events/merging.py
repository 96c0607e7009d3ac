"""Merging the tellings of one incident: within a sentence (same attacker, compatible target,
day and place), then across the report (mention → incident coreference, `events/linking.py`),
and what a merge carries from one telling into the incident (CODING.md §1)."""

from __future__ import annotations

from functools import cached_property
from operator import attrgetter

from marsad.doc import Doc, Mention
from marsad.events import roles
from marsad.events.demonstrations import DEMONSTRATION_CAUSE, demonstrators_act
from marsad.events.incidents import (
    BATTLES,
    CROWD_KINDS,
    EXPLICIT,
    EXPLOSIONS,
    LOOTING,
    RIOTS,
    UNARMED_KINDS,
    VAC,
    VIOLENT_DEMONSTRATION,
    aerial,
    claims,
    date_conflict,
    explicit_air_and_fight,
    place_conflict,
    place_specific,
)
from marsad.events.interceptions import DISRUPTED
from marsad.events.launch import aimed_elsewhere, drop_foreign_firer
from marsad.events.linking import Incidents, link, word_offsets
from marsad.events.wording import demanded
from marsad.knowledge.resources import Knowledge
from marsad.recognize.place_choice import km
from marsad.text.normalize import fold

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

# Compiled, the candidate's fields declared (candidate.pxd): a typed candidate's are read in C.
if cython.compiled:
    from cython.cimports.marsad.events.candidate import Candidate
else:
    from marsad.events.candidate import Candidate

# Authors a claim names: unnamed gunmen, or one person told by a common noun ("نفذه رجل").
CLAIMABLE = {"unidentified", "civilians"}

_SENTENCE_CLAUSE = attrgetter("sentence", "clause")
# Acts whose damage to property is part of them (ACLED codes the attack, not the wrecking).
_ATTACK_TYPES = (BATTLES, VAC, EXPLOSIONS)
CROWDS = {*UNARMED_KINDS, *CROWD_KINDS}  # no attackers of an armed kind
_GROUP_KINDS = ("rebel", "militia")  # named non-state armed groups
# The developments that meet a protest: arrests made there, property a crowd wrecks.
_MET_WITH = ("Arrests", LOOTING)


@cython.locals(c=Candidate)
def _strength(c: Candidate) -> float:
    """The weight of the strongest trigger of the candidate's own type."""
    et = c.event_type  # (a property: read once)
    own = [t for t in c.triggers if t.value.event_type == et] or c.triggers  # retyped: all
    strongest = own[0].attrs.get("weight", 1.0)
    for t in own:  # (a loop, not max() over a generator)
        w = t.attrs.get("weight", 1.0)
        if w > strongest:
            strongest = w
    return strongest


class Merger:
    """Merges one report's candidates into incidents (a merger per knowledge load)."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def broad(self, m: Mention | None) -> bool:
        """Whether the place is a country's quarter (regions.yaml `broad`)."""
        return m is not None and m.value.choice is not None and m.value.choice.id in self.k.broad_places

    @staticmethod
    def _same_side(a: Mention | None, b: Mention | None) -> bool:
        return a is None or b is None or a.value == b.value

    def _name_the_unnamed(self, into: Candidate, c: Candidate) -> None:
        """ "اشتبك مقاومون مع قوات الاحتلال … وقالت كتيبة جنين إن مقاتليها خاضوا اشتباكات مع
        قوات الاحتلال": a retelling that pairs the incident's named side with a named group names
        the incident's unidentified side."""
        for mine, other in (("actor2", "actor1"), ("actor1", "actor2")):
            unnamed, known = getattr(into, mine), getattr(into, other)
            if unnamed is None or known is None or unnamed.attrs.get("kind") != "unidentified":
                continue
            told = (c.actor1, c.actor2)
            if not any(self._one_actor(known, m) for m in told):
                continue
            group = next(
                (
                    m
                    for m in told
                    if m is not None and m.attrs.get("kind") in _GROUP_KINDS and not self._one_actor(known, m)
                ),
                None,
            )
            if group is not None:
                setattr(into, mine, group)
                into.log.append(f"'{group.text}': names the side told as '{unnamed.text}'")

    def _one_actor(self, a: Mention | None, b: Mention | None) -> bool:
        return a is not None and b is not None and self._names[a.value] == self._names[b.value]

    @cython.locals(a=Candidate, b=Candidate)
    def _compatible(self, a: Candidate, b: Candidate, *, loose: bool) -> bool:
        if not self._same_side(a.actor1, b.actor1):
            return False
        if (
            a.actor1 is None
            and b.actor1 is None
            and a.actor2 is not None
            and b.actor2 is not None
            and a.actor2.value != b.actor2.value
        ):
            return False
        # A swapped pair (X attacked Y, Y returned fire) is the same fight.
        swapped = bool(
            a.actor1 and b.actor2 and a.actor2 and b.actor1
            and a.actor1.value == b.actor2.value and a.actor2.value == b.actor1.value
        )  # fmt: skip
        if not loose and not self._same_side(a.actor2, b.actor2) and not swapped:
            return False
        ta, tb = a.event_type, b.event_type
        if ta != tb and {ta, tb} != {BATTLES, EXPLOSIONS} and not loose:
            return False
        if ta != tb and (aerial(a) or aerial(b)) and not (a.sentences & b.sentences):
            return False  # air strikes told on their own are a distinct action (CODING.md §1)
        if {ta, tb} == {BATTLES, EXPLOSIONS}:
            remote, fight = (a, b) if ta == EXPLOSIONS else (b, a)
            if explicit_air_and_fight(remote, fight):
                return False
        if (
            ta != tb
            and {ta, tb} == {BATTLES, EXPLOSIONS}
            and (a.actor1 is None or b.actor1 is None)
            and not loose
        ):
            return False
        da, db = a.date, b.date
        if da is not None and db is not None and da.value.date != db.value.date:
            return False
        if a.background != b.background or a.answered != b.answered:
            return False  # (an act and the act it answered: two events)
        pa, pb = a.place, b.place
        if place_specific(pa) and place_specific(pb):
            ca, cb = pa.value.choice, pb.value.choice
            if ca.id != cb.id and km(ca, cb) > 10:
                return False
        elif (
            pa is not None
            and pb is not None
            and not a.inherited_place
            and not b.inherited_place
            and pa.value.choice.admin1
            and pb.value.choice.admin1
            and pa.value.choice.admin1 != pb.value.choice.admin1
        ):
            return False  # "أحرقوا مقرا في محافظة ذي قار، ومكتبين في مدينة السماوة": two provinces
        return not (aimed_elsewhere(a, b) or aimed_elsewhere(b, a))

    @cython.locals(into=Candidate, c=Candidate)
    def _absorb(self, into: Candidate, c: Candidate) -> None:
        # The two types as they stand before the merge (read once: each is a property).
        ti, tc = into.event_type, c.event_type
        if ti == "Protests" and tc != "Protests":
            # The intervening force is the protest's second actor; its words do not retype it.
            if (
                into.actor2 is None
                and c.actor1 is not None
                and c.actor1.attrs.get("kind") in ("state", "police")
            ):
                into.actor2 = c.actor1
            into.casualties.extend(c.casualties)
            if tc == RIOTS:
                into.triggers.extend(c.triggers)  # what the crowd did: the coder weighs it
            return
        if tc == "Strategic developments" and ti in _ATTACK_TYPES:
            into.triggers.extend(c.triggers)  # the damage done in the attack (_wrecking_in_an_attack)
        elif ti != tc and BATTLES in (ti, tc):
            # An explosion inside a fight is that fight, when the fight is told as one
            # ("اشتباكات", "كمين"); a generic "هجمات" does not turn air strikes into a battle.
            fight, other = (c, into) if tc == BATTLES else (into, c)
            strong = _strength(fight) >= _strength(other)
            into.triggers = fight.triggers + other.triggers if strong else other.triggers + fight.triggers
        elif ti == tc == "Protests":
            # "تظاهر مئات..." then "وفرقت قوات الأمن المتظاهرين": the protest was met with force.
            into.triggers.extend(c.triggers)
            if any(
                t.value.sub_event_type != "Peaceful protest"
                for t in c.triggers
                if t.value.event_type == "Protests"
            ):
                into.intervention = True
                force = (
                    c.actor1
                    if c.actor1 is not None and c.actor1.attrs.get("kind") in ("state", "police")
                    else None
                )
                if force is not None and (
                    into.actor2 is None or into.actor2.attrs.get("kind") in UNARMED_KINDS
                ):
                    into.actor2 = force
        elif ti == VAC and tc == EXPLOSIONS:
            # "the attack" retold as "the explosion": the explosion says how it was done.
            into.triggers = c.triggers + into.triggers
        else:
            into.triggers.extend(c.triggers)
        into.sentences |= c.sentences
        into.log.extend(c.log)
        into.background = into.background and c.background  # a retelling of the news is news
        if (
            into.actor1 is None
            and c.actor1 is not None
            and self._one_actor(into.actor2, c.actor1)
            and c.actor1.attrs.get("kind") in roles.STATE_KINDS
            and c.actor2 is not None
            and c.actor2.attrs.get("kind") not in UNARMED_KINDS
        ):
            # "قتل ثلاثة من رجال الشرطة في هجوم مسلح … وتبادلت قوات الأمن إطلاق النار مع المهاجمين":
            # the side hit fights back; the side it fought is the incident's unnamed attacker.
            into.actor1, into.inferred_actor1 = c.actor2, False
        elif (
            into.actor1 is None
            and c.actor1 is not None
            and not self._covert_bomber(into, c.actor1)
            # ("وأطلقت الشرطة النار على المشتبه به": who answered the attack did not make it)
            and not any(t.attrs.get("at_attacker") for t in c.triggers)
        ):
            into.actor1, into.inferred_actor1 = c.actor1, c.inferred_actor1
        elif claims(c.actor1) and into.actor1 is not None and into.actor1.attrs.get("kind") in CLAIMABLE:
            # "هجوم شنه مسلحون … وتبنت حركة طالبان باكستان الهجوم": the group that claims the
            # attack names the gunmen, or the man who carried it out ("هجوم بسكين نفذه رجل").
            into.actor1, into.inferred_actor1 = c.actor1, False
        if c.origin is not None or c.target_country is not None:
            # A launch retold: where it came from and where it was aimed hold for the incident.
            into.origin = into.origin or c.origin
            into.target_country = into.target_country or c.target_country
        if into.origin is not None or into.target_country is not None:
            drop_foreign_firer(into)
        if into.actor2 is None or self._one_actor(into.actor1, into.actor2):
            # Never the same actor on both sides: the other telling's second side, if it differs
            # (not the force that answered the attack: it was not the one attacked).
            answered = any(t.attrs.get("at_attacker") for t in c.triggers)
            first = into.actor1  # (read here: a generator cannot hold a typed local)
            into.actor2 = next(
                (
                    m
                    for m in (c.actor2, None if answered else c.actor1)
                    if m is not None and not self._one_actor(first, m)
                ),
                None,
            )
        if into.actor1 is not None and into.actor2 is not None:  # (else no side to name: no call)
            self._name_the_unnamed(into, c)
        for a in c.assoc1:
            if all(a.value != x.value for x in into.assoc1):
                into.assoc1.append(a)
        for a in c.assoc2:
            if all(a.value != x.value for x in into.assoc2):
                into.assoc2.append(a)
        own, told = into.place, c.place  # (properties: each read once)
        if (not place_specific(own) and place_specific(told)) or (
            self.broad(own) and told is not None and not self.broad(told)
        ):
            # (A country's quarter, "جنوب العراق", yields to the province or town told later.)
            into.places = c.places + into.places
        else:
            into.places.extend(c.places)
        if (
            c.dates
            and not c.inherited_date
            and (
                not into.dates
                or into.inherited_date
                or (c.date.value.date and into.date.value.date and c.date.value.date < into.date.value.date)  # type: ignore[union-attr]
            )
        ):
            # Of two days a day apart the earlier is the incident's; the later is when it was told.
            into.dates = c.dates + into.dates
            into.inherited_date = False
        into.casualties.extend(c.casualties)
        if c.weapons:
            have = into.weapons
            for w in c.weapons:  # (a loop, not extend() over a generator: one or two weapons)
                if w not in have:
                    have.append(w)

    @cython.locals(c=Candidate, prev=Candidate)
    def within_sentences(self, cands: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        for c in sorted(cands, key=_SENTENCE_CLAUSE):
            j = len(out) - 1
            prev = out[j] if out and out[j].sentence == c.sentence else None
            if prev is not None and prev.answered and not c.answered:
                # "قصفت المقاتلات مواقع المهاجمين ردا على الهجوم، وتم تحييد خمسة منهم": the act
                # answered, named in between, does not part the answer from what it achieved.
                k = j - 1
                while k >= 0 and out[k].sentence == c.sentence and out[k].answered:
                    k -= 1
                if k >= 0 and out[k].sentence == c.sentence:
                    j, prev = k, out[k]
            if prev is None:
                out.append(c)
            elif (pair := self._wrecking_in_an_attack(prev, c)) is not None:
                self._absorb(*pair)
                out[j] = pair[0]
            elif self._means_of_an_arrest(prev, c):
                prev.log.append(f"'{c.trigger.text}': how the arrest was made, no fight of its own")
            elif (pair := self._fight_and_its_raid(prev, c)) is not None:
                fight, raid = pair
                fight.log.append(f"'{raid.trigger.text}': the raid the fight broke out in, no arrest")
                fight.casualties.extend(k for k in raid.casualties if k not in fight.casualties)
                out[j] = fight
            elif self._compatible(prev, c, loose=False):
                self._absorb(prev, c)
            else:
                out.append(c)
        return out

    def _means_of_an_arrest(self, arrest: Candidate, c: Candidate) -> bool:
        """ "تمكنت الوحدات من القبض على عنصر تكفيري، إثر كمين محكم نصب له": an ambush told after
        an arrest in its sentence (cues.yaml arrest_means), with no toll, weapon or side of its own,
        is how the arrest was made."""
        if arrest.trigger.value.sub_event_type != "Arrests" or c.event_type != BATTLES:
            return False  # (most pairs: the cue list is not looked up)
        means = self.k.cues["arrest_means"]
        return (
            all(means.has_word(fold(t.text).split()[0]) for t in c.triggers)
            and not c.casualties
            and not c.weapons
            and (c.actor1 is None or self._same_side(arrest.actor1, c.actor1))
            and (c.actor2 is None or self._same_side(arrest.actor2, c.actor2))
        )

    def _fight_and_its_raid(self, a: Candidate, b: Candidate) -> tuple[Candidate, Candidate] | None:
        """(fight, raid) of two candidates of a sentence when one is the raid the other broke
        out in (_raid_of_a_fight), else None."""
        if self._raid_of_a_fight(a, b):
            return a, b
        if self._raid_of_a_fight(b, a):
            return b, a
        return None

    def _raid_of_a_fight(self, fight: Candidate, raid: Candidate) -> bool:
        """ "قتل 16 شرطيا في اشتباكات مع مسلحين … أثناء مداهمة قوات الأمن لمخبأ": a raid told in a
        fight's sentence by its raid word (cues.yaml raid_words) and weak words only, no one said
        arrested, is where the fight broke out, not an arrest of its own."""
        if raid.trigger.value.sub_event_type != "Arrests":
            return False  # (most pairs: the rarer test first, the cue list not looked up)
        return (
            any(t.value.event_type == BATTLES and t.attrs.get("weight", 1.0) >= 1.0 for t in fight.triggers)
            and self.k.cues["raid_words"].has_word(fold(raid.trigger.text).split()[0])
            # (with weak words only beside it: "مداهمة … لمخبأ")
            and all(t.attrs.get("weight", 1.0) < 1.0 for t in raid.triggers)
        )

    def wrecking_across(self, events: list[Candidate]) -> list[Candidate]:
        """ "هاجم مستوطنون القرية وأضرموا النار في منازل … وأطلقوا الرصاص على الأهالي فأصابوا
        شابين": burning told in one sentence of an attack whose harm to people is told in the next
        is part of that attack too (_wrecking_in_an_attack, across up to two sentences)."""
        wrecks = [
            e
            for e in events
            if e.event_type == "Strategic developments"
            and e.trigger.value.sub_event_type == LOOTING
            and e.actor1 is not None  # (a wrecking by no one named may be anyone's)
        ]
        if not wrecks or len(events) == len(wrecks):
            return events
        gone: set[int] = set()
        for w in wrecks:
            for a in events:
                if a is w or id(a) in gone or abs(a.sentence - w.sentence) > 2:
                    continue
                pair = self._wrecking_in_an_attack(a, w)
                if pair is not None:
                    self._absorb(*pair)
                    gone.add(id(w))
                    break
        return [e for e in events if id(e) not in gone]

    @cython.locals(a=Candidate, b=Candidate, attack=Candidate, wrecking=Candidate)
    def _wrecking_in_an_attack(self, a: Candidate, b: Candidate) -> tuple[Candidate, Candidate] | None:
        """(the attack, the wrecking) when one of two tellings of a sentence is burning or
        wrecking property and the other an attack or fight by the same side ("هاجم مستوطنون قرية
        …، وأضرموا النار في مركبات واعتدوا على الأهالي"): ACLED codes the attack, the damage
        being part of it. Burning told beside a bare "هاجم" that harms no one is the wrecking of
        property (a development), and a crowd's burning is left to riots_in_context (the
        demonstrators' violence makes the riot)."""
        for attack, wrecking in ((a, b), (b, a)):
            if (
                wrecking.event_type == "Strategic developments"
                and wrecking.trigger.value.sub_event_type == LOOTING
                and attack.event_type in _ATTACK_TYPES
                and (
                    attack.casualties
                    or attack.event_type != BATTLES
                    or attack.trigger.attrs.get("weight", 1.0) >= EXPLICIT
                    or (attack.actor2 is not None and attack.actor2.attrs.get("kind") in UNARMED_KINDS)
                )
                and (attack.actor1 is None or attack.actor1.attrs.get("kind") not in CROWDS)
                and self._same_side(attack.actor1, wrecking.actor1)
                and attack.answered == wrecking.answered
                and not date_conflict(attack, wrecking)
                and not place_conflict(attack, wrecking)
            ):
                return attack, wrecking
        return None

    @cached_property
    def _names(self) -> tuple[str, ...]:
        """Each actor's canonical name by index (built once per knowledge load: looked up for
        every side of every telling linked or merged)."""
        return tuple(e.name for e in self.k.actors)

    @cached_property
    def _camps(self) -> tuple[frozenset[str], ...]:
        """Each actor's government camp by index (built once per knowledge load)."""
        return tuple(e.government_camp for e in self.k.actors)

    @cached_property
    def _new_words(self) -> frozenset[str]:
        """cues.yaml's new_incident_words (built once per knowledge load)."""
        return frozenset(self.k.cue_words("new_incident_words"))

    @cached_property
    def _while_words(self) -> frozenset[str]:
        """cues.yaml's while_opening, folded (built once per knowledge load)."""
        return self.k.cue_phrases("while_opening")

    @staticmethod
    def _covert_bomber(into: Candidate, a: Mention | None) -> bool:
        """`a`, a state force, would become the author of a roadside or suicide bombing from a
        retelling that names it ("أطلقت القوات حملة تمشيط بحثا عن منفذي التفجير"): state forces
        plant no such bombs (roles_air.AirForces._can_act), so the retelling's sides are not the bombing's."""
        return (
            a is not None
            and a.attrs.get("kind") in roles.STATE_KINDS
            and into.triggers[0].value.sub_event_type in roles.COVERT
        )

    @cython.locals(c=Candidate, target=Candidate)
    def across(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Mention → incident coreference over the whole report (marsad.events.incidents)."""
        incidents = Incidents(self._names.__getitem__, self._camps.__getitem__)
        new_words = self._new_words
        offsets = word_offsets(doc, new_words) if len(cands) > 1 else None
        items = incidents.items
        for c in cands:
            # (_intervention_target's first test spelt out: the last incident is mostly no
            # protest, and then there is no call)
            met = items and items[-1].event_type == "Protests"
            target = (met and self._intervention_target(doc, items, c)) or link(
                doc, incidents, c, new_words, offsets, self._while_words
            )
            if target is None:
                incidents.add(c)
                continue
            if (
                c.actor2 is not None
                and place_specific(c.place)
                and not place_specific(target.place)
                and not self._covert_bomber(target, c.actor1)
            ):
                # A lead that sums up ("military positions of the regime and its militias") gives
                # way to the account that names the place: its target is the one hit.
                target.actor2 = c.actor2
            self._absorb(target, c)
            incidents.changed(target)
        return [
            e
            for e in incidents.items
            if e.actor1 is not None
            or e.actor2 is not None
            or e.casualties
            or e.place
            # (an interception is placed, and its sides named, by the fire it stopped: later)
            or e.trigger.value.sub_event_type == DISRUPTED
        ]

    def _intervention_target(self, doc: Doc, events: list[Candidate], c: Candidate) -> Candidate | None:
        """Arrests or force used on the demonstrators just told: the protest was met with
        intervention; force used by the demonstrators themselves (storming, burning): it turned
        into a riot. Same place and day (or none given)."""
        # The last incident a protest first: the rarer of the two tests, asked of every candidate.
        if not events or events[-1].event_type != "Protests":
            return None
        if c.event_type not in ("Strategic developments", VAC, BATTLES):
            return None
        e = events[-1]
        if c.background != e.background or c.sentence - e.sentence > 2:
            return None
        if c.trigger.attrs.get(DEMONSTRATION_CAUSE):
            return None  # the killing the crowd came out over, not force it met
        if date_conflict(e, c) or place_conflict(e, c):
            return None
        if c.sentence == e.sentence and demanded(doc, self.k, c.trigger):
            # "تظاهر العشرات … مطالبين بالكشف عن مصير المختطفين لدى تنظيم داعش": what the crowd
            # asks about is no force it met, nor an event of the day.
            e.log.append(f"'{c.trigger.text}': what the demonstrators demand, not an event")
            return e
        if c.event_type == "Strategic developments" and c.trigger.value.sub_event_type not in _MET_WITH:
            if c.sentence != e.sentence or c.trigger.attrs.get("weight", 1.0) >= 1.0:
                return None
            # "وقفة احتجاجية … للمطالبة بتنفيذ اتفاق الكامور": a development named by a weak word in
            # the protest's sentence is what the crowd demands, no event of its own nor force.
            e.log.append(f"'{c.trigger.text}': what the demonstrators demand, not an event")
            return e
        if demonstrators_act(c):
            e.retype = (RIOTS, VIOLENT_DEMONSTRATION)
            e.log.append(f"'{c.trigger.text}': the demonstrators used force (a riot)")
        else:
            e.intervention = True
            e.log.append(f"'{c.trigger.text}': force used on the demonstrators (intervention)")
        return e
