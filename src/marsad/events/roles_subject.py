"""The subject of a clause's act, for the role assigner (events/roles.py): one left hanging before a
comma, one told in an earlier clause, the force whose spokesman tells the act, the side that
repelled the attack, and the attackers "المهاجمين" refers back to."""

from __future__ import annotations

from operator import attrgetter

from marsad.doc import ACTOR, TRIGGER, Doc, Mention
from marsad.events.roles_base import (
    _START,
    AGENT,
    ASSOC,
    BATTLES,
    DEATH_WEIGHT,
    IGNORE,
    MIN_WEIGHT,
    NOT_ATTACKERS,
    RoleReading,
    cue,
)
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import WORD
from marsad.text.normalize import fold
from marsad.text.tokens import words_before

_QUOTES = ('"', "“", "”", "«", "»")  # a quoted statement's marks


class SubjectReading(RoleReading):
    """The role assigner's part that finds a clause's subject told apart from its act."""

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
        if text[spans[clause].start : lead].strip(" \n\t،,و") not in ("", "من"):
            # words before the verb: its subject, if any, is in its own clause ("تمكنت قوات
            # الجيش، الأحد، من تحرير …": the "من" its opening verb takes is no such word)
            return None
        for a in reversed(extra):
            if a.clause >= clause or cue(a) not in (None, AGENT):
                continue
            # (the forces told fighting alongside it may end its clause: "قوات الجيش مسنودة
            # بالمقاومة الشعبية، الأحد، من تحرير …")
            allies = [
                m.end
                for m in self.at.clause(ACTOR, sentence, a.clause)
                if m.start > a.end and cue(m) == ASSOC
            ]
            tail = text[max(allies, default=a.end) : spans[a.clause].end].strip(" \n\t،,؛;()")
            # (its nationality adjective may end it: "أعلنت رئاسة أمن الدولة السعودية، الخميس، …")
            if tail and not all(w in self.k.cues.state_adjectives for w in fold(tail).split()):
                return None  # the name does not end its clause: not the subject left hanging
            if first.attrs.get("weight", 1.0) <= DEATH_WEIGHT and self._after_teller(
                a, spans[a.clause].start
            ):
                # "أعلنت قيادة القوات المشتركة للتحالف، الاثنين، مقتل …": a death is no act of who
                # tells it ("أعلنت المخابرات، أمس، توقيف تسعة": an arrest is).
                return None
            if any(
                t.attrs.get("weight", 1.0) >= MIN_WEIGHT or t.value.event_type == first.value.event_type
                for c in range(a.clause, clause)
                for t in self.at.clause(TRIGGER, sentence, c)
            ):
                # an act told in between has that name for its own (a weak word of another kind
                # does not: "أحبطت قوات الحشد، الليلة الماضية، هجوما لعناصر داعش")
                return None
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


def _name_the_attackers(doc: Doc, k: Knowledge) -> None:
    """ "المهاجمين", "المسلحين", "الجناة" with the article refer back to the attackers the report
    named before them ("هجوم شنه مسلحون من تنظيم الدولة … قبل انسحاب المهاجمين"), or to a group
    the report introduced by that same noun, whatever its role ("دمر الجيش أوكارا لإرهابيي تنظيم
    جبهة النصرة … رمايات على تجمعات الإرهابيين")."""
    last: Mention | None = None
    introduced: Mention | None = None
    entries = k.actors
    folded = doc.folded
    for m in sorted(doc.get(ACTOR), key=_START):
        entry = entries[m.value]
        if entry.template and entry.kind == "unidentified":
            word = fold(m.text)
            if not word.startswith("ال"):
                continue
            if introduced is not None and (last is None or introduced.start > last.start):
                fs, fe = folded.folded_index(introduced.start), folded.folded_index(introduced.end)
                near = words_before(folded.text, fs, max(0, fs - 30), 2) + folded.text[fs:fe].split()
                if any(word[2:6] in w for w in near):
                    m.value, m.attrs["kind"], m.attrs["anaphoric"] = (
                        introduced.value,
                        introduced.attrs.get("kind"),
                        True,
                    )
                    continue
            if last is not None:
                m.value, m.attrs["kind"], m.attrs["anaphoric"] = last.value, last.attrs.get("kind"), True
            continue
        if entry.template or entry.kind in NOT_ATTACKERS:
            continue
        introduced = m
        # (Armed groups only: "الإرهابيين" after "اعتقل جهاز الأمن الوطني" is not the police.)
        if m.attrs.get("role_cue") == AGENT:
            last = m
