"""One event candidate from one clause's triggers (CODING.md §1): the lead trigger, the sides
(events/roles.py), the places (events/assemble_places.py), days and weapons the clause and its
sentence tell, and a launch's origin and target (events/launch.py)."""

from __future__ import annotations

from functools import cached_property

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.doc import ACTOR, CASUALTY, CUE, DATE, NONEVENT, PLACE, TRIGGER, WEAPON, Doc, Mention
from marsad.events import roles
from marsad.events.assemble_groups import DESTRUCTION
from marsad.events.assemble_places import CandidatePlaces
from marsad.events.candidate import clause_candidate
from marsad.events.clause_index import ClauseIndex
from marsad.events.incidents import AIR, BATTLES, EXPLOSIONS, FAMILY, TERRITORY, UNARMED_KINDS
from marsad.events.launch import Launch, drop_foreign_firer, landing
from marsad.events.merging import CROWDS
from marsad.recognize.cues import CueList, words_before
from marsad.text.normalize import fold

# Compiled, the candidate's fields declared (candidate.pxd): a typed candidate's are set and read
# in C.
if cython.compiled:
    from cython.cimports.marsad.events.candidate import Candidate
else:
    from marsad.events.candidate import Candidate


def _lead_first(t: Mention) -> tuple[float, int]:
    return (-t.attrs.get("weight", 1.0), t.start)


def _lead_sorted(trigs: list[Mention], foiling: tuple[str, ...]) -> list[Mention]:
    """The clause's triggers, lead first. A capture told in two words split by its subject
    ("استعادت القوات الحكومية السيطرة على …") is as plain as the whole phrase: each word alone is
    weak (a body or a weapon "recovered"), the two together are a capture, which leads over the
    fighting that won it ("… بعد معارك عنيفة")."""
    captures = 0  # (a loop: sum() over a generator costs more for two or three words)
    for t in trigs:
        if t.value.sub_event_type in TERRITORY:
            captures += 1
    if captures < 2:
        trigs = sorted(trigs, key=_lead_first)
        if trigs[0].value.sub_event_type == "Disrupted weapons use" and _foiling_only(trigs, foiling):
            # "أعلنت المخابرات إحباط مخطط إرهابي واعتقال خلية": a plot foiled by the arrest of its
            # men, no weapon seized, is the arrest (ACLED codes no disrupted weapons use there).
            arrest = next((t for t in trigs if t.value.sub_event_type == "Arrests"), None)
            if arrest is not None:
                trigs.remove(arrest)
                trigs.insert(0, arrest)
        if trigs[0].value.sub_event_type == DESTRUCTION:
            # "ما أسفر عن مقتل 17 مسلحا وتدمير ثلاث عربات": the killing told with the destruction
            # is the act, what was destroyed its toll on things (ACLED codes no looting there).
            death = next((t for t in trigs if t.attrs.get("weight", 1.0) <= roles.DEATH_WEIGHT), None)
            if death is not None:
                trigs.remove(death)
                trigs.insert(0, death)
        return trigs
    return sorted(
        trigs, key=lambda t: (-1.0, t.start) if t.value.sub_event_type in TERRITORY else _lead_first(t)
    )


def _foiling_only(trigs: list[Mention], foiling: tuple[str, ...]) -> bool:
    """Every disrupted-weapons word of the clause tells a plot foiled ("إحباط مخطط"; `foiling`:
    cues.yaml foil_words, folded), none a seizure."""
    for t in trigs:
        if t.value.sub_event_type == "Disrupted weapons use" and not fold(t.text).lstrip("وف").startswith(
            foiling
        ):
            return False
    return True


# Compiled, str methods called in C and C offsets (a look-up per candidate, over its sentence).
@cython.locals(text=str, part=str, n=cython.Py_ssize_t, i=cython.Py_ssize_t, j=cython.Py_ssize_t)
def _ends_a_word(text: str, part: str) -> bool:
    """Whether `part` ends a word of `text` (one of text.split()) somewhere."""
    n = len(part)
    i = text.find(part)
    while i >= 0:
        j = i + n
        if j == len(text) or text[j].isspace():
            return True
        i = text.find(part, i + 1)
    return False


ABDUCTION = "Abduction/forced disappearance"
STRATEGIC = "Strategic developments"
_NOT_ABDUCTORS = {*CROWDS, *roles.STATE_KINDS}


