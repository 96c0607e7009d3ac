"""Who acted on whom (CODING.md §3): actor1, actor2 and associated actors of an event.

The actor recogniser marks each actor mention with the role its Arabic context gives it (attr
`role_cue`): "agent_before" (the subject right after a verb or action noun, "على يد", "من قبل",
the author of "هجوم لـ"), "patient_before" (the object or target: "ضد", "استهداف", "مواقع لـ"),
"assoc_before" (fighting alongside) and "ignore_before" (a qualifier, or the source of a claim).
This module turns those marks into the two sides of one event, with what the event itself says
of its perpetrators: states do not set suicide bombs, armed groups without aircraft fly no air
strikes, and an unnamed air force is the one the report is about.

RoleAssigner joins its parts, one job each: the clause's actors (events/roles_pool.py), the sides
among them (events/roles_sides.py), the subject told apart from the act (events/roles_subject.py),
who the dead were (events/roles_tolls.py), aircraft and air forces (events/roles_air.py), names
joined to one another (events/roles_joined.py), over a shared base (events/roles_base.py). The side
an event's own clauses leave open is events/roles_second_side.py's.
"""

from __future__ import annotations

from marsad.doc import Doc, Mention
from marsad.events.clause_index import ClauseIndex
from marsad.events.roles_air import _FLIES, _name_unnamed_aircraft
from marsad.events.roles_base import (
    AGENT,
    ASSOC,
    BATTLES,
    COVERT,
    DEATH_WEIGHT,
    EXPLOSIONS,
    IGNORE,
    PATIENT,
    STATE_KINDS,
    STOPPING,
    UNARMED_OR_RIOTING,
    Roles,
    cue,
)
from marsad.events.roles_pool import ClausePool
from marsad.events.roles_second_side import second_side
from marsad.events.roles_sides import SideChoice
from marsad.events.roles_subject import _name_the_attackers
from marsad.knowledge.lexicon import ActorEntry
from marsad.knowledge.resources import Knowledge
from marsad.text.tokens import words_before

# What other modules import from here: the role cues, kinds and sub-event types they weigh sides
# by, the assigner and second_side.
__all__ = [
    "AGENT",
    "ASSOC",
    "COVERT",
    "DEATH_WEIGHT",
    "IGNORE",
    "PATIENT",
    "STATE_KINDS",
    "STOPPING",
    "RoleAssigner",
    "second_side",
]


