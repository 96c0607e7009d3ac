"""Event assembly (CODING.md §1): clause-level candidates from triggers, their arguments, and the
split/merge rules that turn them into one event per (type, actor pair, place, day).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import cached_property
from operator import attrgetter

from marsad.doc import ACTOR, CASUALTY, CUE, DATE, NONEVENT, PLACE, TRIGGER, WEAPON, Doc, Mention
from marsad.events import roles
from marsad.events.answered import answered_clauses, answering_side, clause_heads
from marsad.events.background import is_recent, news_dates
from marsad.events.both_sides import sides_of_the_parties
from marsad.events.candidate import Candidate
from marsad.events.clause_index import ClauseIndex
from marsad.events.demonstrations import force_on_demonstrations, riots_in_context
from marsad.events.identified import gunmen_named, victims_identified
from marsad.events.incidents import (
    AIR,
    BATTLES,
    BOMBINGS,
    CROWD_KINDS,
    EXPLICIT,
    EXPLOSIONS,
    FAMILY,
    REMOTE_OR_FIGHT,
    SHELLING,
    TERRITORY,
    UNARMED_KINDS,
    join_coinciding,
    place_specific,
    recalled_specifically,
    told_by_definite_nouns,
)
from marsad.events.initiative import put_initiator_first
from marsad.events.interceptions import (
    DISRUPTED,
    TELLING_CUES,
    interceptions_where_fired,
    without_the_intercepted_retold,
)
from marsad.events.launch import Launch, drop_foreign_firer, landing, split_launch
from marsad.events.merging import CROWDS, Merger
from marsad.events.splitting import (
    split_by_listed_places,
    split_by_means,
    split_by_repeated_acts,
    split_demonstration_from_its_cause,
    split_fighting_from_air,
    split_killing_from_arrests,
)
from marsad.events.wording import demanded
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import CUE_REACH, first_cue, first_words_rx, words_before
from marsad.recognize.places import PlaceRef
from marsad.text.normalize import fold

CLAUSE_WIDE = {"trend", "statement", "record"}
MIN_WEIGHT = 0.5


# Sort keys read in C (no Python call per item).
_START = attrgetter("start")
_SENTENCE_CLAUSE = attrgetter("sentence", "clause")


def _lead_first(t: Mention) -> tuple[float, int]:
    return (-t.attrs.get("weight", 1.0), t.start)


def _lead_sorted(trigs: list[Mention]) -> list[Mention]:
    """The clause's triggers, lead first. A capture told in two words split by its subject
    ("استعادت القوات الحكومية السيطرة على …") is as plain as the whole phrase: each word alone is
    weak (a body or a weapon "recovered"), the two together are a capture, which leads over the
    fighting that won it ("… بعد معارك عنيفة")."""
    if sum(t.value.sub_event_type in TERRITORY for t in trigs) < 2:
        return sorted(trigs, key=_lead_first)
    return sorted(
        trigs, key=lambda t: (-1.0, t.start) if t.value.sub_event_type in TERRITORY else _lead_first(t)
    )


def _place_rank(m: Mention) -> tuple[int, bool, bool]:
    ref: PlaceRef = m.value
    return (ref.tier, not place_specific(m), ref.paired)


# The use of weapons another side may stop where it was aimed or planted (an interception, a
# device lifted): that stopping's place is the use's too.
STOPPABLE = (*BOMBINGS, SHELLING, AIR, "Grenade")


def _stops(stopping: str, used: str) -> bool:
    """Whether an act of type `stopping` may stop a use of weapons of type `used` there."""
    return stopping in roles.STOPPING and used in STOPPABLE


# How many sentences away an unplaced event may take a placed incident's place.
INHERIT_REACH = 2


ABDUCTION = "Abduction/forced disappearance"
DESTRUCTION = "Looting/property destruction"
STRATEGIC = "Strategic developments"
_NOT_ABDUCTORS = {*CROWDS, *roles.STATE_KINDS}


class EventAssembler:
    name = "assemble"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        self.merger = Merger(knowledge)

    def __call__(self, doc: Doc) -> Doc:
        self._specialise_templates(doc)
        groups = self._trigger_groups(doc)
        cands: list[Candidate] = []
        at: ClauseIndex | None = None  # the report's mentions by clause, when it has events
        answered: frozenset[tuple[int, int]] = frozenset()
        if groups:
            at = ClauseIndex(doc)
            cues = self.k.cues
            told = set(groups)
            heads = clause_heads(doc, told)  # (read for each of the three lists below)
            opening, back = cues["answered_opening"], cues["answered_back"]
            answered = answered_clauses(doc, opening, back, told, heads=heads)
            # The answer another side gave: "وردت الفصائل بقصف …", and "وردا على ذلك قصفت …".
            retorts = answered_clauses(
                doc, cues["retort_opening"], back, told, heads=heads
            ) | answered_clauses(doc, opening, back, told, pointing_back=True, heads=heads)
            # Made only for a report with events: it settles who "المهاجمين" or "الطيران" is.
            sides = roles.RoleAssigner(doc, self.k, at, answered)
            cands = [
                self._candidate(sides, s, cl, part, launch, cut, retort=(s, cl) in retorts)
                for (s, cl), group in groups.items()
                for told in split_fighting_from_air(group)
                for told in split_killing_from_arrests(doc, cues["added_toll_before"], told)
                for trigs in split_demonstration_from_its_cause(doc, cues["protest_cause_before"], told)
                for part, launch, cut in split_launch(doc, self.k, at, trigs)
            ]
        self._attach_casualties(doc, cands)
        cands = self.merger.within_sentences(cands)
        report_date: tuple[Mention | None, str | None] | None = None  # found on first need
        for c in cands:
            if c.dates or c.background:
                continue
            if report_date is None:
                report_date = self._report_date(doc)
            default_date, dated_family = report_date
            # A day told before the clause carries forward ("شنت ... الأحد غارات ... كما قصفت");
            # a day told later belongs to what is told there, unless that is the same kind of
            # incident ("... سقطوا خلال الاشتباكات مساء أمس").
            if default_date is not None and (
                default_date.start < c.trigger.start or dated_family == FAMILY.get(c.event_type)
            ):
                c.dates = [default_date]
                c.inherited_date = True
        events = self.merger.wrecking_across(self.merger.across(doc, cands))
        events = [t for e in events for t in split_by_means(e)]
        accidents = {ne.sentence for ne in doc.get(NONEVENT) if ne.value.kind == "accident"}
        # "الانفجار وقع … لارتفاع درجة الحرارة": an explosion the report gives an accidental
        # cause is no attack (ACLED codes no accidents).
        if accidents:
            events = _without_accidents(events, accidents)
        riots_in_context(events)
        events = force_on_demonstrations(events)
        events = [t for e in events for t in split_by_listed_places(doc, e, self._outskirts, self._positions)]
        events = [t for e in events for t in split_by_repeated_acts(doc, e)]
        interceptions_where_fired(events)
        events = without_the_intercepted_retold(doc, events)
        self._inherit_places(doc, events)
        events = join_coinciding(events)
        sides_of_the_parties(doc, self.k, events)
        # The air defences that stopped fire ("اعترضت قوات الدفاع الجوي 7 صواريخ … ثلاثة منها
        # استهدفت الرياض"): never the side that fire was aimed at.
        stoppers = {
            m.start
            for e in events
            if e.trigger.value.sub_event_type == DISRUPTED
            for m in (e.actor1, e.actor2)
            if m is not None and m.attrs.get("air_defence")
        }
        for e in events:
            self._fill_second_side(doc, e, at, answered)
            if e.actor2 is not None and e.actor2.start in stoppers and e.event_type == EXPLOSIONS:
                e.log.append(f"'{e.trigger.text}': '{e.actor2.text}' stopped the fire, not its target")
                e.actor2 = None
        victims_identified(doc, self.k, events)
        gunmen_named(self.k, at, events)
        if at is not None:
            put_initiator_first(doc, self.k, at, events)
        news_day = self._news_day(doc, events)
        for e in events:
            e.background = not self._told_as_news(e, news_day)
        # An incident the report places nowhere (no town, district, province or region, not even
        # by inheritance) cannot be coded to ACLED's standard of a located event; a recalled
        # incident is kept when the report also gives it its own day or place (CODING.md §1); so
        # are the acts an answer was given to, told in the plural ("ردا على هجمات استهدفت القوات
        # الأمريكية في العراق وسوريا"): with neither of their own, a series that is the answer's
        # reason, not an incident ("ردا على قيام مجهولين بإحراق جرافة" stays one).
        doc.candidates = [
            e
            for e in events
            if e.places
            and (recalled_specifically(e) or not e.background)
            and not self._kinds_of_violence(doc, e)
            and not self._captives_freed(e, events)
            and not self._demanded(doc, e)
            and not (e.answered and _a_series(e) and e.inherited_place and (not e.dates or e.inherited_date))
        ]
        if self._explainer(doc):
            # A profile, explainer or question piece ("من هو…؟", "هل كانت الضربات قانونية؟") tells
            # its news, if any, in the lead; the rest is history and analysis.
            doc.candidates = [e for e in doc.candidates if min(e.sentences) == 0]
        return doc

    @cached_property
    def _positions(self) -> frozenset[str]:
        """cues.yaml place_in_country_before, folded: "وسط" is a position, not "و" + a name."""
        return frozenset(self.k.cue_words("place_in_country_before"))

    @cached_property
    def _outskirts(self) -> frozenset[str]:
        """cues.yaml outskirts_before, folded (read once, not per report)."""
        return frozenset(self.k.cue_words("outskirts_before"))

    def _captives_freed(self, e: Candidate, events: list[Candidate]) -> bool:
        """ "أفرج الجيش الإسرائيلي عن المواطنة التي اختطفها": a release told by its word alone, by
        the side that took people in an abduction or arrest of the same report (or by no side
        named, or unnamed men), ends that event; ACLED codes the taking, not the release."""
        if e.trigger.value.sub_event_type != "Agreement" or e.trigger.attrs.get("weight", 1.0) < 1.0:
            return False
        words = fold(e.trigger.text).split()
        if not words or self.k.cues["release_words"].ends_at(words, len(words) - 1) is None:
            return False
        # (unnamed men, "المسلحين", may be the takers the report named; civilians free no one)
        entry = self.k.actors[e.actor1.value] if e.actor1 is not None else None
        named = entry is not None and entry.kind != "unidentified" and entry.kind not in UNARMED_KINDS
        releaser = entry.name if named else None
        return any(
            t.trigger.value.sub_event_type in (ABDUCTION, "Arrests")
            and (
                releaser is None or (t.actor1 is not None and self.k.actors[t.actor1.value].name == releaser)
            )
            for t in events
            if t is not e
        )

    def _demanded(self, doc: Doc, e: Candidate) -> bool:
        """ "تظاهر المئات مطالبين بإسقاط زعيمها والإفراج عن المعتقلين": an agreement's word told as
        what people ask for (cues.yaml demand_before, a few words before it) is no agreement."""
        if e.event_type != "Strategic developments" or e.trigger.value.sub_event_type != "Agreement":
            return False
        return demanded(doc, self.k, e.trigger)

    def _kinds_of_violence(self, doc: Doc, e: Candidate) -> bool:
        """ "سجلت محافظات تعز والحديدة ومأرب أعلى عدد من الضحايا، جراء القصف المدفعي والألغام
        والغارات الجوية": kinds of violence named in general — every word of the act definite, no
        day, no side named in its sentence, no place finer than a governorate — are no incident."""
        if e.dates and not e.inherited_date:
            return False
        if not told_by_definite_nouns(e.triggers):
            return False
        if any(place_specific(p) for p in e.places):
            return False
        return not any(
            self.k.actors[a.value].kind not in UNARMED_KINDS
            for s in e.sentences
            for a in doc.in_sentence(ACTOR, s)
        )

    def _explainer(self, doc: Doc) -> bool:
        title = fold(doc.title or "").strip()
        if not title:
            return False
        if "؟" in title or "?" in title:
            return True
        first = title.replace("..", " ").split()
        return any(" ".join(first[:n]) in self._explainer_openings for n in (1, 2, 3))

    @cached_property
    def _explainer_openings(self) -> frozenset[str]:
        """cues.yaml's explainer_title phrases, folded, as whole phrases (built once)."""
        return self.k.cue_phrases("explainer_title")

    @staticmethod
    def _told_as_news(e: Candidate, reference: date | None) -> bool:
        if e.background:
            return False
        return is_recent(
            reference, e.date.value.date if e.date is not None and not e.inherited_date else None
        )

    @staticmethod
    def _news_day(doc: Doc, events: list[Candidate]) -> date | None:
        """The day the report is news of: its publication day, else the latest day it gives an
        incident — a report without a date that recalls killings from 1986 to 2016 is news of
        the last one (CODING.md §1: primary events are those announced as news)."""
        if doc.published is not None:
            return doc.published
        days = [
            e.date.value.date
            for e in events
            if e.date is not None and not e.inherited_date and e.date.value.date
        ]
        return max(days) if days else None

    def _specialise_templates(self, doc: Doc) -> None:
        """ "الجيش" in a Sudanese report is the Sudanese army: point a template actor at the
        report country's own entry, so the two names count as one actor everywhere after."""
        if not doc.country:
            return
        army: list[int | None] = []  # the report's most named state army, found on first need
        foreign: list[int | None] = []  # the foreign army telling the news, likewise
        for m in doc.get(ACTOR):
            entry = self.k.actors[m.value]
            branch = self.k.branch_actor(m.value, doc.country) if entry.branches else None
            if branch is not None:
                m.value = branch
            elif entry.shared_names and entry.country != doc.country and fold(m.text) in entry.shared_folded:
                # "جهاز الأمن الوطني" in a Yemeni report: Yemen's, not Egypt's (its own entry, or
                # the template of that kind, named after the event's country).
                own = self.k.state_actor(entry.kind, doc.country)
                if own is None:
                    own = self.k.templates_by_kind.get(entry.kind)
                if own is not None:
                    m.value = own
            elif entry.template and m.sentence in doc.item_countries:
                # A round-up's item opened by its country ("وفي الصومال، أعلن الجيش …"): that
                # country's force, else the template named after the event's country.
                specific = self.k.state_actor(entry.kind, doc.item_countries[m.sentence])
                if specific is not None:
                    m.value = specific
            elif entry.template:
                specific = self.k.state_actor(entry.kind, doc.country)
                if entry.kind == "state" and not foreign:
                    foreign.append(self._telling_foreign_army(doc))
                if entry.kind == "state" and foreign[0] is not None:
                    # "أعلنت وزارة الدفاع التركية مقتل جندي في هجوم على قاعدة شمالي العراق": the
                    # soldier is of the foreign army that tells the news, the only army named.
                    specific = foreign[0]
                if specific is None and entry.kind == "state":
                    # No army of the report's country goes by the bare words (the Palestinian
                    # territories): "الجيش" is the army the report names ("الجيش الإسرائيلي").
                    if not army:
                        army.append(self._named_army(doc))
                    specific = army[0]
                if (
                    entry.kind == "state"
                    and specific is not None
                    and not self.k.actors[specific].generic_air_names
                    and m.attrs.get("aerial")  # an aircraft's name (the actor recogniser's aerial_words)
                ):
                    # "قصفت المدفعية الإسرائيلية أطراف بلدات …، فيما شن الطيران الحربي غارة": where
                    # the country's own forces strike from no air, a bare air force is the foreign
                    # army its sentence names, else the one the report names most.
                    specific = (
                        self._only_foreign_army(doc, m.sentence) or self._named_foreign_army(doc) or specific
                    )
                if specific is not None:
                    m.value = specific

    def _only_foreign_army(self, doc: Doc, sentence: int) -> int | None:
        """The one state army named as such in the sentence, when it is another state's and not
        named as hit ("قصف الطيران الحربي مواقع للقوات التركية": the air force is not Turkey's)."""
        actors = self.k.actors
        named = {
            a.value
            for a in doc.in_sentence(ACTOR, sentence)
            if not actors[a.value].template
            and actors[a.value].kind == "state"
            and a.attrs.get("role_cue") != roles.PATIENT
        }
        if len(named) != 1:
            return None
        (only,) = named
        return only if actors[only].country != doc.country else None

    def _named_foreign_army(self, doc: Doc) -> int | None:
        """The state army of another country the report names most, if any."""
        actors = self.k.actors
        return next(
            (a for a, _ in self._named_armies(doc).most_common() if actors[a].country != doc.country), None
        )

    def _named_armies(self, doc: Doc) -> Counter[int]:
        """The state armies the report names as such (not by the bare template words), counted."""
        actors = self.k.actors
        return Counter(
            m.value
            for m in doc.get(ACTOR)
            if not actors[m.value].template and actors[m.value].kind == "state"
        )

    def _named_army(self, doc: Doc) -> int | None:
        named = self._named_armies(doc)
        return named.most_common(1)[0][0] if named else None

    def _telling_foreign_army(self, doc: Doc) -> int | None:
        """The army of another state than the report's, when it is the only state army the report
        names and it (its ministry, its spokesman) tells the news."""
        actors = self.k.actors
        named = self._named_armies(doc)
        if len({actors[i].country for i in named}) != 1:
            return None
        idx = named.most_common(1)[0][0]
        if actors[idx].country == doc.country:
            return None
        tells = any(a.attrs.get("role_why") in TELLING_CUES for a in doc.get(ACTOR) if a.value in named)
        return idx if tells else None

    # --- candidates ------------------------------------------------------------------------
    def _trigger_groups(self, doc: Doc) -> dict[tuple[int, int], list[Mention]]:
        blocked_from: dict[int, int] = {}
        crowds = [m for m in doc.get(ACTOR) if m.attrs.get("kind") in CROWD_KINDS]
        crowd_ends = {m.end for m in crowds}
        for ne in doc.get(NONEVENT):
            if ne.value.kind == "statement" and (ne.start - 1 in crowd_ends or ne.start - 2 in crowd_ends):
                # "محتجين يطالبون بتوفير الخدمات": what the crowd demands, not a statement clause.
                continue
            if ne.value.kind == "record" and doc.in_sentence(DATE, ne.sentence):
                continue  # "وثق المرصد مقتل 9 عناصر … مساء أمس": the record of one incident
            # Trend and statement clauses are general: nothing from them on is an event. Other cues
            # (reinforcements, funerals, threats…) block what follows them in the sentence.
            start = doc.clauses[ne.sentence][ne.clause].start if ne.value.kind in CLAUSE_WIDE else ne.start
            blocked_from[ne.sentence] = min(blocked_from.get(ne.sentence, 1 << 30), start)
        groups: dict[tuple[int, int], list[Mention]] = {}
        told_in: dict[str, int] = {}  # family → the first sentence telling an act of it
        for t in doc.get(TRIGGER):
            if t.sentence < 0 or t.start >= blocked_from.get(t.sentence, 1 << 30):
                continue
            family = FAMILY.get(t.value.event_type)
            if told_in.get(family, t.sentence) < t.sentence and self._a_point_in_time(doc, t):
                continue  # "وحلق الطيران في أجواء المنطقة عقب الهجوم": the attack told before
            told_in.setdefault(family, t.sentence)
            if t.value.sub_event_type == "Chemical weapon" and _tear_gas_choking(doc, t):
                continue  # "إصابة العشرات بحالات اختناق" from the tear gas fired on a crowd
            if t.value.sub_event_type == "Suicide bomb" and _qualifies_a_weapon(doc, t):
                continue  # "بطائرات مسيرة انتحارية": a loitering drone, not a bomber
            groups.setdefault((t.sentence, t.clause), []).append(t)
        if len(groups) > 1:
            self._join_across_a_told_day(doc, groups)
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
        strong_sents = {s for s, _ in strong}
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

    def _a_point_in_time(self, doc: Doc, t: Mention) -> bool:
        """A definite act noun right after a word of time ("عقب الهجوم"): the act it names."""
        if not t.text.lstrip("وفب").startswith(("ال", "لل")):
            return False
        before = words_before(doc.folded.text, doc.folded_index(t.start), 0, 1)
        return bool(before) and self.k.cues["reference_before"].has_word(before[-1])

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

    def _unclaimed(self, doc: Doc, sent: int, trigger: Mention) -> bool:
        """Whether the words before `trigger` in its sentence say that no side claimed it."""
        before = doc.folded_slice(doc.sentences[sent].start, trigger.start)
        # Every phrase opens with one of a few words ("لم", "دون"): most sentences hold none of
        # them, and need not be split into words (issue 11).
        if self._unclaimed_rx.search(before) is None:
            return False
        return self.k.cues["unclaimed"].found_in(before.split())

    @staticmethod
    def _charged_after(doc: Doc, sent: int, pos: int) -> int | None:
        """The start of the first charge cue of the sentence after `pos` ("متورطين في", "بتهمة":
        what follows is what the people were charged with), or None."""
        return min(
            (
                ne.start
                for ne in doc.get(NONEVENT)
                if ne.sentence == sent and ne.start >= pos and ne.value.kind == "charge"
            ),
            default=None,
        )

    def _during(self, doc: Doc, t: Mention) -> bool:
        """Whether a word of "during" (cues.yaml during_before) stands right before `t`."""
        before = words_before(doc.folded.text, doc.folded_index(t.start), 0, 1)
        return bool(before) and self.k.cues["during_before"].has_word(before[-1])

    @cached_property
    def _confrontation(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("confrontation_words"))

    @cached_property
    def _unclaimed_rx(self) -> re.Pattern[str]:
        return first_words_rx(self.k.cues["unclaimed"])

    def _candidate(
        self,
        sides: roles.RoleAssigner,
        sent: int,
        clause: int,
        trigs: list[Mention],
        launch: Launch | None = None,
        cut: int | None = None,
        *,
        retort: bool = False,
    ) -> Candidate:
        # Earliest trigger leads the clause (Arabic news is verb-first); a more specific type
        # (explosion, attack) later in the same clause refines it.
        trigs = _lead_sorted(trigs) if len(trigs) > 1 else trigs[:]
        if (
            len(trigs) > 1
            and trigs[0].value.event_type == BATTLES
            and fold(trigs[0].text) in self._confrontation
        ):
            # "خلال مواجهات اندلعت على حدود القطاع ضمن مسيرات العودة": the confrontation of a
            # demonstration named in its clause is the demonstration's (it leads).
            march = _march(trigs)
            if march is not None:
                trigs = _led_by(march, trigs)
        met = False
        if len(trigs) > 1 and trigs[0].value.sub_event_type == "Arrests":
            # "اعتقلت قوات الأمن 12 ناشطا خلال وقفة احتجاجية": arrests made during a demonstration
            # its clause names are the demonstration's intervention (ACLED: a protest met with it).
            march = _march(trigs)
            if march is not None and self._during(sides.doc, march):
                trigs, met = _led_by(march, trigs), True
        c = Candidate(sent, clause, trigs, sentences={sent})
        c.intervention = met
        c.answered = (sent, clause) in sides.answered
        c.retort = retort
        at = sides.at
        r = sides.assign(sent, clause, trigs)
        a1 = c.actor1 = r.actor1
        c.actor2, c.assoc1, c.assoc2 = r.actor2, r.assoc1, r.assoc2
        if met and a1 is not None and c.actor2 is not None and c.actor2.attrs.get("kind") in UNARMED_KINDS:
            # (those arrested are of the crowd; the force that arrested them is its other side)
            c.actor2 = None
        if len(trigs) < len(at.clause(TRIGGER, sent, clause)):
            # A clause split in two (fighting and air strikes): a name made of the other part's
            # words ("قصف جوي روسي") is that part's author, not this one's.
            a1 = c.actor1 = self._not_of_others(at, c, a1)
            c.actor2 = self._not_of_others(at, c, c.actor2)
        if a1 is not None and a1.sentence == sent and self._unclaimed(sides.doc, sent, trigs[0]):
            # "ولم تعلن أي جهة مسؤوليتها عن الهجوم، إلا أن خلايا التنظيم تنشط في المنطقة": the
            # group named beside the words that no one claimed the act is context, not its author.
            a1 = c.actor1 = None
            c.assoc1 = []
            c.log.append(f"'{trigs[0].text}': told as claimed by no side; its sentence names no author")
        c.inferred_actor1 = a1 is not None and any(t.start == a1.start and t.end == a1.end for t in trigs)
        if (
            len(trigs) > 1
            and trigs[0].value.sub_event_type == "Arrests"
            and a1 is not None
            and a1.attrs.get("kind") not in _NOT_ABDUCTORS
        ):
            # "أوقف المسلحون السيارة واقتادوا ركابها إلى جهة مجهولة": armed men who seize people
            # abduct them (ACLED's arrests are made by states); the abduction word leads.
            taken = next((t for t in trigs if t.value.sub_event_type == ABDUCTION), None)
            if taken is not None:
                c.triggers = [taken, *(t for t in trigs if t is not taken)]
        if (
            a1 is not None
            and a1.attrs.get("aerial")
            and trigs[0].value.event_type == STRATEGIC
            and any(t.value.sub_event_type == DESTRUCTION for t in trigs)
        ):
            # "دمرت مقاتلات التحالف منصة لإطلاق الصواريخ": what aircraft destroy, they strike
            # (ACLED: an air strike, not a seizure or a looting).
            c.retype = (EXPLOSIONS, AIR)
            c.log.append(f"'{trigs[0].text}': destroyed by aircraft ('{a1.text}'), an air strike")
        c.places = self._places_for(
            at, sent, clause, trigs[0].value.sub_event_type, self.k.actors[a1.value].name if a1 else None
        )
        if not c.places and FAMILY.get(c.event_type) == "demonstration":
            # "تظاهر مئات من أبناء محافظة السويداء في ساحة الكرامة وسط المدينة": with no other
            # place, the demonstrators' hometown is where they demonstrate.
            home = next((m for m in at.sentence(PLACE, sent) if m.value.hometown and m.value.choice), None)
            if home is not None:
                c.places = [home]
        if c.places and c.places[-1].clause != clause:
            c.places = self._not_borrowed(at, c, clause)
        # Copies: a candidate's lists grow as tellings are merged into it (the index's are shared).
        c.dates = list(at.clause(DATE, sent, clause) or at.sentence(DATE, sent))
        if (
            c.dates
            and trigs[0].value.sub_event_type == "Arrests"
            and (cut_at := self._charged_after(sides.doc, sent, trigs[0].end)) is not None
        ):
            # "القبض على 8 أشخاص متورطين في تفجير استهدف دورية الشهر الماضي": a day told after a
            # cue that blocks what follows (the charge) is the charged act's, not the arrest's.
            c.dates = [d for d in c.dates if d.start < cut_at] or [
                d for d in at.sentence(DATE, sent) if d.start < cut_at
            ]
        # The clause's own weapons when it names one ("فيما قصفت قوات النظام بالمدفعية": not the
        # air strikes of the clause before), else the sentence's.
        c.weapons = list(at.clause(WEAPON, sent, clause) or at.sentence(WEAPON, sent))
        ans = sides.answered
        if ans and any(s == sent for s, _ in ans):
            # An act and the act it answered, told in one sentence, share no place, day or weapon.
            def own(m: Mention) -> bool:
                return ((sent, m.clause) in ans) == c.answered

            c.places = [m for m in c.places if m.sentence != sent or own(m)]
            c.dates = [m for m in c.dates if own(m)]
            c.weapons = [m for m in c.weapons if own(m)]
        if cut is not None:
            # Air strikes told before a launch in their clause: the launch's target is not theirs.
            c.places = [p for p in c.places if p.sentence != sent or p.clause != clause or p.start < cut]
        if launch is not None:
            self._launched(c, launch)
        cues = at.sentence(CUE, sent)
        c.background = bool(cues) and any(m.value == "background" for m in cues)
        return c

    @staticmethod
    def _not_of_others(at: ClauseIndex, c: Candidate, m: Mention | None) -> Mention | None:
        """`m`, unless it overlaps a trigger of its clause that the candidate does not hold."""
        if m is None:
            return None
        own = {id(t) for t in c.triggers}
        for t in at.clause(TRIGGER, c.sentence, c.clause):
            if id(t) not in own and t.start < m.end and m.start < t.end:
                return None
        return m

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

    def _launched(self, c: Candidate, launch: Launch) -> None:
        """Fire from one place at another (events/launch.py): struck in the target's country,
        fired by no force of another country than the origin's."""
        c.origin = launch.origin
        c.target_country = launch.target_country
        if launch.target_country is not None:
            c.places = [p for p in c.places if p.value.choice.country_code == launch.target_country]
        if not c.places:
            # Aimed at a country, no place of it named: the region facing the origin, if any.
            land = landing(self.k, launch)
            c.places = [land] if land is not None else []
        drop_foreign_firer(c)
        if launch.lead.value.sub_event_type != AIR:  # (a drone's launch keeps its drone)
            c.weapons = [w for w in c.weapons if w.value.sub_event_type != AIR]

    def _fill_second_side(
        self,
        doc: Doc,
        c: Candidate,
        at: ClauseIndex | None = None,
        answered: frozenset[tuple[int, int]] = frozenset(),
    ) -> None:
        """A side the event's own clauses leave open, from its sentences and their neighbours."""
        if c.actor2 is not None or c.target_country is not None or c.origin is not None:
            return  # a launch's target is named in its own clause or not at all
        if c.answered and at is not None:
            c.actor2 = answering_side(at, answered, c)
            return
        if (
            c.event_type == "Protests"
            and not c.intervention
            and c.trigger.value.sub_event_type == "Peaceful protest"
        ):
            return
        c.actor2 = roles.second_side(
            doc,
            self.k,
            event_type=c.event_type,
            actor1=c.actor1,
            sentences=c.sentences,
            at=at,
            partners=c.assoc1,
            clauses={(t.sentence, t.clause) for t in c.triggers},
        )

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
        def rank(m: Mention) -> tuple[int, bool, bool, bool]:
            tier, unspecific, paired = _place_rank(m)
            return held.get(id(m), tier), self.merger.broad(m), unspecific, paired

        usable.sort(key=rank)
        others = [m for m in usable if m.clause != clause]
        if len(others) > 1:
            # Of equal rank, the place named nearest before the clause ("ففي تعز، قتل خمسة … في جبهة
            # الكدحة، فيما قتل 12 حوثيا في المواجهات": the front, not the item's city), then after it.
            others.sort(key=lambda m: (rank(m), m.clause > clause, abs(clause - m.clause)))
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

    def _attach_casualties(self, doc: Doc, cands: list[Candidate]) -> None:
        blocked = {ne.sentence for ne in doc.get(NONEVENT)}
        by_sent: dict[int, list[Candidate]] = {}
        last: dict[int, int] = {}  # sentence → position in `cands` of its last candidate
        for i, c in enumerate(cands):
            by_sent.setdefault(c.sentence, []).append(c)
            last[c.sentence] = i
        for cm in doc.get(CASUALTY):
            owners = by_sent.get(cm.sentence)
            if owners:
                # The candidate told nearest before it in the sentence (by any of its words:
                # "بمقتل 20 في غارات … واشتباكات" — the killing word went with the air strikes),
                # else the one told first after it.
                # A candidate told in the toll's own clause first ("…، فيما قضى ثمانية آخرون في
                # انفجار لغم": the mine's, not the sniper's fire told before it).
                mine = [c for c in owners if any(t.clause == cm.clause for t in c.triggers)]
                if mine and len(mine) < len(owners):
                    owners = mine
                owner, best = None, -1
                for c in owners:
                    for t in c.triggers:
                        if best < t.start <= cm.start:
                            owner, best = c, t.start
                if owner is None:
                    owner = min(owners, key=lambda c: min(t.start for t in c.triggers))
                if FAMILY.get(owner.event_type) == "demonstration" and self._a_cause(doc, cm):
                    continue  # "مسيرة … للمطالبة ببديل اقتصادي بعد مقتل شقيقين في بئر فحم": its cause
                owner.casualties.append(cm)
            elif cm.sentence not in blocked:
                # A toll told in its own sentence belongs to the incident just told: the last
                # candidate of the two sentences before (looked up, not a scan of all: issue 11).
                prev = [last[s] for s in (cm.sentence - 2, cm.sentence - 1) if s in last]
                if prev:
                    cands[max(prev)].casualties.append(cm)

    def _a_cause(self, doc: Doc, cm: Mention) -> bool:
        """Whether a word of cause (cues.yaml protest_cause_before) stands right before the toll,
        whose dead are no demonstrators: the deaths a demonstration answers, not deaths at it
        ("بعد مقتل متظاهر برصاص قوات الأمن" is force met at an earlier demonstration)."""
        if any(
            a.attrs.get("kind") in CROWD_KINDS and cm.start <= a.start < cm.end
            for a in doc.in_sentence(ACTOR, cm.sentence)
        ):
            return False
        fs = doc.folded.folded_index(cm.start)
        words = words_before(doc.folded.text, fs, max(0, fs - CUE_REACH), 3)
        return first_cue(words, {"cause": self.k.cues["protest_cause_before"]}, max_distance=1) is not None

    # --- dates -----------------------------------------------------------------------------
    def _report_date(self, doc: Doc) -> tuple[Mention | None, str | None]:
        """The date a report's undated clauses inherit: the one nearest after a trigger. Only a
        day counts: "الأسبوع الماضي" or "الشهر الماضي" dates its own clause, not the report's
        other incidents (those take the publication day, CODING.md §5)."""
        dates = news_dates(
            doc,
            [
                d
                for d in doc.get(DATE)
                if (d.value.date is not None or d.value.kind != "absolute") and d.value.precision == 1
            ],
        )
        if not dates:
            return None, None
        anchors: dict[int, list[Mention]] = {}
        for a in sorted(doc.get(TRIGGER) + doc.get(NONEVENT), key=_START):
            anchors.setdefault(a.sentence, []).append(a)

        def score(d: Mention) -> tuple[int, int]:
            prev = [a for a in anchors.get(d.sentence, ()) if a.end <= d.start]
            if prev and prev[-1].label == TRIGGER:
                return (0, d.start - prev[-1].end)
            return (1, d.start)

        best = min(dates, key=score)
        prev = [a for a in anchors.get(best.sentence, ()) if a.end <= best.start]
        told = prev[-1] if prev and prev[-1].label == TRIGGER else None
        return best, (FAMILY.get(told.value.event_type) if told is not None else None)

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
            if place_specific(e.place):
                continue
            if e.place is None:
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
                anchor = specific[0]
            ref = e.place.value if e.place is not None else None
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


