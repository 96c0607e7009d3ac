"""Coding (CODING.md §2-8): every column of an event from its assembled candidate, with evidence."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import date
from functools import cached_property

from marsad.doc import ACTOR, TRIGGER, Doc, Mention
from marsad.events.assemble import Candidate
from marsad.events.background import is_recent
from marsad.events.fatalities import FatalityFilter, figure
from marsad.events.incidents import (
    BATTLES,
    BOMBINGS,
    CROWD_KINDS,
    EXPLOSIONS,
    SHELLING,
    TERRITORY,
    VAC,
    VIOLENT_DEMONSTRATION,
)
from marsad.events.interceptions import DISRUPTED
from marsad.events.notes import write_notes
from marsad.events.roles import COVERT, DEATH_WEIGHT
from marsad.events.wording import (
    NAMED_GROUPS,
    assassination,
    notable_arrest,
    raid_toll,
    weapon_author,
    word_just_before,
)
from marsad.knowledge.gazetteer import Place
from marsad.knowledge.lexicon import DISORDER_TYPES, ActorEntry
from marsad.knowledge.resources import Knowledge
from marsad.models import Event, Span
from marsad.recognize.cues import peel
from marsad.recognize.places import PlaceRef
from marsad.text.normalize import fold

UNARMED = {"civilians", "protesters"}
STATE_KINDS = {"state", "police", "external"}
ARMED_KINDS = {"state", "police", "rebel", "militia", "identity", "external", "unidentified"}
# Sub-types an unnamed perpetrator is still coded for (as an unidentified armed group).
UNIDENTIFIED_OK = {
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Attack",
    "Abduction/forced disappearance",
    "Armed clash",
}


def _sure_riot_word(c: Candidate) -> Mention | None:
    """The first unambiguous riot word among a candidate's triggers ("رشقوا", "بالحجارة")."""
    return next(
        (t for t in c.triggers if t.value.event_type == "Riots" and t.attrs.get("weight", 1.0) >= 1.0), None
    )


def _instrument_of(trigger: Mention, weapon: Mention) -> bool:
    """ "هجوم بصواريخ": the weapon right after the act's word, with its "ب", is what it was done with
    (rockets, shells or a drone; "بقاذفة صواريخ", a launcher fired at close range, stays a fight)."""
    return 0 <= weapon.start - trigger.end <= 1 and weapon.text.startswith("ب")


