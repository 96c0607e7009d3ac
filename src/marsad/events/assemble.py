"""Event assembly (CODING.md §1): clause-level candidates from triggers, their arguments, and the
split/merge rules that turn them into one event per (type, actor pair, place, day).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from marsad.doc import ACTOR, CASUALTY, CUE, DATE, NONEVENT, PLACE, TRIGGER, WEAPON, Doc, Mention
from marsad.events import roles
from marsad.knowledge.resources import Knowledge
from marsad.recognize.places import PlaceRef, km

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
UNARMED_KINDS = {"civilians", "protesters"}
CLAUSE_WIDE = {"trend", "statement"}
MIN_WEIGHT = 0.5


@dataclass(slots=True)
class Candidate:
    sentence: int
    clause: int
    triggers: list[Mention]
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)  # best first
    dates: list[Mention] = field(default_factory=list)
    casualties: list[Mention] = field(default_factory=list)
    weapons: list[Mention] = field(default_factory=list)
    background: bool = False
    inherited_place: bool = False
    intervention: bool = False  # a protest met with arrests, dispersal or force
    sentences: set[int] = field(default_factory=set)  # every sentence that told part of it
    inherited_date: bool = False

    @property
    def trigger(self) -> Mention:
        return self.triggers[0]

    @property
    def event_type(self) -> str:
        return self.trigger.value.event_type

    @property
    def place(self) -> Mention | None:
        return self.places[0] if self.places else None

    @property
    def date(self) -> Mention | None:
        return self.dates[0] if self.dates else None

    def actor_idx(self, which: int) -> int | None:
        m = self.actor1 if which == 1 else self.actor2
        return m.value if m is not None else None


def _strength(c: Candidate) -> float:
    """The weight of the strongest trigger of the candidate's own type."""
    return max(t.attrs.get("weight", 1.0) for t in c.triggers if t.value.event_type == c.event_type)


def _aerial(c: Candidate) -> bool:
    return any(t.value.sub_event_type == "Air/drone strike" for t in c.triggers) or any(
        w.value.name in ("air strike", "drone") for w in c.weapons
    )


def _place_specific(m: Mention | None) -> bool:
    if m is None:
        return False
    ref: PlaceRef = m.value
    return ref.choice is not None and ref.choice.kind in ("populated", "admin2")


