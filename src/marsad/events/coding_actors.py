"""An event's sides (CODING.md §3), for the coder (events/coding.py), once its type is known: who
arrested, stopped or fired when the report leaves it unnamed, a demonstration's crowd first (and
the protest's sub-type that the force it met refines), who cannot be the second side; then the
actor columns: the sides' names and inter codes, the associates, the words behind each."""

from __future__ import annotations

import contextlib
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
)
from marsad.events.coding_state import Coding
from marsad.events.incidents import BATTLES, BOMBINGS, EXPLOSIONS, SHELLING, VAC
from marsad.events.interceptions import DISRUPTED
from marsad.events.wording import weapon_author
from marsad.knowledge.lexicon import ActorEntry
from marsad.models import Span
from marsad.recognize.cues import CUE_REACH, CueList, peel, words_before
from marsad.text.normalize import fold

OWNER_GAP = 12  # characters from a weapon's name to its owner's: " تابعة ل", " التابعة ل"


# Sub-types an unnamed perpetrator is still coded for (as an unidentified armed group).
def _claims_the_act_before(doc: Doc, claim_it: CueList, m: Mention) -> bool:
    """Whether the claim verb before `m` carries the act it claims as a pronoun (`claim_it`:
    "بعد يومين على هجوم انتحاري تبناه تنظيم داعش"): the act named right before, another than the
    report's."""
    fs = doc.folded_index(m.start)
    return claim_it.found_in(words_before(doc.folded.text, fs, max(0, fs - CUE_REACH), 2))


# The kinds of group whose claim of an act names its author (incidents.NON_STATE_ARMED).
_CLAIMING_KINDS = frozenset(("rebel", "militia", "identity"))
UNIDENTIFIED_OK = {
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Attack",
    "Abduction/forced disappearance",
    "Armed clash",
}


