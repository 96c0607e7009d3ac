"""Acts told as the cause of another ("قصف الجيش موقعين للحركة، ردا على إطلاق صواريخ من غزة"):
the clause that "ردا على" opens tells an earlier act of the other side. ACLED codes it as an event
of its own (CODING.md §1), with its own sides: the answer's attacker is usually its target. So an
answered clause is kept apart from the clause it explains, and neither lends the other an actor.

The segmenter breaks a clause before these words (text/segment.py); cues.yaml `answered_opening`
lists the phrases whose clause is answered.
"""

from __future__ import annotations

from functools import lru_cache

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.doc import ACTOR, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.events.clause_index import ClauseIndex
from marsad.recognize.cues import WORD, CueList
from marsad.text.segment import Segment

_HEAD_CHARS = 40  # enough for the longest opening phrase

# (sentence, its clauses, the folded offset each clause starts at, the first two folded
# characters of each clause)
Heads = list[tuple[int, list[Segment], list[int], list[str]]]


@lru_cache(maxsize=16)
def _screen(opening: CueList) -> tuple[str, ...]:
    """The folded phrases of `opening`, bare or after "و"/"ف": a cheap test of a clause's
    start before its first words are looked up (most clauses open with none of them). Made
    once per list (a knowledge load's lists never change), not per report."""
    phrases = {
        " ".join(c.words) for c in (*opening.prefixed, *(c for v in opening.by_last.values() for c in v))
    }
    return tuple(p + phrase for phrase in sorted(phrases) for p in ("", "و", "ف"))


@lru_cache(maxsize=16)
def _screen_heads(opening: CueList) -> frozenset[str] | None:
    """The first two characters of every `_screen` phrase: a clause whose first two folded
    characters are none of these opens with no phrase, and its start is not matched against
    each of them (issue 11: the tuple test tried every phrase at every clause). None when a
    phrase is shorter than two characters (then every clause is tried)."""
    screen = _screen(opening)
    if any(len(p) < 2 for p in screen):
        return None
    return frozenset(p[:2] for p in screen)


def clause_heads(doc: Doc, told: set[tuple[int, int]]) -> Heads:
    """The clauses of the sentences of `told`, with their folded starts: found once per report
    for every list `answered_clauses` is asked about (issue 11: each asked `folded_index` of
    every clause again)."""
    folded_index = doc.folded_index
    folded = doc.folded.text
    out: Heads = []
    for s in {s for s, _ in told}:
        clauses = doc.clauses[s]
        starts = [folded_index(cl.start) for cl in clauses]
        out.append((s, clauses, starts, [folded[fs : fs + 2] for fs in starts]))
    return out


@cython.locals(i=cython.Py_ssize_t)
def answered_clauses(
    doc: Doc,
    opening: CueList,
    back: CueList,
    told: set[tuple[int, int]],
    *,
    pointing_back: bool = False,
    heads: Heads | None = None,
    answer_after_lead: bool = False,
) -> frozenset[tuple[int, int]]:
    """(sentence, clause) of each clause of the sentences of `told` (the clauses that tell an
    act) that opens with an `opening` cue not followed by a word of `back` (with `pointing_back`:
    followed by one, "وردا على ذلك": the clause tells the answer itself), and of the clauses
    after it that tell no act of their own: they say more of the answered act ("بعد سقوط صاروخين
    أطلقا من القطاع، سقط أحدهما على منزل في مدينة أسدود"). `heads`: `clause_heads(doc, told)`.
    With `answer_after_lead`, a cue that is a clause of its own, no act told in it ("في المقابل،
    قصفت …"), leads the clause after it: that clause is the answer too."""
    folded = doc.folded.text
    screen = _screen(opening)
    firsts = _screen_heads(opening)
    out: set[tuple[int, int]] = set()
    for s, clauses, starts, twos in clause_heads(doc, told) if heads is None else heads:
        # (by index, not zip(…, strict=True): a call with a keyword costs more than the loop;
        # the three lists are made together, of one length)
        for i in range(len(clauses)):
            if firsts is not None and twos[i] not in firsts:
                continue
            fs = starts[i]
            if not folded.startswith(screen, fs):
                continue
            head = WORD.findall(folded[fs : fs + _HEAD_CHARS])[:5]
            found = opening.opening(head)
            # (A word must follow the cue, and not point back.)
            cl = clauses[i]
            if found is not None and found[1] < len(head) and back.has_word(head[found[1]]) == pointing_back:
                out.add((s, cl.index))
                if answer_after_lead and (s, cl.index) not in told and (s, cl.index + 1) in told:
                    out.add((s, cl.index + 1))
                for k in range(cl.index + 1, len(clauses)):
                    if (s, k) in told:
                        break
                    out.add((s, k))
    return frozenset(out)


def answering_side(at: ClauseIndex, answered: frozenset[tuple[int, int]], c: Candidate) -> Mention | None:
    """The side an answered act was aimed at, when its own clause names none: the side that
    answered it ("قصفت المدفعية مواقع للحركة، ردا على قيام مجهولين بإضرام النار في آلية عسكرية": the army) —
    the first actor of its sentences outside an answered clause cast as no target, qualifier
    or associate, and not the act's own actor1."""
    taken = c.actor1.value if c.actor1 is not None else None
    for s in sorted(c.sentences):
        for a in at.sentence(ACTOR, s):
            if (s, a.clause) in answered or a.value == taken:
                continue
            if a.attrs.get("role_cue") in ("patient_before", "ignore_before", "assoc_before"):
                continue
            return a
    return None
