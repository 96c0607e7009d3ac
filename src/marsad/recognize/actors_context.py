"""What the words next to an actor's name say beyond its role cue, for the actor recogniser
(recognize/actors.py): a passive verb of harm after it, the named group a generic noun heads, an
adjective of an action, a sham post, the owner a link word names, a group claiming an act."""

from __future__ import annotations

import bisect
from functools import cached_property

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.knowledge.lexicon import ActorEntry
from marsad.recognize.actors_base import ActorReading
from marsad.recognize.cues import CUE_REACH, CueList, peel, words_after
from marsad.text.tokens import Tokens

# Group nouns (folded) that may stand before a group's name without being part of its alias.
_GROUP_NOUNS = frozenset({"تنظيم", "جماعه", "حركه", "منظمه", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات"})


def _claimed_by_it(words: list[str], claim_before: CueList) -> bool:
    """A claiming verb right before the name, or before the group noun that heads it ("وتبنى
    تنظيم ولاية سيناء الهجوم")."""
    if claim_before.has_word(words[-1]):
        return True
    return len(words) > 1 and words[-1] in _GROUP_NOUNS and claim_before.has_word(words[-2])


class NameContext(ActorReading):
    """The actor recogniser's part that reads the words next to a name after its role cue."""

    @cython.locals(folded=str, words=list, chain=str, kind=str)
    def _no_side(
        self,
        folded: str,
        fs: int,
        name_start: int,
        fe: int,
        entry: ActorEntry,
        words: list[str],
        chain: str,
        why: str | None,
        found: list[tuple[int, int, int, bool]],
    ) -> tuple[str, str] | None:
        """Whether the words next to a name make it no side of the act whatever its role cue:
        ("ignore_before", why), the first rule that does; None when none does. [fs, fe): the
        folded name with its clitics `chain`, which end at name_start; `words`: the words before
        it; `why`: the list its role cue came from; `found`: the report's names, sorted."""
        # (the entry's fields read once: this runs for every name, most of which no rule fits)
        kind, template, target_only = entry.kind, entry.template, entry.target_only
        unidentified = kind == "unidentified"
        if (unidentified or (template and kind in ("state", "police"))) and self._heads_named_group(
            folded, fe, found, named=not unidentified
        ):
            # "مسلحين من حركة الشباب", "دورية عسكرية تابعة للحوثيين"
            return "ignore_before", "heads a named group"
        if unidentified and words and self._qualifies_action(words[-1], folded[fs:fe]):
            return "ignore_before", "adjective of an action"  # "هجوم مسلح لداعش"
        if target_only and self._sham(folded, fe):
            return "ignore_before", "a sham post"  # "نقطة تفتيش وهمية" set up by gunmen
        if target_only and template and self._owned_by_next(folded, fe, found):
            # "مقرا أمنيا لفصائل المعارضة": the post is the named side's, not the state's
            return "ignore_before", "a post of the side named after it"
        if kind == "civilians":
            if chain.endswith("ل") and any(self._camp_nouns.has_word(w) for w in words[-3:]):
                return "ignore_before", "a camp's name"  # "مخيم جنين للاجئين"
            if any(self._fled.has_word(w) for w in words[-2:]):
                return "ignore_before", "people who fled"  # "فيما نزحت مئات العائلات"
        if why == "teller_verbs" and self._witnesses.has_word(folded[name_start:fe]):
            return "ignore_before", "witnesses"  # "بحسب ما أفاد سكان": they tell, no side
        if unidentified and words and self._destination.has_word(words[-1]):
            return "ignore_before", "a destination"  # "اقتادوهم إلى جهة مجهولة"
        return None

    @cython.locals(nxt=list, obj=list)
    def _hit_after(self, folded: str, fe: int, toks: Tokens | None = None) -> bool:
        """Whether the word right after the name is a passive verb of being killed or hurt
        (cues.yaml patient_after): the name is who was hit. `toks`: the report's shared tokens
        (tokens(folded)), when it has them."""
        # (words, not whitespace pieces: "إن جنديين قتلا، مساء الثلاثاء" has a comma on the verb)
        # words_after(folded, fe, 2) on the shared tokens in hand, without looking them up again
        nxt = words_after(folded, fe, 2) if toks is None else toks.after(fe, fe + CUE_REACH, 2)
        if not nxt or not self._patient_after.has_word(nxt[0]):
            return False
        # "قوات الجيش قتلت 12 مسلحا": a toll or persons right after the verb are its object,
        # so the verb is active and the name before it did the killing.
        obj = nxt[1:]
        return not (obj and (obj[0].isdigit() or self._person_nouns.has_word(obj[0])))

    def _sham(self, folded: str, fe: int) -> bool:
        """A sham post right after the name (cues.yaml sham_after: "نقطة تفتيش وهمية")."""
        nxt = words_after(folded, fe, 1)
        return bool(nxt) and self._sham_after.has_word(nxt[0])

    @cython.locals(folded=str, found=list, gap=list, nxt=tuple)
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
        if self.k.actors[nxt[2]].target_only:
            return False  # "استهدف مسلحون حاجزا أمنيا": the men and the post they attacked
        gap = folded[fe : nxt[0]].split()
        if len(gap) > 1 and gap[-1] in _GROUP_NOUNS and " ".join(gap[:-1]) in self._suspected_of:
            return not named  # "مسلحون يعتقد أنهم من تنظيم ولاية سيناء": the name without its noun
        if not gap:
            # "عصابات داعش": an unnamed noun in construct with a group's name is that group
            return not named and nxt[0] == fe + (folded[fe] == " ")
        if len(gap) == 2 and gap[1] in _GROUP_NOUNS:
            gap = gap[:1]  # "مسلحين من منظمة بي كا كا": the group noun before a name without it
        return (
            gap in (["من"], ["في"])
            or (len(gap) == 1 and self._link_words.has_word(gap[0]))
            or (not named and " ".join(gap) in self._suspected_of)
        )

    def _owned_by_next(self, folded: str, fe: int, found: list[tuple[int, int, int, bool]]) -> bool:
        """Whether a named (not generic) actor follows right after, with the lam of possession
        glued to it ("حاجزا أمنيا للحوثيين")."""
        i = bisect.bisect_left(found, (fe,))
        if i == len(found):
            return False
        nxt = found[i]
        return (
            not self.k.actors[nxt[2]].template
            and folded[fe : nxt[0]].strip() == ""
            and folded.startswith("ل", nxt[0])
        )

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