def _nearest_told(events: list[Candidate], e: Candidate) -> Candidate | None:
    """The event of `events` first told nearest to `e`'s first sentence, if within INHERIT_REACH
    sentences of it."""
    first = min(e.sentences)
    near = min(events, key=lambda p: abs(min(p.sentences) - first))
    return near if abs(min(near.sentences) - first) <= INHERIT_REACH else None


def _march(trigs: list[Mention]) -> Mention | None:
    """A demonstration's own word among a clause's triggers (not the force used on a crowd:
    "قنابل الغاز" is of another sub-type)."""
    return next((t for t in trigs if t.value.sub_event_type == "Peaceful protest"), None)


def _led_by(lead: Mention, trigs: list[Mention]) -> list[Mention]:
    return [lead, *(t for t in trigs if t is not lead)]


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


def _tear_gas_choking(doc: Doc, t: Mention) -> bool:
    """A weak chemical cue ("حالات اختناق") in a sentence that names tear gas and no chemical
    agent: the choking is the tear gas's."""
    if t.attrs.get("weight", 1.0) >= 1.0:
        return False
    names = {w.value.name for w in doc.in_sentence(WEAPON, t.sentence)}
    return "tear gas" in names and "chemical agent" not in names


def _a_series(e: Candidate) -> bool:
    """Whether the lead word tells the act in the plural ("هجمات", "اعتداءات", "ضربات")."""
    words = fold(e.trigger.text).split()
    return bool(words) and words[0].endswith("ات") and len(words[0]) > 4