class CandidateBuilding(CandidatePlaces):
    """The assembler's part (events/assemble.py) that builds one candidate of a clause."""

    def _unclaimed(self, doc: Doc, sent: int, trigger: Mention) -> bool:
        """Whether the words before `trigger` in its sentence say that no side claimed it."""
        before = doc.folded.folded_slice(doc.sentences[sent].start, trigger.start)
        # Every phrase opens with one of a few words ("لم", "دون"): most sentences hold none of
        # them, and need not be split into words (issue 11). (A substring test per word: a
        # regular expression of their alternation tries every position.) A phrase's first word
        # is the end of a word of the text once its clitics are peeled ("ولم"), not just a part
        # of one ("العالم"), unless the phrase is one word open at its end.
        for first, whole in self._unclaimed_firsts:
            if _ends_a_word(before, first) if whole else first in before:
                return self._unclaimed_cues.found_in(before.split())
        return False

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
    def _foil_words(self) -> tuple[str, ...]:
        return self.k.cue_words("foil_words")

    @cached_property
    def _confrontation(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("confrontation_words"))

    @cached_property
    def _unclaimed_cues(self) -> CueList:
        return self.k.cues["unclaimed"]

    @cached_property
    def _unclaimed_firsts(self) -> tuple[tuple[str, bool], ...]:
        """The first word of every unclaimed phrase, clitics and all (as first_words_rx reads
        them): no phrase is found in a text that holds none of them; and whether that word ends
        a word of the text wherever the phrase is found (all but a one-word phrase open at its
        end, "word*": peeling clitics leaves the end of a word)."""
        cues = self._unclaimed_cues
        firsts = {(c.words[0], True) for lst in cues.by_last.values() for c in lst}
        firsts |= {(c.words[0], len(c.words) > 1) for c in cues.prefixed}
        return tuple(sorted(firsts))

    @cython.locals(c=Candidate)
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
        trigs = _lead_sorted(trigs, self._foil_words) if len(trigs) > 1 else trigs[:]
        if (
            len(trigs) > 1
            and trigs[0].value.event_type == BATTLES
            and fold(trigs[0].text) in self._confrontation
        ):
            # "خلال مواجهات اندلعت على حدود القطاع ضمن مسيرات العودة": the confrontation of a
            # demonstration named in its clause is the demonstration's (it leads).
            march = _march(trigs)
            # (confrontations with the crowd are an intervention: "Protest with intervention")
            confronted = march is not None
            if march is not None:
                trigs = _led_by(march, trigs)
        else:
            confronted = False
        met = False
        if len(trigs) > 1 and trigs[0].value.sub_event_type == "Arrests":
            # "اعتقلت قوات الأمن 12 ناشطا خلال وقفة احتجاجية": arrests made during a demonstration
            # its clause names are the demonstration's intervention (ACLED: a protest met with it).
            march = _march(trigs)
            if march is not None and self._during(sides.doc, march):
                trigs, met = _led_by(march, trigs), True
        c = clause_candidate(sent, clause, trigs)
        c.intervention = met or confronted
        c.answered = (sent, clause) in sides.answered
        c.retort = retort
        at = sides.at
        r = sides.assign(sent, clause, trigs)
        a1 = c.actor1 = r.actor1
        c.actor2, c.assoc1, c.assoc2 = r.actor2, r.assoc1, r.assoc2
        if met and a1 is not None and c.actor2 is not None and c.actor2.attrs.get("kind") in UNARMED_KINDS:
            # (those arrested are of the crowd; the force that arrested them is its other side)
            c.actor2 = None
        if confronted and not (a1 is not None and a1.attrs.get("kind") in roles.STATE_KINDS):
            # "مواجهات بين الشبان وقوات الاحتلال، احتجاجا على …": the force the crowd confronted is
            # the demonstration's other side (the crowd is the coder's protesters).
            force = next(
                (m for m in at.clause(ACTOR, sent, clause) if m.attrs.get("kind") in roles.STATE_KINDS), None
            )
            if force is not None:
                a1 = c.actor1 = None
                c.actor2 = force
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
        inferred = False
        if a1 is not None:
            # (a loop, not any() over a generator: once per candidate, mostly one trigger)
            a1_start, a1_end = a1.start, a1.end
            for t in trigs:
                if t.start == a1_start and t.end == a1_end:
                    inferred = True
                    break
        c.inferred_actor1 = inferred
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
            if any(m.clause == clause for m in sides.doc.in_sentence(CASUALTY, sent)):
                c.places = self._not_told_alongside(
                    sides.doc, at, c, clause, self.k.actors[a1.value].name if a1 else None
                )
        c.places = self._roads_last(sides.doc, self._town_told_again(sides.doc, at, sent, clause, c.places))
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
            told_answered = c.answered  # (read here: a closure cannot hold a typed local)

            def own(m: Mention) -> bool:
                return ((sent, m.clause) in ans) == told_answered

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

    @cython.locals(c=Candidate)
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


def _march(trigs: list[Mention]) -> Mention | None:
    """A demonstration's own word among a clause's triggers (not the force used on a crowd:
    "قنابل الغاز" is of another sub-type)."""
    return next((t for t in trigs if t.value.sub_event_type == "Peaceful protest"), None)


def _led_by(lead: Mention, trigs: list[Mention]) -> list[Mention]:
    return [lead, *(t for t in trigs if t is not lead)]