class ActorCoding(SideFinder):
    """The coder's rules for the sides and its actor columns (EventCoder joins them)."""

    def _settlers_hit(self, s: Coding) -> None:
        """Settlers hit are civilians (actors.yaml civilians_when_hit)."""
        if s.a2 is not None and s.a2.civilians_when_hit and s.a2.country:
            # "إطلاق نار استهدف مركبة للمستوطنين": the settlers hit are civilians of their country.
            civilians = self._templates.get("civilians")
            if civilians is not None:
                with contextlib.suppress(KeyError):
                    s.a2_country = self.k.gazetteer.country(s.a2.country).country
                    s.a2 = civilians

    def _code_sides(
        self,
        doc: Doc,
        c: Candidate,
        s: Coding,
        ev: dict[str, object],
        evidence: dict[str, list[Span]],
        span: Callable[[Mention], Span],
    ) -> bool:
        """Completes `s`'s sides, rule by rule, and writes the actor columns; False: no event (no
        side, or a passing reference to fighting)."""
        self._arrested_group(doc, c, s)
        self._air_defence_stops(c, s)
        self._owner_of_the_stopped(c, s)
        self._teller_of_its_own_loss(c, s)
        self._sides_of_a_disruption(s)
        self._arresting_force(s)
        self._launch_author(doc, c, s)
        self._unnamed_firer(doc, c, s)
        self._dead_of_an_unclaimed_bombing(c, s)
        self._claimed_in_the_report(doc, c, s)
        self._unidentified_attacker(doc, c, s)
        self._crowd_first(c, s)
        self._force_rioters_faced(doc, c, s)
        self._protest_met(doc, c, s)
        ev["sub_event_type"] = s.sub  # the intervention a protest met refines its sub-type
        self._no_second_side(s)
        self._pair_of_parties(doc, c, s)
        if s.event_type == VAC and s.a1 is not None and s.a2 is None:
            # Violence against civilians is violence against someone unarmed: the victim not named
            # as an actor ("اغتال مجهولون عضو المجلس البلدي") is a civilian of the event's country.
            s.a2 = self._templates.get("civilians")
        if s.a1 is None and s.a2 is None:
            return False
        name1, name2 = self._side_names(s)
        if (
            s.event_type == BATTLES
            and (s.a1 is None or s.a2 is None)
            and not c.casualties
            and c.inherited_date
        ):
            # A fight with one side, no toll and no day of its own is a passing reference to the
            # fighting ("المعارك الدائرة"), not a reported clash.
            return False
        self._actor_columns(c, s, name1, name2, ev, evidence, span)
        return True

    def _arrested_group(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """An armed group named for an arrest is the side arrested, not the one arresting."""
        if s.sub == "Arrests" and self._group_as_arrester(c, s.a1) and (s.a2 is None or s.a2.kind in UNARMED):
            # ACLED's arrests are made by states: an armed group named as the only side of an
            # arrest is the one whose members were arrested ("اعتقال عناصر من داعش").
            s.a1, s.a2 = None, s.a1
        elif s.sub == "Arrests" and self._group_as_arrester(c, s.a1) and armed_non_state(s.a2):
            # "تفكيك خلية إرهابية بايعت تنظيم داعش": both sides named are the ones arrested (the
            # named group before an unnamed cell); the state force of the report arrested them.
            s.a2 = s.a2 if s.a1 is not None and s.a1.kind == "unidentified" else s.a1
            s.a1 = self._security_force(doc, c)

    def _teller_of_its_own_loss(self, c: Candidate, s: Coding) -> None:
        """A force telling of a loss in its own camp is not the side that inflicted it."""
        if (
            s.a1 is not None
            and s.a2 is not None
            and c.actor2 is not None
            and c.actor2.attrs.get("role_why") == "teller_verbs"
            and s.a2 is self._entry(c.actor2)
            and s.a1.shares_camp(s.a2)
        ):
            # "أعلنت قيادة القوات المشتركة أن جنديا سعوديا استشهد إثر تعرضه لإطلاق نار": the
            # coalition's command tells of a Saudi soldier's death; it did not fight him.
            s.a2 = None

    def _air_defence_stops(self, c: Candidate, s: Coding) -> None:
        """Air defences named for an interception stopped it: they are its first side, whatever
        verb the fire they stopped was told with."""
        if (
            s.sub == DISRUPTED
            and c.actor2 is not None
            and c.actor2.attrs.get("air_defence")
            and (c.actor1 is None or not c.actor1.attrs.get("air_defence"))
            and s.a2 is self._entry(c.actor2)
        ):
            # "تصدت الدفاعات الجوية السورية لصواريخ إسرائيلية استهدفت مطار التيفور": the missiles
            # are the subject of "استهدفت", so read as the author; the defences stopped them.
            s.a1, s.a2 = s.a2, s.a1
            s.a1_country, s.a2_country = s.a2_country, s.a1_country

    def _owner_of_the_stopped(self, c: Candidate, s: Coding) -> None:
        """The owner named after a stopped weapon ("أسقطت الفصائل طائرة استطلاع تابعة لقوات
        النظام") is the side whose weapon was stopped, not the one that stopped it (read as the
        author of the aircraft its link word names)."""
        a1 = c.actor1
        if (
            s.sub == DISRUPTED
            and a1 is not None
            and a1.attrs.get("role_why") == "owned_heads"
            and a1.start > c.trigger.start
            and s.a1 is self._entry(a1)
            # (the weapon's owner, not the unit's: "الفرق الهندسية التابعة للجيش" stopped the mines)
            and any(w.end <= a1.start and a1.start - w.end <= OWNER_GAP for w in c.weapons)
        ):
            s.a1, s.a2 = s.a2, s.a1
            s.a1_country, s.a2_country = s.a2_country, s.a1_country

    def _sides_of_a_disruption(self, s: Coding) -> None:
        """Who stopped a group's weapon, and who is no side of it."""
        if s.a1 is None and s.sub == DISRUPTED and s.a2 is not None and s.a2.kind not in STATE_KINDS:
            # "أعلن التحالف اعتراض طائرة مسيرة أطلقها الحوثيون": a group's missile or drone
            # stopped with no one named stopping it was stopped by the forces of the country it
            # was in (with neither side named, a stopped weapon is too often one spoken of in
            # general, or a false alarm: no event).
            s.a1 = self._templates.get("state")
        if s.sub == DISRUPTED and s.a1 is not None and s.a2 is not None and s.a2.kind == "civilians":
            # "إحباط هجوم بسيارة مفخخة كانت معدة لاستهداف تجمع للمدنيين": the people a stopped
            # bomb was aimed at are not the side whose weapon was stopped.
            s.a2 = None

    def _arresting_force(self, s: Coding) -> None:
        if s.a1 is None and s.sub == "Arrests":
            # ACLED codes arrests by state forces only: a state force the clause names is the
            # one arresting ("اعتقالات نفذها الجيش"), and an arrest whose makers go unnamed
            # ("تم توقيف شخصين") was made by the police of the country it happened in.
            if s.a2 is not None and s.a2.kind in STATE_KINDS:
                s.a1, s.a2 = s.a2, None
            else:
                s.a1 = self._templates.get("police")

    def _launch_author(self, doc: Doc, c: Candidate, s: Coding) -> None:
        if (
            s.a1 is None
            and s.event_type == EXPLOSIONS
            and s.a2 is not None
            and s.a2.kind not in UNARMED
            and c.actor2 is not None
            and weapon_author(doc, self.k, c.actor2)
        ):
            # "اعترضت الدفاعات صاروخا أطلقه الحوثيون باتجاه جازان": the launch's second side is
            # the one that fired the weapon: its author, not its target.
            s.a1, s.a2 = s.a2, None

    def _unnamed_firer(self, doc: Doc, c: Candidate, s: Coding) -> None:
        # Fire from a place whose firer the report leaves unnamed ("أطلقت صواريخ من غزة على …"):
        # an armed group of the origin's country, wherever the fire fell (events/launch.py).
        if (
            s.a1 is None
            and (c.origin is not None or c.target_country is not None)
            and s.event_type == EXPLOSIONS
        ):
            origin = self._fire_origin(doc, c)
            s.a1 = self._cross_border_firer(c, origin) or self._templates.get("unidentified")
            s.a1_country = self._fire_country(origin, s.country)
        elif s.a2 is None and s.sub == DISRUPTED and (c.origin is not None or c.target_country is not None):
            # The unnamed firer of the fire it stopped, named as the launch's is.
            origin = self._fire_origin(doc, c)
            s.a2 = self._cross_border_firer(c, origin) or self._templates.get("unidentified")
            s.a2_country = self._fire_country(origin, s.country)
            # (and, as for a named group's weapon, stopped by the forces of the country it was in)
            self._sides_of_a_disruption(s)

    def _dead_of_an_unclaimed_bombing(self, c: Candidate, s: Coding) -> None:
        """ "ارتفعت حصيلة ضحايا التفجير الانتحاري الذي استهدف حي الكرادة إلى 213 قتيلا": a bombing
        that killed, no side named for it, killed people (civilians); the unnamed bombers are
        found next (_unidentified_attacker)."""
        if s.sub in BOMBINGS and s.a2 is None and any(m.value.kind == "killed" for m in c.casualties):
            # (its claimant named too: "قتل 125 في تفجير الكرادة … وتبنى تنظيم داعش التفجير")
            s.a2 = self._templates.get("civilians")

    def _claimed_in_the_report(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """ "ارتفعت حصيلة التفجير الانتحاري … وكان انتحاري قد فجر نفسه …، فيما أعلن تنظيم داعش
        مسؤوليته عن الهجوم": a bombing told with no author, in a report where one armed group
        alone claims an act (in a clause recalled, which makes no event of its own), is that
        group's."""
        if s.a1 is not None or s.sub not in UNIDENTIFIED_OK:
            return
        # (a claim told in another event's sentences is that event's: "قتل أربعة من الشرطة …
        # وأعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم. وكان جنديان قد أصيبا … في انفجار عبوة")
        others = {n for o in doc.candidates if o is not c for n in o.sentences}
        claim_it = self.k.cues["claim_it_before"]
        claimants = {
            m.value
            for m in doc.get(ACTOR)
            if m.attrs.get("claims")
            and m.attrs.get("kind") in _CLAIMING_KINDS
            and m.sentence not in others
            and not _claims_the_act_before(doc, claim_it, m)
        }
        if len(claimants) == 1:
            s.a1 = self.k.actors[next(iter(claimants))]

    def _unidentified_attacker(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """Unnamed, armed men for a sub-type an unnamed perpetrator is coded for (UNIDENTIFIED_OK)."""
        if s.a1 is None and (
            ((s.sub in UNIDENTIFIED_OK or c.answered) and s.a2 is not None)
            or (s.sub in (SHELLING, *BOMBINGS) and s.a2 is None and c.weapons)
        ):
            # (Also rockets that fell with no firer or target named: "سقطت صواريخ كاتيوشا داخل …".)
            # (An act told as what another answered was done by someone: unnamed, armed men.)
            unidentified = self._templates.get("unidentified")
            if unidentified is not None:
                s.a1 = unidentified
                entwined = self.k.entwined_countries.get(doc.country or "", frozenset())
                apart = (
                    _country_apart(doc, s.country_code, entwined)
                    if s.sub == SHELLING and s.country_code
                    else None
                )
                if apart is not None:
                    # Fire that fell in another country than the report's ("إطلاق صواريخ من
                    # القطاع على جنوب إسرائيل" in a report from Gaza): that country's armed
                    # men, or the group its unclaimed fire across the border is coded to.
                    with contextlib.suppress(KeyError):
                        s.a1_country = self.k.gazetteer.country(apart).country
                    s.a1 = self._cross_border_firers.get(apart, s.a1)

    def _crowd_first(self, c: Candidate, s: Coding) -> None:
        """A demonstration's or a riot's crowd is its first side."""
        crowd = ("protesters", "rioters")
        swap = s.a2 is not None and s.a2.kind in crowd and (s.a1 is None or s.a1.kind not in crowd)
        if s.event_type in ("Protests", "Riots") and swap:
            s.a1, s.a2 = s.a2, s.a1  # "متظاهرين برصاص الاحتلال": the crowd is the first side
        if s.event_type == "Protests" and (s.a1 is None or s.a1.kind not in ("protesters",)):
            protesters = self._templates.get("protesters")
            if protesters is not None:
                if s.a1 is not None and s.a1.kind not in ("protesters",):
                    # "استشهد شاب برصاص قوات الاحتلال خلال مسيرات العودة": the force that fired is
                    # the side the demonstrators met, not the demonstrator it hit.
                    hurt = s.a2 is not None and s.a2.kind in UNARMED and bool(c.casualties)
                    s.a2 = s.a1 if s.a1.kind in ARMED_KINDS and hurt else s.a2 or s.a1
                s.a1 = protesters
        if s.event_type == "Riots" and (s.a1 is None or s.a1.kind != "rioters"):
            rioters = self._templates.get("rioters")
            if rioters is not None:
                s.a1 = rioters

    def _force_rioters_faced(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """People hurt in a riot are not its second side: the force the rioters faced is."""
        if (
            s.event_type == "Riots"
            and s.a2 is not None
            and s.a2.kind == "civilians"
            and c.actor2 is not None
            and (s.sub == "Violent demonstration" or self._generic_people(c.actor2))
        ):
            # "قتل شخصان خلال احتجاجات … رشق المحتجون عناصر الأمن": the people hurt are whoever
            # stood there, and "احتشد عشرات الشبان ورشقوا …" names the crowd itself; the force
            # the rioters faced, if named, is the other side (mob violence does target people).
            s.a2 = self._security_force(doc, c)

    def _protest_met(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """A protest's sub-type, as the intervention or the force it met refines it."""
        if (
            s.event_type == "Protests"
            and s.sub == "Peaceful protest"
            # (a weak word of force in the march's clause: "خلال قمع قوات الاحتلال المسيرة الأسبوعية")
            and (c.intervention or any(_met_in_its_clause(t, c.trigger) for t in c.triggers))
        ):
            s.sub = "Protest with intervention"
        if (
            s.event_type == "Protests"
            and s.sub == "Protest with intervention"
            and (s.a2 is None or s.a2.kind in ("civilians", "protesters", "rioters"))
        ):
            # "فرقت الشرطة وقفة احتجاجية نظمها عشرات الصحفيين": the force that intervened is the
            # second side, not the people the protest was made of.
            s.a2 = self._security_force(doc, c) or s.a2
        if (
            s.event_type == "Protests"
            and s.sub == "Peaceful protest"
            and (
                any(t.value.event_type in (BATTLES, VAC) for t in c.triggers)
                or c.weapons
                # (the killing word merged away with the march told in its sentence: "قتل 8 أشخاص
                # خلال احتجاجات")
                or any(
                    t.value.event_type in (BATTLES, VAC)
                    for sent in c.sentences
                    for t in doc.in_sentence(TRIGGER, sent)
                )
            )
            and any(m.value.kind == "killed" for m in c.casualties)
        ):
            # "قتل شاب برصاص جيش الاحتلال في احتجاجات الجمعة": a demonstrator killed by the
            # forces facing the demonstration (a killing word or a weapon says it was no accident).
            force = s.a2 if s.a2 is not None and s.a2.kind in STATE_KINDS else self._security_force(doc, c)
            if force is None:
                # "قتل 8 أشخاص خلال احتجاجات على ارتفاع أسعار الخبز": killed with no one named, by
                # the police facing the crowd (a demonstration counting dead was not peaceful).
                force = self._templates.get("police")
            if force is not None:
                s.sub, s.a2 = "Excessive force against protesters", force
        if (
            s.event_type == "Protests"
            and s.sub == "Protest with intervention"
            and (
                any(m.value.kind == "killed" for m in c.casualties)
                # "أصيب 30 متظاهرا بالرصاص الحي": demonstrators wounded by live fire met lethal force
                or (any(m.value.kind == "injured" for m in c.casualties) and self._live_fire(doc, c))
            )
        ):
            s.sub = "Excessive force against protesters"

    def _live_fire(self, doc: Doc, c: Candidate) -> bool:
        """A sentence of the event tells live fire (cues.yaml live_fire: not rubber bullets or gas)."""
        live = self.k.cues["live_fire"]
        for sent in sorted(c.sentences):
            seg = doc.sentences[sent]
            if live.found_in(doc.folded_slice(seg.start, seg.end).split()):
                return True
        return False

    def _no_second_side(self, s: Coding) -> None:
        """Second sides the event cannot have."""
        if s.event_type == "Protests" and s.sub == "Peaceful protest":
            s.a2 = None  # nobody acted upon a peaceful demonstration
        if (
            s.event_type == "Protests"
            and s.a2 is not None
            and s.a2.kind not in ("state", "police", "militia", "rebel", "unidentified", "external")
        ):
            s.a2 = None
        if s.event_type == EXPLOSIONS and s.a1 is not None and s.a2 is not None and s.a1.shares_camp(s.a2):
            # Remote fire never hits the firer's own camp (roles.py); a side that merging brought
            # in from the act it answered ("ردا على قصف المتمردين مواقع المقاومة") is not its target.
            s.a2 = None

    def _pair_of_parties(self, doc: Doc, c: Candidate, s: Coding) -> None:
        """ "اشتباكات بين أبناء قبيلتين": two tribes or clans fought each other, the one name on both
        sides (cues.yaml pair_of_parties); so did "مجموعتين مسلحتين", two armed groups left unnamed."""
        if (
            s.event_type != BATTLES
            or s.a1 is None
            or s.a1.kind not in ("identity", "unidentified")
            or (s.a1.kind == "unidentified" and s.a2 is not None)  # (not an attack on people)
            or (s.a2 is not None and s.a2 is not s.a1 and s.a2.kind != "civilians")
        ):
            return
        pair = self.k.cues["pair_of_parties"]
        for m in doc.in_sentence(ACTOR, c.trigger.sentence):
            if self._entry(m) is s.a1 and any(pair.has_word(w) for w in peel(fold(m.text).split()[-1])):
                s.a2, s.a2_country, s.pair = s.a1, s.a1_country, True
                return

    def _side_names(self, s: Coding) -> tuple[str, str]:
        """The two sides' names (the second dropped when it is the first)."""
        name1 = self.actor_name(s.a1, s.a1_country) if s.a1 else ""
        name2 = self.actor_name(s.a2, s.a2_country) if s.a2 else ""
        if s.a1 is not None and s.a2 is not None and name1 == name2 and not s.pair:
            s.a2, name2 = None, ""  # never the same actor on both sides, but a pair's
        return name1, name2

    def _actor_columns(
        self,
        c: Candidate,
        s: Coding,
        name1: str,
        name2: str,
        ev: dict[str, object],
        evidence: dict[str, list[Span]],
        span: Callable[[Mention], Span],
    ) -> None:
        """The actor columns: names, inter codes, associates, interaction, civilian targeting,
        with the words behind each side."""
        ev["actor1"], ev["actor2"] = name1, name2
        ev["inter1"] = self.inter(s.a1, s.country_code) if s.a1 else None
        ev["inter2"] = self.inter(s.a2, s.country_code) if s.a2 else None
        # The words behind each side, also when the coding rules above swapped the two.
        actors = self.k.actors
        for side, entry in (("actor1", s.a1), ("actor2", s.a2)):
            if entry is None:
                continue
            for x in (c.actor1, c.actor2):
                if x is not None and actors[x.value] is entry:
                    evidence[side] = [span(x)]
                    break
        ev["assoc_actor_1"] = (
            "; ".join(dict.fromkeys(self.actor_name(actors[m.value], s.country) for m in c.assoc1))
            if c.assoc1
            else ""
        )
        ev["assoc_actor_2"] = (
            "; ".join(dict.fromkeys(self.actor_name(actors[m.value], s.country) for m in c.assoc2))
            if c.assoc2
            else ""
        )
        if c.assoc1:
            evidence["assoc_actor_1"] = [span(m) for m in c.assoc1]
        if c.assoc2:
            evidence["assoc_actor_2"] = [span(m) for m in c.assoc2]
        codes = sorted(x for x in (ev["inter1"], ev["inter2"]) if x is not None)
        ev["interaction"] = "".join(str(x) for x in codes) if len(codes) == 2 else f"{codes[0]}0"
        ev["civilian_targeting"] = (
            "Civilian targeting" if s.a2 is not None and s.a2.kind == "civilians" else ""
        )

    def _fire_origin(self, doc: Doc, c: Candidate) -> str | None:
        """The country (ISO alpha-2) fire with an unnamed firer came from: its origin's; else,
        aimed across a border from an origin left unsaid, the report's own country, or, when that
        is the target, another country the report names about as much (a report told on both
        sides of the border)."""
        if c.origin is not None:
            return c.origin.value.choice.country_code
        return _country_apart(
            doc, c.target_country, self.k.entwined_countries.get(doc.country or "", frozenset())
        )

    def _fire_country(self, origin: str | None, country: str) -> str:
        """The name of the country `origin` (`_fire_origin`), else `country` (the event's)."""
        if origin is not None:
            with contextlib.suppress(KeyError):
                return self.k.gazetteer.country(origin).country
        return country

    def _cross_border_firer(self, c: Candidate, origin: str | None) -> ActorEntry | None:
        """The group an unclaimed launch from `origin` (`_fire_origin`) across a border is coded
        to, if its country has one."""
        target = c.target_country
        if target is None and c.place is not None and c.place.value.choice is not None:
            target = c.place.value.choice.country_code  # where the fire fell
        if target is None or origin is None or origin == target:
            return None
        return self._cross_border_firers.get(origin)

    @cached_property
    def _cross_border_firers(self) -> dict[str, ActorEntry]:
        """Country (ISO alpha-2) → the group its unclaimed fire at another country is coded to
        (actors.yaml `unclaimed_cross_border_fire`)."""
        return {e.country: e for e in self.k.actors if e.unclaimed_cross_border_fire and e.country}

    def actor_name(self, entry: ActorEntry, country: str) -> str:
        name = entry.name
        if "{country}" in name:
            return name.replace("{country}", country or "Unknown")
        if entry.country_qualified and country:
            return f"{name} ({country})"
        return name

    def inter(self, entry: ActorEntry, country_code: str | None) -> int:
        # A state's forces acting outside their own country are external forces (inter 8).
        if entry.inter == 1 and entry.country and country_code and entry.country != country_code:
            return 8
        return entry.inter


def _met_in_its_clause(t: Mention, lead: Mention) -> bool:
    """Whether `t` is an intervention word told in the clause of the protest's word `lead`."""
    return (
        t.value.sub_event_type == "Protest with intervention"
        and t.sentence == lead.sentence
        and t.clause == lead.clause
    )


def _country_apart(doc: Doc, country: str | None, entwined: frozenset[str] = frozenset()) -> str | None:
    """A country of the report other than `country` (ISO alpha-2): the report's own, or, when
    that is `country`, another it names about as much (a report told on both sides of a border),
    or, entwined with it (countries.yaml never_abroad_with), one it names a quarter as much."""
    if doc.country and doc.country != country:
        return doc.country
    scores = doc.country_scores
    own = scores.get(doc.country or "", 0.0)
    others = [
        (w, cc)
        for cc, w in scores.items()
        if cc != country and w > 0 and (2 * w >= own or (cc in entwined and 4 * w >= own))
    ]
    return max(others)[1] if others else None
