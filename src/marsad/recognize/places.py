"""Place mentions: gazetteer names in the text, their context (near / countryside / hometown /
province), and disambiguation by the report's country and the other places it names (CODING.md §4).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from types import MappingProxyType
from typing import Any, NamedTuple

from marsad.doc import ACTOR, PLACE, Doc, Mention
from marsad.knowledge.gazetteer import Place
from marsad.knowledge.lexicon import load_yaml
from marsad.knowledge.resources import DATA_DIR, Knowledge
from marsad.recognize.cues import (
    CUE_REACH,
    MEMO_WORDS,
    WORD,
    CueIndex,
    CueList,
    cue_index,
    first_cue,
    peel,
    words_before,
)
from marsad.recognize.place_choice import choose, country_shares, km, latin
from marsad.text.matcher import PhraseMatcher, longest_first
from marsad.text.normalize import fold
from marsad.text.tokens import Tokens, tokens, words_after

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
FOREIGN_MIN_POP = 50_000
CONTEXT_PLACES = 8  # the places named just before are the context for choosing among namesakes
STRONG_CUES = ("settlement_before", "province_before", "countryside_before", "district_before")
# Cue lists (cues.yaml) right before a place that make it no event location, and the role they give.
ROLE_BEFORE = {
    "place_affiliation_before": "affiliation",
    "place_water_before": "water",
    "place_name_of_before": "name",
}
NO_VOTE_ROLES = ("water", "name")  # these say nothing of where the report is
# The report's focus: a country is in focus with at least this share of the leading country's
# votes (and one whole vote); a place in no focus country needs its country named right after it.
FOCUS_SHARE = 0.3
TITLE_WEIGHT = 2.0  # a place or country named in the headline
DEMONYM_WEIGHT = 0.3  # "السورية", "اليمني"
# A country's name in the text, unless something is placed in it ("شمالي العراق"): reports name
# other countries often (sources, sponsors), and "السعودية" is both the country and its adjective.
COUNTRY_WEIGHT = 0.5
REPEAT_FACTOR = 0.5  # each further mention of a name already counted
AMBIGUOUS_WEIGHT = 0.6  # a name borne by places in several countries, shared among them
LOCAL_WORDS = 5  # how far after a name its country or governorate may be named ("X بمحافظة صعدة")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
# A dateline: a few words, perhaps an agency in brackets, then a dash ("دمشق - ", "دبي، الإمارات
# العربية المتحدة (CNN)-- ").
_DATELINE = re.compile(r"\s*(?:[^\W\d_]+[\s،,]+){0,5}[^\W\d_]+\s*(?:\([^)]{0,30}\)\s*)?[-–—]")
# Support tiers of a candidate's country, best first.
LOCAL, MAIN, FOCUS, ABROAD = 0, 1, 2, 3


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
    # country the report gives no support to). All but hometown leave `choice` None.
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


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted, mostly disjoint spans."""
    i = bisect.bisect_right(starts, start)
    # A loop, not any() over a generator: this runs for every name of every report.
    for s, e in spans[max(0, i - 3) : i]:  # noqa: SIM110
        if s <= start and e >= end:
            return True
    return False


def _add_votes(votes: MutableMapping[str, Any], more: Mapping[str, float]) -> None:
    """votes.update(more), the same sums without Counter.update's generic dispatch (a Mapping
    check per call, and the calls come per name)."""
    for cc, w in more.items():
        votes[cc] = w + votes.get(cc, 0)


_NO_VOTES: Mapping[str, float] = MappingProxyType({})  # the votes of a name that cast none


def _count_words(folded: str, toks: Tokens | None, start: int, end: int) -> int:
    """len(WORD.findall(folded[start:end])), from the report's shared tokens `toks` when it has
    them: the words overlapping [start, end) are those starting before end less those ending by
    start (two bisects instead of a regex over the slice; a word cut at an edge still counts once)."""
    if toks is None or start >= end:
        return len(WORD.findall(folded[start:end]))
    return bisect.bisect_left(toks.starts, end) - bisect.bisect_right(toks.ends, start)


# cues.words_before(folded, pos, 0, n) and text.tokens.words_after(folded, pos, hi, n) on the
# report's tokens in hand (`toks`, None for a short text): the same words, without looking the
# tokens up again for every window of every name.
def _words_before(folded: str, toks: Tokens | None, pos: int, max_words: int) -> list[str]:
    if toks is None:
        return words_before(folded, pos, 0, max_words)
    return toks.before(pos, max(0, pos - CUE_REACH), max_words)


