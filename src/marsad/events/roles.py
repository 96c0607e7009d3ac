"""Who acted on whom (CODING.md §3): actor1, actor2 and associated actors of an event.

The actor recogniser marks each actor mention with the role its Arabic context gives it (attr
`role_cue`): "agent_before" (the subject right after a verb or action noun, "على يد", "من قبل",
the author of "هجوم لـ"), "patient_before" (the object or target: "ضد", "استهداف", "مواقع لـ"),
"assoc_before" (fighting alongside) and "ignore_before" (a qualifier, or the source of a claim).
This module turns those marks into the two sides of one event, with what the event itself says
of its perpetrators: states do not set suicide bombs, armed groups without aircraft fly no air
strikes, and an unnamed air force is the one the report is about.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from marsad.doc import ACTOR, CASUALTY, CUE, TRIGGER, WEAPON, Doc, Mention
from marsad.events.clause_index import ClauseIndex
from marsad.events.incidents import NON_STATE_ARMED
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import WORD
from marsad.text.normalize import fold
from marsad.text.tokens import words_before

AGENT, PATIENT, ASSOC, IGNORE = "agent_before", "patient_before", "assoc_before", "ignore_before"
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
UNARMED_KINDS = {"civilians", "protesters"}
DEATH_WEIGHT = 0.3  # triggers.yaml: the weight of a word telling a death ("مقتل", "قتل")
STATE_KINDS = {"state", "police"}
NOT_ATTACKERS = UNARMED_KINDS | STATE_KINDS  # what "المهاجمين" never refers back to
# Not one of two armed sides a fight is told between.
UNARMED_OR_RIOTING = {*UNARMED_KINDS, "rioters"}
AMONG_AFTER = 24  # characters from a toll to a name singled out among its dead ("، معظمهم من ")
# Sub-event types whose perpetrator hides: a state force named in such a clause is the target.
COVERT = {"Suicide bomb", "Remote explosive/landmine/IED"}
AERIAL = "Air/drone strike"
# What a state force does to stop others: its name in such a clause is no other act's author.
STOPPING = ("Arrests", "Disrupted weapons use")
_QUOTES = ('"', "“", "”", "«", "»")  # a quoted statement's marks
_START = attrgetter("start")  # a mention's sort key (no Python call per mention)
# Per knowledge base: whether each actor flies.
_FLIES: weakref.WeakKeyDictionary[Knowledge, dict[int, bool]] = weakref.WeakKeyDictionary()
_CUE_SETS: weakref.WeakKeyDictionary[Knowledge, dict[str, frozenset[str]]] = weakref.WeakKeyDictionary()


@dataclass(slots=True)
class Roles:
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)


def cue(m: Mention) -> str | None:
    return m.attrs.get("role_cue")


class RoleAssigner:
    """The sides of one report's events. What holds for the whole report — the attackers that
    "المهاجمين" refers back to, whose aircraft it names — is settled when the assigner is made
    (make it when the report has a first event: it re-points anaphoric and unowned actor
    mentions); `assign` then reads one clause (issue 11: per event, only the clause's work)."""

    def __init__(
        self,
        doc: Doc,
        k: Knowledge,
        at: ClauseIndex | None = None,
        answered: frozenset[tuple[int, int]] = frozenset(),
    ) -> None:
        self.doc, self.k = doc, k
        # Clauses telling the act another answered (events/answered.py): their actors are theirs.
        self.answered = answered
        self.at = at if at is not None else ClauseIndex(doc)
        self._fly = _FLIES.setdefault(k, {})  # looked up once per report, not per actor
        _name_the_attackers(doc, k)
        # Aircraft the report names with their owner, read before "الطيران الحربي" is re-pointed.
        self.named_air: list[Mention] = self._named_air_forces()
        _name_unnamed_aircraft(doc, k, self.named_air)
        self._air_force: Mention | None = None  # the most named of them, found on first need

    def _tolls(self, sentence: int) -> list[tuple[int, int]]:
        """The spans of the sentence's tolls, each with its victim noun phrase."""
        out = []
        for k in self.doc.in_sentence(CASUALTY, sentence):
            lo, hi = k.start, k.end
            if k.value.victim is not None:
                lo, hi = min(lo, k.value.victim[0]), max(hi, k.value.victim[1])
            out.append((lo, hi))
        return out

    def _counted_dead(self, a: Mention) -> bool:
        """Whether `a` is a side named among a toll's victims ("قتل أربعة من عناصر المجلس
        الانتقالي"), not a bare people noun: those dead name whom the attack hit."""
        generic = a.attrs.get("generic")
        if generic and a.attrs.get("kind") in UNARMED_KINDS:
            return False
        for lo, hi in self._tolls(a.sentence):
            if not generic and lo <= a.start <= hi + 1:  # (it may follow the counted noun: "من عناصر X")
                return True
            if self._singled_out(a, hi):
                return True
        return False

    def _in_a_toll(self, a: Mention) -> bool:
        """Whether `a` is named in a toll's words ("قتل 5 من القوات الحكومية"), a force's generic
        name too."""
        return any(lo <= a.start <= hi + 1 for lo, hi in self._tolls(a.sentence))

    def _among_the_dead(self, a: Mention) -> bool:
        """Whether `a` is singled out among a toll's dead by an aside after it (_singled_out)."""
        if a.attrs.get("kind") in UNARMED_KINDS:
            return False
        return any(self._singled_out(a, hi) for _, hi in self._tolls(a.sentence))

    def _singled_out(self, a: Mention, toll_end: int) -> bool:
        """ "قتل 42 شخصا، معظمهم من مقاتلي المعارضة", "مقتل 59 شخصا معظمهم من الجنود": the side
        most of the dead (or some of them) were, named right after the toll (a force's generic
        name too)."""
        return toll_end < a.start <= toll_end + AMONG_AFTER and self._among_aside(toll_end, a.start)

    def _among_aside(self, start: int, end: int) -> bool:
        """Whether the words between a toll and a name single out who was among the dead
        ("، معظمهم من", "بينهم", "، بينهم عناصر من"): cues among_victims, then maybe a person
        noun, then maybe "من"."""
        words = WORD.findall(self.doc.folded_slice(start, end))
        if not words or words[0] not in self._cue_set("among_victims"):
            return False
        rest = words[1:-1] if words[-1] == "من" and len(words) > 1 else words[1:]
        return not rest or (len(rest) == 1 and rest[0] in self._cue_set("person_nouns"))

    def assign(self, sentence: int, clause: int, triggers: list[Mention]) -> Roles:
        """actor1/actor2/associated actors of the event told by `triggers` in one clause."""
        at, k = self.at, self.k
        # "بمقتل 20 في غارات للتحالف واشتباكات مع الجيش": when a clause tells two events, the
        # author named right after the other event's word ("غارات للتحالف") is that event's.
        told = at.clause(TRIGGER, sentence, clause)  # `triggers` are some of these
        others = [t for t in told if t not in triggers] if len(told) > len(triggers) else None
        text = self.doc.text
        # One pass over the sentence's actors (plain loops: most sentences name none to three,
        # and a comprehension per list costs more than the few names in it): the usable ones,
        # those of the clause, and those of the sentence's other clauses.
        in_sent: list[Mention] = []
        in_clause: list[Mention] = []
        extra: list[Mention] = []
        answered = self.answered
        own = (sentence, clause) in answered if answered else False
        for a in at.sentence(ACTOR, sentence):
            if answered and a.clause != clause and (own or (sentence, a.clause) in answered):
                continue  # an act and the act it answered lend each other no side
            if a.attrs.get("role_cue") == IGNORE or (
                others
                and any(0 <= a.start - t.end <= 3 and not text[t.end : a.start].strip(" ل") for t in others)
            ):
                continue
            if a.clause != clause and _recalled_author(at, a):
                continue  # "…المبنى الذي طالته من قبل هجمات تبنتها الحركة": not this event's
            in_sent.append(a)
            (in_clause if a.clause == clause else extra).append(a)
        # The clause's actors, else the sentence's; neighbouring clauses of the same sentence
        # fill a side the clause leaves open.
        lead = triggers[0].value
        if not in_clause and lead.event_type == BATTLES and len(in_sent) > 1:
            # "احتدمت المعارك … بين قوات الجيش ومسلحي الحوثي، وسط غارات لطيران التحالف": the names
            # of a clause telling air strikes are the strikes' sides, not the fight's.
            ground = [a for a in in_sent if self._told_in(sentence, a.clause) != AERIAL]
            if ground:
                in_sent = ground
        pool = in_clause or in_sent
        if not in_clause:
            extra = []
        # The sub-event types the clause's leading trigger speaks for, with its weapons when it
        # tells an explosion or remote attack (an air raid backing a ground fight leaves the
        # fight a fight).
        aerial = lead.sub_event_type == AERIAL
        covert = lead.sub_event_type in COVERT
        if lead.event_type in (EXPLOSIONS, VAC):
            for w in at.clause(WEAPON, sentence, clause):
                sub = w.value.sub_event_type
                aerial = aerial or sub == AERIAL
                covert = covert or sub in COVERT
        covert = covert and not aerial
        a1: Mention | None = None
        a2: Mention | None = None
        assoc1: list[Mention] = []
        assoc2: list[Mention] = []
        subject = (
            self._subject_before_break(sentence, clause, told, extra)
            if in_clause and not any(cue(a) == AGENT for a in in_clause)
            else None
        )
        if subject is not None:
            pool = [subject, *pool]
        if pool:
            # What the event is decides who can have done it, whatever the words around a name
            # say: an actor unfit to act is a patient (unless cued as an associate). One pass
            # sorts the pool by role cue (each list in the pool's order).
            agents: list[Mention] = []
            patients: list[Mention] = []
            assoc: list[Mention] = []
            neutral: list[Mention] = []
            for a in pool:
                role = a.attrs.get("role_cue")
                if a is subject or any(t.start == a.start and t.end == a.end for t in triggers):
                    # (a name that is the act's own word, "نزاع عشائري", names who fought,
                    # whatever cue stands before it)
                    agents.append(a)
                elif role == PATIENT:
                    patients.append(a)
                elif role == ASSOC:
                    assoc.append(a)
                elif not self._can_act(a, aerial, covert):
                    patients.append(a)
                elif role == AGENT:
                    agents.append(a)
                elif role is None:
                    neutral.append(a)
            # The post or convoy the attack hit names the side attacked; the people killed there
            # may be passers-by ("قتل شخصان بتفجير استهدف نقطة تفتيش") — unless they are named
            # by their own side ("قتل أربعة من عناصر المجلس الانتقالي بهجوم على نقطة تفتيش").
            if len(patients) > 1:
                patients.sort(key=lambda a: (not self._counted_dead(a), not a.attrs.get("target_only")))
            # The teller of a claim ("قال الجيش") is the last choice for a side.
            if len(neutral) > 1:
                neutral.sort(key=lambda a: a.attrs.get("role_why") == "teller_verbs")
            if neutral and patients and not in_clause:
                # "قتل جنديان إسرائيليان في عملية دهس … بحسب الجيش الإسرائيلي": a side named
                # apart from the act's clause, whose own men the act hit, tells it; it is not
                # the side that did it.
                hit = {p.value for p in patients}
                neutral = [a for a in neutral if a.value not in hit]
            a1 = (agents or neutral or [None])[0]
            if (
                a1 is not None
                and not agents
                and lead.event_type == BATTLES
                and _after_with(text, a1)
                and (subject := self._earlier_subject(extra, sentence, clause)) is not None
                and k.actors[subject.value].name != k.actors[a1.value].name
            ):
                # "حققت قوات الجيش، أمس، تقدما …، بعد معارك مع الحوثيين": the side fought "with" is
                # the other side; the sentence's subject, told in an earlier clause, is the first.
                neutral = [subject, *neutral]
                a1 = subject
            entries = k.actors
            if (
                len(patients) > 1
                and a1 is not None
                and not entries[a1.value].template
                and entries[a1.value].kind in NON_STATE_ARMED
            ):
                # "مقتل عشرات المسلحين … خلال صد هجوم شنته فصائل المعارضة على مواقع الجيش": the
                # unnamed gunmen killed are the attackers' own men; the side hit is the other one.
                patients.sort(
                    key=lambda a: entries[a.value].template and entries[a.value].kind == "unidentified"
                )

            def other(a: Mention, b: Mention | None) -> bool:
                # Two names of one actor ("المقاومة", "قوات المقاومة المشتركة") are one side.
                return b is None or entries[a.value].name != entries[b.value].name

            # The first patient, else neutral, else agent that is another actor than a1.
            name1 = entries[a1.value].name if a1 is not None else None
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
            hit_told = any(a.attrs.get("role_why") == "teller_verbs" for a in pool) and any(
                cue(x) == PATIENT and other(x, a1) for x in extra
            )
            if patients and lead.event_type == BATTLES and triggers[0].attrs.get("weight", 1.0) >= 1.0:
                # "قتل ثمانية أشخاص في اشتباكات بين …": people killed in an exchange of fire that
                # names two armed sides are no party to it (coding drops them as a side).
                # (unnamed gunmen are a side too: "اشتباكات بين قوة الردع ومجموعة مسلحة")
                armed = {
                    entries[a.value].name for a in pool if entries[a.value].kind not in UNARMED_OR_RIOTING
                }
                if len(armed) > 1:
                    patients = [a for a in patients if entries[a.value].kind != "civilians"]
            for side in (patients, neutral, agents):
                for a in side:
                    if a is not a1 and (a1 is None or entries[a.value].name != name1):
                        if side is not patients and joined and a in joined:
                            continue
                        if hit_told and a.attrs.get("role_why") == "teller_verbs":
                            continue
                        a2 = a
                        break
                if a2 is not None:
                    break
            if a2 is None or a1 is None:
                # Look into the rest of the sentence for the missing side.
                others = [a for a in extra if other(a, a1) and other(a, a2)]
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
                            and (told_there := self._told_in(sentence, a.clause)) in STOPPING
                            and told_there != lead.sub_event_type
                        )
                    ]
                    a1 = ag[0] if ag else None
                    if aerial and a1 is not None and not self._flies_here(a1):
                        # "أحبطت قوات الجيش …، بالتزامن مع قصف مقاتلات الأباتشي": aircraft whose
                        # owner the clause leaves unnamed fly for the air force the report names,
                        # not for the ground force another clause makes the subject of its verb.
                        a1 = None
                elif others and (
                    cue(others[0]) in (PATIENT, None) or others[0].attrs.get("kind") in UNARMED_KINDS
                ):
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
            if a2 is not None and a2.attrs.get("target_only"):
                # "قتل عنصران من الشرطة …، بهجوم على نقطة تفتيش": the post hit stands for the
                # force the sentence names among the hit, whichever clause names it (a state force
                # or one fighting on the state's side: "مقتل أحد منتسبي الهيئة" of the PMF).
                a2 = next(
                    (
                        a
                        for a in in_sent
                        if cue(a) == PATIENT
                        and not a.attrs.get("target_only")
                        and (entries[a.value].kind in STATE_KINDS or entries[a.value].government_ally)
                        and other(a, a1)
                    ),
                    a2,
                )
            if a1 is not None and a2 is not None and not aerial and _repelled(self.doc, k, triggers, a1):
                # "صدت الفصائل محاولات تقدم لقوات النظام": the side that repelled the attack is
                # the one attacked; the attacker is actor1 (ACLED: the initiator first).
                a1, a2 = a2, a1
            # (Nothing to associate when the pool holds only a main actor and none is cued.)
            if assoc or len(pool) > 1 or (pool[0] is not a1 and pool[0] is not a2):
                _associates(text, pool, assoc, a1, a2, assoc1, assoc2, (joined_to, joined))
        # "أعلن المتحدث باسم الجماعة استهداف مطار …": a side claims its own act.
        if (
            a1 is None
            and (spokesman := self._spokesman_force(sentence, clause, triggers[0])) is not None
            and self._can_act(spokesman, aerial, covert)
            and (a2 is None or k.actors[spokesman.value].name != k.actors[a2.value].name)
        ):
            a1 = spokesman
        elif (
            a1 is not None
            and a2 is None
            and cue(a1) is None
            and a1.start > triggers[0].end
            and (spokesman := self._spokesman_force(sentence, clause, triggers[0])) is not None
            and self._can_act(spokesman, aerial, covert)
            and k.actors[spokesman.value].name != k.actors[a1.value].name
        ):
            # "أعلن القائد العام للجيش تحرير المنطقة من مجلس شورى الثوار": the one side named
            # after the act it announced is what it acted on.
            a1, a2 = spokesman, a1
        if aerial and a1 is None:
            # An air strike with no named author: the air force the report is about, else the
            # report country's own. Drones fly for anyone: an unclaimed drone attack stays unclaimed.
            a1 = self._report_air_force(triggers[0], sentence, clause)
            if a1 is not None and a2 is not None and a2.value == a1.value:
                a2 = None
        if (
            a1 is not None
            and a2 is not None
            and (aerial or lead.event_type == EXPLOSIONS)
            and (striker := k.actors[a1.value]).shares_camp(k.actors[a2.value])
        ):
            # Air strikes and shelling do not hit the striker's own camp ("تزامنت غارات التحالف مع
            # مواجهات بين المقاومة والحوثيين": the coalition's raids are not on the resistance it
            # backs): the sentence's next side outside that camp, else none.
            a2 = next(
                (
                    a
                    for a in in_sent
                    if a is not a1 and cue(a) != ASSOC and not striker.shares_camp(k.actors[a.value])
                ),
                None,
            )
        if a1 is None and a2 is not None and lead.event_type == BATTLES:
            # "أسفرت المعارك عن مقتل 22 من عناصر الحوثي، فيما قتل 5 من القوات الحكومية": both
            # sides told only by their dead fought each other (a state force first: who began it
            # is not told).
            names = k.actors
            other = next(
                (
                    a
                    for a in in_sent
                    if a is not a2
                    and cue(a) == PATIENT
                    and names[a.value].name != names[a2.value].name
                    and names[a.value].kind not in UNARMED_OR_RIOTING
                    and names[a2.value].kind not in UNARMED_OR_RIOTING
                    and self._in_a_toll(a)
                    and self._in_a_toll(a2)
                ),
                None,
            )
            if other is not None:
                a1, a2 = (
                    (a2, other)
                    if names[a2.value].kind in STATE_KINDS and names[other.value].kind not in STATE_KINDS
                    else (other, a2)
                )
        return Roles(a1, a2, assoc1, assoc2)

    def _subject_before_break(
        self, sentence: int, clause: int, told: list[Mention], extra: list[Mention]
    ) -> Mention | None:
        """The subject of a clause that opens with its verb, told before a comma ("أن قوات الجيش،
        بمساندة مقاتلي العشائر، استعادت …"): the uncued name that ends an earlier clause of the
        sentence, with nothing but clauses naming no act between."""
        if not told or not extra:
            return None
        doc, text = self.doc, self.doc.text
        spans = doc.clauses[sentence]
        first = min(told, key=attrgetter("start"))
        lead = first.start
        if text[spans[clause].start : lead].strip(" \n\t،,و"):
            return None  # words before the verb: its subject, if any, is in its own clause
        for a in reversed(extra):
            if a.clause >= clause or cue(a) not in (None, AGENT):
                continue
            if text[a.end : spans[a.clause].end].strip(" \n\t،,؛;()"):
                return None  # the name does not end its clause: not the subject left hanging
            if first.attrs.get("weight", 1.0) <= DEATH_WEIGHT and self._after_teller(
                a, spans[a.clause].start
            ):
                # "أعلنت قيادة القوات المشتركة للتحالف، الاثنين، مقتل …": a death is no act of who
                # tells it ("أعلنت المخابرات، أمس، توقيف تسعة": an arrest is).
                return None
            if any(self.at.clause(TRIGGER, sentence, c) for c in range(a.clause, clause)):
                return None  # an act told in between has that name for its own
            return a
        return None

    def _after_teller(self, a: Mention, clause_start: int) -> bool:
        """Whether a verb of telling opens `a`'s clause before it ("أعلنت قيادة القوات …")."""
        words = WORD.findall(self.doc.folded_slice(clause_start, a.start))
        return bool(words) and self.k.cues["teller_verbs"].has_word(words[0].removeprefix("و"))

    def _earlier_subject(self, extra: list[Mention], sentence: int, clause: int) -> Mention | None:
        """The subject told in an earlier clause of the sentence: its first uncued name, else the
        force whose spokesman tells it ("أعلن المتحدث باسم الجيش أن القوات سيطرت …")."""
        uncued = next((a for a in extra if a.clause < clause and cue(a) is None), None)
        if uncued is not None:
            return uncued
        return self._spokesman_force(sentence, clause)

    def _spokesman_force(self, sentence: int, clause: int, act: Mention | None = None) -> Mention | None:
        """The armed force whose spokesman, told in an earlier clause of the sentence (or before
        `act` in its clause), tells the act. With `act` (the act's word): the act is what the
        spokesman announced ("أعلن المتحدث باسم الجماعة … استهداف مطار …": the group claims its
        own attack), not a statement quoted after "إن" or in quotation marks ("قال المتحدث إن
        فلسطينيين أحرقا …")."""
        statement = self.k.cues["statement_nouns"]
        folded = self.doc.folded
        for a in self.at.sentence(ACTOR, sentence):
            if (a.clause > clause or a.end > act.start) if act is not None else a.clause >= clause:
                continue
            if cue(a) != IGNORE or a.attrs.get("kind") not in ("state", "police", "rebel", "militia"):
                continue
            fs = folded.folded_index(a.start)
            if not any(statement.has_word(w) for w in words_before(folded.text, fs, max(0, fs - 30), 3)):
                continue
            if act is not None:
                between = folded.text[folded.folded_index(a.end) : folded.folded_index(act.start)]
                if any(q in between for q in _QUOTES) or "ان" in between.split():
                    return None
            return a
        return None

    def _told_in(self, sentence: int, clause: int) -> str | None:
        """The sub-event type of the clause's first trigger (None: the clause tells no act)."""
        told = self.at.clause(TRIGGER, sentence, clause)
        return told[0].value.sub_event_type if told else None

    def _can_act(self, m: Mention, aerial: bool, covert: bool) -> bool:
        """Whether an actor can be the author of the event: state forces set no suicide bombs or
        roadside bombs, and only an actor with aircraft or drones flies an air strike."""
        if m.attrs.get("target_only"):
            return False
        if covert and self.k.actors[m.value].kind in STATE_KINDS:
            return False
        return not aerial or self._flies(m.value)

    def _cue_set(self, name: str) -> frozenset[str]:
        """A cues.yaml list's words, folded (read once per knowledge load)."""
        sets = _CUE_SETS.get(self.k)
        if sets is None:
            sets = _CUE_SETS[self.k] = {}
        got = sets.get(name)
        if got is None:
            got = sets[name] = frozenset(self.k.cue_words(name))
        return got

    @property
    def _force_heads(self) -> frozenset[str]:
        return self._cue_set("force_heads")

    @property
    def _reciprocal(self) -> frozenset[str]:
        return self._cue_set("reciprocal_before")

    def _flies(self, idx: int) -> bool:
        """A state's armed forces fly; another actor when one of its names is an aircraft's
        (طيران، طائرات، مسيرة…)."""
        got = self._fly.get(idx)
        if got is None:
            words = self.k.cue_words("aerial_words")
            entry = self.k.actors[idx]
            got = self._fly[idx] = entry.kind == "state" or any(
                w in fold(a) for a in entry.aliases for w in words
            )
        return got

    def _named_air_forces(self) -> list[Mention]:
        """Aircraft the report names with their owner ("طائرات التحالف", "الطيران الروسي"), or
        the author of an air strike it names ("غارات التحالف"), in order of mention."""
        doc = self.doc
        out: list[Mention] = []
        aerial_sents = {(t.sentence, t.clause) for t in doc.get(TRIGGER) if t.value.sub_event_type == AERIAL}
        aerial_sentences = {s for s, _ in aerial_sents}
        for m in doc.get(ACTOR):
            # The mention's own attributes first: whether the actor flies is looked up (and
            # maybe worked out from its aliases) only for an aircraft's name or an air strike's
            # author.
            attrs = m.attrs
            if attrs.get("generic"):
                continue
            if (
                attrs.get("aerial")  # an aircraft's name (the actor recogniser's aerial_words)
                or (attrs.get("role_cue") == AGENT and (m.sentence, m.clause) in aerial_sents)
                # the side held responsible ("وحمّل الحوثيون التحالف المسؤولية عن الهجوم"), or
                # claiming an air strike of its sentence ("وقال الجيش الأمريكي إنه نفذ ضربة جوية")
                or attrs.get("role_why") == "accused"
                or (attrs.get("role_why") == "self_claim_after" and m.sentence in aerial_sentences)
            ) and self._flies(m.value):
                out.append(m)
        return out

    def _flies_here(self, m: Mention) -> bool:
        """Whether the report names `m`'s aircraft (or no one's: then a state's forces may fly)."""
        named = self.named_air
        return not named or any(n.value == m.value for n in named)

    def _report_air_force(self, trigger: Mention, sentence: int, clause: int) -> Mention | None:
        named = self.named_air
        if named:
            if self._air_force is None:  # the same for every event of the report
                counts = Counter(m.value for m in named)
                best = max(
                    counts, key=lambda v: (counts[v], -next(i for i, m in enumerate(named) if m.value == v))
                )
                self._air_force = next(m for m in named if m.value == best)
            return self._air_force
        doc = self.doc
        if not doc.country or _drones_only(self.at, sentence, clause):
            return None
        own = self.k.state_actor("state", doc.country)
        if own is None:
            return None
        # The trigger's words are the evidence for an air force the report leaves unnamed.
        return Mention(
            ACTOR, trigger.start, trigger.end, trigger.text, own, trigger.sentence, trigger.clause,
            {"role_cue": AGENT, "role_why": "report country's air force", "kind": "state"},
        )  # fmt: skip


