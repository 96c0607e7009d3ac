"""What the coder (events/coding.py) knows and finds of an event's sides: the knowledge and the
fatality filter it reads, the template actors, the kinds of actor, and the sides the event's
sentences name (a security force, a post attacked, the group among the victims, a crowd)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from marsad.doc import ACTOR, TRIGGER, Doc, Mention
from marsad.events.candidate import Candidate
from marsad.events.fatalities import FatalityFilter
from marsad.events.incidents import EXPLOSIONS
from marsad.events.wording import NAMED_GROUPS, word_just_before
from marsad.knowledge.lexicon import ActorEntry
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import peel
from marsad.text.normalize import fold

UNARMED = {"civilians", "protesters"}
STATE_KINDS = {"state", "police", "external"}
ARMED_KINDS = {"state", "police", "rebel", "militia", "identity", "external", "unidentified"}
AMONG_REACH, AMONG_WORDS = 40, 4  # where "بينهم" stands before a name ("بينهم قيادي بارز في")
TOLL_REACH = 80  # how far after an event's own toll the victims it names ("، بينهم …") may stand


class SideFinder:
    """The base of the coder's parts (events/coding_type.py, coding_actors.py, coding_place_date.py,
    coding_fatalities.py), which EventCoder joins."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        self.fatality_filter = FatalityFilter(knowledge)

    # --- actors ----------------------------------------------------------------------------
    @staticmethod
    def _group_as_arrester(c: Candidate, a1: ActorEntry | None) -> bool:
        """Whether an arrest's actor1 is an armed group that cannot be making it (ACLED's arrests
        are made by states): any named or unidentified group, except a de facto authority named
        as the subject ("اعتقلت جماعة الحوثي صحفيين") or before the act ("أعلنت قسد اعتقال 23
        شخصا"); named after it ("اعتقال عناصر من الحوثيين") even an authority is the side arrested."""
        if a1 is None or a1.kind not in NAMED_GROUPS | {"unidentified"}:
            return False
        m = c.actor1
        return not (
            a1.de_facto_authority
            and m is not None
            and (m.attrs.get("role_cue") == "agent_before" or m.start < c.trigger.start)
        )

    def _entry(self, m: Mention | None) -> ActorEntry | None:
        return self.k.actors[m.value] if m is not None else None

    @cached_property
    def _templates(self) -> dict[str, ActorEntry]:
        """The template actor of each kind (the unidentified armed group, the protesters, the
        rioters of a country), as entries."""
        return {kind: self.k.actors[i] for kind, i in self.k.templates_by_kind.items()}

    def _gang_held(self, c: Candidate, entry: ActorEntry | None) -> bool:
        """Whether the armed group arrested is named as a gang ("اعتقلت قوة أمنية عصابة مختصة
        بخطف الأطفال": cues.yaml gang_words): crime, not political violence."""
        gang = self.k.cues["gang_words"]
        return any(
            m is not None and self._entry(m) is entry and gang.has_word(fold(m.text).split()[0])
            for m in (c.actor1, c.actor2)
        )

    @cached_property
    def _crowd_nouns(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("crowd_nouns"))

    def _crowd_faces_force(
        self, doc: Doc, c: Candidate, a1: ActorEntry | None, a2: ActorEntry | None
    ) -> bool:
        """Whether a fight's sides are a crowd of unarmed people (cues.yaml crowd_nouns), not
        told as its dead or wounded, and a state force, or the crowd alone: no armed group is
        named in the fight's sentence ("قتل ثلاثة شبان في اشتباكات بين الجيش ومسلحي داعش")."""
        sides = [x for x in (a1, a2) if x is not None]
        if any(x.kind in ARMED_KINDS and x.kind not in STATE_KINDS for x in sides):
            return False
        people = [m for m in (c.actor1, c.actor2) if m is not None and self._entry(m).kind == "civilians"]
        confronted = any(
            self.k.cues["confrontation_words"].has_word(fold(t.text).split()[0]) for t in c.triggers
        )
        crowd = next(
            (
                m
                for m in people
                if any(f in self._crowd_nouns for w in fold(m.text).split()[:1] for f in peel(w))
            ),
            None,
        )
        one = crowd is None
        wounded_only = bool(c.casualties) and all(k.value.kind == "injured" for k in c.casualties)
        if one:
            # "أصيب شاب برصاص قوات الاحتلال خلال مواجهات": one of them, wounded in confrontations;
            # "أصيب أكثر من 300 فلسطيني خلال مواجهات مع قوات الاحتلال": people wounded, named by no
            # actor, in confrontations with a state's force alone
            if not confronted:
                return False
            if not people:
                return wounded_only and self._no_armed_group(doc, c)
            crowd = people[0]
        told_hit = [
            k
            for k in c.casualties
            if k.value.victim is not None and k.value.victim[0] <= crowd.start < k.value.victim[1]
        ]
        if one and not told_hit and not wounded_only:
            return False  # (wounded named apart from the people told: "أصيب 300 فلسطيني … على المصلين")
        if told_hit and not (
            # "أصيب ثلاثة شبان خلال مواجهات مع قوات الاحتلال": wounded, not killed, in
            # confrontations (cues.yaml confrontation_words) rather than a firefight, the crowd
            # was one side of them.
            all(k.value.kind == "injured" for k in told_hit) and confronted
        ):
            return False
        return self._no_armed_group(doc, c)

    def _no_armed_group(self, doc: Doc, c: Candidate) -> bool:
        """No armed group but a state's is named in the fight's sentence."""
        armed = ARMED_KINDS - STATE_KINDS
        return not any(
            self.k.actors[m.value].kind in armed for m in doc.in_sentence(ACTOR, c.trigger.sentence)
        )

    @cached_property
    def _people_words(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("generic_people"))

    def _generic_people(self, m: Mention) -> bool:
        """Whether the mention is a bare "people" noun (أشخاص، شخصا), which names no side."""
        words = fold(m.text).split()
        return len(words) == 1 and any(f in self._people_words for f in peel(words[0]))

    def _among_the_victims(self, doc: Doc, c: Candidate) -> ActorEntry | None:
        """The armed side a victim named after "بينهم"/"منهم" belongs to, in the event's sentences."""
        among = self._among_words
        # (One of the event's own dead: not one of another act's told in its sentence, "… في
        # طنطا، فيما قتل 17 شخصا بينهم 3 من رجال الشرطة في الإسكندرية".)
        tolls = [(k.start, k.end + TOLL_REACH) for k in c.casualties]
        return self._first_actor(
            doc,
            c,
            lambda m, e: (
                e.kind in ARMED_KINDS
                and not e.template
                and any(lo <= m.start <= hi for lo, hi in tolls)
                and word_just_before(doc, m, among, AMONG_REACH, AMONG_WORDS)
            ),
        )

    @cached_property
    def _among_words(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("among_victims"))

    def _post_attacked(self, doc: Doc, c: Candidate) -> ActorEntry | None:
        """The state or police force the event's sentences name as the target: a post or column
        ("نقطة تفتيش", "بوابة أمنية", target-only names) or a force in the target's position."""
        own = {id(t) for t in c.triggers}
        return self._first_actor(
            doc,
            c,
            lambda m, e: (
                # (not a post the words after it give to another side: "مقرا أمنيا لفصائل المعارضة")
                (
                    (bool(m.attrs.get("target_only")) and m.attrs.get("role_cue") != "ignore_before")
                    or (e.kind in ("state", "police") and m.attrs.get("role_cue") == "patient_before")
                )
                # (nor a force hit in another act told in its sentence: "… في طنطا، فيما قتل 17
                # شخصا بينهم 3 من رجال الشرطة في تفجير انتحاري بالإسكندرية")
                and all(id(t) in own for t in doc.in_clause(TRIGGER, m.sentence, m.clause))
            ),
        )

    def _homes_hit(self, doc: Doc, c: Candidate, cues: str = "residential") -> bool:
        """Whether the event's sentences name homes or a residential quarter after its shelling
        or air-strike word, before the next other event's word (cues `residential`, or `cues`)."""
        homes = self.k.cues[cues]
        own = {id(t) for t in c.triggers}
        for t in c.triggers:
            if t.value.event_type != EXPLOSIONS:
                continue
            end = min(
                (
                    o.start
                    for o in doc.in_sentence(TRIGGER, t.sentence)
                    if o.start > t.end and id(o) not in own
                ),
                default=doc.sentences[t.sentence].end,
            )
            words = doc.folded_slice(t.end, end).split()
            if homes.found_in(words):
                return True
        return False

    def _security_force(self, doc: Doc, c: Candidate) -> ActorEntry | None:
        """The first state or police force named in the event's sentences."""
        return self._first_actor(doc, c, lambda m, e: e.kind in ("state", "police"))

    def _first_actor(
        self, doc: Doc, c: Candidate, fits: Callable[[Mention, ActorEntry], bool]
    ) -> ActorEntry | None:
        """The entry of the first actor mention of the event's sentences that `fits`."""
        for sent in sorted(c.sentences):
            for m in doc.in_sentence(ACTOR, sent):
                entry = self.k.actors[m.value]
                if fits(m, entry):
                    return entry
        return None


def state_side(a1: ActorEntry | None, a2: ActorEntry | None) -> ActorEntry | None:
    """The side that is a state's (or a foreign state's) force, actor1 first."""
    return next((x for x in (a1, a2) if x is not None and x.kind in STATE_KINDS), None)


def armed_non_state(entry: ActorEntry | None) -> bool:
    """An armed group's members ("اعتقال عناصر من داعش"): their arrest is coded whatever their
    number, as ACLED codes arrests of militants (CODING.md §2, Arrests)."""
    return entry is not None and entry.kind in ARMED_KINDS - {"state", "police", "external"}
