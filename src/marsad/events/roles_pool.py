"""The actors one clause offers the role assigner (events/roles.py) for an event's sides: the
clause's own, else its sentence's (not those of an act it answered, of another act told in the
clause, or of an attack recalled), what the act is told with (by air, covert), a subject told
before a comma, and the pool sorted by role cue, each list in the order a side is picked from it."""

from __future__ import annotations

from marsad.doc import ACTOR, CUE, TRIGGER, WEAPON, Mention
from marsad.events.clause_index import ClauseIndex
from marsad.events.roles_air import AirForces
from marsad.events.roles_base import (
    AERIAL,
    AGENT,
    ASSOC,
    BATTLES,
    COVERT,
    EXPLOSIONS,
    IGNORE,
    PATIENT,
    VAC,
    cue,
)
from marsad.events.roles_subject import SubjectReading
from marsad.events.roles_tolls import TollReading
from marsad.knowledge.lexicon import TriggerEntry


class ClausePool:
    """One clause's actors while `RoleAssigner.assign` reads them, and the sides it picks. (A plain
    class with slots, not a dataclass: its __init__ is compiled, once per event.)"""

    __slots__ = (
        "a1",
        "a2",
        "aerial",
        "assoc1",
        "assoc2",
        "clause",
        "covert",
        "extra",
        "in_clause",
        "in_sent",
        "lead",
        "pool",
        "sentence",
        "subject",
        "triggers",
    )
    sentence: int
    clause: int
    triggers: list[Mention]  # the event's, in the clause
    lead: TriggerEntry  # the leading trigger's
    # The sentence's usable actors, the clause's, and those of the sentence's other clauses (none
    # when the clause names no actor: the sentence's are then the pool).
    in_sent: list[Mention]
    in_clause: list[Mention]
    extra: list[Mention]
    pool: list[Mention]  # the actors the sides are picked from
    subject: Mention | None  # a subject told before a comma (_subject_before_break), in the pool
    aerial: bool  # an air or drone strike
    covert: bool  # a suicide bomb or an IED (not by air)
    a1: Mention | None
    a2: Mention | None
    assoc1: list[Mention]
    assoc2: list[Mention]

    def __init__(
        self,
        sentence: int,
        clause: int,
        triggers: list[Mention],
        lead: TriggerEntry,
        in_sent: list[Mention],
        in_clause: list[Mention],
        extra: list[Mention],
        pool: list[Mention],
        subject: Mention | None,
        aerial: bool,
        covert: bool,
    ) -> None:
        self.sentence, self.clause, self.triggers, self.lead = sentence, clause, triggers, lead
        self.in_sent, self.in_clause, self.extra, self.pool = in_sent, in_clause, extra, pool
        self.subject, self.aerial, self.covert = subject, aerial, covert
        self.a1 = self.a2 = None
        self.assoc1, self.assoc2 = [], []


