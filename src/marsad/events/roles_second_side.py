"""The side an event's own clauses leave open (CODING.md §3), which the assembler
(events/assemble.py) looks for once an event is merged: in the event's sentences, then in the
sentence before and after."""

from __future__ import annotations

from marsad.doc import ACTOR, NONEVENT, TRIGGER, Doc, Mention
from marsad.events.clause_index import ClauseIndex
from marsad.events.roles_base import (
    AGENT,
    ASSOC,
    BATTLES,
    EXPLOSIONS,
    IGNORE,
    PATIENT,
    STATE_KINDS,
    UNARMED_KINDS,
    VAC,
    cue,
)
from marsad.knowledge.resources import Knowledge
from marsad.text.normalize import fold


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
    # Remote fire does not hit the firer's own camp (see RoleAssigner._outside_the_strikers_camp).
    striker = k.actors[actor1.value] if actor1 is not None and event_type == EXPLOSIONS else None
    first = min(sentences)
    near = sorted(sentences) + [s for s in (first - 1, max(sentences) + 1) if s not in sentences]
    hit: Mention | None = None
    # A sentence of a trend ("وتشهد المدينة منذ أشهر سلسلة اغتيالات طالت ضباطا في الجيش") tells of
    # no one incident: it lends no side to the one told beside it.
    general = {ne.sentence for ne in doc.get(NONEVENT) if ne.value.kind == "trend"}
    if general:
        near = [s for s in near if s in sentences or s not in general]
    items = doc.item_openers
    if items:
        # A round-up's items ("وفي درعا، …") lend each other no side.
        near = [s for s in near if s in sentences or (s not in items and first not in items)]
    # The clauses of acts done to the attacker (lexical.py's at_attacker), found once for all names.
    answering = {
        (t.sentence, t.clause)
        for s in near
        for t in (at.sentence(TRIGGER, s) if at is not None else doc.in_sentence(TRIGGER, s))
        if t.attrs.get("at_attacker")
    }
    attackers = k.cues["attacker_nouns"]
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
            if event_type == "Riots" and kind in ("protesters", "rioters"):
                # "أضرم محتجون النار في القنصلية … وكان محتجون قد أحرقوا مقار": the crowd told again
                # (or another crowd of the same unrest) is no side the riot met
                continue
            if (a.sentence, a.clause) in answering:
                continue  # "وأطلقت الشرطة النار على المشتبه به": the force that answered the attack
            if actor1 is not None and attackers.opening(fold(a.text).split()[:3]) is not None:
                continue  # "وذكرت وسائل إعلام أن المهاجم أعلن ولاءه": the attacker, told again
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
