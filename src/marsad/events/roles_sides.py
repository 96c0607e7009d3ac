"""actor1, actor2 and their associates among one clause's actors (events/roles_pool.py), for the
role assigner (events/roles.py): the first side (an agent, else the first unmarked name), the
second (a patient, else the next name of another actor), a side the clause leaves open found in
the rest of its sentence, the force a post hit stands for, a repelled attack's sides swapped, and
the names listed with each side."""

from __future__ import annotations

import re

from marsad.doc import Mention
from marsad.events.incidents import NON_STATE_ARMED
from marsad.events.roles_base import (
    _START,
    BATTLES,
    PATIENT,
    STATE_KINDS,
    STOPPING,
    UNARMED_KINDS,
    UNARMED_OR_RIOTING,
    cue,
)
from marsad.events.roles_joined import _after_with, _associates, _partners
from marsad.events.roles_pool import ClausePool, PoolGathering
from marsad.events.roles_subject import _repelled
from marsad.knowledge.lexicon import ActorEntry

# "بين X من جهة، وY من جهة أخرى": the two hands of a fight (Arabic text, not folded).
_EACH_HAND = re.compile(
    r"بين\s+([^.؛]{3,120}?)\s+من\s+جه[ةه][،,]?\s+و([^.؛]{3,120}?)\s+من\s+جه[ةه]\s+[أا]خر[ىي]"
)


def _other(entries: list[ActorEntry], a: Mention, b: Mention | None) -> bool:
    # Two names of one actor ("المقاومة", "قوات المقاومة المشتركة") are one side.
    return b is None or entries[a.value].name != entries[b.value].name


