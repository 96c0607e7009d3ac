"""Which assembled events a report keeps (CODING.md §1): no accidents, no release that ends an
abduction, no agreement demanded, no kinds of violence named in general, no incident recalled
without a day or place of its own, and in an explainer only the lead's; news or background."""

from __future__ import annotations

from datetime import date
from functools import cached_property

from marsad.doc import ACTOR, Doc
from marsad.events.assemble_candidate import ABDUCTION
from marsad.events.background import is_recent, latest_day
from marsad.events.candidate import Candidate
from marsad.events.incidents import EXPLOSIONS, UNARMED_KINDS, place_specific, told_by_definite_nouns
from marsad.events.roles_base import MIN_WEIGHT
from marsad.events.wording import demanded
from marsad.knowledge.resources import Knowledge
from marsad.text.normalize import fold


class EventsKept:
    """The assembler's part (events/assemble.py) that tells which events a report keeps."""

    k: Knowledge

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
        openings = self._explainer_openings
        for n in (1, 2, 3):  # noqa: SIM110 (a loop, not any() over a generator: once per report)
            if " ".join(first[:n]) in openings:
                return True
        return False

    @cached_property
    def _explainer_openings(self) -> frozenset[str]:
        """cues.yaml's explainer_title phrases, folded, as whole phrases (built once)."""
        return self.k.cue_phrases("explainer_title")

    @staticmethod
    def _told_as_news(e: Candidate, reference: date | None) -> bool:
        if e.background:
            return False
        return is_recent(
            reference,
            latest_day(e.date, e.triggers) if e.date is not None and not e.inherited_date else None,
        )

    @staticmethod
    def _going_on_since(e: Candidate) -> bool:
        """ "وتشن أنقرة منذ 20 يناير هجوما على عفرين": a campaign going on since a day, with no
        toll of its own, is the context of the news, not an incident of that day."""
        return (
            e.date is not None
            and not e.inherited_date
            and bool(e.date.attrs.get("since"))
            and not e.casualties
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


def a_series(e: Candidate) -> bool:
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


def without_accidents(events: list[Candidate], accidents: set[int]) -> list[Candidate]:
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
