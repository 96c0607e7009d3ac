"""An event's type and sub-type (CODING.md §2), for the coder (events/coding.py): the leading
trigger's, refined by the weapons told and by who was targeted, one rule a step and in this
order. The sides move with the type (a riot's crowd and the force it faced, a raid's force and
those it sought), and an arrest ACLED does not code is dropped here."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from marsad.doc import ACTOR, TRIGGER, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.events.coding_sides import (
    ARMED_KINDS,
    STATE_KINDS,
    UNARMED,
    SideFinder,
    armed_non_state,
    state_side,
)
from marsad.events.coding_state import Coding
from marsad.events.incidents import (
    BATTLES,
    BOMBINGS,
    CROWD_KINDS,
    EXPLOSIONS,
    NON_VIOLENT_TRANSFER,
    SHELLING,
    TERRITORY,
    VAC,
    VIOLENT_DEMONSTRATION,
)
from marsad.events.interceptions import DISRUPTED
from marsad.events.roles import COVERT, DEATH_WEIGHT
from marsad.events.wording import NAMED_GROUPS, notable_arrest, raid_toll, weapon_author
from marsad.knowledge.lexicon import DISORDER_TYPES
from marsad.models import Span
from marsad.text.normalize import fold

_HAND_GUNS = frozenset({"small arms", "machine gun", "sniper"})
_LOOTING = "Looting/property destruction"


class TypeRefinement(SideFinder):
    """The coder's type and sub-type rules (EventCoder joins them)."""

    @cached_property
    def _aerial_words(self) -> tuple[str, ...]:
        return self.k.cue_words("aerial_words")

    def _refine_type(self, doc: Doc, c: Candidate, s: Coding) -> bool:
        """Refines `s`'s type, sub-type and sides, rule by rule; False: no event (an arrest
        ACLED does not code)."""
        self._whose_weapon_was_stopped(doc, c, s)
        self._type_by_weapons(c, s)
        self._shot_not_shelled(c, s)
        self._attack_on_an_armed_side(s)
        self._air_strike(doc, c, s)
        self._riot_at_a_protest(doc, c, s)
        self._homes_shelled(doc, c, s)
        self._demonstrators_in_a_clash(doc, c, s)
        self._crowd_rioted(doc, c, s)
        self._unarmed_not_first(c, s)
        self._people_at_a_post(doc, c, s)
        self._people_among_the_dead(doc, c, s)
        self._terrorists_of_the_group_hit(doc, c, s)
        self._force_on_protesters(s)
        self._people_shot_by_no_one_named(c, s)
        self._attack_on_civilians(c, s)
        self._territory(s)
        self._taken_without_a_fight(doc, c, s)
        self._raid_with_dead(doc, c, s)
        self._arrest_by_the_state_named(c, s)
        return self._arrest_coded(doc, c, s)

    def _type_columns(
        self,
        c: Candidate,
        s: Coding,
        ev: dict[str, object],
        evidence: dict[str, list[Span]],
        span: Callable[[Mention], Span],
    ) -> None:
        """The event's type, sub-type and disorder type, with the words that told them."""
        ev["event_type"], ev["sub_event_type"] = s.event_type, s.sub
        ev["disorder_type"] = DISORDER_TYPES.get(s.event_type, "")
        evidence["event_type"] = [span(t) for t in c.triggers[:3]]
        evidence["sub_event_type"] = [span(t) for t in c.triggers[:1]] + [span(w) for w in c.weapons[:1]]

    def _whose_weapon_was_stopped(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """A disrupted weapons use: the side whose weapon was stopped is the second."""
        if (
            s.sub == DISRUPTED
            and c.actor1 is not None
            and (
                c.actor1.attrs.get("role_why") == "state_adjectives"
                or weapon_author(doc, self.k, c.actor1)
                # "أعلنت جماعة الحوثي إسقاط طائرة تابعة للتحالف": the owner of the aircraft its
                # claimer downed
                or (
                    c.actor1.attrs.get("role_why") == "owned_heads"
                    and c.actor2 is not None
                    and c.actor2.attrs.get("role_why") == "self_claim_after"
                )
            )
        ):
            # "اعتراض طائرة مسيرة أطلقتها الميليشيا", "إسقاط طائرة تجسس أمريكية": whose weapon it
            # was is the side disrupted; the side that stopped it is the other (ACLED: the
            # disrupting actor first).
            s.a1, s.a2 = s.a2, s.a1

    def _type_by_weapons(self, c: Candidate, s: Coding) -> None:
        """What the weapons told say exploded, or make an attack a bombing or a strike."""
        weapon_subs = [w.value.sub_event_type for w in c.weapons if w.value.sub_event_type]
        if c.retype == (EXPLOSIONS, "Air/drone strike"):
            return  # what aircraft destroyed ("دمر طيران التحالف 3 عجلات مفخخة") was their target
        if s.event_type == EXPLOSIONS and weapon_subs:
            # A weapon ("سيارة مفخخة") says what exploded, not who set it off: a trigger that
            # tells a suicide attack in the weapon's sentence ("فجر سيارته المفخخة") makes it one,
            # and so does the word that leads the incident ("هجوم انتحاري استهدف مقر الوزارة …
            # بعد تفجير سيارة مفخخة قرب مدخله").
            armed = {w.sentence for w in c.weapons}
            told = [
                t.value.sub_event_type
                for t in c.triggers
                if t.value.sub_event_type == "Suicide bomb" and (t.sentence in armed or t is c.trigger)
            ]
            s.sub = _most_specific(weapon_subs + told)
        elif (
            s.event_type in (BATTLES, VAC)
            and weapon_subs
            and not (s.a2 and s.a2.kind in ARMED_KINDS and s.a1)
            # "اشتباكات بين مجموعتين مسلحتين استخدمت فيها الأسلحة الثقيلة": heavy weapons used in
            # a fight told as one stay the fight's (ACLED: an armed clash whatever the arms)
            and not (all(w == SHELLING for w in weapon_subs) and self._told_as_a_fight(c))
        ):
            s.event_type, s.sub = EXPLOSIONS, _most_specific(weapon_subs)
        elif (
            s.event_type == BATTLES
            and c.trigger.attrs.get("weight", 1.0) < 1.0
            and any(
                w.value.sub_event_type in BOMBINGS
                or (
                    (w.value.sub_event_type == SHELLING or w.value.name == "drone")
                    and _instrument_of(c.trigger, w)
                )
                for w in c.weapons
                if w.sentence == c.trigger.sentence
            )
        ):
            # "هاجمت بسيارة ملغومة موكبا عسكريا": a generic attack carried out with a bomb is the
            # bombing, whoever it hit (an exchange of fire, "اشتباكات", stays a battle); so is one
            # made with rockets or a drone named as its instrument ("هجوم بصواريخ استهدف القاعدة").
            s.event_type, s.sub = EXPLOSIONS, _most_specific(weapon_subs)

    def _told_as_a_fight(self, c: Candidate) -> bool:
        """Whether the event's lead word is an exchange of fire (cues.yaml exchange_of_fire:
        "اشتباكات", "معارك", "تبادل إطلاق النار"), not an attack that may be made with the arms told."""
        t = c.trigger
        if t.value.sub_event_type != "Armed clash" or t.attrs.get("weight", 1.0) < 1.0:
            return False
        word = fold(t.text).split()[0].lstrip("وفب")
        return self.k.cues["exchange_of_fire"].has_word(word.removeprefix("ال"))

    def _shot_not_shelled(self, c: Candidate, s: Coding) -> None:
        if (
            s.event_type == EXPLOSIONS
            and s.sub == SHELLING
            and c.trigger.attrs.get("weight", 1.0) < 1.0
            and _guns_only(c)
        ):
            # "استهداف سيارتهما بالرصاص": a generic "targeting" done with bullets is a shooting,
            # not shelling (an attack; on an armed side, a fight, below).
            s.event_type, s.sub = VAC, "Attack"

    def _attack_on_an_armed_side(self, s: Coding) -> None:
        if (
            s.event_type == VAC
            and s.sub == "Attack"
            and s.a2 is not None
            and s.a2.kind in ARMED_KINDS
            and (s.a1 is not None or s.a2.kind in ("state", "police"))
        ):
            # An attack on an armed side is a fight; on state forces also when the attackers go
            # unnamed ("شرطيين قتلا برصاصة": unidentified gunmen, coded below).
            s.event_type, s.sub = BATTLES, "Armed clash"

    def _air_strike(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """Shelling, or deaths, that aircraft caused are an air strike."""
        if (
            s.event_type == EXPLOSIONS
            and s.sub == "Shelling/artillery/missile attack"
            and s.a1 is not None
            and (
                any(w.value.name in ("air strike", "drone", "helicopter") for w in c.weapons)
                or _aerial(c.actor1, self._aerial_words)
                or (not c.weapons and _flown_by(doc, c))  # (a named gun or rocket is fired, not flown)
            )
        ):
            s.sub = "Air/drone strike"
        elif (
            s.event_type in (BATTLES, VAC)
            and s.a1 is not None
            and c.trigger.attrs.get("weight", 1.0) <= DEATH_WEIGHT
            and _aerial(c.actor1, self._aerial_words)
        ):
            # "أن طائرات القوة الجوية دمرت مضافة …، ما أسفر عن مقتل 4 إرهابيين": deaths the
            # aircraft caused, told by a word of death only, are an air strike's.
            s.event_type, s.sub = EXPLOSIONS, "Air/drone strike"

    def _riot_at_a_protest(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """A demonstration whose people used force (a sure riot word) is a riot."""
        if s.event_type == "Protests" and (
            s.sub != "Excessive force against protesters"
            or not any(m.value.kind == "killed" for m in c.casualties)
        ):
            # "خرج مئات الشبان ورشقوا قوات الأمن بالحجارة": demonstrators who used force, told
            # with a sure word, make a riot however the demonstration was met, unless with
            # lethal force (ACLED: Violent demonstration); the force they faced is the other side.
            riot = _sure_riot_word(c)
            if riot is not None:
                s.event_type, s.sub = "Riots", riot.value.sub_event_type
                s.a2 = s.a2 if s.a2 is not None and s.a2.kind in STATE_KINDS else self._security_force(doc, c)

    def _homes_shelled(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """Shelling or an air strike on homes, its target unnamed, hit civilians."""
        if (
            s.event_type == EXPLOSIONS
            and s.sub in ("Shelling/artillery/missile attack", "Air/drone strike")
            and (
                (s.a2 is None and self._homes_hit(doc, c))
                or (self._side_told_elsewhere(doc, c) and self._homes_hit(doc, c, "residential_areas"))
            )
        ):
            # (A side lent from another sentence yields to the villages or quarters the fire is told
            # to have hit: "صدت القوات هجوما … وأضاف أن الميليشيا قصفت بالمدفعية قرى سكنية"; not to
            # one house, which may be that side's: "وردا على ذلك قصفت مروحية منزلا".)
            s.a2 = self._templates.get("civilians")

    @staticmethod
    def _side_told_elsewhere(doc: Doc, c: Candidate) -> bool:
        """The second side is named in none of the sentences of the event's act words, which
        name no one but the first side ("… منزل قائد عينه الحوثيون" names whose house it was)."""
        if c.actor2 is None or c.actor1 is None:
            return False
        first = c.actor1.value
        for t in c.triggers:
            if t.sentence == c.actor2.sentence:
                return False
            for m in doc.in_sentence(ACTOR, t.sentence):
                if m.value != first:
                    return False
        return True

    def _demonstrators_in_a_clash(self, doc: Doc, c: Candidate, s: Coding) -> None:
        # Demonstrators in a "clash" with the police: a demonstration that turned violent (a riot)
        # when the report says what the demonstrators did, else force used against them.
        if s.event_type in (BATTLES, VAC) and any(
            x is not None and x.kind == "protesters" for x in (s.a1, s.a2)
        ):
            riot = [t.value.sub_event_type for t in c.triggers if t.value.event_type == "Riots"]
            if riot:
                demonstrators = s.a1 if s.a1 is not None and s.a1.kind == "protesters" else s.a2
                s.event_type, s.sub, s.a1, s.a2 = (
                    "Riots",
                    riot[0],
                    demonstrators,
                    self._security_force(doc, c),
                )

    def _crowd_rioted(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """A crowd that threw stones at a force, or stormed, attacked or fought one, rioted."""
        # Stones thrown at a force that raided ("اقتحمت قوات الاحتلال البلدة وسط مواجهات مع الشبان الذين
        # رشقوا الآليات بالحجارة"): the youths were rioting (ACLED: Violent demonstration), not
        # attacked as bystanders; the force is the other side.
        rioters = self._templates.get("rioters")
        if s.event_type in (BATTLES, VAC) and rioters is not None:
            force = state_side(s.a1, s.a2)
            other = s.a2 if force is s.a1 else s.a1
            riot = _sure_riot_word(c)
            if force is not None and riot is not None and (other is None or other.kind in UNARMED):
                s.event_type, s.sub, s.a1, s.a2 = "Riots", riot.value.sub_event_type, rioters, force
        if (
            s.event_type == BATTLES
            and rioters is not None
            and (
                # "اقتحم مئات المحتجين الغاضبين مبنى المحافظة": a crowd storming or attacking
                (
                    s.a1 is not None
                    and s.a1.kind in CROWD_KINDS
                    and (s.a2 is None or s.a2.kind in STATE_KINDS | UNARMED)
                )
                or (s.a1 is None and s.a2 is not None and s.a2.kind in CROWD_KINDS)  # "اقتحم مئات المحتجين"
                # "اندلعت مواجهات بين الشبان وقوات الاحتلال": a crowd of unarmed people fighting a
                # state's force
                or (s.sub == "Armed clash" and self._crowd_faces_force(doc, c, s.a1, s.a2))
            )
        ):
            # … was rioting (ACLED: Violent demonstration), the force it faced the other side.
            force = state_side(s.a1, s.a2) or self._security_force(doc, c)
            s.event_type, s.sub, s.a1, s.a2 = "Riots", VIOLENT_DEMONSTRATION, rioters, force

    def _unarmed_not_first(self, c: Candidate, s: Coding) -> None:
        # Who can be which side (CODING.md §3): civilians and protesters do not attack; a
        # demonstration's first actor is the demonstrators.
        if s.event_type not in ("Protests", "Riots") and s.a1 is not None and s.a1.kind in UNARMED:
            if s.a2 is None or s.a2.kind in UNARMED:
                s.a1, s.a2 = None, s.a1 if s.a2 is None else s.a2
            elif s.a2.target_only or (s.sub in COVERT and s.a2.kind in STATE_KINDS):
                # "قتل مدني وجندي في تفجير استهدف نقطة تفتيش": the post or the state's forces are
                # the side attacked (states set no roadside or suicide bombs), the people killed
                # there were passers-by, and the attacker is unnamed.
                s.a1 = None
            elif c.actor1 is not None and (
                (c.actor1.attrs.get("role_why") == "agent_before" and s.event_type in (VAC, BATTLES))
                # (the subject of an attack's verb: an attack on people, not a fight)
                or (c.actor1.attrs.get("role_why") == "agent_verbs" and s.event_type == VAC)
            ):
                # "عملية طعن نفذها شاب فلسطيني", "دهس رجل يقود شاحنة المارة": the man named as
                # doing the attack is an unidentified attacker, not a victim; the people hit stay
                # the second side.
                s.a1 = self._templates.get("unidentified")
            else:
                s.a1, s.a2 = s.a2, s.a1

    def _people_at_a_post(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """People killed by a bomb at a post: the post bombed is the side attacked."""
        if (
            s.event_type == EXPLOSIONS
            and s.sub in (*BOMBINGS, "Grenade")
            and s.a2 is not None
            and s.a2.kind == "civilians"
            and c.actor2 is not None
            and self._generic_people(c.actor2)
        ):
            # "مقتل 3 أشخاص" in the lead, "انفجار سيارة مفخخة عند نقطة تفتيش" in the next
            # sentence: the people are whoever stood there; the post bombed says who was attacked.
            s.a2 = self._post_attacked(doc, c) or s.a2

    def _people_among_the_dead(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """People struck, one of them of an armed side: that side was struck."""
        if (
            s.event_type == EXPLOSIONS
            and s.a2 is not None
            and s.a2.kind == "civilians"
            and c.actor2 is not None
            and self._generic_people(c.actor2)
        ):
            # "قتل ثلاثة أشخاص، بينهم قيادي في وحدات مقاومة سنجار، بضربة": the people struck are
            # named by the armed side one of them belonged to.
            s.a2 = self._among_the_victims(doc, c) or s.a2

    def _terrorists_of_the_group_hit(self, doc: Doc, c: Candidate, s: Coding) -> None:
        if s.a2 is not None and s.a2.kind == "unidentified" and s.a2.template:
            # "دمرت مضافة لعناصر داعش …، ما أسفر عن مقتل 4 إرهابيين": the "terrorists" killed are
            # of the group the event's sentences name as hit.
            s.a2 = (
                self._first_actor(
                    doc,
                    c,
                    lambda m, e: (
                        e.kind in NAMED_GROUPS
                        and not e.template
                        and m.attrs.get("role_cue") == "patient_before"
                    ),
                )
                or s.a2
            )

    def _force_on_protesters(self, s: Coding) -> None:
        """Violence against protesters is excessive force against a protest, the protesters first."""
        if s.event_type in (BATTLES, EXPLOSIONS, VAC) and s.a2 is not None and s.a2.kind == "protesters":
            s.event_type, s.sub = "Protests", "Excessive force against protesters"
            s.a1, s.a2 = s.a2, s.a1

    @cached_property
    def _ambush_words(self) -> tuple[str, ...]:
        """cues.yaml ambush_words, folded (read once, not per event)."""
        return self.k.cue_words("ambush_words")

    def _people_shot_by_no_one_named(self, c: Candidate, s: Coding) -> None:
        """ "قتل ثلاثة إسرائيليين في عملية إطلاق نار": people killed by fire or a stabbing, told by
        weak words only and with no side named, were civilians attacked (by unnamed armed men,
        _unidentified_attacker), not a fight of no one."""
        if (
            s.a1 is None
            and s.a2 is None
            and s.event_type in (BATTLES, VAC)
            and all(t.attrs.get("weight", 1.0) < 1.0 for t in c.triggers if t.value.event_type == BATTLES)
            and any(m.value.kind == "killed" for m in c.casualties)
        ):
            s.a2 = self._templates.get("civilians")

    def _attack_on_civilians(self, c: Candidate, s: Coding) -> None:
        """A "battle" with civilians as its other side."""
        if s.event_type == BATTLES and s.a2 is not None and s.a2.kind == "civilians":
            # A generic "attack" on civilians is violence against them; a word that means an
            # exchange of fire ("اشتباكات") keeps the fight, and the civilians are not its party.
            # A capture of territory stays a capture; the civilians are not the other side.
            ambush = fold(c.trigger.text).split()[0].lstrip("وفب")
            if s.sub == "Armed clash" and (
                c.trigger.attrs.get("weight", 1.0) < 1.0
                # an ambush is laid for its victims, not exchanged ("نصبوا كمينا لحافلة ركاب")
                or ambush.startswith(self._ambush_words)
            ):
                s.event_type, s.sub = VAC, "Attack"
                if not c.casualties and any(t.value.sub_event_type == _LOOTING for t in c.triggers):
                    # "اقتحم مسلحون مقر منظمة إغاثية ونهبوا محتوياته": a raid that hurt no one and
                    # looted is the looting (ACLED's property destruction), not an attack on people.
                    s.event_type, s.sub = "Strategic developments", _LOOTING
            else:
                s.a2 = None

    def _territory(self, s: Coding) -> None:
        """Whose a change of territory is: the government's or a non-state actor's."""
        if s.sub in TERRITORY and s.a1 is not None:
            state = (s.a1.kind in ("state", "police") or s.a1.government_ally) and (
                not s.a1.country or s.a1.country == s.country_code
            )
            s.sub = "Government regains territory" if state else "Non-state actor overtakes territory"
        elif s.sub == "Government regains territory" and s.a2 is not None and s.a2.kind not in STATE_KINDS:
            # "أعلن رئيس الوزراء تحرير مدينة الموصل من قبضة داعش": a retaking from a named group,
            # its doer unnamed, is the government's (its forces, the report's country's)
            s.a1 = self._templates.get("state")

    @staticmethod
    def _taken_without_a_fight(doc: Doc, c: Candidate, s: Coding) -> None:
        """A capture told as made without a fight ("سيطرت قوات الجيش على البلدة دون مقاومة بعد
        انسحاب مقاتلي الحركة منها") is a non-violent transfer of territory: ACLED's battles are
        fights. Only the sure phrases of its sentence tell it (دون قتال, دون مقاومة: the clause of
        the withdrawal is no event of its own), not a withdrawal alone."""
        if s.sub not in TERRITORY:
            return
        for sent in {t.sentence for t in c.triggers if t.value.sub_event_type in TERRITORY}:
            for t in doc.in_sentence(TRIGGER, sent):
                if t.value.sub_event_type == NON_VIOLENT_TRANSFER and t.attrs.get("weight", 1.0) >= 1.0:
                    s.event_type, s.sub = "Strategic developments", NON_VIOLENT_TRANSFER
                    return

    def _raid_with_dead(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """A raid, or a fight with no side named, told with its dead is a fight."""
        if (
            # (also a fight told with the raid and no side named: "دوهم المنزل وتبادلت القوة
            # إطلاق النار مع من فيه فقتل اثنان منهم")
            (s.sub == "Arrests" or (s.event_type == BATTLES and s.a1 is None and s.a2 is None))
            and (s.a1 is None or s.a1.kind in STATE_KINDS)
            and any(
                m.value.kind == "killed"
                and m.value.count
                and raid_toll(doc, self.k, c, m)
                and not self.fatality_filter.is_period_total(doc, m)
                for m in c.casualties
            )
        ):
            # "داهمت قوات الأمن شقة المطلوبين فبادلوها إطلاق النار، ما أدى إلى مصرع 6": a raid with
            # dead is a fight with those it sought (armed, unless the report names them).
            s.event_type, s.sub = BATTLES, "Armed clash"
            if s.a1 is None and s.a2 is not None and s.a2.kind in STATE_KINDS:
                s.a1, s.a2 = s.a2, None  # the raiders' own dead ("استشهد ضابط خلال المداهمات")
            if s.a2 is None or s.a2.kind in UNARMED:
                s.a2 = self._templates.get("unidentified")
            if s.a1 is None:
                # The state force the report names (its spokesman, its dead), else the police.
                s.a1 = self._security_force(doc, c) or self._templates.get("police")

    def _arrest_by_the_state_named(self, c: Candidate, s: Coding) -> None:
        """An armed group and a state force named for an arrest: the state force arrests."""
        if (
            s.sub == "Arrests"
            and self._group_as_arrester(c, s.a1)
            and s.a2 is not None
            and s.a2.kind in STATE_KINDS
        ):
            # "تفكيك خلية إرهابية … الوحدات الأمنية": the state force arrests the group, whichever
            # the clause named first.
            s.a1, s.a2 = s.a2, s.a1

    def _arrest_coded(self, doc: Doc, c: Candidate, s: Coding) -> bool:
        """Whether the event is no arrest, or one ACLED codes: of an armed group's members (no
        gang), or a notable one."""
        return not (
            s.sub == "Arrests"
            and not (
                (armed_non_state(s.a2) and not self._gang_held(c, s.a2))
                or notable_arrest(doc, self.k, c, by_state=s.a1 is None or s.a1.kind in STATE_KINDS)
            )
        )


def _sure_riot_word(c: Candidate) -> Mention | None:
    """The first unambiguous riot word among a candidate's triggers ("رشقوا", "بالحجارة")."""
    return next(
        (t for t in c.triggers if t.value.event_type == "Riots" and t.attrs.get("weight", 1.0) >= 1.0), None
    )


def _instrument_of(trigger: Mention, weapon: Mention) -> bool:
    """ "هجوم بصواريخ": the weapon right after the act's word, with its "ب", is what it was done with
    (rockets, shells or a drone; "بقاذفة صواريخ", a launcher fired at close range, stays a fight)."""
    return 0 <= weapon.start - trigger.end <= 1 and weapon.text.startswith("ب")


def _guns_only(c: Candidate) -> bool:
    """Whether the weapons told in the lead trigger's sentence are guns only (at least one)."""
    told = [w.value.name for w in c.weapons if w.sentence == c.trigger.sentence]
    return bool(told) and all(n in _HAND_GUNS for n in told)


def _most_specific(subs: list[str]) -> str:
    # Explosives dropped from the air (barrel bombs, "براميل محملة بالمتفجرات") are an air
    # strike, not an IED: the aircraft outranks the explosive it carries.
    order = [
        "Suicide bomb",
        "Chemical weapon",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Shelling/artillery/missile attack",
    ]
    for s in order:
        if s in subs:
            return s
    return subs[0]


def _flown_by(doc: Doc, c: Candidate) -> bool:
    """Whether a clause that tells the act names the first side by its aircraft ("أعلن المتحدث
    العسكري … مقتل 16 مسلحا. وأوضح أن القوات الجوية استهدفت البؤر": the army's air force)."""
    a1 = c.actor1
    if a1 is None:
        return False
    clauses = {(t.sentence, t.clause) for t in c.triggers}
    return any(
        m.attrs.get("aerial") and m.value == a1.value and (m.sentence, m.clause) in clauses
        for m in doc.get(ACTOR)
    )


def _aerial(m: Mention | None, words: tuple[str, ...]) -> bool:
    return m is not None and any(w in fold(m.text) for w in words)
