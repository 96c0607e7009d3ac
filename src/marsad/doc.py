"""The document object that flows through the pipeline.

Each pipeline component reads the annotations earlier ones added and adds its own `Mention`s, always
with offsets into the original text, so every coded field can point back at its evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.models import Event, Span

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.text.normalize import Folded, fold_with_map_cached
from marsad.text.segment import Segment, all_clauses, sentences

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.type import PyType_GenericAlloc


# Compiled, the sentence search is a C loop over the starts' ints: a call of the bisect module
# costs a boxed argument, a generic call and a rich comparison per step (every mention of every
# report asks).
@cython.cfunc
@cython.inline
@cython.boundscheck(False)
@cython.wraparound(False)
@cython.returns(cython.Py_ssize_t)
@cython.locals(a=list, x=cython.Py_ssize_t, lo=cython.Py_ssize_t, hi=cython.Py_ssize_t, mid=cython.Py_ssize_t)
def _bisect_right(a: list[int], x: int) -> int:
    """bisect.bisect_right(a, x) for a sorted list of ints (compiled). A copy per module, on
    purpose: Cython inlines a cfunc only within its own module (sharing one would take a .pxd and
    a cimport, which the pure-Python fallback does not have)."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < cython.cast(cython.Py_ssize_t, a[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


if not cython.compiled:  # from source, the bisect module's C function (a Python loop is slower)
    _bisect_right = bisect_right

_validate_span = Span.__pydantic_validator__.validate_python

# Mention labels, one per recogniser.
ACTOR = "ACTOR"
PLACE = "PLACE"
DATE = "DATE"
CASUALTY = "CASUALTY"
WEAPON = "WEAPON"
TRIGGER = "TRIGGER"
NONEVENT = "NONEVENT"
CUE = "CUE"


@dataclass(slots=True, eq=False)  # identity: two mentions of the same words are still two
class Mention:
    label: str
    start: int  # original offsets, half-open
    end: int
    text: str
    value: Any = None
    sentence: int = -1
    clause: int = -1
    attrs: dict[str, Any] = field(default_factory=dict)

    def span(self) -> Span:
        # Span's own validator, without BaseModel.__init__'s Python frame around it (a third of
        # the cost): the same validation, the same model.
        return _validate_span({"start": self.start, "end": self.end, "text": self.text})


