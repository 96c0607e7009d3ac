"""The role the words before an actor's name give it, for the actor recogniser
(recognize/actors.py): the cue lists read before each name (agent, patient, associate, teller,
ignored), an accusation's accused and accuser, a negated harm, the owner a lam of possession
names (_possessor, _members_hit), and a teller's claim of its own act."""

from __future__ import annotations

import re
from functools import cached_property

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.doc import Doc
from marsad.recognize.actors_base import ActorReading, past_aside
from marsad.recognize.actors_context import _GROUP_NOUNS
from marsad.recognize.cues import (
    MEMO_WORDS,
    CueIndex,
    CueList,
    cue_index,
    first_cue,
    peel,
    words_after,
    words_before,
)
from marsad.recognize.numbers import parse_quantity
from marsad.text.normalize import fold

_DAMMA = "\u064f"

# Role cue lists consulted before each actor mention (cues.yaml), nearest cue first.
ROLE_LISTS = (
    "ignore_before",
    "source_before",
    "teller_verbs",
    "assoc_before",
    "agent_before",
    "agent_verbs",
    "patient_before",
)
# How many words a cue of these lists may stand before the actor it marks. A verb or action noun
# makes the noun right after it its subject ("قصفت قوات النظام", "غارات التحالف"); an actor further
# on is its object. A teller ("قال", "بحسب") marks only the name that follows it.
ADJACENT = {"agent_verbs": 0, "source_before": 1, "teller_verbs": 0}
POSSESSOR_WORDS = 9  # words read before an owned noun's owner ("<verb> <person> <rank> في <unit> التابعة ل")
# What a word of the window before a name is to _role's first tests (_word_flags): a day or time
# word it drops (role_skip), an accusation verb, a harm noun.
SKIPPED, ACCUSES, HARMS = 1, 2, 4


