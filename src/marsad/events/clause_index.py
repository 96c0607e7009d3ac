"""A report's mentions by sentence and by clause, for event assembly (issue 11).

Assembly asks, for every clause candidate, for the actors, places, dates, weapons, triggers and
cues of its clause and of its sentence. `Doc.in_sentence` copies its list on every call and
`Doc.in_clause` filters a fresh copy, so asking per candidate repeated the same copies and scans
several times over. This index groups the report's mentions of those labels by sentence and by
clause in one pass per label; the lists it returns are shared and must not be changed (copy them
before keeping them in a candidate).
"""

from __future__ import annotations

from collections.abc import Iterable

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.doc import ACTOR, CUE, DATE, PLACE, TRIGGER, WEAPON, Doc, Mention

_NONE: list[Mention] = []  # shared empty answer (never changed)
_UNSET = object()  # (no sentence or clause read yet)
ASSEMBLY_LABELS = (ACTOR, PLACE, DATE, WEAPON, TRIGGER, CUE)


class ClauseIndex:
    """Mentions of one report by (label, sentence) and (label, sentence, clause), in the Doc's
    order. Valid while the report's mention lists stay as they are (assembly adds none)."""

    __slots__ = ("_by_clause", "_by_sentence")

    def __init__(self, doc: Doc, labels: Iterable[str] = ASSEMBLY_LABELS) -> None:
        # Built whole, label by label: a report has a few dozen mentions, and a look-up that
        # fills on first need cost more per candidate than grouping them all once.
        self._by_sentence: dict[str, dict[int, list[Mention]]] = {}
        self._by_clause: dict[str, dict[tuple[int, int], list[Mention]]] = {}
        for label in labels:
            by_s: dict[int, list[Mention]] = {}
            by_c: dict[tuple[int, int], list[Mention]] = {}
            # Mentions come mostly in text order: one after another of the same sentence and
            # clause (the same int objects) join the lists of the one before with no look-up.
            # (`is`: any other pair of values takes the look-ups, whatever the order.)
            last_s: object = _UNSET
            last_c: object = _UNSET
            lst_s = lst_c = _NONE
            for m in doc.get(label):
                s = m.sentence
                cl = m.clause
                if s is last_s:
                    lst_s.append(m)
                    if cl is last_c:
                        lst_c.append(m)
                        continue
                else:
                    last_s = s
                    lst_s = by_s.get(s)
                    if lst_s is None:
                        lst_s = by_s[s] = [m]
                    else:
                        lst_s.append(m)
                last_c = cl
                key = (s, cl)
                lst_c = by_c.get(key)
                if lst_c is None:
                    lst_c = by_c[key] = [m]
                else:
                    lst_c.append(m)
            self._by_sentence[label] = by_s
            self._by_clause[label] = by_c

    # (Compiled, the dicts are typed: their look-ups are made in C, not through `get` read as
    # an attribute; these two answer a dozen questions per candidate.)
    @cython.locals(by_label=dict, by=dict)
    def sentence(self, label: str, sentence: int) -> list[Mention]:
        """The sentence's mentions of `label` (shared: do not change)."""
        by_label = self._by_sentence
        by = by_label[label]
        return by.get(sentence, _NONE)

    @cython.locals(by_label=dict, by=dict)
    def clause(self, label: str, sentence: int, clause: int) -> list[Mention]:
        """The clause's mentions of `label` (shared: do not change)."""
        by_label = self._by_clause
        by = by_label[label]
        return by.get((sentence, clause), _NONE)
