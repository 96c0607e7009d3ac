"""Which clauses of a report tell events (CODING.md §1): the report's triggers grouped by clause,
less those after a general or blocking cue and those a later word shows to be no act of their
own; a clause of weak cues only is kept when a toll, a force or a crowd makes it sure."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from operator import attrgetter

from marsad.doc import ACTOR, CASUALTY, DATE, NONEVENT, TRIGGER, WEAPON, Doc, Mention
from marsad.events.incidents import CROWD_KINDS, FAMILY, NON_VIOLENT_TRANSFER, TERRITORY, definite
from marsad.events.interceptions import DISRUPTED
from marsad.events.linking import clause_opens_with
from marsad.events.roles_base import MIN_WEIGHT
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import CueList, words_before
from marsad.text.normalize import fold

CLAUSE_WIDE = {"trend", "statement", "record"}
_START = attrgetter("start")  # (made once: not per clause)
# Destruction: a weak word made sure when aircraft do it (_SURE_BY_AIR), and then their air strike
# (events/assemble_candidate.py).
DESTRUCTION = "Looting/property destruction"


class TriggerGrouping:
    """The assembler's part (events/assemble.py) that groups a report's triggers by clause."""

    k: Knowledge

    @cached_property
    def _confrontation_words(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("confrontation_words"))

    # --- candidates ------------------------------------------------------------------------
    @cached_property
    def _while_words(self) -> frozenset[str]:
        """cues.yaml's while_opening, folded (built once per knowledge load)."""
        return self.k.cue_phrases("while_opening")

    def _while_clauses_after(self, doc: Doc, blocked_from: dict[int, int]) -> dict[int, int]:
        """Per blocked sentence, where the first clause after the block that opens with a while
        word starts ("… تنديدا بقرار نقل السفارة، فيما اندلعت مواجهات …"): an act told alongside
        the words that blocked, not one of them."""
        words = self._while_words
        out: dict[int, int] = {}
        for sent, start in blocked_from.items():
            for seg in doc.clauses[sent]:
                if seg.start > start and clause_opens_with(doc, seg, words):
                    out[sent] = seg.start
                    break
        return out

    def _grievance_before(self, doc: Doc, ne: Mention) -> bool:
        """A protest's reason (cues.yaml grievance_before) told in the clause before `ne`."""
        seg = doc.clauses[ne.sentence][ne.clause]
        return self.k.cues["grievance_before"].found_in(doc.folded_slice(seg.start, ne.start).split())

    def _trigger_groups(self, doc: Doc) -> dict[tuple[int, int], list[Mention]]:
        blocked_from: dict[int, int] = {}
        blocked_until: dict[int, int] = {}
        general: set[int] = set()  # sentences a clause-wide cue blocks
        crowds = [m for m in doc.get(ACTOR) if m.attrs.get("kind") in CROWD_KINDS]
        crowd_ends = {m.end for m in crowds}
        for ne in doc.get(NONEVENT):
            if ne.value.kind == "statement" and (ne.start - 1 in crowd_ends or ne.start - 2 in crowd_ends):
                # "محتجين يطالبون بتوفير الخدمات": what the crowd demands, not a statement clause.
                continue
            if ne.value.kind == "record" and doc.in_sentence(DATE, ne.sentence):
                continue  # "وثق المرصد مقتل 9 عناصر … مساء أمس": the record of one incident
            if ne.value.kind == "trend" and self._grievance_before(doc, ne):
                continue  # "تظاهر المئات احتجاجا على انقطاع الرواتب منذ أشهر": the crowd's grievance
            # Trend and statement clauses are general: nothing from them on is an event. Other cues
            # (reinforcements, funerals, threats…) block what follows them in the sentence.
            wide = ne.value.kind in CLAUSE_WIDE
            start = doc.clauses[ne.sentence][ne.clause].start if wide else _across_a_told_day(doc, ne)
            blocked_from[ne.sentence] = min(blocked_from.get(ne.sentence, 1 << 30), start)
            if wide:
                general.add(ne.sentence)
        if len(general) < len(blocked_from):
            # (a record's, trend's or statement's sentence is general to its end: "وثق المركز
            # إصابة 9 مدنيين …، فيما اعتقلت 5 مدنيين" is the record going on)
            blocked_until = self._while_clauses_after(
                doc, {s: b for s, b in blocked_from.items() if s not in general}
            )
        groups: dict[tuple[int, int], list[Mention]] = {}
        told_in: dict[str, int] = {}  # family → the first sentence telling an act of it
        for t in doc.get(TRIGGER):
            if t.sentence < 0 or (
                t.start >= blocked_from.get(t.sentence, 1 << 30)
                and t.start < blocked_until.get(t.sentence, 1 << 30)
            ):
                continue
            v = t.value  # (a lexicon entry: each attribute read goes through pydantic's hook)
            family = FAMILY.get(v.event_type)
            if (
                told_in.get(family, t.sentence) < t.sentence
                and definite(t.text)  # (asked here: most act words are not, and need no call)
                and self._a_point_in_time(doc, t)
            ):
                continue  # "وحلق الطيران في أجواء المنطقة عقب الهجوم": the attack told before
            told_in.setdefault(family, t.sentence)
            sub = v.sub_event_type
            if sub == "Chemical weapon" and _tear_gas_choking(doc, t, self._confrontation_words):
                continue  # "إصابة العشرات بحالات اختناق" from the tear gas fired on a crowd
            if sub == "Suicide bomb" and _qualifies_a_weapon(doc, t):
                continue  # "بطائرات مسيرة انتحارية": a loitering drone, not a bomber
            key = (t.sentence, t.clause)
            held = groups.get(key)  # (not setdefault: no list made for a clause already held)
            if held is None:
                groups[key] = [t]
            else:
                held.append(t)
        if len(groups) > 1:
            self._join_across_a_told_day(doc, groups)
            self._join_to_the_act(doc, groups, self._a_purpose)
            self._join_to_the_act(doc, groups, self._an_outcome)
            self._join_to_the_act(doc, groups, self._a_withdrawal_before, drop=True)
            self._join_to_the_act(doc, groups, self._a_closure_it_caused, drop=True)
        # A clause with only weak, ambiguous cues is no event, unless it reports casualties and
        # nothing stronger in its sentence does.
        strong: set[tuple[int, int]] = set()
        by_air: dict[str, set[tuple[int, int]]] | None = None  # on first need
        for key, ts in groups.items():
            # (a loop: most clauses have one trigger, and max() over a generator costs more)
            for t in ts:
                if t.attrs.get("weight", 1.0) >= MIN_WEIGHT:
                    strong.add(key)
                    break
                sub = t.value.sub_event_type
                if sub in _SURE_BY_AIR:
                    if by_air is None:
                        by_air = _clauses_by_air(doc)
                    if key in by_air[_SURE_BY_AIR[sub]]:
                        # "وإن الدفاعات الجوية اعترضته": the word that may only mean "objected"
                        # intercepts when air defences do it; "دمرت مقاتلات التحالف مخزنا":
                        # what aircraft destroy, they strike.
                        strong.add(key)
                        break
        if len(strong) == len(groups):
            return groups  # (the usual case: no clause of weak cues only, no casualties to look up)
        hurt = {(m.sentence, m.clause) for m in doc.get(CASUALTY)}
        # (a development told beside them — "وحجز أسلحة كانت بحوزتهما" — owns no toll: the weak
        # violent clause with the dead is still the event)
        strong_sents: set[int] = set()
        for s, c in strong:  # (loops, not any() over a generator per clause)
            for t in groups[(s, c)]:
                if FAMILY.get(t.value.event_type) != "development":
                    strong_sents.add(s)
                    break
        # "لقي ستة مصرعهم، اليوم، بنيران الجيش": a toll in a clause that tells no act of its own
        # is the weak cue's of a later clause of its sentence, if that cue tells violence.
        untold: dict[int, int] = {}  # sentence → its first clause with such a toll
        for s, c in hurt:
            if (s, c) not in groups and c < untold.get(s, c + 1):
                untold[s] = c
        # A weak protest cue ("تجمع", "مطالبين") with the crowd named in its sentence ("تجمع مئات
        # المحتجين أمام مبنى المحافظة", "أغلق عشرات المحتجين مدخل الحقل، مطالبين …") is a protest.
        crowd = {m.sentence for m in crowds}
        return {
            key: ts for key, ts in groups.items()
            if key in strong
            or (key in hurt and key[0] not in strong_sents)
            or (
                untold.get(key[0], key[1]) < key[1]
                and key[0] not in strong_sents
                and any(FAMILY.get(t.value.event_type) == "violence" for t in ts)
            )
            or (key[0] in crowd and any(t.value.event_type in ("Protests", "Riots") for t in ts))
        }  # fmt: skip

    def _join_to_the_act(
        self,
        doc: Doc,
        groups: dict[tuple[int, int], list[Mention]],
        told_with: Callable[[list[Mention], list[Mention], Mention, str], bool],
        drop: bool = False,
    ) -> None:
        """Clauses told as part of the act of the last clause before them in their sentence that
        tells one (a day told aside between them tells none: "…، اليوم، احتجاجا على …"): their
        words join that clause when `told_with(act's words, the clause's words, the clause's first
        word, the text opening the clause before it)` says so, or are dropped (`drop`: they tell
        how the act came about, and would outweigh its own words)."""
        for key in sorted(groups):
            s, c = key
            if not c:
                continue  # (a sentence's first clause has none before it)
            ts = groups.get(key)  # (None: joined to the clause before it already)
            if ts is None:
                continue
            act = c - 1  # the nearest clause before it that tells an act (a loop: no generator)
            while act >= 0 and (s, act) not in groups:
                act -= 1
            if act < 0:
                continue
            told = groups[(s, act)]
            first = ts[0] if len(ts) == 1 else min(ts, key=_START)  # (mostly one word: no call)
            if told_with(told, ts, first, doc.text[doc.clauses[s][c].start : first.start]):
                joined = groups.pop(key)
                if not drop:
                    told.extend(joined)

    def _a_purpose(self, act: list[Mention], ts: list[Mention], first: Mention, opening: str) -> bool:
        """ "اندلعت مواجهات مع قوات الاحتلال في رام الله، احتجاجا على القرار": a clause that opens
        with the protest it was made as is the purpose of the confrontations told before it, one
        incident (the places named in the purpose are what was protested). Confrontations only: a
        riot's own acts tell its purpose apart."""
        return (
            all(FAMILY.get(t.value.event_type) == "demonstration" for t in ts)  # (the rarer test first)
            and any(fold(t.text) in self._confrontation_words for t in act)
            and fold(first.text) in self._purpose_words
            and not opening.strip(" ،,و")
        )

    def _an_outcome(self, act: list[Mention], ts: list[Mention], first: Mention, opening: str) -> bool:
        """ "دمرت مقاتلات تركية 12 هدفا …، وأسفرت عن تحييد 8 إرهابيين": a clause opening with
        what a violent act resulted in ("أسفرت عن", "ما أدى إلى") tells its outcome, not an act of
        its own kind (an arrest told as an outcome, "والقبض على ثالث", is one of its own)."""
        if not any(FAMILY.get(t.value.event_type) == "violence" for t in act) or not all(
            FAMILY.get(t.value.event_type) == "violence" for t in ts
        ):
            return False
        return self._an_outcome_opening(opening)

    def _a_closure_it_caused(
        self, act: list[Mention], ts: list[Mention], first: Mention, opening: str
    ) -> bool:
        """ "اندلعت اشتباكات …، ما أدى إلى إغلاق الطريق الساحلي": a weak protest word (a road
        closed) in a clause telling what a violent act resulted in is that outcome, no protest."""
        if not any(FAMILY.get(t.value.event_type) == "violence" for t in act) or not all(
            FAMILY.get(t.value.event_type) == "demonstration" and t.attrs.get("weight", 1.0) < 1.0 for t in ts
        ):
            return False
        return self._an_outcome_opening(opening)

    def _an_outcome_opening(self, opening: str) -> bool:
        """Whether the text opening a clause tells an outcome ("، ما أدى إلى", "وأسفرت عن")."""
        words = fold(opening).split()
        while words and words[0] in ("و", "ما", "مما"):
            words = words[1:]
        told = self._outcome_openers.opening(words) if words else None
        return told is not None and told[1] == len(words)

    def _a_withdrawal_before(
        self, act: list[Mention], ts: list[Mention], first: Mention, opening: str
    ) -> bool:
        """ "استعاد الجيش السيطرة على البلدة، بعد انسحاب مقاتلي الحركة منها دون مقاومة": a clause
        opening with "after" the withdrawal a capture followed tells how the ground changed hands,
        not a transfer of its own (events/coding_type.py reads the capture as made without a fight
        when its sentence says so)."""
        if not all(t.value.sub_event_type == NON_VIOLENT_TRANSFER for t in ts) or not any(
            t.value.sub_event_type in TERRITORY for t in act
        ):
            return False
        words = fold(opening).split()
        told = self._after_words.opening(words) if words else None
        return told is not None and told[1] == len(words)

    @cached_property
    def _after_words(self) -> CueList:
        return self.k.cues["after_words"]

    @cached_property
    def _outcome_openers(self) -> CueList:
        return self.k.cues["outcome_openers"]

    @cached_property
    def _purpose_words(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("protest_purpose"))

    def _a_point_in_time(self, doc: Doc, t: Mention) -> bool:
        """A definite act noun (incidents.definite: the caller asks) right after a word of time
        ("عقب الهجوم"): the act it names."""
        before = words_before(doc.folded.text, doc.folded_index(t.start), 0, 1)
        return bool(before) and self._reference_before.has_word(before[-1])

    @cached_property
    def _reference_before(self) -> CueList:
        return self.k.cues["reference_before"]

    @staticmethod
    def _join_across_a_told_day(doc: Doc, groups: dict[tuple[int, int], list[Mention]]) -> None:
        """ "قتلت قوات الأمن، الأحد، 3 مسلحين في تبادل لإطلاق النار": a toll read across the
        commas of a day told aside (recognize/casualties.py) joins the clause of its verb to the
        clause of its victims: one clause's triggers, read with the verb's subject."""
        for m in doc.get(CASUALTY):
            if m.sentence < 0 or (m.sentence, m.clause) not in groups:
                continue
            last = doc.locate(m.end - 1)
            if last[0] == m.sentence and last[1] > m.clause and last in groups:
                groups[(m.sentence, m.clause)].extend(groups.pop(last))