def _sentence_words_after(
    folded: str, toks: Tokens | None, pos: int, width: int, max_words: int
) -> list[str]:
    """The first words of folded[pos : pos + width] up to its first sentence end."""
    m = _SENTENCE_END.search(folded, pos, pos + width)
    hi = m.start() if m else pos + width
    if toks is None:
        return words_after(folded, pos, hi, max_words)
    return toks.after(pos, hi, max_words) if pos < hi else []


class _Name(NamedTuple):
    """What a name of the gazetteer is, whatever report it is found in (PlaceRecognizer._name)."""

    cands: list[Place]  # its places that have coordinates (shared: copied into each PlaceRef)
    common: bool  # also an ordinary word
    identity: frozenset[str]  # the places that bear it (PlaceRef.key)
    country_code: str | None  # the one country of its places, None when they lie in several
    country: bool  # all its places are countries
    shares: Mapping[str, float]  # country_shares(cands) weighted by AMBIGUOUS_WEIGHT (several countries)
    regional: bool  # some of its places are regions (_named_countries)


_UNSEEN = object()  # not yet in a memo (None is a memoised answer)


class PlaceRecognizer:
    name = "places"

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        self._names: dict[tuple[str, bool, tuple[str, ...]], _Name | None] = {}  # see _name
        self._headline_names: dict[
            tuple[str, bool, tuple[str, ...]], tuple[frozenset[str], Mapping[str, float]] | None
        ] = {}  # see _headline_name

    @cached_property
    def _context(self) -> dict:
        with (DATA_DIR / "place_context.yaml").open(encoding="utf-8") as fh:
            return load_yaml(fh) or {}

    @property
    def demonyms(self) -> PhraseMatcher[str]:
        """Country adjectives of place_context.yaml, with their feminine and plural forms → ISO
        code: a member of the knowledge's matcher group, so the report's one scan finds them."""
        return self.k.demonym_matcher

    @cached_property
    def capitals(self) -> frozenset[str]:
        """Ids of the cities that may stand for a government: the populated place at each
        country's point (its capital), and place_context.yaml's government cities."""
        gaz = self.k.gazetteer
        out = set()
        for name in self._context.get("government_cities") or []:
            cands = [c for c in gaz.candidates(fold(name)) if c.kind == "populated"]
            if cands:
                out.add(max(cands, key=lambda c: c.population).id)
        for c in gaz.countries():
            if math.isfinite(c.latitude + c.longitude):
                p = gaz.nearest(c.latitude, c.longitude, country_code=c.country_code)
                if p is not None and km(p, c) < 1:
                    out.add(p.id)
        return frozenset(out)

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
        refs = []
        # The words before each of refs and what its name is, read again by _resolve.
        befores: list[list[str]] = []
        infos: list[_Name] = []
        prev_end = -10
        # A place name inside an actor's name (القدس in لواء القدس) is part of that name.
        fidx = doc.folded.folded_index
        actor_spans = sorted([(fidx(a.start), fidx(a.end)) for a in doc.get(ACTOR)])
        actor_starts = [a for a, _ in actor_spans]
        names, name_of = self._names, self._name
        to_original = doc.folded.to_original  # doc.original, one call less per name
        for h in longest_first(k.place_matcher.find(folded)):
            hstart, hend, ws, payloads, key, article = h
            name = names.get((key, article, payloads), _UNSEEN)
            if name is _UNSEEN:
                name = name_of(key, article, payloads)
            if name is None or (actor_spans and _inside(actor_spans, actor_starts, hstart, hend)):
                continue
            cands, common, identity = name.cands, name.common, name.identity
            words = _words_before(folded, toks, ws, 6)
            cue_hit, role_cue = self._cues_before(words)
            cue = cue_hit[0] if cue_hit else None
            # A place noun right before the name ("بلدة X", also in "قرب بلدة X").
            noun = cue in STRONG_CUES and cue_hit is not None and cue_hit[1] == 0
            if cue == "settlement_before" and len(words) > 1:
                # "قرب بلدة X": the town noun sits between "near" and the name.
                near = first_cue(words[:-1], self._near_list, max_distance=1)
                if near is not None:
                    cue = "near_before"
            # A cue noun right before the name ("بلدة الخضراء", "ريف إدلب") vouches for it, also
            # after "near" ("في محيط مدينة طفس").
            strong_cue = noun
            if common and not strong_cue and not self._listed_after(folded, refs, prev_end, ws, cands):
                continue
            dm = _DIRECTION.match(folded, hend)
            direction = " ".join(g for g in dm.groups() if g) if dm else ""
            paired = ws - prev_end <= 2 and folded[ws] == "و" and folded[prev_end:ws].strip() == ""
            # A list of its own per mention: the memoised one is shared by every mention of the name.
            ref = PlaceRef(list(cands), cue, direction, paired, strong_cue=strong_cue, common=common)
            ref.fstart, ref.fend, ref.key = ws, hend, identity
            ref.noun = noun and not common
            ref.role = self._role(key, words, folded, toks, hend, cue_hit, role_cue)
            start, end = to_original(hstart, hend)  # evidence without clitics (بريف → ريف…)
            refs.append(doc.add(PLACE, start, end, ref))
            befores.append(words)
            infos.append(name)
            prev_end = hend
        # A place name that contains an actor word (ود مدني ⊃ مدني "civilian") is the place.
        if refs and doc.get(ACTOR):
            # Sorted starts with a running maximum of ends: an actor lies inside some place iff the
            # places starting at or before it reach past its end (linear, not actors × places).
            spans = sorted((p.start, p.end) for p in refs)
            starts = [st for st, _ in spans]
            reach = list(accumulate((en for _, en in spans), max))
            kept = [
                a
                for a in doc.get(ACTOR)
                if (i := bisect.bisect_right(starts, a.start)) == 0 or reach[i - 1] < a.end
            ]
            if len(kept) != len(doc.get(ACTOR)):
                doc.set_mentions(ACTOR, kept)
        self._resolve(doc, refs, befores, infos)
        return doc

    @staticmethod
    def _listed_after(
        folded: str, refs: list[Mention], prev_end: int, start: int, cands: list[Place]
    ) -> bool:
        """ "في صعدة والجوف وحجة وعمران": a name that is also a word (حجة) joined by "و" to the
        place just read, and of the same kind (province after province), is the next of a list."""
        if not refs or start - prev_end > 3 or not folded.startswith("و", start):
            return False
        if folded[prev_end:start].strip() not in ("", "،"):
            return False
        prev: PlaceRef = refs[-1].value
        # Province after province of one country; town after town of one province.
        kinds = {(c.kind, c.country_code) for c in prev.candidates if c.kind in ("admin1", "admin2")}
        towns = {(c.country_code, c.admin1) for c in prev.candidates if c.kind == "populated"}
        return any(
            (c.kind, c.country_code) in kinds
            or (c.kind == "populated" and (c.country_code, c.admin1) in towns)
            for c in cands
        )

    def _common(self, key: str, cands: list[Place]) -> bool:
        """The name is also an ordinary word (عين، الحي…): accepted only after a place noun.

        Short names are most often pieces of words, except those of cities and governorates
        (حلب، حمص، غزة، تعز، عدن، جدة, مصر): these stand on their own.
        """
        if key in self.k.lexicon_words or self.k.gazetteer.is_stopword(key):
            return True
        return len(key) <= 3 and not any(
            c.kind in ("admin1", "country") or c.population >= FOREIGN_MIN_POP for c in cands
        )

    def _never(self, key: str, article: bool) -> bool:
        """A word never taken as a place (cue nouns, not_places)."""
        # With an article peeled off a form that has none, its article form counts too.
        never = self.k.never_places
        return key in never or (article and "ال" + key in never)

    # The cue lists and word sets read around every name, taken from the knowledge once; the
    # lists as CueIndex, so that first_cue need not look their index up per question.
    def _index(self, *names: str) -> CueIndex:
        return cue_index({n: self.k.cues[n] for n in names})

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

    # Lists read on one word only (right before a name, or the one before it): their own
    # ends_at answers as first_cue would, without the scan around it.
    @cached_property
    def _borders(self) -> CueList:
        return self.k.cues["place_border_before"]

    @cached_property
    def _in_country(self) -> CueList:
        return self.k.cues["place_in_country_before"]

    @cached_property
    def _person_names(self) -> CueList:
        return self.k.cues["person_name_before"]

    @cached_property
    def _metonym_verbs(self) -> CueIndex:
        return self._index("capital_metonym_verbs")

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
        hit = first_cue(words, self._context_and_role_lists, max_distance=3)
        if hit is None:
            return None, False
        # The context lists come first: the nearest cue of all, if a context one, is the
        # nearest context cue. A role cue can end right before the name only if some cue does.
        cue_hit = hit if hit[0] in CONTEXT_LISTS else first_cue(words, self._context_lists, max_distance=3)
        return cue_hit, hit[1] == 0

    def _role(
        self,
        key: str,
        words: list[str],
        folded: str,
        toks: Tokens | None,
        end: int,
        cue_hit: tuple[str, int] | None,
        role_cue: bool,
    ) -> str:
        """Why the name is no event location, from the words around it ("" when it may be one)."""
        if cue_hit is not None and cue_hit[0] == "hometown_before":
            return "hometown"
        hit = first_cue(words, self._role_lists, max_distance=1) if role_cue else None
        if hit is not None:
            return ROLE_BEFORE[hit[0]]
        province = cue_hit is not None and cue_hit[0] == "province_before" and cue_hit[1] == 0
        if " " in key and key.split(" ", 1)[0] in self._water_heads and not province:
            return "water"  # البحر الأحمر, but not ولاية البحر الأحمر
        after = _sentence_words_after(folded, toks, end, 60, LOCAL_WORDS)
        if after and after[0] in self._water_after:
            return "water"
        # "من صعدة باتجاه" or "من مدينة صعدة اليمنية باتجاه".
        if not self._toward.isdisjoint(after) and any("من" in peel(w) for w in words[-2:]):
            return "origin"
        return ""

    # --- the report's focus and the choice among same-named places -------------------------
    def _title_votes(
        self, doc: Doc, votes: Counter[str], by_name: defaultdict[frozenset[str], dict[str, float]]
    ) -> None:
        """Places, countries and country adjectives of the headline vote for the report's focus."""
        if not doc.title:
            return
        ft = fold(doc.title)
        # As in the text, a place name inside an actor's name (حزب العمال) is part of that name.
        actors = [(a.start, a.end) for a in self.k.actor_matcher.find(ft)]
        for h in longest_first(self.k.place_matcher.find(ft)):
            if actors and any(s <= h.start and h.end <= e for s, e in actors):
                continue
            got = self._headline_name(h.key, h.article, h.payloads)
            if got is None:
                continue
            identity, own = got
            _add_votes(votes, own)
            _add_votes(by_name[identity], own)  # the text's mentions of it count them as own
        for h in self.demonyms.find(ft):
            if not self._in_name(words_before(ft, h.word_start, 0, 2)):
                votes[h.payloads[0]] += TITLE_WEIGHT / 2

    def _headline_name(
        self, key: str, article: bool, payloads: tuple[str, ...]
    ) -> tuple[frozenset[str], Mapping[str, float]] | None:
        """A name in the headline: its identity and the votes it casts (all its places, with
        or without coordinates), None when it casts none (never a place, an ordinary word).
        Memoised per name like _name."""
        memo = self._headline_names
        nk = (key, article, payloads)
        got = memo.get(nk, _UNSEEN)
        if got is _UNSEEN:
            got = None
            gaz = self.k.gazetteer
            cands = [gaz.get(pid) for pid in payloads]
            if not (self._never(key, article) or self._common(key, cands)):
                own = {cc: TITLE_WEIGHT * w for cc, w in country_shares(cands).items()}
                got = (frozenset(payloads), MappingProxyType(own))
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            memo[nk] = got
        return got  # type: ignore[return-value]

    def _in_name(self, before: list[str]) -> bool:
        """A country adjective that ends a person's name ("أبو خليل السوداني"), from the words
        before it (two or more: the one before the last is read)."""
        return len(before) >= 2 and self._person_names.ends_at(before[-2:-1], 0) is not None

    def _country_cue(self, before: list[str]) -> str | None:
        """The border or "in" cue right before a country's name ("الحدود مع سوريا", "داخل
        سوريا"), one scan for both: the border list comes first, so it wins as when read alone."""
        if not before:
            return None
        if self._borders.ends_at(before, len(before) - 1) is not None:
            return "place_border_before"
        if self._in_country.ends_at(before, len(before) - 1) is not None:
            return "place_in_country_before"
        return None

    def _at_border(self, before: list[str]) -> bool:
        """A border cue right before ("الحدود السورية"), from the words before the name."""
        return bool(before) and self._borders.ends_at(before, len(before) - 1) is not None

    def _resolve(
        self, doc: Doc, mentions: list[Mention], befores: list[list[str]], infos: list[_Name]
    ) -> None:
        """Votes for the report's country and focus, then each mention's choice and role.
        `befores`, `infos`: the words before each mention (up to 6) and what its name is, as
        __call__ read them."""
        folded = doc.folded.text
        toks = tokens(folded)
        # 1. The report's country and focus. Votes: the headline; each unambiguous place of the
        #    text, ambiguous ones a little to each of their countries; country
        #    adjectives; actor countries (added by the actor recogniser). Hometowns, waters and
        #    names of papers or ships do not vote.
        votes: Counter[str] = Counter(doc.country_scores)
        # all votes cast by each name (by its identity), so that a name never supports itself
        by_name: defaultdict[frozenset[str], dict[str, float]] = defaultdict(dict)
        self._title_votes(doc, votes, by_name)
        seen: set[frozenset[str]] = set()  # names already counted in the text
        # Names that place their neighbours: (folded start, sentence, country, name identity).
        anchors: list[tuple[int, int, str, frozenset[str]]] = []
        for h in self.demonyms.find(folded):
            cc = h.payloads[0]
            before = _words_before(folded, toks, h.word_start, 3)
            if self._at_border(before) or self._in_name(before):
                continue
            votes[cc] += DEMONYM_WEIGHT
            anchors.append((h.word_start, doc.locate(doc.original(h.start, h.end)[0])[0], cc, frozenset()))
        for m, before, name in zip(mentions, befores, infos, strict=True):
            r: PlaceRef = m.value
            if r.cue == "hometown_before" or r.role in NO_VOTE_ROLES:  # r.hometown
                continue
            country = name.country
            # The last 3 of the 6 words before are the 3 words before (the same window, cut the same).
            country_cue = self._country_cue(before[-3:]) if country else None
            if country_cue == "place_border_before":
                continue
            key = r.key
            # Another mention of a name already counted: the count of distinct places tells
            # more of the report's country than the repetition of one.
            again = key in seen
            cc = name.country_code
            if cc is not None:
                w = 1.0
                if country and country_cue != "place_in_country_before":
                    w = COUNTRY_WEIGHT
                anchors.append((r.fstart, m.sentence, cc, key))
                if again:
                    w = w * REPEAT_FACTOR
                # _add_votes of the one-country cast {cc: w}, spelt out (most names).
                votes[cc] = w + votes.get(cc, 0)
                own = by_name[key]
                own[cc] = w + own.get(cc, 0)
            else:
                cast = name.shares  # read only, never changed
                if again:
                    cast = {cc: w * REPEAT_FACTOR for cc, w in cast.items()}
                _add_votes(votes, cast)
                _add_votes(by_name[key], cast)
            seen.add(key)
        if votes:
            # Ties go to the alphabetically first code, so a run never depends on hash order.
            doc.country = max(sorted(votes), key=lambda cc: votes[cc])
        doc.country_scores = dict(votes)
        # A country is in the focus with support beyond the votes of the name itself: a place
        # abroad, however often named, does not vouch for itself.
        floor = max(1.0, FOCUS_SHARE * votes[doc.country]) if doc.country else 0.0
        gaz = self.k.gazetteer
        # 2. Each mention: a country named right after it (its governorate, "شمالي لبنان",
        #    "اليمنية") first, then the report's country, then the rest of its focus; then
        #    specific kinds, then near the places already chosen, then population.
        dm = _DATELINE.match(doc.text)
        dateline = dm.end() if dm else -1
        chosen: list[Place] = []
        anchors_in: dict[int, list[tuple[int, str, frozenset[str]]]] = defaultdict(list)
        for pos, sent, cc, key in anchors:
            anchors_in[sent].append((pos, cc, key))
        for m, before, name in zip(mentions, befores, infos, strict=True):
            r = m.value
            # The countries named close by in its sentence (a loop, not a set comprehension:
            # most sentences have no such name, and then it costs nothing).
            local: set[str] = set()
            for pos, cc, key in anchors_in.get(m.sentence, ()):
                if key != r.key and (
                    (pos >= r.fend and _count_words(folded, toks, r.fend, pos) < LOCAL_WORDS)
                    # a country adjective just before: "العاصمة الأردنية عمان"
                    or (not key and pos < r.fstart and _count_words(folded, toks, pos, r.fstart) <= 2)
                ):
                    local.add(cc)

            mine = by_name.get(r.key, _NO_VOTES)
            # "شمالي العراق": a region whose name holds its country's name vouches for itself.
            if name.regional:
                local |= self._named_countries(folded[r.fstart : r.fend], r.candidates)

            def tier(cc: str, local: set[str] = local, mine: Mapping[str, float] = mine) -> int:
                if cc in local:
                    return LOCAL
                if doc.country is None or cc == doc.country:
                    return MAIN
                return FOCUS if votes[cc] - mine.get(cc, 0.0) >= floor else ABROAD

            r.choice = choose(r, tier, chosen)
            r.tier = tier(r.choice.country_code)
            cc = name.country_code
            if cc is not None:  # the same one-key dict, without a comprehension call
                r.scores = {cc: votes[cc] - mine.get(cc, 0.0)}
            else:
                r.scores = {
                    c.country_code: votes[c.country_code] - mine.get(c.country_code, 0.0)
                    for c in r.candidates
                }
            if r.choice.kind == "admin1" and r.cue != "province_before":
                # "البصرة" with no "محافظة" before it is the city that gives the province its name.
                seat = gaz.admin1_seat(r.choice.country_code, r.choice.admin1)
                if seat is not None and latin(seat.name)[:4] == latin(r.choice.name)[:4]:
                    r.choice = seat
            if not r.role and m.end <= dateline:
                # Where the report was filed ("القاهرة –", a bureau abroad): its country votes,
                # but the events are placed by the text's own places.
                r.role = "dateline"
            if not r.role:
                r.role = self._no_event_role(doc, m, before)
            if r.role and r.role != "hometown":
                r.choice = None
            elif r.choice.kind in ("populated", "admin2"):
                chosen.append(r.choice)
                del chosen[:-CONTEXT_PLACES]

    def _named_countries(self, surface: str, cands: list[Place]) -> set[str]:
        if " " not in surface:
            return set()
        regional = {c.country_code for c in cands if c.kind == "region"}
        if not regional:
            return set()
        gaz = self.k.gazetteer
        return {
            c.country_code
            for w in surface.split()
            for c in gaz.candidates(w)
            if c.kind == "country" and c.country_code in regional
        }

    def _no_event_role(self, doc: Doc, m: Mention, before: list[str]) -> str:
        """'abroad' for a place in a country the report does not support, 'metonym' for a
        capital standing for its government, else ''. `before`: the words before the name (6)."""
        r: PlaceRef = m.value
        ch = r.choice
        assert ch is not None
        if ch.kind == "country":
            return ""
        if ch.id in self.capitals and self._metonym(doc, m, before[-3:]):
            return "metonym"
        weak = not r.strong_cue or r.common
        if r.tier == ABROAD and (not r.noun or len(r.scores) > 1 or r.scores.get(ch.country_code, 0.0) <= 0):
            # A name of one country after a town noun ("قرية X"), in a country the report names
            # otherwise too, is explicit enough.
            return "abroad"
        if r.tier == FOCUS and weak and ch.kind == "populated" and ch.population < FOREIGN_MIN_POP:
            # A small village of a neighbour, with no cue of its own, is most often a namesake.
            return "abroad"
        return ""

    def _metonym(self, doc: Doc, m: Mention, before: list[str]) -> bool:
        """ "أعلنت دمشق", "طهران تدعم", "بين أنقرة والمتمردين": the capital is a party, not a
        place. `before`: the 3 words before the name."""
        r: PlaceRef = m.value
        folded = doc.folded.text
        verbs = self._metonym_verbs
        if before and "في" in peel(before[-1]):
            return False  # "في بغداد": a place, whatever verb follows
        if first_cue(before, verbs, max_distance=1) is not None:
            return True
        after = _sentence_words_after(folded, tokens(folded), r.fend, 30, 1)
        if after and first_cue(after, verbs, max_distance=1) is not None:
            return True
        if before and "بين" in peel(before[-1]) and re.match(r"\s*و", doc.text[m.end : m.end + 3]):
            # "بين تل أبيب والفصائل": the other side is a party, unless it is a place too
            # ("الطريق بين دمشق وحلب").
            nxt = [p for p in doc.in_sentence(PLACE, m.sentence) if m.end < p.start <= m.end + 8]
            if not nxt:
                return True
        for a in doc.in_sentence(ACTOR, m.sentence):
            gap = doc.text[m.end : a.start] if a.start >= m.end else doc.text[a.end : m.start]
            if 0 < len(gap) <= 6 and re.fullmatch(r"\s*و(?:ال)?", gap):
                return True
        return False
