"""Place mentions: gazetteer names in the text, their context (near / countryside / hometown /
province), and disambiguation by the report's country and the other places it names (CODING.md §4).
The disambiguation is the recogniser's base class, PlaceFocus (marsad.recognize.place_focus).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import Any

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

from marsad.doc import ACTOR, PLACE, Doc, Mention
from marsad.knowledge.gazetteer import Place
from marsad.knowledge.resources import Knowledge
from marsad.recognize.cues import CUE_REACH, MEMO_WORDS, CueIndex, CueList, first_cue, peel
from marsad.recognize.place_choice import country_shares
from marsad.recognize.place_containers import CONTAINER_LISTS, place_inside_holders
from marsad.recognize.place_focus import (
    _NO_VOTES,
    _UNSEEN,
    AMBIGUOUS_WEIGHT,
    LOCAL_WORDS,
    MAIN,
    PlaceFocus,
    _Name,
    _sentence_words_after,
)
from marsad.text.matcher import Hit, longest_first
from marsad.text.tokens import Tokens, tokens

if cython.compiled:  # (C declarations: read by Cython only, never imported from source)
    from cython.cimports.cpython.type import PyType_GenericAlloc

CONTEXT_LISTS = (
    "hometown_before",
    "countryside_before",
    "province_before",
    "near_before",
    "settlement_before",
    "district_before",
)
# "ريف حمص الشرقي": a direction adjective right after the place narrows a countryside to a part of it.
_DIRECTION = re.compile(r"\s*(?:ال)?(شرقي|غربي|شمالي|جنوبي)(?:ه)?(?:\s+(?:ال)?(شرقي|غربي)(?:ه)?)?")
# What _DIRECTION must find after its spaces, and all it needs there to match (the rest is
# optional): most names are followed by no direction, and this test spares them the regex call.
_DIRECTION_HEADS = tuple(p + w for p in ("", "ال") for w in ("شرقي", "غربي", "شمالي", "جنوبي"))


@cython.locals(folded=str, j=cython.Py_ssize_t, n=cython.Py_ssize_t)
def _direction(folded: str, end: int) -> str:
    """The direction words right after a name ("ريف حمص الشرقي" → "شرقي"), "" when none."""
    j, n = end, len(folded)
    while j < n and folded[j].isspace():  # (\s is str.isspace)
        j += 1
    if not folded.startswith(_DIRECTION_HEADS, j):
        return ""
    dm = _DIRECTION.match(folded, end)
    return " ".join(g for g in dm.groups() if g) if dm else ""


STRONG_CUES = ("settlement_before", "province_before", "countryside_before", "district_before")
# Cue lists (cues.yaml) right before a place that make it no event location, and the role they give.
ROLE_BEFORE = {
    "place_affiliation_before": "affiliation",
    "place_water_before": "water",
    "place_name_of_before": "name",
    "place_launch_before": "origin",
    "place_cause_before": "cause",
}


@dataclass(slots=True)
class PlaceRef:
    """A place mention's candidates and its resolved choice."""

    candidates: list[Place]
    cue: str | None = None  # which context list fired before it
    direction: str = ""
    paired: bool = False  # second of "between X and Y"
    choice: Place | None = None
    strong_cue: bool = False
    common: bool = False  # the name is also an ordinary word (عين، الحي…)
    scores: dict[str, float] = field(default_factory=dict)  # candidate country → support beyond the name
    # Why the place is no event location ("" when it may be one): hometown, affiliation (الموالية
    # لدمشق), water (بحر قزوين), name (صحيفة الرياض), metonym (أعلنت دمشق), origin (من صعدة
    # باتجاه جازان), dateline (where the report was filed), abroad (a same-named place in a
    # country the report gives no support to). All but hometown and origin leave `choice` None
    # (an origin's country names an unnamed firer).
    role: str = ""
    # How well the report supports the choice's country: 0 named right after it, 1 the report's
    # country, 2 another country of the report's focus, 3 none (see LOCAL … ABROAD).
    tier: int = MAIN
    fstart: int = 0  # folded offsets of the name
    fend: int = 0
    key: frozenset[str] = frozenset()  # the name's identity: the places that bear it
    noun: bool = False  # a place noun right before it (بلدة، مدينة، محافظة، مديرية…), not a common word

    @property
    def hometown(self) -> bool:
        return self.cue == "hometown_before"

    @property
    def located(self) -> bool:
        """Whether the mention can be an event's location (a resolved place, not a hometown)."""
        return self.choice is not None and not self.role


_START, _END = attrgetter("start"), attrgetter("end")  # of a Mention
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


