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

import weakref
from collections import Counter
from dataclasses import dataclass, field

from marsad.doc import ACTOR, TRIGGER, WEAPON, Doc, Mention
from marsad.knowledge.resources import Knowledge
from marsad.text.normalize import fold

AGENT, PATIENT, ASSOC, IGNORE = "agent_before", "patient_before", "assoc_before", "ignore_before"
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
UNARMED_KINDS = {"civilians", "protesters"}
STATE_KINDS = {"state", "police"}
# Sub-event types whose perpetrator hides: a state force named in such a clause is the target.
COVERT = {"Suicide bomb", "Remote explosive/landmine/IED"}
AERIAL = "Air/drone strike"
# Per report: the actors whose aircraft it names (computed once, on its first event).
_AIR_FORCES: weakref.WeakKeyDictionary[Doc, list[Mention]] = weakref.WeakKeyDictionary()
# Per knowledge base: whether each actor flies.
_FLIES: weakref.WeakKeyDictionary[Knowledge, dict[int, bool]] = weakref.WeakKeyDictionary()


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
    if doc not in _AIR_FORCES:  # once per report
        _name_the_attackers(doc, k)
        _name_unnamed_aircraft(doc, k)
    # "بمقتل 43 في غارات للتحالف ومواجهات مع المقاومة": when a clause tells two events, the
    # author named right after the other event's word ("غارات للتحالف") is that event's.
    own = {id(t) for t in triggers}
    others = [t for t in doc.in_clause(TRIGGER, sentence, clause) if id(t) not in own]

    def _theirs(a: Mention) -> bool:
        return any(0 <= a.start - t.end <= 3 and not doc.text[t.end : a.start].strip(" ل") for t in others)

    in_clause = [a for a in doc.in_clause(ACTOR, sentence, clause) if _usable(a) and not _theirs(a)]
    in_sent = [a for a in doc.in_sentence(ACTOR, sentence) if _usable(a) and not _theirs(a)]
    pool = in_clause or in_sent
    subs = _sub_events(doc, sentence, clause, triggers)
    aerial = AERIAL in subs
    covert = not aerial and bool(subs & COVERT)
    if pool:
        # Neighbouring clauses of the same sentence fill a side the clause leaves open.
        extra = [a for a in in_sent if a not in pool]
        # What the event is decides who can have done it, whatever the words around a name say.
        unfit = [a for a in pool if not _can_act(k, a, aerial=aerial, covert=covert)]
        agents = [a for a in pool if cue(a) == AGENT and a not in unfit]
        patients = [a for a in pool if cue(a) == PATIENT or (a in unfit and cue(a) != ASSOC)]
        # The post or convoy the attack hit names the side attacked; the people killed there may
        # be passers-by ("قتل شخصان بتفجير استهدف نقطة تفتيش").
        patients.sort(key=lambda a: not a.attrs.get("target_only"))
        assoc = [a for a in pool if cue(a) == ASSOC]
        neutral = [a for a in pool if cue(a) is None and a not in unfit]
        # The teller of a claim ("قال الجيش") is the last choice for a side.
        neutral.sort(key=lambda a: a.attrs.get("role_why") == "teller_verbs")
        a1 = (agents or neutral or [None])[0]

        def other(a: Mention, b: Mention | None) -> bool:
            # Two names of one actor ("المقاومة", "قوات المقاومة المشتركة") are one side.
            return b is None or k.actors[a.value].name != k.actors[b.value].name

        # A name joined to actor1 by "و" is its partner ("تمكنت المقاومة والجيش من السيطرة"),
        # unless "بين" opened the pair ("اشتباكات بين المقاومة والحوثيين": two sides).
        rest = [
            a
            for a in patients + neutral + agents
            if a is not a1 and other(a, a1) and not (cue(a) == AGENT and _partners(doc, a1, a))
        ]
        a2 = rest[0] if rest else None
        if a2 is None or a1 is None:
            # Look into the rest of the sentence for the missing side.
            others = [a for a in extra if other(a, a1) and other(a, a2)]
            if a1 is None:
                ag = [a for a in others if cue(a) != PATIENT and _can_act(k, a, aerial=aerial, covert=covert)]
                a1 = ag[0] if ag else None
                if aerial and a1 is not None and not _flies_here(doc, k, a1):
                    # "أحبطت قوات الجيش …، بالتزامن مع قصف مقاتلات الأباتشي": aircraft whose owner
                    # the clause leaves unnamed fly for the air force the report names, not for
                    # the ground force another clause makes the subject of its own verb.
                    a1 = None
            elif others and cue(others[0]) in (PATIENT, None):
                a2 = others[0]
        if a1 is not None and a2 is not None and not aerial and _repelled(doc, k, triggers, a1):
            # "صدت الفصائل محاولات تقدم لقوات النظام": the side that repelled the attack is
            # the one attacked; the attacker is actor1 (ACLED: the initiator first).
            a1, a2 = a2, a1
        out.actor1, out.actor2 = a1, a2
        _associates(doc, pool, assoc, out)
    if aerial and out.actor1 is None:
        # An air strike with no named author: the air force the report is about, else the
        # report country's own. Drones fly for anyone: an unclaimed drone attack stays unclaimed.
        out.actor1 = _report_air_force(doc, k, triggers[0], drones_only=_drones_only(doc, sentence, clause))
        if out.actor1 is not None and out.actor2 is not None and out.actor2.value == out.actor1.value:
            out.actor2 = None
    return out


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


