"""What the words around an event's triggers say of it, read for the coder (events/coding.py):
whether an arrest is one ACLED codes, whether a toll came out of an arrest raid, whether an
assassination was carried out, and who launched a weapon another side stopped. Each reading is
a short look at the words near a mention, with the cue lists of cues.yaml."""

from __future__ import annotations

from marsad.doc import ACTOR, DATE, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import peel, words_before
from marsad.recognize.numbers import may_be_quantity_word, parse_quantity
from marsad.text.normalize import fold

NAMED_GROUPS = {"rebel", "militia"}
MANY_ARRESTED = 5


def word_just_before(doc: Doc, m: Mention, words: frozenset[str], reach: int, n: int) -> bool:
    """Whether one of the `n` folded words in the `reach` characters before `m` is one of `words`
    (folded), as written or with its clitics peeled ("بأطراف", "وبينهم")."""
    before = doc.folded_slice(max(0, m.start - reach), m.start).split()[-n:]
    return any(not words.isdisjoint(peel(w)) for w in before)


def raid_toll(doc: Doc, k: Knowledge, c: Candidate, m: Mention) -> bool:
    """The dead `m` are the outcome of an arrest raid of its sentence: told before them with a
    fight or outcome word between ("فبادلوها إطلاق النار، ما أدى إلى مصرع 6"), not a charge
    ("المشتبه به في جريمة قتل شاب"); or told right after them as where they fell ("مقتل 12 في
    مداهمات")."""
    outcome = k.cues["raid_outcome"]
    for t in c.triggers:
        if t.value.sub_event_type != "Arrests" or t.sentence != m.sentence:
            continue
        if t.end <= m.start:
            words = doc.folded_slice(t.end, m.start).split()
            if any(outcome.has_word(w) for w in words):
                return True
        elif m.end <= t.start:
            # The toll told first, the raid right after it: "مقتل 12 عنصرا في مداهمات للقوات".
            gap = doc.folded_slice(m.end, t.start).split()
            if 0 < len(gap) <= 4 and k.cues["during_before"].has_word(gap[-1]):
                return True
    return False


def assassination(doc: Doc, k: Knowledge, c: Candidate) -> Mention | None:
    """The trigger telling a carried-out assassination ("اغتال", "اغتيال"; cues.yaml
    assassination_words), not an attempt or an escape from one (attempt_of, survived_before
    in the two words before)."""
    words = k.cues["assassination_words"]
    for t in c.triggers:
        if not any(words.has_word(w) for w in fold(t.text).split()):
            continue
        fs = doc.folded.folded_index(t.start)
        before = words_before(doc.folded.text, fs, max(0, fs - 30), 2)
        if any(k.cues["attempt_of"].has_word(w) or k.cues["survived_before"].has_word(w) for w in before):
            continue
        if "محاول" in fold(t.text):
            continue
        return t
    return None


def weapon_author(doc: Doc, k: Knowledge, m: Mention) -> bool:
    """A launch or planting verb with the weapon as its object in the three words before the
    name ("أطلقتها", "زرعها": cues.yaml weapon_author_before)."""
    fs = doc.folded.folded_index(m.start)
    before = words_before(doc.folded.text, fs, max(0, fs - 40), 3)  # "زرعها مسلحون من داعش"
    return any(k.cues["weapon_author_before"].has_word(w) for w in before)


def notable_arrest(doc: Doc, k: Knowledge, c: Candidate, *, by_state: bool = False) -> bool:
    """Arrests count only of notable people, many (five or more) people, or, by a state's
    forces, suspected militants."""
    notable = k.cues["notable_after"]
    for t in c.triggers:
        if t.value.sub_event_type != "Arrests":
            continue
        # Suspected militants or plotters ("يشتبه في أنهما كانا يعتزمان تنفيذ الاعتداء",
        # "مسؤول مالي في داعش"): an armed group named, or a suspicion of terrorism told, in
        # the arrest's sentence.
        if by_state and suspects(doc, k, t.sentence):
            return True
        after = doc.text[t.end : t.end + 60]
        words = doc.folded_slice(t.end, t.end + 60).split()[:6]
        if notable.found_in(words):
            return True
        # (past a day told aside after the verb's subject: "اعتقلت قوات الاحتلال، فجر اليوم
        # الجمعة، رئيس بلدية …": the first words after the day)
        day = next((d for d in doc.in_sentence(DATE, t.sentence) if t.end <= d.start <= t.end + 60), None)
        if day is not None and notable.found_in(doc.folded_slice(day.end, day.end + 30).split()[:3]):
            return True
        # The count of people held: the first figure in the few words after the verb (its
        # subject and day may stand between: "اعتقلت قوات النظام، أمس، 15 شابا").
        head = after.split()[:8]
        # (a phrase with no word that can be part of a number is not read: parse_quantity
        # would find no count in it)
        maybe = [may_be_quantity_word(w) for w in head]
        q = None
        for i in range(len(head)):
            for n in (3, 2, 1):
                if True not in maybe[i : i + n]:
                    continue
                q = parse_quantity(" ".join(head[i : i + n]))
                if q is not None:
                    break
            if q is not None:
                break
        if q is not None and q.value >= MANY_ARRESTED:
            return True
    return False


def suspects(doc: Doc, k: Knowledge, sentence: int) -> bool:
    # A named armed group (not "gunmen", who are as often the ones arresting).
    if any(k.actors[m.value].kind in NAMED_GROUPS for m in doc.in_sentence(ACTOR, sentence)):
        return True
    seg = doc.sentences[sentence]
    words = doc.folded_slice(seg.start, seg.end).split()
    suspect = k.cues["militant_suspect"]
    return suspect.found_in(words)


DEMAND_REACH = 50  # characters before an act's word where a word of demand is looked for


def demanded(doc: Doc, k: Knowledge, t: Mention) -> bool:
    """Whether a word of demand (cues.yaml demand_before) stands a few words before `t`: what
    people ask for ("مطالبين بالإفراج عن …", "بالكشف عن مصير المختطفين"), not what happened."""
    words = doc.folded_slice(max(doc.sentences[t.sentence].start, t.start - DEMAND_REACH), t.start).split()
    ends = k.cues["demand_ends"]
    for i in range(len(words) - 1, -1, -1):
        if ends.ends_at(words, i) is not None:
            words = words[i + 1 :]  # what they then did, past the demand
            break
    return k.cues["demand_before"].found_in(words)