class RoleAssigner(SideChoice):
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
        self._toll_spans: dict[int, list[tuple[int, int]]] = {}  # by sentence, found on first need

    def assign(self, sentence: int, clause: int, triggers: list[Mention]) -> Roles:
        """actor1/actor2/associated actors of the event told by `triggers` in one clause."""
        c = self._clause_pool(sentence, clause, triggers)
        if c.pool:
            self._sides_in_pool(c)
        self._claimed_by_spokesman(c)
        if c.aerial and c.a1 is None:
            # An air strike with no named author: the air force the report is about, else the
            # report country's own. Drones fly for anyone: an unclaimed drone attack stays unclaimed.
            c.a1 = self._report_air_force(triggers[0], sentence, clause)
            if c.a1 is not None and c.a2 is not None and c.a2.value == c.a1.value:
                c.a2 = None
        self._outside_the_strikers_camp(c)
        if c.a1 is None and c.a2 is not None and c.lead.event_type == BATTLES:
            self._both_told_by_their_dead(c, c.a2)
            if c.a1 is None:
                self._fought_with(c, c.a2)
        return Roles(c.a1, c.a2, c.assoc1, c.assoc2)

    def _fought_with(self, c: ClausePool, a2: Mention) -> None:
        """A fight told by one side's dead and the side they fought "with" ("مقتل ثلاثة عناصر
        تكفيرية خلال تبادل لإطلاق النار مع قوات الأمن"): the two sides, a state force first."""
        names, doc = self.k.actors, self.doc
        folded = doc.folded.text
        for a in c.in_sent:
            if (
                a is a2
                or a.clause != c.clause
                or names[a.value].name == names[a2.value].name
                or names[a.value].kind in UNARMED_OR_RIOTING
                or names[a2.value].kind in UNARMED_OR_RIOTING
                or _one_camp(names[a.value], names[a2.value])
            ):
                continue
            fs = doc.folded_index(a.start)
            before = words_before(folded, fs, max(0, fs - 12), 1)
            if not before or not self.k.cues["fought_with_before"].has_word(before[0]):
                continue
            c.a1, c.a2 = (
                (a2, a)
                if names[a2.value].kind in STATE_KINDS and names[a.value].kind not in STATE_KINDS
                else (a, a2)
            )
            return

    def _claimed_by_spokesman(self, c: ClausePool) -> None:
        """The force whose spokesman announced the act: actor1 when the clause names none, or when
        the one side it names comes after the act (that side is then actor2)."""
        a1, a2, k, triggers, aerial, covert = c.a1, c.a2, self.k, c.triggers, c.aerial, c.covert
        sentence, clause = c.sentence, c.clause
        # "أعلن المتحدث باسم الجماعة استهداف مطار …": a side claims its own act.
        if (
            a1 is None
            and (spokesman := self._spokesman_force(sentence, clause, triggers[0])) is not None
            and self._can_act(spokesman, aerial, covert)
            and (a2 is None or k.actors[spokesman.value].name != k.actors[a2.value].name)
            # (nor an act on its own camp: "أعلنت قيادة القوات المشتركة أن جنديا سعوديا استشهد")
            and (a2 is None or not k.actors[spokesman.value].shares_camp(k.actors[a2.value]))
        ):
            c.a1 = spokesman
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
            c.a1, c.a2 = spokesman, a1

    def _outside_the_strikers_camp(self, c: ClausePool) -> None:
        """actor2 of an air strike or shelling: not a side of the striker's own camp."""
        a1, a2, k = c.a1, c.a2, self.k
        if (
            a1 is not None
            and a2 is not None
            and (c.aerial or c.lead.event_type == EXPLOSIONS)
            and (striker := k.actors[a1.value]).shares_camp(k.actors[a2.value])
        ):
            # Air strikes and shelling do not hit the striker's own camp ("تزامنت غارات التحالف مع
            # مواجهات بين المقاومة والحوثيين": the coalition's raids are not on the resistance it
            # backs): the sentence's next side outside that camp, else none.
            c.a2 = next(
                (
                    a
                    for a in c.in_sent
                    if a is not a1 and cue(a) != ASSOC and not striker.shares_camp(k.actors[a.value])
                ),
                None,
            )

    def _both_told_by_their_dead(self, c: ClausePool, a2: Mention) -> None:
        """A fight's sides when the clause names none as its author, only `a2` among the dead."""
        # "أسفرت المعارك عن مقتل 22 من عناصر الحوثي، فيما قتل 5 من القوات الحكومية": both
        # sides told only by their dead fought each other (a state force first: who began it
        # is not told).
        names = self.k.actors
        other = next(
            (
                a
                for a in c.in_sent
                if a is not a2
                and cue(a) == PATIENT
                and names[a.value].name != names[a2.value].name
                and names[a.value].kind not in UNARMED_OR_RIOTING
                and names[a2.value].kind not in UNARMED_OR_RIOTING
                and self._in_a_toll(a)
                and self._in_a_toll(a2)
                # ("قتل جندي وشرطي": the army and the police of one state are one side hit)
                and not _one_camp(names[a.value], names[a2.value])
            ),
            None,
        )
        if other is not None:
            c.a1, c.a2 = (
                (a2, other)
                if names[a2.value].kind in STATE_KINDS and names[other.value].kind not in STATE_KINDS
                else (other, a2)
            )


def _one_camp(a: ActorEntry, b: ActorEntry) -> bool:
    """Whether two actors fight on one side: one government's camp, or the report country's own
    state and police forces (templates, whose country is the event's)."""
    return a.shares_camp(b) or (a.template and b.template and a.kind in STATE_KINDS and b.kind in STATE_KINDS)
