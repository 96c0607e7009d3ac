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

from dataclasses import dataclass, field

from marsad.doc import ACTOR, Doc, Mention
from marsad.knowledge.resources import Knowledge

AGENT, PATIENT, ASSOC, IGNORE = "agent_before", "patient_before", "assoc_before", "ignore_before"
BATTLES = "Battles"
UNARMED_KINDS = {"civilians", "protesters"}
STATE_KINDS = {"state", "police"}
# Sub-event types whose perpetrator hides: a state force named in such a clause is the target.
COVERT = {"Suicide bomb", "Remote explosive/landmine/IED"}
AERIAL = "Air/drone strike"


@dataclass(slots=True)
class Roles:
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)


def cue(m: Mention) -> str | None:
    return m.attrs.get("role_cue")


def _usable(m: Mention) -> bool:
    return cue(m) != IGNORE


def assign(doc: Doc, k: Knowledge, sentence: int, clause: int, triggers: list[Mention]) -> Roles:
    """actor1/actor2/associated actors of the event told by `triggers` in one clause."""
    out = Roles()
    in_clause = [a for a in doc.in_clause(ACTOR, sentence, clause) if _usable(a)]
    in_sent = [a for a in doc.in_sentence(ACTOR, sentence) if _usable(a)]
    pool = in_clause or in_sent
    if not pool:
        return out
    # Neighbouring clauses of the same sentence fill a side the clause leaves open.
    extra = [a for a in in_sent if a not in pool]
    agents = [a for a in pool if cue(a) == AGENT]
    patients = [a for a in pool if cue(a) == PATIENT]
    assoc = [a for a in pool if cue(a) == ASSOC]
    neutral = [a for a in pool if cue(a) is None]
    a1 = (agents or neutral or [None])[0]
    rest = [a for a in patients + neutral + agents if a is not a1 and (a1 is None or a.value != a1.value)]
    a2 = rest[0] if rest else None
    if a1 is None and a2 is None:
        return out
    if a2 is None or a1 is None:
        # Look into the rest of the sentence for the missing side.
        others = [
            a for a in extra if (a1 is None or a.value != a1.value) and (a2 is None or a.value != a2.value)
        ]
        if a1 is None:
            ag = [a for a in others if cue(a) != PATIENT]
            a1 = ag[0] if ag else None
        elif others and cue(others[0]) in (PATIENT, None):
            a2 = others[0]
    out.actor1, out.actor2 = a1, a2
    _associates(doc, pool, assoc, out)
    return out


def _associates(doc: Doc, pool: list[Mention], assoc: list[Mention], out: Roles) -> None:
    """Cued associates go with actor1; a different actor joined to a main one by "و" goes with
    that side."""
    a1, a2 = out.actor1, out.actor2
    mains = {x.value for x in (a1, a2) if x is not None}
    used = {id(x) for x in (a1, a2) if x is not None}
    for a in assoc:
        if id(a) not in used and (a1 is None or a.value != a1.value):
            out.assoc1.append(a)
            used.add(id(a))
    for main, bucket in ((a1, out.assoc1), (a2, out.assoc2)):
        if main is None:
            continue
        for a in pool:
            if id(a) in used or a.value in mains:
                continue
            gap = doc.text[main.end : a.start]
            if len(gap) <= 3 and gap.strip() == "و":
                bucket.append(a)
                used.add(id(a))


def second_side(
    doc: Doc,
    k: Knowledge,
    *,
    event_type: str,
    actor1: Mention | None,
    sentences: set[int],
) -> Mention | None:
    """The side an event's own clauses leave open, looked for in its sentences, then in the
    sentence before and after: the party shelled, the police that dispersed a protest."""
    taken = {actor1.value} if actor1 is not None else set()
    near = sorted(sentences) + [s for s in (min(sentences) - 1, max(sentences) + 1) if s not in sentences]
    for s in near:
        for a in doc.in_sentence(ACTOR, s):
            kind = a.attrs.get("kind")
            if a.value in taken or cue(a) in (IGNORE, ASSOC):
                continue
            if event_type == "Protests" and kind not in STATE_KINDS:
                continue
            if event_type == BATTLES and kind in UNARMED_KINDS:
                continue
            if actor1 is None and kind not in UNARMED_KINDS and cue(a) != PATIENT:
                continue  # would more likely be the attacker
            return a
    return None
