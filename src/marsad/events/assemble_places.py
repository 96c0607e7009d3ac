"""The places of an event candidate (CODING.md §4): its clause's and its sentence's, ranked, less
those another clause's act holds; and, once events are merged, the place a region-level or
unplaced event inherits from the report's placed incidents."""

from __future__ import annotations

from functools import cached_property

from marsad.doc import ACTOR, PLACE, TRIGGER, Doc, Mention
from marsad.events import roles
from marsad.events.candidate import Candidate
from marsad.events.clause_index import ClauseIndex
from marsad.events.incidents import (
    AIR,
    BATTLES,
    BOMBINGS,
    EXPLICIT,
    EXPLOSIONS,
    FAMILY,
    REMOTE_OR_FIGHT,
    SHELLING,
    place_specific,
)
from marsad.events.linking import clause_opens_with
from marsad.events.merging import Merger
from marsad.events.roles_base import MIN_WEIGHT
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import peel
from marsad.recognize.places import PlaceRef
from marsad.text.tokens import words_before

# The use of weapons another side may stop where it was aimed or planted (an interception, a
# device lifted): that stopping's place is the use's too.
STOPPABLE = (*BOMBINGS, SHELLING, AIR, "Grenade")


def _stops(stopping: str, used: str) -> bool:
    """Whether an act of type `stopping` may stop a use of weapons of type `used` there."""
    return stopping in roles.STOPPING and used in STOPPABLE


# How many sentences away an unplaced event may take a placed incident's place.
INHERIT_REACH = 2