# A name met in the text and what was read before it: hit, _Name, words, cue_hit, role_cue, cue
# (PlaceRecognizer.__call__; a plain tuple: a named tuple's __new__ is interpreted).
_Kept = tuple[Hit[Any], _Name, list[str], tuple[str, int] | None, bool, str | None]


def _joined_by_wa(folded: str, end: int, start: int, gaps: tuple[str, ...] = ("",)) -> bool:
    """Whether the name at `start` follows the one ending at `end` joined by "و" (a few
    characters apart, nothing but `gaps` between)."""
    return start - end <= 3 and folded.startswith("و", start) and folded[end:start].strip() in gaps


def _same_list(prev: list[Place], cands: list[Place]) -> bool:
    """Whether two names joined by "و" can be members of one list: province after province of
    one country, town after town of one province."""
    kinds = {(c.kind, c.country_code) for c in prev if c.kind in ("admin1", "admin2")}
    towns = {(c.country_code, c.admin1) for c in prev if c.kind == "populated"}
    return any(
        (c.kind, c.country_code) in kinds or (c.kind == "populated" and (c.country_code, c.admin1) in towns)
        for c in cands
    )


# Compiled, the searches of the actors' and places' spans are C loops over their ints: a call
# of the bisect module costs a boxed argument, a generic call and a rich comparison per step.
@cython.cfunc
@cython.inline
@cython.boundscheck(False)
@cython.wraparound(False)
@cython.returns(cython.Py_ssize_t)
@cython.locals(a=list, x=cython.Py_ssize_t, lo=cython.Py_ssize_t, hi=cython.Py_ssize_t, mid=cython.Py_ssize_t)
def _bisect_right(a: list[int], x: int) -> int:
    """bisect.bisect_right(a, x) for a sorted list of ints (compiled; a copy per module, as
    text.tokens says why)."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < cython.cast(cython.Py_ssize_t, a[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


if not cython.compiled:  # from source, the bisect module's C function (a Python loop is slower)
    _bisect_right = bisect.bisect_right


@cython.locals(
    cues=frozenset, ends=list, words=list, pos=cython.Py_ssize_t, width=cython.Py_ssize_t, max_words=cython.Py_ssize_t,
    n=cython.Py_ssize_t, i=cython.Py_ssize_t, last=cython.Py_ssize_t, k=cython.Py_ssize_t,
)  # fmt: skip
def _may_read_cue(toks: Tokens, cues: frozenset[str], pos: int, width: int, max_words: int) -> bool:
    """Whether the words _sentence_words_after(…, toks, pos, width, max_words) reads may hold one
    of `cues` (False only when they cannot), tested in place: those of Tokens.after, or fewer (no
    word goes on past a sentence end); a word cut by the window may be a cue in part (True)."""
    ends = toks.ends
    n = len(ends)
    i = _bisect_right(ends, pos)  # the first word ending after pos
    if i >= n:
        return False  # no words after: none read
    if cython.cast(cython.Py_ssize_t, toks.starts[i]) < pos:
        return True
    last = min(i + max_words, n) - 1
    if cython.cast(cython.Py_ssize_t, ends[last]) > pos + width:
        return True
    words = toks.words
    for k in range(i, last + 1):  # noqa: SIM110 (a C loop: any() would make a generator per name)
        if words[k] in cues:
            return True
    return False


def _max(a: int, b: int) -> int:
    """max(a, b) for accumulate: a compiled call (the builtin parses a sequence and keywords)."""
    return b if b > a else a


def _inside(spans: list[tuple[int, int]], i: int, start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted, mostly disjoint spans, of which the
    first `i` start at or before `start` (bisect_right of the starts)."""
    # A loop, not any() over a generator: this runs for every name of every report.
    for s, e in spans[max(0, i - 3) : i]:  # noqa: SIM110
        if s <= start and e >= end:
            return True
    return False


