"""Who the dead were, for the role assigner (events/roles.py): the spans of a sentence's tolls with
their victims, a side counted among them ("قتل أربعة من عناصر المجلس الانتقالي"), or singled out
right after them ("قتل 42 شخصا، معظمهم من مقاتلي المعارضة")."""

from __future__ import annotations

from marsad.doc import CASUALTY, Mention
from marsad.events.roles_base import UNARMED_KINDS, RoleReading
from marsad.recognize.cues import WORD

AMONG_AFTER = 24  # characters from a toll to a name singled out among its dead ("، معظمهم من ")


class TollReading(RoleReading):
    """The role assigner's part that reads a sentence's tolls."""

    _toll_spans: dict[int, list[tuple[int, int]]]  # (RoleAssigner.__init__)

    def _tolls(self, sentence: int) -> list[tuple[int, int]]:
        """The spans of the sentence's tolls, each with its victim noun phrase (found once per
        sentence: the sort keys of a clause's sides ask for every name)."""
        out = self._toll_spans.get(sentence)
        if out is None:
            out = self._toll_spans[sentence] = []
            for k in self.doc.in_sentence(CASUALTY, sentence):
                lo, hi = k.start, k.end
                if k.value.victim is not None:
                    lo, hi = min(lo, k.value.victim[0]), max(hi, k.value.victim[1])
                out.append((lo, hi))
        return out

    def _counted_dead(self, a: Mention) -> bool:
        """Whether `a` is a side named among a toll's victims ("قتل أربعة من عناصر المجلس
        الانتقالي"), not a bare people noun: those dead name whom the attack hit."""
        generic = a.attrs.get("generic")
        if generic and a.attrs.get("kind") in UNARMED_KINDS:
            return False
        for lo, hi in self._tolls(a.sentence):
            if not generic and lo <= a.start <= hi + 1:  # (it may follow the counted noun: "من عناصر X")
                return True
            if self._singled_out(a, hi):
                return True
        return False

    def _in_a_toll(self, a: Mention) -> bool:
        """Whether `a` is named in a toll's words ("قتل 5 من القوات الحكومية"), a force's generic
        name too."""
        return any(lo <= a.start <= hi + 1 for lo, hi in self._tolls(a.sentence))

    def _among_the_dead(self, a: Mention) -> bool:
        """Whether `a` is singled out among a toll's dead by an aside after it (_singled_out)."""
        if a.attrs.get("kind") in UNARMED_KINDS:
            return False
        return any(self._singled_out(a, hi) for _, hi in self._tolls(a.sentence))

    def _singled_out(self, a: Mention, toll_end: int) -> bool:
        """ "قتل 42 شخصا، معظمهم من مقاتلي المعارضة", "مقتل 59 شخصا معظمهم من الجنود": the side
        most of the dead (or some of them) were, named right after the toll (a force's generic
        name too)."""
        return toll_end < a.start <= toll_end + AMONG_AFTER and self._among_aside(toll_end, a.start)

    def _among_aside(self, start: int, end: int) -> bool:
        """Whether the words between a toll and a name single out who most of the dead were
        ("، معظمهم من", "غالبيتهم") or the force some were members of ("، بينهم عناصر من"): cues
        among_most, or among_victims then a person noun and "من". One man among them ("قتل 9
        أشخاص بينهم شرطي" at a church) says nothing of whom the attack was on."""
        words = WORD.findall(self.doc.folded_slice(start, end))
        if not words:
            return False
        if words[0] in self._cue_set("among_most"):
            rest = words[1:-1] if words[-1] == "من" and len(words) > 1 else words[1:]
            return not rest or (len(rest) == 1 and rest[0] in self._cue_set("person_nouns"))
        return (
            words[0] in self._cue_set("among_victims")
            and len(words) == 3
            and words[2] == "من"
            and words[1] in self._cue_set("person_nouns")
        )