class RoleReading(ActorReading):
    """The actor recogniser's part that reads the role cue before a name (_role and its helpers)."""

    @cached_property
    def _command_nouns(self) -> CueList:
        return self.k.cues["command_nouns"]

    @cached_property
    def _unit_subject_verbs(self) -> CueList:
        return self.k.cues["unit_subject_verbs"]

    @cached_property
    def _role_lists(self) -> CueIndex:
        return cue_index({n: self.k.cues[n] for n in ROLE_LISTS})

    @cached_property
    def _leader_rx(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in self.k.cue_words("leader_qualifier"))
        return re.compile(rf"\s*(?:{words})\b[^،,.؛:]{{0,60}}[،,]")

    def _claims_own_act(self, after: list[str]) -> bool:
        """Whether the words after a teller's name claim its own act ("أعلن الجيش أنه استهدف").
        "قالت الوزارة إن الطيران الإسرائيلي شن غارات": a clause with a subject of its own after
        "إن"/"بأن" claims the teller's act only as "أن قواته …" (a cue opening it). (The clause word
        may follow an adjective of the name: "قالت جماعة حزب الله اللبنانية إن إسقاط الطائرة …"
        reports what happened, it claims nothing.)"""
        claim = self._self_claim
        rep = next((i for i, w in enumerate(after[:2]) if self._reported.has_word(w)), None)
        return claim.opening(after[rep:]) is not None if rep is not None else claim.found_in(after)

    def _past_leader(self, folded: str, fe: int) -> int:
        """Where the words after a name start, past a qualifier naming its leader ("بقيادة X،")."""
        m = self._leader_rx.match(folded, fe)
        return m.end() if m is not None else fe

    def _new_force(self, word: str) -> bool:
        """A force noun led by its conjunction ("ومسلحي", "وقوات"): the start of another name."""
        return word.startswith("و") and self._force_heads.has_word(word[1:])

    def _accusation(self, folded: str, fe: int, words: list[str]) -> tuple[str, str] | None:
        """In an accusation, the accused named right before what it is accused of is the act's
        author ("اتهم الجيش قوات الدعم السريع بتنفيذ الهجوم"), and the accuser, named right after
        the verb with an accused after it, no side of the act."""
        after = words_after(folded, fe, 6)
        # (An epithet may stand between: "اتهم الحوثيين "الإرهابيين" بتنفيذ الهجوم".)
        if any(self._accused_of.opening(after[i:]) is not None for i in range(min(2, len(after)))):
            return "agent_before", "accused"
        if words[-1] in self._accuse_forms and any(
            self._accused_of.opening(after[i:]) is not None for i in range(2, len(after))
        ):
            return "ignore_before", "accuser"
        return None

    @cached_property
    def _word_flags(self) -> dict[str, int]:
        """A word → its SKIPPED, ACCUSES and HARMS bits (_flags_of), memoised: one look-up per
        word of a name's window instead of three lists asked about it."""
        return {}

    def _flags_of(self, word: str) -> int:
        """The SKIPPED, ACCUSES and HARMS bits of `word`, memoised in _word_flags."""
        flags = self._word_flags
        if len(flags) >= MEMO_WORDS:
            flags.clear()
        got = flags[word] = (
            (SKIPPED if self._skip.has_word(word) else 0)
            | (ACCUSES if word in self._accuse_forms else 0)
            | (HARMS if self._harm_nouns.has_word(word) else 0)
        )
        return got

    @cython.locals(words=list, memo=dict, n=cython.Py_ssize_t, i=cython.Py_ssize_t)
    def _unharmed(self, words: list[str]) -> bool:
        """ "دون وقوع إصابات في صفوف المدنيين": a harm noun at most three words before the name
        with a negation at most three words before it — the name was not harmed."""
        harm = self._harm_nouns
        memo = harm._has_memo  # has_word's memo read in place: no method call per word
        n = len(words)
        for i in range(max(0, n - 4), n):
            hit = memo.get(words[i])
            if hit is None:
                hit = harm.has_word(words[i])
            if hit:
                return any(self._harm_negations.has_word(w) for w in words[max(0, i - 3) : i])
        return False

    # Compiled, the text, clitics, words and cue name are typed: their tests and slices are C
    # calls (this runs for every name of every report).
    @cython.locals(
        folded=str, chain=str, words=list, name=str, after=list, between=list, lead=list, first=list,
        flags=dict, kept=list,
    )  # fmt: skip
    def _role(
        self,
        doc: Doc,
        fs: int,
        name_start: int,
        fe: int,
        chain: str,
        words: list[str],
        lists: CueIndex,
        *,
        lam: bool = False,
        crowd: bool = False,
    ) -> tuple[str | None, str | None]:
        """The role the words around an actor give it: (role_cue, the cue list that decided).
        [fs, fe): the folded name with its clitics `chain`, which end at name_start."""
        folded = doc.folded.text
        skip = self._skip
        # Days and time words between a verb and its subject do not break the pair
        # (skip.without_words). Each word's flags are read once: most windows hold no accusation
        # verb nor harm noun, and skip those two tests.
        flags = self._word_flags
        kept = []
        seen = 0
        for w in words:
            got = flags.get(w)
            if got is None:
                got = self._flags_of(w)
            if not got & SKIPPED:
                kept.append(w)
                seen |= got
        words = kept
        if seen & ACCUSES and not self._accuse_forms.isdisjoint(words[-6:]):
            accusation = self._accusation(folded, fe, words)
            if accusation is not None:
                return accusation
        if seen & HARMS and self._unharmed(words):
            return "ignore_before", "harm_negations"
        if (lam or chain.endswith("ل")) and words and self._link_words.has_word(words[-1]):
            # "مدرعة تابعة للجيش": the link word ties the name to the noun before it,
            # which decides the role; a cue word further back is about that noun (read in a
            # longer window: "اغتال قياديا بارزا في وحدة الرضوان التابعة لـ").
            return self._possessor(skip.without_words(words_before(folded, fs, 0, POSSESSOR_WORDS)))
        # A cue written with a separate lam ("وفقا ل", "بيان ل") meets the lam of the name's clitics
        # ("وفقا للشرطة"); other cues are found, and their distance counted, on the words alone.
        # (So is one with a separate ba: "مسنودة ب" meets "بالمقاومة".)
        hit = first_cue([*words, chain[-1]], lists, max_distance=1) if chain.endswith(("ل", "ب")) else None
        hit = hit or first_cue(words, lists)
        name, dist = hit if hit else (None, 0)
        if (
            name in ("ignore_before", "agent_verbs")
            and dist
            and any(self._reported.has_word(w) for w in words[-dist:])
        ):
            # "أعلنت وزارة الدفاع أن قوات الجيش استعادت": the ministry is the teller; the name
            # after "أن" is the subject of what it told (also past an action noun in the
            # teller's name: "أعلنت غرفة عمليات الكرامة أن وحدات الجيش الوطني استعادت").
            name, dist = None, 0
        if (
            name == "ignore_before"
            and dist
            and (
                any(self._new_force(w) for w in words[-dist:])
                # (the name's own "و" and force noun: "… الموالية للرئيس هادي وقوات الحزام الأمني")
                or (chain.startswith("و") and self._force_heads.has_word(folded[name_start:fe].split()[0]))
            )
        ):
            # "قوات الجيش المدعومة من التحالف ومسلحي جماعة الحوثي": a force noun with its own "و"
            # opens the next name of the list; the qualifier was the name's before it.
            name, dist = None, 0
        if name == "agent_verbs" and dist > 0:
            # "هاجمت قوات الحركة": a force or weapon noun between the verb and the name heads
            # the subject; anything else makes the name part of the object.
            heads, pronouns = self._force_heads, self._object_pronouns
            # ("أطلق عليه شرطي النار": the verb's object told by a pronoun stands between)
            between = [w for w in words[len(words) - dist :] if not pronouns.has_word(w)]
            if not all(heads.has_word(w) for w in between) and not (
                # "هاجم عشرات المستوطنين", "اقتحم مئات المحتجين": a crowd counted after the
                # verb is its subject (an army's members counted so are its victims)
                crowd and all(self._crowd_counts.has_word(w) for w in between)
            ):
                name = "object"
        if name == "agent_verbs":
            # "قتل جنديان", "قتل عناصر من الحركة": persons after an often-passive verb were hit.
            verb = words[len(words) - dist - 1]
            # "هجوم مسلح استهدف دورية", "الغارة التي استهدفت موقعا": the act noun right before the
            # verb, or before its adjective or relative pronoun, is its subject, so the name after
            # the verb is its object.
            vi = len(words) - dist - 1
            lead = words[vi - 1 : vi]
            if vi >= 2 and (self._adjectives.has_word(lead[0]) or self._relatives.has_word(lead[0])):
                lead = words[vi - 2 : vi - 1]
            if not self._force_heads.has_word(verb) and any(
                f.startswith(self._event_nouns) for w in lead for f in peel(w)
            ):
                # (not when the cue is a force noun itself: "قصفت مدفعية الحرس الثوري": the
                # verb before the artillery is its act, and the name owns the artillery)
                name = "object"
            first = words[len(words) - dist : len(words) - dist + 1] or words_after(folded, name_start, 1)
            if self._passive_verbs.has_word(verb) and first and _persons(first[0], self._person_nouns):
                name = "object"
            elif any(
                _DAMMA in r[:4] and verb in peel(fold(r)) for r in _raw_words_before(doc, fs, name_start)
            ):
                name = "object"  # a vowelled passive ("قُتل", "استُهدفت"): what follows was hit
        elif (
            name == "teller_verbs"
            and dist > 0
            and all(self._command_nouns.has_word(w) or w in _GROUP_NOUNS for w in words[-dist:])
        ):
            # "أعلنت قيادة القوات المشتركة للتحالف أن …": the command tells for its force; "قالت
            # جماعة حزب الله إن …": the group noun heads the name the verb is told by.
            pass
        elif (
            name == "patient_before"
            and len(words) >= dist + 2
            and self._unit_subject_verbs.has_word(words[-dist - 2])
            and self._sent_units.has_word(words[-dist - 1])
        ):
            # "أوقفت دورية من مديرية المخابرات ثلاثة مطلوبين": a unit right after a verb of arrest
            # or raid is the verb's subject (no patrol is arrested), its owner the one acting.
            return "agent_before", "unit_subject_verbs"
        elif name is not None and dist > ADJACENT.get(name, dist):
            name = None
        elif (
            name == "patient_before"
            and dist == 0
            and len(words) >= 3
            and words[-1] == "في"
            and self._tellers.has_word(words[-3])
        ):
            # "قال ضابط في الشرطة إن …": the force a teller belongs to tells the news with him;
            # "ضابط في" marks a member hit only where no telling verb opens it.
            return None, "teller_verbs"
        statement = name == "ignore_before" and bool(first_cue(words, self._statement_lists, max_distance=1))
        if name in ("source_before", "teller_verbs") or statement:
            # The teller of a claim is a party to it only when it claims its own action
            # ("أعلن الجيش أنه استهدف", "أفاد بيان للجيش بأن طائراته قصفت"); a teller named by
            # a verb stays a weak candidate.
            after = [w for w in words_after(folded, self._past_leader(folded, fe), 8) if not w.isdigit()]
            after = skip.without_words(after)[:4]
            if name == "teller_verbs" and self.k.cues["denial_verbs"].has_word(words[-1]):
                # "بينما نفى التحالف أي علاقة له بها", "ونفى التحالف مسؤوليته عن الغارة": who
                # denies an act is not its author (nor claims it).
                return "ignore_before", "denial_verbs"
            if self._claims_own_act(after):
                return None, "self_claim_after"
            if (aside := past_aside(folded, fe, self._titles)) != fe:
                # "وأعلن تنظيم ولاية سيناء، في بيان …، مسؤوليته عن الهجوم": the claim after the aside
                after = skip.without_words([w for w in words_after(folded, aside, 8) if not w.isdigit()])[:4]
                if self._claims_own_act(after):
                    return None, "self_claim_after"
            if statement:
                return name, name
            return ("ignore_before", name) if name == "source_before" else (None, name)
        if (lam or chain.endswith("ل")) and name in (None, "object"):
            return self._possessor(words)
        if name == "object":
            return "patient_before", "agent_verbs object"
        if name == "agent_verbs":
            return "agent_before", name
        return name, name

    @cython.locals(words=list, head=list, near=list)
    def _possessor(self, words: list[str]) -> tuple[str | None, str | None]:
        """The lam of possession ("هجوم لداعش", "مركزا للشرطة", "مروحيات تابعة للنظام"): the actor
        is the author of an action noun, the owner of an aircraft or force, else the owner of
        the target."""
        if not words:
            return None, None
        cues = self.k.cues
        head = words[:-1] if self._link_words.has_word(words[-1]) else words
        patient = cues["patient_before"]
        if any(self._outlets.has_word(w) and not patient.has_word(w) for w in head[-2:]):
            # "قناة المسيرة التابعة للحوثيين": a group's outlet tells the news; the group is no
            # party for that (and the outlet's name is no drone of its). A noun that is also a
            # target ("موقع للمقاومة يتبع لكتائب القسام": a position, not a website) is not.
            return "ignore_before", "outlet_nouns"
        nouns = self._event_nouns
        heads, adjectives = cues["owned_heads"], cues["nisba_skip"]
        # A hedge between the noun and the link ("عناصر يعتقد أنهم ينتمون لتنظيم"): the noun is
        # still the one owned.
        hedge = cues["nisba_hedges"].ends_at(head, len(head) - 1) if head else None
        if hedge is not None:
            head = head[: len(head) - len(hedge.words)]
        if (
            (hedge is not None or len(head) < len(words))
            and len(head) >= 2
            and (self._person_nouns.has_word(head[-1]) or cues["linked_men"].has_word(head[-1]))
        ):
            # "هجوم شنه عناصر يعتقد أنهم ينتمون لتنظيم القاعدة", also with the link word alone
            # ("هجوم شنه مسلحون ينتمون لتنظيم داعش"): the men (believed to be) the group's stand
            # for it, in the role the words before them give them.
            told = first_cue(head[:-1], self._role_lists)
            if told is not None and told[1] == 0 and told[0] in ("agent_before", "patient_before"):
                return told[0], "suspected members"
        # The head noun is the word right before, or before its adjectives ("هجوم مسلح لـ", "قصف
        # مدفعي وصاروخي لـ").
        j = len(head) - 1
        while j > 0 and j >= len(head) - 3 and adjectives.has_word(head[j]):
            j -= 1
        near = head[j:]
        if any(f.startswith(nouns) for w in near for f in peel(w)):
            return "agent_before", "event_nouns"
        if (
            len(head) >= 2
            and self._unit_subject_verbs.has_word(head[-2])
            and self._sent_units.has_word(head[-1])
        ):
            return "agent_before", "unit_subject_verbs"  # "اعتقلت دورية تابعة للشرطة" (see _role)
        near = head[-2:]  # a force noun may carry an adjective ("الفرق الهندسية التابعة لـ")
        for i in range(len(head) - 1, len(head) - 1 - len(near), -1):
            if heads.has_word(head[i]):
                # The owned noun hit ("استهداف دبابة تابعة للجيش"): its owner is the target.
                if i and first_cue(head[:i], self._patient_lists, max_distance=1):
                    return "patient_before", "owned_heads hit"
                if self._members_hit(head[:i]):
                    return "patient_before", "owned_heads members hit"
                return "agent_before", "owned_heads"
        return "patient_before", "possessive"

    def _members_hit(self, words: list[str]) -> bool:
        """ "قتل عنصران من كتيبة تابعة لـ…": persons of the owned unit after a verb of being killed
        or hurt (the words before the unit's noun end "<verb> <persons> من"); "اغتال قياديا بارزا
        في وحدة تابعة لـ…": a member of it, the object of an act's verb."""
        if len(words) >= 3 and words[-1] == "في":
            # "<act verb> <person> [adjective] في": the member the act was done to
            k = len(words) - 2
            if k > 0 and self._adjectives_of_rank.has_word(words[k]):
                k -= 1
            return (
                k > 0 and self._person_nouns.has_word(words[k]) and self._agent_verbs.has_word(words[k - 1])
            )
        if len(words) < 3 or words[-1] != "من" or not self._person_nouns.has_word(words[-2]):
            return False
        if parse_quantity(words[-3]) is not None:
            return True  # a count of the unit's persons ("ثلاثة عناصر من"): a toll
        # the verb right before the persons, or before their number ("قتل ثلاثة عناصر من")
        return any(
            self._passive_verbs.has_word(words[j])
            or first_cue(words[: j + 1], self._patient_lists, max_distance=1) is not None
            for j in range(len(words) - 3, max(-1, len(words) - 5), -1)
        )

    @cached_property
    def _sent_units(self) -> CueList:
        return self.k.cues["sent_units"]

    # One-list look-ups for first_cue, built once (first_cue indexes them by identity).
    @cached_property
    def _statement_lists(self) -> dict[str, CueList]:
        return {"statement_nouns": self.k.cues["statement_nouns"]}

    @cached_property
    def _patient_lists(self) -> dict[str, CueList]:
        return {"patient_before": self.k.cues["patient_before"]}


def _persons(word: str, person_nouns: CueList) -> bool:
    """A noun of persons: a listed one ("جنديان", "عناصر"), or an indefinite dual or plural of a
    relative adjective ("حوثيان", "حوثيين", "تكفيريون"): after an often-passive verb they are the
    ones hit ("قتل حوثيان"), where a named force with its article acts ("قتل الحوثيون")."""
    return person_nouns.has_word(word) or (not word.startswith("ال") and word.endswith(("يان", "يين", "يون")))


def _raw_words_before(doc: Doc, fs: int, name_start: int) -> list[str]:
    """The original words before a name (up to 8; from 80 characters before the name itself,
    to its clitics at folded `fs`): they keep their vowel marks ("استُهدفت" is passive). Asked
    only after a verb cue, so not sliced per mention."""
    lo = doc.original(name_start, name_start)[0] - 80
    return doc.text[max(0, lo) : doc.original(fs, fs)[0]].split()[-8:]
