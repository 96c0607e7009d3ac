""" "The two sides" told for a fight's parties ("تجددت الاشتباكات بين الطرفين"): the two sides of
the incident the report told last with both sides named and armed (CODING.md §3).

The words are data (cues.yaml: both_sides); the fight needs no side of its own for them to count,
so a fight that names one keeps it.
"""

from __future__ import annotations

from marsad.doc import Doc
from marsad.events.candidate import Candidate
from marsad.events.incidents import BATTLES, UNARMED_KINDS
from marsad.knowledge.resources import Knowledge

_REACH = 40  # characters after the fight's word where "بين الطرفين" may stand


def sides_of_the_parties(doc: Doc, k: Knowledge, events: list[Candidate]) -> None:
    """Give each fight told with no side but "بين الطرفين" the sides of the last two-sided
    incident told before it."""
    cue = k.cues["both_sides"]
    for e in events:
        if e.actor1 is not None or e.actor2 is not None or e.event_type != BATTLES:
            continue
        t = e.trigger
        if not cue.found_in(doc.folded_slice(t.end, min(len(doc.text), t.end + _REACH)).split()):
            continue
        before = [
            f
            for f in events
            if f is not e
            and f.trigger.start < t.start
            and f.actor1 is not None
            and f.actor2 is not None
            and f.actor1.attrs.get("kind") not in UNARMED_KINDS
            and f.actor2.attrs.get("kind") not in UNARMED_KINDS
        ]
        if not before:
            continue
        f = max(before, key=lambda f: f.trigger.start)
        e.actor1, e.actor2 = f.actor1, f.actor2
        e.log.append(f"'{t.text}': between the two sides of '{f.trigger.text}'")
