"""Last pass over one report's coded events: merge those that CODING.md §1 makes one event.

Assembly merges clause candidates as it reads; some duplicates only show once every field is
coded (an actor inferred as unidentified, a place resolved the same way twice). Two events of one
report are one when they share type, day and place and their actors agree: the same pair, a
swapped pair, or one side left open in one of them. Demonstrations merge on type, day and place.
"""

from __future__ import annotations

from marsad.doc import Doc
from marsad.events.notes import write_notes
from marsad.knowledge.resources import Knowledge
from marsad.models import Event


def _actor_set(e: Event) -> set[str]:
    return {a for a in (e.actor1, e.actor2) if a and not a.startswith("Unidentified")}


DEMONSTRATIONS = {"Protests", "Riots"}
_PLACE_FIELDS = (
    "country",
    "iso",
    "region",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
)


def _an_answer_and_its_act(a: Event, b: Event, answers: set[int]) -> bool:
    """One event is told as the answer its author gave ("وردت القوات التركية بقصف …"), the other
    not, and their authors differ: the other side's act and the answer to it (CODING.md §1)."""
    return (
        (id(a) in answers) != (id(b) in answers)
        and bool(a.actor1)
        and bool(b.actor1)
        and a.actor1 != b.actor1
    )


def same_event(a: Event, b: Event) -> bool:
    # (Each field read once: a model's attribute read goes through its __getattr__ hook.)
    ta, tb = a.event_type, b.event_type
    # A demonstration that turned violent at the same place and day is one riot (ACLED merges
    # demonstrations on day, place and issue).
    types_agree = ta == tb or {ta, tb} == DEMONSTRATIONS
    if not types_agree or a.event_date != b.event_date or a.primary != b.primary:
        return False
    ca, cb = a.country, b.country
    if ca != cb and ca and cb:
        return False
    la, lb = a.location, b.location
    if la != lb and la and lb:
        return False  # a recalled incident told twice, once without its place, is one event
    if ta == "Explosions/Remote violence" and a.sub_event_type != b.sub_event_type:
        return False  # air strikes and shelling on one place are one event per means
    if ta in DEMONSTRATIONS and tb in DEMONSTRATIONS:
        return True
    sa, sb = _actor_set(a), _actor_set(b)
    if not sa or not sb:
        return True
    if sa == sb:
        return True
    # One account names one side only, or names it as unidentified: same fight if they share a side.
    return bool(sa & sb) and (len(sa) == 1 or len(sb) == 1)


def merge_into(keep: Event, other: Event) -> None:
    """Fold `other` into `keep`: fill empty fields, join evidence, conservative fatalities."""
    if keep.event_type == "Protests" and other.event_type == "Riots":
        for f in ("event_type", "sub_event_type", "disorder_type", "actor1", "inter1"):
            setattr(keep, f, getattr(other, f))
    elif keep.event_type == "Protests" and other.event_type == "Protests":
        rank = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]
        if rank.index(other.sub_event_type) > rank.index(keep.sub_event_type):
            keep.sub_event_type = other.sub_event_type
    if not keep.location and other.location:
        # The account that names the place gives the event its place.
        for field in _PLACE_FIELDS:
            setattr(keep, field, getattr(other, field))
    for field in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        if not getattr(keep, field) and getattr(other, field):
            setattr(keep, field, getattr(other, field))
            if field in ("actor1", "actor2"):
                setattr(keep, "inter" + field[-1], getattr(other, "inter" + field[-1]))
    if (
        keep.actor1.startswith("Unidentified")
        and other.actor1
        and not other.actor1.startswith("Unidentified")
    ):
        keep.actor1, keep.inter1 = other.actor1, other.inter1
    if keep.actor2 and keep.actor2 == keep.actor1:
        # The second side the other account gives is keep's first there, or named the other way
        # round ("ضبط أسلحة" coded with the group as first side, the force second): its other side.
        keep.actor2, keep.inter2 = next(
            ((name, inter) for name, inter in ((other.actor2, other.inter2), (other.actor1, other.inter1))
             if name and name != keep.actor1),
            ("", None),
        )  # fmt: skip
    codes = sorted(x for x in (keep.inter1, keep.inter2) if x is not None)
    keep.interaction = "".join(map(str, codes)) if len(codes) == 2 else (f"{codes[0]}0" if codes else "")
    # Within one report two figures for one event conflict: CODING.md §6 keeps the lowest, but a
    # figure of 0 only means that account gave none.
    figures = [f for f in (keep.fatalities, other.fatalities) if f]
    keep.fatalities = min(figures) if figures else 0
    if keep.injuries is None:
        keep.injuries = other.injuries
    keep.weapons = list(dict.fromkeys(keep.weapons + other.weapons))
    for k, spans in other.evidence.items():
        have = keep.evidence.setdefault(k, [])
        have.extend(s for s in spans if s not in have)
    keep.confidence = max(keep.confidence, other.confidence)


class EventConsolidator:
    name = "consolidate"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        out: list[Event] = []
        merged: set[int] = set()
        answers = doc.answers
        for ev in doc.events:
            target = None
            for e in out:  # (a loop, not next() over a generator: a few events per report)
                if same_event(e, ev) and not _an_answer_and_its_act(e, ev, answers):
                    target = e
                    break
            if target is None:
                out.append(ev)
            else:
                merge_into(target, ev)
                merged.add(id(target))
        for ev in out:
            if id(ev) in merged:
                ev.notes = write_notes(ev, self.k)
        for i, ev in enumerate(out):
            if doc.article_id:
                ev.event_id_cnty = f"{doc.article_id}-{i + 1}"
        doc.events = out
        return doc