class CandidatePlaces:
    """The assembler's part (events/assemble.py) that places candidates and events."""

    k: Knowledge
    merger: Merger
    _while_words: frozenset[str]  # (TriggerGrouping's: cues.yaml while_opening, folded)

    @staticmethod
    def _not_borrowed(at: ClauseIndex, c: Candidate, clause: int) -> list[Mention]:
        """The candidate's places less those of another clause of its sentence that tells only
        remote violence where the candidate is fighting, or the reverse ("وتزامنت المعارك مع …،
        فيما قصفت قوات النظام مدينة X": X is the shelling's place, not the fighting's, which is
        the fighting told before)."""
        if c.event_type not in REMOTE_OR_FIGHT:
            return c.places
        other = EXPLOSIONS if c.event_type == BATTLES else BATTLES
        sent = c.sentence

        def other_kind(cl: int) -> bool:
            trigs = at.clause(TRIGGER, sent, cl)
            # (Fighting in unambiguous words only: a generic "هجوم" may be the strikes themselves.)
            return bool(trigs) and all(
                t.value.event_type == other
                and (other == EXPLOSIONS or t.attrs.get("weight", 1.0) >= EXPLICIT)
                for t in trigs
            )

        return [m for m in c.places if m.clause == clause or m.sentence != sent or not other_kind(m.clause)]

    def _not_told_alongside(
        self, doc: Doc, at: ClauseIndex, c: Candidate, clause: int, author: str | None
    ) -> list[Mention]:
        """The places of a clause telling a toll, less those of a later clause of its sentence
        that opens with a while word and tells an act by another side ("وأفاد المرصد بمقتل ثمانية
        مدنيين جراء القصف التركي، فيما قتل مدنيان في قصف لقوات سوريا الديمقراطية على بلدة أقجة
        قلعة": the town is the second shelling's, not where the first toll fell)."""
        sent = c.sentence
        words = self._while_words

        def alongside(cl: int) -> bool:
            if cl <= clause or not any(
                t.attrs.get("weight", 1.0) >= MIN_WEIGHT for t in at.clause(TRIGGER, sent, cl)
            ):
                return False
            seg = doc.clauses[sent][cl]
            if not clause_opens_with(doc, seg, words):
                return False
            names = {self.k.actors[a.value].name for a in at.clause(ACTOR, sent, cl)}
            return bool(names) and author not in names

        return [m for m in c.places if m.sentence != sent or m.clause == clause or not alongside(m.clause)]

    @cached_property
    def _towns_told_again(self) -> frozenset[str]:
        """cues.yaml place_told_again, folded (read once, not per candidate)."""
        return frozenset(self.k.cue_words("place_told_again"))

    def _town_told_again(
        self, doc: Doc, at: ClauseIndex, sent: int, clause: int, places: list[Mention]
    ) -> list[Mention]:
        """ "… في محيط مدينة الميادين، وسط غارات للطيران الروسي على المدينة": a clause naming no
        place of its own but a definite town noun (cues.yaml place_told_again) is set in the place
        its sentence named with that noun last before it, not the sentence's first place."""
        if not places or any(m.clause == clause for m in places):
            return places
        seg = doc.clauses[sent][clause]
        told = self._towns_told_again
        text = doc.folded_slice(seg.start, seg.end)
        # (A peeled form is the end of its word: a clause holding none of the few nouns needs no
        # splitting into words, nor peeling.)
        for noun in told:  # (a loop, not any() over a generator: once per candidate)
            if noun in text:
                break
        else:
            return places
        nouns = {f.removeprefix("ال") for w in text.split() for f in peel(w) if f in told}
        if not nouns:
            return places
        folded = doc.folded.text
        named = [
            m
            for m in at.sentence(PLACE, sent)
            if m.clause < clause
            and m.value.located
            and any(
                f in nouns
                for w in words_before(
                    folded, doc.folded_index(m.start), max(0, doc.folded_index(m.start) - 20), 1
                )
                for f in peel(w)
            )
        ]
        if not named:
            return places
        last = max(named, key=lambda m: m.start)
        return [last] + [m for m in places if m is not last]

    def _roads_last(self, doc: Doc, places: list[Mention]) -> list[Mention]:
        """A road's ends ("على الطريق الدولي حلب - اللاذقية قرب بلدة أريحا") name no place of the
        act when its clause names another: that other comes first among the clause's places."""
        if len(places) < 2:
            return places
        first = places[0].clause
        same = [m for m in places if m.sentence == places[0].sentence and m.clause == first]
        if len(same) < 2:
            return places
        roads = self.k.cues["road_words"]
        folded = doc.folded.text
        ends: list[Mention] = []
        for m in same:
            fi = doc.folded_index(m.start)
            # (the second of "الطريق بين مدينتي جوهر وبلعد" is an end as the first is)
            if (ends and m.value.paired) or any(
                roads.has_word(w) for w in words_before(folded, fi, max(0, fi - 40), 4)
            ):
                ends.append(m)
        # (The other must be a town told on its own or as "near": a province, or the countryside
        # of a town, is no nearer than the road's ends: "على طريق القامشلي – عامودا في ريف الحسكة".)
        towns = [
            m
            for m in same
            if m not in ends
            and place_specific(m)
            and m.value.cue not in ("countryside_before", "province_before")
        ]
        if not ends or not towns:
            return places
        return towns + [m for m in places if m not in towns]

    def _places_for(
        self, at: ClauseIndex, sent: int, clause: int, sub: str | None = None, author: str | None = None
    ) -> list[Mention]:
        """The clause's places, then the sentence's: within each, the best supported country
        first (named right after the place, the report's own, another of its focus), then a town
        or district before a governorate named with it ("مديرية حيس، بمحافظة الحديدة" → حيس),
        then the first of "between X and Y". The places of other clauses that tell another kind
        of act than `sub` by another actor than `author` are not lent ("شنت الطائرات الروسية،
        اليوم، غارات على X، فيما قصفت قوات النظام Y": Y is the regime's shelling's) — unless that
        act is a death word or the stopping of this one (a device lifted where it was planted, a
        missile intercepted)."""
        usable: list[Mention] = []
        for m in at.sentence(PLACE, sent):
            ref: PlaceRef = m.value
            if ref.located and ref.choice.kind != "country":  # type: ignore[union-attr]
                usable.append(m)
        if len(usable) < 2:
            return usable

        # A governorate ranks no higher than a town of the sentence that lies in it ("قاعدة عين
        # الأسد، التي تستضيف قوات أمريكية في محافظة الأنبار غربي العراق": the country named right
        # after the governorate supports it, and the base with it).
        held: dict[int, int] = {}
        for p in usable:
            pc = p.value.choice
            if pc.kind == "admin1":
                tiers = [
                    m.value.tier
                    for m in usable
                    if place_specific(m)
                    and m.value.choice.country_code == pc.country_code
                    and m.value.choice.admin1 == pc.admin1
                ]
                if tiers:
                    held[id(p)] = max(p.value.tier, min(tiers))

        # The sentence's usable places, ranked once (a stable sort: the clause's keep their order);
        # a country's quarter after any other place of its tier.
        # (Merger.broad spelt out: every usable place has a choice.)
        broad = self.k.broad_places
        ranks: dict[int, tuple[int, bool, bool, bool]] = {}  # each place's rank, made once

        def rank(m: Mention) -> tuple[int, bool, bool, bool]:
            # (tier, not place_specific, paired: a usable place has a choice, so that is its kind)
            ref: PlaceRef = m.value
            ch = ref.choice
            r = ranks[id(m)] = (
                held.get(id(m), ref.tier),
                ch.id in broad,  # type: ignore[union-attr]
                ch.kind not in ("populated", "admin2"),  # type: ignore[union-attr]
                ref.paired,
            )
            return r

        usable.sort(key=rank)
        others = [m for m in usable if m.clause != clause]
        if len(others) > 1:
            # Of equal rank, the place named nearest before the clause ("ففي تعز، قتل خمسة … في جبهة
            # الكدحة، فيما قتل 12 حوثيا في المواجهات": the front, not the item's city), then after it.
            others.sort(key=lambda m: (ranks[id(m)], m.clause > clause, abs(clause - m.clause)))
        if sub is not None and author is not None and others:

            def other_act(m: Mention) -> bool:
                told = at.clause(TRIGGER, sent, m.clause)
                return (
                    bool(told)
                    and all(
                        t.value.sub_event_type != sub
                        and not _stops(t.value.sub_event_type, sub)
                        and not _stops(sub, t.value.sub_event_type)
                        # (a weak word, a death or "عملية عسكرية", tells no act of its own)
                        and t.attrs.get("weight", 1.0) >= MIN_WEIGHT
                        for t in told
                    )
                    and any(
                        self.k.actors[a.value].name != author
                        for a in at.clause(ACTOR, sent, m.clause)
                        # a supporter or a qualifier tells no act of its own ("بدعم من التحالف")
                        if a.attrs.get("role_cue") not in (roles.IGNORE, roles.ASSOC)
                    )
                )

            others = [m for m in others if not other_act(m)]
        return [m for m in usable if m.clause == clause] + others

    def _inherit_places(self, doc: Doc, events: list[Candidate]) -> None:
        """A region-level or unplaced event takes the report's specific place in that region."""
        placed = [e for e in events if place_specific(e.place)]
        specific = [e.place for e in placed]
        if not specific:
            # Only a province or region is named: an earlier incident recalled with no place at
            # all ("the same checkpoint was attacked on 3 May") is there too.
            # A news event told in a sentence of its own takes the region of the nearest event
            # told close by ("وردت القوات التركية بقصف مواقع …" after strikes in "جبل الزاوية").
            located = [e for e in events if e.place is not None]
            for e in events:
                if e.place is not None or not located:
                    continue
                if e.background:
                    near: Candidate | None = located[0]
                else:
                    near = (
                        None if any(e.sentences & p.sentences for p in located) else _nearest_told(located, e)
                    )
                if near is not None and near.place is not None:
                    e.places, e.inherited_place = [near.place], True
            return
        for e in events:
            own = e.place  # (a property: read once)
            if place_specific(own):
                continue
            if own is None:
                # An unplaced event takes the place of the nearest placed incident told close by
                # (a page of several news items places each in its own paragraph).
                # A demonstration in the sentence that retells an incident reacts to it there
                # ("ومع انتشار أنباء القتال، خرجت مظاهرات"), however far back it was first told.
                first = min(e.sentences)
                crowd = FAMILY.get(e.event_type) == "demonstration"
                near = (
                    next((p for p in placed if first in p.sentences), None) if crowd else None
                ) or _nearest_told(placed, e)
                if near is None:
                    continue
                anchor = near.place
            else:
                # (A town of another day's incident, or of one recalled, places no news of this
                # day: "وكانت القوات قد اعتقلت الأسبوع الماضي مطلوبين في الحويجة" holds no town for a
                # strike told today only in its valley.)
                near = next((p for p in placed if _may_place(p, e)), None)
                if near is None:
                    continue
                anchor = near.place
            ref = own.value if own is not None else None
            if ref is not None and ref.choice is not None:
                # A province, region or natural area of its own ("منطقة زاب شمالي العراق") holds
                # the report's town only when the town lies in it.
                ch, at_anchor = ref.choice, anchor.value.choice
                if ch.country_code != at_anchor.country_code or (
                    ch.kind in ("admin1", "region", "natural") and ch.admin1 and ch.admin1 != at_anchor.admin1
                ):
                    continue
            e.places = [anchor, *e.places]
            e.inherited_place = True


def _may_place(p: Candidate, e: Candidate) -> bool:
    """`p`'s town may place `e`: `p` is news if `e` is, and the two are not told on two days."""
    if p.background and not e.background:
        return False
    dp, de = p.date, e.date
    if dp is None or de is None or p.inherited_date or e.inherited_date:
        return True
    return dp.value.date is None or de.value.date is None or dp.value.date == de.value.date


def _nearest_told(events: list[Candidate], e: Candidate) -> Candidate | None:
    """The event of `events` first told nearest to `e`'s first sentence, if within INHERIT_REACH
    sentences of it."""
    first = min(e.sentences)
    near = min(events, key=lambda p: abs(min(p.sentences) - first))
    return near if abs(min(near.sentences) - first) <= INHERIT_REACH else None