def _only_a_death(e: Candidate) -> bool:
    """A death told by toll words alone: weak cues only, no one named acting, no weapon."""
    return (
        e.actor1 is None
        and not e.weapons
        and all(t.attrs.get("weight", 1.0) < MIN_WEIGHT for t in e.triggers)
    )


def _without_accidents(events: list[Candidate], accidents: set[int]) -> list[Candidate]:
    """The events less the explosions the report gives an accidental cause ("الانفجار وقع …
    لارتفاع درجة الحرارة": ACLED codes no accidents), and less that explosion retold elsewhere
    in the report (TV heard it, firemen put it out): an explosion on the same day that nobody is
    named as setting off. A death told by toll words alone ("لقوا حتفهم", "مصرع") beside an
    accidental cause ("إثر غرق قارب", "في حادث سير") is that accident's too (_only_a_death)."""
    accidental = {
        id(e): e
        for e in events
        if e.sentences & accidents and (e.event_type == EXPLOSIONS or _only_a_death(e))
    }
    if not accidental:
        return events
    days = {d.value.date for e in accidental.values() for d in e.dates} or {None}

    def retold(e: Candidate) -> bool:
        own = {d.value.date for d in e.dates} or {None}
        return e.event_type == EXPLOSIONS and e.actor1 is None and (bool(own & days) or None in own)

    return [e for e in events if id(e) not in accidental and not retold(e)]
