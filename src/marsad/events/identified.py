"""Whose men an act's dead were, when the act's own words leave them unnamed or generic.

- Told in a later sentence of their own: "قُتل ثلاثة أشخاص بغارة لمسيرة تركية … وأوضح المصدر أن
  القتلى ينتمون إلى وحدات مقاومة سنجار". The act's clauses name only people, coded Civilians; the
  sentence after says whose men they were, and ACLED codes that group as the second side.
- Told as "gunmen" beside the group fought: "بعد معارك مع الحوثيين أسفرت عن مقتل 27 من المسلحين".
- Whose man the unnamed attacker was, told in a later sentence of its own: "قتل 28 شخصا في انفجار
  سيارة مفخخة … وقال رئيس الوزراء إن منفذ الهجوم ينتمي إلى وحدات حماية الشعب".
"""

from __future__ import annotations

from marsad.doc import ACTOR, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.events.clause_index import ClauseIndex
from marsad.events.incidents import NON_STATE_ARMED
from marsad.events.roles import ASSOC, IGNORE
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import words_before

REACH = 2  # sentences after the act's last where its dead may still be identified
_UNNAMED = ("civilians", "unidentified")  # the kinds a named group's men replace as the second side


def victims_identified(doc: Doc, k: Knowledge, events: list[Candidate]) -> None:
    """Give an event whose second side is unnamed people or unnamed militants ("عناصر إرهابية"),
    with deaths, the group a later sentence telling no act of its own says its dead belonged to
    (cues.yaml dead_belong_before)."""
    if not events:
        return
    cue = k.cues["dead_belong_before"]
    told = {s for e in events for s in e.sentences}
    folded = doc.folded.text
    for a in doc.get(ACTOR):
        if a.sentence in told or a.sentence < 0:
            continue
        entry = k.actors[a.value]
        if entry.template or entry.kind in _UNNAMED:
            continue
        before = _words_before(doc, folded, a, 5)
        if not before or cue.ends_at(before, len(before) - 1) is None:
            continue
        e = _act_told_before(events, a.sentence)
        if e is None:
            continue
        own = {t.sentence for t in e.triggers}
        if (
            # deaths told with the act itself, not a toll of a period joined to it
            any(m.value.kind == "killed" and m.sentence in own for m in e.casualties)
            and (e.actor2 is None or k.actors[e.actor2.value].kind in _UNNAMED)
            and (e.actor1 is None or k.actors[e.actor1.value].name != entry.name)
        ):
            e.actor2 = a


def perpetrators_identified(doc: Doc, k: Knowledge, events: list[Candidate]) -> None:
    """Give an event with no named author the armed group a later sentence, telling no other act,
    says its perpetrator belonged to: a belonging cue right before the group's name
    (cues.yaml author_belong_before) with a perpetrator noun a few words before it
    (perpetrator_nouns)."""
    if not events:
        return
    belong, perpetrator = k.cues["author_belong_before"], k.cues["perpetrator_nouns"]
    folded = doc.folded.text
    for a in doc.get(ACTOR):
        if a.sentence < 0:
            continue
        entry = k.actors[a.value]
        if entry.template or entry.kind not in NON_STATE_ARMED:
            continue
        before = _words_before(doc, folded, a, 8)
        cue = belong.ends_at(before, len(before) - 1) if before else None
        if cue is None or not any(
            perpetrator.has_word(w) for w in before[: len(before) - len(cue.words)][-5:]
        ):
            continue
        # The act it tells of: the one its own sentence retells ("إن منفذ الهجوم ينتمي إلى …":
        # "الهجوم" joined that act) when no other act is told there, else the one told last before.
        there = [e for e in events if a.sentence in e.sentences]
        if len(there) > 1:
            continue
        e = there[0] if there else _act_told_before(events, a.sentence)
        if e is None:
            continue
        if e.actor1 is None or (
            k.actors[e.actor1.value].template and k.actors[e.actor1.value].kind == "unidentified"
        ):
            e.actor1 = a


def _words_before(doc: Doc, folded: str, a: Mention, n: int) -> list[str]:
    """The (up to `n`) folded words before mention `a` in its sentence."""
    start = doc.folded_index(a.start)
    return words_before(folded, start, doc.folded_index(doc.sentences[a.sentence].start), n)


def _act_told_before(events: list[Candidate], sentence: int) -> Candidate | None:
    """The event told last within REACH sentences before `sentence`, if any."""
    earlier = [e for e in events if 0 < sentence - max(e.sentences) <= REACH]
    return max(earlier, key=lambda e: max(e.sentences)) if earlier else None


def gunmen_named(k: Knowledge, at: ClauseIndex | None, events: list[Candidate]) -> None:
    """ "سيطرت القوات على المخا بعد معارك مع الحوثيين أسفرت عن مقتل 27 من المسلحين": the unnamed
    gunmen killed are the named group the forces fought in those clauses, which is the second
    side, not an unidentified armed group."""
    if at is None:
        return
    for e in events:
        a2 = e.actor2
        if a2 is None or e.actor1 is None:
            continue
        entry2 = k.actors[a2.value]
        if not (entry2.template and entry2.kind == "unidentified"):
            continue
        first = k.actors[e.actor1.value]
        named = [
            a
            for s, c in {(t.sentence, t.clause) for t in e.triggers}
            for a in at.clause(ACTOR, s, c)
            if a.attrs.get("role_cue") not in (IGNORE, ASSOC)
            and not k.actors[a.value].template
            and k.actors[a.value].kind in NON_STATE_ARMED
            and k.actors[a.value].name != first.name
            and not first.shares_camp(k.actors[a.value])
        ]
        if len({k.actors[a.value].name for a in named}) == 1:
            e.actor2 = named[0]