def _recalled_author(at: ClauseIndex, a: Mention) -> bool:
    """Whether `a` follows, in its own clause, a recalled-attacks cue ("لهجمات في السابق"): it is
    the author of those attacks."""
    return any(c.value == "recalled" and c.end <= a.start for c in at.clause(CUE, a.sentence, a.clause))


def _repelled(doc: Doc, k: Knowledge, triggers: list[Mention], subject: Mention) -> bool:
    """`subject` repelled the event's attack: a repel word (cues.yaml repel_before) right before
    `subject` ("صدت الفصائل محاولات تقدم"), a trigger that is a repel verb ("تصدت المقاومة
    لهجمات", "صد هجوم"), or a repel word among the three words before an attack word `subject`
    is named before. Not when `subject` is named as the attack's author."""
    repel = k.cues["repel_before"]
    folded = doc.folded
    if subject.attrs.get("role_why") in ("agent_before", "event_nouns"):
        return False  # named as the attack's author ("هجوما شنه مسلحو الجماعة", "هجوم للحوثيين")
    ss = folded.folded_index(subject.start)
    if any(repel.has_word(w) for w in folded.text[max(0, ss - 20) : ss].split()[-2:]):
        return True  # the subject of a repel verb ("صدت قوات الجيش … هجوما")
    for t in triggers:
        if t.value.event_type != BATTLES:
            continue
        fs = folded.folded_index(t.start)
        if repel.has_word(folded.text[fs : folded.folded_index(t.end)].split()[0]):
            return True  # the repel verb itself ("تصدت المقاومة لهجمات"): its subject defended
        if subject.start > t.start:
            continue
        seg = doc.clauses[t.sentence][t.clause] if t.sentence >= 0 else None
        lo = folded.folded_index(seg.start) if seg is not None else 0
        if any(repel.has_word(w) for w in folded.text[max(lo, fs - 40) : fs].split()[-3:]):
            return True
    return False


