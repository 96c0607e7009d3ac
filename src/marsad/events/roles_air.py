"""Aircraft and air forces, for the role assigner (events/roles.py): who flies (and so who can
author an air strike), the aircraft a report names with their owner, "الطيران الحربي" with none,
and the air force behind an air strike whose author the report leaves unnamed."""

from __future__ import annotations

import weakref
from collections import Counter

from marsad.doc import ACTOR, TRIGGER, WEAPON, Doc, Mention
from marsad.events.clause_index import ClauseIndex
from marsad.events.roles_base import AERIAL, AGENT, STATE_KINDS, RoleReading
from marsad.knowledge.resources import Knowledge
from marsad.text.normalize import fold

# Per knowledge base: whether each actor flies.
_FLIES: weakref.WeakKeyDictionary[Knowledge, dict[int, bool]] = weakref.WeakKeyDictionary()


class AirForces(RoleReading):
    """The role assigner's part that knows who flies."""

    _fly: dict[int, bool]  # _FLIES' dict for the report's knowledge
    named_air: list[Mention]
    _air_force: Mention | None

    def _can_act(self, m: Mention, aerial: bool, covert: bool) -> bool:
        """Whether an actor can be the author of the event: state forces set no suicide bombs or
        roadside bombs, and only an actor with aircraft or drones flies an air strike."""
        if m.attrs.get("target_only"):
            return False
        if covert and self.k.actors[m.value].kind in STATE_KINDS:
            return False
        return not aerial or self._flies(m.value)

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
        if own is None or not self.k.actors[own].generic_air_names:
            # (a country whose own forces strike from no air, Lebanon: an air strike there by no
            # one named is no strike of its army)
            return None
        # The trigger's words are the evidence for an air force the report leaves unnamed.
        return Mention(
            ACTOR, trigger.start, trigger.end, trigger.text, own, trigger.sentence, trigger.clause,
            {"role_cue": AGENT, "role_why": "report country's air force", "kind": "state"},
        )  # fmt: skip


def _drones_only(at: ClauseIndex, sentence: int, clause: int) -> bool:
    aerial = [w for w in at.clause(WEAPON, sentence, clause) if w.value.sub_event_type == AERIAL]
    return bool(aerial) and all(w.value.name == "drone" for w in aerial)


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