class PoolGathering(SubjectReading, TollReading, AirForces):
    """The role assigner's part that gathers a clause's actors and sorts them by role cue."""

    def _clause_pool(self, sentence: int, clause: int, triggers: list[Mention]) -> ClausePool:
        """The actors the event told by `triggers` in one clause takes its sides from."""
        # "بمقتل 20 في غارات للتحالف واشتباكات مع الجيش": when a clause tells two events, the
        # author named right after the other event's word ("غارات للتحالف") is that event's.
        told = self.at.clause(TRIGGER, sentence, clause)  # `triggers` are some of these
        others = [t for t in told if t not in triggers] if len(told) > len(triggers) else None
        in_sent, in_clause, extra = self._usable_actors(sentence, clause, others)
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
        aerial, covert = self._means(sentence, clause, lead)
        # (loops, not any()/all() over generators: once per event)
        agent_told = False
        for a in in_clause:
            if cue(a) == AGENT:
                agent_told = True
                break
        subject = (
            self._subject_before_break(sentence, clause, told, extra)
            if in_clause and not agent_told
            else None
        )
        if subject is not None:
            # (with the forces its clause tells fighting alongside it: its associates)
            allies = [
                m
                for m in self.at.clause(ACTOR, sentence, subject.clause)
                if m.start > subject.end and cue(m) == ASSOC
            ]
            pool = [subject, *pool, *allies]
        elif in_clause and lead.event_type == BATTLES and _agents_after(in_clause, triggers[0].start):
            # "صدت قوات سوريا الديمقراطية، فجر الاثنين، هجوما شنه عناصر التنظيم": the clause's
            # agent is the attack's author, told after the attack's word ("شنه", "هجوما لـ"); the
            # subject left before the day's commas is the side that met it (the other side, after
            # the pool).
            met = self._subject_before_break(sentence, clause, told, extra)
            if met is not None and all(met.value != a.value for a in in_clause):
                pool = [*pool, met]
        return ClausePool(
            sentence, clause, triggers, lead, in_sent, in_clause, extra, pool, subject, aerial, covert
        )

    def _usable_actors(
        self, sentence: int, clause: int, others: list[Mention] | None
    ) -> tuple[list[Mention], list[Mention], list[Mention]]:
        """The sentence's actors that may be the event's sides, those of its clause, and those of
        the sentence's other clauses (`others`: the clause's triggers of other events)."""
        at = self.at
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
        return in_sent, in_clause, extra

    def _means(self, sentence: int, clause: int, lead: TriggerEntry) -> tuple[bool, bool]:
        """Whether the act is an air or drone strike, and whether its perpetrator hides (a suicide
        bomb or an IED, not by air)."""
        # The sub-event types the clause's leading trigger speaks for, with its weapons when it
        # tells an explosion or remote attack (an air raid backing a ground fight leaves the
        # fight a fight).
        aerial = lead.sub_event_type == AERIAL
        covert = lead.sub_event_type in COVERT
        if lead.event_type in (EXPLOSIONS, VAC):
            for w in self.at.clause(WEAPON, sentence, clause):
                sub = w.value.sub_event_type
                aerial = aerial or sub == AERIAL
                covert = covert or sub in COVERT
        covert = covert and not aerial
        return aerial, covert

    def _by_cue(self, c: ClausePool) -> tuple[list[Mention], list[Mention], list[Mention], list[Mention]]:
        """The pool's agents, patients, associates and unmarked names, each list in the order a
        side is picked from it."""
        # What the event is decides who can have done it, whatever the words around a name
        # say: an actor unfit to act is a patient (unless cued as an associate). One pass
        # sorts the pool by role cue (each list in the pool's order).
        subject, triggers, aerial, covert = c.subject, c.triggers, c.aerial, c.covert
        agents: list[Mention] = []
        patients: list[Mention] = []
        assoc: list[Mention] = []
        neutral: list[Mention] = []
        for a in c.pool:
            role = a.attrs.get("role_cue")
            own_word = a is subject
            if not own_word:
                # (a loop, not any() over a generator: once per actor of the pool)
                a_start, a_end = a.start, a.end
                for t in triggers:
                    if t.start == a_start and t.end == a_end:
                        own_word = True
                        break
            if own_word:
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
        if neutral and patients and not c.in_clause:
            # "قتل جنديان إسرائيليان في عملية دهس … بحسب الجيش الإسرائيلي": a side named
            # apart from the act's clause, whose own men the act hit, tells it; it is not
            # the side that did it.
            hit = {p.value for p in patients}
            neutral = [a for a in neutral if a.value not in hit]
        return agents, patients, assoc, neutral


def _agents_after(actors: list[Mention], start: int) -> bool:
    """Whether every actor of `actors` cued as an agent is told after `start`."""
    for a in actors:  # noqa: SIM110 (a loop, not all() over a generator: once per event)
        if cue(a) == AGENT and not a.start > start:
            return False
    return True


def _recalled_author(at: ClauseIndex, a: Mention) -> bool:
    """Whether `a` follows, in its own clause, a recalled-attacks cue ("لهجمات في السابق"): it is
    the author of those attacks."""
    # (a loop, not any() over a generator: asked of most actors outside the event's clause)
    cues = at.clause(CUE, a.sentence, a.clause)
    if cues:
        start = a.start
        for c in cues:
            if c.value == "recalled" and c.end <= start:
                return True
    return False
