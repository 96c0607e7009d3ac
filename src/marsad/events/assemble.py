"""Event assembly (CODING.md §1): clause-level candidates from triggers, their arguments, and the
split/merge rules that turn them into one event per (type, actor pair, place, day).
"""

from __future__ import annotations

from functools import cached_property

from marsad.doc import NONEVENT, Doc, Mention
from marsad.events import roles
from marsad.events.answered import answered_clauses, answering_side, clause_heads
from marsad.events.assemble_candidate import CandidateBuilding
from marsad.events.assemble_casualties_date import CasualtiesAndDate
from marsad.events.assemble_groups import TriggerGrouping
from marsad.events.assemble_kept import EventsKept, a_series, without_accidents
from marsad.events.assemble_templates import TemplateActors
from marsad.events.both_sides import sides_of_the_parties
from marsad.events.candidate import Candidate
from marsad.events.clause_index import ClauseIndex
from marsad.events.demonstrations import force_on_demonstrations, riots_in_context
from marsad.events.identified import gunmen_named, perpetrators_identified, victims_identified
from marsad.events.incidents import (
    EXPLOSIONS,
    FAMILY,
    join_coinciding,
    recalled_specifically,
    told_by_definite_nouns,
)
from marsad.events.initiative import put_initiator_first
from marsad.events.interceptions import (
    DISRUPTED,
    interceptions_where_fired,
    seizures_in_an_operation,
    without_the_intercepted_retold,
    without_the_stopped_weapons_aim,
)
from marsad.events.launch import split_launch
from marsad.events.merging import Merger
from marsad.events.similar_acts import authors_of_similar_acts, claims_of_several
from marsad.events.splitting import (
    split_by_listed_places,
    split_by_means,
    split_by_repeated_acts,
    split_demonstration_from_its_cause,
    split_fighting_from_air,
    split_killing_from_arrests,
)
from marsad.knowledge.resources import Knowledge


class EventAssembler(TemplateActors, TriggerGrouping, CandidateBuilding, CasualtiesAndDate, EventsKept):
    """Assembles a report's events, step by step: template actors made specific
    (events/assemble_templates.py), the clauses that tell events (events/assemble_groups.py), a
    candidate for each (events/assemble_candidate.py, its places events/assemble_places.py), the
    tolls and the report date (events/assemble_casualties_date.py), the merges and splits, and
    the events the report keeps (events/assemble_kept.py)."""

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
                doc, cues["retort_opening"], back, told, heads=heads, answer_after_lead=True
            ) | answered_clauses(
                doc, opening, back, told, pointing_back=True, heads=heads, answer_after_lead=True
            )
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
            events = without_accidents(events, accidents)
        riots_in_context(events)
        events = force_on_demonstrations(events)
        events = [t for e in events for t in split_by_listed_places(doc, e, self._outskirts, self._positions)]
        events = [t for e in events for t in split_by_repeated_acts(doc, e)]
        interceptions_where_fired(events)
        events = without_the_intercepted_retold(doc, events)
        events = seizures_in_an_operation(
            doc,
            self.k.cues["seizure_words"],
            self.k.cues["outcome_openers"],
            self.k.cues["added_toll_after"],
            events,
        )
        events = without_the_stopped_weapons_aim(doc, self.k.cues["tried_before"], events)
        self._inherit_places(doc, events)
        events = join_coinciding(events)
        sides_of_the_parties(doc, self.k, events)
        authors_of_similar_acts(doc, self.k.cues["similar_after"], events)
        claims_of_several(self.k.cues["claimed_several"], events)
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
        perpetrators_identified(doc, self.k, events)
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
            and not self._going_on_since(e)
            # ("ردا على الهجوم الكيميائي المزعوم في دوما": an act answered, named as one known, with
            # no day of its own, is the answer's reason too, not an incident of the report's day)
            and not (
                e.answered
                and (not e.dates or e.inherited_date)
                and ((a_series(e) and e.inherited_place) or told_by_definite_nouns(e.triggers))
            )
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
