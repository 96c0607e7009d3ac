"""A report's mentions by sentence and by clause, for event assembly (issue 11).

Assembly asks, for every clause candidate, for the actors, places, dates, weapons, triggers and
cues of its clause and of its sentence. `Doc.in_sentence` copies its list on every call and
`Doc.in_clause` filters a fresh copy, so asking per candidate repeated the same copies and scans
several times over. This index asks the Doc once per (label, sentence) and groups that sentence's
mentions by clause once; the lists it returns are shared and must not be changed (copy them
before keeping them in a candidate).
"""

from __future__ import annotations

from marsad.doc import Doc, Mention

_NONE: list[Mention] = []  # shared empty answer (never changed)


class ClauseIndex:
    """Mentions of one report by (label, sentence) and (label, sentence, clause), filled on first
    need. Valid while the report's mention lists stay as they are (assembly adds none)."""

    __slots__ = ("_clause", "_sent", "doc")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._sent: dict[tuple[str, int], list[Mention]] = {}
        self._clause: dict[tuple[str, int], dict[int, list[Mention]]] = {}

    def sentence(self, label: str, sentence: int) -> list[Mention]:
        """The sentence's mentions of `label`, in the Doc's order (shared: do not change)."""
        key = (label, sentence)
        got = self._sent.get(key)
        if got is None:
            got = self._sent[key] = self.doc.in_sentence(label, sentence)
        return got

    def clause(self, label: str, sentence: int, clause: int) -> list[Mention]:
        """The clause's mentions of `label`, in the Doc's order (shared: do not change)."""
        key = (label, sentence)
        by = self._clause.get(key)
        if by is None:
            by = self._clause[key] = {}
            for m in self.sentence(label, sentence):
                lst = by.get(m.clause)
                if lst is None:
                    by[m.clause] = [m]
                else:
                    lst.append(m)
        return by.get(clause, _NONE)
