"""Acts told as like one before ("كما قتل مدني في قصف مماثل على بلدة حمورية"): the report names
their author once, for the first; the like act is that author's too."""

from __future__ import annotations

from marsad.doc import Doc
from marsad.events.candidate import Candidate
from marsad.events.incidents import FAMILY, claims
from marsad.recognize.cues import CueList, words_after
from marsad.text.normalize import fold


def authors_of_similar_acts(doc: Doc, similar: CueList, events: list[Candidate]) -> None:
    """An event with no author whose act word is followed by a word of likeness (`similar`:
    "مماثل", "مشابه") takes the author of the last event of its type told before it."""
    if len(events) < 2:
        return
    folded = doc.folded.text
    told = sorted(events, key=lambda e: e.trigger.start)
    for i, e in enumerate(told):
        if e.actor1 is not None:
            continue
        like = next(
            (
                t
                for t in e.triggers
                if (after := words_after(folded, doc.folded_index(t.end), 1)) and similar.has_word(after[0])
            ),
            None,
        )
        if like is None:
            continue
        for p in reversed(told[:i]):
            if p.event_type == e.event_type and p.actor1 is not None:
                e.actor1 = p.actor1
                e.log.append(f"'{like.text}' told as like '{p.trigger.text}': its author, '{p.actor1.text}'")
                break


def claims_of_several(several: CueList, events: list[Candidate]) -> None:
    """ "… وتبنى تنظيم داعش التفجيرين": a group claiming acts in the dual or plural (`several`:
    "التفجيرين", "الهجمات") claims every act of that kind the report tells, not only the one its
    claim was merged into; those with an unnamed author take it."""
    for e in events:
        if not claims(e.actor1) or not any(several.has_word(fold(t.text)) for t in e.triggers):
            continue
        family = FAMILY.get(e.event_type)
        for o in events:
            if (
                o is not e
                and not o.background
                and FAMILY.get(o.event_type) == family
                and (o.actor1 is None or o.actor1.attrs.get("kind") == "unidentified")
            ):
                o.actor1, o.inferred_actor1 = e.actor1, False
                o.log.append(f"'{o.trigger.text}': one of the acts '{e.actor1.text}' claimed")  # type: ignore[union-attr]