# "… من جهة" right after a list (a few words of its own between): the list is one side of a
# "بين … من جهة، و… من جهة أخرى" pair.
_ONE_SIDE_END = re.compile(r"[^،,.؛\n]{0,30}?\sمن\s+جه[ةه](?!\s+أخرى)")


def _partners(
    text: str,
    main: Mention | None,
    pool: list[Mention],
    reciprocal: frozenset[str] = frozenset(),
    heads: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The names listed after `main` with "و" ("الجيش والمقاومة الشعبية ومسلحو القبائل"), also
    with a force noun (`heads`) between ("القوات التركية وفصائل الجيش السوري الحر"): one side,
    not two — unless "بين" opened the list ("اشتباكات بين المقاومة والحوثيين"), or a verb of a
    two-sided act (`reciprocal`) stands right before `main` ("تبادلت القوات التركية ووحدات
    حماية الشعب القصف")."""
    if main is None:
        return []
    joined: list[Mention] = []
    last = main
    for a in sorted(pool, key=_START):
        if a.start < last.end:
            continue
        gap = text[last.end : a.start].strip()
        if gap != "و" and not (a.start - last.end <= 16 and gap.startswith("و") and fold(gap[1:]) in heads):
            break
        joined.append(a)
        last = a
    # "بين" may stand a few words before the name ("بين قوة من الجيش ومسلحين"): read only when a
    # name follows (most mains have none).
    if not joined:
        return joined
    before = text[max(0, main.start - 24) : main.start].split()
    if any(fold(w) in reciprocal for w in before[-2:]):
        return []
    if any(fold(w).endswith("بين") for w in before[-3:]) and _ONE_SIDE_END.match(text, last.end) is None:
        # (Unless "من جهة" closes the list: "بين الجيش والمسلحين الموالين له من جهة، والفصائل من
        # جهة أخرى" lists one side, then the other.)
        return []
    return joined


def _after_with(text: str, m: Mention) -> bool:
    """The name follows "مع", a few words of its own apart at most: "معارك مع الحوثيين",
    "اشتباكات مع عناصر ما يسمى مجلس الشورى"."""
    return "مع" in text[max(0, m.start - 30) : m.start].split()[-4:]


def _drones_only(at: ClauseIndex, sentence: int, clause: int) -> bool:
    aerial = [w for w in at.clause(WEAPON, sentence, clause) if w.value.sub_event_type == AERIAL]
    return bool(aerial) and all(w.value.name == "drone" for w in aerial)


def _name_the_attackers(doc: Doc, k: Knowledge) -> None:
    """ "المهاجمين", "المسلحين", "الجناة" with the article refer back to the attackers the report
    named before them ("هجوم شنه مسلحون من تنظيم الدولة … قبل انسحاب المهاجمين")."""
    last: Mention | None = None
    entries = k.actors
    for m in sorted(doc.get(ACTOR), key=_START):
        entry = entries[m.value]
        if entry.template and entry.kind == "unidentified":
            if last is not None and fold(m.text).startswith("ال"):
                m.value, m.attrs["kind"], m.attrs["anaphoric"] = last.value, last.attrs.get("kind"), True
            continue
        # (Armed groups only: "الإرهابيين" after "اعتقل جهاز الأمن الوطني" is not the police.)
        if m.attrs.get("role_cue") == AGENT and not entry.template and entry.kind not in NOT_ATTACKERS:
            last = m


def _name_unnamed_aircraft(doc: Doc, k: Knowledge, named: list[Mention]) -> None:
    """ "الطيران الحربي" with no owner, in a report that names whose aircraft fly (Israeli,
    coalition, Russian jets), is that air force, not the report country's own."""
    if not named:
        return
    counts = Counter(n.value for n in named)
    owner = max(counts, key=lambda v: counts[v])
    for m in doc.get(ACTOR):
        if m.attrs.get("generic") and m.attrs.get("aerial"):  # an unowned aircraft's name
            m.value = owner
            m.attrs["kind"] = k.actors[owner].kind


def _associates(
    text: str,
    pool: list[Mention],
    assoc: list[Mention],
    a1: Mention | None,
    a2: Mention | None,
    assoc1: list[Mention],
    assoc2: list[Mention],
    known: tuple[Mention | None, list[Mention] | None] = (None, None),
) -> None:
    """Cued associates go with actor1 (into `assoc1`); the other actors listed after a main one
    with "و" go with that side (`assoc1` or `assoc2`). `known`: a main name and its list, when
    the caller has already read it."""
    mains = {x.value for x in (a1, a2) if x is not None}
    used = {id(x) for x in (a1, a2) if x is not None}
    for a in assoc:
        if id(a) not in used and (a1 is None or a.value != a1.value):
            assoc1.append(a)
            used.add(id(a))
    for main, bucket in ((a1, assoc1), (a2, assoc2)):
        if main is None:
            continue
        listed = known[1] if main is known[0] and known[1] is not None else _partners(text, main, pool)
        for a in listed:
            if id(a) not in used and a.value not in mains:
                bucket.append(a)
                used.add(id(a))


def second_side(
    doc: Doc,
    k: Knowledge,
    *,
    event_type: str,
    actor1: Mention | None,
    sentences: set[int],
    at: ClauseIndex | None = None,
    partners: list[Mention] | None = None,
    clauses: set[tuple[int, int]] | None = None,
) -> Mention | None:
    """The side an event's own clauses leave open, looked for in its sentences, then in the
    sentence before and after: the party shelled, the police that dispersed a protest (`at`:
    the report's mention index, when the caller keeps one). Not actor1, nor its `partners`
    (the associates that fought on its side), nor the subject of another clause (`clauses`: the
    event's own) of its sentences or the sentence after."""
    taken = {actor1.value} if actor1 is not None else set()
    taken |= {p.value for p in partners or ()}
    # Remote fire does not hit the firer's own camp (see assign).
    striker = k.actors[actor1.value] if actor1 is not None and event_type == EXPLOSIONS else None
    first = min(sentences)
    near = sorted(sentences) + [s for s in (first - 1, max(sentences) + 1) if s not in sentences]
    hit: Mention | None = None
    items = doc.item_openers
    if items:
        # A round-up's items ("وفي درعا، …") lend each other no side.
        near = [s for s in near if s in sentences or (s not in items and first not in items)]
    for s in near:
        for a in at.sentence(ACTOR, s) if at is not None else doc.in_sentence(ACTOR, s):
            kind = a.attrs.get("kind")
            if a.value in taken or cue(a) in (IGNORE, ASSOC):
                continue
            if (
                actor1 is not None
                and clauses
                and event_type in (BATTLES, EXPLOSIONS, VAC)
                and cue(a) == AGENT
                and (a.sentence, a.clause) not in clauses
                and s >= first
            ):
                # "…، فيما أوقفت دورية للشرطة ثلاثة مطلوبين": the subject of another act told with it or
                # after it (the one told before may be the side it answered).
                continue
            if event_type == "Protests" and (kind not in STATE_KINDS or a.attrs.get("target_only")):
                continue
            if any(
                t.attrs.get("at_attacker") and t.clause == a.clause
                for t in (at.sentence(TRIGGER, s) if at is not None else doc.in_sentence(TRIGGER, s))
            ):
                continue  # "وأطلقت الشرطة النار على المشتبه به": the force that answered the attack
            if striker is not None and striker.shares_camp(k.actors[a.value]):
                continue
            if event_type == BATTLES and kind in UNARMED_KINDS:
                if cue(a) == PATIENT and s in sentences and hit is None:
                    hit = a
                continue
            if actor1 is None and kind not in UNARMED_KINDS and cue(a) != PATIENT:
                continue  # would more likely be the attacker
            return a
    # People told as hit in its sentences ("قتل شخص في هجوم بسكين") when no armed side is found:
    # the side a generic attack hit (the coder makes it an attack on civilians, or drops them
    # from a fight).
    return hit