TOLD_DAY_EXTRA_WORDS = 3  # words about a day told aside besides the day ("بعد ظهر اليوم")


def _across_a_told_day(doc: Doc, ne: Mention) -> int:
    """Where a blocking word's block starts: the word itself, or, when it opens the clause after a
    day told aside by commas, the clause of the verb before the day ("نفذ الطيران الحربي
    الإسرائيلي، بعد ظهر اليوم، غارة وهمية": the aircraft flew the mock raid, no strike)."""
    clauses = doc.clauses[ne.sentence]
    c = ne.clause
    if c < 2 or doc.folded_slice(clauses[c].start, ne.start).strip():
        return ne.start
    day = clauses[c - 1]
    told = [d for d in doc.in_sentence(DATE, ne.sentence) if day.start <= d.start and d.end <= day.end]
    # (the day and at most a word or two about it: "بعد ظهر اليوم", "في وقت متأخر من مساء أمس")
    if (
        len(told) != 1
        or len(doc.folded_slice(day.start, day.end).split())
        > len(doc.folded_slice(told[0].start, told[0].end).split()) + TOLD_DAY_EXTRA_WORDS
    ):
        return ne.start
    return clauses[c - 2].start


# Weak words made sure by the force named in their clause (actor attribute → its clauses).
_SURE_BY_AIR = {DISRUPTED: "air_defence", DESTRUCTION: "aerial"}


