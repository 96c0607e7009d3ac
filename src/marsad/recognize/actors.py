"""Actor mentions: lexicon aliases (with clitics) and anaphoric generic nouns (التنظيم → IS)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from itertools import accumulate, compress

from marsad.doc import ACTOR, Doc, Mention
from marsad.knowledge.resources import Knowledge
from marsad.recognize.country_actors import countries_acting
from marsad.recognize.cues import (
    CUE_REACH,
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
from marsad.text.matcher import longest_first
from marsad.text.normalize import fold
from marsad.text.tokens import WORD, Tokens, tokens

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
_NEXT_WORD = re.compile(r"\s+([^\s،,.؛:()\[\]\"«»]+)")  # the word after a position, no punctuation
# Group nouns (folded) that may stand before a group's name without being part of its alias.
_GROUP_NOUNS = frozenset({"تنظيم", "جماعه", "حركه", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات"})
POSSESSOR_WORDS = 9  # words read before an owned noun's owner ("<verb> <person> <rank> في <unit> التابعة ل")
# Crowds and communities (identity militias: settlers, tribes): counted after an act's verb they
# are its subject (crowd_counts).
_COUNTED_AS_SUBJECT = frozenset({"identity", "protesters", "rioters"})


def _claimed_by_it(words: list[str], claim_before: CueList) -> bool:
    """A claiming verb right before the name, or before the group noun that heads it ("وتبنى
    تنظيم ولاية سيناء الهجوم")."""
    if claim_before.has_word(words[-1]):
        return True
    return len(words) > 1 and words[-1] in _GROUP_NOUNS and claim_before.has_word(words[-2])


class ActorRecognizer:
    """Adds ACTOR mentions; value = index into knowledge.actors; attrs: role cue and anaphora."""

    name = "actors"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        # (actor, generic noun) → whether an alias of the actor shares the noun's head: the
        # knowledge's answer, the same in every report (see _anaphora).
        self._shares: dict[tuple[int, str], bool] = {}
        # The cue lists read per mention, taken from the knowledge once (not looked up per mention).
        cues = knowledge.cues
        self._skip: CueList = cues["role_skip"]
        self._reported: CueList = cues["reported_clause"]
        self._force_heads: CueList = cues["force_heads"]
        self._object_pronouns: CueList = cues["object_pronouns"]
        self._aircraft_before: CueList = cues["aircraft_before"]
        self._witnesses: CueList = cues["witnesses"]
        self._fled: CueList = cues["fled_before"]
        self._passive_verbs: CueList = cues["passive_verbs"]
        self._person_nouns: CueList = cues["person_nouns"]
        self._self_claim: CueList = cues["self_claim_after"]
        self._link_words: CueList = cues["link_words"]
        self._adjectives: CueList = cues["nisba_skip"]
        self._relatives: CueList = cues["relative_pronouns"]
        self._destination: CueList = cues["destination_before"]
        self._camp_nouns: CueList = cues["camp_nouns"]
        self._outlets: CueList = cues["outlet_nouns"]
        self._sham_after: CueList = cues["sham_after"]
        self._patient_after: CueList = cues["patient_after"]
        # The accusation verbs as written with or without "و"/"ف": a set test per actor mention
        # (most mentions have none near them).
        self._accuse_forms = frozenset(
            c + w for w in knowledge.cue_words("accuse_verbs") for c in ("", "و", "ف")
        )
        self._claim_before: CueList = cues["claim_before"]
        self._tellers: CueList = cues["teller_verbs"]
        self._accused_of: CueList = cues["accused_of_after"]
        self._country_subject: CueList = cues["country_subject_before"]
        self._harm_negations: CueList = cues["harm_negations"]
        self._crowd_counts: CueList = cues["crowd_counts"]
        self._agent_verbs: CueList = cues["agent_verbs"]
        self._adjectives_of_rank: CueList = cues["rank_adjectives"]
        self._harm_nouns: CueList = cues["harm_nouns"]

    @cached_property
    def _role_lists(self) -> CueIndex:
        return cue_index({n: self.k.cues[n] for n in ROLE_LISTS})

    # Word lists read per report or per mention, taken from the cue lists once.
    @cached_property
    def _event_nouns(self) -> tuple[str, ...]:
        return self.k.cue_words("event_nouns")

    @cached_property
    def _aerial_words(self) -> tuple[str, ...]:
        return self.k.cue_words("aerial_words")

    @cached_property
    def _aerial(self) -> re.Pattern[str] | None:
        return _any_of(self._aerial_words)

    @cached_property
    def _air_defence(self) -> re.Pattern[str] | None:
        return _any_of(self.k.cue_words("air_defence_words"))

    @cached_property
    def _anaphora_keys(self) -> tuple[str, ...]:
        return tuple(self.k.cues.anaphora)

    @cached_property
    def _rare(self) -> frozenset[str] | None:
        """The words _nisba and _anaphora start from (nationality adjectives; generic nouns with
        their clitics), found in one pass over the report's words for both. None when a generic
        noun is not one word (_generic_nouns then reads the text with its regex)."""
        forms = _generic_forms(self._anaphora_keys)
        if forms is None:
            return None
        return frozenset(self.k.cues.state_adjectives) | frozenset(forms)

    def __call__(self, doc: Doc) -> Doc:
        k = self.k
        folded = doc.folded.text
        hits = longest_first(k.actor_matcher.find(folded))
        found: list[tuple[int, int, int, bool]] = []  # folded start, end, actor index, anaphoric
        starts: dict[int, int] = {}  # word start (clitics included) → start of the name itself
        for h in hits:
            # Prefer a specific (country-bound) actor over a template when one alias serves both.
            pls = h.payloads
            idx = pls[0] if len(pls) == 1 else min(pls, key=lambda i: (k.actors[i].template, i))
            if h.start > h.word_start and self._adjective_of_definite(
                folded, h.word_start, h.start, h.end, idx
            ):
                continue
            found.append((h.word_start, h.end, idx, False))
            starts[h.word_start] = h.start
        if len(found) > 1:
            found = self._short_forms(folded, found, starts)
        # The report's words, shared with the other recognisers (a short text: its own).
        toks = tokens(folded) or Tokens(folded)
        # Where the rare words both look-ups start from stand (compress and map test every word
        # of the report in C, not in a Python loop).
        rare, words = self._rare, toks.words
        at = None if rare is None else list(compress(range(len(words)), map(rare.__contains__, words)))
        found.extend(self._anaphora(toks, found, at))
        taken = {f[0] for f in found}
        for f, name_start in countries_acting(
            k, folded, toks, self._country_subject, self._tellers, self._self_claim
        ):
            if f[0] not in taken:
                found.append(f)
                starts[f[0]] = name_start  # "وبريطانيا": joined to the country before it
        nisba = self._nisba(toks, found, at)
        if nisba:
            templates = self.k.template_ids
            found = [
                f for f in found
                if f[2] not in templates or not any(s <= f[0] and f[1] <= e for s, e, _, _ in nisba)
            ]  # fmt: skip
        found.extend(nisba)
        found.sort()
        lists = self._role_lists
        prev: tuple[int, str | None] | None = None  # folded end and role of the last actor
        prev_named = False  # whether the last actor is a named one (no template)
        aerial = self._aerial  # an aircraft's name ("الطيران الحربي")
        defence = self._air_defence  # not the air defences' ("الدفاعات الجوية")
        # doc.original and doc.folded_index, one call less per name
        to_original, fidx = doc.folded.to_original, doc.folded.folded_index
        unfit: list[Mention] = []
        for fs, fe, idx, ana in found:
            # The evidence span is the name without its clitics (لتنظيم داعش → تنظيم داعش).
            name_start = starts.get(fs, fs)
            start, end = to_original(name_start, fe)
            entry = k.actors[idx]
            # (air defences: a defence word with the air's or an anti-aircraft word — "قوات دفاع
            # شبوة" is a force on the ground)
            air_defence = (
                defence is not None
                and defence.search(folded, name_start, fe) is not None
                and ("جو" in folded[name_start:fe] or "مضاد" in folded[name_start:fe])
            )
            # Added first, its role filled in below: doc.add locates the mention (sentence,
            # clause), and the role's window needs that clause, so it is located once.
            m = doc.add(
                ACTOR,
                start,
                end,
                idx,
                role_cue=None,
                role_why=None,
                anaphoric=ana,
                kind=entry.kind,
                country=entry.country,
                generic=entry.template,
                target_only=entry.target_only,
                aerial=aerial is not None
                and aerial.search(folded, name_start, fe) is not None
                and not air_defence,
                air_defence=air_defence,
            )
            sent, clause = m.sentence, m.clause
            cstart = doc.clauses[sent][clause].start if sent >= 0 else 0
            # cues.words_before, on the tokens in hand (lo >= 0: a clause start or fs - reach).
            words = toks.before(fs, max(fidx(cstart), fs - CUE_REACH), 5)
            if (
                words
                and not entry.template
                and fs == name_start
                and self._aircraft_before.has_word(words[-1])
            ):
                # "شن طيران التحالف غارات": the aircraft in construct with their owner's name
                m.attrs["aerial"] = not air_defence
            chain = folded[fs:name_start]
            if ana and not chain and folded.startswith("وال", fs):
                chain = "و"  # a generic noun's clitics stay in its span: "والميليشيات" is "و" + noun
            # A generic noun's clitics stay in its span; its لل contraction is still a possessive
            # lam ("هجوم مسلح للمقاومة": the resistance attacked).
            lam = ana and folded.startswith(("لل", "ولل", "فلل"), fs)
            role, why = self._role(
                doc, fs, name_start, fe, chain, words, lists, lam=lam, crowd=entry.kind in _COUNTED_AS_SUBJECT
            )
            if role is None and self._hit_after(folded, fe):
                role, why = "patient_before", "patient_after"  # "إن شرطيين قتلا برصاص"
            # (Most reports have no nationality adjective: no key to build then.)
            own = nisba.get((fs, fe, idx, ana)) if nisba else None
            if own:
                role, why = "agent_before", "state_adjectives"  # "غارة أميركية": its author
            # (a nationality adjective's name starts at its noun's word, و included: "وقوات إماراتية")
            joined = chain.startswith("و") or (own is not None and folded.startswith("و", fs))
            if prev is not None and joined and folded[prev[0] : fs].strip() == "":
                if (
                    prev[1] in ("assoc_before", "ignore_before")
                    and "بين" in folded[fidx(cstart) : fs].split()
                ):
                    # "بين قوات الجيش المدعومة بالمقاومة الشعبية ومسلحي الحوثي": after a supporter,
                    # the name joined to the pair "بين" opened is the other side, no supporter.
                    role, why = None, "the pair's other side"
                else:
                    # Coordinated names share their role ("قوات النظام والميليشيات").
                    role, why = prev[1], "coordinated"
            if (
                prev is not None
                and prev_named
                and not entry.template
                and self._affiliation(folded[prev[0] : fs].split())
            ):
                # "قوة الردع الخاصة التابعة لحكومة الوفاق": the owner of a named force says whose
                # it is; it is no side of the force's fight.
                role, why = "ignore_before", "affiliation of the name before"
            prev, prev_named = (fe, role), not entry.template
            if (
                entry.kind == "unidentified" or (entry.template and entry.kind in ("state", "police"))
            ) and self._heads_named_group(folded, fe, found, named=entry.kind != "unidentified"):
                # "مسلحين من حركة الشباب", "دورية عسكرية تابعة للحوثيين"
                role, why = "ignore_before", "heads a named group"
            elif entry.kind == "unidentified" and words and self._qualifies_action(words[-1], folded[fs:fe]):
                role, why = "ignore_before", "adjective of an action"  # "هجوم مسلح لداعش"
            elif entry.target_only and self._sham(folded, fe):
                role, why = "ignore_before", "a sham post"  # "نقطة تفتيش وهمية" set up by gunmen
            elif (
                entry.kind == "civilians"
                and chain.endswith("ل")
                and any(self._camp_nouns.has_word(w) for w in words[-3:])
            ):
                role, why = "ignore_before", "a camp's name"  # "مخيم جنين للاجئين"
            elif entry.kind == "civilians" and any(self._fled.has_word(w) for w in words[-2:]):
                role, why = "ignore_before", "people who fled"  # "فيما نزحت مئات العائلات"
            elif why == "teller_verbs" and self._witnesses.has_word(folded[name_start:fe]):
                role, why = "ignore_before", "witnesses"  # "بحسب ما أفاد سكان": they tell, no side
            elif entry.kind == "unidentified" and words and self._destination.has_word(words[-1]):
                role, why = "ignore_before", "a destination"  # "اقتادوهم إلى جهة مجهولة"
            m.attrs["role_cue"], m.attrs["role_why"] = role, why
            if entry.agent_only and role != "agent_before" and why != "self_claim_after":
                unfit.append(m)  # a name read only as an act's author, and not told as one here
                continue
            if role == "agent_before" and words and _claimed_by_it(words, self._claim_before):
                m.attrs["claims"] = True  # "تبنت الحركة الهجوم": the group claims the act
            if entry.country and not entry.template and entry.kind != "external" and own is None:
                # A state's own forces point at where a report is set (weak: they also act abroad).
                doc.country_scores[entry.country] = doc.country_scores.get(entry.country, 0.0) + 0.5
        if unfit:
            gone = {id(m) for m in unfit}
            doc.set_mentions(ACTOR, [m for m in doc.get(ACTOR) if id(m) not in gone])
        return doc

    @cached_property
    def _leader_rx(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in self.k.cue_words("leader_qualifier"))
        return re.compile(rf"\s*(?:{words})\b[^،,.؛:]{{0,60}}[،,]")

    def _past_leader(self, folded: str, fe: int) -> int:
        """Where the words after a name start, past a qualifier naming its leader ("بقيادة X،")."""
        m = self._leader_rx.match(folded, fe)
        return m.end() if m is not None else fe

    def _new_force(self, word: str) -> bool:
        """A force noun led by its conjunction ("ومسلحي", "وقوات"): the start of another name."""
        return word.startswith("و") and self._force_heads.has_word(word[1:])

    def _hit_after(self, folded: str, fe: int) -> bool:
        """Whether the word right after the name is a passive verb of being killed or hurt
        (cues.yaml patient_after): the name is who was hit."""
        nxt = folded[fe : fe + 16].split()[:1]
        if not nxt or not self._patient_after.has_word(nxt[0]):
            return False
        # "قوات الجيش قتلت 12 مسلحا": a toll or persons right after the verb are its object,
        # so the verb is active and the name before it did the killing.
        obj = words_after(folded, fe, 2)[1:]
        return not (obj and (obj[0].isdigit() or self._person_nouns.has_word(obj[0])))

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

    def _adjective_of_definite(self, folded: str, fs: int, name_start: int, fe: int, idx: int) -> bool:
        """A civilian nisba (مدني، مدنية) written definite right after a definite noun is that
        noun's adjective, not a person ("الدفاع المدني", "بالحكم المدني", "الحماية المدنية"); a
        title after a name stays a person ("عمر النايف الناشط")."""
        if (
            self.k.actors[idx].kind != "civilians"
            or not folded.endswith("ال", fs, name_start)
            or not folded.endswith(("ي", "يه"), name_start, fe)
        ):
            return False
        prev = folded[max(0, fs - 30) : fs].split()[-1:]
        return bool(prev) and any(form.startswith("ال") for form in peel(prev[0]))

    def _sham(self, folded: str, fe: int) -> bool:
        """A sham post right after the name (cues.yaml sham_after: "نقطة تفتيش وهمية")."""
        nxt = words_after(folded, fe, 1)
        return bool(nxt) and self._sham_after.has_word(nxt[0])

    def _unharmed(self, words: list[str]) -> bool:
        """ "دون وقوع إصابات في صفوف المدنيين": a harm noun at most three words before the name
        with a negation at most three words before it — the name was not harmed."""
        n = len(words)
        for i in range(max(0, n - 4), n):
            if self._harm_nouns.has_word(words[i]):
                return any(self._harm_negations.has_word(w) for w in words[max(0, i - 3) : i])
        return False

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
        # Days and time words between a verb and its subject do not break the pair.
        words = skip.without_words(words)
        if words and not self._accuse_forms.isdisjoint(words[-6:]):
            accusation = self._accusation(folded, fe, words)
            if accusation is not None:
                return accusation
        if self._unharmed(words):
            return "ignore_before", "harm_negations"
        if (lam or chain.endswith("ل")) and words and self._link_words.has_word(words[-1]):
            # "مدرعة تابعة للجيش": the link word ties the name to the noun before it,
            # which decides the role; a cue word further back is about that noun (read in a
            # longer window: "اغتال قياديا بارزا في وحدة الرضوان التابعة لـ").
            return self._possessor(skip.without_words(words_before(folded, fs, 0, POSSESSOR_WORDS)))
        # A cue written with a separate lam ("وفقا ل", "بيان ل") meets the lam of the name's clitics
        # ("وفقا للشرطة"); other cues are found, and their distance counted, on the words alone.
        hit = first_cue([*words, "ل"], lists, max_distance=1) if chain.endswith("ل") else None
        hit = hit or first_cue(words, lists)
        name, dist = hit if hit else (None, 0)
        if name == "ignore_before" and dist and any(self._reported.has_word(w) for w in words[-dist:]):
            # "أعلنت وزارة الدفاع أن قوات الجيش استعادت": the ministry is the teller; the name
            # after "أن" is the subject of what it told.
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
            claim = self._self_claim
            # "قالت الوزارة إن الطيران الإسرائيلي شن غارات": a clause with a subject of its own
            # after "إن"/"بأن" claims the teller's act only as "أن قواته …" (a cue opening it).
            if (
                claim.opening(after) is not None
                if after and self._reported.has_word(after[0])
                else claim.found_in(after)
            ):
                return None, "self_claim_after"
            if statement:
                return name, name
            if name == "teller_verbs" and self.k.cues["denial_verbs"].has_word(words[-1]):
                # "بينما نفى التحالف أي علاقة له بها": who denies an act is not its author.
                return "ignore_before", "denial_verbs"
            return ("ignore_before", name) if name == "source_before" else (None, name)
        if (lam or chain.endswith("ل")) and name in (None, "object"):
            return self._possessor(words)
        if name == "object":
            return "patient_before", "agent_verbs object"
        if name == "agent_verbs":
            return "agent_before", name
        return name, name

    def _heads_named_group(
        self, folded: str, fe: int, found: list[tuple[int, int, int, bool]], named: bool = False
    ) -> bool:
        """A generic noun ("مسلحين", "عناصر مسلحة", "دورية عسكرية") right before "من"/"في"/"تابعين
        لـ" and a named actor: the noun is that actor's men, not a party of its own."""
        # `found` is sorted: the first name starting at or after fe is the nearest one.
        i = bisect.bisect_left(found, (fe,))
        if i == len(found):
            return False
        nxt = found[i]
        if named and self.k.actors[nxt[2]].template:
            return False  # a generic force before another ("دورية من قوات الأمن"): no name to head
        gap = folded[fe : nxt[0]].split()
        if len(gap) > 1 and gap[-1] in _GROUP_NOUNS and " ".join(gap[:-1]) in self._suspected_of:
            return not named  # "مسلحون يعتقد أنهم من تنظيم ولاية سيناء": the name without its noun
        if not gap:
            # "عصابات داعش": an unnamed noun in construct with a group's name is that group
            return not named and nxt[0] == fe + (folded[fe] == " ")
        return (
            gap in (["من"], ["في"])
            or (len(gap) == 1 and self._link_words.has_word(gap[0]))
            or (not named and " ".join(gap) in self._suspected_of)
        )

    def _short_forms(
        self, folded: str, found: list[tuple[int, int, int, bool]], starts: dict[int, int]
    ) -> list[tuple[int, int, int, bool]]:
        """A generic name whose words with the next one or two are words of a name told before
        ("الجيش الوطني" after "فصائل الجيش الوطني السوري"): the short form of that name, not the
        report country's army."""
        templates = self.k.template_ids
        named: list[tuple[str, int]] = []  # (folded name, actor) of the names told so far
        out: list[tuple[int, int, int, bool]] = []
        for f in found:
            fs, fe, idx, ana = f
            name = folded[starts.get(fs, fs) : fe]
            if idx not in templates:
                named.append((f" {name} ", idx))
            elif named:
                words, ends, pos = [name], [fe], fe
                for _ in range(2):  # the next two words, up to a punctuation mark
                    m = _NEXT_WORD.match(folded, pos)
                    if m is None:
                        break
                    words.append(m.group(1))
                    ends.append(pos := m.end())
                for n in range(len(words) - 1, 0, -1):
                    short = " " + " ".join(words[: n + 1]) + " "  # as a run of the name's words
                    full = next((i for told, i in reversed(named) if short in told), None)
                    if full is not None:
                        f = (fs, ends[n], full, ana)
                        break
            out.append(f)
        return out

    def _affiliation(self, gap: list[str]) -> bool:
        """Whether the words between two names are one link word ("التابعة لـ", its lam on the
        second name): the second owns the first."""
        return len(gap) == 1 and self._link_words.has_word(gap[0])

    @cached_property
    def _suspected_of(self) -> frozenset[str]:
        """cues.yaml suspected_of, folded (built once per knowledge load)."""
        return self.k.cue_phrases("suspected_of")

    def _qualifies_action(self, before: str, name: str) -> bool:
        """A one-word generic name that is an adjective of the action noun right before it
        ("هجوم مسلح", "هجوما مسلحا"): it says how the attack was made, not who made it."""
        return (
            " " not in name
            and self._adjectives.has_word(name)
            and any(f.startswith(self._event_nouns) for f in peel(before))
        )

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
        # The head noun is the word right before, or before its adjectives ("هجوم مسلح لـ", "قصف
        # مدفعي وصاروخي لـ").
        j = len(head) - 1
        while j > 0 and j >= len(head) - 3 and adjectives.has_word(head[j]):
            j -= 1
        near = head[j:]
        if any(f.startswith(nouns) for w in near for f in peel(w)):
            return "agent_before", "event_nouns"
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

    def _nisba(
        self, t: Tokens, found: list[tuple[int, int, int, bool]], at: list[int] | None = None
    ) -> dict[tuple[int, int, int, bool], bool]:
        """State forces named by a nationality adjective after an action, weapon or force noun
        ("غارة أميركية", "غارات جوية تركية", "دبابات تركية"). Value: whether the noun is an action
        or aircraft, whose owner is its author. `at`: the positions of the report's words among
        which the adjectives are (None: all)."""
        adjectives = self.k.cues.state_adjectives
        if not adjectives:
            return {}
        cues = self.k.cues
        heads, skip = cues["nisba_heads"], cues["nisba_skip"]
        words = t.words
        # Nationality adjectives are rare: start from them, look back for the noun. (compress
        # and map test every word of the report in C, not in a Python loop.)
        if at is None:
            found_at = list(compress(range(len(words)), map(adjectives.__contains__, words)))
        else:
            found_at = [j for j in at if words[j] in adjectives]
        if not found_at:
            return {}
        actions = self._event_nouns + self._aerial_words
        # The names' spans sorted by start with a running maximum of ends: a span [fs, fe)
        # overlaps a name iff the names starting before fe reach past fs (a look-up, not a
        # scan). Built for the first adjective after a noun (most have none).
        name_starts: list[int] | None = None
        reach: list[int] = []
        last_end = -1  # of the spans this adds, found in text order: the last reaches furthest
        out: dict[tuple[int, int, int, bool], bool] = {}
        for j in found_at:
            code = adjectives[words[j]]
            i = j - 1  # back over adjectives ("غارات جوية تركية") to the noun
            while i > j - 4 and i >= 0 and not heads.has_word(words[i]):
                i = i - 1 if skip.has_word(words[i]) else -1
            if i < 0 or i <= j - 4:
                continue
            fs, fe = t.starts[i], t.ends[j]
            if fe - fs > 60:
                continue
            if name_starts is None:
                # A template's word ("جنديان") yields to the adjective that names its state
                # ("جنديان تركيان"); __call__ drops it.
                templates = self.k.template_ids
                taken = sorted((s, e) for s, e, idx, _ in found if idx not in templates)
                name_starts = [s for s, _ in taken]
                reach = list(accumulate((e for _, e in taken), max))
            if ((k := bisect.bisect_left(name_starts, fe)) > 0 and reach[k - 1] > fs) or last_end > fs:
                continue
            idx = self.k.state_actor("state", code)
            if idx is None:
                continue
            out[(fs, fe, idx, False)] = any(f.startswith(actions) for f in peel(words[i]))
            last_end = fe
        return out

    def _anaphora(
        self, t: Tokens, found: list[tuple[int, int, int, bool]], at: list[int] | None = None
    ) -> list[tuple[int, int, int, bool]]:
        """Generic nouns (التنظيم، الميليشيا…) resolved to the last actor whose aliases share the
        head. `at`: the positions of the report's words among which the nouns are (None: all)."""
        table = self.k.cues.anaphora
        if not table or not found:
            return []
        nouns = _generic_nouns(t, self._anaphora_keys, at)
        if not nouns:
            return []  # most reports: no name spans to index
        out: list[tuple[int, int, int, bool]] = []
        taken = [(s, e) for s, e, _, _ in found]
        starts, ends = [s for s, _ in taken], [e for _, e in taken]
        # The names come in text order and apart (longest_first): then "inside a name" and "the
        # names before" are binary searches, not a pass over every name per generic noun.
        ordered = all(ends[i] <= starts[i + 1] for i in range(len(taken) - 1)) and all(
            s <= e for s, e in taken
        )
        shares = self._shares
        for ws, pos, key in nouns:
            heads = table[key]
            if ordered:
                i = bisect.bisect_right(starts, ws) - 1
                if i >= 0 and ws < ends[i]:
                    continue
                prev = found[: bisect.bisect_right(ends, ws)]
            else:
                if any(s <= ws < e for s, e in taken):
                    continue
                prev = [f for f in found if f[1] <= ws]
            # "kind:rebel" refers back to the last actor of that kind ("المتمردين" → the rebels named);
            # "kind:speaker" to the last force a speaker spoke for ("قواتنا").
            kinds = {h[5:] for h in heads if h.startswith("kind:")}
            for _fs, _fe, idx, _ in reversed(prev):
                entry = self.k.actors[idx]
                if "speaker" in kinds:
                    if not entry.template and self._spoken_for(t.text, _fs):
                        out.append((ws, pos, idx, True))
                        break
                    continue
                if entry.kind in kinds and not entry.template:
                    out.append((ws, pos, idx, True))
                    break
                share = shares.get((idx, key))
                if share is None:
                    if len(shares) >= MEMO_WORDS:
                        shares.clear()
                    # patterns are the entry's folded aliases (cached on the entry)
                    share = shares[idx, key] = any(a.startswith(heads) for a, _ in entry.patterns)
                if share:
                    out.append((ws, pos, idx, True))
                    break
        return out

    def _spoken_for(self, folded: str, fs: int) -> bool:
        """Whether the actor named at folded `fs` is one a speaker speaks for (cues.yaml
        speaker_before within the two words before it: "الناطق باسم الجيش", "قال الجيش")."""
        words = words_before(folded, fs, 0, 3)
        return bool(words) and first_cue(words, self._speaker_lists, max_distance=2) is not None

    # One-list look-ups for first_cue, built once (first_cue indexes them by identity).
    @cached_property
    def _speaker_lists(self) -> dict[str, CueList]:
        return {"speaker_before": self.k.cues["speaker_before"]}

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


@lru_cache(maxsize=8)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern finding any of `words` as a substring (one search, not a test per word)."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words))


def _generic_nouns(
    t: Tokens, keys: tuple[str, ...], at: list[int] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, noun) of each generic noun of `keys` in the text, clitics included: the
    matches of _anaphora_regex, found as whole words among the shared tokens (a set look-up
    per word in C, not a regex pass over the text; only at the positions `at` when given)."""
    forms = _generic_forms(keys)
    words, text = t.words, t.text
    if forms is None:  # a noun of several words (none yet): the regex pass
        return [
            (m.start(), m.end(), m.group("key") or "ال" + (m.group("lkey") or ""))
            for m in _anaphora_regex(keys).finditer(text)
        ]
    out: list[tuple[int, int, str]] = []
    if at is None:
        positions: Iterable[int] = compress(range(len(words)), map(forms.__contains__, words))
    else:
        positions = [j for j in at if words[j] in forms]
    for j in positions:
        ws, pos = t.starts[j], t.ends[j]
        # The regex's \w also holds "_", which no token does: a word glued to one is no match.
        if text[ws - 1 : ws] != "_" and text[pos : pos + 1] != "_":
            out.append((ws, pos, forms[words[j]]))
    return out


@lru_cache(maxsize=8)
def _generic_forms(keys: tuple[str, ...]) -> dict[str, str] | None:
    """Every word _anaphora_regex matches (a noun with proclitics, or its لل contraction) → the
    noun; None when a noun is not one word. The regex parses each form itself, so the two
    cannot disagree."""
    if not all(WORD.fullmatch(k) for k in keys):
        return None
    regex = _anaphora_regex(keys)
    out: dict[str, str] = {}
    for key in keys:
        forms = [c + p + key for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل")]
        if key.startswith("ال"):
            forms += [c + "لل" + key[2:] for c in ("", "و", "ف")]
        for form in forms:
            if (m := regex.fullmatch(form)) is not None:
                out[form] = m.group("key") or "ال" + (m.group("lkey") or "")
    return out


@lru_cache(maxsize=8)
def _anaphora_regex(keys: tuple[str, ...]) -> re.Pattern[str]:
    """The generic nouns with their proclitics, including the لل contraction (للتنظيم)."""
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    lam = "|".join(re.escape(k[2:]) for k in sorted(keys, key=len, reverse=True) if k.startswith("ال"))
    return re.compile(rf"(?<!\w)(?:[وف]?[بكل]?(?P<key>{alts})|[وف]?لل(?P<lkey>{lam}))(?!\w)")