class Doc:
    def __init__(
        self,
        text: str,
        *,
        published: date | None = None,
        title: str | None = None,
        source: str | None = None,
        article_id: str = "",
    ) -> None:
        self.text = text
        self.published = published
        self.title = title
        self.source = source
        self.article_id = article_id
        self.folded: Folded = fold_with_map_cached(text)
        self.sentences: list[Segment] = sentences(text)
        self.clauses: list[list[Segment]] = all_clauses(text, self.sentences)
        self._sent_starts = [s[0] for s in self.sentences]  # (s.start: a descriptor call)
        self._sent_ends = [s[1] for s in self.sentences]
        # Each sentence's clauses as (start, end, index), read by locate for every mention: the
        # Segments themselves are those tuples.
        self._clause_spans: list[list[Segment]] = self.clauses
        self.mentions: dict[str, list[Mention]] = {}
        self._by_sentence: dict[tuple[str, int], list[Mention]] = {}
        self.country_scores: dict[str, float] = {}  # ISO2 → weight, filled by recognisers
        self.country: str | None = None  # the report's main country (ISO2), set by the place recogniser
        # Sentences of a news round-up opened by their own country ("وفي الصومال، …") → its ISO2.
        self.item_countries: dict[int, str] = {}
        # Sentences opened by a place set off by a comma ("وفي مدينة رفح، …", a round-up's next
        # item) → that place's mention, set by the place recogniser.
        self.item_openers: dict[int, Mention] = {}
        self.events: list[Event] = []
        self.candidates: list[Any] = []  # event candidates, set by the assembler
        # id() of the events told as the answer a side gave to another's act (set by coding, read
        # by consolidation: the answer is never the act it answered, however its sides were coded)
        self.answers: set[int] = set()
        # What add reads for every mention, in one attribute (one look-up, where reading each of
        # them cost more than the rest of its work): the text, the sentences' starts and ends, the
        # clause spans, the mention lists, and how many sentences there are.
        self._adding = (
            text,
            self._sent_starts,
            self._sent_ends,
            self._clause_spans,
            self.mentions,
            self._by_sentence,
            len(self.sentences),
        )

    # --- positions -------------------------------------------------------------------------
    def locate(self, pos: int) -> tuple[int, int]:
        """(sentence index, clause index) holding original offset `pos`, or (-1, -1)."""
        i = _bisect_right(self._sent_starts, pos) - 1
        # (Segment.contains spelt out: this runs for every mention of every report.)
        if i < 0 or pos >= self._sent_ends[i]:
            # Between sentences (punctuation): attach to the next sentence if any.
            i = min(i + 1, len(self.sentences) - 1) if self.sentences else -1
            if i < 0:
                return -1, -1
        for cs, ce, ci in self._clause_spans[i]:
            if cs <= pos < ce:
                return i, ci
        return i, 0

    def original(self, fstart: int, fend: int) -> tuple[int, int]:
        return self.folded.to_original(fstart, fend)

    # --- annotations -----------------------------------------------------------------------
    # (compiled: dict.get called in C, the offsets C integers)
    @cython.locals(
        text=str, mentions=dict, by_sentence=dict, starts=list, ends=list, spans=list, n=cython.Py_ssize_t,
        s=cython.Py_ssize_t, clause=tuple, a=cython.Py_ssize_t, b=cython.Py_ssize_t,
    )  # fmt: skip
    def add(self, label: str, start: int, end: int, value: Any = None, **attrs: Any) -> Mention:
        text, starts, ends, spans, mentions, by_sentence, n = self._adding
        # locate(start) spelt out: a call less for every mention of every report.
        s = _bisect_right(starts, start) - 1
        if s < 0 or start >= ends[s]:
            s = min(s + 1, n - 1) if n else -1
        c = -1 if s < 0 else 0
        if s >= 0:
            if cython.compiled:
                # (compiled, each clause read in place as the tuple a Segment is, not unpacked
                # through an iterator: a Segment is no exact tuple)
                for seg in spans[s]:
                    clause = cython.cast(tuple, seg)
                    if clause[0] <= start < clause[1]:
                        c = clause[2]
                        break
            else:
                for cs, ce, ci in spans[s]:
                    if cs <= start < ce:
                        c = ci
                        break
        if cython.compiled:
            # Mention(...) as its dataclass __init__ makes it (object.__new__'s allocation, then
            # the fields in order), without that interpreted __init__'s frame: every mention.
            m = PyType_GenericAlloc(Mention, 0)
            m.label = label
            m.start = start
            m.end = end
            a, b = start, end  # (C offsets: the slice made in C, without a slice object)
            m.text = text[a:b]
            m.value = value
            m.sentence = s
            m.clause = c
            m.attrs = attrs  # **attrs is a new dict
        else:
            m = Mention(label, start, end, text[start:end], value, s, c, attrs)  # **attrs is a new dict
        # get, then a list only when new: setdefault would build an empty list per mention.
        same = mentions.get(label)
        if same is None:
            same = mentions[label] = []
        same.append(m)
        key = (label, s)
        same = by_sentence.get(key)
        if same is None:
            same = by_sentence[key] = []
        same.append(m)
        return m

    def add_folded(self, label: str, fstart: int, fend: int, value: Any = None, **attrs: Any) -> Mention:
        start, end = self.original(fstart, fend)
        return self.add(label, start, end, value, **attrs)

    def get(self, label: str) -> list[Mention]:
        return self.mentions.get(label, [])

    def set_mentions(self, label: str, mentions: list[Mention]) -> None:
        """Replace a label's mentions (a recogniser that filters its own after the fact)."""
        self.mentions[label] = mentions
        for key in [k for k in self._by_sentence if k[0] == label]:
            del self._by_sentence[key]
        for m in mentions:
            self._by_sentence.setdefault((label, m.sentence), []).append(m)

    def in_sentence(self, label: str, sentence: int) -> list[Mention]:
        return list(self._by_sentence.get((label, sentence), ()))

    def in_clause(self, label: str, sentence: int, clause: int) -> list[Mention]:
        # Filters the sentence's own list: in_sentence's copy would be thrown away.
        return [m for m in self._by_sentence.get((label, sentence), ()) if m.clause == clause]

    def all(self) -> Iterator[Mention]:
        for lst in self.mentions.values():
            yield from lst

    def folded_slice(self, start: int, end: int) -> str:
        """The folded text of original [start, end)."""
        return self.folded.folded_slice(start, end)

    def folded_index(self, pos: int) -> int:
        """Folded offset of the first folded char at or after original `pos`."""
        return self.folded.folded_index(pos)