class EventAssembler:
    name = "assemble"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        self._specialise_templates(doc)
        cands = [
            c
            for c in (
                self._candidate(doc, s, cl, trigs) for (s, cl), trigs in self._trigger_groups(doc).items()
            )
            if c
        ]
        self._attach_casualties(doc, cands)
        cands = self._merge_within_sentences(cands)
        default_date = self._report_date(doc)
        for c in cands:
            if not c.dates and default_date is not None and not c.background:
                c.dates = [default_date]
                c.inherited_date = True
        events = self._split_by_listed_places(doc, self._merge_across(cands))
        self._inherit_places(doc, events)
        for e in events:
            self._fill_second_side(doc, e)
        doc.candidates = events
        return doc

    def _specialise_templates(self, doc: Doc) -> None:
        """ "الجيش" in a Sudanese report is the Sudanese army: point a template actor at the
        report country's own entry, so the two names count as one actor everywhere after."""
        if not doc.country:
            return
        for m in doc.get(ACTOR):
            entry = self.k.actors[m.value]
            if entry.template:
                specific = self.k.state_actor(entry.kind, doc.country)
                if specific is not None:
                    m.value = specific

    # --- candidates ------------------------------------------------------------------------
    def _trigger_groups(self, doc: Doc) -> dict[tuple[int, int], list[Mention]]:
        blocked_from: dict[int, int] = {}
        for ne in doc.get(NONEVENT):
            # Trend and statement clauses are general: nothing from them on is an event. Other cues
            # (reinforcements, funerals, threats…) block what follows them in the sentence.
            start = doc.clauses[ne.sentence][ne.clause].start if ne.value.kind in CLAUSE_WIDE else ne.start
            blocked_from[ne.sentence] = min(blocked_from.get(ne.sentence, 1 << 30), start)
        groups: dict[tuple[int, int], list[Mention]] = {}
        for t in doc.get(TRIGGER):
            if t.sentence < 0 or t.start >= blocked_from.get(t.sentence, 1 << 30):
                continue
            groups.setdefault((t.sentence, t.clause), []).append(t)
        # A clause with only weak, ambiguous cues is no event, unless it reports casualties and
        # nothing stronger in its sentence does.
        hurt = {(m.sentence, m.clause) for m in doc.get(CASUALTY)}
        strong = {
            key for key, ts in groups.items() if max(t.attrs.get("weight", 1.0) for t in ts) >= MIN_WEIGHT
        }
        strong_sents = {s for s, _ in strong}
        return {
            key: ts for key, ts in groups.items()
            if key in strong or (key in hurt and key[0] not in strong_sents)
        }  # fmt: skip

    def _candidate(self, doc: Doc, sent: int, clause: int, trigs: list[Mention]) -> Candidate | None:
        # Earliest trigger leads the clause (Arabic news is verb-first); a more specific type
        # (explosion, attack) later in the same clause refines it.
        trigs = sorted(trigs, key=lambda t: (-t.attrs.get("weight", 1.0), t.start))
        c = Candidate(sent, clause, trigs, sentences={sent})
        self._assign_actors(doc, c)
        c.places = self._places_for(doc, sent, clause)
        c.dates = [d for d in doc.in_clause(DATE, sent, clause)] or doc.in_sentence(DATE, sent)
        c.weapons = doc.in_sentence(WEAPON, sent)
        c.background = any(m.sentence == sent for m in doc.get(CUE) if m.value == "background")
        return c

    def _assign_actors(self, doc: Doc, c: Candidate) -> None:
        r = roles.assign(doc, self.k, c.sentence, c.clause, c.triggers)
        c.actor1, c.actor2, c.assoc1, c.assoc2 = r.actor1, r.actor2, r.assoc1, r.assoc2

    def _split_by_listed_places(self, doc: Doc, events: list[Candidate]) -> list[Candidate]:
        """ "تظاهرات في بغداد والناصرية والنجف": one event per place named in a list in the
        event's own clause (CODING.md §1: one location per event). "بين X وY" is one place."""
        out: list[Candidate] = []
        for e in events:
            lead = [
                m for m in e.places
                if m.sentence == e.sentence and m.clause == e.clause and _place_specific(m) and m.value.cue != "near_before"
            ]  # fmt: skip
            listed = [lead[0]] if lead else []
            for m in lead[1:]:
                gap = doc.text[listed[-1].end : m.start].strip()
                adjacent = m.start > listed[-1].end and gap in ("", "،", ",", "و", "، و", "،و")
                if adjacent and m.value.choice.id not in {x.value.choice.id for x in listed}:
                    listed.append(m)
            if len(listed) < 2:
                out.append(e)
                continue
            for m in listed:
                twin = copy.copy(e)
                twin.places = [m]
                out.append(twin)
        return out

    def _fill_second_side(self, doc: Doc, c: Candidate) -> None:
        """A side the event's own clauses leave open, from its sentences and their neighbours."""
        if c.actor2 is not None:
            return
        if (
            c.event_type == "Protests"
            and not c.intervention
            and c.trigger.value.sub_event_type == "Peaceful protest"
        ):
            return
        c.actor2 = roles.second_side(
            doc, self.k, event_type=c.event_type, actor1=c.actor1, sentences=c.sentences
        )

    def _places_for(self, doc: Doc, sent: int, clause: int) -> list[Mention]:
        def usable(m: Mention) -> bool:
            ref: PlaceRef = m.value
            return not ref.hometown and ref.choice is not None and ref.choice.kind != "country"

        in_clause = [m for m in doc.in_clause(PLACE, sent, clause) if usable(m)]
        in_sent = [m for m in doc.in_sentence(PLACE, sent) if usable(m) and m not in in_clause]
        ordered = sorted(in_clause, key=lambda m: m.value.paired) + sorted(
            in_sent, key=lambda m: m.value.paired
        )
        return ordered

    def _attach_casualties(self, doc: Doc, cands: list[Candidate]) -> None:
        blocked = {ne.sentence for ne in doc.get(NONEVENT)}
        by_sent: dict[int, list[Candidate]] = {}
        for c in cands:
            by_sent.setdefault(c.sentence, []).append(c)
        for cm in doc.get(CASUALTY):
            owners = by_sent.get(cm.sentence)
            if owners:
                # The nearest candidate before it in the sentence, else the first after it.
                before = [c for c in owners if c.trigger.start <= cm.start]
                (before[-1] if before else owners[0]).casualties.append(cm)
            elif cm.sentence not in blocked:
                # A toll told in its own sentence belongs to the incident just told.
                prev = [c for c in cands if cm.sentence - 2 <= c.sentence < cm.sentence]
                if prev:
                    prev[-1].casualties.append(cm)

    # --- dates -----------------------------------------------------------------------------
    def _report_date(self, doc: Doc) -> Mention | None:
        """The date a report's undated clauses inherit: the one nearest after a trigger."""
        dates = [d for d in doc.get(DATE) if d.value.date is not None or d.value.kind != "absolute"]
        if not dates:
            return None
        anchors: dict[int, list[Mention]] = {}
        for a in sorted(doc.get(TRIGGER) + doc.get(NONEVENT), key=lambda m: m.start):
            anchors.setdefault(a.sentence, []).append(a)

        def score(d: Mention) -> tuple[int, int]:
            prev = [a for a in anchors.get(d.sentence, ()) if a.end <= d.start]
            if prev and prev[-1].label == TRIGGER:
                return (0, d.start - prev[-1].end)
            return (1, d.start)

        return min(dates, key=score)

    # --- merging ---------------------------------------------------------------------------
    @staticmethod
    def _same_side(a: Mention | None, b: Mention | None) -> bool:
        return a is None or b is None or a.value == b.value

    def _compatible(self, a: Candidate, b: Candidate, *, loose: bool) -> bool:
        if not self._same_side(a.actor1, b.actor1):
            return False
        if (
            a.actor1 is None
            and b.actor1 is None
            and a.actor2 is not None
            and b.actor2 is not None
            and a.actor2.value != b.actor2.value
        ):
            return False
        # A swapped pair (X attacked Y, Y returned fire) is the same fight.
        swapped = bool(
            a.actor1 and b.actor2 and a.actor2 and b.actor1
            and a.actor1.value == b.actor2.value and a.actor2.value == b.actor1.value
        )  # fmt: skip
        if not loose and not self._same_side(a.actor2, b.actor2) and not swapped:
            return False
        ta, tb = a.event_type, b.event_type
        if ta != tb and {ta, tb} != {BATTLES, EXPLOSIONS} and not loose:
            return False
        if ta != tb and (_aerial(a) or _aerial(b)) and not (a.sentences & b.sentences):
            return False  # air strikes told on their own are a distinct action (CODING.md §1)
        if (
            ta != tb
            and {ta, tb} == {BATTLES, EXPLOSIONS}
            and (a.actor1 is None or b.actor1 is None)
            and not loose
        ):
            return False
        da, db = a.date, b.date
        if da is not None and db is not None and da.value.date != db.value.date:
            return False
        if a.background != b.background:
            return False
        pa, pb = a.place, b.place
        if _place_specific(pa) and _place_specific(pb):
            ca, cb = pa.value.choice, pb.value.choice
            if ca.id != cb.id and km(ca, cb) > 10:
                return False
        return True

    @staticmethod
    def _absorb(into: Candidate, c: Candidate) -> None:
        if into.event_type == "Protests" and c.event_type != "Protests":
            # The intervening force is the protest's second actor; its words do not retype it.
            if (
                into.actor2 is None
                and c.actor1 is not None
                and c.actor1.attrs.get("kind") in ("state", "police")
            ):
                into.actor2 = c.actor1
            into.casualties.extend(c.casualties)
            return
        if into.event_type != c.event_type and BATTLES in (into.event_type, c.event_type):
            # An explosion inside a fight is that fight, when the fight is told as one
            # ("اشتباكات", "كمين"); a generic "هجمات" does not turn air strikes into a battle.
            fight, other = (c, into) if c.event_type == BATTLES else (into, c)
            strong = _strength(fight) >= _strength(other)
            into.triggers = fight.triggers + other.triggers if strong else other.triggers + fight.triggers
        else:
            into.triggers.extend(c.triggers)
        into.actor1 = into.actor1 or c.actor1
        into.actor2 = into.actor2 or c.actor2
        for a in c.assoc1:
            if all(a.value != x.value for x in into.assoc1):
                into.assoc1.append(a)
        for a in c.assoc2:
            if all(a.value != x.value for x in into.assoc2):
                into.assoc2.append(a)
        if not _place_specific(into.place) and _place_specific(c.place):
            into.places = c.places + into.places
        else:
            into.places.extend(c.places)
        if (not into.dates or into.inherited_date) and c.dates and not c.inherited_date:
            into.dates = c.dates + into.dates
            into.inherited_date = False
        into.casualties.extend(c.casualties)
        into.weapons.extend(w for w in c.weapons if w not in into.weapons)
        into.sentences |= c.sentences

    def _merge_within_sentences(self, cands: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        for c in sorted(cands, key=lambda c: (c.sentence, c.clause)):
            prev = out[-1] if out and out[-1].sentence == c.sentence else None
            if prev is not None and self._compatible(prev, c, loose=False):
                self._absorb(prev, c)
            else:
                out.append(c)
        return out

    def _merge_across(self, cands: list[Candidate]) -> list[Candidate]:
        events: list[Candidate] = []
        for c in cands:
            target = next((e for e in events if self._compatible(e, c, loose=False)), None)
            if target is None:
                target = self._summary_target(events, c)
                if target is not None and not _place_specific(target.place) and _place_specific(c.place):
                    # The specific account's actors win over the summary's.
                    target.actor2 = c.actor2 or target.actor2
            if target is None:
                target = self._elaboration_target(events, c)
            if target is None:
                events.append(c)
            else:
                self._absorb(target, c)
        return [e for e in events if e.actor1 is not None or e.actor2 is not None or e.casualties or e.place]

    def _summary_target(self, events: list[Candidate], c: Candidate) -> Candidate | None:
        """A summary (region-level or no place) of the same kind by the same attacker is the lead of
        a more specific account, or the reverse."""
        for e in events:
            if (
                e.actor1 is not None
                and c.actor1 is not None
                and e.actor1.value == c.actor1.value
                and (e.event_type == c.event_type or {e.event_type, c.event_type} == {BATTLES, EXPLOSIONS})
                and (not _place_specific(e.place) or not _place_specific(c.place))
                and self._compatible(e, c, loose=True)
            ):
                return e
        return None

    def _elaboration_target(self, events: list[Candidate], c: Candidate) -> Candidate | None:
        """A clause that adds detail to the event just told: no attacker of its own, or an arrest of
        demonstrators, at the same place and day (or none given)."""
        if not events:
            return None
        e = events[-1]
        if c.background != e.background or c.sentence - e.sentence > 2:
            return None
        if c.date is not None and e.date is not None and c.date.value.date != e.date.value.date:
            return None
        if _place_specific(c.place) and _place_specific(e.place):
            ca, ea = c.place.value.choice, e.place.value.choice  # type: ignore[union-attr]
            if ca.id != ea.id and km(ca, ea) > 10:
                return None
        if e.event_type == "Protests" and c.event_type in ("Strategic developments", VAC, BATTLES):
            # Arrests or force used on the demonstrators: the protest was met with intervention.
            e.intervention = True
            return e
        no_attacker = c.actor1 is None or c.actor1.attrs.get("kind") in UNARMED_KINDS
        if no_attacker and e.actor1 is not None and c.event_type != "Protests" and e.event_type != "Protests":
            return e
        return None

    def _inherit_places(self, doc: Doc, events: list[Candidate]) -> None:
        """A region-level or unplaced event takes the report's specific place in that region."""
        specific = [e.place for e in events if _place_specific(e.place)]
        if not specific:
            return
        for e in events:
            if _place_specific(e.place):
                continue
            anchor = specific[0]
            ref = e.place.value if e.place is not None else None
            if ref is not None and ref.choice is not None:
                ch = ref.choice
                if ch.kind in ("admin1", "region") and ch.admin1 and ch.admin1 != anchor.value.choice.admin1:
                    continue
            e.places = [anchor, *e.places]
            e.inherited_place = True