class EventCoder:
    name = "code"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        self.fatality_filter = FatalityFilter(knowledge)

    def __call__(self, doc: Doc) -> Doc:
        events = []
        if doc.candidates:
            # The same for every event of the report: found once per report.
            scale = self.k.source_scale(doc.source)
            spans: dict[Mention, Span] = {}
            for i, c in enumerate(doc.candidates):
                ev = self.code(doc, c, i, scale, spans)
                if ev is not None:
                    events.append(ev)
                    if c.retort:
                        doc.answers.add(id(ev))
        doc.events = events
        return doc

    # --- actors ----------------------------------------------------------------------------
    @staticmethod
    def _group_as_arrester(c: Candidate, a1: ActorEntry | None) -> bool:
        """Whether an arrest's actor1 is an armed group that cannot be making it (ACLED's arrests
        are made by states): any named or unidentified group, except a de facto authority named
        as the subject ("اعتقلت جماعة الحوثي صحفيين") or before the act ("أعلنت قسد اعتقال 23
        شخصا"); named after it ("اعتقال عناصر من الحوثيين") even an authority is the side arrested."""
        if a1 is None or a1.kind not in NAMED_GROUPS | {"unidentified"}:
            return False
        m = c.actor1
        return not (
            a1.de_facto_authority
            and m is not None
            and (m.attrs.get("role_cue") == "agent_before" or m.start < c.trigger.start)
        )

    def _entry(self, m: Mention | None) -> ActorEntry | None:
        return self.k.actors[m.value] if m is not None else None

    @cached_property
    def _templates(self) -> dict[str, ActorEntry]:
        """The template actor of each kind (the unidentified armed group, the protesters, the
        rioters of a country), as entries."""
        return {kind: self.k.actors[i] for kind, i in self.k.templates_by_kind.items()}

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

    @cached_property
    def _aerial_words(self) -> tuple[str, ...]:
        return self.k.cue_words("aerial_words")

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

    # --- the event -------------------------------------------------------------------------
    def code(
        self,
        doc: Doc,
        c: Candidate,
        index: int,
        source_scale: str | None = None,
        spans: dict[Mention, Span] | None = None,
    ) -> Event | None:
        """One candidate's event, or None. `source_scale` (the report's) and `spans` (the
        evidence span of each mention, shared by the report's events) are the caller's per-report
        values; without them they are found here."""
        if spans is None:
            spans = {}

        def span(m: Mention) -> Span:
            # One Span per mention and report: events sharing a place, date or trigger share it.
            s = spans.get(m)
            if s is None:
                s = spans[m] = m.span()
            return s

        ev: dict[str, object] = {}
        evidence: dict[str, list[Span]] = {}
        place_m = c.place
        place: Place | None = place_m.value.choice if place_m is not None else None
        country_code = place.country_code if place else doc.country
        gaz = self.k.gazetteer
        country_place = None
        if country_code:
            try:
                country_place = gaz.country(country_code)
            except KeyError:
                country_place = None
        country = place.country if place else (country_place.country if country_place else "")

        # Type and sub-type: the leading trigger, refined by weapons and by who was targeted.
        event_type, sub = c.coded_type
        a1, a2 = self._entry(c.actor1), self._entry(c.actor2)
        a2_country = country
        if a2 is not None and a2.civilians_when_hit and a2.country:
            # "إطلاق نار استهدف مركبة للمستوطنين": the settlers hit are civilians of their country.
            civilians = self._templates.get("civilians")
            if civilians is not None:
                with contextlib.suppress(KeyError):
                    a2_country = gaz.country(a2.country).country
                    a2 = civilians
        if (
            sub == DISRUPTED
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
            a1, a2 = a2, a1
        weapon_subs = [w.value.sub_event_type for w in c.weapons if w.value.sub_event_type]
        if event_type == EXPLOSIONS and weapon_subs:
            # A weapon ("سيارة مفخخة") says what exploded, not who set it off: a trigger that
            # tells a suicide attack in the weapon's sentence ("فجر سيارته المفخخة") makes it one.
            armed = {w.sentence for w in c.weapons}
            told = [
                t.value.sub_event_type
                for t in c.triggers
                if t.value.sub_event_type == "Suicide bomb" and t.sentence in armed
            ]
            sub = _most_specific(weapon_subs + told)
        elif event_type in (BATTLES, VAC) and weapon_subs and not (a2 and a2.kind in ARMED_KINDS and a1):
            event_type, sub = EXPLOSIONS, _most_specific(weapon_subs)
        elif (
            event_type == BATTLES
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
            event_type, sub = EXPLOSIONS, _most_specific(weapon_subs)
        if (
            event_type == EXPLOSIONS
            and sub == SHELLING
            and c.trigger.attrs.get("weight", 1.0) < 1.0
            and _guns_only(c)
        ):
            # "استهداف سيارتهما بالرصاص": a generic "targeting" done with bullets is a shooting,
            # not shelling (an attack; on an armed side, a fight, below).
            event_type, sub = VAC, "Attack"
        if (
            event_type == VAC
            and sub == "Attack"
            and a2 is not None
            and a2.kind in ARMED_KINDS
            and (a1 is not None or a2.kind in ("state", "police"))
        ):
            # An attack on an armed side is a fight; on state forces also when the attackers go
            # unnamed ("شرطيين قتلا برصاصة": unidentified gunmen, coded below).
            event_type, sub = BATTLES, "Armed clash"
        if (
            event_type == EXPLOSIONS
            and sub == "Shelling/artillery/missile attack"
            and a1 is not None
            and (
                any(w.value.name in ("air strike", "drone", "helicopter") for w in c.weapons)
                or _aerial(c.actor1, self._aerial_words)
                or (not c.weapons and _flown_by(doc, c))  # (a named gun or rocket is fired, not flown)
            )
        ):
            sub = "Air/drone strike"
        elif (
            event_type in (BATTLES, VAC)
            and a1 is not None
            and c.trigger.attrs.get("weight", 1.0) <= DEATH_WEIGHT
            and _aerial(c.actor1, self._aerial_words)
        ):
            # "أن طائرات القوة الجوية دمرت مضافة …، ما أسفر عن مقتل 4 إرهابيين": deaths the
            # aircraft caused, told by a word of death only, are an air strike's.
            event_type, sub = EXPLOSIONS, "Air/drone strike"
        if event_type == "Protests" and (
            sub != "Excessive force against protesters"
            or not any(m.value.kind == "killed" for m in c.casualties)
        ):
            # "خرج مئات الشبان ورشقوا قوات الأمن بالحجارة": demonstrators who used force, told
            # with a sure word, make a riot however the demonstration was met, unless with
            # lethal force (ACLED: Violent demonstration); the force they faced is the other side.
            riot = _sure_riot_word(c)
            if riot is not None:
                event_type, sub = "Riots", riot.value.sub_event_type
                a2 = a2 if a2 is not None and a2.kind in STATE_KINDS else self._security_force(doc, c)
        if (
            event_type == EXPLOSIONS
            and sub in ("Shelling/artillery/missile attack", "Air/drone strike")
            and a2 is None
            and self._homes_hit(doc, c)
        ):
            a2 = self._templates.get("civilians")
        # Demonstrators in a "clash" with the police: a demonstration that turned violent (a riot)
        # when the report says what the demonstrators did, else force used against them.
        if event_type in (BATTLES, VAC) and any(x is not None and x.kind == "protesters" for x in (a1, a2)):
            riot = [t.value.sub_event_type for t in c.triggers if t.value.event_type == "Riots"]
            if riot:
                demonstrators = a1 if a1 is not None and a1.kind == "protesters" else a2
                event_type, sub, a1, a2 = "Riots", riot[0], demonstrators, self._security_force(doc, c)
        # Stones thrown at a force that raided ("اقتحمت قوات الاحتلال البلدة وسط مواجهات مع الشبان الذين
        # رشقوا الآليات بالحجارة"): the youths were rioting (ACLED: Violent demonstration), not
        # attacked as bystanders; the force is the other side.
        rioters = self._templates.get("rioters")
        if event_type in (BATTLES, VAC) and rioters is not None:
            force = _state_side(a1, a2)
            other = a2 if force is a1 else a1
            riot = _sure_riot_word(c)
            if force is not None and riot is not None and (other is None or other.kind in UNARMED):
                event_type, sub, a1, a2 = "Riots", riot.value.sub_event_type, rioters, force
        if (
            event_type == BATTLES
            and rioters is not None
            and (
                # "اقتحم مئات المحتجين الغاضبين مبنى المحافظة": a crowd storming or attacking
                (
                    a1 is not None
                    and a1.kind in CROWD_KINDS
                    and (a2 is None or a2.kind in STATE_KINDS | UNARMED)
                )
                or (a1 is None and a2 is not None and a2.kind in CROWD_KINDS)  # "اقتحم مئات المحتجين"
                # "اندلعت مواجهات بين الشبان وقوات الاحتلال": a crowd of unarmed people fighting a
                # state's force
                or (sub == "Armed clash" and self._crowd_faces_force(doc, c, a1, a2))
            )
        ):
            # … was rioting (ACLED: Violent demonstration), the force it faced the other side.
            force = _state_side(a1, a2) or self._security_force(doc, c)
            event_type, sub, a1, a2 = "Riots", VIOLENT_DEMONSTRATION, rioters, force
        # Who can be which side (CODING.md §3): civilians and protesters do not attack; a
        # demonstration's first actor is the demonstrators.
        if event_type not in ("Protests", "Riots") and a1 is not None and a1.kind in UNARMED:
            if a2 is None or a2.kind in UNARMED:
                a1, a2 = None, a1 if a2 is None else a2
            elif a2.target_only or (sub in COVERT and a2.kind in STATE_KINDS):
                # "قتل مدني وجندي في تفجير استهدف نقطة تفتيش": the post or the state's forces are
                # the side attacked (states set no roadside or suicide bombs), the people killed
                # there were passers-by, and the attacker is unnamed.
                a1 = None
            elif (
                c.actor1 is not None
                and c.actor1.attrs.get("role_why") == "agent_before"
                and event_type in (VAC, BATTLES)
            ):
                # "عملية طعن نفذها شاب فلسطيني": the man named as doing the attack is an
                # unidentified attacker, not a victim; the people hit stay the second side.
                a1 = self._templates.get("unidentified")
            else:
                a1, a2 = a2, a1
        if (
            event_type == EXPLOSIONS
            and sub in (*BOMBINGS, "Grenade")
            and a2 is not None
            and a2.kind == "civilians"
            and c.actor2 is not None
            and self._generic_people(c.actor2)
        ):
            # "مقتل 3 أشخاص" in the lead, "انفجار سيارة مفخخة عند نقطة تفتيش" in the next
            # sentence: the people are whoever stood there; the post bombed says who was attacked.
            a2 = self._post_attacked(doc, c) or a2
        if (
            event_type == EXPLOSIONS
            and a2 is not None
            and a2.kind == "civilians"
            and c.actor2 is not None
            and self._generic_people(c.actor2)
        ):
            # "قتل ثلاثة أشخاص، بينهم قيادي في وحدات مقاومة سنجار، بضربة": the people struck are
            # named by the armed side one of them belonged to.
            a2 = self._among_the_victims(doc, c) or a2
        if a2 is not None and a2.kind == "unidentified" and a2.template:
            # "دمرت مضافة لعناصر داعش …، ما أسفر عن مقتل 4 إرهابيين": the "terrorists" killed are
            # of the group the event's sentences name as hit.
            a2 = (
                self._first_actor(
                    doc,
                    c,
                    lambda m, e: (
                        e.kind in NAMED_GROUPS
                        and not e.template
                        and m.attrs.get("role_cue") == "patient_before"
                    ),
                )
                or a2
            )
        if event_type in (BATTLES, EXPLOSIONS, VAC) and a2 is not None and a2.kind == "protesters":
            event_type, sub = "Protests", "Excessive force against protesters"
            a1, a2 = a2, a1
        if event_type == BATTLES and a2 is not None and a2.kind == "civilians":
            # A generic "attack" on civilians is violence against them; a word that means an
            # exchange of fire ("اشتباكات") keeps the fight, and the civilians are not its party.
            # A capture of territory stays a capture; the civilians are not the other side.
            if c.trigger.attrs.get("weight", 1.0) < 1.0 and sub == "Armed clash":
                event_type, sub = VAC, "Attack"
            else:
                a2 = None
        if sub in TERRITORY and a1 is not None:
            state = (a1.kind in ("state", "police") or a1.government_ally) and (
                not a1.country or a1.country == country_code
            )
            sub = "Government regains territory" if state else "Non-state actor overtakes territory"
        elif sub == "Government regains territory" and a2 is not None and a2.kind not in STATE_KINDS:
            # "أعلن رئيس الوزراء تحرير مدينة الموصل من قبضة داعش": a retaking from a named group,
            # its doer unnamed, is the government's (its forces, the report's country's)
            a1 = self._templates.get("state")
        if (
            # (also a fight told with the raid and no side named: "دوهم المنزل وتبادلت القوة
            # إطلاق النار مع من فيه فقتل اثنان منهم")
            (sub == "Arrests" or (event_type == BATTLES and a1 is None and a2 is None))
            and (a1 is None or a1.kind in STATE_KINDS)
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
            event_type, sub = BATTLES, "Armed clash"
            if a1 is None and a2 is not None and a2.kind in STATE_KINDS:
                a1, a2 = a2, None  # the raiders' own dead ("استشهد ضابط خلال المداهمات")
            if a2 is None or a2.kind in UNARMED:
                a2 = self._templates.get("unidentified")
            if a1 is None:
                # The state force the report names (its spokesman, its dead), else the police.
                a1 = self._security_force(doc, c) or self._templates.get("police")
        if sub == "Arrests" and self._group_as_arrester(c, a1) and a2 is not None and a2.kind in STATE_KINDS:
            # "تفكيك خلية إرهابية … الوحدات الأمنية": the state force arrests the group, whichever
            # the clause named first.
            a1, a2 = a2, a1
        if sub == "Arrests" and not (
            (_armed_non_state(a2) and not self._gang_held(c, a2))
            or notable_arrest(doc, self.k, c, by_state=a1 is None or a1.kind in STATE_KINDS)
        ):
            return None
        ev["event_type"], ev["sub_event_type"] = event_type, sub
        ev["disorder_type"] = DISORDER_TYPES.get(event_type, "")
        evidence["event_type"] = [span(t) for t in c.triggers[:3]]
        evidence["sub_event_type"] = [span(t) for t in c.triggers[:1]] + [span(w) for w in c.weapons[:1]]

        # Actors.
        if sub == "Arrests" and self._group_as_arrester(c, a1) and (a2 is None or a2.kind in UNARMED):
            # ACLED's arrests are made by states: an armed group named as the only side of an
            # arrest is the one whose members were arrested ("اعتقال عناصر من داعش").
            a1, a2 = None, a1
        elif sub == "Arrests" and self._group_as_arrester(c, a1) and _armed_non_state(a2):
            # "تفكيك خلية إرهابية بايعت تنظيم داعش": both sides named are the ones arrested (the
            # named group before an unnamed cell); the state force of the report arrested them.
            a2 = a2 if a1 is not None and a1.kind == "unidentified" else a1
            a1 = self._security_force(doc, c)
        if a1 is None and sub == DISRUPTED and a2 is not None and a2.kind not in STATE_KINDS:
            # "أعلن التحالف اعتراض طائرة مسيرة أطلقها الحوثيون": a group's missile or drone
            # stopped with no one named stopping it was stopped by the forces of the country it
            # was in (with neither side named, a stopped weapon is too often one spoken of in
            # general, or a false alarm: no event).
            a1 = self._templates.get("state")
        if sub == DISRUPTED and a1 is not None and a2 is not None and a2.kind == "civilians":
            # "إحباط هجوم بسيارة مفخخة كانت معدة لاستهداف تجمع للمدنيين": the people a stopped
            # bomb was aimed at are not the side whose weapon was stopped.
            a2 = None
        if a1 is None and sub == "Arrests":
            # ACLED codes arrests by state forces only: a state force the clause names is the
            # one arresting ("اعتقالات نفذها الجيش"), and an arrest whose makers go unnamed
            # ("تم توقيف شخصين") was made by the police of the country it happened in.
            if a2 is not None and a2.kind in STATE_KINDS:
                a1, a2 = a2, None
            else:
                a1 = self._templates.get("police")
        if (
            a1 is None
            and event_type == EXPLOSIONS
            and a2 is not None
            and a2.kind not in UNARMED
            and c.actor2 is not None
            and weapon_author(doc, self.k, c.actor2)
        ):
            # "اعترضت الدفاعات صاروخا أطلقه الحوثيون باتجاه جازان": the launch's second side is
            # the one that fired the weapon: its author, not its target.
            a1, a2 = a2, None
        # Fire from a place whose firer the report leaves unnamed ("أطلقت صواريخ من غزة على …"):
        # an armed group of the origin's country, wherever the fire fell (events/launch.py).
        a1_country = country
        if a1 is None and (c.origin is not None or c.target_country is not None) and event_type == EXPLOSIONS:
            origin = self._fire_origin(doc, c)
            a1 = self._cross_border_firer(c, origin) or self._templates.get("unidentified")
            a1_country = self._fire_country(origin, country)
        elif a2 is None and sub == DISRUPTED and (c.origin is not None or c.target_country is not None):
            # The unnamed firer of the fire it stopped, named as the launch's is.
            origin = self._fire_origin(doc, c)
            a2 = self._cross_border_firer(c, origin) or self._templates.get("unidentified")
            a2_country = self._fire_country(origin, country)
        if a1 is None and (
            ((sub in UNIDENTIFIED_OK or c.answered) and a2 is not None)
            or (sub in (SHELLING, *BOMBINGS) and a2 is None and c.weapons)
        ):
            # (Also rockets that fell with no firer or target named: "سقطت صواريخ كاتيوشا داخل …".)
            # (An act told as what another answered was done by someone: unnamed, armed men.)
            unidentified = self._templates.get("unidentified")
            if unidentified is not None:
                a1 = unidentified
                entwined = self.k.entwined_countries.get(doc.country or "", frozenset())
                apart = (
                    _country_apart(doc, country_code, entwined) if sub == SHELLING and country_code else None
                )
                if apart is not None:
                    # Fire that fell in another country than the report's ("إطلاق صواريخ من
                    # القطاع على جنوب إسرائيل" in a report from Gaza): that country's armed
                    # men, or the group its unclaimed fire across the border is coded to.
                    with contextlib.suppress(KeyError):
                        a1_country = gaz.country(apart).country
                    a1 = self._cross_border_firers.get(apart, a1)
        crowd = ("protesters", "rioters")
        swap = a2 is not None and a2.kind in crowd and (a1 is None or a1.kind not in crowd)
        if event_type in ("Protests", "Riots") and swap:
            a1, a2 = a2, a1  # "متظاهرين برصاص الاحتلال": the crowd is the first side
        if event_type == "Protests" and (a1 is None or a1.kind not in ("protesters",)):
            protesters = self._templates.get("protesters")
            if protesters is not None:
                if a1 is not None and a1.kind not in ("protesters",):
                    # "استشهد شاب برصاص قوات الاحتلال خلال مسيرات العودة": the force that fired is
                    # the side the demonstrators met, not the demonstrator it hit.
                    hurt = a2 is not None and a2.kind in UNARMED and bool(c.casualties)
                    a2 = a1 if a1.kind in ARMED_KINDS and hurt else a2 or a1
                a1 = protesters
        if event_type == "Riots" and (a1 is None or a1.kind != "rioters"):
            rioters = self._templates.get("rioters")
            if rioters is not None:
                a1 = rioters
        if (
            event_type == "Riots"
            and a2 is not None
            and a2.kind == "civilians"
            and c.actor2 is not None
            and (sub == "Violent demonstration" or self._generic_people(c.actor2))
        ):
            # "قتل شخصان خلال احتجاجات … رشق المحتجون عناصر الأمن": the people hurt are whoever
            # stood there, and "احتشد عشرات الشبان ورشقوا …" names the crowd itself; the force
            # the rioters faced, if named, is the other side (mob violence does target people).
            a2 = self._security_force(doc, c)
        if (
            event_type == "Protests"
            and sub == "Peaceful protest"
            # (a weak word of force in the march's clause: "خلال قمع قوات الاحتلال المسيرة الأسبوعية")
            and (c.intervention or any(_met_in_its_clause(t, c.trigger) for t in c.triggers))
        ):
            sub = "Protest with intervention"
        if (
            event_type == "Protests"
            and sub == "Peaceful protest"
            and (any(t.value.event_type in (BATTLES, VAC) for t in c.triggers) or c.weapons)
            and any(m.value.kind == "killed" for m in c.casualties)
        ):
            # "قتل شاب برصاص جيش الاحتلال في احتجاجات الجمعة": a demonstrator killed by the
            # forces facing the demonstration (a killing word or a weapon says it was no accident).
            force = a2 if a2 is not None and a2.kind in STATE_KINDS else self._security_force(doc, c)
            if force is not None:
                sub, a2 = "Excessive force against protesters", force
        if (
            event_type == "Protests"
            and sub == "Protest with intervention"
            and any(m.value.kind == "killed" for m in c.casualties)
        ):
            sub = "Excessive force against protesters"
        ev["sub_event_type"] = sub  # the intervention a protest met refines its sub-type
        if event_type == "Protests" and sub == "Peaceful protest":
            a2 = None  # nobody acted upon a peaceful demonstration
        if (
            event_type == "Protests"
            and a2 is not None
            and a2.kind not in ("state", "police", "militia", "rebel", "unidentified", "external")
        ):
            a2 = None
        if event_type == EXPLOSIONS and a1 is not None and a2 is not None and a1.shares_camp(a2):
            # Remote fire never hits the firer's own camp (roles.py); a side that merging brought
            # in from the act it answered ("ردا على قصف المتمردين مواقع المقاومة") is not its target.
            a2 = None
        if a1 is None and a2 is None:
            return None
        name1 = self.actor_name(a1, a1_country) if a1 else ""
        name2 = self.actor_name(a2, a2_country) if a2 else ""
        if a1 is not None and a2 is not None and name1 == name2:
            a2, name2 = None, ""  # never the same actor on both sides
        if event_type == BATTLES and (a1 is None or a2 is None) and not c.casualties and c.inherited_date:
            # A fight with one side, no toll and no day of its own is a passing reference to the
            # fighting ("المعارك الدائرة"), not a reported clash.
            return None
        ev["actor1"], ev["actor2"] = name1, name2
        ev["inter1"] = self.inter(a1, country_code) if a1 else None
        ev["inter2"] = self.inter(a2, country_code) if a2 else None
        # The words behind each side, also when the coding rules above swapped the two.
        actors = self.k.actors
        for side, entry in (("actor1", a1), ("actor2", a2)):
            if entry is None:
                continue
            for x in (c.actor1, c.actor2):
                if x is not None and actors[x.value] is entry:
                    evidence[side] = [span(x)]
                    break
        ev["assoc_actor_1"] = (
            "; ".join(dict.fromkeys(self.actor_name(actors[m.value], country) for m in c.assoc1))
            if c.assoc1
            else ""
        )
        ev["assoc_actor_2"] = (
            "; ".join(dict.fromkeys(self.actor_name(actors[m.value], country) for m in c.assoc2))
            if c.assoc2
            else ""
        )
        if c.assoc1:
            evidence["assoc_actor_1"] = [span(m) for m in c.assoc1]
        if c.assoc2:
            evidence["assoc_actor_2"] = [span(m) for m in c.assoc2]
        codes = sorted(x for x in (ev["inter1"], ev["inter2"]) if x is not None)
        ev["interaction"] = "".join(str(x) for x in codes) if len(codes) == 2 else f"{codes[0]}0"
        ev["civilian_targeting"] = "Civilian targeting" if a2 is not None and a2.kind == "civilians" else ""

        # Place and geo_precision (§4).
        if place is not None and place_m is not None:
            lat, lon, prec, shown = self._coordinates(place_m.value, c)
            ev.update(
                country=place.country, iso=place.iso, region=place.region, admin1=place.admin1,
                admin2=place.admin2, location=shown.name, latitude=lat, longitude=lon, geo_precision=prec,
            )  # fmt: skip
            evidence["location"] = [span(place_m)]
        elif country_place is not None:
            ev.update(country=country_place.country, iso=country_place.iso, region=country_place.region)

        # Date (§5) and primary/background (§1).
        self._code_date(doc, c, ev, evidence, span)
        if (
            not ev["primary"]
            and ev["time_precision"] != 1
            and (ev["event_date"] or doc.published is not None)
        ):
            # A recalled incident with no day of its own ("في أبريل الماضي", "العام الماضي") is
            # context, not a datable event: its own reports are the source for it (CODING.md §1
            # keeps background events the report recalls specifically). An undated report's
            # undated incident may still be its news.
            return None

        # Fatalities and injuries (§6).
        # Period totals, recalled tolls and other days' tolls are no figure of this event.
        dm = c.dates[0] if c.dates else None
        day = dm.value.date if dm is not None and ev["time_precision"] == 1 else None
        told = {t.sentence for t in c.triggers}
        counted = [
            m
            for m in c.casualties
            if self.fatality_filter.belongs(doc, m, day, c.background, c.triggers, told)
        ]
        if self.fatality_filter.only_a_total(doc, c.triggers, c.casualties):
            return None  # "مما أسفر عن مقتل 40 ألف شخص" after "منذ ثلاثة عقود": a toll, no incident
        if event_type == "Strategic developments":
            # ACLED's developments are non-violent: a death told with an arrest or a seizure ("عشية
            # الاعتداء الذي قتل فيه رجل") belongs to a violent event of its own.
            counted = [m for m in counted if m.value.kind != "killed"]
        self.fatality_filter.mark_other_estimates(doc, counted)
        self.fatality_filter.mark_added(doc, counted)
        self.fatality_filter.mark_risen(doc, counted)
        killed = [m for m in counted if m.value.kind == "killed"]
        injured = [m for m in counted if m.value.kind == "injured"]
        ev["fatalities"] = figure(killed, self._victim_sides(doc, killed)) or 0
        ev["injuries"] = figure(injured)
        for toll in c.separate_tolls:  # other incidents joined into this event: their dead add up
            own = [
                m for m in toll if self.fatality_filter.belongs(doc, m, day, c.background, c.triggers, told)
            ]
            ev["fatalities"] += figure([m for m in own if m.value.kind == "killed"]) or 0
            hurt = figure([m for m in own if m.value.kind == "injured"])
            if hurt:
                ev["injuries"] = (ev["injuries"] or 0) + hurt
            killed += own
        if (
            not ev["fatalities"]
            and sub in ("Attack", "Armed clash")
            and (kill := assassination(doc, self.k, c)) is not None
        ):
            # "اغتال مسلحون إمام مسجد", "اغتال مسلحون ضابطا": an assassination told with no toll
            # killed one person.
            ev["fatalities"] = 1
            evidence["fatalities"] = [span(kill)]
        if killed:
            evidence["fatalities"] = [span(m) for m in killed]
        if injured:
            evidence["injuries"] = [span(m) for m in injured]
        if c.weapons:
            ev["weapons"] = list(dict.fromkeys(w.value.name for w in sorted(c.weapons, key=_start)))
            evidence["weapons"] = [span(w) for w in c.weapons]
        else:
            ev["weapons"] = []

        ev["source"] = doc.source or ""
        ev["source_scale"] = self.k.source_scale(doc.source) if source_scale is None else source_scale
        ev["article_id"] = doc.article_id
        ev["event_id_cnty"] = f"{doc.article_id}-{index + 1}" if doc.article_id else ""
        ev["timestamp"] = int(time.time())
        ev["confidence"] = _confidence(c, bool(ev["actor1"]), bool(ev["actor2"]))
        event = Event(**ev, evidence=evidence)  # type: ignore[arg-type]
        event.notes = write_notes(event, self.k)
        return event

    def _gang_held(self, c: Candidate, entry: ActorEntry | None) -> bool:
        """Whether the armed group arrested is named as a gang ("اعتقلت قوة أمنية عصابة مختصة
        بخطف الأطفال": cues.yaml gang_words): crime, not political violence."""
        gang = self.k.cues["gang_words"]
        return any(
            m is not None and self._entry(m) is entry and gang.has_word(fold(m.text).split()[0])
            for m in (c.actor1, c.actor2)
        )

    @cached_property
    def _crowd_nouns(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("crowd_nouns"))

    def _crowd_faces_force(
        self, doc: Doc, c: Candidate, a1: ActorEntry | None, a2: ActorEntry | None
    ) -> bool:
        """Whether a fight's sides are a crowd of unarmed people (cues.yaml crowd_nouns), not
        told as its dead or wounded, and a state force, or the crowd alone: no armed group is
        named in the fight's sentence ("قتل ثلاثة شبان في اشتباكات بين الجيش ومسلحي داعش")."""
        sides = [x for x in (a1, a2) if x is not None]
        if any(x.kind in ARMED_KINDS and x.kind not in STATE_KINDS for x in sides):
            return False
        crowd = next(
            (
                m
                for m in (c.actor1, c.actor2)
                if m is not None
                and self._entry(m).kind == "civilians"
                and any(f in self._crowd_nouns for w in fold(m.text).split()[:1] for f in peel(w))
            ),
            None,
        )
        if crowd is None or any(
            k.value.victim is not None and k.value.victim[0] <= crowd.start < k.value.victim[1]
            for k in c.casualties
        ):
            return False
        armed = ARMED_KINDS - STATE_KINDS
        return not any(
            self.k.actors[m.value].kind in armed for m in doc.in_sentence(ACTOR, c.trigger.sentence)
        )

    @cached_property
    def _people_words(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("generic_people"))

    def _generic_people(self, m: Mention) -> bool:
        """Whether the mention is a bare "people" noun (أشخاص، شخصا), which names no side."""
        words = fold(m.text).split()
        return len(words) == 1 and any(f in self._people_words for f in peel(words[0]))

    def _victim_sides(self, doc: Doc, killed: list[Mention]) -> Callable[[Mention], frozenset[str]]:
        """The actors named among a casualty mention's words ("لقي سبعة من عناصر ميليشيا الحوثي
        مصرعهم": the Houthis), by canonical name, for `figure`. Unnamed armed men ("المسلحين")
        name no side: they may be the group named in another sentence — unless the only sides
        the other tolls name are state or police forces ("قتلت ستة مسلحين … جنديين قتلا"): armed
        men are not the troops, so they are a side of their own."""
        actors = self.k.actors

        def named(m: Mention) -> list[ActorEntry]:
            lo, hi = m.start, m.end
            if m.value.victim is not None:
                lo, hi = min(lo, m.value.victim[0]), max(hi, m.value.victim[1])
            # "16 جنديا ماليا": the name may run past the figure's words
            return [actors[a.value] for a in doc.in_sentence(ACTOR, m.sentence) if lo <= a.start < hi]

        found = [named(m) for m in killed]
        kinds = {e.kind for es in found for e in es}
        unnamed_apart = "unidentified" in kinds and kinds - {"unidentified"} <= {"state", "police"}
        by_mention = {id(m): es for m, es in zip(killed, found, strict=True)}

        def sides(m: Mention) -> frozenset[str]:
            es = by_mention.get(id(m))
            if es is None:
                es = named(m)
            return frozenset(e.name for e in es if unnamed_apart or e.kind != "unidentified")

        return sides

    def _among_the_victims(self, doc: Doc, c: Candidate) -> ActorEntry | None:
        """The armed side a victim named after "بينهم"/"منهم" belongs to, in the event's sentences."""
        among = self._among_words
        return self._first_actor(
            doc,
            c,
            lambda m, e: (
                e.kind in ARMED_KINDS
                and not e.template
                and word_just_before(doc, m, among, AMONG_REACH, AMONG_WORDS)
            ),
        )

    @cached_property
    def _among_words(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("among_victims"))

    def _post_attacked(self, doc: Doc, c: Candidate) -> ActorEntry | None:
        """The state or police force the event's sentences name as the target: a post or column
        ("نقطة تفتيش", "بوابة أمنية", target-only names) or a force in the target's position."""
        return self._first_actor(
            doc,
            c,
            lambda m, e: (
                bool(m.attrs.get("target_only"))
                or (e.kind in ("state", "police") and m.attrs.get("role_cue") == "patient_before")
            ),
        )

    def _homes_hit(self, doc: Doc, c: Candidate) -> bool:
        """Whether the event's sentences name homes or a residential quarter after its shelling
        or air-strike word, before the next other event's word (cues `residential`)."""
        homes = self.k.cues["residential"]
        own = {id(t) for t in c.triggers}
        for t in c.triggers:
            if t.value.event_type != EXPLOSIONS:
                continue
            end = min(
                (
                    o.start
                    for o in doc.in_sentence(TRIGGER, t.sentence)
                    if o.start > t.end and id(o) not in own
                ),
                default=doc.sentences[t.sentence].end,
            )
            words = doc.folded_slice(t.end, end).split()
            if homes.found_in(words):
                return True
        return False

    def _security_force(self, doc: Doc, c: Candidate) -> ActorEntry | None:
        """The first state or police force named in the event's sentences."""
        return self._first_actor(doc, c, lambda m, e: e.kind in ("state", "police"))

    def _first_actor(
        self, doc: Doc, c: Candidate, fits: Callable[[Mention, ActorEntry], bool]
    ) -> ActorEntry | None:
        """The entry of the first actor mention of the event's sentences that `fits`."""
        for sent in sorted(c.sentences):
            for m in doc.in_sentence(ACTOR, sent):
                entry = self.k.actors[m.value]
                if fits(m, entry):
                    return entry
        return None

    def _coordinates(self, ref: PlaceRef, c: Candidate) -> tuple[float, float, int, Place]:
        place = ref.choice
        assert place is not None
        gaz = self.k.gazetteer
        if place.kind == "region" or place.kind == "country":
            return place.latitude, place.longitude, 3, place
        seat = gaz.admin1_seat(place.country_code, place.admin1) if place.admin1 else None
        # (A governorate named by its seat city without "محافظة" was already resolved to the city
        # by the place recogniser.)
        if place.kind == "admin1" or (ref.cue == "province_before" and place.kind != "populated"):
            shown = seat or place
            return shown.latitude, shown.longitude, 3, shown
        if ref.cue == "countryside_before":
            # The countryside of a governorate seat is a region of the governorate (3); of a town, 2.
            if seat is not None and (seat.id == place.id or seat.name == place.name):
                return seat.latitude, seat.longitude, 3, seat
            return place.latitude, place.longitude, 2, place
        if place.kind == "admin2":
            return place.latitude, place.longitude, 2, place
        if c.inherited_place or ref.cue == "near_before":
            return place.latitude, place.longitude, 2, place
        return place.latitude, place.longitude, 1, place

    def _code_date(
        self,
        doc: Doc,
        c: Candidate,
        ev: dict[str, object],
        evidence: dict[str, list[Span]],
        span: Callable[[Mention], Span] = Mention.span,
    ) -> None:
        dm = c.date
        if dm is not None and c.inherited_date and not is_recent(doc.published, dm.value.date):
            dm = None  # a recalled incident's date cannot stand for the undated news (CODING.md §1)
        d: date | None = dm.value.date if dm is not None else None
        precision = dm.value.precision if dm is not None else 3
        if dm is not None and d is None:
            precision = 3
        if dm is None and doc.published is not None and not c.background:
            d, precision = doc.published, 2  # §5: a primary event with no day given
        if dm is not None and c.inherited_date and d is not None:
            precision = max(precision, 1)
        ev["event_date"] = d.isoformat() if d else ""
        ev["year"] = d.year if d else None
        ev["time_precision"] = precision
        if dm is not None and d is not None:
            evidence["event_date"] = [span(dm)]
        ev["primary"] = not c.background and is_recent(doc.published, d)


_HAND_GUNS = frozenset({"small arms", "machine gun", "sniper"})
AMONG_REACH, AMONG_WORDS = 40, 4  # where "بينهم" stands before a name ("بينهم قيادي بارز في")


def _met_in_its_clause(t: Mention, lead: Mention) -> bool:
    """Whether `t` is an intervention word told in the clause of the protest's word `lead`."""
    return (
        t.value.sub_event_type == "Protest with intervention"
        and t.sentence == lead.sentence
        and t.clause == lead.clause
    )


def _state_side(a1: ActorEntry | None, a2: ActorEntry | None) -> ActorEntry | None:
    """The side that is a state's (or a foreign state's) force, actor1 first."""
    return next((x for x in (a1, a2) if x is not None and x.kind in STATE_KINDS), None)


def _guns_only(c: Candidate) -> bool:
    """Whether the weapons told in the lead trigger's sentence are guns only (at least one)."""
    told = [w.value.name for w in c.weapons if w.sentence == c.trigger.sentence]
    return bool(told) and all(n in _HAND_GUNS for n in told)


def _armed_non_state(entry: ActorEntry | None) -> bool:
    """An armed group's members ("اعتقال عناصر من داعش"): their arrest is coded whatever their
    number, as ACLED codes arrests of militants (CODING.md §2, Arrests)."""
    return entry is not None and entry.kind in ARMED_KINDS - {"state", "police", "external"}


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


def _start(m: Mention) -> int:
    return m.start


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


def _aerial(m: Mention | None, words: tuple[str, ...]) -> bool:
    return m is not None and any(w in fold(m.text) for w in words)


def _confidence(c: Candidate, has_a1: bool, has_a2: bool) -> float:
    score = 0.35
    score += 0.15 if has_a1 else 0.0
    score += 0.1 if has_a2 else 0.0
    score += 0.15 if c.place is not None and not c.inherited_place else 0.05 if c.place is not None else 0.0
    score += 0.15 if c.dates and not c.inherited_date else 0.05 if c.dates else 0.0
    score += 0.05 if len(c.triggers) > 1 else 0.0
    return round(min(score, 0.95), 2)
