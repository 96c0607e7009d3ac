"""Actor mentions: lexicon aliases (with clitics) and anaphoric generic nouns (التنظيم → IS).

The recogniser joins parts, one job each: finding the names (recognize/actors_names.py: aliases,
short forms, anaphora, countries acting, nationality adjectives), the role the cue words before a
name give it (recognize/actors_roles.py), and what the words next to it say beyond that
(recognize/actors_context.py), over the cue lists they share (recognize/actors_base.py)."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.doc import ACTOR, Doc, Mention
from marsad.knowledge.lexicon import ActorEntry
from marsad.recognize.actors_base import past_aside
from marsad.recognize.actors_context import NameContext, _claimed_by_it
from marsad.recognize.actors_names import NameFinding, _anaphora_regex, _generic_nouns
from marsad.recognize.actors_roles import RoleReading
from marsad.recognize.cues import CUE_REACH, MEMO_WORDS, CueList, words_after
from marsad.text.tokens import Tokens, tokens

# What other modules import from here (tests/test_roles.py: the generic nouns' look-ups).
__all__ = ["ActorRecognizer", "_anaphora_regex", "_generic_nouns"]

# Crowds and communities (identity militias: settlers, tribes): counted after an act's verb they
# are its subject (crowd_counts).
_COUNTED_AS_SUBJECT = frozenset({"identity", "protesters", "rioters"})
# What may stand between a name and the same name told again as its appositive: spaces, brackets,
# quotation marks, dashes ("بعثة الاتحاد الأفريقي \"أميصوم\"").
_APPOSITIVE_MARKS = " \u00a0\"'«»“”()[]-–—"
RANK_WORDS = 4  # "برتبة ملازم أول": the rank's noun and up to three words


class ActorRecognizer(NameFinding, RoleReading, NameContext):
    """Adds ACTOR mentions; value = index into knowledge.actors; attrs: role cue and anaphora."""

    name = "actors"

    @cached_property
    def _responsibility(self) -> CueList:
        return self.k.cues["responsibility_after"]

    @cached_property
    def _air_memo(self) -> dict[str, tuple[bool, bool]]:
        """A name's text → (whether it names aircraft, whether air defences): see _mention."""
        return {}

    @cached_property
    def _attr_bases(self) -> dict[int, dict[str, object]]:
        """2 * actor index + anaphoric → a mention's attrs before its air and role: see _mention."""
        return {}

    @cached_property
    def _aerial(self) -> re.Pattern[str] | None:
        return _any_of(self._aerial_words)

    @cached_property
    def _air_defence(self) -> re.Pattern[str] | None:
        return _any_of(self.k.cue_words("air_defence_words"))

    # Compiled, the text, clitics, words and look-ups are typed (their tests and slices C calls).
    @cython.locals(folded=str, chain=str, words=list, starts=dict, fstarts=dict, unfit=list, prev=tuple)
    def __call__(self, doc: Doc) -> Doc:
        k = self.k
        folded = doc.folded.text
        found, starts = self._alias_names(folded)
        # The report's words, shared with the other recognisers (a short text: its own).
        shared = tokens(folded)
        toks = shared or Tokens(folded)
        found, nisba = self._other_names(folded, toks, found, starts)
        lists = self._role_lists
        prev: tuple[int, str | None] | None = None  # folded end and role of the last actor
        prev_named = False  # whether the last actor is a named one (no template)
        prev_idx = -1  # and its actor
        aerial = self._aerial  # an aircraft's name ("الطيران الحربي")
        defence = self._air_defence  # not the air defences' ("الدفاعات الجوية")
        # doc.original and doc.folded_index, one call less per name
        to_original, fidx = doc.folded.to_original, doc.folded.folded_index
        unfit: list[Mention] = []
        fstarts: dict[int, int] = {}  # a clause's start → its folded start (fidx)
        actors = k.actors  # (a property: read once, not per name)
        for fs, fe, idx, ana in found:
            # The evidence span is the name without its clitics (لتنظيم داعش → تنظيم داعش).
            name_start = starts.get(fs, fs)
            start, end = to_original(name_start, fe)
            entry = actors[idx]
            m = self._mention(doc, folded, start, end, name_start, fe, idx, ana, entry, aerial, defence)
            sent, clause = m.sentence, m.clause
            cstart = doc.clauses[sent][clause].start if sent >= 0 else 0
            # (the folded start of a clause, asked once per clause, not per name in it)
            fcstart = fstarts.get(cstart)
            if fcstart is None:
                fcstart = fstarts[cstart] = fidx(cstart)
            # cues.words_before, on the tokens in hand (lo >= 0: a clause start or fs - reach).
            words = toks.before(fs, max(fcstart, fs - CUE_REACH), 5)
            if (
                words
                and not entry.template
                and fs == name_start
                and self._aircraft_before.has_word(words[-1])
            ):
                # "شن طيران التحالف غارات": the aircraft in construct with their owner's name
                m.attrs["aerial"] = not m.attrs["air_defence"]
            chain = folded[fs:name_start]
            if ana and not chain and folded.startswith("وال", fs):
                chain = "و"  # a generic noun's clitics stay in its span: "والميليشيات" is "و" + noun
            # A generic noun's clitics stay in its span; its لل contraction is still a possessive
            # lam ("هجوم مسلح للمقاومة": the resistance attacked).
            lam = ana and folded.startswith(("لل", "ولل", "فلل"), fs)
            role, why = self._role(
                doc, fs, name_start, fe, chain, words, lists, lam=lam, crowd=entry.kind in _COUNTED_AS_SUBJECT
            )
            if role is None and self._hit_after(folded, fe, shared):
                role, why = "patient_before", "patient_after"  # "إن شرطيين قتلا برصاص"
            # (Most reports have no nationality adjective: no key to build then.)
            own = nisba.get((fs, fe, idx, ana)) if nisba else None
            if own:
                role, why = "agent_before", "state_adjectives"  # "غارة أميركية": its author
            # (a nationality adjective's name starts at its noun's word, و included: "وقوات إماراتية")
            joined = chain.startswith("و") or (own is not None and folded.startswith("و", fs))
            if prev is not None and joined and folded[prev[0] : fs].strip() == "":
                if prev[1] in ("assoc_before", "ignore_before") and "بين" in folded[fcstart:fs].split():
                    # "بين قوات الجيش المدعومة بالمقاومة الشعبية ومسلحي الحوثي": after a supporter,
                    # the name joined to the pair "بين" opened is the other side, no supporter.
                    role, why = None, "the pair's other side"
                else:
                    # Coordinated names share their role ("قوات النظام والميليشيات").
                    role, why = prev[1], "coordinated"
            elif (
                prev is not None
                and joined
                and idx == prev_idx
                and prev[1] == "patient_before"
                and self._ranked(folded[prev[0] : fs])
            ):
                # "قتل ضابط برتبة ملازم أول وجنديان": the same force's men after the first's rank
                role, why = prev[1], "coordinated"
            elif (
                prev is not None
                and idx == prev_idx
                and fs > prev[0]
                and not folded[prev[0] : fs].strip(_APPOSITIVE_MARKS)
            ):
                # "قوات بعثة الاتحاد الأفريقي (أميصوم)": the same force named again in brackets.
                role, why = prev[1], "appositive"
            if (
                prev is not None
                and prev_named
                and not entry.template
                # (split once at most: _affiliation asks for one word, and the gap may be long)
                and self._affiliation(folded[prev[0] : fs].split(None, 1))
            ):
                # "قوة الردع الخاصة التابعة لحكومة الوفاق": the owner of a named force says whose
                # it is; it is no side of the force's fight.
                role, why = "ignore_before", "affiliation of the name before"
            prev, prev_named, prev_idx = (fe, role), not entry.template, idx
            no_side = self._no_side(folded, fs, name_start, fe, entry, words, chain, why, found)
            if no_side is not None:
                role, why = no_side
            elif entry.target_only and role == "agent_before":
                # "اختطفتهم من نقطة تفتيش": a post stands for the forces hit there, never an
                # attacker; read as one, it is where something was done.
                role, why = "ignore_before", "a post is no attacker"
            m.attrs["role_cue"], m.attrs["role_why"] = role, why
            if entry.agent_only and role != "agent_before" and why != "self_claim_after":
                unfit.append(m)  # a name read only as an act's author, and not told as one here
                continue
            if role == "agent_before" and words and _claimed_by_it(words, self._claim_before):
                m.attrs["claims"] = True  # "تبنت الحركة الهجوم": the group claims the act
            elif why == "self_claim_after" and self._responsibility_after(folded, fe):
                m.attrs["claims"] = True  # "وأعلن تنظيم داعش مسؤوليته عن الهجوم"
            if entry.country and not entry.template and entry.kind != "external" and own is None:
                # A state's own forces point at where a report is set (weak: they also act abroad).
                doc.country_scores[entry.country] = doc.country_scores.get(entry.country, 0.0) + 0.5
        if unfit:
            gone = {id(m) for m in unfit}
            doc.set_mentions(ACTOR, [m for m in doc.get(ACTOR) if id(m) not in gone])
        return doc

    def _ranked(self, gap: str) -> bool:
        """Whether the words between two names are a rank ("برتبة ملازم أول"): two to four words
        opened by a cues.yaml rank_before word, with no punctuation."""
        words = gap.split()
        return (
            2 <= len(words) <= RANK_WORDS
            and self.k.cues["rank_before"].has_word(words[0])
            and not any(c in gap for c in "،,.؛")
        )

    def _responsibility_after(self, folded: str, fe: int) -> bool:
        """Whether responsibility is claimed right after a teller's name, or after an aside between
        commas ("وأعلن تنظيم ولاية سيناء، في بيان نشر على حسابات تابعة له، مسؤوليته عن الهجوم")."""
        if self._responsibility.found_in(words_after(folded, fe, 1)):
            return True
        after = past_aside(folded, fe)
        return after != fe and self._responsibility.found_in(words_after(folded, after, 1))

    @cython.locals(folded=str, memo=dict, name=str, bases=dict, base=dict, attrs=dict)
    def _mention(
        self,
        doc: Doc,
        folded: str,
        start: int,
        end: int,
        name_start: int,
        fe: int,
        idx: int,
        ana: bool,
        entry: ActorEntry,
        aerial: re.Pattern[str] | None,
        defence: re.Pattern[str] | None,
    ) -> Mention:
        """The ACTOR mention of one name, [start, end) in the original text (the folded name
        [name_start, fe) without its clitics), its role left for __call__ to fill in: whether it
        names aircraft (`aerial`) or air defences (`defence`)."""
        # (air defences: a defence word with the air's or an anti-aircraft word — "قوات دفاع
        # شبوة" is a force on the ground)
        # Both answers depend on the name's text alone (the patterns are plain alternations of
        # words, no anchor nor boundary): memoised per name, not two regex searches per mention.
        memo = self._air_memo
        name = folded[name_start:fe]
        got = memo.get(name)
        if got is None:
            air_defence = (
                defence is not None and defence.search(name) is not None and ("جو" in name or "مضاد" in name)
            )
            got = (aerial is not None and aerial.search(name) is not None and not air_defence, air_defence)
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            memo[name] = got
        is_aerial, air_defence = got
        if ana and not air_defence and defence is not None and folded.startswith(" الجوي", fe):
            # "قال الجيش إن دفاعاته الجوية أسقطت": the speaker's defences, their adjective after
            # the one word that refers back
            air_defence = defence.search(name) is not None
        # Added first, its role filled in by __call__: doc.add locates the mention (sentence,
        # clause), and the role's window needs that clause, so it is located once. Its attrs are
        # a copy of the name's own (the entry's fields in doc.add's keyword order), not nine
        # keywords parsed per mention.
        bases = self._attr_bases
        base = bases.get(idx * 2 + ana)
        if base is None:
            base = bases[idx * 2 + ana] = {
                "role_cue": None,
                "role_why": None,
                "anaphoric": ana,
                "kind": entry.kind,
                "country": entry.country,
                "generic": entry.template,
                "target_only": entry.target_only,
                "aerial": False,
                "air_defence": False,
            }
        attrs = base.copy()
        if is_aerial:
            attrs["aerial"] = True
        if air_defence:
            attrs["air_defence"] = True
        m = doc.add(ACTOR, start, end, idx)
        m.attrs = attrs
        return m


@lru_cache(maxsize=8)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern finding any of `words` as a substring (one search, not a test per word)."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words))