def _clauses_by_air(doc: Doc) -> dict[str, set[tuple[int, int]]]:
    """The clauses naming air defences, and those naming aircraft."""
    out: dict[str, set[tuple[int, int]]] = {"air_defence": set(), "aerial": set()}
    for m in doc.get(ACTOR):
        for attr, clauses in out.items():
            if m.attrs.get(attr):
                clauses.add((m.sentence, m.clause))
    return out


def _qualifies_a_weapon(doc: Doc, t: Mention) -> bool:
    """A trigger word inside the name of a weapon of another kind of act ("مسيرة انتحارية")."""
    return any(
        w.start <= t.start and t.end <= w.end and w.value.sub_event_type != t.value.sub_event_type
        for w in doc.in_sentence(WEAPON, t.sentence)
    )


def _tear_gas_choking(doc: Doc, t: Mention, confrontation: frozenset[str]) -> bool:
    """A weak chemical cue ("حالات اختناق") in a sentence that names tear gas, or tells
    confrontations or a demonstration ("أصيب العشرات بجروح وحالات اختناق خلال مواجهات"), and no
    chemical agent: the choking is the tear gas's."""
    if t.attrs.get("weight", 1.0) >= 1.0:
        return False
    names = {w.value.name for w in doc.in_sentence(WEAPON, t.sentence)}
    if "chemical agent" in names:
        return False
    return "tear gas" in names or any(
        FAMILY.get(o.value.event_type) == "demonstration" or fold(o.text) in confrontation
        for o in doc.in_sentence(TRIGGER, t.sentence)
    )
