"""What the parts of the role assigner (events/roles.py) share: the role cues the actor recogniser
marks, the kinds of act and actor the sides are weighed by, the `Roles` of one event, and the base
class of the parts (the report, its knowledge and mention index, the cue lists they read)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from operator import attrgetter

from marsad.doc import TRIGGER, Doc, Mention
from marsad.events.clause_index import ClauseIndex
from marsad.knowledge.resources import Knowledge

AGENT, PATIENT, ASSOC, IGNORE = "agent_before", "patient_before", "assoc_before", "ignore_before"
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
UNARMED_KINDS = {"civilians", "protesters"}
DEATH_WEIGHT = 0.3  # triggers.yaml: the weight of a word telling a death ("مقتل", "قتل")
MIN_WEIGHT = 0.5  # a trigger weaker than this tells no act alone (a weak, ambiguous word)
STATE_KINDS = {"state", "police"}
NOT_ATTACKERS = UNARMED_KINDS | STATE_KINDS  # what "المهاجمين" never refers back to
# Not one of two armed sides a fight is told between.
UNARMED_OR_RIOTING = {*UNARMED_KINDS, "rioters"}
# Sub-event types whose perpetrator hides: a state force named in such a clause is the target.
COVERT = {"Suicide bomb", "Remote explosive/landmine/IED"}
AERIAL = "Air/drone strike"
# What a state force does to stop others: its name in such a clause is no other act's author.
STOPPING = ("Arrests", "Disrupted weapons use")
_START = attrgetter("start")  # a mention's sort key (no Python call per mention)
_CUE_SETS: weakref.WeakKeyDictionary[Knowledge, dict[str, frozenset[str]]] = weakref.WeakKeyDictionary()


@dataclass(slots=True)
class Roles:
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)


def cue(m: Mention) -> str | None:
    return m.attrs.get("role_cue")


class RoleReading:
    """The base of the role assigner's parts (events/roles_tolls.py, roles_air.py, roles_subject.py,
    roles_pool.py, roles_sides.py), which RoleAssigner (events/roles.py) joins: what they read, set
    when the assigner is made, and the cue lists they read it with."""

    doc: Doc
    k: Knowledge
    at: ClauseIndex
    answered: frozenset[tuple[int, int]]

    def _told_in(self, sentence: int, clause: int) -> str | None:
        """The sub-event type of the clause's first trigger (None: the clause tells no act)."""
        told = self.at.clause(TRIGGER, sentence, clause)
        return told[0].value.sub_event_type if told else None

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