class PlaceRecognizer(PlaceFocus):
    """Adds PLACE mentions (value: PlaceRef), then resolves them (PlaceFocus)."""

    name = "places"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        self._names: dict[tuple[str, bool, tuple[str, ...]], _Name | None] = {}  # see _name
        # _name's answers by key, without and with an article peeled, each with the payloads
        # it was made for: checked by identity (the automaton's own tuple comes back with every
        # hit), where a look-up of the full key hashes a common name's hundreds of ids anew.
        self._names_by_key: tuple[dict[str, tuple[Any, _Name | None]], ...] = ({}, {})
        self._headline_names = {}  # see PlaceFocus._headline_name

    def _name(self, key: str, article: bool, payloads: tuple[str, ...]) -> _Name | None:
        """What a name found in the text is, whatever the report: its candidates that have
        coordinates, whether it is also an ordinary word, its identity; None when it is never a
        place here (a cue noun, not_places, or no candidate with coordinates). Memoised per name:
        reports name the same places again and again."""
        memo = self._names
        nk = (key, article, payloads)
        got = memo.get(nk, _UNSEEN)
        if got is _UNSEEN:
            got = None
            if not self._never(key, article):
                # Some districts come without coordinates in the sources: they cannot locate an event.
                gaz = self.k.gazetteer
                cands = [c for c in map(gaz.get, payloads) if math.isfinite(c.latitude + c.longitude)]
                if cands:
                    ccs = {c.country_code for c in cands}
                    shares = _NO_VOTES
                    if len(ccs) > 1:
                        shares = MappingProxyType(
                            {cc: AMBIGUOUS_WEIGHT * w for cc, w in country_shares(cands).items()}
                        )
                    got = _Name(
                        cands,
                        self._common(key, cands),
                        frozenset(payloads),
                        next(iter(ccs)) if len(ccs) == 1 else None,
                        all(c.kind == "country" for c in cands),
                        shares,
                        any(c.kind == "region" for c in cands),
                    )
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            memo[nk] = got
        return got  # type: ignore[return-value]

    def __call__(self, doc: Doc) -> Doc:
        k = self.k
        folded = doc.folded.text
        toks = tokens(folded)  # the report's words, for every window read around its names
        # (a short text has no shared tokens: its own, where a regex over every window cost more)
        if toks is None:
            toks = Tokens(folded)
        after_cues = self._after_cues  # (read by _role after every name)
        refs = []
        # The words before each of refs and what its name is, read again by _resolve.
        befores: list[list[str]] = []
        infos: list[_Name] = []
        prev_end = -10
        # A place name inside an actor's name (القدس in لواء القدس) is part of that name.
        # (map and zip throughout: the same lists without a Python step per actor or place)
        fidx = doc.folded.folded_indexes  # (one call per list, not per offset)
        actors = doc.get(ACTOR)
        actor_spans = sorted(zip(fidx(map(_START, actors)), fidx(map(_END, actors)), strict=True))
        actor_starts = list(map(_FIRST, actor_spans))
        # The furthest end among the spans starting at or before each: a name that ends past it
        # lies in none of them (a bisect and a comparison for most names, not a loop).
        actor_reach = list(accumulate(map(_SECOND, actor_spans), _max))
        name_of = self._name
        plain_names: dict[str, tuple[Any, _Name | None]] = self._names_by_key[0]
        article_names: dict[str, tuple[Any, _Name | None]] = self._names_by_key[1]
        to_original = doc.folded.to_original  # doc.original, one call less per name
        kept: _Kept | None = None  # a name that is also a word, waiting for the next name

        def add(
            h: Hit[Any],
            name: _Name,
            words: list[str],
            cue_hit: tuple[str, int] | None,
            role_cue: bool,
            cue: str | None,
            direction: str,
            paired: bool,
            strong_cue: bool,
            noun: bool,
        ) -> None:
            """Add the mention of a name (the fields of a _Kept, then what was read after it):
            plain arguments, so that most names, added at once, need no _Kept made."""
            nonlocal prev_end
            # A list of its own per mention: the memoised one is shared by every mention of the name.
            # (The fields by position, choice None: keywords cost a compiled call their parsing.)
            if cython.compiled:  # PlaceRef(...) without its interpreted __init__'s frame
                ref = PyType_GenericAlloc(PlaceRef, 0)
                ref.candidates = list(name.cands)
                ref.cue = cue
                ref.direction = direction
                ref.paired = paired
                ref.choice = None
                ref.strong_cue = strong_cue
                ref.common = name.common
                ref.scores = {}
                ref.role = ""
                ref.tier = MAIN
            else:
                ref = PlaceRef(list(name.cands), cue, direction, paired, None, strong_cue, name.common)
            ref.fstart, ref.fend, ref.key = h.word_start, h.end, name.identity
            ref.noun = noun and not name.common
            ref.role = self._role(h.key, words, folded, toks, after_cues, h.end, cue_hit, role_cue)
            if ref.role == "water" and any(c.kind == "region" for c in name.cands):
                ref.role = ""  # a sea the gazetteer lists as a region: ships are attacked there
            start, end = to_original(h.start, h.end)  # evidence without clitics (بريف → ريف…)
            refs.append(doc.add(PLACE, start, end, ref))
            befores.append(words)
            infos.append(name)
            prev_end = h.end

        for h in longest_first(k.place_matcher.find(folded)):
            # A Hit is a tuple: read as one (compiled, its items in place), where unpacking the
            # named tuple goes through the iterator protocol and its own indexing through a
            # Python-level __getitem__.
            t = cython.cast(tuple, h)
            hstart, hend, ws, payloads, key, article = t[0], t[1], t[2], t[3], t[4], t[5]
            by_key: dict[str, tuple[Any, _Name | None]] = article_names if article else plain_names
            seen = by_key.get(key)
            if seen is not None and seen[0] is payloads:
                name = seen[1]
            else:
                name = name_of(key, article, payloads)
                if len(by_key) >= MEMO_WORDS:
                    by_key.clear()
                by_key[key] = (payloads, name)
            if name is None:
                continue
            if actor_spans:
                i = _bisect_right(actor_starts, hstart)
                if i and actor_reach[i - 1] >= hend and _inside(actor_spans, i, hstart, hend):
                    continue
            cands, common = name.cands, name.common
            words = toks.before(ws, max(0, ws - CUE_REACH), 6)  # (cues.words_before's words)
            cue_hit, role_cue = self._cues_before(words)
            if (
                cue_hit is not None
                and cue_hit[1]
                and " " in key
                and first_cue([key.split(" ", 1)[0]], self._context_lists) is not None
            ):
                # "بمحافظة صعدة، ومديرية حرض": a name that opens with its own place noun is not
                # cued by one told farther back, for the name before it.
                cue_hit = None
            if (
                cue_hit is not None
                and cue_hit[0] == "settlement_before"
                and cue_hit[1] == 0
                and len(words) > 1
                and first_cue(words[:-1], self._origin_list, 1) is not None
            ):
                # "مهجرين من بلدتي الفوعة وكفريا": the town noun sits between "from" and the name.
                cue_hit = ("hometown_before", 1)
            cue = cue_hit[0] if cue_hit else None
            # A place noun right before the name ("بلدة X", also in "قرب بلدة X").
            noun = cue in STRONG_CUES and cue_hit is not None and cue_hit[1] == 0
            if cue == "settlement_before" and len(words) > 1:
                # "قرب بلدة X": the town noun sits between "near" and the name.
                near = first_cue(words[:-1], self._near_list, 1)
                if near is not None:
                    cue = "near_before"
            # A cue noun right before the name ("بلدة الخضراء", "ريف إدلب") vouches for it, also
            # after "near" ("في محيط مدينة طفس").
            strong_cue = noun
            if common and not strong_cue and not self._listed_after(folded, refs, prev_end, ws, cands):
                # Kept aside: the head of a list ("في حيس والتحيتا") is vouched for by the next name.
                kept = (h, name, words, cue_hit, role_cue, cue)
                continue
            if kept is not None:
                kept_end = kept[0].end
                if kept_end < ws and _joined_by_wa(folded, kept_end, ws) and _same_list(kept[1].cands, cands):
                    add(*kept, "", False, False, False)
                kept = None
            direction = _direction(folded, hend)
            paired = ws - prev_end <= 2 and folded[ws] == "و" and folded[prev_end:ws].strip() == ""
            add(h, name, words, cue_hit, role_cue, cue, direction, paired, strong_cue, noun)
        # A place name that contains an actor word (ود مدني ⊃ مدني "civilian") is the place.
        if refs and doc.get(ACTOR):
            # Sorted starts with a running maximum of ends: an actor lies inside some place iff the
            # places starting at or before it reach past its end (linear, not actors × places).
            spans = sorted(zip(map(_START, refs), map(_END, refs), strict=True))
            starts = list(map(_FIRST, spans))
            reach = list(accumulate(map(_SECOND, spans), _max))
            kept = [
                a
                for a in doc.get(ACTOR)
                if (i := _bisect_right(starts, a.start)) == 0 or reach[i - 1] < a.end
            ]
            if len(kept) != len(doc.get(ACTOR)):
                doc.set_mentions(ACTOR, kept)
        self._resolve(doc, refs, befores, infos)
        place_inside_holders(doc, folded, self._container_lists, self.k.cues["distance_units"])
        return doc

    @staticmethod
    def _listed_after(
        folded: str, refs: list[Mention], prev_end: int, start: int, cands: list[Place]
    ) -> bool:
        """ "في صعدة والجوف وحجة وعمران": a name that is also a word (حجة) joined by "و" to the
        place just read, and of the same kind (province after province), is the next of a list."""
        return (
            bool(refs)
            and _joined_by_wa(folded, prev_end, start, ("", "،"))
            and _same_list(refs[-1].value.candidates, cands)
        )

    # The cue lists and word sets read around every name, taken from the knowledge once; the
    # lists as CueIndex, so that first_cue need not look their index up per question.
    @cached_property
    def _container_lists(self) -> CueIndex:
        return self._index(*CONTAINER_LISTS)

    @cached_property
    def _context_lists(self) -> CueIndex:
        return self._index(*CONTEXT_LISTS)

    @cached_property
    def _role_lists(self) -> CueIndex:
        return self._index(*ROLE_BEFORE)

    @cached_property
    def _context_and_role_lists(self) -> CueIndex:
        return self._index(*CONTEXT_LISTS, *ROLE_BEFORE)

    @cached_property
    def _near_list(self) -> CueIndex:
        return self._index("near_before")

    @cached_property
    def _origin_list(self) -> CueIndex:
        return self._index("origin_before")

    @cached_property
    def _water_heads(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("place_water_before"))

    @cached_property
    def _water_after(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("place_water_after"))

    @cached_property
    def _toward(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("place_toward_after"))

    def _cues_before(self, words: list[str]) -> tuple[tuple[str, int] | None, bool]:
        """The nearest context cue within 3 words before a name, and whether a role cue may
        end right before it. Most names have no cue at all: one scan of the context and role
        lists together tells so, instead of one scan of each."""
        hit = first_cue(words, self._context_and_role_lists, 3)
        if hit is None:
            return None, False
        # The context lists come first: the nearest cue of all, if a context one, is the
        # nearest context cue. A role cue can end right before the name only if some cue does.
        cue_hit = hit if hit[0] in CONTEXT_LISTS else first_cue(words, self._context_lists, 3)
        return cue_hit, hit[1] == 0

    def _role(
        self,
        key: str,
        words: list[str],
        folded: str,
        toks: Tokens,
        after_cues: frozenset[str],
        end: int,
        cue_hit: tuple[str, int] | None,
        role_cue: bool,
    ) -> str:
        """Why the name is no event location, from the words around it ("" when it may be one)."""
        if cue_hit is not None and cue_hit[0] == "hometown_before":
            return "hometown"
        hit = first_cue(words, self._role_lists, 1) if role_cue else None
        if hit is not None and not (hit[0] == "place_affiliation_before" and self._seat_of(words)):
            return ROLE_BEFORE[hit[0]]
        province = cue_hit is not None and cue_hit[0] == "province_before" and cue_hit[1] == 0
        if " " in key and key.split(" ", 1)[0] in self._water_heads and not province:
            return "water"  # البحر الأحمر, but not ولاية البحر الأحمر
        if not _may_read_cue(toks, after_cues, end, 60, LOCAL_WORDS):
            return ""  # none of the words after it that the tests below look for
        after = _sentence_words_after(folded, toks, end, 60, LOCAL_WORDS)
        if after_cues.isdisjoint(after):
            return ""  # most names: none of the words after them that the tests below look for
        if after and after[0] in self._water_after:
            return "water"
        # "من صعدة باتجاه" or "من مدينة صعدة اليمنية باتجاه".
        if not self._toward.isdisjoint(after) and any("من" in peel(w) for w in words[-2:]):
            return "origin"
        # "أطلقها الإرهابيون من حي جوبر على حي باب توما" ("المتحصنون في حي جوبر على …"): from a
        # place onto a quarter or town the words after name (cues.yaml place_onto_after, then a
        # settlement noun) is where it fell.
        onto = next((i for i, w in enumerate(after[:-1]) if w in self._onto), None)
        if (
            onto is not None
            and any(f in ("من", "في") for w in words[-2:] for f in peel(w))
            and self._settlement_nouns.has_word(after[onto + 1])
        ):
            return "origin"
        return ""

    @cached_property
    def _onto(self) -> frozenset[str]:
        return frozenset(self.k.cue_words("place_onto_after"))

    @cached_property
    def _after_cues(self) -> frozenset[str]:
        """Every word after a name that _role reads: a name followed by none has no role."""
        return self._water_after | self._toward | self._onto

    @cached_property
    def _settlement_nouns(self) -> CueList:
        return self.k.cues["settlement_before"]

    def _seat_of(self, words: list[str]) -> bool:
        """ "قرية الروضة التابعة لمركز بئر العبد": a settlement "belonging to" a place names the
        district it lies in, not a patron (a force's "القوة التابعة لمصراتة" stays one)."""
        if not words or words[-1] not in ("التابعه", "التابع", "التابعين"):
            return False
        settlement = self.k.cues["settlement_before"]
        return any(settlement.has_word(w) for w in words[-4:-1])

    # --- the report's focus and the choice among same-named places -------------------------
