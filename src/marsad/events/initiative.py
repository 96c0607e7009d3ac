"""Who began a fight (CODING.md §3; ACLED: the initiator of an armed clash is actor1).

"اندلعت مواجهات بين قوات الجيش وميليشيا الحوثي" names two sides in no particular order; the
report often says elsewhere, in another sentence of the same incident, which side made the move:
"إثر محاولة المسلحين التقدم نحو مواقع الجيش", "صد الجيش محاولات تسلل المسلحين",
"قتل عدد من العناصر الذين حاولوا الاقتحام". A side named as making such an attempt is actor1 of the
clash, unless the other side is named as making one too. The cue words are data (cues.yaml:
attempt_of, advance_words, initiative_before, initiative_after).
"""

from __future__ import annotations

from marsad.doc import ACTOR, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.events.clause_index import ClauseIndex
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import CUE_REACH
from marsad.text.tokens import words_after, words_before

CLASH = ("Battles", "Armed clash")


def put_initiator_first(doc: Doc, k: Knowledge, at: ClauseIndex, events: list[Candidate]) -> None:
    """Turn round the sides of each armed clash whose actor2 the report names as the side that
    made an attempt on the other (and whose actor1 it does not)."""
    for c in events:
        a1, a2 = c.actor1, c.actor2
        if a1 is None or a2 is None or c.coded_type != CLASH:
            continue
        name1, name2 = k.actors[a1.value].name, k.actors[a2.value].name
        if name1 == name2:
            continue
        # Only the names of the two sides are read for an attempt.
        took = {
            name
            for s in c.sentences
            for m in at.sentence(ACTOR, s)
            if (name := k.actors[m.value].name) in (name1, name2) and _makes_attempt(doc, k, m)
        }
        if name2 in took and name1 not in took:
            c.actor1, c.actor2 = a2, a1
            c.assoc1, c.assoc2 = c.assoc2, c.assoc1
            c.inferred_actor1 = False
            c.log.append(f"'{a2.text}' named as making the attempt: the initiator, actor1")


def _makes_attempt(doc: Doc, k: Knowledge, m: Mention) -> bool:
    folded = doc.folded
    text = folded.text
    fs, fe = folded.folded_index(m.start), folded.folded_index(m.end)
    before = words_before(text, fs, max(0, fs - CUE_REACH), 3)
    after = words_after(text, fe, fe + CUE_REACH, 3)
    if after and _adjective(after[0]):
        after = after[1:]  # "قوات الجيش الوطني حاولت التقدم": a nisba of the name is still the name
    after = after[:2]
    if before and k.cues["initiative_before"].ends_at(before, len(before) - 1) is not None:
        return True  # "محاولات تسلل المتمردين"
    if (
        before
        and after
        and k.cues["attempt_of"].has_word(before[-1])
        and k.cues["advance_words"].has_word(after[0])
    ):
        return True  # "محاولة الميليشيا التسلل"
    # "العناصر الذين حاولوا الاقتحام": a whole cue opens the words after the name
    return k.cues["initiative_after"].opening(after) is not None


def _adjective(word: str) -> bool:
    """A definite nisba adjective ("الوطني", "الحوثية", "الحكوميين"; folded, ة as ه)."""
    return word.startswith("ال") and word.endswith(("ي", "يه", "يون", "يين"))