def _sub_events(doc: Doc, sentence: int, clause: int, triggers: list[Mention]) -> set[str]:
    """The sub-event types the clause's leading trigger speaks for, with its weapons when it tells
    an explosion or remote attack (an air raid backing a ground fight leaves the fight a fight)."""
    lead = triggers[0].value
    subs = {lead.sub_event_type}
    if lead.event_type in (EXPLOSIONS, VAC):
        weapons = doc.in_clause(WEAPON, sentence, clause)
        subs |= {w.value.sub_event_type for w in weapons if w.value.sub_event_type}
    return subs


def _can_act(k: Knowledge, m: Mention, *, aerial: bool, covert: bool) -> bool:
    """Whether an actor can be the author of the event: state forces set no suicide bombs or
    roadside bombs, and only an actor with aircraft or drones flies an air strike."""
    entry = k.actors[m.value]
    if m.attrs.get("target_only"):
        return False
    if covert and entry.kind in STATE_KINDS:
        return False
    return not aerial or _flies(k, m.value)


def _flies(k: Knowledge, idx: int) -> bool:
    """A state's armed forces fly; another actor when one of its names is an aircraft's
    (طيران، طائرات، مسيرة…)."""
    cache = _FLIES.setdefault(k, {})
    if idx not in cache:
        words = k.cue_words("aerial_words")
        entry = k.actors[idx]
        cache[idx] = entry.kind == "state" or any(w in fold(a) for a in entry.aliases for w in words)
    return cache[idx]


def _aerial_text(m: Mention) -> bool:
    """The name is an aircraft's (set by the actor recogniser from cues.yaml aerial_words)."""
    return bool(m.attrs.get("aerial"))


def _named_air_forces(doc: Doc, k: Knowledge) -> list[Mention]:
    """Aircraft the report names with their owner ("طائرات التحالف", "الطيران الروسي"), or the
    author of an air strike it names ("غارات التحالف"), in order of mention (once per report)."""
    cached = _AIR_FORCES.get(doc)
    if cached is not None:
        return cached
    out: list[Mention] = []
    _AIR_FORCES[doc] = out
    aerial_sents = {(t.sentence, t.clause) for t in doc.get(TRIGGER) if t.value.sub_event_type == AERIAL}
    for m in doc.get(ACTOR):
        if m.attrs.get("generic") or not _flies(k, m.value):
            continue
        if _aerial_text(m) or (cue(m) == AGENT and (m.sentence, m.clause) in aerial_sents):
            out.append(m)
    return out


