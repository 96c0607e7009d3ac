"""The report's focus and the choice among same-named places (CODING.md §4): the headline, the
text's places, country adjectives and actors vote for the report's countries; then each place
mention gets its place and, when it cannot be an event's location, the reason (PlaceRef.role).

PlaceRecognizer (marsad.recognize.places) finds the names and reads their context; this half
of it (PlaceFocus, its base class) decides among them once the report's names are all known.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cached_property, partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

try:
    import cython
except ImportError:  # a pure install may lack Cython: the declarations then declare nothing
    from marsad.text import _pure_cython as cython

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
)
from marsad.recognize.place_choice import choose, country_shares, km, latin
from marsad.text.matcher import PhraseMatcher, longest_first
from marsad.text.normalize import fold
from marsad.text.tokens import Tokens, tokens, words_after

if TYPE_CHECKING:
    from marsad.recognize.places import PlaceRef

FOREIGN_MIN_POP = 50_000
CONTEXT_PLACES = 8  # the places named just before are the context for choosing among namesakes
_ITEM_LEAD_CHARS = 24  # "وفي" and a place noun before a round-up item's place, with room to spare
NO_VOTE_ROLES = ("water", "name", "cause")  # these say nothing of where the report is
# The report's focus: a country is in focus with at least this share of the leading country's
# votes (and one whole vote); a place in no focus country needs its country named right after it.
FOCUS_SHARE = 0.3
TITLE_WEIGHT = 2.0  # a place or country named in the headline
# A province or countryside named right after a place ("X بريف Y", "X بمحافظة Y") holds it: Y is
# read in X's country when it can be. CONTAINER_WORDS: the words from X's start to Y.
CONTAINER_CUES = frozenset({"countryside_before", "province_before", "district_before"})
CONTAINER_WORDS = 5
DEMONYM_WEIGHT = 0.3  # "السورية", "اليمني"
# A country's name in the text, unless something is placed in it ("شمالي العراق"): reports name
# other countries often (sources, sponsors), and "السعودية" is both the country and its adjective.
COUNTRY_WEIGHT = 0.5
REPEAT_FACTOR = 0.5  # each further mention of a name already counted
# A name that is also an ordinary word ("وادي", read as El Oued only after "مديرية") is weaker
# evidence of the report's country than a name that is only a place.
COMMON_FACTOR = 0.5
# A city's quarter ("حي الرشيد بمدينة الرقة") is weaker evidence still: quarters bear the names of
# towns elsewhere (Rosetta, Nasr, Zahraa), and the city they are in is named with them.
QUARTER_FACTOR = 0.5
DATELINE_WEIGHT = 1.0  # added to the vote of an area named alone in the dateline
AMBIGUOUS_WEIGHT = 0.6  # a name borne by places in several countries, shared among them
LOCAL_WORDS = 5  # how far after a name its country or governorate may be named ("X بمحافظة صعدة")
ADJECTIVE_WORDS = 2  # a country adjective only right after it, or one word on ("مدينة صور اللبنانية")
# A dateline: a few words, perhaps an agency in brackets, then a dash ("دمشق - ", "دبي، الإمارات
# العربية المتحدة (CNN)-- ").
# Possessive runs: a letter can match nothing that follows a run of letters (nor a separator
# what follows a run of separators), so giving one back never finds a match, only costs steps.
_DATELINE = re.compile(r"\s*+(?:[^\W\d_]++[\s،,]++){0,5}[^\W\d_]++\s*+(?:\([^)]{0,30}\)\s*+)?[-–—]")
# Support tiers of a candidate's country, best first.
LOCAL, MAIN, FOCUS, ABROAD = 0, 1, 2, 3


@cython.locals(votes=dict)  # (compiled: its get and set called in C)
def _add_votes(votes: dict[str, Any], more: Mapping[str, float]) -> None:
    """votes.update(more) for a Counter, the same sums without Counter.update's generic
    dispatch (a Mapping check per call, and the calls come per name)."""
    for cc, w in more.items():
        votes[cc] = w + votes.get(cc, 0)


_NO_VOTES: Mapping[str, float] = MappingProxyType({})  # the votes of a name that cast none


def _count_words(folded: str, toks: Tokens | None, start: int, end: int) -> int:
    """len(WORD.findall(folded[start:end])), from the report's shared tokens `toks` when it has
    them (Tokens.count: two bisects instead of a regex over the slice)."""
    if toks is None or start >= end:
        return len(WORD.findall(folded[start:end]))
    return toks.count(start, end)


# text.tokens.words_after(folded, pos, hi, n) on the report's tokens in hand (`toks`, None for
# a short text): the same words, without looking the tokens up again for every window.
@cython.locals(folded=str, j=cython.Py_ssize_t, stop=cython.Py_ssize_t, hi=cython.Py_ssize_t)
def _sentence_words_after(
    folded: str, toks: Tokens | None, pos: int, width: int, max_words: int
) -> list[str]:
    """The first words of folded[pos : pos + width] up to its first sentence end."""
    # The first sentence end ([.!?؟\n]) in the window, character by character (compiled: a C
    # loop on the characters, no regex call).
    hi = pos + width
    stop = min(hi, len(folded))
    j = pos
    while j < stop:
        if folded[j] in ".!?؟\n":
            hi = j
            break
        j += 1
    if toks is None:
        return words_after(folded, pos, hi, max_words)
    return toks.after(pos, hi, max_words) if pos < hi else []


@cython.cfunc
@cython.inline
@cython.locals(by_name=dict)
def _votes_of(by_name: dict[frozenset[str], dict[str, float]], key: frozenset[str]) -> dict[str, float]:
    """by_name[key] of the defaultdict(dict) it stands for: a name's votes, made on first use."""
    own = by_name.get(key)
    if own is None:
        own = by_name[key] = {}
    return own