class SideChoice(PoolGathering):
    """The role assigner's part that picks the sides among a clause's actors."""

    def _sides_in_pool(self, c: ClausePool) -> None:
        """actor1/actor2 and their associates among the pool's actors (the pool names some)."""
        if c.lead.event_type == BATTLES and self._sides_of_each_hand(c):
            return
        pool, text = c.pool, self.doc.text
        agents, patients, assoc, neutral = self._by_cue(c)
        a1, neutral = self._first_side(c, agents, neutral)
        entries = self.k.actors  # (a property: read once, handed to the steps below)
        if (
            len(patients) > 1
            and a1 is not None
            and not entries[a1.value].template
            and entries[a1.value].kind in NON_STATE_ARMED
        ):
            # "مقتل عشرات المسلحين … خلال صد هجوم شنته فصائل المعارضة على مواقع الجيش": the
            # unnamed gunmen killed are the attackers' own men; the side hit is the other one.
            patients.sort(key=lambda a: entries[a.value].template and entries[a.value].kind == "unidentified")
        # A name joined to actor1 by "و" is its partner ("تمكنت المقاومة والجيش من السيطرة"),
        # unless "بين" opened the pair ("اشتباكات بين المقاومة والحوثيين": two sides).
        joined = (
            _partners(text, a1, pool, self._reciprocal, self._force_heads)
            if a1 is not None and len(pool) > 1
            else None
        )
        joined_to = a1  # (a1 may still be swapped below; the list is that name's)
        # "قالت الوحدات الكردية إن الطائرات التركية قصفت قرى، ما أسفر عن مقتل 5 مدنيين": the
        # teller is no side hit when the sentence names one as hit.
        hit_told = False
        for a in pool:  # (loops, not any() over generators: once per event)
            if a.attrs.get("role_why") == "teller_verbs":
                for x in c.extra:
                    if cue(x) == PATIENT and _other(entries, x, a1):
                        hit_told = True
                        break
                break
        if patients and c.lead.event_type == BATTLES and c.triggers[0].attrs.get("weight", 1.0) >= 1.0:
            patients = self._no_bystanders(pool, patients)
        a2 = self._second_in_pool(entries, a1, patients, neutral, agents, joined, hit_told)
        if (
            a1 is not None
            and not agents
            and c.lead.event_type == BATTLES
            and (
                a2 is None
                or (joined and a2 in joined)
                # (listed right after it, past the first name's own words: "مع قوات الجيش الوطني
                # والمقاومة الشعبية")
                or (
                    a2.start > a1.end
                    and a2.start - a1.end <= 20
                    and text[a1.end : a2.start].strip().endswith("و")
                )
            )
            and _after_with(text, a1)
        ):
            # "قتل القيادي الحوثي وعدد من مرافقيه في مواجهات مع قوات الجيش والمقاومة": the armed
            # side told hit in an earlier clause fought the side it was "with" (and that side's
            # list is one side, not two).
            hit = next(
                (
                    x
                    for x in c.extra
                    if x.clause < c.clause
                    and cue(x) == PATIENT
                    and _other(entries, x, a1)
                    and entries[x.value].kind not in UNARMED_OR_RIOTING
                    and not (joined and x in joined)
                ),
                None,
            )
            if hit is not None:
                if a2 is not None and not (joined and a2 in joined):
                    c.assoc1.append(a2)  # the name listed with the side fought "with"
                a2 = hit
        if a2 is None or a1 is None:
            # Look into the rest of the sentence for the missing side.
            a1, a2 = self._missing_side(c, entries, a1, a2)
        if a1 is not None and (a2 is None or a2 in patients) and (not agents or cue(a1) is None):
            a1, a2 = self._teller_hit(c, entries, patients, a1, a2)
        if a2 is not None and a2.attrs.get("target_only"):
            a2 = self._post_hit_stands_for(c, a1, a2)
        if a1 is not None and a2 is not None and not c.aerial and _repelled(self.doc, self.k, c.triggers, a1):
            # "صدت الفصائل محاولات تقدم لقوات النظام": the side that repelled the attack is
            # the one attacked; the attacker is actor1 (ACLED: the initiator first).
            a1, a2 = a2, a1
        # (Nothing to associate when the pool holds only a main actor and none is cued.)
        if assoc or len(pool) > 1 or (pool[0] is not a1 and pool[0] is not a2):
            _associates(text, pool, assoc, a1, a2, c.assoc1, c.assoc2, (joined_to, joined))
        c.a1, c.a2 = a1, a2

    def _sides_of_each_hand(self, c: ClausePool) -> bool:
        """ "بين قوات الجيش والمقاومة الشعبية من جهة، وميليشيات الحوثي وصالح من جهة أخرى": the
        names before "من جهة" are one side, those before "من جهة أخرى" the other, each led by its
        first name (the clause splitter cuts the sentence there, so no clause holds both)."""
        seg = self.doc.sentences[c.sentence]
        m = _EACH_HAND.search(self.doc.text, seg.start, seg.end)
        if m is None:
            return False
        entries = self.k.actors
        sides = []
        for lo, hi in ((m.start(1), m.end(1)), (m.start(2), m.end(2))):
            names = [a for a in sorted(c.pool + c.extra, key=_START) if lo <= a.start and a.end <= hi]
            if not names:
                return False
            sides.append(names)
        c.a1, c.a2 = sides[0][0], sides[1][0]
        for names, assoc in ((sides[0], c.assoc1), (sides[1], c.assoc2)):
            seen = {entries[names[0].value].name}
            for a in names[1:]:
                if entries[a.value].name not in seen:
                    seen.add(entries[a.value].name)
                    assoc.append(a)
        return True

    def _teller_hit(
        self,
        c: ClausePool,
        entries: list[ActorEntry],
        patients: list[Mention],
        a1: Mention,
        a2: Mention | None,
    ) -> tuple[Mention | None, Mention | None]:
        """ "أعلن الجيش الإسرائيلي أن جنديين قتلا", "أعلنت كتائب القسام مقتل ستة من عناصرها": a side
        telling of its own men hit (or, for a state, its camp's) is no author of the act; its men's
        side is the one hit. (a1, a2) unchanged when `a1` is no such teller."""
        teller = entries[a1.value]
        if teller.template or teller.kind in UNARMED_KINDS:
            return a1, a2
        if a1.attrs.get("role_why") != "teller_verbs" and not any(
            p.attrs.get("role_why") == "teller_verbs" and entries[p.value].name == teller.name
            for p in c.pool + c.extra
        ):
            # a1 is no teller, nor another name of one ("كتائب القسام، الجناح العسكري لحماس" is)
            return a1, a2
        state = teller.kind in STATE_KINDS or teller.kind == "external"
        for p in patients:
            # (hit: counted among the dead, or the subject of a passive verb of harm; not the
            # forces a fight was "with": "مقتل سبعة عناصر في تبادل لإطلاق النار مع قوات الأمن")
            if not (self._in_a_toll(p) or p.attrs.get("role_why") == "patient_after"):
                continue
            own = entries[p.value]
            if own.name == teller.name or (state and own.template and own.kind in STATE_KINDS):
                return None, a1  # its own men: the teller named
            if state and own.kind in STATE_KINDS and teller.shares_camp(own):
                return None, p  # its camp's: those hit
        return a1, a2

    def _first_side(
        self, c: ClausePool, agents: list[Mention], neutral: list[Mention]
    ) -> tuple[Mention | None, list[Mention]]:
        """actor1: the first agent, else the first unmarked name, unless that name is the side a
        fight was "with" (then the sentence's subject is, first among the unmarked names)."""
        k = self.k
        a1 = (agents or neutral or [None])[0]
        if (
            a1 is not None
            and not agents
            and c.lead.event_type == BATTLES
            and _after_with(self.doc.text, a1)
            and (subject := self._earlier_subject(c.extra, c.sentence, c.clause)) is not None
            and k.actors[subject.value].name != k.actors[a1.value].name
        ):
            # "حققت قوات الجيش، أمس، تقدما …، بعد معارك مع الحوثيين": the side fought "with" is
            # the other side; the sentence's subject, told in an earlier clause, is the first.
            neutral = [subject, *neutral]
            a1 = subject
        return a1, neutral

    def _no_bystanders(self, pool: list[Mention], patients: list[Mention]) -> list[Mention]:
        """The patients less the civilians killed, in a fight the pool names two armed sides of."""
        entries = self.k.actors
        # "قتل ثمانية أشخاص في اشتباكات بين …": people killed in an exchange of fire that
        # names two armed sides are no party to it (coding drops them as a side).
        # (unnamed gunmen are a side too: "اشتباكات بين قوة الردع ومجموعة مسلحة")
        armed = {entries[a.value].name for a in pool if entries[a.value].kind not in UNARMED_OR_RIOTING}
        if len(armed) > 1:
            patients = [a for a in patients if entries[a.value].kind != "civilians"]
        return patients

    def _second_in_pool(
        self,
        entries: list[ActorEntry],
        a1: Mention | None,
        patients: list[Mention],
        neutral: list[Mention],
        agents: list[Mention],
        joined: list[Mention] | None,
        hit_told: bool,
    ) -> Mention | None:
        """actor2 among the pool's actors (not a name listed with actor1, nor a teller when the
        sentence names a side hit)."""
        # The first patient, else neutral, else agent that is another actor than a1.
        name1 = entries[a1.value].name if a1 is not None else None
        for side in (patients, neutral, agents):
            for a in side:
                if a is not a1 and (a1 is None or entries[a.value].name != name1):
                    if side is not patients and joined and a in joined:
                        continue
                    if hit_told and a.attrs.get("role_why") == "teller_verbs":
                        continue
                    return a
        return None

    def _missing_side(
        self, c: ClausePool, entries: list[ActorEntry], a1: Mention | None, a2: Mention | None
    ) -> tuple[Mention | None, Mention | None]:
        """The side the clause leaves open (actor1, else actor2), from the rest of its sentence."""
        k, lead, aerial, covert = self.k, c.lead, c.aerial, c.covert
        others = [a for a in c.extra if _other(entries, a, a1) and _other(entries, a, a2)]
        if a1 is not None and len(others) > 1:
            # The teller of the claim ("أعلن التحالف أن هجوما حوثيا استهدف المطار، ما أدى
            # إلى إصابة ثمانية مدنيين") is the last choice for the side hit too.
            others.sort(key=lambda a: a.attrs.get("role_why") == "teller_verbs")
        if a1 is None:
            ag = [
                a
                for a in others
                if cue(a) != PATIENT
                and self._can_act(a, aerial, covert)
                # "أعلنت الشرطة اعتقال صديق للمهاجم بعد الاعتداء الذي قتل فيه رجل": the
                # state force making an arrest (or stopping a missile) told in another
                # clause did not make the attack (or fire the missile that fell).
                and not (
                    k.actors[a.value].kind in STATE_KINDS
                    and (told_there := self._told_in(c.sentence, a.clause)) in STOPPING
                    and told_there != lead.sub_event_type
                )
            ]
            a1 = ag[0] if ag else None
            if aerial and a1 is not None and not self._flies_here(a1):
                # "أحبطت قوات الجيش …، بالتزامن مع قصف مقاتلات الأباتشي": aircraft whose
                # owner the clause leaves unnamed fly for the air force the report names,
                # not for the ground force another clause makes the subject of its verb.
                a1 = None
        elif others and (cue(others[0]) in (PATIENT, None) or others[0].attrs.get("kind") in UNARMED_KINDS):
            if len(others) > 1:
                # (a side singled out among the dead before a bare people noun)
                others.sort(key=lambda a: not self._among_the_dead(a))
            if lead.sub_event_type == "Arrests":
                # (An armed group cued as held comes before a bare name: "اعتقلت قوات الأمن،
                # اليوم، 25 شخصا يشتبه بانتمائهم لتنظيم داعش": the group of those held.)
                others.sort(key=lambda a: cue(a) != PATIENT or a.attrs.get("kind") in UNARMED_KINDS)
            # (Civilians are no one's attackers: "قتل طفلان … بانفجار لغم" reads "طفلان" as
            # the verb's subject, but they are the ones killed.)
            a2 = others[0]
        return a1, a2

    def _post_hit_stands_for(self, c: ClausePool, a1: Mention | None, a2: Mention) -> Mention:
        """The force a post or convoy hit (`a2`, "target_only") stands for, else `a2`."""
        entries = self.k.actors
        # "قتل عنصران من الشرطة …، بهجوم على نقطة تفتيش": the post hit stands for the
        # force the sentence names among the hit, whichever clause names it (a state force
        # or one fighting on the state's side: "مقتل أحد منتسبي الهيئة" of the PMF).
        return next(
            (
                a
                for a in c.in_sent
                if cue(a) == PATIENT
                and not a.attrs.get("target_only")
                and (
                    entries[a.value].kind in STATE_KINDS
                    or entries[a.value].government_ally
                    # (any armed side counted among the dead: "قتل أربعة من أفراد قوات الحزام
                    # الأمني …، في هجوم على نقطة تفتيش")
                    or (entries[a.value].kind not in UNARMED_OR_RIOTING and self._counted_dead(a))
                )
                and _other(entries, a, a1)
            ),
            a2,
        )