def _flies_here(doc: Doc, k: Knowledge, m: Mention) -> bool:
    """Whether the report names `m`'s aircraft (or no one's: then a state's forces may fly)."""
    named = _named_air_forces(doc, k)
    return not named or any(n.value == m.value for n in named)


def _drones_only(doc: Doc, sentence: int, clause: int) -> bool:
    aerial = [w for w in doc.in_clause(WEAPON, sentence, clause) if w.value.sub_event_type == AERIAL]
    return bool(aerial) and all(w.value.name == "drone" for w in aerial)


def _report_air_force(doc: Doc, k: Knowledge, trigger: Mention, *, drones_only: bool) -> Mention | None:
    named = _named_air_forces(doc, k)
    if named:
        counts = Counter(m.value for m in named)
        best = max(counts, key=lambda v: (counts[v], -next(i for i, m in enumerate(named) if m.value == v)))
        return next(m for m in named if m.value == best)
    own = k.state_actor("state", doc.country) if doc.country and not drones_only else None
    if own is None:
        return None
    # The trigger's words are the evidence for an air force the report leaves unnamed.
    return Mention(
        ACTOR, trigger.start, trigger.end, trigger.text, own, trigger.sentence, trigger.clause,
        {"role_cue": AGENT, "role_why": "report country's air force", "kind": "state"},
    )  # fmt: skip


def _name_the_attackers(doc: Doc, k: Knowledge) -> None:
    """ "المهاجمين", "المسلحين", "الجناة" with the article refer back to the attackers the report
    named before them ("هجوم شنه مسلحون من تنظيم الدولة … قبل انسحاب المهاجمين")."""
    last: Mention | None = None
    for m in sorted(doc.get(ACTOR), key=lambda m: m.start):
        entry = k.actors[m.value]
        if entry.template and entry.kind == "unidentified":
            if last is not None and fold(m.text).startswith("ال"):
                m.value, m.attrs["kind"], m.attrs["anaphoric"] = last.value, last.attrs.get("kind"), True
            continue
        if cue(m) == AGENT and not entry.template and entry.kind not in UNARMED_KINDS:
            last = m


def _name_unnamed_aircraft(doc: Doc, k: Knowledge) -> None:
    """ "الطيران الحربي" with no owner, in a report that names whose aircraft fly (Israeli,
    coalition, Russian jets), is that air force, not the report country's own."""
    named = _named_air_forces(doc, k)
    if not named:
        return
    counts = Counter(n.value for n in named)
    owner = max(counts, key=lambda v: counts[v])
    for m in doc.get(ACTOR):
        if m.attrs.get("generic") and _aerial_text(m):
            m.value = owner
            m.attrs["kind"] = k.actors[owner].kind


def _partners(doc: Doc, main: Mention | None, a: Mention) -> bool:
    """`a` follows `main` joined by "و" alone, and no "بين" stands right before `main`."""
    if main is None or not 0 <= a.start - main.end <= 3 or doc.text[main.end : a.start].strip() != "و":
        return False
    before = doc.text[max(0, main.start - 6) : main.start].split()
    return not (before and fold(before[-1]).endswith("بين"))


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
    partners: list[Mention] | None = None,
) -> Mention | None:
    """The side an event's own clauses leave open, looked for in its sentences, then in the
    sentence before and after: the party shelled, the police that dispersed a protest. Not
    actor1, nor its `partners` (the associates that fought on its side)."""
    taken = {actor1.value} if actor1 is not None else set()
    taken |= {p.value for p in partners or ()}
    near = sorted(sentences) + [s for s in (min(sentences) - 1, max(sentences) + 1) if s not in sentences]
    for s in near:
        for a in doc.in_sentence(ACTOR, s):
            kind = a.attrs.get("kind")
            if a.value in taken or cue(a) in (IGNORE, ASSOC):
                continue
            if event_type == "Protests" and (kind not in STATE_KINDS or a.attrs.get("target_only")):
                continue
            if event_type == BATTLES and kind in UNARMED_KINDS:
                continue
            if actor1 is None and kind not in UNARMED_KINDS and cue(a) != PATIENT:
                continue  # would more likely be the attacker
            return a
    return None