@cython.cfunc
@cython.inline
@cython.locals(anchors_in=dict)
def _anchors_of(
    anchors_in: dict[int, list[tuple[int, str, frozenset[str]]]], sentence: int
) -> list[tuple[int, str, frozenset[str]]]:
    """anchors_in[sentence] of the defaultdict(list) it stands for."""
    got = anchors_in.get(sentence)
    if got is None:
        got = anchors_in[sentence] = []
    return got


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


class PlaceFocus:
    """The place recogniser's second half: votes, choice and roles (see the module's doc)."""

    k: Knowledge
    _headline_names: dict[
        tuple[str, bool, tuple[str, ...]], tuple[frozenset[str], Mapping[str, float]] | None
    ]

    def _forces_just_before(
        self, doc: Doc, folded: str, wtoks: Tokens, m: Mention, cast: Mapping[str, float]
    ) -> set[str]:
        """The countries, among those a name is borne in, of the state forces named a few words
        before it in its sentence and not as the act's author ("موقعا لقوات النظام في ريف القنيطرة":
        the regime's post is in Syria's Quneitra, not Morocco's Kenitra; a force acting abroad is
        no sign of where it acts)."""
        found: set[str] = set()
        for a in doc.in_sentence(ACTOR, m.sentence):
            if a.end > m.start or a.attrs.get("role_cue") == "agent_before":
                continue
            entry = self.k.actors[a.value]
            cc = entry.country
            if (
                entry.kind in ("state", "police")
                and cc in cast
                and _count_words(folded, wtoks, doc.folded_index(a.end), m.value.fstart) < LOCAL_WORDS
            ):
                found.add(cc)
        return found

    def _index(self, *names: str) -> CueIndex:
        """The named cue lists as one CueIndex, so that first_cue need not look it up per question."""
        return cue_index({n: self.k.cues[n] for n in names})

    @cached_property
    def _quarters(self) -> CueList:
        return self.k.cues["quarter_before"]

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
    def _causes(self) -> CueList:
        return self.k.cues["place_cause_before"]

    def _for_cause(self, before: list[str]) -> bool:
        """ "تضامنا مع الشعب الفلسطيني": a country adjective right after a cause cue, or after
        one noun that follows it, tells what a crowd is about, not where it is."""
        n = len(before)
        causes = self._causes
        # (a loop, not any() over a generator: a generator made per name costs more than its test)
        for i in range(max(0, n - 2), n):  # noqa: SIM110
            if causes.ends_at(before, i) is not None:
                return True
        return False

    @cached_property
    def _metonym_verbs(self) -> CueIndex:
        return self._index("capital_metonym_verbs")

    @cython.locals(votes=dict, by_name=dict)
    def _title_votes(
        self, doc: Doc, votes: dict[str, float], by_name: dict[frozenset[str], dict[str, float]]
    ) -> None:
        """Places, countries and country adjectives of the headline vote for the report's focus."""
        if not doc.title:
            return
        ft = fold(doc.title)
        # cues.words_before(ft, pos, 0, n) on the headline's tokens: the same words, without a
        # regex over the headline up to each name.
        title_words = Tokens(ft)
        # As in the text, a place name inside an actor's name (حزب العمال) is part of that name.
        actors = [(a.start, a.end) for a in self.k.actor_matcher.find(ft)]
        demonyms = self.demonyms.find(ft)
        for h in longest_first(self.k.place_matcher.find(ft)):
            if actors and any(s <= h.start and h.end <= e for s, e in actors):
                continue
            # "وقفة في عمّان تضامنا مع غزة": the cause of a crowd is not where the report is
            ws = h.word_start
            if self._for_cause(title_words.before(ws, max(0, ws - CUE_REACH), 3)):
                continue
            got = self._headline_name(h.key, h.article, h.payloads)
            if got is None:
                continue
            identity, own = got
            if len(own) > 1 and demonyms:
                # "احتجاجات في طرابلس اللبنانية": a name followed by one of its countries'
                # adjectives is that country's place.
                named = next(
                    (
                        d.payloads[0]
                        for d in demonyms
                        if d.word_start > h.end and not ft[h.end : d.word_start].strip()
                    ),
                    None,
                )
                if named in own:
                    own = {named: sum(own.values())}
            _add_votes(votes, own)
            _add_votes(_votes_of(by_name, identity), own)  # the text's mentions of it count them as own
        for h in demonyms:
            ws = h.word_start
            if not self._in_name(title_words.before(ws, max(0, ws - CUE_REACH), 2)):
                cc = h.payloads[0]
                votes[cc] = votes.get(cc, 0) + TITLE_WEIGHT / 2

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

    @cython.locals(
        votes=dict,
        by_name=dict,
        anchors_in=dict,
        seen=set,
        openers=dict,
        item_openers=dict,
        sentence_starts=list,
    )
    def _resolve(
        self, doc: Doc, mentions: list[Mention], befores: list[list[str]], infos: list[_Name]
    ) -> None:
        """Votes for the report's country and focus, then each mention's choice and role.
        `befores`, `infos`: the words before each mention (up to 6) and what its name is, as
        __call__ read them."""
        folded = doc.folded.text
        toks = tokens(folded)
        # The words read before and between names: from tokens even for a short text, which has
        # no shared ones (a regex over each window cost more than tokenising it once).
        wtoks = toks if toks is not None else Tokens(folded)
        # 1. The report's country and focus. Votes: the headline; each unambiguous place of the
        #    text, ambiguous ones a little to each of their countries; country
        #    adjectives; actor countries (added by the actor recogniser). Hometowns, waters and
        #    names of papers or ships do not vote.
        # The votes by country: a dict read as the Counter it stands for (a missing country has
        # 0), its look-ups then C calls where a Counter's go through its class.
        votes: dict[str, float] = dict(doc.country_scores)
        # all votes cast by each name (by its identity), so that a name never supports itself
        by_name: dict[frozenset[str], dict[str, float]] = {}
        self._title_votes(doc, votes, by_name)
        seen: set[frozenset[str]] = set()  # names already counted in the text
        placed: list[tuple[Mention, frozenset[str], Mapping[str, float]]] = []  # names shared out
        # Names that place their neighbours, by sentence: (folded start, country, name identity).
        anchors_in: dict[int, list[tuple[int, str, frozenset[str]]]] = {}
        for h in self.demonyms.find(folded):
            cc = h.payloads[0]
            ws = h.word_start
            before = wtoks.before(ws, max(0, ws - CUE_REACH), 3)  # (cues.words_before's words)
            if self._at_border(before) or self._in_name(before) or self._for_cause(before):
                continue
            votes[cc] = votes.get(cc, 0) + DEMONYM_WEIGHT
            _anchors_of(anchors_in, doc.locate(doc.original(h.start, h.end)[0])[0]).append(
                (h.word_start, cc, frozenset())
            )
        dm = _DATELINE.match(doc.text)
        dateline = dm.end() if dm else -1
        # A dateline that names an area alone ("جنوب لبنان –", "ريف إدلب –") tells where the
        # report is set; a city may be a bureau abroad ("دبي، الإمارات (CNN)--"): no extra vote.
        in_dateline = [i for i, m in enumerate(mentions) if m.end <= dateline] if dateline >= 0 else []
        area_dateline = -1
        if len(in_dateline) == 1 and infos[in_dateline[0]].country_code is not None:
            r0: PlaceRef = mentions[in_dateline[0]].value
            if all(c.kind != "populated" for c in r0.candidates):
                area_dateline = in_dateline[0]
        # A sentence of a news round-up opened by its country ("وفي سوريا، …"): its places are
        # read in that country, however little the rest of the report speaks of it.
        openers: dict[int, str] = {}
        item_openers: dict[int, Mention] = {}
        doc.item_openers = item_openers
        # _item_lead's first test, on the sentences' starts read once: most names stand too far
        # into their sentence to open it, and need no call.
        sentence_starts = [s.start for s in doc.sentences]
        quarters = self._quarters
        for i, (m, before, name) in enumerate(zip(mentions, befores, infos, strict=True)):
            r: PlaceRef = m.value
            lead = None
            sentence = m.sentence
            if (
                sentence >= 0
                and m.start - sentence_starts[sentence] <= _ITEM_LEAD_CHARS
                and sentence not in item_openers
            ):
                lead = self._item_lead(doc, m)
                if lead is not None:
                    item_openers[sentence] = m
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
            # A repeated name, and a name that is also an ordinary word, vote less.
            factor = (REPEAT_FACTOR if again else 1.0) * (COMMON_FACTOR if r.common else 1.0)
            if before and quarters.has_word(before[-1]):
                factor *= QUARTER_FACTOR
            cc = name.country_code
            if cc is not None:
                w = 1.0
                if country and country_cue != "place_in_country_before":
                    w = COUNTRY_WEIGHT
                _anchors_of(anchors_in, m.sentence).append((r.fstart, cc, key))
                if country and lead == 1:  # "وفي سوريا،": the country alone after "في"
                    openers[m.sentence] = cc
                w = w * factor
                if not again and i == area_dateline:
                    w += DATELINE_WEIGHT
                # _add_votes of the one-country cast {cc: w}, spelt out (most names).
                votes[cc] = w + votes.get(cc, 0)
                own = _votes_of(by_name, key)
                own[cc] = w + own.get(cc, 0)
            else:
                cast = name.shares  # read only, never changed
                if factor != 1.0:
                    cast = {cc: w * factor for cc, w in cast.items()}
                _add_votes(votes, cast)
                _add_votes(_votes_of(by_name, key), cast)
                placed.append((m, key, cast))
            seen.add(key)
        moved_keys: set[frozenset[str]] = set()
        for m, key, cast in placed:
            # "قرية دوما جنوب نابلس": a name borne in several countries, placed by the name of
            # one country's place right after it, votes for that country alone, wherever the
            # report names it (the namesake with the most people would otherwise carry the
            # report abroad).
            if key in moved_keys:
                continue
            r = m.value
            near = {
                cc
                for pos, cc, other in anchors_in.get(m.sentence, ())
                if other
                and other is not key  # (no compare of a name's places with themselves)
                and other != key
                and cc in cast
                and pos >= r.fend
                and _count_words(folded, wtoks, r.fend, pos) < LOCAL_WORDS
            }
            if len(near) != 1:
                near = self._forces_just_before(doc, folded, wtoks, m, cast)
            if len(near) == 1:
                (cc,) = near
                own = _votes_of(by_name, key)
                total = sum(own.values())
                moved = {c: (total if c == cc else 0.0) - w for c, w in own.items()}
                _add_votes(votes, moved)
                _add_votes(own, moved)
                moved_keys.add(key)
        doc.item_countries = openers
        if votes:
            # Ties go to the alphabetically first code, so a run never depends on hash order.
            doc.country = max(sorted(votes), key=votes.__getitem__)  # (no lambda call per country)
        doc.country_scores = dict(votes)
        # A country is in the focus with support beyond the votes of the name itself: a place
        # abroad, however often named, does not vouch for itself.
        floor = max(1.0, FOCUS_SHARE * votes.get(doc.country, 0)) if doc.country else 0.0
        gaz = self.k.gazetteer
        # 2. Each mention: a country named right after it (its governorate, "شمالي لبنان",
        #    "اليمنية") first, then the report's country, then the rest of its focus; then
        #    specific kinds, then near the places already chosen, then population.
        chosen: list[Place] = []
        country = doc.country
        entwined = self.k.entwined_countries.get(country or "", frozenset())
        report_votes = votes  # (the closure's own name: Cython types no closure's variable by locals)

        def tier(local: set[str], container: set[str], mine: Mapping[str, float], held: bool, cc: str) -> int:
            """The support tier of a candidate's country `cc` (LOCAL … ABROAD) for one mention
            (its country last, for partial: made once per report, bound per mention)."""
            if cc in local or (held and cc in container):
                return LOCAL
            if country is None or cc == country:
                return MAIN
            return FOCUS if cc in entwined or report_votes.get(cc, 0) - mine.get(cc, 0.0) >= floor else ABROAD

        for m, before, name in zip(mentions, befores, infos, strict=True):
            r = m.value
            # The countries named close by in its sentence (a loop, not a set comprehension:
            # most sentences have no such name, and then it costs nothing).
            local: set[str] = set()
            container: set[str] = set()
            anchors = anchors_in.get(m.sentence)
            if anchors:
                # Sorted by where the anchor stands, each test reads only what can decide it
                # (the name's fields read once, words counted only where they tell).
                fstart, fend, rkey = r.fstart, r.fend, r.key
                held = r.cue in CONTAINER_CUES
                for pos, cc, key in anchors:
                    if pos >= fend:
                        # (`is not` first: != on one frozenset compares it with itself
                        # member by member, and a common name has hundreds of places)
                        # A country adjective (no key) places the name only close after it,
                        # not as a person's further on ("في العاصمة الرياض عن مقتل مقيم مصري").
                        if (
                            key is not rkey
                            and key != rkey
                            and _count_words(folded, wtoks, fend, pos)
                            < (LOCAL_WORDS if key else ADJECTIVE_WORDS)
                        ):
                            local.add(cc)
                    elif pos < fstart:
                        if not key:
                            # a country adjective just before: "العاصمة الأردنية عمان"
                            if key != rkey and _count_words(folded, wtoks, pos, fstart) <= 2:
                                local.add(cc)
                        elif held and _count_words(folded, wtoks, pos, fstart) <= CONTAINER_WORDS:
                            # the province or countryside of a place just named (this name's
                            # earlier mention too): "بلدة جباتا الخشب بريف القنيطرة" (Syria's,
                            # not Morocco's). It picks the reading, and ranks the place no
                            # higher than the one it holds.
                            container.add(cc)

            if m.sentence in openers:
                local.add(openers[m.sentence])
            mine = by_name.get(r.key, _NO_VOTES)
            # "شمالي العراق": a region whose name holds its country's name vouches for itself.
            if name.regional:
                local |= self._named_countries(folded[r.fstart : r.fend], r.candidates)

            if len(r.candidates) == 1:
                r.choice = r.candidates[0]  # choose's answer, without a tier closure to make
            else:
                r.choice = choose(r, partial(tier, local, container, mine, True), chosen)
            r.tier = tier(local, container, mine, False, r.choice.country_code)
            cc = name.country_code
            if cc is not None:  # the same one-key dict, without a comprehension call
                r.scores = {cc: votes.get(cc, 0) - mine.get(cc, 0.0)}
            else:
                # The candidates' countries in order, each once: the keys of the name's shares.
                r.scores = {c: votes.get(c, 0) - mine.get(c, 0.0) for c in name.shares}
            if r.choice.kind == "admin1" and r.cue != "province_before":
                # "البصرة" with no "محافظة" before it is the city that gives the province its name.
                # A name the city does not bear ("قطاع غزة", the Strip) stays the area.
                seat = gaz.admin1_seat(r.choice.country_code, r.choice.admin1)
                if (
                    seat is not None
                    and latin(seat.name)[:4] == latin(r.choice.name)[:4]
                    and any(c.id == seat.id for c in r.candidates)
                ):
                    r.choice = seat
            if not r.role and m.end <= dateline:
                # Where the report was filed ("القاهرة –", a bureau abroad): its country votes,
                # but the events are placed by the text's own places.
                r.role = "dateline"
            if not r.role:
                r.role = self._no_event_role(doc, m, before)
            if r.role and r.role not in ("hometown", "origin"):
                r.choice = None
            elif r.choice.kind in ("populated", "admin2"):
                chosen.append(r.choice)
                del chosen[:-CONTEXT_PLACES]

    @staticmethod
    def _item_lead(doc: Doc, m: Mention) -> int | None:
        """When a place's name opens its sentence as a round-up's item does ("وفي سوريا،", "وفي
        مدينة رفح،"), the number of words before it (1 or 2); else None."""
        if m.sentence < 0:
            return None
        start = doc.sentences[m.sentence].start
        if m.start - start > _ITEM_LEAD_CHARS:
            return None  # (most names stand further in: nothing to slice)
        lead = doc.text[start : m.start].split()
        if (
            0 < len(lead) <= 2
            and lead[0] in ("في", "وفي")
            and doc.text[m.end : m.end + 3].lstrip().startswith(("،", ","))
        ):
            return len(lead)
        return None

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
        if (
            r.tier == FOCUS
            and weak
            and ch.kind == "populated"
            and ch.population < FOREIGN_MIN_POP
            and (r.common or len(r.candidates) > 1)
        ):
            # A small village of a neighbour, with no cue of its own, is most often a namesake
            # (a name that no other place bears, and no word, is that town: "كريات شمونة").
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
        if first_cue(before, verbs, 1) is not None:
            return True
        after = _sentence_words_after(folded, tokens(folded), r.fend, 30, 1)
        if after and first_cue(after, verbs, 1) is not None:
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
